#include "io/files.hpp"

#include <unistd.h>

#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <system_error>

namespace scilearn::io::detail {

void fail(std::string_view function, const std::filesystem::path& path, std::string_view problem) {
  throw FormatError(cat(function, ": ", path.string(), ": ", problem));
}

void check_fits_in_memory(std::string_view function, const std::filesystem::path& path, double bytes,
                          std::string_view what) {
  const long pages = ::sysconf(_SC_PHYS_PAGES);
  const long page_size = ::sysconf(_SC_PAGESIZE);
  if (pages <= 0 || page_size <= 0) return;  // unknown: let the allocation decide
  const double physical = static_cast<double>(pages) * static_cast<double>(page_size);
  if (bytes > physical) {
    fail(function, path,
         cat(what, " would need ", bytes / 1e9, " GB, more than this machine's ", physical / 1e9, " GB of memory"));
  }
}

std::uintmax_t file_size_checked(std::string_view function, const std::filesystem::path& path) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if ((ec && ec == std::errc::no_such_file_or_directory) || (!ec && !std::filesystem::exists(status))) {
    fail(function, path, "no such file");
  }
  if (ec) fail(function, path, cat("cannot access the file (", ec.message(), ")"));
  if (!std::filesystem::is_regular_file(status)) fail(function, path, "not a regular file");
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) fail(function, path, cat("cannot read the file size (", ec.message(), ")"));
  return size;
}

std::ifstream open_for_reading(std::string_view function, const std::filesystem::path& path) {
  file_size_checked(function, path);
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(function, path, "cannot open the file for reading");
  return in;
}

std::string read_file(std::string_view function, const std::filesystem::path& path) {
  const std::uintmax_t size = file_size_checked(function, path);
  if (size > std::string().max_size()) fail(function, path, cat("file of ", size, " bytes is too large to read"));
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(function, path, "cannot open the file for reading");
  std::string content(static_cast<std::size_t>(size), '\0');
  in.read(content.data(), static_cast<std::streamsize>(content.size()));
  if (static_cast<std::uintmax_t>(in.gcount()) != size) {
    fail(function, path, cat("read ", in.gcount(), " of ", size, " bytes (the file changed or is unreadable)"));
  }
  return content;
}

OutputFile::OutputFile(std::string_view function, const std::filesystem::path& path)
    : function_(function), path_(path), out_(path, std::ios::binary | std::ios::trunc) {
  if (!out_) fail(function_, path_, "cannot open the file for writing");
}

void OutputFile::write(const void* bytes, std::size_t count) {
  out_.write(static_cast<const char*>(bytes), static_cast<std::streamsize>(count));
}

void OutputFile::close() {
  out_.close();
  if (out_.fail()) fail(function_, path_, "writing the file failed");
}

std::string quoted_excerpt(std::string_view text) {
  constexpr std::size_t limit = 40;
  static constexpr char hex[] = "0123456789abcdef";
  std::string out = "'";
  for (std::size_t i = 0; i < text.size() && i < limit; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7f && c != '\\') {
      out += static_cast<char>(c);
    } else {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 0xf];
    }
  }
  out += text.size() > limit ? "'..." : "'";
  return out;
}

}  // namespace scilearn::io::detail

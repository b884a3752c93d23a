#pragma once
// Shared by the fuzz targets: the readers take a path, so each input is written
// to one temporary file per process (removed at exit).

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace scilearn::fuzz {

/// A path in the temporary directory unique to this process and `name`.
inline std::filesystem::path scratch_path(const std::string& name) {
  return std::filesystem::temp_directory_path() / ("scilearn-fuzz-" + std::to_string(::getpid()) + "-" + name);
}

/// Writes the input bytes to this process's input file and returns its path.
inline const std::filesystem::path& write_input(const std::uint8_t* data, std::size_t size, const char* suffix) {
  static const std::filesystem::path path = [&] {
    auto p = scratch_path(std::string("input") + suffix);
    static std::string to_remove;
    to_remove = p.string();
    std::atexit([] { std::remove(to_remove.c_str()); });
    return p;
  }();
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) std::abort();  // the harness itself is broken, not the reader
  if (size > 0 && std::fwrite(data, 1, size, file) != size) std::abort();
  std::fclose(file);
  return path;
}

/// Stops with a crash libFuzzer reports, for a broken invariant.
[[noreturn]] inline void invariant_failed(const char* what) {
  std::fprintf(stderr, "fuzz invariant failed: %s\n", what);
  std::abort();
}

}  // namespace scilearn::fuzz

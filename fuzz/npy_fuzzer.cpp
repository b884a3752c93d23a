// Fuzzes the .npy readers: npy_info, load_npy for every scalar, load_npy_vector.
// A file that loads must survive save_npy -> load_npy bit for bit.
#include <cstring>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/io/npy.hpp>

#include "fuzz_input.hpp"

namespace {

template <class Scalar>
void load_as(const std::filesystem::path& path) {
  try {
    const scilearn::MatrixT<Scalar> a = scilearn::io::load_npy<Scalar>(path);
    (void)a;
  } catch (const scilearn::FormatError&) {
  }
  try {
    const scilearn::VectorT<Scalar> v = scilearn::io::load_npy_vector<Scalar>(path);
    (void)v;
  } catch (const scilearn::FormatError&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& path = scilearn::fuzz::write_input(data, size, ".npy");
  try {
    scilearn::io::npy_info(path);
  } catch (const scilearn::FormatError&) {
  }
  load_as<float>(path);
  load_as<std::int32_t>(path);
  load_as<std::int64_t>(path);
  scilearn::Matrix a;
  try {
    a = scilearn::io::load_npy<double>(path);
  } catch (const scilearn::FormatError&) {
    return 0;
  }
  static const auto copy = scilearn::fuzz::scratch_path("copy.npy");
  scilearn::io::save_npy(copy, a);
  const scilearn::Matrix b = scilearn::io::load_npy<double>(copy);
  if (a.rows() != b.rows() || a.cols() != b.cols() ||
      (a.size() > 0 && std::memcmp(a.data(), b.data(), sizeof(double) * static_cast<std::size_t>(a.size())) != 0)) {
    scilearn::fuzz::invariant_failed("save_npy -> load_npy changed the array");
  }
  return 0;
}

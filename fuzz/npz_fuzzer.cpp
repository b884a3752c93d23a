// Fuzzes scipy.sparse .npz loading (sparse::load_npz): the ZIP container, zlib's
// inflate, the .npy members and the CSR / CSC / COO checks. Built with
// FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION, which skips the members' CRC-32
// check so that mutations reach past the container. A file that loads must
// survive save_npz -> load_npz bit for bit.
#include <cstring>
#include <scilearn/core/errors.hpp>
#include <scilearn/sparse/npz.hpp>

#include "fuzz_input.hpp"

namespace {

template <class SparseT>
bool same(const SparseT& a, const SparseT& b) {
  return a.rows() == b.rows() && a.cols() == b.cols() && a.nonZeros() == b.nonZeros() &&
         std::equal(a.outerIndexPtr(), a.outerIndexPtr() + a.outerSize() + 1, b.outerIndexPtr()) &&
         std::equal(a.innerIndexPtr(), a.innerIndexPtr() + a.nonZeros(), b.innerIndexPtr()) &&
         (a.nonZeros() == 0 ||
          std::memcmp(a.valuePtr(), b.valuePtr(), sizeof(double) * static_cast<std::size_t>(a.nonZeros())) == 0);
}

template <class SparseT>
void load_as(const std::filesystem::path& path, bool round_trip) {
  SparseT a;
  try {
    a = scilearn::sparse::load_npz<SparseT>(path);
  } catch (const scilearn::FormatError&) {
    return;
  }
  if (!round_trip) return;
  static const auto copy = scilearn::fuzz::scratch_path("copy.npz");
  scilearn::sparse::save_npz(copy, a);
  if (!same(scilearn::sparse::load_npz<SparseT>(copy), a)) {
    scilearn::fuzz::invariant_failed("save_npz -> load_npz changed the matrix");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& path = scilearn::fuzz::write_input(data, size, ".npz");
  load_as<scilearn::sparse::CsrMatrix>(path, true);
  load_as<scilearn::sparse::CscMatrix>(path, false);
  load_as<scilearn::sparse::CsrMatrix64>(path, false);
  return 0;
}

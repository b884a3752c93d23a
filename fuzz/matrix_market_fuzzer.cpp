// Fuzzes mminfo, mmread_sparse and mmread_dense. A matrix that reads must
// survive mmwrite -> mmread_sparse exactly, and the dense read must agree.
//
// Legal headers may declare matrices whose empty structure alone exceeds the
// fuzzer's memory limit (a 10^9 x 10^9 coordinate file with no entries is
// valid, and needs 4 GB of column pointers); the readers are only called when
// mminfo's dimensions keep that structure small. Sizes that the file itself
// must back (entries, array values) are the readers' own checks and are
// fuzzed without such a limit.
#include <cmath>
#include <cstring>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/io/matrix_market.hpp>

#include "fuzz_input.hpp"

namespace {

bool same(double x, double y) { return std::isnan(x) ? std::isnan(y) : x == y; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& path = scilearn::fuzz::write_input(data, size, ".mtx");
  scilearn::io::MMInfo info{};
  try {
    info = scilearn::io::mminfo(path);
  } catch (const scilearn::FormatError&) {
    // The readers must reject it too.
    try {
      scilearn::io::mmread_sparse(path);
    } catch (const scilearn::FormatError&) {
      return 0;
    }
    scilearn::fuzz::invariant_failed("mminfo rejected a file that mmread_sparse read");
  }
  constexpr scilearn::Index sparse_limit = 1 << 20;  // column pointers and Eigen's per-row temporaries
  constexpr scilearn::Index dense_limit = 1 << 20;   // entries of the dense result
  if (info.rows > sparse_limit || info.cols > sparse_limit) return 0;
  scilearn::SparseMatrix a;
  try {
    a = scilearn::io::mmread_sparse(path);
  } catch (const scilearn::FormatError&) {
    return 0;
  }
  if (info.rows * info.cols > dense_limit) return 0;
  const scilearn::Matrix dense = scilearn::io::mmread_dense(path);
  static const auto copy = scilearn::fuzz::scratch_path("copy.mtx");
  scilearn::io::mmwrite(copy, a);
  const scilearn::SparseMatrix b = scilearn::io::mmread_sparse(copy);
  if (a.rows() != b.rows() || a.cols() != b.cols() || a.nonZeros() != b.nonZeros()) {
    scilearn::fuzz::invariant_failed("mmwrite -> mmread_sparse changed the structure");
  }
  const scilearn::Matrix ad = scilearn::Matrix(a);
  const scilearn::Matrix bd = scilearn::Matrix(b);
  for (scilearn::Index k = 0; k < ad.size(); ++k) {
    if (!same(ad(k), bd(k))) scilearn::fuzz::invariant_failed("mmwrite -> mmread_sparse changed a value");
    if (!same(ad(k), dense(k))) scilearn::fuzz::invariant_failed("mmread_dense and mmread_sparse disagree");
  }
  return 0;
}

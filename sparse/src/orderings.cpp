// amd / colamd: SuiteSparse's AMD and COLAMD on the pattern of a CSC matrix.
#include <suitesparse/amd.h>
#include <suitesparse/colamd.h>

#include <limits>
#include <numeric>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/validation.hpp>
#include <scilearn/sparse/orderings.hpp>

namespace scilearn::sparse {

std::vector<Index> amd(const CscMatrix& A) {
  check_square("amd", "A", A);
  const int n = static_cast<int>(A.rows());
  std::vector<Index> identity(static_cast<std::size_t>(n));
  std::iota(identity.begin(), identity.end(), Index{0});
  if (A.nonZeros() == 0) return identity;  // no pattern (and no arrays AMD would accept): any order
  CscMatrix a = A;
  a.makeCompressed();
  std::vector<int> p(static_cast<std::size_t>(n));
  double control[AMD_CONTROL];
  double info[AMD_INFO];
  amd_defaults(control);
  const int status = ::amd_order(n, a.outerIndexPtr(), a.innerIndexPtr(), p.data(), control, info);
  if (status != AMD_OK && status != AMD_OK_BUT_JUMBLED) {
    throw BackendError("AMD order", status, cat("amd: AMD failed with status ", status));
  }
  return {p.begin(), p.end()};
}

std::vector<Index> colamd(const CscMatrix& A) {
  const Index nnz = A.nonZeros();
  const auto n_row = static_cast<int>(A.rows());
  const auto n_col = static_cast<int>(A.cols());
  if (n_col == 0) return {};
  // COLAMD works in place in an array of its recommended length.
  const std::size_t length = colamd_recommended(static_cast<int>(nnz), n_row, n_col);
  if (length == 0 || length > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    throw ValueError(cat("colamd: A (", A.rows(), "x", A.cols(), ", ", nnz, " entries) is too large for COLAMD"));
  }
  CscMatrix a = A;
  a.makeCompressed();
  std::vector<int> rows(length);
  std::copy(a.innerIndexPtr(), a.innerIndexPtr() + nnz, rows.begin());
  std::vector<int> p(a.outerIndexPtr(), a.outerIndexPtr() + n_col + 1);
  double knobs[COLAMD_KNOBS];
  int stats[COLAMD_STATS];
  colamd_set_defaults(knobs);
  if (::colamd(n_row, n_col, static_cast<int>(length), rows.data(), p.data(), knobs, stats) == 0) {
    throw BackendError("COLAMD", stats[COLAMD_STATUS],
                       cat("colamd: COLAMD failed with status ", stats[COLAMD_STATUS]));
  }
  return {p.begin(), p.begin() + n_col};  // p[k]: the column placed k-th
}

}  // namespace scilearn::sparse

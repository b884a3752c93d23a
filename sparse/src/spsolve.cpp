// spsolve: the checks at the boundary, then UMFPACK (general) or CHOLMOD (SPD).
#include <optional>
#include <scilearn/sparse/spsolve.hpp>

#include "direct_checks.hpp"
#include "suitesparse/cholmod_llt.hpp"
#include "suitesparse/compressed_view.hpp"
#include "suitesparse/umfpack_lu.hpp"

namespace scilearn::sparse {

namespace {

constexpr const char* where = "spsolve";

template <class M>
Matrix solve(const M& a, const Eigen::Ref<const Matrix>& b, const SpsolveOptions& options) {
  detail::check_direct_matrix(where, a, options.check_finite);
  detail::check_direct_rhs(where, a.rows(), b, options.check_finite);
  if (a.rows() == 0) return Matrix(0, b.cols());
  if (options.assume_a == AssumeA::pos) {
    std::optional<CscMatrix> by_columns;
    return detail::CholmodLLT(detail::upper_by_columns(a, by_columns), where).solve(b);
  }
  std::optional<M> compressed;
  return detail::UmfpackLU(detail::compressed_view(a, compressed), where).solve(b);
}

}  // namespace

Matrix detail::spsolve(const CscMatrix& A, const Eigen::Ref<const Matrix>& B, const SpsolveOptions& options) {
  return solve(A, B, options);
}
Matrix detail::spsolve(const CsrMatrix& A, const Eigen::Ref<const Matrix>& B, const SpsolveOptions& options) {
  return solve(A, B, options);
}

}  // namespace scilearn::sparse

// spsolve_triangular: SciPy's checks, then Eigen's sparse substitution.
#include <Eigen/SparseCore>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/sparse/spsolve_triangular.hpp>

#include "direct_checks.hpp"

namespace scilearn::sparse {

namespace {

constexpr const char* where = "spsolve_triangular";

template <class M>
Matrix solve(const M& a, const Eigen::Ref<const Matrix>& b, const TriangularOptions& o) {
  detail::check_direct_matrix(where, a, o.check_finite);
  detail::check_direct_rhs(where, a.rows(), b, o.check_finite);
  Vector diagonal = Vector::Zero(a.rows());
  for (Index k = 0; k < a.outerSize(); ++k) {
    for (typename M::InnerIterator it(a, k); it; ++it) {
      const bool wrong_side = o.lower ? it.col() > it.row() : it.col() < it.row();
      if (wrong_side && it.value() != 0) {
        throw LinAlgError(cat(where, ": A is not ", o.lower ? "lower" : "upper", " triangular: entry (", it.row(),
                              ", ", it.col(), ") is ", it.value()));
      }
      if (it.row() == it.col()) diagonal(it.row()) = it.value();
    }
  }
  if (!o.unit_diagonal) {
    for (Index i = 0; i < diagonal.size(); ++i) {
      if (diagonal(i) == 0) throw LinAlgError(cat(where, ": A is singular: its diagonal entry ", i, " is zero"));
    }
  }
  Matrix x = b;
  if (o.lower) {
    if (o.unit_diagonal) {
      a.template triangularView<Eigen::UnitLower>().solveInPlace(x);
    } else {
      a.template triangularView<Eigen::Lower>().solveInPlace(x);
    }
  } else if (o.unit_diagonal) {
    a.template triangularView<Eigen::UnitUpper>().solveInPlace(x);
  } else {
    a.template triangularView<Eigen::Upper>().solveInPlace(x);
  }
  return x;
}

}  // namespace

Matrix detail::spsolve_triangular(const CsrMatrix& A, const Eigen::Ref<const Matrix>& B,
                                  const TriangularOptions& options) {
  return solve(A, B, options);
}
Matrix detail::spsolve_triangular(const CscMatrix& A, const Eigen::Ref<const Matrix>& B,
                                  const TriangularOptions& options) {
  return solve(A, B, options);
}

}  // namespace scilearn::sparse

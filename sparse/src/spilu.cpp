// spilu: Eigen's IncompleteLUT behind SciPy's name, options and checks.
#include <Eigen/IterativeLinearSolvers>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/sparse/preconditioners.hpp>

#include "direct_checks.hpp"

namespace scilearn::sparse {

struct IncompleteLU::Impl {
  Eigen::IncompleteLUT<double, int> ilut;
};

Vector IncompleteLU::solve(const VectorView& b) const {
  if (b.size() != n_) throw ValueError(cat("IncompleteLU::solve: b has ", b.size(), " entries but A is ", n_, "x", n_));
  if (n_ == 0) return Vector(0);
  return impl_->ilut.solve(b);
}

LinearOperator IncompleteLU::as_operator() const {
  const IncompleteLU self = *this;  // shares the factors
  return {n_, n_, [self](const VectorView& x, VectorRef y) { y = self.solve(x); }};
}

namespace {

template <class M>
IncompleteLU factor(const M& a, const SpiluOptions& o) {
  detail::check_direct_matrix("spilu", a, true);
  if (!(o.drop_tol >= 0) || !std::isfinite(o.drop_tol)) {
    throw ValueError(cat("spilu: drop_tol must be finite and >= 0, got ", o.drop_tol));
  }
  if (!(o.fill_factor >= 1) || o.fill_factor > std::numeric_limits<int>::max()) {
    throw ValueError(cat("spilu: fill_factor must be >= 1, got ", o.fill_factor));
  }
  auto impl = std::make_shared<IncompleteLU::Impl>();
  if (a.rows() > 0) {
    impl->ilut.setDroptol(o.drop_tol);
    impl->ilut.setFillfactor(static_cast<int>(std::ceil(o.fill_factor)));
    impl->ilut.compute(CscMatrix(a));
    if (impl->ilut.info() != Eigen::Success) {
      throw LinAlgError("spilu: A has a row with no non-zero entry; it is singular");
    }
    // ILUT replaces a zero pivot by sqrt(drop_tol) times the row's norm: zero
    // when drop_tol is 0. The factors do not leave Eigen's object, so a trial
    // solve shows whether they hold an Inf / NaN.
    if (!impl->ilut.solve(Vector::Ones(a.rows())).allFinite()) {
      throw LinAlgError(cat("spilu: a zero pivot with drop_tol = ", o.drop_tol,
                            " made the factors infinite; use a positive drop_tol"));
    }
  }
  return {std::move(impl), a.rows()};
}

}  // namespace

IncompleteLU spilu(const CscMatrix& A, const SpiluOptions& options) { return factor(A, options); }
IncompleteLU spilu(const CsrMatrix& A, const SpiluOptions& options) { return factor(A, options); }

}  // namespace scilearn::sparse

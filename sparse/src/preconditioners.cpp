#include <cmath>
#include <memory>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/validation.hpp>
#include <scilearn/sparse/preconditioners.hpp>

namespace scilearn::sparse {

namespace {

template <class M>
LinearOperator jacobi_of(const M& a) {
  check_square("jacobi", "A", a);
  auto inverse = std::make_shared<Vector>(a.diagonal());
  for (Index i = 0; i < inverse->size(); ++i) {
    const double d = (*inverse)(i);
    if (d == 0 || !std::isfinite(d)) {
      throw ValueError(cat("jacobi: A's diagonal entry ", i, " is ", d, "; expected a finite, non-zero value"));
    }
    (*inverse)(i) = 1 / d;
  }
  // A diagonal operator is its own transpose.
  const LinearOperator::MatVec scale = [inverse](const VectorView& x, VectorRef y) { y = inverse->cwiseProduct(x); };
  return {a.rows(), a.rows(), scale, scale};
}

}  // namespace

LinearOperator jacobi(const CsrMatrix& a) { return jacobi_of(a); }
LinearOperator jacobi(const CscMatrix& a) { return jacobi_of(a); }

}  // namespace scilearn::sparse

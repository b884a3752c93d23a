#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/sparse/linear_operator.hpp>
#include <utility>

namespace scilearn::sparse {

namespace {

// y = A x and y = A^T x for any Eigen matrix held by a pointer-like `held`
// (a raw pointer when borrowed, a shared_ptr when owned).
template <class Held>
LinearOperator::MatVec product(Held held) {
  return [held](const VectorView& x, VectorRef y) { y.noalias() = (*held) * x; };
}

template <class Held>
LinearOperator::MatVec transpose_product(Held held) {
  return [held](const VectorView& x, VectorRef y) { y.noalias() = held->transpose() * x; };
}

template <class M>
LinearOperator borrowed(const M& a) {
  return {a.rows(), a.cols(), product(&a), transpose_product(&a)};
}

template <class M>
LinearOperator owned(M&& a) {
  auto held = std::make_shared<const M>(std::move(a));
  const Index rows = held->rows();
  const Index cols = held->cols();
  return {rows, cols, product(held), transpose_product(held)};
}

}  // namespace

LinearOperator::LinearOperator(Index rows, Index cols, MatVec matvec, MatVec rmatvec)
    : rows_(rows), cols_(cols), matvec_(std::move(matvec)), rmatvec_(std::move(rmatvec)) {
  if (rows < 0 || cols < 0) throw ValueError(cat("LinearOperator: negative shape (", rows, ", ", cols, ")"));
  if (!matvec_) throw ValueError("LinearOperator: matvec is empty");
}

LinearOperator::LinearOperator(const CsrMatrix& a) : LinearOperator(borrowed(a)) {}
LinearOperator::LinearOperator(CsrMatrix&& a) : LinearOperator(owned(std::move(a))) {}
LinearOperator::LinearOperator(const CscMatrix& a) : LinearOperator(borrowed(a)) {}
LinearOperator::LinearOperator(CscMatrix&& a) : LinearOperator(owned(std::move(a))) {}
LinearOperator::LinearOperator(const CsrMatrix64& a) : LinearOperator(borrowed(a)) {}
LinearOperator::LinearOperator(CsrMatrix64&& a) : LinearOperator(owned(std::move(a))) {}
LinearOperator::LinearOperator(const CscMatrix64& a) : LinearOperator(borrowed(a)) {}
LinearOperator::LinearOperator(CscMatrix64&& a) : LinearOperator(owned(std::move(a))) {}
LinearOperator::LinearOperator(const Matrix& a) : LinearOperator(borrowed(a)) {}
LinearOperator::LinearOperator(Matrix&& a) : LinearOperator(owned(std::move(a))) {}

Vector LinearOperator::matvec(const VectorView& x) const {
  if (x.size() != cols_) {
    throw ValueError(
        cat("LinearOperator.matvec: operator is ", rows_, "x", cols_, " but x has ", x.size(), " entries"));
  }
  Vector y(rows_);
  matvec_(x, y);
  return y;
}

Vector LinearOperator::rmatvec(const VectorView& x) const {
  if (!rmatvec_) throw ValueError("LinearOperator.rmatvec: this operator was built without rmatvec");
  if (x.size() != rows_) {
    throw ValueError(
        cat("LinearOperator.rmatvec: operator is ", rows_, "x", cols_, " but x has ", x.size(), " entries"));
  }
  Vector y(cols_);
  rmatvec_(x, y);
  return y;
}

LinearOperator LinearOperator::transpose() const {
  if (!rmatvec_) throw ValueError("LinearOperator.transpose: this operator was built without rmatvec");
  return {cols_, rows_, rmatvec_, matvec_};
}

LinearOperator identity_operator(Index n) {
  const LinearOperator::MatVec copy = [](const VectorView& x, VectorRef y) { y = x; };
  return {n, n, copy, copy};
}

}  // namespace scilearn::sparse

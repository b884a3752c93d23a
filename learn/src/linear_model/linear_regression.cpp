#include <scilearn/learn/linear_model/linear_regression.hpp>
#include <scilearn/linalg/lstsq.hpp>
#include <scilearn/optimize/nnls.hpp>

namespace scilearn::learn {

LinearRegression::Fitted LinearRegression::learn(const MatrixView& X, const VectorView* y,
                                                 const VectorView* sample_weight) const {
  if (!y) throw ValueError("LinearRegression.fit: y is required");
  if (!(params_.tol >= 0)) throw ValueError(cat("LinearRegression: tol must be >= 0, got ", params_.tol));
  const Index p = X.cols();
  // Centering (and sqrt(w) row scaling) as scikit-learn's _preprocess_data.
  Vector x_offset = Vector::Zero(p);
  double y_offset = 0;
  const Vector w = sample_weight ? Vector(*sample_weight) : Vector();
  if (params_.fit_intercept) {
    if (sample_weight) {
      const double total = w.sum();
      x_offset = X.transpose() * w / total;
      y_offset = w.dot(*y) / total;
    } else {
      x_offset = X.colwise().mean().transpose();
      y_offset = y->mean();
    }
  }
  Matrix a = X.rowwise() - x_offset.transpose();
  Vector b = y->array() - y_offset;
  if (sample_weight) {
    const Vector root = w.cwiseSqrt();
    a = root.asDiagonal() * a;
    b = b.cwiseProduct(root);
  }
  Fitted out;
  out.n_features_in = p;
  if (params_.positive) {
    out.coef = optimize::nnls(a, b).x;
  } else {
    auto solution = linalg::lstsq(a, b, {.cond = params_.tol, .check_finite = false});
    out.coef = std::move(solution.x);
    out.rank = solution.rank;
    out.singular = std::move(solution.s);
  }
  out.intercept = params_.fit_intercept ? y_offset - x_offset.dot(out.coef) : 0.0;
  return out;
}

Vector LinearRegression::predict(const MatrixView& X) const {
  const Fitted& state = check_input("predict", X);
  return (X * state.coef).array() + state.intercept;
}

}  // namespace scilearn::learn

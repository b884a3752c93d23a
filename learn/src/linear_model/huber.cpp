#include <cmath>
#include <limits>
#include <scilearn/learn/linear_model/huber.hpp>
#include <scilearn/optimize/minimize.hpp>
#include <string>

namespace scilearn::learn {

namespace {

// The objective and its gradient in (w, [b,] sigma); XType is a dense view
// or CSR storage (the products are the only use of X).
template <class XType>
class HuberObjective {
 public:
  HuberObjective(const XType& X, const VectorView& y, const Vector& weights, double epsilon, double alpha,
                 bool fit_intercept)
      : X_(X),
        y_(y),
        w_(weights),
        epsilon_(epsilon),
        alpha_(alpha),
        fit_intercept_(fit_intercept),
        weight_sum_(weights.sum()) {}

  double operator()(const Vector& params, Vector& grad) {
    const Index p = X_.cols(), n = X_.rows();
    const auto coef = params.head(p);
    const double intercept = fit_intercept_ ? params(p) : 0.0;
    const double sigma = params(params.size() - 1);
    residual_.noalias() = -(X_ * coef);
    residual_ += y_;
    residual_.array() -= intercept;
    // d(loss)/d(residual_i), times -1: the factor of x_i in the gradient.
    factor_.resize(n);
    double squared = 0, outlier_abs = 0, outlier_weight = 0;
    for (Index i = 0; i < n; ++i) {
      const double r = residual_(i), a = std::abs(r), s = w_(i);
      if (a > epsilon_ * sigma) {
        outlier_abs += s * a;
        outlier_weight += s;
        factor_(i) = -2.0 * epsilon_ * s * (r < 0 ? -1.0 : 1.0);
      } else {
        squared += s * r * r;
        factor_(i) = -2.0 / sigma * s * r;
      }
    }
    const double squared_loss = squared / sigma;
    const double outlier_loss = 2.0 * epsilon_ * outlier_abs - sigma * outlier_weight * epsilon_ * epsilon_;
    grad.resize(params.size());
    grad.head(p).noalias() = X_.transpose() * factor_;
    grad.head(p) += 2.0 * alpha_ * coef;
    if (fit_intercept_) grad(p) = factor_.sum();
    grad(params.size() - 1) = weight_sum_ - outlier_weight * epsilon_ * epsilon_ - squared_loss / sigma;
    return weight_sum_ * sigma + squared_loss + outlier_loss + alpha_ * coef.squaredNorm();
  }

 private:
  const XType& X_;
  const VectorView& y_;
  const Vector& w_;
  double epsilon_, alpha_;
  bool fit_intercept_;
  double weight_sum_;
  Vector residual_, factor_;
};

template <class XType>
HuberRegressorFitted fit_huber(const HuberRegressorParams& q, const XType& X, const VectorView& y,
                               const VectorView* sample_weight) {
  if (!(q.epsilon >= 1.0)) throw ValueError(cat("HuberRegressor: epsilon must be >= 1, got ", q.epsilon));
  if (!(q.alpha >= 0)) throw ValueError(cat("HuberRegressor: alpha must be >= 0, got ", q.alpha));
  if (!(q.tol > 0)) throw ValueError(cat("HuberRegressor: tol must be > 0, got ", q.tol));
  if (q.max_iter < 0) throw ValueError(cat("HuberRegressor: max_iter must be >= 0, got ", q.max_iter));
  const Index p = X.cols();
  const Vector weights = sample_weight ? Vector(*sample_weight) : Vector::Ones(X.rows());
  const Index size = p + (q.fit_intercept ? 2 : 1);
  Vector start = Vector::Zero(size);
  start(size - 1) = 1.0;  // the scale starts strictly positive
  optimize::Bounds bounds{Vector::Constant(size, -std::numeric_limits<double>::infinity()),
                          Vector::Constant(size, std::numeric_limits<double>::infinity())};
  bounds.lb(size - 1) = 10 * std::numeric_limits<double>::epsilon();
  HuberObjective<XType> objective(X, y, weights, q.epsilon, q.alpha, q.fit_intercept);
  const optimize::ObjectiveWithGradient fun = [&](const Vector& params, Vector& grad) {
    return objective(params, grad);
  };
  optimize::MinimizeOptions options;
  options.method = optimize::Method::lbfgsb;
  options.bounds = bounds;
  options.maxiter = static_cast<int>(q.max_iter);
  options.gtol = q.tol;
  const optimize::OptimizeResult result = optimize::minimize(fun, start, options);
  if (result.status == 2)
    throw ValueError(cat("HuberRegressor convergence failed: l-BFGS-b solver terminated with ", result.message));
  HuberRegressorFitted out;
  out.n_features_in = p;
  out.n_iter = std::min<Index>(result.nit, q.max_iter);
  out.coef = result.x.head(p);
  out.intercept = q.fit_intercept ? result.x(p) : 0.0;
  out.scale = result.x(size - 1);
  const Vector fitted = X * out.coef;
  const Vector residual = ((y - fitted).array() - out.intercept).abs();
  out.outliers = (residual.array() > out.scale * q.epsilon).cast<double>();
  return out;
}

}  // namespace

HuberRegressor::Fitted HuberRegressor::learn(const MatrixView& X, const VectorView* y,
                                             const VectorView* sample_weight) const {
  if (!y) throw ValueError("HuberRegressor.fit: y is required");
  return fit_huber(params_, X, *y, sample_weight);
}

HuberRegressor& HuberRegressor::fit(const CsrMatrix& X, const VectorView& y, const VectorView& sample_weight) {
  const std::string where = "HuberRegressor.fit";
  check_sparse_X_y(where, X, y, sample_weight);
  const bool weighted = sample_weight.size() > 0;
  fitted_ = fit_huber(params_, X, y, weighted ? &sample_weight : nullptr);
  return *this;
}

Vector HuberRegressor::predict(const MatrixView& X) const {
  const Fitted& state = check_input("predict", X);
  return (X * state.coef).array() + state.intercept;
}

Vector HuberRegressor::predict(const CsrMatrix& X) const {
  const Fitted& state = fitted();
  check_sparse_predict(class_name, "predict", X, state.n_features_in);
  const Vector product = X * state.coef;
  return product.array() + state.intercept;
}

std::vector<bool> HuberRegressor::outliers() const {
  const Vector& flags = fitted().outliers;
  std::vector<bool> out(static_cast<std::size_t>(flags.size()));
  for (Index i = 0; i < flags.size(); ++i) out[static_cast<std::size_t>(i)] = flags(i) != 0;
  return out;
}

}  // namespace scilearn::learn

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>
#include <Eigen/QR>
#include <cmath>
#include <limits>
#include <numbers>
#include <scilearn/learn/covariance/empirical_covariance.hpp>
#include <scilearn/learn/linear_model/bayes.hpp>
#include <scilearn/linalg/svd.hpp>
#include <utility>

#include "bayes_lars_detail.hpp"

namespace scilearn::learn {

namespace {

constexpr double eps = std::numeric_limits<double>::epsilon();

template <class Params>
void check_bayes_params(std::string_view where, const Params& p) {
  if (p.max_iter < 1) throw ValueError(cat(where, ": max_iter must be >= 1, got ", p.max_iter));
  if (!(p.tol > 0)) throw ValueError(cat(where, ": tol must be > 0, got ", p.tol));
  for (const auto& [name, value] : {std::pair{"alpha_1", p.alpha_1}, std::pair{"alpha_2", p.alpha_2},
                                    std::pair{"lambda_1", p.lambda_1}, std::pair{"lambda_2", p.lambda_2}})
    if (!(value >= 0) || !std::isfinite(value)) throw ValueError(cat(where, ": ", name, " must be >= 0, got ", value));
}

double population_variance(const Vector& v) { return v.size() ? (v.array() - v.mean()).square().mean() : 0.0; }

}  // namespace

// ---- BayesianRidge

void BayesianRidge::check_fitted(const Fitted& s) {
  const Index p = s.n_features_in;
  if (s.coef.size() != p || s.x_offset.size() != p || s.sigma.rows() != p || s.sigma.cols() != p)
    throw ValueError("coef, x_offset, sigma and n_features_in disagree");
}

BayesianRidge::Fitted BayesianRidge::learn(const MatrixView& X_in, const VectorView* y_in,
                                           const VectorView* sample_weight) const {
  if (!y_in) throw ValueError("BayesianRidge.fit: y is required");
  check_bayes_params("BayesianRidge", params_);
  if (params_.alpha_init && !(*params_.alpha_init >= 0))
    throw ValueError(cat("BayesianRidge: alpha_init must be >= 0, got ", *params_.alpha_init));
  if (params_.lambda_init && !(*params_.lambda_init >= 0))
    throw ValueError(cat("BayesianRidge: lambda_init must be >= 0, got ", *params_.lambda_init));
  const VectorView& y_raw = *y_in;
  const Index n = X_in.rows(), p = X_in.cols();

  double sw_sum = static_cast<double>(n);
  double y_var = population_variance(y_raw);
  if (sample_weight) {
    sw_sum = sample_weight->sum();
    const double mean = sample_weight->dot(y_raw) / sw_sum;
    y_var = sample_weight->dot((y_raw.array() - mean).square().matrix()) / sw_sum;
  }
  const bayes_lars_detail::CenteredData data =
      bayes_lars_detail::center_data(X_in, y_raw, params_.fit_intercept, sample_weight, true);
  const Matrix& X = data.X;
  const Vector& y = data.y;

  double alpha = params_.alpha_init ? *params_.alpha_init : 1.0 / (y_var + eps);
  double lambda = params_.lambda_init ? *params_.lambda_init : 1.0;

  const Vector XT_y = X.transpose() * y;
  // n > p: only s and V are used, which X = Q R shares with the p x p R, so
  // the SVD runs on R after a Householder QR (no n x p U is formed). n <= p:
  // the SVD of X with the full V (p x p), for sigma.
  linalg::SvdResult<double> svd;
  if (n > p) {
    const Eigen::HouseholderQR<Matrix> qr(X);
    const Matrix R = qr.matrixQR().topRows(p).triangularView<Eigen::Upper>();
    svd = linalg::svd(R, {.full_matrices = false, .check_finite = false});
  } else {
    svd = linalg::svd(X, {.full_matrices = n < p, .check_finite = false});
  }
  const Index K = svd.s.size();
  const Vector eigen_vals = svd.s.array().square();
  Vector eigen_vals_full = Vector::Zero(p);
  eigen_vals_full.head(K) = eigen_vals;
  const auto Vh = svd.vh.topRows(K);
  const Matrix U = n > p ? Matrix() : Matrix(svd.u.leftCols(K));
  const Vector UT_y = n > p ? Vector() : Vector(U.transpose() * y);
  const Vector Vh_XT_y = n > p ? Vector(Vh * XT_y) : Vector();

  Vector coef(p), coef_old, residual(n);
  double sse = 0;
  auto update_coef = [&] {
    const Vector shrink = (eigen_vals.array() + lambda / alpha).inverse();
    if (n > p) {
      coef.noalias() = Vh.transpose() * shrink.cwiseProduct(Vh_XT_y);
    } else {
      coef.noalias() = X.transpose() * (U * shrink.cwiseProduct(UT_y));
    }
    residual = y;
    residual.noalias() -= X * coef;
    sse = residual.squaredNorm();
  };
  auto log_marginal_likelihood = [&] {
    double logdet_sigma = 0;
    if (n > p) {
      logdet_sigma = -(lambda + alpha * eigen_vals.array()).log().sum();
    } else {
      Vector full = Vector::Constant(p, lambda);
      full.head(K).array() += alpha * eigen_vals.array();
      logdet_sigma = -full.array().log().sum();
    }
    const auto& q = params_;
    double score = q.lambda_1 * std::log(lambda) - q.lambda_2 * lambda;
    score += q.alpha_1 * std::log(alpha) - q.alpha_2 * alpha;
    score += 0.5 * (static_cast<double>(p) * std::log(lambda) + sw_sum * std::log(alpha) - alpha * sse -
                    lambda * coef.squaredNorm() + logdet_sigma - sw_sum * std::log(2 * std::numbers::pi));
    return score;
  };

  std::vector<double> scores;
  Index iter = 0;
  for (; iter < params_.max_iter; ++iter) {
    update_coef();
    if (params_.compute_score) scores.push_back(log_marginal_likelihood());
    // MacKay's (1992) updates.
    const double gamma = (alpha * eigen_vals.array() / (lambda + alpha * eigen_vals.array())).sum();
    lambda = (gamma + 2 * params_.lambda_1) / (coef.squaredNorm() + 2 * params_.lambda_2);
    alpha = (sw_sum - gamma + 2 * params_.alpha_1) / (sse + 2 * params_.alpha_2);
    if (iter != 0 && (coef_old - coef).cwiseAbs().sum() < params_.tol) break;
    coef_old = coef;
  }
  Fitted out;
  out.n_features_in = p;
  out.n_iter = std::min(iter + 1, params_.max_iter);
  out.alpha = alpha;
  out.lambda = lambda;
  // scikit-learn's last score pairs the final sse with the coefficients of
  // the last iteration (its local coef_), not the final ones: so here too.
  Vector last_coef = coef;
  update_coef();
  std::swap(coef, last_coef);
  if (params_.compute_score) {
    scores.push_back(log_marginal_likelihood());
    out.scores = Eigen::Map<const Vector>(scores.data(), static_cast<Index>(scores.size()));
  }
  out.coef = std::move(last_coef);
  const Vector inverse = (alpha * eigen_vals_full.array() + lambda).inverse();
  out.sigma = svd.vh.transpose() * inverse.asDiagonal() * svd.vh;
  out.x_offset = data.x_offset;
  out.intercept = params_.fit_intercept ? data.y_offset - data.x_offset.dot(out.coef) : 0.0;
  return out;
}

Vector BayesianRidge::predict(const MatrixView& X) const {
  const Fitted& state = check_input("predict", X);
  return (X * state.coef).array() + state.intercept;
}

PredictionWithStd BayesianRidge::predict_with_std(const MatrixView& X) const {
  const Fitted& state = check_input("predict", X);
  PredictionWithStd out;
  out.mean = (X * state.coef).array() + state.intercept;
  const Matrix centered = X.rowwise() - state.x_offset.transpose();
  const Matrix projected = centered * state.sigma;
  out.std = ((projected.cwiseProduct(centered)).rowwise().sum().array() + 1.0 / state.alpha).sqrt();
  return out;
}

// ---- ARDRegression

void ARDRegression::check_fitted(const Fitted& s) {
  const Index p = s.n_features_in;
  if (s.coef.size() != p || s.x_offset.size() != p || s.lambda.size() != p)
    throw ValueError("coef, lambda, x_offset and n_features_in disagree");
  if (s.sigma.rows() != s.sigma.cols() || s.sigma.rows() > p) throw ValueError("sigma has the wrong shape");
}

ARDRegression::Fitted ARDRegression::learn(const MatrixView& X_in, const VectorView* y_in,
                                           const VectorView* sample_weight) const {
  bayes_lars_detail::reject_sample_weight(class_name, sample_weight);
  if (!y_in) throw ValueError("ARDRegression.fit: y is required");
  check_bayes_params("ARDRegression", params_);
  const Index n = X_in.rows(), p = X_in.cols();
  if (n < 2) throw ValueError(cat("ARDRegression.fit: found ", n, " sample(s) while a minimum of 2 is required"));
  const bayes_lars_detail::CenteredData data = bayes_lars_detail::center_data(X_in, *y_in, params_.fit_intercept);
  const Matrix& X = data.X;
  const Vector& y = data.y;
  const auto& q = params_;

  Vector coef = Vector::Zero(p);
  std::vector<Index> keep(static_cast<std::size_t>(p));
  for (Index j = 0; j < p; ++j) keep[static_cast<std::size_t>(j)] = j;
  double alpha = 1.0 / (population_variance(y) + eps);
  Vector lambda = Vector::Ones(p);

  // n >= p: X'X and X'y once, their kept rows and columns per iteration
  // (scikit-learn forms X_keep'X_keep anew each time, O(n k^2)).
  const bool tall = n >= p;
  const Matrix gram = tall ? bayes_lars_detail::gram_matrix(X) : Matrix();
  const Vector Xy = X.transpose() * y;
  auto update_sigma = [&](Matrix& sigma) {
    const Vector lambda_keep = lambda(keep);
    if (tall) {
      Matrix inverse = alpha * gram(keep, keep);
      inverse.diagonal() += lambda_keep;
      sigma = detail::pinvh(inverse);
    } else {
      // Woodbury: (diag(lambda) + alpha X'X)^-1 through an n x n inverse.
      const Matrix X_keep = X(Eigen::all, keep);
      const Vector inv_lambda = lambda_keep.cwiseInverse();
      const Matrix scaled = X_keep * inv_lambda.asDiagonal();  // n x k
      Matrix inner = scaled * X_keep.transpose();
      inner.diagonal().array() += 1.0 / alpha;
      const Matrix middle = detail::pinvh(inner) * scaled;  // n x k
      sigma = -(scaled.transpose() * middle);
      sigma.diagonal() += inv_lambda;
    }
  };
  auto update_coef = [&](const Matrix& sigma) {
    const Vector c = alpha * (sigma * Xy(keep));
    for (std::size_t i = 0; i < keep.size(); ++i) coef(keep[i]) = c(static_cast<Index>(i));
  };

  std::vector<double> scores;
  Matrix sigma;
  Vector coef_old;
  Index iter = 0;
  for (; iter < q.max_iter; ++iter) {
    update_sigma(sigma);
    update_coef(sigma);
    const double sse = (y - X * coef).squaredNorm();
    double gamma_sum = 0;
    for (std::size_t i = 0; i < keep.size(); ++i) {
      const Index j = keep[i];
      const double gamma = 1.0 - lambda(j) * sigma(static_cast<Index>(i), static_cast<Index>(i));
      gamma_sum += gamma;
      lambda(j) = (gamma + 2.0 * q.lambda_1) / (coef(j) * coef(j) + 2.0 * q.lambda_2);
    }
    alpha = (static_cast<double>(n) - gamma_sum + 2.0 * q.alpha_1) / (sse + 2.0 * q.alpha_2);
    keep.clear();
    for (Index j = 0; j < p; ++j) {
      if (lambda(j) < q.threshold_lambda)
        keep.push_back(j);
      else
        coef(j) = 0;
    }
    if (q.compute_score) {
      double s = (q.lambda_1 * lambda.array().log() - q.lambda_2 * lambda.array()).sum();
      s += q.alpha_1 * std::log(alpha) - q.alpha_2 * alpha;
      s += 0.5 * (detail::fast_logdet(sigma) + static_cast<double>(n) * std::log(alpha) + lambda.array().log().sum());
      s -= 0.5 * (alpha * sse + (lambda.array() * coef.array().square()).sum());
      scores.push_back(s);
    }
    if (iter > 0 && (coef_old - coef).cwiseAbs().sum() < q.tol) break;
    coef_old = coef;
    if (keep.empty()) break;
  }
  Fitted out;
  out.n_features_in = p;
  out.n_iter = std::min(iter + 1, q.max_iter);
  if (!keep.empty()) {
    update_sigma(sigma);
    update_coef(sigma);
  } else {
    sigma.resize(0, 0);
  }
  out.coef = coef;
  out.alpha = alpha;
  out.lambda = lambda;
  out.sigma = std::move(sigma);
  out.scores = Eigen::Map<const Vector>(scores.data(), static_cast<Index>(scores.size()));
  out.x_offset = data.x_offset;
  out.intercept = q.fit_intercept ? data.y_offset - data.x_offset.dot(out.coef) : 0.0;
  return out;
}

Vector ARDRegression::predict(const MatrixView& X) const {
  const Fitted& state = check_input("predict", X);
  return (X * state.coef).array() + state.intercept;
}

PredictionWithStd ARDRegression::predict_with_std(const MatrixView& X) const {
  const Fitted& state = check_input("predict", X);
  PredictionWithStd out;
  out.mean = (X * state.coef).array() + state.intercept;
  std::vector<Index> kept;
  for (Index j = 0; j < state.lambda.size(); ++j)
    if (state.lambda(j) < params_.threshold_lambda) kept.push_back(j);
  Vector variance = Vector::Constant(X.rows(), 1.0 / state.alpha);
  if (!kept.empty() && state.sigma.rows() == static_cast<Index>(kept.size())) {
    const Matrix centered = X(Eigen::all, kept).rowwise() - state.x_offset(kept).transpose();
    variance += (centered * state.sigma).cwiseProduct(centered).rowwise().sum();
  }
  out.std = variance.cwiseSqrt();
  return out;
}

}  // namespace scilearn::learn

#include <cmath>
#include <scilearn/core/validation.hpp>
#include <scilearn/learn/linear_model/multi_task_elastic_net.hpp>

#include "linear_model/cd_solver.hpp"

namespace scilearn::learn {

namespace detail {

MultiTaskFitted multi_task_fit(std::string_view where, const EnetSettings& st, const MatrixView& X, const MatrixView& Y,
                               const VectorView& sample_weight, const Matrix* start) {
  check_X(where, X);
  if (Y.rows() != X.rows()) throw ValueError(cat(where, ": X has ", X.rows(), " samples but Y has ", Y.rows()));
  if (Y.cols() < 1) throw ValueError(cat(where, ": Y has no column"));
  if (!Y.allFinite()) throw ValueError(cat(where, ": Y contains NaN or infinity"));
  check_sample_weight(where, sample_weight, X.rows());
  if (!(st.alpha >= 0) || !std::isfinite(st.alpha))
    throw ValueError(cat(where, ": alpha must be a finite number >= 0, got ", st.alpha));
  if (!(st.l1_ratio >= 0 && st.l1_ratio <= 1))
    throw ValueError(cat(where, ": l1_ratio must be in [0, 1], got ", st.l1_ratio));
  if (st.max_iter < 1) throw ValueError(cat(where, ": max_iter must be >= 1, got ", st.max_iter));
  if (!(st.tol >= 0)) throw ValueError(cat(where, ": tol must be >= 0, got ", st.tol));
  const Index n = X.rows(), p = X.cols(), T = Y.cols();
  const double dn = static_cast<double>(n);
  // Weights rescaled to sum to n_samples, as scikit-learn.
  const Vector s = sample_weight.size() ? Vector(sample_weight * (dn / sample_weight.sum())) : Vector();
  Vector x_offset = Vector::Zero(p), y_offset = Vector::Zero(T);
  if (st.fit_intercept) {
    if (s.size()) {
      x_offset.noalias() = X.transpose() * s / dn;
      y_offset.noalias() = Y.transpose() * s / dn;
    } else {
      x_offset = X.colwise().mean().transpose();
      y_offset = Y.colwise().mean().transpose();
    }
  }
  const Vector sqrt_s = s.cwiseSqrt();
  Matrix W = start && start->rows() == T && start->cols() == p ? *start : Matrix::Zero(T, p);
  const CdSettings cs{.l1 = st.alpha * st.l1_ratio * dn,
                      .l2 = st.alpha * (1.0 - st.l1_ratio) * dn,
                      .max_iter = st.max_iter,
                      .tol = st.tol,
                      .random = st.selection == CdSelection::random,
                      .seed = cd_seed(st.random_state)};
  CdOutcome out;
  if (st.fit_intercept || s.size()) {
    const Matrix A = center_scale(X, x_offset, sqrt_s);
    Matrix B = Y.rowwise() - y_offset.transpose();
    if (s.size()) B = sqrt_s.asDiagonal() * B;
    MultiTaskCd cd(A, B);
    out = cd.solve(W, cs);
  } else {
    MultiTaskCd cd(X, Y);
    out = cd.solve(W, cs);
  }
  MultiTaskFitted f;
  f.n_features_in = p;
  f.intercept = st.fit_intercept ? Vector(y_offset - W * x_offset) : Vector(Vector::Zero(T));
  f.coef = std::move(W);
  f.dual_gap = out.gap / dn;
  f.n_iter = out.n_iter;
  if (!f.coef.allFinite() || !f.intercept.allFinite())
    throw ValueError(cat(where, ": coordinate descent iterations resulted in non-finite parameter values"));
  return f;
}

Matrix multi_task_predict(std::string_view name, const MultiTaskFitted& state, const MatrixView& X) {
  check_X(cat(name, ".predict"), X);
  check_n_features(name, X, state.n_features_in);
  Matrix out = X * state.coef.transpose();
  out.rowwise() += state.intercept.transpose();
  return out;
}

void check_multi_task_state(const MultiTaskFitted& s) {
  if (s.coef.cols() != s.n_features_in || s.coef.rows() != s.intercept.size() || s.coef.rows() < 1)
    throw ValueError("coef, intercept and n_features_in disagree");
}

}  // namespace detail

namespace {

detail::EnetSettings settings_of(const MultiTaskElasticNetParams& p) {
  return {.alpha = p.alpha,
          .l1_ratio = p.l1_ratio,
          .fit_intercept = p.fit_intercept,
          .max_iter = p.max_iter,
          .tol = p.tol,
          .random_state = p.random_state,
          .selection = p.selection};
}

detail::EnetSettings settings_of(const MultiTaskLassoParams& p) {
  return {.alpha = p.alpha,
          .l1_ratio = 1.0,
          .fit_intercept = p.fit_intercept,
          .max_iter = p.max_iter,
          .tol = p.tol,
          .random_state = p.random_state,
          .selection = p.selection};
}

Vector single_target(std::string_view name, const Matrix& Yhat) {
  if (Yhat.cols() != 1)
    throw ValueError(cat(name, ".predict: the model has ", Yhat.cols(), " targets; use predict_targets"));
  return Yhat.col(0);
}

}  // namespace

MultiTaskElasticNet::Fitted MultiTaskElasticNet::learn(const MatrixView&, const VectorView*, const VectorView*) const {
  throw ValueError("MultiTaskElasticNet.fit: For mono-task outputs, use ElasticNet (or pass Y as a matrix)");
}

MultiTaskElasticNet& MultiTaskElasticNet::fit(const MatrixView& X, const MatrixView& Y,
                                              const VectorView& sample_weight) {
  const Matrix* start = params_.warm_start && fitted_ ? &fitted_->coef : nullptr;
  fitted_ = detail::multi_task_fit("MultiTaskElasticNet.fit", settings_of(params_), X, Y, sample_weight, start);
  return *this;
}

Matrix MultiTaskElasticNet::predict_targets(const MatrixView& X) const {
  return detail::multi_task_predict(class_name, fitted(), X);
}

Vector MultiTaskElasticNet::predict(const MatrixView& X) const { return single_target(class_name, predict_targets(X)); }

MultiTaskLasso::Fitted MultiTaskLasso::learn(const MatrixView&, const VectorView*, const VectorView*) const {
  throw ValueError("MultiTaskLasso.fit: For mono-task outputs, use Lasso (or pass Y as a matrix)");
}

MultiTaskLasso& MultiTaskLasso::fit(const MatrixView& X, const MatrixView& Y, const VectorView& sample_weight) {
  const Matrix* start = params_.warm_start && fitted_ ? &fitted_->coef : nullptr;
  fitted_ = detail::multi_task_fit("MultiTaskLasso.fit", settings_of(params_), X, Y, sample_weight, start);
  return *this;
}

Matrix MultiTaskLasso::predict_targets(const MatrixView& X) const {
  return detail::multi_task_predict(class_name, fitted(), X);
}

Vector MultiTaskLasso::predict(const MatrixView& X) const { return single_target(class_name, predict_targets(X)); }

}  // namespace scilearn::learn

#include <optional>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn/linear_model/ridge.hpp>
#include <scilearn/learn/linear_model/ridge_cv.hpp>
#include <scilearn/learn/model_selection/search.hpp>
#include <scilearn/linalg/eigh.hpp>
#include <scilearn/linalg/svd.hpp>

#include "linear_model/linear_classifier.hpp"
#include "ridge_detail.hpp"

namespace scilearn::learn {

namespace {

using ridge_detail::Centering;

// The outcome of the leave-one-out search.
struct GcvOutcome {
  Matrix coef;  // n_targets x n_features
  Vector intercept;
  Vector alpha;
  Vector best_score;
  Matrix cv_results;
};

// Tracks the best alpha (one for all targets, or one per target) and what
// the coefficients are computed from: `basis * best_weights` (p x t).
struct Best {
  bool per_target;
  Vector alpha, score;
  Matrix weights;  // the best alpha's combination of the decomposition, per target
  bool empty = true;

  void offer(double a, const Matrix& looe, const Matrix& w) {
    const Index t = looe.cols();
    if (per_target) {
      const Vector s = -looe.array().square().colwise().mean().transpose();
      if (empty) {
        alpha = Vector::Constant(t, a);
        score = s;
        weights = w;
      } else {
        for (Index j = 0; j < t; ++j)
          if (s(j) > score(j)) {
            score(j) = s(j);
            alpha(j) = a;
            weights.col(j) = w.col(j);
          }
      }
    } else {
      const double s = -looe.array().square().mean();
      if (empty || s > score(0)) {
        alpha = Vector::Constant(1, a);
        score = Vector::Constant(1, s);
        weights = w;
      }
    }
    empty = false;
  }
};

// Stores looe^2 as column i, row r t + j for sample r, target j.
void store_errors(Matrix& cv_results, Index i, const Matrix& looe) {
  const Index n = looe.rows(), t = looe.cols();
  for (Index r = 0; r < n; ++r)
    for (Index j = 0; j < t; ++j) cv_results(r * t + j, i) = looe(r, j) * looe(r, j);
}

// The leave-one-out residuals of every alpha, from the decomposition scikit-learn's
// _RidgeGCV uses; B the centered, scaled targets.
template <class XT>
GcvOutcome gcv(const XT& X, const Centering& c, const Matrix& B, const std::vector<double>& alphas, bool use_svd,
               bool per_target, bool store) {
  const Index n = X.rows(), p = X.cols(), t = B.cols();
  const Index n_alphas = static_cast<Index>(alphas.size());
  const Vector s = ridge_detail::ones_or_sqrt_w(c, n);
  const double sw_sum = s.squaredNorm();
  GcvOutcome out;
  if (store) out.cv_results.resize(n * t, n_alphas);
  Best best{per_target, {}, {}, {}};
  Matrix looe(n, t);
  Vector d(n);
  // coef (p x t) = basis * weights
  Matrix basis;
  if (use_svd) {
    if constexpr (std::is_same_v<XT, CsrMatrix>) {
      throw ValueError("RidgeCV.fit: gcv_mode='svd' needs dense X");
    } else {
      auto svd = linalg::svd(ridge_detail::centered_copy(X, c), {.full_matrices = false, .check_finite = false});
      const Vector& sv = svd.s;
      const Matrix& U = svd.u;
      const Matrix UtB = U.transpose() * B;
      const Vector Uts = U.transpose() * s;
      const Matrix U2 = U.array().square().matrix();
      const bool wide = n <= p;
      for (Index i = 0; i < n_alphas; ++i) {
        const double a = alphas[static_cast<std::size_t>(i)];
        const Vector shrink = (a / (sv.array().square() + a)).matrix();  // alpha / (s^2 + alpha)
        const Vector M = wide ? shrink : Vector(shrink.array() - 1.0);
        Matrix alpha_c = U * (M.asDiagonal() * UtB);
        d = U2 * M;
        if (!wide) {
          alpha_c += B;
          d.array() += 1.0;
        }
        if (c.center) {
          Vector ags = U * M.cwiseProduct(Uts);
          if (!wide) ags += s;
          d.array() -= ags.array() * s.array() / sw_sum;
        }
        looe = alpha_c.array().colwise() / d.array();
        if (store) store_errors(out.cv_results, i, looe);
        best.offer(a, looe, (sv.array() / (sv.array().square() + a)).matrix().asDiagonal() * UtB);
      }
      basis = svd.vh.transpose();
    }
  } else if (n > p) {
    // X'X = V diag(e) V': per alpha, H = (XV) D (XV)', D = 1 / (e + alpha).
    const auto eig = linalg::eigh(ridge_detail::gram(X, c), {.check_finite = false});
    const Matrix& V = eig.v;
    const Matrix XV = ridge_detail::times(X, c, V);
    const Matrix VtAtB = V.transpose() * ridge_detail::transpose_times(X, c, B);
    const Vector VtAts = V.transpose() * ridge_detail::transpose_times(X, c, Matrix(s));
    const Matrix XV2 = XV.array().square().matrix();
    for (Index i = 0; i < n_alphas; ++i) {
      const double a = alphas[static_cast<std::size_t>(i)];
      const Vector D = (1.0 / (eig.w.array() + a)).matrix();
      const Matrix W = D.asDiagonal() * VtAtB;
      looe = B - XV * W;
      d = Vector::Ones(n) - XV2 * D;
      if (c.center) {
        const Vector xhs = XV * D.cwiseProduct(VtAts);
        d.array() -= (s - xhs).array() * s.array() / sw_sum;
      }
      looe.array().colwise() /= d.array();
      if (store) store_errors(out.cv_results, i, looe);
      best.offer(a, looe, W);
    }
    basis = V;
  } else {
    // XX' = Q diag(e) Q': the dual coefficients c = Q D Q' y, looe = c / diag(Q D Q').
    Matrix K;
    if constexpr (std::is_same_v<XT, CsrMatrix>) {
      K = ridge_detail::kernel(X, c);
    } else {
      const Matrix A = ridge_detail::centered_copy(X, c);
      K = Matrix::Zero(n, n);
      K.selfadjointView<Eigen::Lower>().rankUpdate(A);
    }
    const auto eig = linalg::eigh(K, {.check_finite = false});
    const Matrix& Q = eig.v;
    const Matrix QtB = Q.transpose() * B;
    const Vector Qts = Q.transpose() * s;
    const Matrix Q2 = Q.array().square().matrix();
    for (Index i = 0; i < n_alphas; ++i) {
      const double a = alphas[static_cast<std::size_t>(i)];
      const Vector D = (1.0 / (eig.w.array() + a)).matrix();
      const Matrix W = D.asDiagonal() * QtB;
      looe = Q * W;
      d = Q2 * D;
      if (c.center) {
        const Vector gs = Q * D.cwiseProduct(Qts);
        d.array() -= gs.array() * s.array() / sw_sum;
      }
      looe.array().colwise() /= d.array();
      if (store) store_errors(out.cv_results, i, looe);
      best.offer(a, looe, W);
    }
    // coef = A' (Q W)
    out.coef = ridge_detail::transpose_times(X, c, Matrix(Q * best.weights)).transpose();
  }
  if (out.coef.size() == 0) out.coef = (basis * best.weights).transpose();
  out.alpha = std::move(best.alpha);
  out.best_score = std::move(best.score);
  return out;
}

void check_alphas(std::string_view where, const std::vector<double>& alphas, bool loo) {
  if (alphas.empty()) throw ValueError(cat(where, ": alphas must not be empty"));
  for (std::size_t i = 0; i < alphas.size(); ++i) {
    const double a = alphas[i];
    if (loo ? !(a > 0) : !(a >= 0))
      throw ValueError(cat(where, ": alphas[", i, "] == ", a, ", must be ", loo ? "> 0.0" : ">= 0.0"));
  }
}

// Leave-one-out over the alphas: centering, decomposition, intercept.
template <class XT>
GcvOutcome fit_gcv(std::string_view where, const XT& X, const MatrixView& Y, const Vector& w, bool fit_intercept,
                   const std::vector<double>& alphas, RidgeGcvMode mode, bool per_target, bool store) {
  check_alphas(where, alphas, true);
  bool use_svd = mode == RidgeGcvMode::svd;
  if (use_svd && std::is_same_v<XT, CsrMatrix>) {
    warn(WarningCategory::user, "The 'svd' mode is not supported for sparse X, we fallback to `gcv_mode='eigen'`.");
    use_svd = false;
  }
  const Centering c = ridge_detail::make_centering(X, w, fit_intercept);
  Vector y_offset;
  const Matrix B = ridge_detail::centered_targets(Y, w, fit_intercept, y_offset);
  GcvOutcome out = gcv(X, c, B, alphas, use_svd, per_target && Y.cols() > 1, store);
  out.intercept = fit_intercept ? Vector(y_offset - out.coef * c.x_offset) : Vector::Zero(Y.cols());
  return out;
}

void check_cv(std::string_view where, const std::optional<int>& cv, bool store, bool per_target) {
  if (!cv) return;
  if (*cv < 2) throw ValueError(cat(where, ": cv must be >= 2 folds, got ", *cv));
  if (store) throw ValueError(cat(where, ": cv!=None and store_cv_results=True are incompatible"));
  if (per_target) throw ValueError(cat(where, ": cv!=None and alpha_per_target=True are incompatible"));
}

std::vector<ParamValue> alpha_grid(const std::vector<double>& alphas) {
  std::vector<ParamValue> out;
  for (double a : alphas) out.emplace_back(a);
  return out;
}

// k-fold over the alphas (scikit-learn's GridSearchCV branch).
std::unique_ptr<GridSearchCV> kfold_search(EstimatorPtr estimator, const std::vector<double>& alphas, int cv,
                                           const std::string& scoring, const MatrixView& X, const VectorView& y,
                                           const VectorView* sample_weight) {
  SearchOptions options;
  options.cv = cv;
  if (!scoring.empty()) options.scoring = {scoring};
  auto search = std::make_unique<GridSearchCV>(std::move(estimator), ParamGrid{{"alpha", alpha_grid(alphas)}}, options);
  if (sample_weight)
    search->fit(X, y, *sample_weight);
  else
    search->fit(X, y);
  return search;
}

}  // namespace

// ---------------------------------------------------------------- RidgeCV

void RidgeCV::check_fitted(const Fitted& s) {
  if (s.coef.cols() != s.n_features_in || s.coef.rows() < 1 || s.intercept.size() != s.coef.rows() ||
      s.alpha.size() < 1 || s.best_score.size() != s.alpha.size())
    throw ValueError("coef, intercept, alpha, best_score and n_features_in disagree");
  if (!s.multi_target && s.coef.rows() != 1) throw ValueError("a 1-D fit has one coefficient row");
}

namespace {

RidgeCVFitted to_fitted(GcvOutcome g, Index p, bool multi) {
  RidgeCVFitted out;
  out.n_features_in = p;
  out.coef = std::move(g.coef);
  out.intercept = std::move(g.intercept);
  out.multi_target = multi;
  out.alpha = std::move(g.alpha);
  out.best_score = std::move(g.best_score);
  out.cv_results = std::move(g.cv_results);
  return out;
}

}  // namespace

RidgeCV::Fitted RidgeCV::learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const {
  constexpr std::string_view where = "RidgeCV.fit";
  if (!y) throw ValueError("RidgeCV.fit: y is required");
  const RidgeCVParams& p = params_;
  check_cv(where, p.cv, p.store_cv_results, p.alpha_per_target);
  if (p.cv) {
    check_alphas(where, p.alphas, false);
    auto search = kfold_search(std::make_shared<Ridge>(Ridge::Params{.fit_intercept = p.fit_intercept}), p.alphas,
                               *p.cv, p.scoring, X, *y, sample_weight);
    const auto& model = dynamic_cast<const Ridge&>(search->best_estimator());
    GcvOutcome g{model.coef(), model.intercept(), Vector::Constant(1, model.params().alpha),
                 Vector::Constant(1, search->best_score()), Matrix()};
    return to_fitted(std::move(g), X.cols(), false);
  }
  if (!p.scoring.empty()) throw ValueError(cat(where, ": scoring is supported with k-fold cv only (cv = None: '')"));
  const Eigen::Map<const Matrix> Y(y->data(), y->size(), 1);
  const Vector w = sample_weight ? Vector(*sample_weight) : Vector();
  return to_fitted(fit_gcv(where, X, Y, w, p.fit_intercept, p.alphas, p.gcv_mode, false, p.store_cv_results), X.cols(),
                   false);
}

void RidgeCV::fit_dense_targets(const MatrixView& X, const MatrixView& Y, const VectorView& sample_weight) {
  constexpr std::string_view where = "RidgeCV.fit";
  const RidgeCVParams& p = params_;
  check_X(where, X);
  if (Y.rows() != X.rows())
    throw ValueError(
        cat(where, ": Found input variables with inconsistent numbers of samples: [", X.rows(), ", ", Y.rows(), "]"));
  if (Y.cols() < 1 || !Y.allFinite()) throw ValueError(cat(where, ": Y must have columns and finite values"));
  const bool weighted = sample_weight.size() > 0;
  if (weighted) check_sample_weight(where, sample_weight, X.rows());
  check_cv(where, p.cv, p.store_cv_results, p.alpha_per_target);
  if (p.cv) throw ValueError(cat(where, ": k-fold cv is supported for a 1-D y only"));
  if (!p.scoring.empty()) throw ValueError(cat(where, ": scoring is supported with k-fold cv only (cv = None: '')"));
  fitted_ = to_fitted(fit_gcv(where, X, Y, weighted ? Vector(sample_weight) : Vector(), p.fit_intercept, p.alphas,
                              p.gcv_mode, p.alpha_per_target, p.store_cv_results),
                      X.cols(), true);
}

RidgeCV& RidgeCV::fit(const CsrMatrix& X, const VectorView& y, const VectorView& sample_weight) {
  constexpr std::string_view where = "RidgeCV.fit";
  const RidgeCVParams& p = params_;
  check_sparse_X_y(where, X, y, sample_weight);
  const bool weighted = sample_weight.size() > 0;
  check_cv(where, p.cv, p.store_cv_results, p.alpha_per_target);
  if (p.cv) throw ValueError(cat(where, ": k-fold cv is supported for dense X only"));
  if (!p.scoring.empty()) throw ValueError(cat(where, ": scoring is supported with k-fold cv only (cv = None: '')"));
  const Eigen::Map<const Matrix> Y(y.data(), y.size(), 1);
  fitted_ = to_fitted(fit_gcv(where, X, Y, weighted ? Vector(sample_weight) : Vector(), p.fit_intercept, p.alphas,
                              p.gcv_mode, false, p.store_cv_results),
                      X.cols(), false);
  return *this;
}

Vector RidgeCV::predict(const MatrixView& X) const {
  const Fitted& s = check_input("predict", X);
  if (s.multi_target) throw ValueError("RidgeCV.predict: the model was fitted on a 2-D Y; use predict_targets");
  return (X * s.coef.row(0).transpose()).array() + s.intercept(0);
}

Vector RidgeCV::predict(const CsrMatrix& X) const {
  const Fitted& s = fitted();
  check_sparse_predict(class_name, "predict", X, s.n_features_in);
  if (s.multi_target) throw ValueError("RidgeCV.predict: the model was fitted on a 2-D Y; use predict_targets");
  return (X * s.coef.row(0).transpose()).array() + s.intercept(0);
}

Matrix RidgeCV::predict_targets(const CsrMatrix& X) const {
  const Fitted& s = fitted();
  check_sparse_predict(class_name, "predict", X, s.n_features_in);
  Matrix out = X * s.coef.transpose();
  out.rowwise() += s.intercept.transpose();
  return out;
}

Matrix RidgeCV::predict_targets(const MatrixView& X) const {
  const Fitted& s = check_input("predict", X);
  Matrix out = X * s.coef.transpose();
  out.rowwise() += s.intercept.transpose();
  return out;
}

// ---------------------------------------------------------------- RidgeClassifierCV

void RidgeClassifierCV::check_fitted(const Fitted& s) {
  const Index K = s.classes.size();
  if (K < 2 || s.coef.rows() != (K == 2 ? 1 : K) || s.coef.cols() != s.n_features_in ||
      s.intercept.size() != s.coef.rows())
    throw ValueError("classes, coef, intercept and n_features_in disagree");
}

namespace {

template <class XT>
RidgeClassifierCVFitted fit_classifier_cv(const XT& X, const VectorView& y, const VectorView* sample_weight,
                                          const RidgeClassifierCVParams& p) {
  constexpr std::string_view where = "RidgeClassifierCV.fit";
  RidgeClassifierCVFitted out;
  out.classes = ridge_detail::sorted_classes(where, y);
  if (out.classes.size() < 2)
    throw ValueError(cat(where,
                         ": This solver needs samples of at least 2 classes in the data, but the data contains "
                         "only one class: ",
                         out.classes(0)));
  check_cv(where, p.cv, p.store_cv_results, false);
  out.n_features_in = X.cols();
  if (p.cv) {
    if constexpr (std::is_same_v<XT, CsrMatrix>) {
      throw ValueError(cat(where, ": k-fold cv is supported for dense X only"));
    } else {
      check_alphas(where, p.alphas, false);
      auto search = kfold_search(std::make_shared<RidgeClassifier>(RidgeClassifier::Params{
                                     .fit_intercept = p.fit_intercept, .class_weight = p.class_weight}),
                                 p.alphas, *p.cv, p.scoring, X, y, sample_weight);
      const auto& model = dynamic_cast<const RidgeClassifier&>(search->best_estimator());
      out.coef = model.coef();
      out.intercept = model.intercept();
      out.alpha = model.params().alpha;
      out.best_score = search->best_score();
      return out;
    }
  }
  if (!p.scoring.empty()) throw ValueError(cat(where, ": scoring is supported with k-fold cv only (cv = None: '')"));
  const Vector w = ridge_detail::classifier_weights(where, p.class_weight, y, out.classes, sample_weight);
  const Matrix Y = ridge_detail::binarize(y, out.classes);
  GcvOutcome g = fit_gcv(where, X, Y, w, p.fit_intercept, p.alphas, RidgeGcvMode::automatic, false, p.store_cv_results);
  out.coef = std::move(g.coef);
  out.intercept = std::move(g.intercept);
  out.alpha = g.alpha(0);
  out.best_score = g.best_score(0);
  out.cv_results = std::move(g.cv_results);
  return out;
}

}  // namespace

RidgeClassifierCV::Fitted RidgeClassifierCV::learn(const MatrixView& X, const VectorView* y,
                                                   const VectorView* sample_weight) const {
  if (!y) throw ValueError("RidgeClassifierCV.fit: y is required");
  return fit_classifier_cv(X, *y, sample_weight, params_);
}

RidgeClassifierCV& RidgeClassifierCV::fit(const CsrMatrix& X, const VectorView& y, const VectorView& sample_weight) {
  constexpr std::string_view where = "RidgeClassifierCV.fit";
  check_sparse_X_y(where, X, y, sample_weight);
  const bool weighted = sample_weight.size() > 0;
  fitted_ = fit_classifier_cv(X, y, weighted ? &sample_weight : nullptr, params_);
  return *this;
}

Matrix RidgeClassifierCV::decision_function(const MatrixView& X) const {
  const Fitted& s = check_input("decision_function", X);
  Matrix out = X * s.coef.transpose();
  out.rowwise() += s.intercept.transpose();
  return out;
}

Matrix RidgeClassifierCV::decision_function(const CsrMatrix& X) const {
  const Fitted& s = fitted();
  check_sparse_predict(class_name, "decision_function", X, s.n_features_in);
  Matrix out = X * s.coef.transpose();
  out.rowwise() += s.intercept.transpose();
  return out;
}

Vector RidgeClassifierCV::predict(const CsrMatrix& X) const {
  return detail::labels_from_scores(decision_function(X), fitted().classes);
}

Vector RidgeClassifierCV::predict(const MatrixView& X) const {
  return detail::labels_from_scores(decision_function(X), fitted().classes);
}

}  // namespace scilearn::learn

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>
#include <scilearn/core/format.hpp>
#include <scilearn/core/validation.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn/covariance/empirical_covariance.hpp>
#include <scilearn/learn/discriminant_analysis/discriminant_analysis.hpp>
#include <scilearn/learn/naive_bayes/naive_bayes_base.hpp>
#include <scilearn/linalg/eigh.hpp>
#include <scilearn/linalg/lstsq.hpp>
#include <scilearn/linalg/svd.hpp>

#include "metrics/label_utils.hpp"

namespace scilearn::learn {

// ---------------------------------------------------------------- Shrinkage

Shrinkage::Shrinkage(std::string_view text) : kind_(Kind::automatic) {
  if (text != "auto")
    throw ValueError(cat("The 'shrinkage' parameter must be 'auto', a float in [0, 1] or None, got '", text, "'"));
}

ParamValue to_param(const Shrinkage& s) {
  if (s.is_none()) return ParamValue();
  if (s.is_auto()) return ParamValue(std::string("auto"));
  return ParamValue(s.value());
}

void from_param(const ParamValue& value, Shrinkage& field, std::string_view where, std::string_view param) {
  if (std::holds_alternative<std::monostate>(value))
    field = Shrinkage();
  else if (const auto* d = std::get_if<double>(&value))
    field = Shrinkage(*d);
  else if (const auto* i = std::get_if<std::int64_t>(&value))
    field = Shrinkage(static_cast<double>(*i));
  else if (const auto* s = std::get_if<std::string>(&value))
    field = Shrinkage(std::string_view(*s));
  else
    detail::throw_param_type(where, param, "'auto', a float or None", value);
}

namespace {

// ---------------------------------------------------------------- shared pieces

// The classes of y and each sample's class.
struct Encoded {
  Vector classes;
  std::vector<Index> codes;
  Vector counts;
};

Encoded encode_labels(std::string_view where, const VectorView& y) {
  detail::check_labels(where, "y", y);
  const detail::Labels labels = detail::unique_labels(y);
  Encoded e;
  e.classes = Eigen::Map<const Vector>(labels.data(), static_cast<Index>(labels.size()));
  e.codes = detail::encode(labels, y);
  e.counts = Vector::Zero(e.classes.size());
  for (const Index c : e.codes) e.counts(c) += 1;
  return e;
}

// n_classes x n_features class means (sums by columns, then divided).
Matrix class_means(const MatrixView& X, const Encoded& e) {
  const Index K = e.classes.size(), p = X.cols(), n = X.rows();
  Matrix means = Matrix::Zero(K, p);
  for (Index j = 0; j < p; ++j) {
    const double* x = X.col(j).data();
    for (Index i = 0; i < n; ++i) means(e.codes[static_cast<std::size_t>(i)], j) += x[i];
  }
  for (Index k = 0; k < K; ++k) means.row(k) /= e.counts(k);
  return means;
}

// The rows of X of class k.
Matrix rows_of_class(const MatrixView& X, const Encoded& e, Index k) {
  std::vector<Index> rows;
  rows.reserve(static_cast<std::size_t>(e.counts(k)));
  for (std::size_t i = 0; i < e.codes.size(); ++i)
    if (e.codes[i] == k) rows.push_back(static_cast<Index>(i));
  return X(rows, Eigen::all);
}

void check_shrinkage_value(std::string_view where, const Shrinkage& s) {
  if (!s.is_none() && !s.is_auto() && !(s.value() >= 0 && s.value() <= 1))
    throw ValueError(cat("The 'shrinkage' parameter of ", where,
                         " must be a str among {'auto'}, a float in the range [0, 1] or None. Got ", s.value(),
                         " instead."));
}

void check_tol(std::string_view where, double tol) {
  if (!(tol >= 0))
    throw ValueError(
        cat("The 'tol' parameter of ", where, " must be a float in the range [0, inf). Got ", tol, " instead."));
}

// scikit-learn's _cov: the (shrunk) maximum likelihood covariance of X.
// "auto" runs Ledoit-Wolf on the standardized features (StandardScaler's
// scale, near-constant features scaled by 1) and scales the result back.
Matrix shrunk_cov(const MatrixView& X, const Shrinkage& shrinkage) {
  if (shrinkage.is_none()) return empirical_covariance(X);
  if (!shrinkage.is_auto()) return shrunk_covariance(empirical_covariance(X), shrinkage.value());
  const auto n = static_cast<double>(X.rows());
  const Vector mean = X.colwise().sum().transpose() / n;
  Matrix Z = X.rowwise() - mean.transpose();
  const Vector var = Z.array().square().colwise().sum().transpose() / n;
  const double eps = std::numeric_limits<double>::epsilon();
  Vector scale(X.cols());
  for (Index j = 0; j < X.cols(); ++j) {
    const double bound = n * eps * var(j) + (n * mean(j) * eps) * (n * mean(j) * eps);
    scale(j) = var(j) <= bound ? 1.0 : std::sqrt(var(j));
  }
  Z = Z.array().rowwise() / scale.transpose().array();
  Matrix s = ledoit_wolf(Z).covariance;
  return scale.asDiagonal() * s * scale.asDiagonal();
}

// scikit-learn's _cov with a covariance_estimator: a clone of it fitted on
// X, its covariance_; without one, shrunk_cov.
Matrix estimated_cov(const MatrixView& X, const Shrinkage& shrinkage, const EstimatorPtr& estimator) {
  if (!estimator) return shrunk_cov(X, shrinkage);
  const std::unique_ptr<Estimator> fitted = estimator->clone();
  const auto* source = dynamic_cast<const CovarianceSource*>(fitted.get());
  if (!source) throw ValueError(cat(fitted->name(), " does not have a covariance_ attribute"));
  fitted->fit(X);
  return source->covariance();
}

// sum_k priors_k cov_k: the within-class covariance.
Matrix class_cov(const MatrixView& X, const Encoded& e, const Vector& priors, const Shrinkage& shrinkage,
                 const EstimatorPtr& estimator = nullptr) {
  Matrix cov = Matrix::Zero(X.cols(), X.cols());
  for (Index k = 0; k < e.classes.size(); ++k)
    cov += priors(k) * estimated_cov(rows_of_class(X, e, k), shrinkage, estimator);
  return cov;
}

// scikit-learn's rule: covariance_estimator and a shrinkage other than 0 exclude each other.
void check_estimator_and_shrinkage(const EstimatorPtr& estimator, const Shrinkage& shrinkage) {
  if (estimator && !shrinkage.is_none() && (shrinkage.is_auto() || shrinkage.value() != 0))
    throw ValueError("covariance_estimator and shrinkage parameters are not None. Only one of the two can be set.");
}

Vector class_priors(std::string_view where, const std::optional<std::vector<double>>& given, const Encoded& e, Index n,
                    bool renormalize) {
  const Index K = e.classes.size();
  if (!given) return e.counts / static_cast<double>(n);
  if (static_cast<Index>(given->size()) != K)
    throw ValueError(
        cat(where, ": the number of priors (", given->size(), ") must match the number of classes (", K, ")"));
  Vector priors = Eigen::Map<const Vector>(given->data(), K);
  if (!priors.allFinite()) throw ValueError(cat(where, ": priors must be finite"));
  if (renormalize) {
    if ((priors.array() < 0).any()) throw ValueError("priors must be non-negative");
    if (!(priors.sum() > 0)) throw ValueError(cat(where, ": priors sum to zero"));
    if (std::abs(priors.sum() - 1.0) > 1e-5) {
      warn(WarningCategory::user, "The priors do not sum to 1. Renormalizing");
      priors /= priors.sum();
    }
  }
  return priors;
}

// softmax of each row, in place (scikit-learn's extmath.softmax).
void softmax_rows(Matrix& a) {
  for (Index i = 0; i < a.rows(); ++i) {
    a.row(i).array() -= a.row(i).maxCoeff();
    a.row(i) = a.row(i).array().exp();
    a.row(i) /= a.row(i).sum();
  }
}

Matrix log_of_proba(Matrix p) {
  const double smallest = std::numeric_limits<double>::min();
  return p.unaryExpr([&](double v) { return std::log(v == 0.0 ? smallest : v); });
}

Vector argmax_labels(const Matrix& scores, const Vector& classes) {
  Vector out(scores.rows());
  for (Index i = 0; i < scores.rows(); ++i) {
    Index best = 0;
    scores.row(i).maxCoeff(&best);
    out(i) = classes(best);
  }
  return out;
}

// ---------------------------------------------------------------- LDA solvers

// The right singular vectors (rows of vh, by descending singular value) and
// singular values of the n x p matrix Z = (X - means[y]) / std / sqrt(n).
struct WithinSvd {
  Vector s;
  Matrix vh;
  Vector std;
};

WithinSvd within_class_svd(const MatrixView& X, const Encoded& e, const Matrix& means) {
  const Index n = X.rows(), p = X.cols();
  const auto nd = static_cast<double>(n);
  // Gram matrix of the within-class centred data, by blocks of rows (the
  // centred block is formed once, the product is one SYRK-like GEMM).
  constexpr Index kBlock = 4096;
  Matrix gram = Matrix::Zero(p, p);
  Vector colsum = Vector::Zero(p);
  Matrix block(std::min(n, kBlock), p);
  for (Index start = 0; start < n; start += kBlock) {
    const Index m = std::min(kBlock, n - start);
    for (Index j = 0; j < p; ++j) {
      const double* x = X.col(j).data() + start;
      double* b = block.col(j).data();
      for (Index i = 0; i < m; ++i) b[i] = x[i] - means(e.codes[static_cast<std::size_t>(start + i)], j);
    }
    const auto B = block.topRows(m);
    gram.selfadjointView<Eigen::Lower>().rankUpdate(B.transpose());
    colsum += B.colwise().sum().transpose();
  }
  gram.triangularView<Eigen::StrictlyUpper>() = gram.transpose();
  WithinSvd out;
  out.std.resize(p);
  for (Index j = 0; j < p; ++j) {
    const double mean = colsum(j) / nd;
    const double var = std::max(gram(j, j) / nd - mean * mean, 0.0);
    out.std(j) = var == 0 ? 1.0 : std::sqrt(var);
  }
  Matrix a = out.std.cwiseInverse().asDiagonal() * gram * out.std.cwiseInverse().asDiagonal();
  a /= nd;
  auto [w, v] = linalg::eigh(a, {.check_finite = false, .driver = linalg::EighDriver::evd});
  // The Gram matrix squares the condition number: keep it when the
  // smallest eigenvalue is well resolved (relative error of s_i about
  // eps s_max^2 / s_i^2 <= 1e-8), else take the SVD of Z itself.
  const double top = w(p - 1);
  if (top > 0 && w(0) >= 1e-8 * top) {
    out.s = w.reverse().cwiseMax(0.0).cwiseSqrt();
    out.vh = v.rowwise().reverse().transpose();
    return out;
  }
  Matrix Z(n, p);
  const double root = std::sqrt(1.0 / nd);
  for (Index j = 0; j < p; ++j) {
    const double* x = X.col(j).data();
    double* z = Z.col(j).data();
    const double f = root / out.std(j);
    for (Index i = 0; i < n; ++i) z[i] = (x[i] - means(e.codes[static_cast<std::size_t>(i)], j)) * f;
  }
  auto r = linalg::svd(Z, {.full_matrices = false, .check_finite = false});
  out.s = std::move(r.s);
  out.vh = std::move(r.vh);
  return out;
}

void solve_svd(const MatrixView& X, const Encoded& e, const LinearDiscriminantAnalysisParams& params,
               LinearDiscriminantAnalysisFitted& s) {
  const Index n = X.rows(), K = e.classes.size();
  s.means = class_means(X, e);
  if (params.store_covariance) s.covariance = class_cov(X, e, s.priors, Shrinkage());
  s.xbar = s.means.transpose() * s.priors;
  const WithinSvd within = within_class_svd(X, e, s.means);
  Index rank = 0;
  for (Index i = 0; i < within.s.size(); ++i) rank += within.s(i) > params.tol ? 1 : 0;
  // p x rank: vh[:rank]^T / std / s[:rank].
  Matrix scalings = within.vh.topRows(rank).transpose();
  scalings = within.std.cwiseInverse().asDiagonal() * scalings;
  scalings = scalings * within.s.head(rank).cwiseInverse().asDiagonal();
  const double fac = K == 1 ? 1.0 : 1.0 / static_cast<double>(K - 1);
  Matrix centred_means = s.means.rowwise() - s.xbar.transpose();
  const Vector weights = (static_cast<double>(n) * s.priors * fac).cwiseSqrt();
  const Matrix between = weights.asDiagonal() * centred_means * scalings;  // K x rank
  Vector S;
  Matrix Vt;
  if (between.size() > 0) {
    auto r = linalg::svd(between, {.full_matrices = false, .check_finite = false});
    S = std::move(r.s);
    Vt = std::move(r.vh);
  } else {
    S = Vector(0);
    Vt = Matrix(0, rank);
  }
  if (s.max_components == 0 || S.size() == 0)
    s.explained_variance_ratio = Vector(0);
  else
    s.explained_variance_ratio = (S.array().square() / S.squaredNorm()).head(std::min(s.max_components, S.size()));
  Index rank2 = 0;
  for (Index i = 0; i < S.size(); ++i) rank2 += S(i) > params.tol * S(0) ? 1 : 0;
  s.scalings = scalings * Vt.topRows(rank2).transpose();  // p x rank2
  const Matrix coef = centred_means * s.scalings;         // K x rank2
  s.intercept = -0.5 * coef.rowwise().squaredNorm() + s.priors.array().log().matrix();
  s.coef = coef * s.scalings.transpose();
  s.intercept -= s.coef * s.xbar;
}

void solve_lsqr(const MatrixView& X, const Encoded& e, const LinearDiscriminantAnalysisParams& params,
                LinearDiscriminantAnalysisFitted& s) {
  s.means = class_means(X, e);
  s.covariance = class_cov(X, e, s.priors, params.shrinkage, params.covariance_estimator);
  const Matrix rhs = s.means.transpose();
  s.coef = linalg::lstsq(s.covariance, rhs, {.check_finite = false}).x.transpose();
  s.intercept = -0.5 * (s.means * s.coef.transpose()).diagonal() + s.priors.array().log().matrix();
}

void solve_eigen(const MatrixView& X, const Encoded& e, const LinearDiscriminantAnalysisParams& params,
                 LinearDiscriminantAnalysisFitted& s) {
  s.means = class_means(X, e);
  s.covariance = class_cov(X, e, s.priors, params.shrinkage, params.covariance_estimator);
  const Matrix& Sw = s.covariance;
  const Matrix St = estimated_cov(X, params.shrinkage, params.covariance_estimator);
  const Matrix Sb = St - Sw;
  // Named members, not a structured binding: the sort's lambda reads evals
  // (clang 14 cannot capture structured bindings).
  auto eig = linalg::eigh(Sb, Sw, {.check_finite = false});
  const Vector& evals = eig.w;
  Matrix& evecs = eig.v;
  const Index p = evals.size();
  // Descending order (numpy's argsort(evals)[::-1] of the ascending eigh output).
  std::vector<Index> order(static_cast<std::size_t>(p));
  std::iota(order.begin(), order.end(), Index{0});
  std::stable_sort(order.begin(), order.end(), [&](Index a, Index b) { return evals(a) < evals(b); });
  std::reverse(order.begin(), order.end());
  // The ratios sorted descending (with shrinkage Sb may have negative
  // eigenvalues and a negative sum, which reverses their order).
  std::vector<double> ratio(static_cast<std::size_t>(p));
  for (Index i = 0; i < p; ++i) ratio[static_cast<std::size_t>(i)] = evals(i) / evals.sum();
  std::sort(ratio.begin(), ratio.end(), std::greater<>());
  s.explained_variance_ratio.resize(std::min(s.max_components, p));
  for (Index i = 0; i < s.explained_variance_ratio.size(); ++i)
    s.explained_variance_ratio(i) = ratio[static_cast<std::size_t>(i)];
  s.scalings = evecs(Eigen::all, order);
  s.coef = (s.means * s.scalings) * s.scalings.transpose();
  s.intercept = -0.5 * (s.means * s.coef.transpose()).diagonal() + s.priors.array().log().matrix();
}

}  // namespace

// ---------------------------------------------------------------- LinearDiscriminantAnalysis

LinearDiscriminantAnalysis::Fitted LinearDiscriminantAnalysis::learn(const MatrixView& X, const VectorView* y,
                                                                     const VectorView* sample_weight) const {
  constexpr std::string_view where = "LinearDiscriminantAnalysis.fit";
  if (!y) throw ValueError(cat(where, ": y is required"));
  if (sample_weight) throw ValueError(cat(where, ": sample_weight is not supported"));
  check_tol("LinearDiscriminantAnalysis", params_.tol);
  check_shrinkage_value("LinearDiscriminantAnalysis", params_.shrinkage);
  if (params_.n_components && *params_.n_components < 1)
    throw ValueError(
        cat("The 'n_components' parameter of LinearDiscriminantAnalysis must be an int in the range "
            "[1, inf) or None. Got ",
            *params_.n_components, " instead."));
  const Index n = X.rows(), p = X.cols();
  if (n < 2)
    throw ValueError(cat("Found array with ", n, " sample(s) (shape=(", n, ", ", p,
                         ")) while a minimum of 2 is required by LinearDiscriminantAnalysis."));
  const Encoded e = encode_labels(where, *y);
  const Index K = e.classes.size();
  if (K < 2) throw ValueError(cat("The number of classes has to be greater than one. Got ", K, " class."));
  if (n == K) throw ValueError("The number of samples must be more than the number of classes.");
  Fitted s;
  s.n_features_in = p;
  s.classes = e.classes;
  s.priors = class_priors(where, params_.priors, e, n, true);
  const Index bound = std::min(K - 1, p);
  if (params_.n_components && *params_.n_components > bound)
    throw ValueError("n_components cannot be larger than min(n_features, n_classes - 1).");
  s.max_components = params_.n_components ? *params_.n_components : bound;
  s.solver = static_cast<Index>(params_.solver);
  // After the svd solver's own refusals, as scikit-learn orders its errors.
  if (params_.solver != LdaSolver::svd) check_estimator_and_shrinkage(params_.covariance_estimator, params_.shrinkage);
  switch (params_.solver) {
    case LdaSolver::svd:
      if (!params_.shrinkage.is_none())
        throw ValueError("LinearDiscriminantAnalysis: shrinkage not supported with 'svd' solver.");
      if (params_.covariance_estimator)
        throw ValueError("covariance estimator is not supported with svd solver. Try another solver");
      solve_svd(X, e, params_, s);
      break;
    case LdaSolver::lsqr: solve_lsqr(X, e, params_, s); break;
    case LdaSolver::eigen: solve_eigen(X, e, params_, s); break;
  }
  if (K == 2) {
    s.coef = (s.coef.row(1) - s.coef.row(0)).eval();
    s.intercept = Vector::Constant(1, s.intercept(1) - s.intercept(0));
  }
  return s;
}

void LinearDiscriminantAnalysis::check_fitted(const Fitted& s) {
  const Index K = s.classes.size(), p = s.n_features_in, rows = K == 2 ? 1 : K;
  if (K < 2 || s.coef.rows() != rows || s.coef.cols() != p || s.intercept.size() != rows || s.means.rows() != K ||
      s.means.cols() != p || s.priors.size() != K || s.solver < 0 || s.solver > 2 || s.max_components < 0 ||
      (s.scalings.size() && s.scalings.rows() != p) || (s.xbar.size() && s.xbar.size() != p))
    throw ValueError("the shapes of coef, intercept, means, priors, scalings and xbar disagree");
  detail::nb_check_classes(s.classes);
}

bool LinearDiscriminantAnalysis::has(Method method) const {
  switch (method) {
    case Method::predict:
    case Method::predict_proba:
    case Method::predict_log_proba:
    case Method::decision_function:
    case Method::score: return true;
    case Method::transform: return params_.solver != LdaSolver::lsqr;
    default: return false;
  }
}

Matrix LinearDiscriminantAnalysis::scores(std::string_view method, const MatrixView& X) const {
  const Fitted& s = check_input(method, X);
  Matrix out(X.rows(), s.coef.rows());
  out.noalias() = X * s.coef.transpose();
  out.rowwise() += s.intercept.transpose();
  return out;
}

Matrix LinearDiscriminantAnalysis::decision_function(const MatrixView& X) const {
  return scores("decision_function", X);
}

Vector LinearDiscriminantAnalysis::predict(const MatrixView& X) const {
  const Matrix d = scores("predict", X);
  const Vector& classes = fitted().classes;
  if (d.cols() == 1) return d.col(0).unaryExpr([&](double v) { return classes(v > 0 ? 1 : 0); });
  return argmax_labels(d, classes);
}

Matrix LinearDiscriminantAnalysis::predict_proba(const MatrixView& X) const {
  Matrix d = scores("predict_proba", X);
  if (d.cols() == 1) {
    Matrix out(d.rows(), 2);
    for (Index i = 0; i < d.rows(); ++i) {
      // scipy.special.expit, and 1 - it, as scikit-learn stacks them.
      const double prob = 1.0 / (1.0 + std::exp(-d(i, 0)));
      out(i, 0) = 1.0 - prob;
      out(i, 1) = prob;
    }
    return out;
  }
  softmax_rows(d);
  return d;
}

Matrix LinearDiscriminantAnalysis::predict_log_proba(const MatrixView& X) const {
  return log_of_proba(predict_proba(X));
}

Matrix LinearDiscriminantAnalysis::transform(const MatrixView& X) const {
  if (params_.solver == LdaSolver::lsqr || (is_fitted() && fitted().solver == static_cast<Index>(LdaSolver::lsqr)))
    throw ValueError("transform not implemented for 'lsqr' solver (use 'svd' or 'eigen').");
  const Fitted& s = check_input("transform", X);
  const Index m = std::min(s.max_components, s.scalings.cols());
  Matrix out(X.rows(), m);
  if (s.xbar.size())
    out.noalias() = (X.rowwise() - s.xbar.transpose()) * s.scalings.leftCols(m);
  else
    out.noalias() = X * s.scalings.leftCols(m);
  return out;
}

std::vector<std::string> LinearDiscriminantAnalysis::get_feature_names_out(const std::vector<std::string>&) const {
  const Fitted& s = fitted();
  std::string prefix(class_name);
  std::transform(prefix.begin(), prefix.end(), prefix.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::vector<std::string> out;
  for (Index i = 0; i < s.max_components; ++i) out.push_back(cat(prefix, i));
  return out;
}

// ---------------------------------------------------------------- QuadraticDiscriminantAnalysis

QuadraticDiscriminantAnalysis::Fitted QuadraticDiscriminantAnalysis::learn(const MatrixView& X, const VectorView* y,
                                                                           const VectorView* sample_weight) const {
  constexpr std::string_view where = "QuadraticDiscriminantAnalysis.fit";
  if (!y) throw ValueError(cat(where, ": y is required"));
  if (sample_weight) throw ValueError(cat(where, ": sample_weight is not supported"));
  check_tol("QuadraticDiscriminantAnalysis", params_.tol);
  check_shrinkage_value("QuadraticDiscriminantAnalysis", params_.shrinkage);
  if (!(params_.reg_param >= 0 && params_.reg_param <= 1))
    throw ValueError(
        cat("The 'reg_param' parameter of QuadraticDiscriminantAnalysis must be a float in the range "
            "[0.0, 1.0]. Got ",
            params_.reg_param, " instead."));
  if (params_.solver == QdaSolver::svd && !params_.shrinkage.is_none())
    throw ValueError("QuadraticDiscriminantAnalysis: shrinkage not supported with 'svd' solver.");
  if (params_.solver == QdaSolver::svd && params_.covariance_estimator)
    throw ValueError("covariance_estimator is not supported with solver='svd'. Try solver='eigen' instead.");
  check_estimator_and_shrinkage(params_.covariance_estimator, params_.shrinkage);
  const Index n = X.rows(), p = X.cols();
  const Encoded e = encode_labels(where, *y);
  const Index K = e.classes.size();
  if (K < 2) throw ValueError(cat("The number of classes has to be greater than one. Got ", K, " class."));
  Fitted s;
  s.n_features_in = p;
  s.classes = e.classes;
  s.priors = class_priors(where, params_.priors, e, n, false);
  s.means.resize(K, p);
  for (Index k = 0; k < K; ++k) {
    const std::string label = detail::label_text(e.classes(k));
    if (e.counts(k) == 1) throw ValueError(cat("y has only 1 sample in class ", label, ", covariance is ill defined."));
    const Matrix Xk = rows_of_class(X, e, k);
    const Index nk = Xk.rows();
    const Vector mean = Xk.colwise().sum().transpose() / static_cast<double>(nk);
    s.means.row(k) = mean.transpose();
    Vector scaling;
    Matrix rotation, cov;
    if (params_.solver == QdaSolver::svd) {
      const Matrix Xc = Xk.rowwise() - mean.transpose();
      auto r = linalg::svd(Xc, {.full_matrices = false, .check_finite = false});
      scaling = r.s.array().square() / static_cast<double>(nk);
      scaling = ((1 - params_.reg_param) * scaling.array() + params_.reg_param).matrix();
      rotation = r.vh.transpose();
      if (params_.store_covariance) cov = rotation * scaling.asDiagonal() * r.vh;
    } else {
      cov = estimated_cov(Xk, params_.shrinkage, params_.covariance_estimator);
      auto [w, v] = linalg::eigh(cov, {.check_finite = false});
      scaling = w.reverse();
      rotation = v.rowwise().reverse();
    }
    Index rank = 0;
    for (Index i = 0; i < scaling.size(); ++i) rank += scaling(i) > params_.tol ? 1 : 0;
    if (rank < p) {
      if (params_.solver == QdaSolver::svd && nk <= p)
        throw LinAlgError(cat("The covariance matrix of class ", label,
                              " is not full rank. When using `solver='svd'` the number of samples in each class "
                              "should be more than the number of features, but class ",
                              label, " has ", nk, " samples and ", p,
                              " features. Try using `solver='eigen'` and setting the parameter `shrinkage` for "
                              "regularization."));
      throw LinAlgError(cat("The covariance matrix of class ", label, " is not full rank. Increase the value of `",
                            params_.solver == QdaSolver::eigen ? "shrinkage" : "reg_param",
                            "` to reduce the collinearity."));
    }
    if (params_.store_covariance) s.covariance.push_back(std::move(cov));
    s.scalings.push_back(std::move(scaling));
    s.rotations.push_back(std::move(rotation));
  }
  return s;
}

void QuadraticDiscriminantAnalysis::check_fitted(const Fitted& s) {
  const Index K = s.classes.size(), p = s.n_features_in;
  if (K < 2 || s.means.rows() != K || s.means.cols() != p || s.priors.size() != K ||
      static_cast<Index>(s.rotations.size()) != K || static_cast<Index>(s.scalings.size()) != K ||
      (!s.covariance.empty() && static_cast<Index>(s.covariance.size()) != K))
    throw ValueError("the shapes of means, priors, rotations and scalings disagree with the classes");
  for (Index k = 0; k < K; ++k) {
    const auto& R = s.rotations[static_cast<std::size_t>(k)];
    const auto& S = s.scalings[static_cast<std::size_t>(k)];
    if (R.rows() != p || R.cols() != S.size() || !(S.array() > 0).all())
      throw ValueError("a rotation or scaling has the wrong shape or a non-positive variance");
  }
  detail::nb_check_classes(s.classes);
}

bool QuadraticDiscriminantAnalysis::has(Method method) const {
  return method == Method::predict || method == Method::predict_proba || method == Method::predict_log_proba ||
         method == Method::decision_function || method == Method::score;
}

Matrix QuadraticDiscriminantAnalysis::scores(std::string_view method, const MatrixView& X) const {
  const Fitted& s = check_input(method, X);
  const Index K = s.classes.size(), n = X.rows();
  Matrix out(n, K);
  Matrix centred(n, X.cols()), projected;
  for (Index k = 0; k < K; ++k) {
    const auto& R = s.rotations[static_cast<std::size_t>(k)];
    const auto& S = s.scalings[static_cast<std::size_t>(k)];
    centred = X.rowwise() - s.means.row(k);
    const Matrix W = R * S.array().rsqrt().matrix().asDiagonal();
    projected.noalias() = centred * W;
    const double u = S.array().log().sum();
    out.col(k) = (-0.5 * (projected.rowwise().squaredNorm().array() + u) + std::log(s.priors(k))).matrix();
  }
  return out;
}

Matrix QuadraticDiscriminantAnalysis::decision_function(const MatrixView& X) const {
  const Matrix d = scores("decision_function", X);
  if (d.cols() == 2) return d.col(1) - d.col(0);
  return d;
}

Vector QuadraticDiscriminantAnalysis::predict(const MatrixView& X) const {
  return argmax_labels(scores("predict", X), fitted().classes);
}

Matrix QuadraticDiscriminantAnalysis::predict_log_proba(const MatrixView& X) const {
  Matrix d = scores("predict_log_proba", X);
  for (Index i = 0; i < d.rows(); ++i) {
    d.row(i).array() -= d.row(i).maxCoeff();
    d.row(i).array() -= std::log(d.row(i).array().exp().sum());
  }
  return d;
}

Matrix QuadraticDiscriminantAnalysis::predict_proba(const MatrixView& X) const {
  return predict_log_proba(X).array().exp();
}

}  // namespace scilearn::learn

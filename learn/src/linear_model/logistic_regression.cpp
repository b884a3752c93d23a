#include <Eigen/Cholesky>
#include <algorithm>
#include <cmath>
#include <limits>
#include <scilearn/core/parallel.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/core/validation.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn/linear_model/logistic_regression.hpp>
#include <scilearn/optimize/minimize.hpp>
#include <type_traits>
#include <vector>

#include "linear_model/linear_classifier.hpp"
#include "linear_model/logistic_loss.hpp"
#include "linear_model/logistic_newton_cg.hpp"
#include "linear_model/smooth_solvers.hpp"
#include "logistic_fit.hpp"
#include "logistic_liblinear.hpp"
#include "logistic_sag.hpp"

namespace scilearn::learn {

namespace {

constexpr std::string_view kFit = "LogisticRegression.fit";
constexpr double kEps = std::numeric_limits<double>::epsilon();

using detail::expit;
using detail::LogisticLoss;
using detail::softplus;

// The sorted distinct labels; ValueError for non-integer labels (scikit-learn's
// "continuous" targets).
Vector sorted_classes(const VectorView& y) {
  // A sorted set grown by insertion: O(n log K) for K classes, no copy of y
  // (a classifier's y has few distinct values); a sort beyond 256.
  std::vector<double> v;
  for (Index i = 0; i < y.size(); ++i) {
    const double value = y(i);
    if (value != std::round(value))
      throw ValueError(cat(kFit,
                           ": Unknown label type: continuous. Maybe you are trying to fit a classifier, which "
                           "expects discrete classes on a regression target with continuous values (got y = ",
                           value, ")"));
    const auto at = std::lower_bound(v.begin(), v.end(), value);
    if (at != v.end() && *at == value) continue;
    if (v.size() == 256) {
      v.assign(y.data(), y.data() + y.size());
      std::sort(v.begin(), v.end());
      v.erase(std::unique(v.begin(), v.end()), v.end());
      for (const double u : v)
        if (u != std::round(u)) throw ValueError(cat(kFit, ": Unknown label type: continuous (got y = ", u, ")"));
      break;
    }
    v.insert(at, value);
  }
  return Eigen::Map<const Vector>(v.data(), static_cast<Index>(v.size()));
}

Index class_index(const Vector& classes, double label) {
  return std::lower_bound(classes.data(), classes.data() + classes.size(), label) - classes.data();
}

// One weight per class (scikit-learn's compute_class_weight, with the
// sample weights' per-class totals).
Vector class_weights(const LogisticRegressionParams& p, const Vector& classes, const std::vector<int>& index,
                     const Vector& sample_weight) {
  Vector total = Vector::Zero(classes.size());
  for (std::size_t i = 0; i < index.size(); ++i) total(index[i]) += sample_weight(static_cast<Index>(i));
  return detail::class_weights(kFit, p.class_weight, p.class_weight_labels, p.class_weight_values, classes, total);
}

// L-BFGS-B with scikit-learn's options. Returns the iterations (at most max_iter).
template <class Loss>
Index solve_lbfgs(Loss& loss, Vector& x, const LogisticRegressionParams& p) {
  // Our blocks run on the BLAS pool's threads, each block's products on one BLAS thread.
  const BlasThreadLimit limit(1);
  return detail::minimize_lbfgs([&](const Vector& v, Vector& g) { return loss(v, g); }, x, p.max_iter, p.tol,
                                "\nPlease also refer to the documentation for alternative solver options:\n"
                                "    https://scikit-learn.org/stable/modules/linear_model.html#logistic-regression");
}

// The Hessian of the objective at x, in the layout of x (W column-major, K x
// p, then the K intercepts): (1 / S) sum_i s_i [x_i; 1] [x_i; 1]^T kron H_i,
// H_i = diag(P_i) - P_i P_i^T (K > 1) or p_i (1 - p_i) (K = 1), plus l2 on W.
// On CSR X each block X^T D X is a sparse product, O(sum over rows of
// nnz(row)^2), without a dense copy of X.
template <class XType>
Matrix hessian(const XType& X, const LogisticLoss<XType>& loss, const Vector& x, Index K, bool fit_intercept,
               double l2) {
  constexpr bool dense = std::is_same_v<XType, MatrixView>;
  const Index n = X.rows(), p = X.cols();
  const Index dof = p + (fit_intercept ? 1 : 0);
  const Matrix P = loss.probabilities(x);  // n x K
  const Vector& w = loss.weight();
  Matrix H(K * dof, K * dof);
  Matrix WX(dense ? n : 0, dense ? p : 0), block(dof, dof);
  Vector d(n);
  for (Index k = 0; k < K; ++k)
    for (Index l = 0; l <= k; ++l) {
      if (K == 1)
        d = w.array() * P.col(0).array() * (1 - P.col(0).array());
      else
        d = w.array() * P.col(k).array() * ((k == l ? 1.0 : 0.0) - P.col(l).array());
      if constexpr (dense) {
        WX.noalias() = d.asDiagonal() * X;
        block.topLeftCorner(p, p).noalias() = X.transpose() * WX;
        if (fit_intercept) block.col(p).head(p) = WX.colwise().sum().transpose();  // sum_i d_i x_i
      } else {
        const CsrMatrix DX = d.asDiagonal() * X;
        block.topLeftCorner(p, p) = Matrix(X.transpose() * DX);
        if (fit_intercept) block.col(p).head(p).noalias() = X.transpose() * d;
      }
      if (fit_intercept) {
        block.row(p).head(p) = block.col(p).head(p).transpose();
        block(p, p) = d.sum();
      }
      // Entry (feature j, class k) sits at j K + k; intercept k at p K + k.
      // Block (k, l) and its transpose (l, k).
      for (Index j = 0; j < dof; ++j)
        for (Index i = 0; i < dof; ++i) {
          H(j * K + k, i * K + l) = block(j, i);
          H(i * K + l, j * K + k) = block(j, i);
        }
    }
  for (Index i = 0; i < K * p; ++i) H(i, i) += l2;
  return H;
}

// scikit-learn's NewtonCholeskySolver: Newton steps from a Cholesky
// factorization of the Hessian, a backtracking (Armijo) line search, and
// lbfgs for the remaining iterations when a step fails. Returns the iterations.
template <class XType>
Index solve_newton_cholesky(const XType& X, LogisticLoss<XType>& loss, Vector& x, const LogisticRegressionParams& p,
                            Index K, double l2) {
  const Index size = x.size(), n_features = X.cols();
  const bool multinomial = K > 1;
  const bool no_penalty = multinomial && l2 == 0;
  const bool multinomial_intercept = multinomial && p.fit_intercept;
  const Index dof = n_features + (p.fit_intercept ? 1 : 0);
  // The multinomial is over-parametrized: fix the last class's coefficients
  // (no penalty) or its intercept to 0, as scikit-learn does.
  std::vector<Index> kept;
  for (Index i = 0; i < size; ++i) {
    const bool last_class = i % K == K - 1;
    if (no_penalty && last_class) continue;
    if (!no_penalty && multinomial_intercept && i == size - 1) continue;
    kept.push_back(i);
  }
  if (no_penalty) {
    for (Index j = 0; j < dof; ++j) x.segment(j * K, K).array() -= x(j * K + K - 1);
  } else if (multinomial_intercept) {
    x.tail(K).array() -= x(size - 1);
  }
  const auto evaluate = [&](const Vector& v, Vector& g) {
    const BlasThreadLimit limit(1);
    return loss(v, g);
  };
  Vector grad(size), grad_old(size), step(size), x_old(size);
  double value = evaluate(x, grad);
  const auto kept_n = static_cast<Index>(kept.size());
  Index iteration = 1;
  bool converged = false, fallback = false;
  while (iteration <= p.max_iter && !converged) {
    const Matrix H = hessian(X, loss, x, K, p.fit_intercept, l2);
    Matrix Hr(kept_n, kept_n);
    Vector gr(kept_n);
    for (Index a = 0; a < kept_n; ++a) {
      gr(a) = grad(kept[static_cast<std::size_t>(a)]);
      for (Index c = 0; c < kept_n; ++c)
        Hr(a, c) = H(kept[static_cast<std::size_t>(a)], kept[static_cast<std::size_t>(c)]);
    }
    const Eigen::LLT<Matrix> llt(Hr);
    if (llt.info() != Eigen::Success || !(llt.rcond() > kEps)) {
      detail::warn_ill_conditioned_hessian(iteration);
      fallback = true;
      break;
    }
    const Vector sr = llt.solve(-gr);
    step.setZero();
    for (Index a = 0; a < kept_n; ++a) step(kept[static_cast<std::size_t>(a)]) = sr(a);
    // grad on the removed entries is replaced by 0 in scikit-learn.
    double g_step = 0;
    for (Index a = 0; a < kept_n; ++a) g_step += gr(a) * sr(a);
    if (g_step > 0) {
      fallback = true;
      break;
    }
    x_old = x;
    grad_old = grad;
    if (!detail::newton_line_search(evaluate, x_old, value, grad_old, step, g_step, x, value, grad)) {
      detail::warn_line_search_failed(iteration);
      fallback = true;
      break;
    }
    // Convergence: the largest gradient entry and the Newton decrement.
    if (grad.cwiseAbs().maxCoeff() <= p.tol && 0.5 * sr.dot(Hr * sr) <= p.tol) converged = true;
    ++iteration;
  }
  Index n_iter = iteration - 1;
  if (!converged) {
    if (fallback) {
      LogisticRegressionParams rest = p;
      rest.max_iter = static_cast<int>(p.max_iter - n_iter);
      n_iter += solve_lbfgs(loss, x, rest);
    } else {
      warn(WarningCategory::convergence, cat("Newton solver did not converge after ", n_iter, " iterations."));
    }
  }
  // The symmetric parametrization: coefficients sum to 0 over the classes.
  if (no_penalty) {
    for (Index j = 0; j < dof; ++j) x.segment(j * K, K).array() -= x.segment(j * K, K).mean();
  } else if (multinomial_intercept) {
    x.tail(K).array() -= x.tail(K).mean();
  }
  return n_iter;
}

void check_params(const LogisticRegressionParams& p) {
  if (!(p.C > 0)) throw ValueError(cat("LogisticRegression: C must be > 0, got ", p.C));
  if (!(p.l1_ratio >= 0 && p.l1_ratio <= 1))
    throw ValueError(cat("LogisticRegression: l1_ratio must be in [0, 1], got ", p.l1_ratio));
  if (!(p.tol >= 0)) throw ValueError(cat("LogisticRegression: tol must be >= 0, got ", p.tol));
  if (p.max_iter < 0) throw ValueError(cat("LogisticRegression: max_iter must be >= 0, got ", p.max_iter));
  if (!(p.intercept_scaling > 0))
    throw ValueError(cat("LogisticRegression: intercept_scaling must be > 0, got ", p.intercept_scaling));
}

// What every solver needs from the parameters, y and the weights.
struct Problem {
  Vector classes;
  std::vector<int> index;  // the class of each sample (two classes: 0 / 1)
  Vector weight;           // sample weights times class weights, summing to 1
  Index K = 1;             // coefficient rows: 1 for two classes
  double l2 = 0, l1 = 0;   // the penalty's coefficients on ||W||^2 / 2 and ||W||_1
};

// The penalty as scikit-learn 1.9 derives it and checks it per solver, the
// classes and the weights.
Problem prepare(const LogisticRegressionParams& p, const VectorView& y, const VectorView* sample_weight) {
  check_params(p);
  const std::string_view solver_name = enum_name(p.solver);
  std::optional<LogisticPenalty> penalty;
  if (p.penalty == LogisticPenalty::deprecated) {
    penalty = p.l1_ratio == 0   ? LogisticPenalty::l2
              : p.l1_ratio == 1 ? LogisticPenalty::l1
                                : LogisticPenalty::elasticnet;
    if (std::isinf(p.C)) penalty.reset();
  } else {
    penalty = p.penalty;
    warn(WarningCategory::user,
         "'penalty' was deprecated in version 1.8 and will be removed in 1.10. To avoid this warning, leave "
         "'penalty' set to its default value and use 'l1_ratio' or 'C' instead.");
  }
  const bool liblinear = p.solver == LogisticSolver::liblinear;
  if (penalty && *penalty != LogisticPenalty::l2 && p.solver != LogisticSolver::saga && !liblinear)
    throw ValueError(
        cat("Solver ", solver_name, " supports only 'l2' or None penalties, got ", enum_name(*penalty), " penalty."));
  if (p.dual && !liblinear) throw ValueError(cat("Solver ", solver_name, " supports only dual=False, got dual=True"));
  if (penalty == LogisticPenalty::elasticnet && p.solver != LogisticSolver::saga)
    throw ValueError(cat("Only 'saga' solver supports elasticnet penalty, got solver=", solver_name, "."));
  if (liblinear && !penalty)
    throw ValueError("C=np.inf as well as penalty=None is not supported for the liblinear solver");
  if (p.l1_ratio > 0 && p.l1_ratio < 1 && penalty != LogisticPenalty::elasticnet)
    warn(WarningCategory::user, "l1_ratio parameter is only used when penalty is 'elasticnet'.");
  if (!p.penalty && p.C != 1.0)
    warn(WarningCategory::user, "Setting penalty=None will ignore the C and l1_ratio parameters");
  const double C = penalty ? p.C : std::numeric_limits<double>::infinity();
  const double l1_share =
      !penalty ? 0.0
               : (*penalty == LogisticPenalty::l1 ? 1.0 : (*penalty == LogisticPenalty::elasticnet ? p.l1_ratio : 0.0));

  const Index n = y.size();
  Problem out;
  out.classes = sorted_classes(y);
  const Index n_classes = out.classes.size();
  if (liblinear && n_classes != 2)
    throw ValueError(
        "The 'liblinear' solver does not support multiclass classification (n_classes >= 3). Either use another "
        "solver or wrap the estimator in a OneVsRestClassifier to keep applying a one-versus-rest scheme.");
  if (n_classes < 2)
    throw ValueError(
        cat("This solver needs samples of at least 2 classes in the data, but the data contains only "
            "one class: ",
            out.classes(0)));
  out.index.resize(static_cast<std::size_t>(n));
  for (Index i = 0; i < n; ++i)
    out.index[static_cast<std::size_t>(i)] = static_cast<int>(class_index(out.classes, y(i)));
  out.weight = sample_weight ? Vector(*sample_weight) : Vector::Ones(n);
  const Vector per_class = class_weights(p, out.classes, out.index, out.weight);
  for (Index i = 0; i < n; ++i) out.weight(i) *= per_class(out.index[static_cast<std::size_t>(i)]);
  const double total = out.weight.sum();
  if (!(total > 0)) throw ValueError(cat(kFit, ": the sample weights times the class weights sum to ", total));
  out.weight /= total;
  // scikit-learn scales the penalty by 1 / (C S): the mean loss plus
  // (1 - l1_ratio) ||W||^2 / (2 C S) + l1_ratio ||W||_1 / (C S).
  if (std::isfinite(C)) {
    out.l2 = (1 - l1_share) / (C * total);
    out.l1 = l1_share / (C * total);
  }
  out.K = n_classes == 2 ? 1 : n_classes;
  if (n_classes == 2)
    for (int& v : out.index) v = v == 1 ? 1 : 0;
  return out;
}

// The starting point: zero, or the previous fit's coefficients with warm_start.
void starting_point(const LogisticRegressionParams& p, const std::optional<LogisticRegressionFitted>& previous, Index K,
                    Index n_features, Matrix& coef, Vector& intercept) {
  coef = Matrix::Zero(K, n_features);
  intercept = Vector::Zero(K);
  if (!p.warm_start || !previous) return;
  if (previous->coef.rows() != K || previous->coef.cols() != n_features)
    throw ValueError(cat(kFit, ": Initialization coef is of shape (", previous->coef.rows(), ", ",
                         previous->coef.cols() + (p.fit_intercept ? 1 : 0), "), expected shape (", K, ", ",
                         n_features + (p.fit_intercept ? 1 : 0), ")"));
  coef = previous->coef;
  if (p.fit_intercept) intercept = previous->intercept;
}

// Runs sag / saga on dense (row-major) or CSR rows.
template <class Rows>
LogisticRegressionFitted fit_sag(const Rows& X, const LogisticRegressionParams& p, const Problem& problem,
                                 const std::optional<LogisticRegressionFitted>& previous) {
  LogisticRegressionFitted out;
  out.n_features_in = X.cols();
  out.classes = problem.classes;
  starting_point(p, previous, problem.K, X.cols(), out.coef, out.intercept);
  const detail::SagProblem sag{.label = problem.index,
                               .weight = problem.weight,
                               .K = problem.K,
                               .fit_intercept = p.fit_intercept,
                               .l2 = problem.l2,
                               .l1 = problem.l1,
                               .saga = p.solver == LogisticSolver::saga,
                               .tol = p.tol,
                               .max_iter = p.max_iter,
                               .seed = p.random_state ? *p.random_state : default_rng().integers(0, INT64_MAX)};
  const detail::SagResult result = detail::solve_sag(X, sag, out.coef, out.intercept);
  out.n_iter = result.n_iter;
  if (!result.converged)
    warn(WarningCategory::convergence, "The max_iter was reached which means the coef_ did not converge");
  return out;
}

}  // namespace

Vector detail::logistic_classes(const VectorView& y) { return sorted_classes(y); }

Matrix detail::logistic_proba(const Matrix& scores) {
  const Index n = scores.rows();
  if (scores.cols() == 1) {
    Matrix proba(n, 2);
    for (Index i = 0; i < n; ++i) {
      proba(i, 1) = expit(scores(i, 0));
      proba(i, 0) = expit(-scores(i, 0));
    }
    return proba;
  }
  Matrix proba(n, scores.cols());
  for (Index i = 0; i < n; ++i) {
    const auto row = scores.row(i);
    proba.row(i) = (row.array() - row.maxCoeff()).exp();
    proba.row(i) /= proba.row(i).sum();
  }
  return proba;
}

Matrix detail::logistic_log_proba(const Matrix& scores) {
  const Index n = scores.rows();
  if (scores.cols() == 1) {
    Matrix log_proba(n, 2);
    for (Index i = 0; i < n; ++i) {
      log_proba(i, 1) = -softplus(-scores(i, 0));
      log_proba(i, 0) = -softplus(scores(i, 0));
    }
    return log_proba;
  }
  Matrix log_proba(n, scores.cols());
  for (Index i = 0; i < n; ++i) {
    const auto row = scores.row(i);
    const double top = row.maxCoeff();
    const double lse = top + std::log((row.array() - top).exp().sum());
    log_proba.row(i) = row.array() - lse;
  }
  return log_proba;
}

namespace {

// Fits with lbfgs, newton-cholesky or newton-cg from the starting point.
template <class XType>
LogisticRegressionFitted fit_smooth(const XType& X, const LogisticRegressionParams& p, Problem problem,
                                    const std::optional<LogisticRegressionFitted>& start) {
  const Index n_features = X.cols(), K = problem.K;
  LogisticRegressionFitted out;
  out.n_features_in = n_features;
  out.classes = problem.classes;
  LogisticLoss<XType> loss(X, std::move(problem.index), std::move(problem.weight), K, p.fit_intercept, problem.l2,
                           blas_num_threads());
  Matrix coef;
  Vector intercept;
  starting_point(p, start, K, n_features, coef, intercept);
  Vector x = Vector::Zero(loss.size());
  Eigen::Map<Matrix>(x.data(), K, n_features) = coef;
  if (p.fit_intercept) x.tail(K) = intercept;
  if (p.solver == LogisticSolver::newton_cholesky)
    out.n_iter = solve_newton_cholesky(X, loss, x, p, K, problem.l2);
  else if (p.solver == LogisticSolver::newton_cg)
    out.n_iter = detail::solve_newton_cg(loss, x, p.max_iter, p.tol);
  else
    out.n_iter = solve_lbfgs(loss, x, p);
  out.coef = Eigen::Map<const Matrix>(x.data(), K, n_features);
  out.intercept = p.fit_intercept ? Vector(x.tail(K)) : Vector::Zero(K);
  return out;
}

}  // namespace

LogisticRegressionFitted detail::fit_logistic(const MatrixView& X, const VectorView& y, const VectorView* sample_weight,
                                              const LogisticRegressionParams& p,
                                              const std::optional<LogisticRegressionFitted>& start) {
  Problem problem = prepare(p, y, sample_weight);
  if (p.solver == LogisticSolver::liblinear)
    return detail::fit_liblinear(X, p, problem.classes, problem.index, problem.weight, problem.l2, problem.l1);
  if (p.solver == LogisticSolver::sag || p.solver == LogisticSolver::saga)
    return fit_sag(detail::RowMajorMatrix(X), p, problem, start);
  return fit_smooth(X, p, std::move(problem), start);
}

LogisticRegression::Fitted LogisticRegression::learn(const MatrixView& X, const VectorView* y,
                                                     const VectorView* sample_weight) const {
  if (!y) throw ValueError(cat(kFit, ": y is required"));
  return detail::fit_logistic(X, *y, sample_weight, params_, fitted_);
}

LogisticRegression& LogisticRegression::fit(const CsrMatrix& X, const VectorView& y, const VectorView& sample_weight) {
  check_sparse_X_y(kFit, X, y, sample_weight);
  const LogisticRegressionParams& p = params_;
  Problem problem = prepare(p, y, sample_weight.size() ? &sample_weight : nullptr);
  if (p.solver == LogisticSolver::liblinear)
    fitted_ = detail::fit_liblinear(X, p, problem.classes, problem.index, problem.weight, problem.l2, problem.l1);
  else if (p.solver == LogisticSolver::sag || p.solver == LogisticSolver::saga)
    fitted_ = fit_sag(X, p, problem, fitted_);
  else
    fitted_ = fit_smooth(X, p, std::move(problem), fitted_);
  return *this;
}

Matrix LogisticRegression::decision_function(const MatrixView& X) const {
  const Fitted& state = check_input("decision_function", X);
  Matrix scores = X * state.coef.transpose();
  scores.rowwise() += state.intercept.transpose();
  return scores;
}

const LogisticRegression::Fitted& LogisticRegression::check_sparse_input(std::string_view method,
                                                                         const CsrMatrix& X) const {
  const Fitted& state = fitted();
  check_sparse_predict(class_name, method, X, state.n_features_in);
  return state;
}

Matrix LogisticRegression::decision_function(const CsrMatrix& X) const {
  const Fitted& state = check_sparse_input("decision_function", X);
  Matrix scores = X * state.coef.transpose();
  scores.rowwise() += state.intercept.transpose();
  return scores;
}

Vector LogisticRegression::predict(const MatrixView& X) const {
  return detail::labels_from_scores(decision_function(X), fitted().classes);
}
Vector LogisticRegression::predict(const CsrMatrix& X) const {
  return detail::labels_from_scores(decision_function(X), fitted().classes);
}
Matrix LogisticRegression::predict_proba(const MatrixView& X) const {
  return detail::logistic_proba(decision_function(X));
}
Matrix LogisticRegression::predict_proba(const CsrMatrix& X) const {
  return detail::logistic_proba(decision_function(X));
}
Matrix LogisticRegression::predict_log_proba(const MatrixView& X) const {
  return detail::logistic_log_proba(decision_function(X));
}
Matrix LogisticRegression::predict_log_proba(const CsrMatrix& X) const {
  return detail::logistic_log_proba(decision_function(X));
}

}  // namespace scilearn::learn

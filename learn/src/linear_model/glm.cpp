#include <Eigen/Cholesky>
#include <algorithm>
#include <cmath>
#include <limits>
#include <scilearn/core/validation.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn/linear_model/glm.hpp>
#include <scilearn/optimize/minimize.hpp>
#include <type_traits>

#include "linear_model/smooth_solvers.hpp"

namespace scilearn::learn::detail {

namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();

// scikit-learn's half Tweedie losses, pointwise in the raw prediction r
// (the linear predictor). Log link: HalfTweedieLoss (power 1 and 2 are
// HalfPoissonLoss and HalfGammaLoss, the same formulas), which drops the
// terms that depend on y only. Identity link: HalfTweedieLossIdentity, which
// keeps them (its minimum is 0).
struct Tweedie {
  double p;
  bool log_link;

  [[nodiscard]] double loss(double y, double r) const {
    if (log_link) {
      if (p == 0) {
        const double e = std::exp(r);
        return 0.5 * (e - y) * (e - y);
      }
      if (p == 1) return std::exp(r) - y * r;
      if (p == 2) return r + y * std::exp(-r);
      return std::exp((2 - p) * r) / (2 - p) - y * std::exp((1 - p) * r) / (1 - p);
    }
    if (p == 0) return 0.5 * (r - y) * (r - y);
    if (p == 1) return y == 0 ? r : y * std::log(y / r) + r - y;
    if (p == 2) return std::log(r / y) + y / r - 1;
    const double t = std::pow(r, 1 - p);
    double out = r * t / (2 - p) - y * t / (1 - p);
    if (y > 0) out += std::pow(y, 2 - p) / ((1 - p) * (2 - p));
    return out;
  }

  // d loss / d r.
  [[nodiscard]] double gradient(double y, double r) const {
    if (log_link) {
      if (p == 0) {
        const double e = std::exp(r);
        return e * (e - y);
      }
      if (p == 1) return std::exp(r) - y;
      if (p == 2) return 1 - y * std::exp(-r);
      return std::exp((2 - p) * r) - y * std::exp((1 - p) * r);
    }
    if (p == 0) return r - y;
    if (p == 1) return 1 - y / r;
    if (p == 2) return (r - y) / (r * r);
    return std::pow(r, -p) * (r - y);
  }

  // d^2 loss / d r^2 (negative in places for the non-canonical links).
  [[nodiscard]] double hessian(double y, double r) const {
    if (log_link) {
      if (p == 0) {
        const double e = std::exp(r);
        return e * (2 * e - y);
      }
      if (p == 1) return std::exp(r);
      if (p == 2) return y * std::exp(-r);
      return (2 - p) * std::exp((2 - p) * r) - (1 - p) * y * std::exp((1 - p) * r);
    }
    if (p == 0) return 1;
    if (p == 1) return y / (r * r);
    if (p == 2) return (-1 + 2 * y / r) / (r * r);
    return std::pow(r, -p) * ((1 - p) + p * y / r);
  }

  [[nodiscard]] double link(double mu) const { return log_link ? std::log(mu) : mu; }
  [[nodiscard]] double inverse(double r) const { return log_link ? std::exp(r) : r; }

  // Half the unit deviance d(y, mu) / 2, constants included (for D^2).
  [[nodiscard]] double half_deviance(double y, double mu) const {
    if (p == 0) return 0.5 * (y - mu) * (y - mu);
    if (p == 1) return (y == 0 ? 0.0 : y * std::log(y / mu)) - y + mu;
    if (p == 2) return std::log(mu / y) + y / mu - 1;
    return std::pow(std::max(y, 0.0), 2 - p) / ((1 - p) * (2 - p)) - y * std::pow(mu, 1 - p) / (1 - p) +
           std::pow(mu, 2 - p) / (2 - p);
  }
};

// Whether y lies in the loss's domain: any real for power <= 0, >= 0 for
// 0 < power < 2, > 0 for power >= 2 (scikit-learn's interval_y_true).
void check_y_range(const GLMSpec& spec, const VectorView& y, std::string_view where) {
  const double p = spec.power;
  bool ok = true;
  if (p > 0 && p < 2) ok = (y.array() >= 0).all();
  if (p >= 2) ok = (y.array() > 0).all();
  if (!ok) {
    const std::string_view loss = !spec.log_link                    ? "HalfTweedieLossIdentity"
                                  : spec.name == "PoissonRegressor" ? "HalfPoissonLoss"
                                  : spec.name == "GammaRegressor"   ? "HalfGammaLoss"
                                                                    : "HalfTweedieLoss";
    throw ValueError(cat(where, ": Some value(s) of y are out of the valid range of the loss '", loss, "' (power=", p,
                         p >= 2 ? ": y must be > 0)" : ": y must be >= 0)"));
  }
}

// The objective on the parameter vector [coef; intercept] (intercept last,
// as scikit-learn lays it out): mean weighted loss + alpha / 2 ||coef||^2.
// XType: MatrixView (dense) or CsrMatrix.
template <class XType>
class GLMObjective {
 public:
  GLMObjective(const Tweedie& loss, const XType& X, const VectorView& y, Vector weight, bool fit_intercept,
               double alpha)
      : loss_(loss),
        X_(X),
        y_(y),
        w_(std::move(weight)),
        fit_intercept_(fit_intercept),
        alpha_(alpha),
        raw_(X.rows()),
        g_(X.rows()) {}

  [[nodiscard]] Index size() const { return X_.cols() + (fit_intercept_ ? 1 : 0); }

  void raw(const Vector& x, Vector& r) const {
    const Index p = X_.cols();
    r.noalias() = X_ * x.head(p);
    if (fit_intercept_) r.array() += x(p);
  }

  // The objective at x; its gradient into grad.
  double operator()(const Vector& x, Vector& grad) {
    const Index n = X_.rows(), p = X_.cols();
    raw(x, raw_);
    double value = 0;
    for (Index i = 0; i < n; ++i) {
      value += w_(i) * loss_.loss(y_(i), raw_(i));
      g_(i) = w_(i) * loss_.gradient(y_(i), raw_(i));
    }
    grad.resize(size());
    grad.head(p).noalias() = X_.transpose() * g_;
    grad.head(p) += alpha_ * x.head(p);
    if (fit_intercept_) grad(p) = g_.sum();
    return value + 0.5 * alpha_ * x.head(p).squaredNorm();
  }

  // The Hessian at x, from |pointwise Hessian| as scikit-learn; returns false
  // (and leaves H alone) when more than a quarter of the weighted pointwise
  // Hessian is <= 0, where scikit-learn hands over to lbfgs.
  bool hessian(const Vector& x, Matrix& H) {
    const Index n = X_.rows(), p = X_.cols();
    raw(x, raw_);
    double non_positive = 0;
    for (Index i = 0; i < n; ++i) {
      const double h = loss_.hessian(y_(i), raw_(i));
      if (h <= 0) non_positive += w_(i);
      g_(i) = w_(i) * std::abs(h);
    }
    if (non_positive > 0.25 * w_.sum()) return false;
    const Index dof = size();
    H.resize(dof, dof);
    if constexpr (std::is_same_v<XType, CsrMatrix>) {
      const CsrMatrix WX = g_.asDiagonal() * X_;
      H.topLeftCorner(p, p) = Matrix(X_.transpose() * WX);
    } else {
      const Matrix WX = g_.asDiagonal() * X_;
      H.topLeftCorner(p, p).noalias() = X_.transpose() * WX;
    }
    H.topLeftCorner(p, p).diagonal().array() += alpha_;
    if (fit_intercept_) {
      H.col(p).head(p) = X_.transpose() * g_;
      H.row(p).head(p) = H.col(p).head(p).transpose();
      H(p, p) = g_.sum();
    }
    return true;
  }

 private:
  const Tweedie& loss_;
  const XType& X_;
  const VectorView& y_;
  Vector w_;  // sample weights / their sum
  bool fit_intercept_;
  double alpha_;
  Vector raw_, g_;
};

template <class Objective>
Index solve_lbfgs(Objective& objective, Vector& x, int max_iter, double tol) {
  return detail::minimize_lbfgs([&](const Vector& v, Vector& g) { return objective(v, g); }, x, max_iter, tol);
}

// scikit-learn's NewtonCholeskySolver for one linear predictor. Returns the
// iterations (Newton steps plus any lbfgs iterations after a hand-over).
template <class Objective>
Index solve_newton_cholesky(Objective& objective, Vector& x, int max_iter, double tol) {
  const Index size = x.size();
  Vector grad(size), grad_old(size), step(size), x_old(size);
  Matrix H;
  double value = objective(x, grad);
  Index iteration = 1;
  bool converged = false, fallback = false;
  while (iteration <= max_iter && !converged) {
    if (!objective.hessian(x, H)) {
      warn(WarningCategory::convergence,
           cat("The inner solver of NewtonCholeskySolver detected a pointwise hessian with many negative values at "
               "iteration #",
               iteration, ". It will now resort to lbfgs instead."));
      fallback = true;
      break;
    }
    const Eigen::LLT<Matrix> llt(H);
    if (llt.info() != Eigen::Success || !(llt.rcond() > kEps)) {
      detail::warn_ill_conditioned_hessian(iteration);
      fallback = true;
      break;
    }
    step = llt.solve(-grad);
    const double g_step = grad.dot(step);
    if (g_step > 0) {  // not a descent direction
      fallback = true;
      break;
    }
    x_old = x;
    grad_old = grad;
    if (!detail::newton_line_search([&](const Vector& v, Vector& g) { return objective(v, g); }, x_old, value, grad_old,
                                    step, g_step, x, value, grad)) {
      detail::warn_line_search_failed(iteration);
      fallback = true;
      break;
    }
    // The Newton decrement uses the Hessian of the step's start, as scikit-learn.
    if (grad.cwiseAbs().maxCoeff() <= tol && 0.5 * step.dot(H * step) <= tol) converged = true;
    ++iteration;
  }
  Index n_iter = iteration - 1;
  if (!converged) {
    if (fallback)
      n_iter += solve_lbfgs(objective, x, static_cast<int>(max_iter - n_iter), tol);
    else
      warn(WarningCategory::convergence, cat("Newton solver did not converge after ", n_iter, " iterations."));
  }
  return n_iter;
}

}  // namespace

void glm_check_fitted(const GLMFitted& s) {
  if (s.coef.size() != s.n_features_in) throw ValueError("coef and n_features_in disagree");
}

namespace {

template <class XType>
GLMFitted fit_impl(const GLMSpec& spec, const GLMParams& params, const XType& X, const VectorView& y,
                   const VectorView* sample_weight, const GLMFitted* previous) {
  const std::string where = cat(spec.name, ".fit");
  if (!(params.alpha >= 0) || !std::isfinite(params.alpha))
    throw ValueError(cat(spec.name, ": alpha must be a finite number >= 0, got ", params.alpha));
  if (params.max_iter < 1) throw ValueError(cat(spec.name, ": max_iter must be >= 1, got ", params.max_iter));
  if (!(params.tol > 0)) throw ValueError(cat(spec.name, ": tol must be > 0, got ", params.tol));
  if (!std::isfinite(spec.power)) throw ValueError(cat(spec.name, ": power must be finite, got ", spec.power));
  check_y_range(spec, y, where);
  const Index n = X.rows(), p = X.cols();
  Vector weight = sample_weight ? Vector(*sample_weight) : Vector::Ones(n);
  const double total = weight.sum();
  if (!(total > 0)) throw ValueError(cat(where, ": the sample weights sum to ", total));
  weight /= total;
  const Tweedie loss{spec.power, spec.log_link};
  GLMObjective<XType> objective(loss, X, y, weight, params.fit_intercept, params.alpha);
  Vector x = Vector::Zero(objective.size());
  if (previous) {
    if (previous->coef.size() != p)
      throw ValueError(
          cat(where, ": warm_start: the previous fit had ", previous->coef.size(), " features, X has ", p));
    x.head(p) = previous->coef;
    if (params.fit_intercept) x(p) = previous->intercept;
  } else if (params.fit_intercept) {
    x(p) = loss.link(weight.dot(y));  // the intercept-only model's optimum without penalty
  }
  GLMFitted out;
  out.n_features_in = p;
  out.n_iter = params.solver == GLMSolver::lbfgs ? solve_lbfgs(objective, x, params.max_iter, params.tol)
                                                 : solve_newton_cholesky(objective, x, params.max_iter, params.tol);
  out.coef = x.head(p);
  out.intercept = params.fit_intercept ? x(p) : 0.0;
  return out;
}

template <class XType>
Vector predict_impl(const GLMSpec& spec, const GLMFitted& state, const XType& X) {
  Vector raw = X * state.coef;
  raw.array() += state.intercept;
  if (spec.log_link) raw = raw.array().exp();
  return raw;
}

template <class XType>
double score_impl(const GLMSpec& spec, const GLMFitted& state, const XType& X, const VectorView& y,
                  const VectorView& sample_weight) {
  const std::string where = cat(spec.name, ".score");
  if (y.size() != X.rows()) throw ValueError(cat(where, ": X has ", X.rows(), " samples but y has ", y.size()));
  for (Index i = 0; i < y.size(); ++i)
    if (!std::isfinite(y(i))) throw ValueError(cat(where, ": y contains NaN or infinity"));
  if (sample_weight.size()) check_sample_weight(where, sample_weight, X.rows());
  check_y_range(spec, y, where);
  const Vector mu = predict_impl(spec, state, X);
  const Tweedie loss{spec.power, spec.log_link};
  const Index n = y.size();
  const auto w = [&](Index i) { return sample_weight.size() ? sample_weight(i) : 1.0; };
  double total = 0, y_mean = 0;
  for (Index i = 0; i < n; ++i) {
    total += w(i);
    y_mean += w(i) * y(i);
  }
  y_mean /= total;
  double deviance = 0, deviance_null = 0;
  for (Index i = 0; i < n; ++i) {
    deviance += w(i) * loss.half_deviance(y(i), mu(i));
    deviance_null += w(i) * loss.half_deviance(y(i), y_mean);
  }
  return 1 - deviance / deviance_null;
}

}  // namespace

GLMFitted glm_fit(const GLMSpec& spec, const GLMParams& params, const MatrixView& X, const VectorView& y,
                  const VectorView* sample_weight, const GLMFitted* previous) {
  return fit_impl(spec, params, X, y, sample_weight, previous);
}

GLMFitted glm_fit(const GLMSpec& spec, const GLMParams& params, const CsrMatrix& X, const VectorView& y,
                  const VectorView& sample_weight, const GLMFitted* previous) {
  const std::string where = cat(spec.name, ".fit");
  check_sparse_X_y(where, X, y, sample_weight);
  return fit_impl(spec, params, X, y, sample_weight.size() ? &sample_weight : nullptr, previous);
}

Vector glm_predict(const GLMSpec& spec, const GLMFitted& state, const MatrixView& X) {
  return predict_impl(spec, state, X);
}

Vector glm_predict(const GLMSpec& spec, const GLMFitted& state, const CsrMatrix& X) {
  return predict_impl(spec, state, X);
}

double glm_score(const GLMSpec& spec, const GLMFitted& state, const MatrixView& X, const VectorView& y,
                 const VectorView& sample_weight) {
  return score_impl(spec, state, X, y, sample_weight);
}

double glm_score(const GLMSpec& spec, const GLMFitted& state, const CsrMatrix& X, const VectorView& y,
                 const VectorView& sample_weight) {
  return score_impl(spec, state, X, y, sample_weight);
}

}  // namespace scilearn::learn::detail

#include "ode/bdf.hpp"

#include <Eigen/LU>
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <utility>

#include "ode/implicit.hpp"

namespace scilearn::integrate::detail {
namespace {

constexpr int kMaxOrder = 5;
constexpr int kNewtonMaxIter = 4;
constexpr double kMinFactor = 0.2;  // the most a rejected step shrinks
constexpr double kMaxFactor = 10;   // the most an accepted step grows

// The NDF coefficients of Shampine & Reichelt (1997), Table 1 (kappa), and
// what the formulas of order k are built from: gamma_k = sum_{j<=k} 1/j,
// alpha_k = (1 - kappa_k) gamma_k, and the error constant
// kappa_k gamma_k + 1/(k + 1).
struct NdfCoefficients {
  std::array<double, kMaxOrder + 1> gamma{};
  std::array<double, kMaxOrder + 1> alpha{};
  std::array<double, kMaxOrder + 1> error_const{};
};

NdfCoefficients make_ndf_coefficients() {
  constexpr std::array<double, kMaxOrder + 1> kappa{0, -0.1850, -1.0 / 9, -0.0823, -0.0415, 0};
  NdfCoefficients c;
  for (int k = 1; k <= kMaxOrder; ++k) c.gamma[k] = c.gamma[k - 1] + 1.0 / k;
  for (int k = 0; k <= kMaxOrder; ++k) {
    c.alpha[k] = (1 - kappa[k]) * c.gamma[k];
    c.error_const[k] = kappa[k] * c.gamma[k] + 1.0 / (k + 1);
  }
  return c;
}

const NdfCoefficients kNdf = make_ndf_coefficients();

// The matrix that rescales the differences of an interpolating polynomial
// of the given order to a step size `factor` times the old one (Shampine &
// Reichelt 1997, Sec. 2.3): R_ij = prod_{m=1..i} (m - 1 - factor j) / m.
Matrix compute_r(int order, double factor) {
  Matrix r(order + 1, order + 1);
  r.row(0).setOnes();
  for (int i = 1; i <= order; ++i) {
    r(i, 0) = 0;
    for (int j = 1; j <= order; ++j) r(i, j) = r(i - 1, j) * ((i - 1 - factor * j) / i);
  }
  return r;
}

// D holds the backward differences as columns (n x (kMaxOrder + 3)); the
// first order + 1 are rescaled for a step size changed by `factor`.
void change_d(Matrix& D, int order, double factor) {
  const Matrix ru = compute_r(order, factor) * compute_r(order, 1);
  D.leftCols(order + 1) = D.leftCols(order + 1) * ru;
}

// The interpolant of the last step: the polynomial through the last order + 1
// solution points, in Newton form on the backward differences.
class BdfInterpolant final : public StepInterpolant {
 public:
  BdfInterpolant(double t_old, double t, double h, int order, Matrix D)
      : StepInterpolant(t_old, t), h_(h), order_(order), D_(std::move(D)) {}

  [[nodiscard]] Vector operator()(double t) const override {
    Vector y = D_.col(0);
    double p = 1;
    for (int j = 0; j < order_; ++j) {
      p *= (t - (this->t() - h_ * j)) / (h_ * (1 + j));
      y += p * D_.col(j + 1);
    }
    return y;
  }

 private:
  double h_;
  int order_;
  Matrix D_;  // n x (order + 1)
};

struct NewtonOutcome {
  bool converged = false;
  int n_iter = 0;
  Vector y;
  Vector d;  // y - y_predict, the order + 1 difference of the new step
};

class BdfStepper final : public Stepper {
 public:
  BdfStepper(OdeRhs& fun, double t0, const Vector& y0, double t_bound, const StepperSettings& settings)
      : Stepper(fun, t0, y0, t_bound),
        rtol_(settings.rtol),
        atol_(settings.atol),
        max_step_(settings.max_step),
        min_step_(settings.min_step),
        newton_tol_(newton_tolerance(settings.rtol)),
        jacobian_(fun, settings, n_),
        identity_(Matrix::Identity(n_, n_)),
        D_(Matrix::Zero(n_, kMaxOrder + 3)) {
    const Vector f = fun_(t_, y_);
    // The first step is chosen for order 1, the order BDF starts with.
    h_abs_ = settings.first_step
                 ? *settings.first_step
                 : select_initial_step(fun_, t_, y_, t_bound_, max_step_, f, direction_, 1, rtol_, atol_);
    J_ = jacobian_(t_, y_, &f);
    njev_ = 1;
    D_.col(0) = y_;
    D_.col(1) = f * (h_abs_ * direction_);
  }

  [[nodiscard]] bool alt_segment() const override { return true; }

  // LSODA's stiffness test: the last step times the spectral radius of the
  // Jacobian in use, estimated once per Jacobian by the power iteration
  // (O(n^2), below the LU that follows every new Jacobian).
  [[nodiscard]] double stiffness_estimate() const override {
    if (radius_njev_ != njev_) {
      radius_njev_ = njev_;
      radius_ = spectral_radius_estimate(J_);
    }
    return std::abs(t_ - t_old_) * radius_;
  }

 protected:
  std::optional<std::string> step_impl() override;

  [[nodiscard]] std::unique_ptr<StepInterpolant> dense_output_impl() const override {
    return std::make_unique<BdfInterpolant>(t_old_, t_, h_abs_ * direction_, order_, D_.leftCols(order_ + 1));
  }

 private:
  void rescale(double factor) {
    change_d(D_, order_, factor);
    n_equal_steps_ = 0;
  }
  [[nodiscard]] NewtonOutcome solve_bdf_system(double t_new, const Vector& y_predict, double c, const Vector& psi,
                                               const Vector& scale) const;

  double rtol_;
  Vector atol_;
  double max_step_;
  double min_step_;  // the user's floor on the step (LSODA's min_step), 0: none
  double newton_tol_;
  OdeJacobianSource jacobian_;
  Matrix identity_;

  double h_abs_ = 0;
  Matrix D_;
  int order_ = 1;
  int n_equal_steps_ = 0;  // steps taken since the step size or order last changed
  Matrix J_;
  std::optional<Eigen::PartialPivLU<Matrix>> lu_;  // of I - c J_
  mutable double radius_ = 0;                      // the spectral radius of J_ ...
  mutable long radius_njev_ = -1;                  // ... when njev_ was this
};

// Simplified Newton iteration on y - c f(t_new, y) = y_predict - psi, stopped as
// soon as its observed rate says it will not reach tol within kNewtonMaxIter.
NewtonOutcome BdfStepper::solve_bdf_system(double t_new, const Vector& y_predict, double c, const Vector& psi,
                                           const Vector& scale) const {
  NewtonOutcome out{.y = y_predict, .d = Vector::Zero(n_)};
  std::optional<double> dy_norm_old;
  int k = 0;
  for (; k < kNewtonMaxIter; ++k) {
    const Vector f = fun_(t_new, out.y);
    if (!f.allFinite()) break;
    const Vector dy = lu_->solve(c * f - psi - out.d);
    const double dy_norm = rms_norm(dy.cwiseQuotient(scale));
    std::optional<double> rate;
    if (dy_norm_old) rate = dy_norm / *dy_norm_old;
    if (rate && (*rate >= 1 || std::pow(*rate, kNewtonMaxIter - k) / (1 - *rate) * dy_norm > newton_tol_)) break;
    out.y += dy;
    out.d += dy;
    if (dy_norm == 0 || (rate && *rate / (1 - *rate) * dy_norm < newton_tol_)) {
      out.converged = true;
      break;
    }
    dy_norm_old = dy_norm;
  }
  out.n_iter = std::min(k + 1, kNewtonMaxIter);
  return out;
}

std::optional<std::string> BdfStepper::step_impl() {
  const double t = t_;
  const double min_step = std::max(min_step_near(t, direction_), min_step_);
  double h_abs = h_abs_;
  if (h_abs_ > max_step_) {
    h_abs = max_step_;
    rescale(max_step_ / h_abs_);
  } else if (h_abs_ < min_step) {
    h_abs = min_step;
    rescale(min_step / h_abs_);
  }

  const double alpha = kNdf.alpha[order_];
  // The Jacobian kept from an earlier step may be stale: one failed
  // iteration earns a fresh one before the step is halved.
  bool current_jac = false;
  double t_new = t;
  double safety = 0;
  double error_norm = 0;
  Vector scale;
  NewtonOutcome newton;
  for (;;) {
    if (h_abs < min_step) return std::string(min_step == min_step_ ? kBelowMinStep : kTooSmallStep);
    t_new = t + h_abs * direction_;
    if (direction_ * (t_new - t_bound_) > 0) {
      t_new = t_bound_;
      rescale(std::abs(t_new - t) / h_abs);
      lu_.reset();
    }
    const double h = t_new - t;
    h_abs = std::abs(h);

    const Vector y_predict = D_.leftCols(order_ + 1).rowwise().sum();
    scale = atol_ + rtol_ * y_predict.cwiseAbs();
    const Vector psi = D_.middleCols(1, order_) * Eigen::Map<const Vector>(kNdf.gamma.data() + 1, order_) / alpha;
    const double c = h / alpha;
    for (;;) {
      if (!lu_) {
        lu_.emplace(identity_ - c * J_);
        ++nlu_;
      }
      newton = solve_bdf_system(t_new, y_predict, c, psi, scale);
      if (newton.converged || current_jac) break;
      J_ = jacobian_(t_new, y_predict, nullptr);
      ++njev_;
      lu_.reset();
      current_jac = true;
    }
    if (!newton.converged) {
      h_abs *= 0.5;
      rescale(0.5);
      lu_.reset();
      continue;
    }

    safety = 0.9 * (2 * kNewtonMaxIter + 1) / (2 * kNewtonMaxIter + newton.n_iter);
    scale = atol_ + rtol_ * newton.y.cwiseAbs();
    error_norm = rms_norm((kNdf.error_const[order_] * newton.d).cwiseQuotient(scale));
    if (!(error_norm > 1)) break;
    // The iteration converged, so the LU of I - c J stays valid for the
    // Jacobian; only c changes with the step.
    const double factor = std::max(kMinFactor, safety * std::pow(error_norm, -1.0 / (order_ + 1)));
    h_abs *= factor;
    rescale(factor);
  }

  ++n_equal_steps_;
  t_ = t_new;
  y_ = newton.y;
  h_abs_ = h_abs;

  // D^{j+1} y_n = D^j y_n - D^j y_{n-1}, and d = D^{order+1} y_n.
  const Vector& d = newton.d;
  D_.col(order_ + 2) = d - D_.col(order_ + 1);
  D_.col(order_ + 1) = d;
  for (int i = order_; i >= 0; --i) D_.col(i) += D_.col(i + 1);

  if (n_equal_steps_ < order_ + 1) return std::nullopt;

  // After order + 1 steps of one size, the error estimates of the orders
  // next to this one decide the next order and step size.
  const double inf = std::numeric_limits<double>::infinity();
  const double error_m_norm =
      order_ > 1 ? rms_norm((kNdf.error_const[order_ - 1] * D_.col(order_)).cwiseQuotient(scale)) : inf;
  const double error_p_norm =
      order_ < kMaxOrder ? rms_norm((kNdf.error_const[order_ + 1] * D_.col(order_ + 2)).cwiseQuotient(scale)) : inf;
  const std::array<double, 3> error_norms{error_m_norm, error_norm, error_p_norm};
  int best = 0;
  double best_factor = -inf;
  for (int i = 0; i < 3; ++i) {
    const double f = std::pow(error_norms[static_cast<std::size_t>(i)], -1.0 / (order_ + i));
    if (f > best_factor) {
      best_factor = f;
      best = i;
    }
  }
  order_ += best - 1;
  const double factor = std::min(kMaxFactor, safety * best_factor);
  h_abs_ *= factor;
  rescale(factor);
  lu_.reset();
  return std::nullopt;
}

}  // namespace

std::unique_ptr<Stepper> make_bdf(OdeRhs& fun, double t0, const Vector& y0, double t_bound,
                                  const StepperSettings& settings) {
  return std::make_unique<BdfStepper>(fun, t0, y0, t_bound, settings);
}

}  // namespace scilearn::integrate::detail

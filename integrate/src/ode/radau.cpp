#include "ode/radau.hpp"

#include <Eigen/LU>
#include <algorithm>
#include <cmath>
#include <complex>
#include <optional>
#include <string>
#include <utility>

#include "ode/implicit.hpp"

namespace scilearn::integrate::detail {
namespace {

using Complex = std::complex<double>;
using ComplexMatrix = Eigen::MatrixXcd;
using ComplexVector = Eigen::VectorXcd;

const double kS6 = std::sqrt(6.0);

// The nodes of the three stages, and the weights that combine the stage
// increments Z into the embedded third-order error estimate (Hairer & Wanner
// 1996, IV.8, (8.19)-(8.20)).
const Eigen::Vector3d kC{(4 - kS6) / 10, (4 + kS6) / 10, 1};
const Eigen::Vector3d kE = Eigen::Vector3d{-13 - 7 * kS6, -13 + 7 * kS6, -1} / 3;

// The Butcher matrix A has one real eigenvalue and a complex pair; with
// A^-1 = T diag(mu_real, mu_complex, conj) T^-1 the 3n x 3n Newton system
// splits into one real and one complex n x n system (IV.8, (8.14)-(8.18)).
const double kMuReal = 3 + std::pow(3.0, 2.0 / 3) - std::pow(3.0, 1.0 / 3);
const Complex kMuComplex{3 + 0.5 * (std::pow(3.0, 1.0 / 3) - std::pow(3.0, 2.0 / 3)),
                         -0.5 * (std::pow(3.0, 5.0 / 6) + std::pow(3.0, 7.0 / 6))};

Eigen::Matrix3d make_t() {
  Eigen::Matrix3d m;
  m << 0.09443876248897524, -0.14125529502095421, 0.03002919410514742,  //
      0.25021312296533332, 0.20412935229379994, -0.38294211275726192,   //
      1, 1, 0;
  return m;
}

Eigen::Matrix3d make_ti() {
  Eigen::Matrix3d m;
  m << 4.17871859155190428, 0.32768282076106237, 0.52337644549944951,   //
      -4.17871859155190428, -0.32768282076106237, 0.47662355450055044,  //
      0.50287263494578682, -2.57192694985560522, 0.59603920482822492;
  return m;
}

const Eigen::Matrix3d kT = make_t();
const Eigen::Matrix3d kTI = make_ti();
// The rows of T^-1 that form the real and the complex right-hand sides.
const Eigen::Vector3d kTIReal = kTI.row(0).transpose();
const Eigen::Vector3cd kTIComplex = kTI.row(1).transpose().cast<Complex>() + Complex(0, 1) * kTI.row(2).transpose();

// The cubic through y_old and the three stage values, in powers of
// x = (t - t_old) / h: y(t) = y_old + (Z P) [x, x^2, x^3]'.
Eigen::Matrix3d make_p() {
  Eigen::Matrix3d m;
  m << 13.0 / 3 + 7 * kS6 / 3, -23.0 / 3 - 22 * kS6 / 3, 10.0 / 3 + 5 * kS6,  //
      13.0 / 3 - 7 * kS6 / 3, -23.0 / 3 + 22 * kS6 / 3, 10.0 / 3 - 5 * kS6,   //
      1.0 / 3, -8.0 / 3, 10.0 / 3;
  return m;
}

const Eigen::Matrix3d kP = make_p();

constexpr int kNewtonMaxIter = 6;
constexpr double kMinFactor = 0.2;  // the most a rejected step shrinks
constexpr double kMaxFactor = 10;   // the most an accepted step grows

// The collocation polynomial of one step.
struct RadauPiece {
  double t_old;
  double h;
  Vector y_old;
  Matrix Q;  // n x 3

  [[nodiscard]] Vector operator()(double t) const {
    const double x = (t - t_old) / h;
    const double x2 = x * x;
    return y_old + Q * Eigen::Vector3d{x, x2, x2 * x};
  }
};

class RadauInterpolant final : public StepInterpolant {
 public:
  RadauInterpolant(double t_old, double t, RadauPiece piece) : StepInterpolant(t_old, t), piece_(std::move(piece)) {}
  [[nodiscard]] Vector operator()(double t) const override { return piece_(t); }

 private:
  RadauPiece piece_;
};

double rms_norm_of(const Matrix& m) { return rms_norm(Eigen::Map<const Vector>(m.data(), m.size())); }

// Hairer & Wanner's step-size predictor (IV.8, (8.25)): Gustafsson's
// two-step formula when the previous step and error are known, the classical
// one-step formula otherwise.
double predict_factor(double h_abs, std::optional<double> h_abs_old, double error_norm,
                      std::optional<double> error_norm_old) {
  double multiplier = 1;
  if (error_norm_old && h_abs_old && error_norm != 0) {
    multiplier = h_abs / *h_abs_old * std::pow(*error_norm_old / error_norm, 0.25);
  }
  return std::min(1.0, multiplier) * std::pow(error_norm, -0.25);
}

struct NewtonOutcome {
  bool converged = false;
  int n_iter = 0;
  Matrix Z;                    // n x 3: the stage increments y(t + c_i h) - y
  std::optional<double> rate;  // the observed contraction of the iteration
};

class RadauStepper final : public Stepper {
 public:
  RadauStepper(OdeRhs& fun, double t0, const Vector& y0, double t_bound, const StepperSettings& settings)
      : Stepper(fun, t0, y0, t_bound),
        rtol_(settings.rtol),
        atol_(settings.atol),
        max_step_(settings.max_step),
        newton_tol_(newton_tolerance(settings.rtol)),
        jacobian_(fun, settings, n_),
        identity_(Matrix::Identity(n_, n_)) {
    f_ = fun_(t_, y_);
    // The first step is chosen for the order of the error estimate, 3.
    h_abs_ = settings.first_step
                 ? *settings.first_step
                 : select_initial_step(fun_, t_, y_, t_bound_, max_step_, f_, direction_, 3, rtol_, atol_);
    J_ = jacobian_(t_, y_, &f_);
    njev_ = 1;
  }

 protected:
  std::optional<std::string> step_impl() override;

  [[nodiscard]] std::unique_ptr<StepInterpolant> dense_output_impl() const override {
    return std::make_unique<RadauInterpolant>(t_old_, t_, *piece_);
  }

 private:
  void factorize(double h) {
    lu_real_.emplace((kMuReal / h) * identity_ - J_);
    lu_complex_.emplace((kMuComplex / h) * identity_.cast<Complex>() - J_.cast<Complex>());
    nlu_ += 2;
  }
  void drop_factorization() {
    lu_real_.reset();
    lu_complex_.reset();
  }
  [[nodiscard]] NewtonOutcome solve_collocation_system(double t, double h, const Matrix& Z0, const Vector& scale) const;

  double rtol_;
  Vector atol_;
  double max_step_;
  double newton_tol_;
  OdeJacobianSource jacobian_;
  Matrix identity_;

  Vector f_;
  double h_abs_ = 0;
  std::optional<double> h_abs_old_;
  std::optional<double> error_norm_old_;
  Matrix J_;
  bool current_jac_ = true;  // J_ was evaluated at the current (t_, y_)
  std::optional<Eigen::PartialPivLU<Matrix>> lu_real_;
  std::optional<Eigen::PartialPivLU<ComplexMatrix>> lu_complex_;
  std::optional<RadauPiece> piece_;  // the last step's polynomial
};

// Simplified Newton iteration on the collocation equations in the
// transformed variables W = T^-1 Z (IV.8, (8.15)-(8.18)), stopped as soon as
// its observed rate says it will not reach tol within kNewtonMaxIter.
NewtonOutcome RadauStepper::solve_collocation_system(double t, double h, const Matrix& Z0, const Vector& scale) const {
  const double m_real = kMuReal / h;
  const Complex m_complex = kMuComplex / h;
  Matrix W = Z0 * kTI.transpose();
  NewtonOutcome out;
  out.Z = Z0;
  Matrix F(n_, 3);
  Matrix dW(n_, 3);
  std::optional<double> dW_norm_old;
  int k = 0;
  for (; k < kNewtonMaxIter; ++k) {
    for (Index i = 0; i < 3; ++i) F.col(i) = fun_(t + h * kC(i), y_ + out.Z.col(i));
    if (!F.allFinite()) break;

    const Vector f_real = F * kTIReal - m_real * W.col(0);
    const ComplexVector f_complex =
        F.cast<Complex>() * kTIComplex - m_complex * (W.col(1).cast<Complex>() + Complex(0, 1) * W.col(2));
    dW.col(0) = lu_real_->solve(f_real);
    const ComplexVector dW_complex = lu_complex_->solve(f_complex);
    dW.col(1) = dW_complex.real();
    dW.col(2) = dW_complex.imag();

    const double dW_norm = rms_norm_of(dW.array().colwise() / scale.array());
    if (dW_norm_old) out.rate = dW_norm / *dW_norm_old;
    if (out.rate &&
        (*out.rate >= 1 || std::pow(*out.rate, kNewtonMaxIter - k) / (1 - *out.rate) * dW_norm > newton_tol_)) {
      break;
    }
    W += dW;
    out.Z = W * kT.transpose();
    if (dW_norm == 0 || (out.rate && *out.rate / (1 - *out.rate) * dW_norm < newton_tol_)) {
      out.converged = true;
      break;
    }
    dW_norm_old = dW_norm;
  }
  out.n_iter = std::min(k + 1, kNewtonMaxIter);
  return out;
}

std::optional<std::string> RadauStepper::step_impl() {
  const double t = t_;
  const double min_step = min_step_near(t, direction_);
  // A step size clipped to max_step or raised to min_step has no history for
  // the two-step predictor.
  double h_abs = h_abs_;
  std::optional<double> h_abs_old = h_abs_old_;
  std::optional<double> error_norm_old = error_norm_old_;
  if (h_abs_ > max_step_ || h_abs_ < min_step) {
    h_abs = h_abs_ > max_step_ ? max_step_ : min_step;
    h_abs_old.reset();
    error_norm_old.reset();
  }

  bool rejected = false;
  double t_new = t;
  double h = 0;
  double error_norm = 0;
  double safety = 0;
  NewtonOutcome newton;
  for (;;) {
    if (h_abs < min_step) return std::string(kTooSmallStep);
    t_new = t + h_abs * direction_;
    if (direction_ * (t_new - t_bound_) > 0) t_new = t_bound_;
    h = t_new - t;
    h_abs = std::abs(h);

    // Start Newton from the last step's polynomial, extrapolated.
    Matrix Z0 = Matrix::Zero(n_, 3);
    if (piece_) {
      for (Index i = 0; i < 3; ++i) Z0.col(i) = (*piece_)(t + h * kC(i)) - y_;
    }
    Vector scale = atol_ + rtol_ * y_.cwiseAbs();

    // With a Jacobian from an earlier step, a failed iteration is retried
    // once with a fresh Jacobian before the step is halved.
    for (;;) {
      if (!lu_real_ || !lu_complex_) factorize(h);
      newton = solve_collocation_system(t, h, Z0, scale);
      if (newton.converged || current_jac_) break;
      J_ = jacobian_(t, y_, &f_);
      ++njev_;
      current_jac_ = true;
      drop_factorization();
    }
    if (!newton.converged) {
      h_abs *= 0.5;
      drop_factorization();
      continue;
    }

    const Vector y_new = y_ + newton.Z.col(2);
    const Vector ZE = newton.Z * kE / h;
    Vector error = lu_real_->solve(f_ + ZE);
    scale = atol_ + rtol_ * y_.cwiseAbs().cwiseMax(y_new.cwiseAbs());
    error_norm = rms_norm(error.cwiseQuotient(scale));
    safety = 0.9 * (2 * kNewtonMaxIter + 1) / (2 * kNewtonMaxIter + newton.n_iter);
    // After a rejection, the estimate is filtered once more through the
    // stiff system (Hairer & Wanner's (8.20) with f at y + err), which keeps
    // it bounded for very stiff components.
    if (rejected && error_norm > 1) {
      error = lu_real_->solve(fun_(t, y_ + error) + ZE);
      error_norm = rms_norm(error.cwiseQuotient(scale));
    }
    if (!(error_norm > 1)) break;
    h_abs *= std::max(kMinFactor, safety * predict_factor(h_abs, h_abs_old, error_norm, error_norm_old));
    drop_factorization();
    rejected = true;
  }

  // A slowly converging iteration asks for a fresh Jacobian; a step size
  // that would grow by less than 20% is kept, so the LU can be reused.
  const bool recompute_jac = newton.n_iter > 2 && newton.rate && *newton.rate > 1e-3;
  double factor = std::min(kMaxFactor, safety * predict_factor(h_abs, h_abs_old, error_norm, error_norm_old));
  if (!recompute_jac && factor < 1.2) {
    factor = 1;
  } else {
    drop_factorization();
  }

  const Vector y_new = y_ + newton.Z.col(2);
  Vector f_new = fun_(t_new, y_new);
  if (recompute_jac) {
    J_ = jacobian_(t_new, y_new, &f_new);
    ++njev_;
  }
  current_jac_ = recompute_jac;

  // As SciPy, the step size remembered for the two-step predictor is the
  // one proposed before this step, not the one it was taken with.
  h_abs_old_ = h_abs_;
  error_norm_old_ = error_norm;
  h_abs_ = h_abs * factor;

  piece_ = RadauPiece{t, h, y_, newton.Z * kP};
  t_ = t_new;
  y_ = y_new;
  f_ = std::move(f_new);
  return std::nullopt;
}

}  // namespace

std::unique_ptr<Stepper> make_radau(OdeRhs& fun, double t0, const Vector& y0, double t_bound,
                                    const StepperSettings& settings) {
  return std::make_unique<RadauStepper>(fun, t0, y0, t_bound, settings);
}

}  // namespace scilearn::integrate::detail

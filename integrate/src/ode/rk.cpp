// Explicit embedded Runge-Kutta pairs with local extrapolation and SciPy's
// step-size control (scipy.integrate._ivp.rk): the step is accepted when the
// RMS norm of the scaled error estimate is below 1, and the next step is
// h * min(10, 0.9 * err^(-1 / (q + 1))), q the error estimator's order; a
// rejected step shrinks by at least 0.2 and the step after a rejection does
// not grow.

#include "ode/rk.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "ode/dop853_coefficients.hpp"

namespace scilearn::integrate::detail {
namespace {

constexpr double safety = 0.9;
constexpr double min_factor = 0.2;
constexpr double max_factor = 10;

// One pair: the stage matrix A (n_stages x n_stages, strictly lower), the
// nodes C, the weights B, the error weights E over the n_stages + 1 stages
// (the last is f(t + h, y_new)), and the dense output's P.
struct Tableau {
  int error_estimator_order;
  // For the stiffness test: the index s of an internal stage with c = 1 (the
  // step's last node, as the solution stage), or -1.
  int last_node_stage = -1;
  Matrix A;
  Vector B;
  Vector C;
  Vector E;
  Matrix P;  // (n_stages + 1) x order of the interpolant
};

// Bogacki & Shampine (1989), with the cubic Hermite interpolant.
Tableau rk23_tableau() {
  Tableau t;
  t.error_estimator_order = 2;
  t.A = Matrix::Zero(3, 3);
  t.A(1, 0) = 1.0 / 2;
  t.A(2, 1) = 3.0 / 4;
  t.B = Vector{{2.0 / 9, 1.0 / 3, 4.0 / 9}};
  t.C = Vector{{0, 1.0 / 2, 3.0 / 4}};
  t.E = Vector{{5.0 / 72, -1.0 / 12, -1.0 / 9, 1.0 / 8}};
  t.P.resize(4, 3);
  t.P << 1, -4.0 / 3, 5.0 / 9,  //
      0, 1, -2.0 / 3,           //
      0, 4.0 / 3, -8.0 / 9,     //
      0, -1, 1;
  return t;
}

// Dormand & Prince (1980), with Shampine's (1986) quartic interpolant.
Tableau rk45_tableau() {
  Tableau t;
  t.error_estimator_order = 4;
  t.last_node_stage = 5;
  t.A = Matrix::Zero(6, 6);
  t.A.row(1).head(1) << 1.0 / 5;
  t.A.row(2).head(2) << 3.0 / 40, 9.0 / 40;
  t.A.row(3).head(3) << 44.0 / 45, -56.0 / 15, 32.0 / 9;
  t.A.row(4).head(4) << 19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729;
  t.A.row(5).head(5) << 9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656;
  t.B = Vector{{35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84}};
  t.C = Vector{{0, 1.0 / 5, 3.0 / 10, 4.0 / 5, 8.0 / 9, 1}};
  t.E = Vector{{-71.0 / 57600, 0, 71.0 / 16695, -71.0 / 1920, 17253.0 / 339200, -22.0 / 525, 1.0 / 40}};
  t.P.resize(7, 4);
  t.P << 1, -8048581381.0 / 2820520608, 8663915743.0 / 2820520608, -12715105075.0 / 11282082432,  //
      0, 0, 0, 0,                                                                                  //
      0, 131558114200.0 / 32700410799, -68118460800.0 / 10900136933, 87487479700.0 / 32700410799,  //
      0, -1754552775.0 / 470086768, 14199869525.0 / 1410260304, -10690763975.0 / 1880347072,       //
      0, 127303824393.0 / 49829197408, -318862633887.0 / 49829197408, 701980252875.0 / 199316789632,
      0, -282668133.0 / 205662961, 2019193451.0 / 616988883, -1453857185.0 / 822651844,  //
      0, 40617522.0 / 29380423, -110615467.0 / 29380423, 69997945.0 / 29380423;
  return t;
}

// DOP853's 12 stages (dop853_coefficients.hpp); its E and P are not used:
// the error norm and the interpolant have their own forms.
Tableau dop853_tableau() {
  Tableau t;
  t.error_estimator_order = 7;
  constexpr int s = dop853::n_stages;
  t.A = Matrix::Zero(s, s);
  for (int i = 1; i < s; ++i) {
    for (int j = 0; j < i; ++j) t.A(i, j) = dop853::A[i][j];
  }
  t.B = Eigen::Map<const Vector>(dop853::B.data(), s);
  t.C = Eigen::Map<const Vector>(dop853::C.data(), s);
  return t;
}

// y(t) = y_old + h Q [x, x^2, ..., x^k], x = (t - t_old) / h.
class RkInterpolant final : public StepInterpolant {
 public:
  RkInterpolant(double t_old, double t, Vector y_old, Matrix Q)
      : StepInterpolant(t_old, t), y_old_(std::move(y_old)), Q_(std::move(Q)) {}

  [[nodiscard]] Vector operator()(double t) const override {
    const double h = this->t() - t_old();
    const double x = (t - t_old()) / h;
    Vector p(Q_.cols());
    double power = 1;
    for (Index k = 0; k < p.size(); ++k) p(k) = power *= x;
    return y_old_ + h * (Q_ * p);
  }

 private:
  Vector y_old_;
  Matrix Q_;
};

// DOP853's 7th-order interpolant in Hairer's nested form:
// y_old + x (F0 + (1 - x) (F1 + x (F2 + (1 - x) (F3 + ...)))).
class Dop853Interpolant final : public StepInterpolant {
 public:
  Dop853Interpolant(double t_old, double t, Vector y_old, Matrix F)
      : StepInterpolant(t_old, t), y_old_(std::move(y_old)), F_(std::move(F)) {}

  [[nodiscard]] Vector operator()(double t) const override {
    const double x = (t - t_old()) / (this->t() - t_old());
    Vector y = Vector::Zero(y_old_.size());
    for (Index i = 0; i < F_.cols(); ++i) {
      y += F_.col(F_.cols() - 1 - i);
      y *= (i % 2 == 0) ? x : 1 - x;
    }
    return y + y_old_;
  }

 private:
  Vector y_old_;
  Matrix F_;
};

class ExplicitRk : public Stepper {
 public:
  ExplicitRk(Tableau tableau, OdeRhs& fun, double t0, const Vector& y0, double t_bound,
             const StepperSettings& settings, Index n_stage_columns)
      : Stepper(fun, t0, y0, t_bound),
        tab_(std::move(tableau)),
        rtol_(settings.rtol),
        atol_(settings.atol),
        max_step_(settings.max_step),
        min_step_(settings.min_step),
        f_(fun(t0, y0)),
        K_(y0.size(), n_stage_columns),
        error_exponent_(-1.0 / (tab_.error_estimator_order + 1)) {
    h_abs_ = settings.first_step ? *settings.first_step
                                 : select_initial_step(fun, t0, y0, t_bound, max_step_, f_, direction_,
                                                       tab_.error_estimator_order, rtol_, atol_);
  }

 public:
  // Hairer's stiffness test of DOPRI5 (Hairer & Wanner 1996, Sec. IV.2): two
  // evaluations of fun at t + h, at the internal stage and at y_new, give
  // rho ~ ||f(y_new) - f(y_stage)|| / ||y_new - y_stage||.
  [[nodiscard]] double stiffness_estimate() const override {
    const int s = tab_.last_node_stage;
    if (s < 0) return Stepper::stiffness_estimate();
    const double h = h_previous_;
    const Vector y_stage = y_old_ + h * (K_.leftCols(s) * tab_.A.row(s).head(s).transpose());
    const double dy = (y_ - y_stage).norm();
    return dy == 0 ? 0.0 : std::abs(h) * (K_.col(s + 1) - K_.col(s)).norm() / dy;
  }

 protected:
  // The RMS norm of the scaled error estimate of the step in K_.
  [[nodiscard]] virtual double error_norm(double h, const Vector& scale) const {
    const Index stages = tab_.E.size();
    return rms_norm((h * (K_.leftCols(stages) * tab_.E)).cwiseQuotient(scale));
  }

  std::optional<std::string> step_impl() override {
    const double t = t_;
    const double min_step = std::max(min_step_near(t, direction_), min_step_);
    double h_abs = h_abs_;
    if (h_abs > max_step_) {
      h_abs = max_step_;
    } else if (h_abs < min_step) {
      h_abs = min_step;
    }
    bool rejected = false;
    double t_new = t;
    double h = 0;
    Vector y_new;
    for (;;) {
      if (h_abs < min_step) {
        return std::string(min_step == min_step_ ? kBelowMinStep : kTooSmallStep);
      }
      t_new = t + h_abs * direction_;
      if (direction_ * (t_new - t_bound_) > 0) t_new = t_bound_;
      h = t_new - t;
      h_abs = std::abs(h);
      y_new = stages(t, h);
      const Vector scale = atol_ + rtol_ * y_.cwiseAbs().cwiseMax(y_new.cwiseAbs());
      const double err = error_norm(h, scale);
      if (err < 1) {
        double factor = err == 0 ? max_factor : std::min(max_factor, safety * std::pow(err, error_exponent_));
        if (rejected) factor = std::min(1.0, factor);
        h_abs *= factor;
        break;
      }
      // A NaN error (fun returned NaN or overflowed at a stage) is a
      // rejection by the smallest factor, so a failing right-hand side ends in
      // the step-size failure above instead of looping.
      h_abs *= std::isnan(err) ? min_factor : std::max(min_factor, safety * std::pow(err, error_exponent_));
      rejected = true;
    }
    h_previous_ = h;
    y_old_ = y_;
    t_ = t_new;
    y_ = std::move(y_new);
    h_abs_ = h_abs;
    f_ = K_.col(tab_.B.size());
    return std::nullopt;
  }

  std::unique_ptr<StepInterpolant> dense_output_impl() const override {
    const Index stages = tab_.P.rows();
    return std::make_unique<RkInterpolant>(t_old_, t_, y_old_, K_.leftCols(stages) * tab_.P);
  }

  // Fills the stage columns of K_ for a step of size h from (t, y_); returns
  // y_new (the last column of the pair is f(t + h, y_new)).
  Vector stages(double t, double h) {
    const Index s = tab_.B.size();
    K_.col(0) = f_;
    for (Index i = 1; i < s; ++i) {
      const Vector dy = h * (K_.leftCols(i) * tab_.A.row(i).head(i).transpose());
      K_.col(i) = fun_(t + tab_.C(i) * h, y_ + dy);
    }
    Vector y_new = y_ + h * (K_.leftCols(s) * tab_.B);
    K_.col(s) = fun_(t + h, y_new);
    return y_new;
  }

  Tableau tab_;
  double rtol_;
  Vector atol_;
  double max_step_;
  double min_step_;  // the user's floor on the step (LSODA's min_step), 0: none
  Vector f_;
  Matrix K_;  // n x stages: one column per stage
  Vector y_old_;
  double h_abs_ = 0;
  double h_previous_ = 0;
  double error_exponent_;
};

class Dop853 final : public ExplicitRk {
 public:
  Dop853(OdeRhs& fun, double t0, const Vector& y0, double t_bound, const StepperSettings& settings)
      : ExplicitRk(dop853_tableau(), fun, t0, y0, t_bound, settings, dop853::n_stages + 1) {}

 private:
  // Hairer's combination of the 5th- and 3rd-order estimates:
  // |h| ||e5||^2 / sqrt(n (||e5||^2 + 0.01 ||e3||^2)), in scaled units.
  [[nodiscard]] double error_norm(double h, const Vector& scale) const override {
    const Index stages = dop853::n_stages + 1;
    const Vector e5 = (K_.leftCols(stages) * Eigen::Map<const Vector>(dop853::E5.data(), stages)).cwiseQuotient(scale);
    const Vector e3 = (K_.leftCols(stages) * Eigen::Map<const Vector>(dop853::E3.data(), stages)).cwiseQuotient(scale);
    const double e5_sq = e5.squaredNorm();
    const double e3_sq = e3.squaredNorm();
    if (e5_sq == 0 && e3_sq == 0) return 0.0;
    return std::abs(h) * e5_sq / std::sqrt((e5_sq + 0.01 * e3_sq) * static_cast<double>(scale.size()));
  }

  // Three more evaluations of fun (counted in nfev, as SciPy's) give the
  // stages of the 7th-order interpolant.
  std::unique_ptr<StepInterpolant> dense_output_impl() const override {
    constexpr int s = dop853::n_stages;
    const double h = h_previous_;
    Matrix K(n_, dop853::n_stages_extended);
    K.leftCols(s + 1) = K_;
    for (int i = s + 1; i < dop853::n_stages_extended; ++i) {
      Vector dy = Vector::Zero(n_);
      for (int j = 0; j < i; ++j) dy += dop853::A[i][j] * K.col(j);
      K.col(i) = fun_(t_old_ + dop853::C[i] * h, y_old_ + h * dy);
    }
    Matrix F(n_, dop853::interpolator_power);
    const Vector delta_y = y_ - y_old_;
    F.col(0) = delta_y;
    F.col(1) = h * K.col(0) - delta_y;
    F.col(2) = 2 * delta_y - h * (f_ + K.col(0));
    for (int r = 0; r < 4; ++r) {
      Vector acc = Vector::Zero(n_);
      for (int j = 0; j < dop853::n_stages_extended; ++j) acc += dop853::D[r][j] * K.col(j);
      F.col(3 + r) = h * acc;
    }
    return std::make_unique<Dop853Interpolant>(t_old_, t_, y_old_, std::move(F));
  }
};

}  // namespace

std::unique_ptr<Stepper> make_explicit_rk(OdeMethod method, OdeRhs& fun, double t0, const Vector& y0, double t_bound,
                                          const StepperSettings& settings) {
  switch (method) {
    case OdeMethod::rk23: return std::make_unique<ExplicitRk>(rk23_tableau(), fun, t0, y0, t_bound, settings, 4);
    case OdeMethod::rk45: return std::make_unique<ExplicitRk>(rk45_tableau(), fun, t0, y0, t_bound, settings, 7);
    case OdeMethod::dop853: return std::make_unique<Dop853>(fun, t0, y0, t_bound, settings);
    default: break;
  }
  throw std::logic_error("make_explicit_rk: not an explicit Runge-Kutta method");
}

}  // namespace scilearn::integrate::detail

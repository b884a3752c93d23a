#pragma once
/// \file
/// Integration of sampled data and fixed rules: scipy.integrate's `trapezoid`,
/// `simpson`, `cumulative_trapezoid`, `cumulative_simpson`, `romb`,
/// `newton_cotes` and `qmc_quad`, with SciPy 1.17's names, defaults and
/// formulas.
///
///     namespace si = scilearn::integrate;
///     Vector x = Vector::LinSpaced(11, 0.0, 1.0);
///     Vector y = x.array().square();
///     double s = si::simpson(y, x);                  // 1/3 (exact for cubics)
///     Vector F = si::cumulative_trapezoid(y, x, 0.0); // F(0) = 0, F(x_i), 11 values
///     Matrix Y(2, 11);  Y << y.transpose(), (2 * y).transpose();
///     Vector per_row = si::trapezoid(Y, x);          // axis = -1 (= 1): one value per row
///
/// The samples: y is a Vector, or a Matrix integrated along `axis` (SciPy's
/// axis of a 2-D array: 0 integrates each column, 1 (and SciPy's default -1)
/// each row; -2 is 0). The abscissae: either the sample points x (a Vector of
/// y's length along the axis, in any order: they are used in sequence, so a
/// decreasing x integrates backwards, as in SciPy) or a constant spacing dx
/// (default 1).
///
/// As in SciPy, no rule checks for NaN or Inf: a NaN sample makes the result
/// NaN (every result it enters, for the cumulative rules), an Inf sample makes
/// it +-Inf or NaN. Bad input throws ValueError: x of another length than y,
/// fewer samples than the rule needs, an axis other than -2..1, a romb sample
/// count that is not 2^k + 1.
///
/// Differences from SciPy: x must be 1-D (SciPy also takes an x shaped like
/// y), and of exactly y's length (SciPy's trapezoid broadcasts an x of length
/// 2 against any y); cumulative_simpson's dx and initial are scalars (SciPy
/// also takes one per slice); romb has no `show`; qmc_quad takes the engine
/// as a type and seed (see QMCQuadOptions).

#include <cstdint>
#include <functional>
#include <optional>
#include <scilearn/core/types.hpp>

namespace scilearn::integrate {

/// A matrix argument (Matrix, a Map or a block of one) as opposed to a
/// vector: selects the Matrix overloads below, so that a Vector y never
/// converts to a one-column Matrix and makes a call ambiguous.
template <class Derived>
concept MatrixExpression = Derived::ColsAtCompileTime != 1 && Derived::RowsAtCompileTime != 1;

namespace detail {
// The bodies of the Matrix overloads (x null: samples dx apart).
Vector trapezoid(const Eigen::Ref<const Matrix>& y, const Vector* x, double dx, int axis);
Vector simpson(const Eigen::Ref<const Matrix>& y, const Vector* x, double dx, int axis);
Matrix cumulative_trapezoid(const Eigen::Ref<const Matrix>& y, const Vector* x, double dx, int axis,
                            std::optional<double> initial);
Matrix cumulative_simpson(const Eigen::Ref<const Matrix>& y, const Vector* x, double dx, int axis,
                          std::optional<double> initial);
Vector romb(const Eigen::Ref<const Matrix>& y, double dx, int axis);
}  // namespace detail

/// The composite trapezoidal rule over the samples y at the points x
/// (scipy.integrate.trapezoid): sum over i of (x[i+1] - x[i]) (y[i] + y[i+1]) / 2.
/// Requires: x.size() == y.size(). Returns 0 for fewer than 2 samples (an
/// empty sum, as SciPy). Throws: ValueError when the sizes differ.
/// Complexity: O(n).
[[nodiscard]] double trapezoid(const Vector& y, const Vector& x);
/// The trapezoidal rule with samples dx apart. Returns 0 for fewer than 2 samples.
[[nodiscard]] double trapezoid(const Vector& y, double dx = 1.0);
/// trapezoid along `axis` of y: one value per column (axis 0) or per row
/// (axis 1 or -1, SciPy's default). Requires: x.size() == y's length along
/// axis. Throws: ValueError for a bad axis or x of the wrong length.
/// Complexity: O(y.size()).
template <class Derived>
requires MatrixExpression<Derived>
[[nodiscard]] Vector trapezoid(const Eigen::MatrixBase<Derived>& y, const Vector& x, int axis = -1) {
  return detail::trapezoid(y, &x, 1.0, axis);
}
/// trapezoid along `axis` with samples dx apart. Throws: ValueError for a bad axis.
template <class Derived>
requires MatrixExpression<Derived>
[[nodiscard]] Vector trapezoid(const Eigen::MatrixBase<Derived>& y, double dx = 1.0, int axis = -1) {
  return detail::trapezoid(y, nullptr, dx, axis);
}

/// Composite Simpson's 1/3 rule (scipy.integrate.simpson, SciPy >= 1.11):
/// for an odd number of samples, Simpson's rule on each pair of intervals
/// (with unequal intervals, the integral of the parabola through each three
/// points); for an even number N >= 4, Simpson's rule on the first N - 1
/// samples plus the integral over the last interval of the parabola through
/// the last three samples (Cartwright 2017, "Simpson's rule cumulative
/// integration with MS Excel and irregularly-spaced data"); for N = 2, the
/// trapezoidal rule. Exact for cubics on equally spaced samples with an odd
/// N, and for quadratics otherwise. As in SciPy, a zero-width interval
/// (repeated x) makes the divisions by it contribute 0 rather than Inf.
/// Requires: y not empty; x.size() == y.size(). Returns 0 for one sample.
/// Throws: ValueError when y is empty or the sizes differ. Complexity: O(n).
[[nodiscard]] double simpson(const Vector& y, const Vector& x);
/// Simpson's rule with samples dx apart. Throws: ValueError when y is empty.
[[nodiscard]] double simpson(const Vector& y, double dx = 1.0);
/// simpson along `axis` of y (see trapezoid's Matrix overload). Throws:
/// ValueError for a bad axis, an empty axis, or x of the wrong length.
template <class Derived>
requires MatrixExpression<Derived>
[[nodiscard]] Vector simpson(const Eigen::MatrixBase<Derived>& y, const Vector& x, int axis = -1) {
  return detail::simpson(y, &x, 1.0, axis);
}
/// simpson along `axis` with samples dx apart.
template <class Derived>
requires MatrixExpression<Derived>
[[nodiscard]] Vector simpson(const Eigen::MatrixBase<Derived>& y, double dx = 1.0, int axis = -1) {
  return detail::simpson(y, nullptr, dx, axis);
}

/// The running trapezoidal integral (scipy.integrate.cumulative_trapezoid):
/// entry i is the integral from x[0] to x[i+1]; with `initial` (which, as in
/// SciPy 1.17, may only be 0) that value is prepended, so entry i is the
/// integral up to x[i].
/// Returns: n - 1 values, n with initial. Requires: y not empty; x.size() ==
/// y.size(); initial unset or 0.
/// Throws: ValueError otherwise. Complexity: O(n).
[[nodiscard]] Vector cumulative_trapezoid(const Vector& y, const Vector& x,
                                          std::optional<double> initial = std::nullopt);
/// cumulative_trapezoid with samples dx apart.
[[nodiscard]] Vector cumulative_trapezoid(const Vector& y, double dx = 1.0,
                                          std::optional<double> initial = std::nullopt);
/// cumulative_trapezoid along `axis` of y: the result has y's shape with one
/// sample fewer along axis (the same shape with initial).
/// Throws: ValueError for a bad axis, an empty axis, x of the wrong length, or
/// a nonzero initial.
template <class Derived>
requires MatrixExpression<Derived>
[[nodiscard]] Matrix cumulative_trapezoid(const Eigen::MatrixBase<Derived>& y, const Vector& x, int axis = -1,
                                          std::optional<double> initial = std::nullopt) {
  return detail::cumulative_trapezoid(y, &x, 1.0, axis, initial);
}
/// cumulative_trapezoid along `axis` with samples dx apart.
template <class Derived>
requires MatrixExpression<Derived>
[[nodiscard]] Matrix cumulative_trapezoid(const Eigen::MatrixBase<Derived>& y, double dx = 1.0, int axis = -1,
                                          std::optional<double> initial = std::nullopt) {
  return detail::cumulative_trapezoid(y, nullptr, dx, axis, initial);
}

/// The running Simpson integral (scipy.integrate.cumulative_simpson, SciPy
/// >= 1.12's algorithm): each interval's integral is that of the parabola
/// through it and a neighbouring sample (the next one for the first interval
/// of each pair, the previous one for the second and for the last interval;
/// Cartwright 2017), and the integrals are summed in order. With fewer than 3
/// samples, cumulative_trapezoid. With `initial` (any value), initial is added
/// to every entry and prepended.
/// Returns: n - 1 values, n with initial. Requires: y not empty; x.size() ==
/// y.size(); with 3 or more samples, x strictly increasing (dx may be any
/// value).
/// Throws: ValueError otherwise. Complexity: O(n).
[[nodiscard]] Vector cumulative_simpson(const Vector& y, const Vector& x, std::optional<double> initial = std::nullopt);
/// cumulative_simpson with samples dx apart.
[[nodiscard]] Vector cumulative_simpson(const Vector& y, double dx = 1.0, std::optional<double> initial = std::nullopt);
/// cumulative_simpson along `axis` of y (shapes as cumulative_trapezoid's).
/// Throws: ValueError for a bad axis, an empty axis, x of the wrong length or
/// (3 or more samples) not strictly increasing.
template <class Derived>
requires MatrixExpression<Derived>
[[nodiscard]] Matrix cumulative_simpson(const Eigen::MatrixBase<Derived>& y, const Vector& x, int axis = -1,
                                        std::optional<double> initial = std::nullopt) {
  return detail::cumulative_simpson(y, &x, 1.0, axis, initial);
}
/// cumulative_simpson along `axis` with samples dx apart.
template <class Derived>
requires MatrixExpression<Derived>
[[nodiscard]] Matrix cumulative_simpson(const Eigen::MatrixBase<Derived>& y, double dx = 1.0, int axis = -1,
                                        std::optional<double> initial = std::nullopt) {
  return detail::cumulative_simpson(y, nullptr, dx, axis, initial);
}

/// Romberg integration of 2^k + 1 equally spaced samples (scipy.integrate.romb):
/// the trapezoidal rule on the samples 2^k, 2^(k-1), ..., 1 apart, extrapolated
/// by Richardson's table (Romberg 1955); with k steps exact for polynomials of
/// degree 2k + 1.
/// Requires: y.size() - 1 a power of two (1, 2, 4, ...).
/// Throws: ValueError otherwise. Complexity: O(n).
[[nodiscard]] double romb(const Vector& y, double dx = 1.0);
/// romb along `axis` of y. Throws: ValueError for a bad axis or a length along
/// axis that is not 2^k + 1.
template <class Derived>
requires MatrixExpression<Derived>
[[nodiscard]] Vector romb(const Eigen::MatrixBase<Derived>& y, double dx = 1.0, int axis = -1) {
  return detail::romb(y, dx, axis);
}

/// The weights and error coefficient of a Newton-Cotes rule: SciPy's (an, B).
struct NewtonCotesResult {
  /// N + 1 weights: the integral over [x_0, x_N] is approximately
  /// dx * sum(an[i] * f(x_i)), dx = (x_N - x_0) / N.
  Vector an;
  /// The error coefficient: the rule's error is B * dx^(p+2) * f^(p+1)(xi) for
  /// some xi, p = N + 1 for equal spacing and an even N, else p = N.
  double B = 0;
};

/// The closed Newton-Cotes rule on N + 1 equally spaced points
/// (scipy.integrate.newton_cotes(N)): for N <= 14 the exact rational weights
/// (rounded once), beyond that the weights from the inverse of the moment
/// (Vandermonde) matrix, improved by two Newton-Schulz steps, as SciPy.
/// The moment matrix's condition number grows exponentially with N (3e6 at
/// N = 15, 8e9 at N = 22, 6e13 at N = 30), and the weights lose accuracy with
/// it, as SciPy's do.
/// Requires: rn >= 1. Throws: ValueError otherwise. Complexity: O(N^3).
[[nodiscard]] NewtonCotesResult newton_cotes(int rn);
/// The Newton-Cotes rule on the sample positions rn (scipy.integrate.newton_cotes(rn, equal)),
/// given relative to the spacing: rn[0] = 0, rn[N] = N, N = rn.size() - 1.
/// With equal, the positions are taken as 0, 1, ..., N whatever rn holds;
/// positions exactly 1 apart count as equal spacing too (for N <= 14 they
/// need not start at 0), as in SciPy.
/// Requires: rn.size() >= 2; rn[0] == 0 and rn[N] == N unless equal, or 1
/// apart with N <= 14.
/// Throws: ValueError otherwise. Complexity: O(N^3).
[[nodiscard]] NewtonCotesResult newton_cotes(const Vector& rn, bool equal = false);

/// The integrand of qmc_quad: f(x) for a point x with one entry per variable
/// (with QMCQuadOptions::log, log f(x)).
using QMCIntegrand = std::function<double(const Vector& x)>;

/// The quasi-Monte Carlo engines qmc_quad can draw from (scipy.stats.qmc's,
/// as scilearn::stats::qmc implements them).
enum class QMCEngineType {
  halton,           ///< scipy.stats.qmc.Halton: SciPy's default
  sobol,            ///< scipy.stats.qmc.Sobol: n_points should be a power of 2 (it warns otherwise)
  latin_hypercube,  ///< scipy.stats.qmc.LatinHypercube
};

/// Options of qmc_quad, with SciPy's names and defaults. SciPy passes an engine
/// instance as `qrng` and seeds the engines of the later estimates from its
/// random stream; here `qrng` names the engine type, `scramble` its
/// randomization, and `seed` the stream the n_estimates engines' seeds are
/// drawn from.
struct QMCQuadOptions {
  int n_estimates = 8;                         ///< independent estimates, >= 1
  int n_points = 1024;                         ///< points per estimate, >= 1
  QMCEngineType qrng = QMCEngineType::halton;  ///< the engine of every estimate
  /// The first engine's randomization (SciPy: that of the qrng instance);
  /// the engines of the other estimates are always scrambled, as in SciPy.
  /// Unscrambled Sobol' and Halton points are SciPy's, so with n_estimates = 1
  /// and scramble = false the result is SciPy's to rounding.
  bool scramble = true;
  std::optional<std::uint64_t> seed = std::nullopt;  ///< none: fresh entropy
  bool log = false;                                  ///< func returns log f; integral and standard_error are logarithms
};

/// What qmc_quad returns: SciPy's QMCQuadResult.
struct QMCQuadResult {
  double integral = 0;        ///< the mean of the estimates (its log with options.log)
  double standard_error = 0;  ///< their standard deviation (ddof 1) / sqrt(n_estimates) (its log with log)
};

/// The integral of func over the box [a, b] by randomized quasi-Monte Carlo
/// (scipy.integrate.qmc_quad, Owen 2003, "Quasi-Monte Carlo sampling"):
/// n_estimates independently randomized engines each give the estimate
/// volume * mean(func(x_k)) over n_points points; the result is their mean
/// and its standard error. Where b[j] < a[j] the limits are swapped and the
/// sign of the result flips per swap, as in SciPy. Where some a[j] == b[j]
/// the integral is 0 by definition: it returns {0, 0} (with log, {-Inf,
/// -Inf}, where SciPy returns a standard error of 0, the log of 1) and warns
/// (WarningCategory::user), as SciPy.
/// The scrambled points come from scilearn's engines and random streams, so
/// for the same seed they differ from SciPy's; the results agree with SciPy's
/// in distribution, not in value. With n_estimates = 1 the standard error is NaN
/// (ddof 1), as in SciPy.
/// Requires: a and b of the same size d >= 1, finite; n_estimates, n_points
/// >= 1; with log, an even number of reversed limits b[j] < a[j] (else the
/// integral is negative and SciPy's result a complex log); d within the
/// engine's limits (Sobol: 3667).
/// Throws: ValueError otherwise; whatever func throws reaches the caller.
/// Complexity: n_estimates * n_points calls of func, plus the engines' O(d) per point.
[[nodiscard]] QMCQuadResult qmc_quad(const QMCIntegrand& func, const Vector& a, const Vector& b,
                                     const QMCQuadOptions& options = {});

}  // namespace scilearn::integrate

#pragma once
/// \file
/// Quadrature of functions: scipy.integrate's `quad` (QUADPACK, here through
/// GSL's translation of it), `quad_vec`, `dblquad`, `tplquad`, `nquad`,
/// `fixed_quad` and `tanhsinh` (Boost.Math's tanh-sinh rule), with SciPy's
/// names, defaults and result fields.
///
///     namespace si = scilearn::integrate;
///     auto r = si::quad([](double x) { return std::pow(x, -0.9) * std::log(1 / x); }, 0, 1);
///     // r.value == 100 (to 1.49e-8 relative), r.abserr, r.neval, r.ier == 0
///     auto c = si::quad([](double x) { return 1 / (5 * x * x * x + 6); }, -1, 5,
///                       {.weight = si::QuadWeight::cauchy, .wvar = {0.0}});  // principal value
///     auto d = si::dblquad([](double y, double x) { return x * y; }, 0, 1, 0.0,
///                          [](double x) { return x; });                    // 1/8
///
/// How a call ends, as in SciPy:
/// - bad input (a NaN limit, limit < 1, tolerances QUADPACK cannot meet, a
///   weight's parameter out of its range, break points with an infinite range,
///   a weight that does not allow an infinite range): ValueError, where SciPy
///   raises ValueError (QUADPACK's ier = 6);
/// - QUADPACK could not reach the tolerance (ier 1-5, 7): the best estimate,
///   its error estimate, ier and a message in the result, and a warning
///   (WarningCategory::user, SciPy's IntegrationWarning is a UserWarning);
/// - the integrand throws: the exception reaches the caller unchanged (the
///   integration stops at the next return to GSL; the integrand is not called
///   again).
/// SciPy's `args` is a capture of the lambda here.

#include <array>
#include <functional>
#include <optional>
#include <scilearn/core/types.hpp>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace scilearn::integrate {

/// A real integrand f(x).
using Integrand = std::function<double(double x)>;

/// The weight functions of quad's `weight` (QUADPACK's QAWO, QAWF, QAWS, QAWC).
enum class QuadWeight {
  none,      ///< no weight: QAGS (finite), QAGI (infinite), QAGP (with points)
  cos,       ///< cos(wvar[0] x): QAWO on a finite range, QAWF on a semi-infinite one
  sin,       ///< sin(wvar[0] x): as cos
  alg,       ///< (x - a)^alpha (b - x)^beta with (alpha, beta) = wvar: QAWS
  alg_loga,  ///< as alg, times log(x - a)
  alg_logb,  ///< as alg, times log(b - x)
  alg_log,   ///< as alg, times log(x - a) log(b - x)
  cauchy,    ///< 1 / (x - wvar[0]), Cauchy principal value: QAWC
};

/// SciPy's name of a weight ("cos", "alg-loga", "cauchy", ...; "" for none).
[[nodiscard]] std::string_view to_string(QuadWeight weight) noexcept;

/// quad's options, with SciPy's names and defaults.
struct QuadOptions {
  /// Absolute error tolerance. QAWF (cos / sin on a semi-infinite range) uses
  /// only this one, and needs it > 0.
  double epsabs = 1.49e-8;
  /// Relative error tolerance (>= 0); with epsabs <= 0 it must be above
  /// max(50 eps, 5e-29).
  double epsrel = 1.49e-8;
  /// The most subintervals of the adaptive algorithm (>= 1). As in QUADPACK;
  /// one difference: GSL's QAWS and QAWC always bisect their two first
  /// subintervals once more, so limit = 2 acts as 3 there.
  int limit = 50;
  /// Break points inside the finite range (QAGP): local difficulties of the
  /// integrand (singularities, discontinuities). Points outside (a, b) and
  /// repeats are dropped, as SciPy does. Ignored (with a warning, as SciPy)
  /// when a weight is given.
  std::vector<double> points{};
  QuadWeight weight = QuadWeight::none;
  /// The weight's parameters: omega for cos / sin, c for cauchy (wvar[0]);
  /// (alpha, beta) for the alg weights, both > -1.
  std::array<double, 2> wvar{};
  /// cos / sin: QUADPACK's bound on the levels of Chebyshev moments it
  /// stores (>= 1). Kept for SciPy's signature; it changes no result here,
  /// since every level a bisection reaches gets its moments (as QUADPACK
  /// computes levels past maxp1 as they come). SciPy's values for some small
  /// maxp1 (2, on an integrand that bisects deep) differ from its own
  /// maxp1 = 50 values and from ours.
  int maxp1 = 50;
  /// cos / sin on a semi-infinite range: the most cycles (>= 3). GSL's QAWF
  /// takes one limit for the cycles and for the subintervals of each cycle,
  /// so there `limit` is not used and limlst bounds both (SciPy's defaults
  /// are equal, 50 and 50).
  int limlst = 50;
};

/// What quad returns: SciPy's (y, abserr, infodict, message) with
/// full_output = 1.
struct QuadResult {
  double value = 0;   ///< the integral's estimate (SciPy's y)
  double abserr = 0;  ///< an estimate of |value - integral|
  int neval = 0;      ///< calls of the integrand (QAGI on (-inf, inf): two a node)
  /// The number of subintervals (QAWF: of the last cycle's subdivision).
  int last = 0;
  /// The subintervals [alist[i], blist[i]], their integrals rlist[i] and
  /// error estimates elist[i] (last entries; QAGI: in the variable t of
  /// x = a + (1 - t) / t, t in (0, 1]).
  std::vector<double> alist{}, blist{}, rlist{}, elist{};
  /// Indices (0-based) of the subintervals in order of decreasing error, as
  /// far as the algorithm kept them sorted (QUADPACK's iord, GSL's order).
  std::vector<int> iord{};
  /// QAWF only: the number of cycles, and each cycle's integral and error.
  int lst = 0;
  std::vector<double> rslst{}, erlst{};
  /// 0: success; 1: limit reached; 2: roundoff prevents the tolerance (GSL
  /// reports QUADPACK's 4, roundoff in the extrapolation table, as 2 too); 3:
  /// extremely bad integrand behaviour; 4 (QAWF): the extrapolation over the
  /// cycles does not converge; 5: probably divergent or slowly convergent.
  int ier = 0;
  std::string message{};  ///< "" on success, else what ier means
};

/// scipy.integrate.quad: the integral of func from a to b (either may be
/// +-infinity) to max(epsabs, epsrel |integral|), by QUADPACK's adaptive
/// Gauss-Kronrod routines (Piessens et al. 1983) in GSL's implementation:
/// QAGS (21-point rule, Wynn's epsilon extrapolation) on finite ranges, QAGI
/// (15-point rule on the map x = a + (1 - t) / t) on infinite ones, QAGP with
/// `points`, QAWO / QAWF / QAWS / QAWC for the weights.
/// b < a gives minus the integral from b to a (SciPy integrates over
/// [min, max] and flips the sign); a == b gives 0 with neval = 0.
/// Requires: a, b not NaN; limit >= 1; epsrel >= 0; epsabs > 0 or epsrel >= max(50 eps,
/// 5e-29); weights: see QuadWeight and QuadOptions (cauchy: c not a limit,
/// finite range; alg*: finite range; cos / sin: not (-inf, inf)); points:
/// finite range, fewer than limit.
/// Ensures: ier == 0 means abserr <= max(epsabs, epsrel |value|) (QUADPACK's
/// estimate, not a bound); otherwise a warning and the message.
/// Throws: ValueError on bad input; whatever func throws.
/// Complexity: at most about 2 limit rule applications (21, 15, or 30 calls each).
[[nodiscard]] QuadResult quad(const Integrand& func, double a, double b, const QuadOptions& options = {});

/// A vector-valued integrand f(x); every call must return the same length.
using VectorIntegrand = std::function<Vector(double x)>;

/// quad_vec's error norms (SciPy's norm = "2", "max").
enum class QuadVecNorm { two, max };

/// quad_vec's rules on each subinterval (SciPy's quadrature).
enum class QuadVecRule {
  automatic,  ///< gk21 on finite ranges, gk15 on infinite ones (SciPy's None)
  gk21,       ///< Gauss-Kronrod 21-point
  gk15,       ///< Gauss-Kronrod 15-point
  trapezoid,  ///< composite trapezoid, 3 points
};

/// quad_vec's options, with SciPy's names and defaults.
struct QuadVecOptions {
  double epsabs = 1e-200;  ///< absolute tolerance
  double epsrel = 1e-8;    ///< relative tolerance
  QuadVecNorm norm = QuadVecNorm::two;
  /// The most subintervals (>= 1). SciPy stops subdividing when the count
  /// reaches it (in batches, so the final count may exceed it).
  int limit = 10000;
  /// Extra break points (where inside the range).
  std::vector<double> points{};
  QuadVecRule quadrature = QuadVecRule::automatic;
};

/// What quad_vec returns: SciPy's (res, err, info) with full_output = True.
struct QuadVecResult {
  Vector value{};    ///< the integral of every component (SciPy's res)
  double error = 0;  ///< the error estimate in the chosen norm (SciPy's err)
  int neval = 0;     ///< calls of f
  bool success = false;
  /// 0: converged; 1: limit reached; 2: rounding error prevents the
  /// tolerance; 3: non-finite values.
  int status = 1;
  std::string message{};
  /// The final subintervals, one a row [start, end] (on infinite ranges in
  /// the variable of SciPy's map to a finite one), their integrals (one row
  /// each) and error estimates, in no particular order.
  Matrix intervals{};
  Matrix integrals{};
  Vector errors{};
};

/// scipy.integrate.quad_vec: adaptive integration of a vector-valued f from a
/// to b (either may be infinite; SciPy's variable maps move them to finite
/// ranges), with SciPy's algorithm: global error control, the intervals with
/// the largest errors bisected in batches, no extrapolation. Stops when the
/// error estimate is below max(epsabs, epsrel |value|) / 8 with at least two
/// intervals.
/// Requires: a, b not NaN; limit >= 1; epsabs, epsrel >= 0.
/// Ensures: status == 0 means error < max(epsabs, epsrel norm(value)) / 8.
/// Throws: ValueError on bad input or when f's length changes; whatever f throws.
/// Complexity: about limit rule applications of 21, 15 or 3 calls.
[[nodiscard]] QuadVecResult quad_vec(const VectorIntegrand& f, double a, double b, const QuadVecOptions& options = {});

/// An n-dimensional integrand f(x) with x = (x0, x1, ..., x[n-1]), x0 the
/// innermost variable (SciPy's func(x0, x1, ..., xn)).
using NquadFunction = std::function<double(const Vector& x)>;

/// The range of one variable as a function of the outer ones: given
/// (x[i+1], ..., x[n-1]), returns {low, high} for x[i].
using RangeFunction = std::function<std::array<double, 2>(const Vector& outer)>;

/// One entry of nquad's `ranges`: constant limits or a RangeFunction.
using NquadRange = std::variant<std::array<double, 2>, RangeFunction>;

/// One entry of nquad's `opts`: quad's options, constant or a function of the
/// outer variables (as the RangeFunction).
using NquadLevelOptions = std::variant<QuadOptions, std::function<QuadOptions(const Vector& outer)>>;

/// nquad's options.
struct NquadOptions {
  /// Empty: quad's defaults at every level; one entry: the same at every level
  /// (SciPy's opts as one dict); else one entry a variable, innermost first.
  /// Each level's points are filtered to its range, as SciPy does.
  std::vector<NquadLevelOptions> opts{};
};

/// What nquad, dblquad and tplquad return: SciPy's (result, abserr) and
/// nquad's full_output neval.
struct NquadResult {
  double value = 0;
  /// The largest abserr of all the quad calls made (SciPy's nquad's choice;
  /// not a bound on the error of the n-dimensional value).
  double abserr = 0;
  int neval = 0;  ///< calls of the integrand (the innermost quad calls' neval summed)
};

/// scipy.integrate.nquad: the iterated integral of func over ranges, ranges[0]
/// the innermost variable's. Each level is a call of quad with that level's
/// options; a warning of an inner quad is raised as in SciPy (each time).
/// Requires: at least one range; opts empty, of size 1, or of size ranges.size().
/// Throws: ValueError on bad input (also from the inner quad calls); whatever
/// func or a range or options function throws.
[[nodiscard]] NquadResult nquad(const NquadFunction& func, const std::vector<NquadRange>& ranges,
                                const NquadOptions& options = {});

/// dblquad's and tplquad's tolerances, with SciPy's names and defaults (quad's).
struct MultipleQuadOptions {
  double epsabs = 1.49e-8;
  double epsrel = 1.49e-8;
};

/// A limit of the inner variable of dblquad (and of the middle one of
/// tplquad): a constant or a function of x, the outermost variable.
using CurveLimit = std::variant<double, std::function<double(double x)>>;

/// A limit of tplquad's innermost variable: a constant or a function of (x, y).
using SurfaceLimit = std::variant<double, std::function<double(double x, double y)>>;

/// scipy.integrate.dblquad: the integral of func(y, x) for x in [a, b] and y
/// in [gfun(x), hfun(x)], through nquad with the tolerances at both levels.
/// Throws: as nquad.
[[nodiscard]] NquadResult dblquad(const std::function<double(double y, double x)>& func, double a, double b,
                                  const CurveLimit& gfun, const CurveLimit& hfun,
                                  const MultipleQuadOptions& options = {});

/// scipy.integrate.tplquad: the integral of func(z, y, x) for x in [a, b], y
/// in [gfun(x), hfun(x)], z in [qfun(x, y), rfun(x, y)], through nquad.
/// Throws: as nquad.
[[nodiscard]] NquadResult tplquad(const std::function<double(double z, double y, double x)>& func, double a, double b,
                                  const CurveLimit& gfun, const CurveLimit& hfun, const SurfaceLimit& qfun,
                                  const SurfaceLimit& rfun, const MultipleQuadOptions& options = {});

/// scipy.integrate.fixed_quad: Gauss-Legendre quadrature of order n (n calls
/// of func at the nodes of [a, b], GSL's nodes and weights), no error estimate
/// (SciPy returns None for it). Exact for polynomials of degree 2n - 1.
/// Requires: a, b finite; n >= 1.
/// Throws: ValueError on bad input; whatever func throws.
[[nodiscard]] double fixed_quad(const Integrand& func, double a, double b, int n = 5);

/// tanhsinh's options, with SciPy's names where Boost.Math's integrator
/// allows them.
struct TanhSinhOptions {
  /// The most refinement levels (Boost's max_refinements; each level halves
  /// the step and about doubles the calls). SciPy's default.
  int maxlevel = 10;
  /// Absolute tolerance: success when error <= max(atol, rtol |integral|).
  /// Boost's integrator stops on the relative test only, so atol decides
  /// success but does not stop the refinement early.
  double atol = 0;
  /// Relative tolerance; unset: eps^0.75, SciPy's default. Boost's test is
  /// error <= rtol * (the integral of |f|).
  std::optional<double> rtol{};
};

/// What tanhsinh returns: SciPy's result fields.
struct TanhSinhResult {
  double integral = 0;  ///< the estimate
  double error = 0;     ///< the estimate of its error (Boost's: the last two levels' difference)
  int nfev = 0;         ///< calls of f
  int maxlevel = 0;     ///< the refinement levels used
  bool success = false;
  /// 0: converged; -2: maxlevel reached without meeting the tolerance; -3: f
  /// returned a non-finite value at an abscissa inside the range.
  int status = 0;
};

/// scipy.integrate.tanhsinh for a scalar f: the double-exponential (tanh-sinh)
/// rule of Takahasi & Mori (1974), Boost.Math's implementation, which never
/// evaluates f at the limits and so copes with endpoint singularities (f may
/// return +-inf or NaN there). Infinite limits are mapped by Boost. b < a
/// gives minus the integral from b to a; a == b gives 0.
/// Requires: a, b not NaN; maxlevel >= 1 (Boost needs at least one refinement); atol >= 0, rtol > 0, finite.
/// Throws: ValueError on bad input; whatever f throws.
[[nodiscard]] TanhSinhResult tanhsinh(const Integrand& f, double a, double b, const TanhSinhOptions& options = {});

}  // namespace scilearn::integrate

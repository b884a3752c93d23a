// scipy.integrate.quad_vec: SciPy's adaptive algorithm for vector-valued
// integrands (scipy/integrate/_quad_vec.py): global error control, the
// intervals of largest error bisected in batches of up to 128, no
// extrapolation; infinite ranges mapped to finite ones first.

#include <algorithm>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/integrate/quad.hpp>
#include <vector>

#include "quad/quad_vec_rules.hpp"

namespace scilearn::integrate {
namespace {

using detail::add_scaled;
using detail::vec_norm;

// SciPy's map of an infinite range onto a finite one, and where it sends a
// break point.
struct VariableMap {
  enum class Kind { identity, semi_infinite, doubly_infinite } kind = Kind::identity;
  double start = 0;  // semi_infinite: the finite limit
  double sign = 1;   // semi_infinite: +1 towards +inf, -1 towards -inf

  // Below sqrt(DBL_MIN), 1/t^2 would overflow: the mapped integrand is 0 there.
  static constexpr double tmin = 1.4916681462400413e-154;

  [[nodiscard]] double t_of(double x) const {
    if (kind == Kind::doubly_infinite) return (x < 0 ? -1.0 : 1.0) / (std::abs(x) + 1);
    const double z = sign * (x - start) + 1;
    return z == 0 ? std::numeric_limits<double>::infinity() : 1 / z;
  }
};

// The integrand in the integration variable: counts calls, applies the map,
// and checks that f keeps its length.
class Evaluator {
 public:
  Evaluator(const VectorIntegrand& f, const VariableMap& map) : f_(f), map_(map) {}

  Vector operator()(double t) {
    ++neval_;
    if (map_.kind == VariableMap::Kind::identity) return checked(f_(t), t);
    if (map_.kind == VariableMap::Kind::semi_infinite) {
      if (t < VariableMap::tmin) return {};
      const double x = map_.start + map_.sign * (1 - t) / t;
      return map_.sign * (checked(f_(x), x) / t) / t;
    }
    if (std::abs(t) < VariableMap::tmin) return {};
    const double x = (1 - std::abs(t)) / t;
    return (checked(f_(x), x) / t) / t;
  }
  [[nodiscard]] int neval() const noexcept { return neval_; }

 private:
  Vector checked(Vector v, double x) {
    if (dim_ < 0) dim_ = v.size();
    if (v.size() != dim_)
      throw ValueError(cat("quad_vec: f returned ", v.size(), " values at x = ", x, " but ", dim_, " before"));
    return v;
  }
  const VectorIntegrand& f_;
  VariableMap map_;
  int neval_ = 0;
  Index dim_ = -1;
};

struct Interval {
  double neg_error;  // heap key, as SciPy's (-err, x1, x2)
  double x1, x2;
  Vector integral;
};

// std's heap functions build a max-heap: "greater" makes it a min-heap on
// (-err, x1, x2), SciPy's heapq order.
bool heap_after(const Interval& l, const Interval& r) {
  if (l.neg_error != r.neg_error) return l.neg_error > r.neg_error;
  if (l.x1 != r.x1) return l.x1 > r.x1;
  return l.x2 > r.x2;
}

constexpr int kParallelCount = 128;  // SciPy's batch size
constexpr std::size_t kMinIntervals = 2;

QuadVecResult adaptive(Evaluator& g, double a, double b, const QuadVecOptions& options, QuadVecRule rule) {
  const QuadVecNorm norm = options.norm;
  // The trapezoid rule's halves share points: SciPy caches f during one
  // bisection (and counts the misses as neval); so do we.
  bool memoize = false;  // not for the initial intervals, as in SciPy
  std::vector<std::pair<double, Vector>> memo;
  const detail::SampledIntegrand f = [&](double t) {
    for (const auto& [x, v] : memo)
      if (x == t) return v;
    Vector v = g(t);
    if (memoize) memo.emplace_back(t, v);
    return v;
  };

  std::vector<std::pair<double, double>> initial;
  double prev = a;
  std::vector<double> points = options.points;
  std::sort(points.begin(), points.end());
  for (double p : points) {
    if (!(a < p && p < b) || p == prev) continue;
    initial.emplace_back(prev, p);
    prev = p;
  }
  initial.emplace_back(prev, b);

  Vector global_integral;
  double global_error = 0, rounding_error = 0;
  std::vector<Interval> heap;
  for (auto [x1, x2] : initial) {
    detail::RuleEstimate e = detail::apply_rule(rule, f, x1, x2, norm);
    add_scaled(global_integral, 1.0, e.integral);
    global_error += e.error;
    rounding_error += e.rounding;
    heap.push_back({-e.error, x1, x2, std::move(e.integral)});
  }
  std::make_heap(heap.begin(), heap.end(), heap_after);
  memoize = rule == QuadVecRule::trapezoid;

  enum Status { converged = 0, not_converged = 1, rounding = 2, not_a_number = 3 };
  Status status = not_converged;
  const auto limit = static_cast<std::size_t>(options.limit);
  std::vector<Interval> batch;
  while (!heap.empty() && heap.size() < limit) {
    double tol = std::max(options.epsabs, options.epsrel * vec_norm(global_integral, norm));
    batch.clear();
    double err_sum = 0;
    for (int j = 0; j < kParallelCount && !heap.empty(); ++j) {
      if (j > 0 && err_sum > global_error - tol / 8) break;  // no needless splitting
      std::pop_heap(heap.begin(), heap.end(), heap_after);
      batch.push_back(std::move(heap.back()));
      heap.pop_back();
      err_sum += -batch.back().neg_error;
    }
    for (Interval& old : batch) {
      memo.clear();
      const double c = 0.5 * (old.x1 + old.x2);
      detail::RuleEstimate left = detail::apply_rule(rule, f, old.x1, c, norm);
      detail::RuleEstimate right = detail::apply_rule(rule, f, c, old.x2, norm);
      Vector dint;
      add_scaled(dint, 1.0, left.integral);
      add_scaled(dint, 1.0, right.integral);
      add_scaled(dint, -1.0, old.integral);
      add_scaled(global_integral, 1.0, dint);
      global_error += left.error + right.error - (-old.neg_error);
      rounding_error += left.rounding + right.rounding;
      heap.push_back({-left.error, old.x1, c, std::move(left.integral)});
      std::push_heap(heap.begin(), heap.end(), heap_after);
      heap.push_back({-right.error, c, old.x2, std::move(right.integral)});
      std::push_heap(heap.begin(), heap.end(), heap_after);
    }
    if (heap.size() >= kMinIntervals) {
      tol = std::max(options.epsabs, options.epsrel * vec_norm(global_integral, norm));
      if (global_error < tol / 8) {
        status = converged;
        break;
      }
      if (global_error < rounding_error) {
        status = rounding;
        break;
      }
    }
    if (!(std::isfinite(global_error) && std::isfinite(rounding_error))) {
      status = not_a_number;
      break;
    }
  }

  static constexpr const char* messages[] = {"Target precision reached.", "Target precision not reached.",
                                             "Target precision could not be reached due to rounding error.",
                                             "Non-finite values encountered."};
  QuadVecResult r;
  r.value = std::move(global_integral);
  r.error = global_error + rounding_error;
  r.neval = g.neval();
  r.status = status;
  r.success = status == converged;
  r.message = messages[status];
  const auto n = static_cast<Index>(heap.size());
  r.intervals.resize(n, 2);
  r.integrals = Matrix::Zero(n, r.value.size());
  r.errors.resize(n);
  for (Index i = 0; i < n; ++i) {
    const Interval& iv = heap[static_cast<std::size_t>(i)];
    r.intervals(i, 0) = iv.x1;
    r.intervals(i, 1) = iv.x2;
    if (iv.integral.size() == r.value.size()) r.integrals.row(i) = iv.integral.transpose();
    r.errors(i) = -iv.neg_error;
  }
  return r;
}

}  // namespace

QuadVecResult quad_vec(const VectorIntegrand& f, double a, double b, const QuadVecOptions& options) {
  if (std::isnan(a) || std::isnan(b))
    throw ValueError(cat("quad_vec: invalid integration bounds a = ", a, ", b = ", b));
  if (options.limit < 1) throw ValueError(cat("quad_vec: limit must be >= 1, got ", options.limit));
  if (!(options.epsabs >= 0) || !(options.epsrel >= 0))
    throw ValueError(cat("quad_vec: epsabs and epsrel must be >= 0, got ", options.epsabs, " and ", options.epsrel));

  if (std::isfinite(a) && std::isfinite(b)) {
    Evaluator g(f, {});
    return adaptive(g, a, b, options,
                    options.quadrature == QuadVecRule::automatic ? QuadVecRule::gk21 : options.quadrature);
  }
  // SciPy's maps: t in (0, 1] for one infinite limit, [-1, 1] split at 0 for
  // two; the rule defaults to gk15 there.
  const QuadVecRule rule = options.quadrature == QuadVecRule::automatic ? QuadVecRule::gk15 : options.quadrature;
  QuadVecOptions mapped = options;
  VariableMap map;
  double sign = 1;
  double t0 = 0, t1 = 1;
  if (std::isfinite(a) || std::isfinite(b)) {
    const bool a_finite = std::isfinite(a);
    map = {VariableMap::Kind::semi_infinite, a_finite ? a : b, (a_finite ? b : a) < 0 ? -1.0 : 1.0};
    if (!a_finite) sign = -1;  // SciPy integrates from b towards a and negates
  } else {
    map.kind = VariableMap::Kind::doubly_infinite;
    mapped.points = {0.0};
    sign = b < a ? -1 : 1;
    t0 = a != b ? -1.0 : 1.0;
  }
  if (map.kind == VariableMap::Kind::semi_infinite) mapped.points.clear();
  for (double p : options.points) mapped.points.push_back(map.t_of(p));
  Evaluator g(f, map);
  QuadVecResult r = adaptive(g, t0, t1, mapped, rule);
  r.value *= sign;
  return r;
}

}  // namespace scilearn::integrate

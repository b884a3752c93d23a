// scipy.integrate.nquad, dblquad and tplquad: iterated one-dimensional quad
// calls, the innermost variable first, as SciPy's _NQuad does.

#include <algorithm>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/integrate/quad.hpp>
#include <type_traits>
#include <utility>

namespace scilearn::integrate {
namespace {

class IteratedIntegral {
 public:
  IteratedIntegral(const NquadFunction& func, const std::vector<NquadRange>& ranges, const NquadOptions& options)
      : func_(func), ranges_(ranges), options_(options), x_(static_cast<Index>(ranges.size())) {}

  NquadResult run() {
    const double value = integrate(x_.size() - 1);
    return {value, abserr_, neval_};
  }

 private:
  // The integral over x[level] with x[level + 1 ...] fixed in x_.
  double integrate(Index level) {
    const Index n = x_.size();
    const Vector outer = x_.tail(n - 1 - level);
    const std::array<double, 2> range = std::visit(
        [&](const auto& r) -> std::array<double, 2> {
          if constexpr (std::is_same_v<std::decay_t<decltype(r)>, RangeFunction>)
            return r(outer);
          else
            return r;
        },
        ranges_[static_cast<std::size_t>(level)]);
    // Named copies, not a structured binding: clang 14 cannot capture those.
    const double low = range[0];
    const double high = range[1];
    QuadOptions opt = level_options(level, outer);
    // SciPy keeps the break points inside [low, high].
    std::erase_if(opt.points, [&](double p) { return !(low <= p && p <= high); });
    const Integrand inner = [this, level](double t) {
      x_(level) = t;
      return level == 0 ? func_(x_) : integrate(level - 1);
    };
    const QuadResult r = quad(inner, low, high, opt);
    if (level == 0) neval_ += r.neval;
    abserr_ = std::max(abserr_, r.abserr);
    return r.value;
  }

  QuadOptions level_options(Index level, const Vector& outer) const {
    const auto& opts = options_.opts;
    if (opts.empty()) return {};
    const NquadLevelOptions& o = opts.size() == 1 ? opts.front() : opts[static_cast<std::size_t>(level)];
    if (const auto* fixed = std::get_if<QuadOptions>(&o)) return *fixed;
    return std::get<std::function<QuadOptions(const Vector&)>>(o)(outer);
  }

  const NquadFunction& func_;
  const std::vector<NquadRange>& ranges_;
  const NquadOptions& options_;
  Vector x_;
  double abserr_ = 0;
  int neval_ = 0;
};

}  // namespace

NquadResult nquad(const NquadFunction& func, const std::vector<NquadRange>& ranges, const NquadOptions& options) {
  if (ranges.empty()) throw ValueError("nquad: ranges must not be empty");
  if (options.opts.size() > 1 && options.opts.size() != ranges.size())
    throw ValueError(cat("nquad: opts has ", options.opts.size(), " entries for ", ranges.size(),
                         " ranges (give 0, 1 or one a range)"));
  return IteratedIntegral(func, ranges, options).run();
}

namespace {

double at(const CurveLimit& limit, double x) {
  if (const auto* c = std::get_if<double>(&limit)) return *c;
  return std::get<std::function<double(double)>>(limit)(x);
}

double at(const SurfaceLimit& limit, double x, double y) {
  if (const auto* c = std::get_if<double>(&limit)) return *c;
  return std::get<std::function<double(double, double)>>(limit)(x, y);
}

NquadOptions both_tolerances(const MultipleQuadOptions& options) {
  return {{QuadOptions{.epsabs = options.epsabs, .epsrel = options.epsrel}}};
}

}  // namespace

NquadResult dblquad(const std::function<double(double y, double x)>& func, double a, double b, const CurveLimit& gfun,
                    const CurveLimit& hfun, const MultipleQuadOptions& options) {
  const RangeFunction y_range = [&](const Vector& outer) {
    return std::array<double, 2>{at(gfun, outer(0)), at(hfun, outer(0))};
  };
  return nquad([&](const Vector& v) { return func(v(0), v(1)); }, {y_range, std::array<double, 2>{a, b}},
               both_tolerances(options));
}

NquadResult tplquad(const std::function<double(double z, double y, double x)>& func, double a, double b,
                    const CurveLimit& gfun, const CurveLimit& hfun, const SurfaceLimit& qfun, const SurfaceLimit& rfun,
                    const MultipleQuadOptions& options) {
  // outer = (y, x) for z's range, (x) for y's.
  const RangeFunction z_range = [&](const Vector& outer) {
    return std::array<double, 2>{at(qfun, outer(1), outer(0)), at(rfun, outer(1), outer(0))};
  };
  const RangeFunction y_range = [&](const Vector& outer) {
    return std::array<double, 2>{at(gfun, outer(0)), at(hfun, outer(0))};
  };
  return nquad([&](const Vector& v) { return func(v(0), v(1), v(2)); }, {z_range, y_range, std::array<double, 2>{a, b}},
               both_tolerances(options));
}

}  // namespace scilearn::integrate

// dual_annealing: SciPy's algorithm (scipy/optimize/_dual_annealing.py:
// the Tsallis visiting distribution, the energy state, the strategy chain
// and the local search), on scilearn's random stream.
#include <scilearn/optimize/dual_annealing.hpp>

#include <cmath>
#include <limits>
#include <numbers>
#include <scilearn/core/random.hpp>
#include <scilearn/core/validation.hpp>
#include <string>
#include <vector>

namespace scilearn::optimize {

namespace {

constexpr const char* kWhere = "dual_annealing";

// The stop requested by the callback or the evaluation limit (SciPy's texts).
struct Stop {
  std::string message;
};

class Annealer {
 public:
  Annealer(const Objective& func, Vector lb, Vector ub, const DualAnnealingOptions& o)
      : func_(func), lb_(std::move(lb)), ub_(std::move(ub)), range_(ub_ - lb_), o_(o), rng_(default_rng(o.seed)) {
    const double qv = o.visit;
    factor2_ = std::exp((4.0 - qv) * std::log(qv - 1.0));
    factor3_ = std::exp((2.0 - qv) * std::log(2.0) / (qv - 1.0));
    factor4_p_ = std::sqrt(std::numbers::pi) * factor2_ / (factor3_ * (3.0 - qv));
    factor5_ = 1.0 / (qv - 1.0) - 0.5;
    const double d1 = 2.0 - factor5_;
    factor6_ = std::numbers::pi * (1.0 - factor5_) / std::sin(std::numbers::pi * (1.0 - factor5_)) /
               std::exp(std::lgamma(d1));
    const Index n = lb_.size();  // SciPy's default local search: L-BFGS-B, maxiter 6 n in [100, 1000]
    if (o.minimizer_kwargs) {
      local_ = *o.minimizer_kwargs;
    } else {
      local_.method = Method::lbfgsb;
      local_.maxiter = static_cast<int>(std::min<Index>(std::max<Index>(6 * n, 100), 1000));
      local_.bounds = Bounds{lb_, ub_};
    }
  }

  OptimizeResult run() {
    std::vector<std::string> messages;
    bool success = true;
    try {
      reset(o_.x0);
      emin_ = current_e_;
      xmin_ = current_x_;
      const double t1 = std::exp((o_.visit - 1) * std::log(2.0)) - 1.0;
      const double restart_temperature = o_.initial_temp * o_.restart_temp_ratio;
      bool stop = false;
      while (!stop) {
        for (int i = 0; i < o_.maxiter; ++i) {
          const double t2 = std::exp((o_.visit - 1) * std::log(static_cast<double>(i) + 2.0)) - 1.0;
          const double temperature = o_.initial_temp * t1 / t2;
          if (iteration_ >= o_.maxiter) {
            messages.emplace_back("Maximum number of iteration reached");
            stop = true;
            break;
          }
          if (temperature < restart_temperature) {
            reset(Vector());
            break;
          }
          chain(i, temperature);
          if (!o_.no_local_search) local_search_step();
          ++iteration_;
        }
        if (o_.maxiter == 0) {  // SciPy's loop would spin; there is nothing to do
          messages.emplace_back("Maximum number of iteration reached");
          stop = true;
        }
      }
    } catch (const Stop& s) {
      messages.push_back(s.message);
      success = false;
    }
    OptimizeResult r;
    r.x = xbest_;
    r.fun = ebest_;
    r.nit = iteration_;
    r.nfev = static_cast<int>(std::min<std::int64_t>(nfev_, std::numeric_limits<int>::max()));
    r.njev = njev_;
    r.nhev = nhev_;
    r.success = success;
    r.status = 0;  // SciPy's is always 0; success tells a stopped run
    for (std::size_t k = 0; k < messages.size(); ++k) r.message += (k ? "; " : "") + messages[k];
    return r;
  }

 private:
  double f(const Vector& x) {
    ++nfev_;
    return func_(x);
  }

  // A random (or the given) starting point with a finite value.
  void reset(const Vector& x0) {
    current_x_ = x0.size() ? x0 : uniform_point();
    for (int tries = 0;; ++tries) {
      current_e_ = f(current_x_);
      if (std::isfinite(current_e_)) break;
      if (tries >= 1000) {
        throw ValueError(cat(kWhere, ": stopping because the function gives NaN or infinite values even at new random "
                                     "points"));
      }
      current_x_ = uniform_point();
    }
    if (xbest_.size() == 0) {
      ebest_ = current_e_;
      xbest_ = current_x_;
    }
  }

  Vector uniform_point() {
    Vector x(lb_.size());
    for (Index i = 0; i < x.size(); ++i) x(i) = rng_.uniform(lb_(i), ub_(i));
    return x;
  }

  // Draws from the Tsallis visiting distribution at this temperature.
  Vector visit_fn(double temperature, Index dim) {
    const double qv = o_.visit;
    const double factor1 = std::exp(std::log(temperature) / (qv - 1.0));
    const double factor4 = factor4_p_ * factor1;
    const double scale = std::exp(-(qv - 1.0) * std::log(factor6_ / factor4) / (3.0 - qv));
    Vector out(dim);
    for (Index i = 0; i < dim; ++i) {
      const double x = rng_.standard_normal() * scale, y = rng_.standard_normal();
      out(i) = x / std::exp((qv - 1.0) * std::log(std::abs(y)) / (3.0 - qv));
    }
    return out;
  }

  // Wraps v + x back into [lb, ub) (periodically), away from lb.
  double wrap(double value, Index i) const {
    const double a = value - lb_(i);
    const double b = std::fmod(a, range_(i)) + range_(i);
    double x = std::fmod(b, range_(i)) + lb_(i);
    if (std::abs(x - lb_(i)) < kMinVisitBound) x += kMinVisitBound;
    return x;
  }

  Vector visiting(const Vector& x, Index step, double temperature) {
    const Index n = x.size();
    Vector x_visit = x;
    if (step < n) {  // move every coordinate
      Vector visits = visit_fn(temperature, n);
      const double upper_sample = rng_.random(), lower_sample = rng_.random();
      for (Index i = 0; i < n; ++i) {
        double v = visits(i);
        if (v > kTailLimit) v = kTailLimit * upper_sample;
        if (v < -kTailLimit) v = -kTailLimit * lower_sample;
        x_visit(i) = wrap(v + x(i), i);
      }
    } else {  // then one at a time
      double v = visit_fn(temperature, 1)(0);
      if (v > kTailLimit) {
        v = kTailLimit * rng_.random();
      } else if (v < -kTailLimit) {
        v = -kTailLimit * rng_.random();
      }
      const Index i = step - n;
      x_visit(i) = wrap(v + x(i), i);
    }
    return x_visit;
  }

  void update_best(double e, const Vector& x, int context) {
    ebest_ = e;
    xbest_ = x;
    if (o_.callback && o_.callback(x, e, context)) {
      throw Stop{"Callback function requested to stop early by returning True"};
    }
  }

  void check_maxfun(const char* where) const {
    if (nfev_ >= o_.maxfun) throw Stop{cat("Maximum number of function call reached during ", where)};
  }

  // SciPy's StrategyChain.run: 2 n visits, Tsallis' acceptance for worse ones.
  void chain(int step, double temperature) {
    temperature_step_ = temperature / static_cast<double>(step + 1);
    ++not_improved_idx_;
    const Index n = current_x_.size();
    for (Index j = 0; j < 2 * n; ++j) {
      if (j == 0) improved_ = step == 0;
      const Vector x_visit = visiting(current_x_, j, temperature);
      const double e = f(x_visit);
      if (e < current_e_) {
        current_e_ = e;
        current_x_ = x_visit;
        if (e < ebest_) {
          update_best(e, x_visit, 0);
          improved_ = true;
          not_improved_idx_ = 0;
        }
      } else {
        const double r = rng_.random();
        const double pqv_temp = 1.0 - (1.0 - o_.accept) * (e - current_e_) / temperature_step_;
        const double pqv = pqv_temp <= 0 ? 0.0 : std::exp(std::log(pqv_temp) / (1.0 - o_.accept));
        if (r <= pqv) {
          current_e_ = e;
          current_x_ = x_visit;
          xmin_ = current_x_;
        }
        if (not_improved_idx_ >= not_improved_max_idx_ && (j == 0 || current_e_ < emin_)) {
          emin_ = current_e_;
          xmin_ = current_x_;
        }
      }
      if (nfev_ >= o_.maxfun) throw Stop{"Maximum number of function call reached during annealing"};
    }
  }

  // SciPy's LocalSearchWrapper.local_search: the minimizer's answer when it
  // is finite, inside the bounds and better than e.
  std::pair<double, Vector> local_search(const Vector& x, double e) {
    const Objective counted = [this](const Vector& y) { return f(y); };
    const OptimizeResult m = minimize(counted, x, local_);
    njev_ += m.njev;
    nhev_ += m.nhev;
    const bool valid = m.x.allFinite() && std::isfinite(m.fun) && (m.x.array() >= lb_.array()).all() &&
                       (m.x.array() <= ub_.array()).all();
    if (valid && m.fun < e) return {m.fun, m.x};
    return {e, x};
  }

  // SciPy's StrategyChain.local_search.
  void local_search_step() {
    const Index n = current_x_.size();
    if (improved_) {
      const auto [e, x] = local_search(xbest_, ebest_);
      if (e < ebest_) {
        not_improved_idx_ = 0;
        update_best(e, x, 1);
        current_e_ = e;
        current_x_ = x;
      }
      check_maxfun("local search");
    }
    // SciPy also draws a probabilistic local search when its K < 90 n, which
    // its K = 100 n never is: only a stalled chain triggers one.
    if (not_improved_idx_ >= not_improved_max_idx_) {
      const auto [e, x] = local_search(xmin_, emin_);
      xmin_ = x;
      emin_ = e;
      not_improved_idx_ = 0;
      not_improved_max_idx_ = n;
      if (e < ebest_) {
        update_best(emin_, xmin_, 2);
        current_e_ = e;
        current_x_ = x;
      }
      check_maxfun("dual annealing");
    }
  }

  static constexpr double kTailLimit = 1e8, kMinVisitBound = 1e-10;
  const Objective& func_;
  Vector lb_, ub_, range_;
  const DualAnnealingOptions& o_;
  Generator rng_;
  MinimizeOptions local_;
  double factor2_ = 0, factor3_ = 0, factor4_p_ = 0, factor5_ = 0, factor6_ = 0;
  Vector current_x_, xbest_, xmin_;
  double current_e_ = 0, ebest_ = 0, emin_ = 0, temperature_step_ = 1;
  Index not_improved_idx_ = 0, not_improved_max_idx_ = 1000;
  bool improved_ = false;
  int iteration_ = 0, njev_ = 0, nhev_ = 0;
  std::int64_t nfev_ = 0;
};

}  // namespace

OptimizeResult dual_annealing(const Objective& func, const Bounds& bounds, const DualAnnealingOptions& options) {
  const Vector& lb = bounds.lb;
  const Vector& ub = bounds.ub;
  if (lb.size() == 0 || lb.size() != ub.size()) {
    throw ValueError(cat(kWhere, ": bounds need lb and ub of one, non-zero size; got ", lb.size(), " and ", ub.size()));
  }
  if (!lb.allFinite() || !ub.allFinite()) throw ValueError(cat(kWhere, ": some bounds values are inf values or nan values"));
  if (!(lb.array() < ub.array()).all()) throw ValueError(cat(kWhere, ": bounds are not consistent min < max"));
  if (options.x0.size() != 0) {
    if (options.x0.size() != lb.size()) throw ValueError(cat(kWhere, ": bounds size does not match x0"));
    check_finite(kWhere, "x0", options.x0);
  }
  if (!(options.restart_temp_ratio > 0 && options.restart_temp_ratio < 1)) {
    throw ValueError(cat(kWhere, ": restart_temp_ratio has to be in range (0, 1), got ", options.restart_temp_ratio));
  }
  if (!(options.initial_temp > 0.01 && options.initial_temp <= 5e4)) {
    throw ValueError(cat(kWhere, ": initial_temp must be in (0.01, 5e4], got ", options.initial_temp));
  }
  if (!(options.visit > 1 && options.visit <= 3)) {
    throw ValueError(cat(kWhere, ": visit must be in (1, 3], got ", options.visit));
  }
  if (!(options.accept > -1e4 && options.accept <= -5)) {
    throw ValueError(cat(kWhere, ": accept must be in (-1e4, -5], got ", options.accept));
  }
  if (options.maxiter < 0 || options.maxfun < 1) {
    throw ValueError(cat(kWhere, ": maxiter must be >= 0 and maxfun >= 1"));
  }
  Annealer annealer(func, lb, ub, options);
  return annealer.run();
}

}  // namespace scilearn::optimize

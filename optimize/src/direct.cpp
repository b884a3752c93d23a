// DIRECT (Jones, Perttunen and Stuckman 1993) and its locally biased form
// DIRECT-L (Gablonsky and Kelley 2001), written from the papers.
//
// The box is scaled to the unit cube. Every rectangle has sides 3^-k_i, and
// since only longest sides are ever split, the k_i of one rectangle take at
// most two neighbouring values m and m + 1: (m, number of sides at m + 1)
// identifies its size class exactly, so rectangles are grouped without
// comparing floating-point sizes. The size measure d is half the diagonal
// (DIRECT) or half the longest side (DIRECT-L). Each iteration selects the
// potentially optimal rectangles, those on the lower-right convex hull of the
// (d, f) points that pass Jones's epsilon test (DIRECT-L: one per size class),
// samples c +- delta e_i along each longest side i of each, and trisects it
// along those sides, best w_i = min(f(c + delta e_i), f(c - delta e_i)) first,
// so that the best new points land in the largest new rectangles.
#include <scilearn/optimize/direct.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/validation.hpp>
#include <utility>
#include <vector>

namespace scilearn::optimize {

namespace {

constexpr const char* kWhere = "direct";
constexpr double kInf = std::numeric_limits<double>::infinity();

struct Rect {
  Vector center;                // in the unit cube
  std::vector<int> level;       // side i is 3^-level[i]
  double f = 0;                 // NaN stored as +inf
};

// The size class: (smallest level m, sides at level m + 1); DIRECT-L's
// measure sees only m, so there the class is (m, 0).
using SizeClass = std::pair<int, int>;

SizeClass size_class(const Rect& r, bool locally_biased) {
  const int m = *std::min_element(r.level.begin(), r.level.end());
  if (locally_biased) return {m, 0};
  const int p = static_cast<int>(std::count(r.level.begin(), r.level.end(), m + 1));
  return {m, p};
}

// Half the diagonal (DIRECT) or half the longest side (DIRECT-L) of a class, n sides.
double measure(const SizeClass& c, Index n, bool locally_biased) {
  const double side = std::pow(3.0, -c.first);
  if (locally_biased) return 0.5 * side;
  const double shorter = side / 3.0;
  const auto longer_count = static_cast<double>(n - c.second);
  return 0.5 * std::sqrt(longer_count * side * side + static_cast<double>(c.second) * shorter * shorter);
}

class Solver {
 public:
  Solver(const Objective& func, const Bounds& b, const DirectOptions& o) : func_(func), o_(o) {
    validate(b);
    lb_ = b.lb;
    width_ = b.ub - b.lb;
    n_ = lb_.size();
    maxfun_ = o.maxfun > 0 ? o.maxfun : static_cast<int>(std::min<Index>(1000 * n_, 1 << 30));
  }

  OptimizeResult solve();

 private:
  static void validate(const Bounds& b) {
    if (b.lb.size() != b.ub.size()) {
      throw ValueError(cat(kWhere, ": bounds.lb has ", b.lb.size(), " entries but bounds.ub has ", b.ub.size()));
    }
    check_non_empty(kWhere, "bounds", b.lb);
    for (Index j = 0; j < b.lb.size(); ++j) {
      if (!std::isfinite(b.lb(j)) || !std::isfinite(b.ub(j))) {
        throw ValueError(cat(kWhere, ": bounds must be finite, but bound ", j, " is [", b.lb(j), ", ", b.ub(j), "]"));
      }
      if (!(b.lb(j) < b.ub(j))) {
        throw ValueError(cat(kWhere, ": bound ", j, " needs lb < ub, got [", b.lb(j), ", ", b.ub(j), "]"));
      }
    }
  }

  double evaluate(const Vector& unit) {
    x_ = lb_ + unit.cwiseProduct(width_);
    const double f = func_(x_);
    ++nfev_;
    return std::isnan(f) ? kInf : f;
  }

  void add(Rect r) {
    rects_.push_back(std::move(r));
    const auto k = static_cast<Index>(rects_.size()) - 1;
    if (best_ < 0 || rects_.back().f < rects_[static_cast<std::size_t>(best_)].f) best_ = k;
  }

  std::vector<Index> select() const;
  void divide(Index r);

  const Objective& func_;
  const DirectOptions& o_;
  Vector lb_, width_, x_;
  Index n_ = 0;
  int maxfun_ = 0;
  int nfev_ = 0;
  std::vector<Rect> rects_;
  Index best_ = -1;
};

std::vector<Index> Solver::select() const {
  // The lowest f of each size class (and which rectangles attain it).
  struct Group {
    double d = 0;
    double f = kInf;
    std::vector<Index> members;
  };
  std::map<SizeClass, Group> groups;
  for (std::size_t k = 0; k < rects_.size(); ++k) {
    const SizeClass c = size_class(rects_[k], o_.locally_biased);
    Group& g = groups[c];
    if (g.members.empty() || rects_[k].f < g.f) {
      g.f = rects_[k].f;
      g.members.assign(1, static_cast<Index>(k));
    } else if (rects_[k].f == g.f && !o_.locally_biased) {
      g.members.push_back(static_cast<Index>(k));  // DIRECT divides every tied rectangle; DIRECT-L one
    }
  }
  std::vector<Group> list;
  for (auto& [c, g] : groups) {
    g.d = measure(c, n_, o_.locally_biased);
    if (std::isfinite(g.f)) list.push_back(g);
  }
  std::sort(list.begin(), list.end(), [](const Group& a, const Group& b) { return a.d < b.d; });

  const double fbest = rects_[static_cast<std::size_t>(best_)].f;
  const double target = fbest - o_.eps * std::abs(fbest);
  std::vector<Index> chosen;
  for (std::size_t j = 0; j < list.size(); ++j) {
    // Jones's conditions: some K > 0 with f_j - K d_j <= f_i - K d_i for all
    // classes i, and f_j - K d_j <= f_best - eps |f_best|.
    double k_low = 0, k_high = kInf;
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (i == j) continue;
      const double df = list[j].f - list[i].f, dd = list[j].d - list[i].d;
      if (dd > 0) {
        k_low = std::max(k_low, df / dd);
      } else {
        k_high = std::min(k_high, df / dd);  // dd < 0: classes have distinct measures
      }
    }
    if (k_low > k_high || k_high <= 0) continue;
    if (std::isfinite(k_high) && list[j].f - k_high * list[j].d > target) continue;
    chosen.insert(chosen.end(), list[j].members.begin(), list[j].members.end());
  }
  return chosen;
}

void Solver::divide(Index index) {
  Rect& parent0 = rects_[static_cast<std::size_t>(index)];
  const int m = *std::min_element(parent0.level.begin(), parent0.level.end());
  const double delta = std::pow(3.0, -(m + 1));
  std::vector<Index> dims;
  for (Index i = 0; i < n_; ++i) {
    if (parent0.level[static_cast<std::size_t>(i)] == m) dims.push_back(i);
  }
  // Sample along every longest side first.
  struct Probe {
    Index dim;
    Vector plus, minus;
    double f_plus, f_minus;
  };
  std::vector<Probe> probes;
  probes.reserve(dims.size());
  for (Index i : dims) {
    Probe p{i, rects_[static_cast<std::size_t>(index)].center, rects_[static_cast<std::size_t>(index)].center, 0, 0};
    p.plus(i) += delta;
    p.minus(i) -= delta;
    p.f_plus = evaluate(p.plus);
    p.f_minus = evaluate(p.minus);
    probes.push_back(std::move(p));
  }
  std::stable_sort(probes.begin(), probes.end(), [](const Probe& a, const Probe& b) {
    return std::min(a.f_plus, a.f_minus) < std::min(b.f_plus, b.f_minus);
  });
  for (Probe& p : probes) {
    std::vector<int> level = rects_[static_cast<std::size_t>(index)].level;
    level[static_cast<std::size_t>(p.dim)] = m + 1;
    rects_[static_cast<std::size_t>(index)].level = level;  // the middle third keeps the parent's center
    add(Rect{std::move(p.plus), level, p.f_plus});
    add(Rect{std::move(p.minus), level, p.f_minus});
  }
}

OptimizeResult Solver::solve() {
  rects_.reserve(static_cast<std::size_t>(maxfun_) + 2 * static_cast<std::size_t>(n_));
  add(Rect{Vector::Constant(n_, 0.5), std::vector<int>(static_cast<std::size_t>(n_), 0), 0});
  rects_[0].f = evaluate(rects_[0].center);
  best_ = 0;

  const auto f_min_reached = [&] {
    if (!std::isfinite(o_.f_min)) return false;
    const double fb = rects_[static_cast<std::size_t>(best_)].f;
    const double scale = o_.f_min == 0 ? 1.0 : std::abs(o_.f_min);
    return (fb - o_.f_min) / scale <= o_.f_min_rtol;
  };

  int status = 2;
  int nit = 0;
  if (f_min_reached()) {
    status = 3;
  } else {
    for (nit = 1; nit <= o_.maxiter; ++nit) {
      bool out_of_evaluations = false;
      for (Index r : select()) {
        if (nfev_ >= maxfun_) {
          out_of_evaluations = true;
          break;
        }
        divide(r);
      }
      if (o_.callback) {
        const Vector xk = lb_ + rects_[static_cast<std::size_t>(best_)].center.cwiseProduct(width_);
        o_.callback(xk);
      }
      if (f_min_reached()) {
        status = 3;
        break;
      }
      const Rect& b = rects_[static_cast<std::size_t>(best_)];
      double volume = 1;
      for (int k : b.level) volume *= std::pow(3.0, -k);
      if (volume <= o_.vol_tol) {
        status = 4;
        break;
      }
      if (measure(size_class(b, o_.locally_biased), n_, o_.locally_biased) <= o_.len_tol) {
        status = 5;
        break;
      }
      if (out_of_evaluations || nfev_ >= maxfun_) {
        status = 1;
        break;
      }
    }
    if (nit > o_.maxiter) nit = o_.maxiter;
  }

  OptimizeResult r;
  const Rect& b = rects_[static_cast<std::size_t>(best_)];
  r.x = lb_ + b.center.cwiseProduct(width_);
  r.fun = b.f;
  r.nfev = nfev_;
  r.nit = nit;
  r.status = status;
  r.success = status > 2;
  switch (status) {
    case 1: r.message = cat("Number of function evaluations done is larger than maxfun=", maxfun_); break;
    case 2: r.message = cat("Number of iterations is larger than maxiter=", o_.maxiter); break;
    case 3:
      r.message = cat("The best function value found is within a relative error=", o_.f_min_rtol,
                      " of the (known) global optimum f_min");
      break;
    case 4:
      r.message = cat("The volume of the hyperrectangle containing the lowest function value found is below vol_tol=",
                      o_.vol_tol);
      break;
    default:
      r.message = cat("The side length measure of the hyperrectangle containing the lowest function value found is "
                      "below len_tol=",
                      o_.len_tol);
  }
  return r;
}

}  // namespace

OptimizeResult direct(const Objective& func, const Bounds& bounds, const DirectOptions& options) {
  if (!func) throw ValueError(cat(kWhere, ": func is empty"));
  const DirectOptions& o = options;
  if (!(o.eps >= 0)) throw ValueError(cat(kWhere, ": eps must be >= 0, got ", o.eps));
  if (o.maxfun < 0) throw ValueError(cat(kWhere, ": maxfun must be >= 0, got ", o.maxfun));
  if (o.maxiter < 1) throw ValueError(cat(kWhere, ": maxiter must be >= 1, got ", o.maxiter));
  if (!(o.f_min_rtol >= 0)) throw ValueError(cat(kWhere, ": f_min_rtol must be >= 0, got ", o.f_min_rtol));
  if (!(o.vol_tol >= 0 && o.vol_tol <= 1)) throw ValueError(cat(kWhere, ": vol_tol must lie in [0, 1], got ", o.vol_tol));
  if (!(o.len_tol >= 0 && o.len_tol <= 1)) throw ValueError(cat(kWhere, ": len_tol must lie in [0, 1], got ", o.len_tol));
  if (std::isnan(o.f_min)) throw ValueError(cat(kWhere, ": f_min is NaN"));
  Solver solver(func, bounds, options);
  return solver.solve();
}

}  // namespace scilearn::optimize

// Differential evolution (Storn and Price 1997, "Differential Evolution - A
// Simple and Efficient Heuristic for Global Optimization over Continuous
// Spaces"), with the conventions of scipy.optimize.differential_evolution:
// members live in the unit cube and are scaled to the bounds for evaluation,
// the best member is kept in slot 0, a trial component that leaves the cube
// is redrawn uniformly, and the run stops when the population energies'
// standard deviation falls below atol + tol |mean|.
#include <scilearn/optimize/differential_evolution.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/core/validation.hpp>
#include <utility>

namespace scilearn::optimize {

namespace {

constexpr const char* kWhere = "differential_evolution";

enum class Base { best, rand, currenttobest, randtobest };

struct StrategyShape {
  Base base;
  int differences;   // difference vectors
  bool exponential;  // crossover kind
  int samples() const {
    // random members besides the target: the base (rand, randtobest) and two per difference
    return 2 * differences + ((base == Base::rand || base == Base::randtobest) ? 1 : 0);
  }
};

StrategyShape shape_of(DEStrategy s) {
  switch (s) {
    case DEStrategy::best1bin: return {Base::best, 1, false};
    case DEStrategy::best1exp: return {Base::best, 1, true};
    case DEStrategy::rand1bin: return {Base::rand, 1, false};
    case DEStrategy::rand1exp: return {Base::rand, 1, true};
    case DEStrategy::rand2bin: return {Base::rand, 2, false};
    case DEStrategy::rand2exp: return {Base::rand, 2, true};
    case DEStrategy::best2bin: return {Base::best, 2, false};
    case DEStrategy::best2exp: return {Base::best, 2, true};
    case DEStrategy::currenttobest1bin: return {Base::currenttobest, 1, false};
    case DEStrategy::currenttobest1exp: return {Base::currenttobest, 1, true};
    case DEStrategy::randtobest1bin: return {Base::randtobest, 1, false};
    case DEStrategy::randtobest1exp: return {Base::randtobest, 1, true};
  }
  throw ValueError(cat(kWhere, ": unknown strategy ", static_cast<int>(s)));
}

class Solver {
 public:
  Solver(const Objective& func, const Bounds& bounds, const DifferentialEvolutionOptions& o)
      : func_(func), o_(o), shape_(shape_of(o.strategy)), rng_(default_rng(o.seed)) {
    validate(bounds);
    init_population();
  }

  DifferentialEvolutionResult solve();

 private:
  void validate(const Bounds& bounds);
  void init_population();

  // Unit cube -> parameters, rounding integer variables (SciPy's _scale_parameters).
  void scale(const Eigen::Ref<const Vector>& unit, Vector& params) const {
    params = center_ + (unit.array() - 0.5).matrix().cwiseProduct(width_);
    if (any_integer_) {
      for (Index j = 0; j < n_; ++j) {
        if (integer_[static_cast<std::size_t>(j)]) params(j) = std::round(params(j));
      }
    }
  }

  double evaluate(const Eigen::Ref<const Vector>& unit) {
    scale(unit, params_);
    const double f = func_(params_);
    ++nfev_;
    return f;
  }

  // `count` distinct members other than `candidate`, uniformly (SciPy shuffles
  // the whole index list; rejection gives the same distribution in O(count)).
  void select_samples(Index candidate, int count) {
    for (int k = 0; k < count; ++k) {
      for (;;) {
        const auto r = static_cast<Index>(rng_.integers(0, static_cast<std::int64_t>(size_)));
        bool taken = r == candidate;
        for (int q = 0; q < k && !taken; ++q) taken = samples_[q] == r;
        if (!taken) {
          samples_[k] = r;
          break;
        }
      }
    }
  }

  // The mutant for `candidate` into bprime_ (unit cube), from the current population.
  void mutate(Index candidate);

  void ensure_in_cube(Vector& trial) {
    for (Index j = 0; j < n_; ++j) {
      if (trial(j) > 1 || trial(j) < 0) trial(j) = rng_.random();
    }
  }

  void promote_lowest() {
    Index best = -1;
    for (Index i = 0; i < size_; ++i) {  // the first minimum; NaN never wins
      if (!std::isnan(energies_(i)) && (best < 0 || energies_(i) < energies_(best))) best = i;
    }
    swap_members(0, std::max<Index>(best, 0));
  }

  void swap_members(Index a, Index b) {
    if (a == b) return;
    pop_.col(a).swap(pop_.col(b));
    std::swap(energies_(a), energies_(b));
  }

  bool converged() const {
    if ((energies_.array().isInf()).any()) return false;
    const double mean = energies_.mean();
    const double sd = std::sqrt((energies_.array() - mean).square().mean());
    return sd <= o_.atol + o_.tol * std::abs(mean);
  }

  void evolve_immediate();
  void evolve_deferred();

  DifferentialEvolutionResult result(int nit) const;

  const Objective& func_;
  const DifferentialEvolutionOptions& o_;
  StrategyShape shape_;
  Generator rng_;
  Index n_ = 0, size_ = 0;
  Vector lb_, ub_, center_, width_;
  std::vector<bool> integer_;
  bool any_integer_ = false, all_integer_ = false;
  Matrix pop_;       // n x size, one member per column, in the unit cube
  Vector energies_;  // f of each member
  Vector params_, bprime_;
  std::array<Index, 5> samples_{};
  double F_ = 0;
  int nfev_ = 0;
};

void Solver::validate(const Bounds& bounds) {
  if (bounds.lb.size() != bounds.ub.size()) {
    throw ValueError(cat(kWhere, ": bounds.lb has ", bounds.lb.size(), " entries but bounds.ub has ",
                         bounds.ub.size()));
  }
  check_non_empty(kWhere, "bounds", bounds.lb);
  for (Index j = 0; j < bounds.lb.size(); ++j) {
    if (!std::isfinite(bounds.lb(j)) || !std::isfinite(bounds.ub(j))) {
      throw ValueError(cat(kWhere, ": bounds must be finite, but bound ", j, " is [", bounds.lb(j), ", ",
                           bounds.ub(j), "]"));
    }
    if (bounds.lb(j) > bounds.ub(j)) {
      throw ValueError(cat(kWhere, ": bound ", j, " has lb = ", bounds.lb(j), " > ub = ", bounds.ub(j)));
    }
  }
  n_ = bounds.lb.size();
  if (o_.maxiter < 0) throw ValueError(cat(kWhere, ": maxiter must be >= 0, got ", o_.maxiter));
  if (o_.popsize < 1) throw ValueError(cat(kWhere, ": popsize must be >= 1, got ", o_.popsize));
  if (!(o_.tol >= 0) || !(o_.atol >= 0)) {
    throw ValueError(cat(kWhere, ": tol and atol must be >= 0, got ", o_.tol, " and ", o_.atol));
  }
  for (double m : o_.mutation) {
    if (!(m >= 0 && m < 2)) {
      throw ValueError(cat(kWhere, ": the mutation constants must lie in [0, 2), got (", o_.mutation[0], ", ",
                           o_.mutation[1], ")"));
    }
  }
  if (!(o_.recombination >= 0 && o_.recombination <= 1)) {
    throw ValueError(cat(kWhere, ": recombination must lie in [0, 1], got ", o_.recombination));
  }

  lb_ = bounds.lb;
  ub_ = bounds.ub;
  const auto flags = o_.integrality.size();
  if (flags != 0 && flags != 1 && flags != static_cast<std::size_t>(n_)) {
    throw ValueError(cat(kWhere, ": integrality has ", flags, " entries, expected 1 or ", n_));
  }
  integer_.assign(static_cast<std::size_t>(n_), false);
  for (Index j = 0; j < n_; ++j) {
    const auto uj = static_cast<std::size_t>(j);
    integer_[uj] = flags == 0 ? false : flags == 1 ? o_.integrality[0] : o_.integrality[uj];
    if (!integer_[uj]) continue;
    any_integer_ = true;
    const double lo = std::ceil(lb_(j)), hi = std::floor(ub_(j));
    if (lo > hi) {
      throw ValueError(cat(kWhere, ": integer variable ", j, " has no integer value in [", lb_(j), ", ", ub_(j),
                           "]"));
    }
    // Widen to the half-integers around so that rounding gives each integer
    // an equal share of the range (as SciPy does).
    lb_(j) = std::nextafter(lo - 0.5, std::numeric_limits<double>::infinity());
    ub_(j) = std::nextafter(hi + 0.5, -std::numeric_limits<double>::infinity());
  }
  all_integer_ = any_integer_ && std::all_of(integer_.begin(), integer_.end(), [](bool b) { return b; });
  center_ = 0.5 * (lb_ + ub_);
  width_ = (lb_ - ub_).cwiseAbs();
}

void Solver::init_population() {
  if (o_.init_population.size() > 0) {
    const Matrix& init = o_.init_population;
    if (init.rows() < 5 || init.cols() != n_) {
      throw ValueError(cat(kWhere, ": init_population must be S x ", n_, " with S >= 5, got ", init.rows(), " x ",
                           init.cols()));
    }
    check_finite(kWhere, "init_population", init);
    size_ = init.rows();
    pop_.resize(n_, size_);
    for (Index i = 0; i < size_; ++i) {
      for (Index j = 0; j < n_; ++j) {
        const double u = width_(j) > 0 ? (init(i, j) - center_(j)) / width_(j) + 0.5 : 0.5;
        pop_(j, i) = std::clamp(u, 0.0, 1.0);
      }
    }
  } else {
    const Index fixed = (lb_.array() == ub_.array()).count();
    size_ = std::max<Index>(5, static_cast<Index>(o_.popsize) * std::max<Index>(1, n_ - fixed));
    pop_.resize(n_, size_);
    if (o_.init == DEInit::random) {
      for (Index i = 0; i < size_; ++i) {
        for (Index j = 0; j < n_; ++j) pop_(j, i) = rng_.random();
      }
    } else {
      // Latin hypercube: coordinate j of the members takes one value in each
      // slice [k / S, (k + 1) / S), the slices dealt out in random order.
      const double segment = 1.0 / static_cast<double>(size_);
      for (Index j = 0; j < n_; ++j) {
        const Eigen::VectorX<Index> order = rng_.permutation(size_);
        for (Index i = 0; i < size_; ++i) {
          pop_(j, i) = (static_cast<double>(order(i)) + rng_.random()) * segment;
        }
      }
    }
  }
  if (o_.x0.size() > 0) {
    if (o_.x0.size() != n_) {
      throw ValueError(cat(kWhere, ": x0 has ", o_.x0.size(), " entries but the bounds have ", n_));
    }
    check_finite(kWhere, "x0", o_.x0);
    for (Index j = 0; j < n_; ++j) {
      const double u = width_(j) > 0 ? (o_.x0(j) - center_(j)) / width_(j) + 0.5 : 0.5;
      if (u > 1 || u < 0) {
        throw ValueError(cat(kWhere, ": x0 lies outside the bounds: entry ", j, " is ", o_.x0(j), ", bounds [",
                             lb_(j), ", ", ub_(j), "]"));
      }
      pop_(j, 0) = u;
    }
  }
  if (size_ < shape_.samples() + 1) {
    throw ValueError(cat(kWhere, ": the strategy draws ", shape_.samples(), " members besides the target, so the ",
                         "population needs at least ", shape_.samples() + 1, " members, got ", size_));
  }
  energies_ = Vector::Constant(size_, std::numeric_limits<double>::infinity());
  params_.resize(n_);
  bprime_.resize(n_);
}

void Solver::mutate(Index candidate) {
  select_samples(candidate, shape_.samples());
  const auto p = [&](Index k) { return pop_.col(k); };
  const auto& s = samples_;
  switch (shape_.base) {
    case Base::best:
      if (shape_.differences == 1) {
        bprime_ = p(0) + F_ * (p(s[0]) - p(s[1]));
      } else {
        bprime_ = p(0) + F_ * (p(s[0]) + p(s[1]) - p(s[2]) - p(s[3]));
      }
      break;
    case Base::rand:
      if (shape_.differences == 1) {
        bprime_ = p(s[0]) + F_ * (p(s[1]) - p(s[2]));
      } else {
        bprime_ = p(s[0]) + F_ * (p(s[1]) + p(s[2]) - p(s[3]) - p(s[4]));
      }
      break;
    case Base::currenttobest:
      bprime_ = p(candidate) + F_ * (p(0) - p(candidate) + p(s[0]) - p(s[1]));
      break;
    case Base::randtobest:
      bprime_ = p(s[0]);
      bprime_ += F_ * (p(0) - bprime_);
      bprime_ += F_ * (p(s[1]) - p(s[2]));
      break;
  }
}

void Solver::evolve_immediate() {
  Vector trial(n_);
  for (Index c = 0; c < size_; ++c) {
    const auto fill = static_cast<Index>(rng_.integers(0, static_cast<std::int64_t>(n_)));
    mutate(c);
    trial = pop_.col(c);
    if (shape_.exponential) {
      // The component at `fill` always crosses, then each next one (cyclically)
      // with probability CR until the first refusal.
      Index j = fill;
      for (Index k = 0; k < n_; ++k) {
        if (k > 0 && !(rng_.random() < o_.recombination)) break;
        trial(j) = bprime_(j);
        j = j + 1 == n_ ? 0 : j + 1;
      }
    } else {
      for (Index j = 0; j < n_; ++j) {
        if (rng_.random() < o_.recombination || j == fill) trial(j) = bprime_(j);
      }
    }
    ensure_in_cube(trial);
    const double energy = evaluate(trial);
    if (energy <= energies_(c)) {
      pop_.col(c) = trial;
      energies_(c) = energy;
      if (energy <= energies_(0)) swap_members(0, c);
    }
  }
}

void Solver::evolve_deferred() {
  Matrix trials(n_, size_);
  Vector trial(n_);
  for (Index c = 0; c < size_; ++c) {
    mutate(c);
    trials.col(c) = bprime_;
  }
  // SciPy draws the crossover points and masks for the whole generation after the mutants.
  for (Index c = 0; c < size_; ++c) {
    const auto fill = static_cast<Index>(rng_.integers(0, static_cast<std::int64_t>(n_)));
    trial = pop_.col(c);
    if (shape_.exponential) {
      Index j = fill;
      for (Index k = 0; k < n_; ++k) {
        if (k > 0 && !(rng_.random() < o_.recombination)) break;
        trial(j) = trials(j, c);
        j = j + 1 == n_ ? 0 : j + 1;
      }
    } else {
      for (Index j = 0; j < n_; ++j) {
        if (rng_.random() < o_.recombination || j == fill) trial(j) = trials(j, c);
      }
    }
    ensure_in_cube(trial);
    trials.col(c) = trial;
  }
  Vector trial_energies(size_);
  for (Index c = 0; c < size_; ++c) trial_energies(c) = evaluate(trials.col(c));
  for (Index c = 0; c < size_; ++c) {
    if (trial_energies(c) <= energies_(c)) {
      pop_.col(c) = trials.col(c);
      energies_(c) = trial_energies(c);
    }
  }
  promote_lowest();
}

DifferentialEvolutionResult Solver::result(int nit) const {
  DifferentialEvolutionResult r;
  Vector x(n_);
  scale(pop_.col(0), x);
  r.x = x;
  r.fun = energies_(0);
  r.nfev = nfev_;
  r.nit = nit;
  return r;
}

DifferentialEvolutionResult Solver::solve() {
  for (Index i = 0; i < size_; ++i) energies_(i) = evaluate(pop_.col(i));
  promote_lowest();

  int nit = 0;
  int status = 1;
  const bool dither = o_.mutation[0] != o_.mutation[1];
  const double f_low = std::min(o_.mutation[0], o_.mutation[1]), f_high = std::max(o_.mutation[0], o_.mutation[1]);
  F_ = f_low;
  for (int k = 1; k <= o_.maxiter; ++k) {
    nit = k;
    if (dither) F_ = rng_.uniform(f_low, f_high);
    if (o_.updating == DEUpdating::immediate) {
      evolve_immediate();
    } else {
      evolve_deferred();
    }
    if (o_.callback) {
      DifferentialEvolutionResult progress = result(nit);
      progress.message = "in progress";
      progress.success = true;
      if (o_.callback(progress)) {
        status = 99;
        break;
      }
    }
    if (converged()) {
      status = 0;
      break;
    }
  }

  DifferentialEvolutionResult r = result(nit);
  r.status = status;
  r.success = status == 0;
  r.message = status == 0    ? "Optimization terminated successfully."
              : status == 1 ? "Maximum number of iterations has been exceeded."
                            : "callback function requested stop early";

  if (o_.polish && !all_integer_) {
    // L-BFGS-B from the best member inside the (integer-widened) box, with
    // the integer variables pinned, as SciPy polishes. SciPy's minimize takes
    // variables with lb == ub out of the problem before L-BFGS-B sees them;
    // so do we, by polishing over the free variables only.
    std::vector<Index> free;
    for (Index j = 0; j < n_; ++j) {
      if (!integer_[static_cast<std::size_t>(j)] && lb_(j) < ub_(j)) free.push_back(j);
    }
    const auto m = static_cast<Index>(free.size());
    if (m > 0) {
      Vector full = r.x;
      Vector start(m), lo(m), hi(m);
      for (Index k = 0; k < m; ++k) {
        start(k) = r.x(free[static_cast<std::size_t>(k)]);
        lo(k) = lb_(free[static_cast<std::size_t>(k)]);
        hi(k) = ub_(free[static_cast<std::size_t>(k)]);
      }
      const Objective reduced = [&](const Vector& z) {
        for (Index k = 0; k < m; ++k) full(free[static_cast<std::size_t>(k)]) = z(k);
        return func_(full);
      };
      const OptimizeResult polished =
          minimize(reduced, start, {.method = Method::lbfgsb, .bounds = Bounds{lo, hi}});
      nfev_ += polished.nfev;
      r.nfev = nfev_;
      if (polished.fun < r.fun && polished.success && (polished.x.array() <= hi.array()).all() &&
          (lo.array() <= polished.x.array()).all()) {
        r.fun = polished.fun;
        r.jac = Vector::Zero(n_);
        for (Index k = 0; k < m; ++k) {
          const Index j = free[static_cast<std::size_t>(k)];
          r.x(j) = polished.x(k);
          if (polished.jac.size() == m) r.jac(j) = polished.jac(k);
        }
        energies_(0) = polished.fun;
        for (Index j = 0; j < n_; ++j) {
          pop_(j, 0) = width_(j) > 0 ? (r.x(j) - center_(j)) / width_(j) + 0.5 : 0.5;
        }
      }
    }
  }

  r.population.resize(size_, n_);
  Vector member(n_);
  for (Index i = 0; i < size_; ++i) {
    scale(pop_.col(i), member);
    r.population.row(i) = member.transpose();
  }
  r.population_energies = energies_;
  return r;
}

}  // namespace

DifferentialEvolutionResult differential_evolution(const Objective& func, const Bounds& bounds,
                                                   const DifferentialEvolutionOptions& options) {
  if (!func) throw ValueError(cat(kWhere, ": func is empty"));
  Solver solver(func, bounds, options);
  return solver.solve();
}

}  // namespace scilearn::optimize

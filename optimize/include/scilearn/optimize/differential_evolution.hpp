#pragma once
/// \file
/// scipy.optimize.differential_evolution: the global minimizer of Storn and
/// Price (1997) over a box, with SciPy 1.17's strategies, options, defaults,
/// stopping rule, polishing and result.
///
///     auto rastrigin = [](const scilearn::Vector& x) {
///       return 10.0 * x.size() + (x.array().square() - 10 * (2 * M_PI * x.array()).cos()).sum();
///     };
///     auto r = scilearn::optimize::differential_evolution(
///         rastrigin, {.lb = scilearn::Vector::Constant(2, -5.12), .ub = scilearn::Vector::Constant(2, 5.12)},
///         {.seed = 1});
///     // r.x near (0, 0), r.fun near 0, r.success
///
/// The random stream is scilearn's Generator, not NumPy's: for one seed the
/// run is reproducible bit for bit, but it follows a different path than
/// SciPy's run with the same seed; the two agree in distribution only.
/// Not supported (yet): SciPy's `constraints` (Lampinen's constraint handling),
/// `workers` / `vectorized`, a callable strategy or polisher, and the `sobol` /
/// `halton` initializations (pass an initial population matrix instead).

#include <array>
#include <cstdint>
#include <optional>
#include <scilearn/optimize/functions.hpp>
#include <scilearn/optimize/minimize.hpp>
#include <scilearn/optimize/result.hpp>
#include <vector>

namespace scilearn::optimize {

/// How a trial vector is built (SciPy's `strategy`): the mutant
/// (best / rand / currenttobest / randtobest, with one or two difference
/// vectors) crossed with the target member binomially (`bin`: each component
/// with probability `recombination`, one random component always) or
/// exponentially (`exp`: a run of consecutive components, cyclically, from a
/// random start, continued with probability `recombination`).
enum class DEStrategy {
  best1bin,  ///< b + F (r0 - r1)
  best1exp,
  rand1bin,  ///< r0 + F (r1 - r2)
  rand1exp,
  rand2bin,  ///< r0 + F (r1 + r2 - r3 - r4)
  rand2exp,
  best2bin,  ///< b + F (r0 + r1 - r2 - r3)
  best2exp,
  currenttobest1bin,  ///< x_i + F (b - x_i + r0 - r1)
  currenttobest1exp,
  randtobest1bin,  ///< r0 + F (b - r0) + F (r1 - r2)
  randtobest1exp,
};

/// How the initial population is drawn (SciPy's `init` strings).
enum class DEInit {
  latinhypercube,  ///< one point in each of popsize * n equal slices of every coordinate
  random,          ///< uniform over the box
};

/// When improved members replace their parents (SciPy's `updating`).
enum class DEUpdating {
  immediate,  ///< at once, so later trials of the same generation use them
  deferred,   ///< after the whole generation has been evaluated
};

/// Options of differential_evolution: SciPy's names and defaults.
struct DifferentialEvolutionOptions {
  DEStrategy strategy = DEStrategy::best1bin;
  /// Generations at most; the run also evaluates the initial population.
  int maxiter = 1000;
  /// Population size multiplier: popsize * (n - number of fixed variables)
  /// members, at least 5. Ignored when init_population is given.
  int popsize = 15;
  /// Stop when std(population energies) <= atol + tol * |mean(population energies)|.
  double tol = 0.01;
  double atol = 0;
  /// The differential weight F: drawn uniformly from [mutation[0],
  /// mutation[1]) once per generation (dithering); equal entries give a
  /// constant F. Each in [0, 2).
  std::array<double, 2> mutation{0.5, 1.0};
  /// The crossover probability CR, in [0, 1].
  double recombination = 0.7;
  /// Seed of scilearn's Generator; none: fresh entropy (not reproducible).
  std::optional<std::uint64_t> seed{};
  /// Called after each generation with x, fun (the best member), nit and
  /// nfev; returning true stops the run (success = false, status 99).
  Callback callback{};
  /// Polish the best member with minimize(L-BFGS-B) inside the bounds; its
  /// evaluations count into nfev, and its answer is kept only if better.
  bool polish = true;
  DEInit init = DEInit::latinhypercube;
  /// An initial population, one member per row (S x n, S >= 5), clipped to
  /// the bounds; when non-empty it replaces `init` and sets the size.
  Matrix init_population{};
  DEUpdating updating = DEUpdating::immediate;
  /// A starting guess inside the bounds; non-empty: it replaces the first
  /// member of the initial population.
  Vector x0{};
  /// Integer variables (SciPy's `integrality`): n flags, or one for all, or
  /// empty. Such variables take only the integers within their bounds, and
  /// polishing leaves them alone.
  std::vector<bool> integrality{};
};

/// What differential_evolution returns: OptimizeResult (x, fun, nfev, nit,
/// success, status, message; jac when the polish improved the answer) and
/// SciPy's extra fields.
struct DifferentialEvolutionResult : OptimizeResult {
  Matrix population{};         ///< the final population, one member per row (S x n), best first
  Vector population_energies{};  ///< f of each member
};

/// Minimizes func over the box bounds.lb <= x <= bounds.ub by differential
/// evolution, then (by default) polishes the best point with L-BFGS-B.
/// Requires: bounds.lb and bounds.ub of the same size n >= 1, finite, lb <=
/// ub; popsize >= 1, maxiter >= 0, tol, atol >= 0, mutation entries in
/// [0, 2), recombination in [0, 1]; init_population S x n with S >= 5 and
/// finite; x0 of size n within the bounds; integrality of size n or 1, with an
/// integer between the bounds of each integer variable; a population large
/// enough for the strategy's samples (S >= 6 for rand2).
/// Ensures: x within the bounds and fun = func(x) is the best value seen by
/// the population (or the polish); success = true and status 0 ("Optimization
/// terminated successfully.") when the population energies converged, else
/// status 1 ("Maximum number of iterations has been exceeded.") or, when the
/// callback stopped the run, status 99 ("callback function requested stop
/// early"); nfev counts every call of func, the polish's included; nit the
/// generations run.
/// Throws: ValueError on bad input; whatever func or the callback throws, unchanged.
/// Complexity: S (maxiter + 1) evaluations of func at most plus the polish,
/// and O(S n) work per generation besides them.
[[nodiscard]] DifferentialEvolutionResult differential_evolution(const Objective& func, const Bounds& bounds,
                                                                 const DifferentialEvolutionOptions& options = {});

}  // namespace scilearn::optimize

#pragma once
/// \file
/// scipy.optimize.dual_annealing: generalized simulated annealing (Tsallis
/// and Stariolo 1996; Xiang, Sun, Fan and Gong 1997) with a local search
/// after improvements ("dual" annealing), for the global minimum of a
/// function over a box.
///
/// \code
///     auto r = scilearn::optimize::dual_annealing(f, {.lb = lb, .ub = ub}, {.seed = 1});
/// \endcode
///
/// The random stream is scilearn's Generator, not NumPy's: a seed reproduces
/// our runs exactly, and SciPy's only in distribution.

#include <cstdint>
#include <functional>
#include <optional>
#include <scilearn/optimize/minimize.hpp>

namespace scilearn::optimize {

/// SciPy's dual_annealing `callback(x, f, context)`: called at each new best
/// point, with context 0 (found by annealing), 1 (by the local search after
/// an improvement) or 2 (by the local search of a stalled chain); returning
/// true stops the run.
using DualAnnealingCallback = std::function<bool(const Vector& x, double f, int context)>;

/// Options of dual_annealing: SciPy's names and defaults.
struct DualAnnealingOptions {
  int maxiter = 1000;  ///< annealing iterations (temperature steps), restarts included
  /// The local search's options (SciPy's `minimizer_kwargs`); empty (the
  /// default): L-BFGS-B inside the bounds with maxiter min(max(6 n, 100), 1000).
  std::optional<MinimizeOptions> minimizer_kwargs{};
  double initial_temp = 5230.0;       ///< in (0.01, 5e4]: the visiting temperature at the start
  double restart_temp_ratio = 2e-5;   ///< in (0, 1): restart when the temperature falls below initial_temp times this
  double visit = 2.62;                ///< the visiting distribution's q_v, in (1, 3]: heavier tails as it grows
  double accept = -5.0;               ///< the acceptance distribution's q_a, in (-1e4, -5]: more selective as it falls
  std::int64_t maxfun = 10'000'000;   ///< soft limit on evaluations (the local searches' included)
  std::optional<std::uint64_t> seed{};
  bool no_local_search = false;       ///< true: classical generalized simulated annealing, no local search
  DualAnnealingCallback callback{};
  Vector x0{};                        ///< the starting point; empty: uniform in the box
};

/// Minimizes func over lb <= x <= ub by dual annealing. Each iteration
/// proposes 2 n points from the Tsallis visiting distribution around the
/// current one (first all coordinates, then one at a time), accepts worse
/// ones with Tsallis' acceptance probability, and runs the local search from
/// the best point after it improved (and from the chain's best when it
/// stalls); the temperature falls as (2^(q_v-1) - 1) / ((k+1)^(q_v-1) - 1).
/// Result: x and fun of the best point, nit, nfev (local searches included),
/// njev / nhev (the local searches'), success (false when maxfun or the
/// callback ended the run), message (SciPy's texts, ';'-joined).
/// Requires: finite bounds with lb < ub, of one size; x0 empty or of that
/// size; the parameters in their ranges.
/// Throws: ValueError on bad input, or when func stays non-finite at 1000
/// random starting points; whatever func throws.
/// Complexity: per iteration 2 n evaluations and O(n) work, plus the local
/// searches.
[[nodiscard]] OptimizeResult dual_annealing(const Objective& func, const Bounds& bounds,
                                            const DualAnnealingOptions& options = {});

}  // namespace scilearn::optimize

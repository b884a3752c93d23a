#pragma once
/// \file
/// linalg::Trans: which of a, a^T, a^H a solver applies, as SciPy's `trans`
/// argument (0, 1, 2 or 'N', 'T', 'C') of solve_triangular and lu_solve.

namespace scilearn::linalg {

/// Which system a triangular or factored solve solves.
enum class Trans {
  N = 0,  ///< a x = b
  T = 1,  ///< a^T x = b
  C = 2,  ///< a^H x = b (the same as T for real a)
};

}  // namespace scilearn::linalg

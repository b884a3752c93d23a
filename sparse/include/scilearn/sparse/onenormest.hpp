#pragma once
/// \file
/// A lower bound on ||A||_1 from a few products with A and A^T
/// (scipy.sparse.linalg.onenormest): Higham & Tisseur's block 1-norm
/// estimator ("A block algorithm for matrix 1-norm estimation", SIAM J. Matrix
/// Anal. Appl. 21, 2000, Algorithm 2.4), the estimate of condest-type codes.
///
///     auto e = sparse::onenormest(a);            // e.est <= ||A||_1, usually equal
///     // ||A e.v||_1 == e.est ||e.v||_1, and e.w = A e.v

#include <cstdint>
#include <scilearn/core/types.hpp>
#include <scilearn/sparse/linear_operator.hpp>

namespace scilearn::sparse {

/// Options of onenormest (SciPy's keyword arguments and defaults).
struct OnenormestOptions {
  int t = 2;               ///< columns iterated at once: more is more reliable and costlier
  int itmax = 5;           ///< at most this many iterations (>= 2)
  std::uint64_t seed = 0;  ///< seeds the random +-1 starting columns (SciPy's are unseeded)
};

/// What onenormest returns: SciPy's (est, v, w), plus the work done.
struct OnenormEstimate {
  double est = 0;  ///< a lower bound on ||A||_1, attained by v: ||A v||_1 = est ||v||_1
  Vector v;        ///< a unit vector e_j (the column of A with the largest found 1-norm)
  Vector w;        ///< A v
  int nmults = 0;  ///< products of A or A^T with an n x t block
};

/// Estimates ||A||_1 = max_j sum_i |a_ij| of the square A. With t >= n it is
/// computed exactly from A applied to the identity (as SciPy).
/// Requires: A square with rmatvec (A^T x); t >= 1; itmax >= 2.
/// Throws: ValueError for a non-square A, no rmatvec, t < 1 or itmax < 2, or
/// an A that produces NaN / Inf.
/// Complexity: at most 2 itmax + 1 products with n x t blocks (n products when t >= n).
[[nodiscard]] OnenormEstimate onenormest(const LinearOperator& A, const OnenormestOptions& options = {});

}  // namespace scilearn::sparse

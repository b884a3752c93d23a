#pragma once
/// \file
/// Iterative least squares for any (rectangular) A: scipy.sparse.linalg.lsqr
/// (Paige & Saunders 1982) and lsmr (Fong & Saunders 2011). Both solve
///
///     min ||A x - b||^2 + damp^2 ||x||^2
///
/// by Golub-Kahan bidiagonalization, needing A x and A^T x (a LinearOperator
/// with rmatvec; matrices provide it). The result structs carry SciPy's tuple
/// fields by name.
///
///     auto r = sparse::lsmr(a, b, {.damp = 0.1, .atol = 1e-10, .btol = 1e-10});
///     // r.istop == 1: A x ~ b; 2: least-squares solution; 7: iteration limit
///
/// istop, as SciPy's:
///   0 x = 0 (or x0) is exact;  1 ||r|| / ||b|| <= btol + atol ||A|| ||x|| / ||b||;
///   2 ||A^T r|| / (||A|| ||r||) <= atol;  3 cond(A) estimate >= conlim;
///   4-6 the same tests at machine precision;  7 iteration limit.
///
/// Throws: ValueError if b has not A.rows() entries or is not finite, x0 (if
/// given) has not A.cols() entries or is not finite, A has no rmatvec, damp,
/// atol, btol or conlim is negative or not finite (conlim may be +inf; 0 means
/// no limit, as SciPy), or the iteration limit is negative.

#include <scilearn/core/types.hpp>
#include <scilearn/sparse/linear_operator.hpp>

namespace scilearn::sparse {

/// Options of lsqr (SciPy's keyword arguments and defaults).
struct LsqrOptions {
  double damp = 0.0;      ///< Tikhonov damping
  double atol = 1e-6;     ///< relative error expected in A (stopping tests 1 and 2)
  double btol = 1e-6;     ///< relative error expected in b (stopping test 1)
  double conlim = 1e8;    ///< stop when the cond(Abar) estimate exceeds it; 0: no limit
  int iter_lim = 0;       ///< iteration limit; 0: 2 n
  bool calc_var = false;  ///< also estimate diag((A^T A + damp^2 I)^-1) in `var`
  Vector x0{};            ///< starting guess; empty: zeros
};

/// scipy.sparse.linalg.lsqr's result tuple.
struct LsqrResult {
  Vector x;           ///< the solution
  int istop = 0;      ///< why it stopped (see the file comment)
  int itn = 0;        ///< iterations done
  double r1norm = 0;  ///< ||b - A x||
  double r2norm = 0;  ///< sqrt(||b - A x||^2 + damp^2 ||x||^2)
  double anorm = 0;   ///< Frobenius-norm estimate of [A; damp I]
  double acond = 0;   ///< condition-number estimate of [A; damp I]
  double arnorm = 0;  ///< ||A^T (b - A x) - damp^2 x||
  double xnorm = 0;   ///< ||x||
  Vector var;         ///< with calc_var, the variance estimates; zeros otherwise
};

/// LSQR (Paige & Saunders 1982).
/// Complexity: per iteration one matvec and one rmatvec, O(m + n) work.
[[nodiscard]] LsqrResult lsqr(const LinearOperator& A, const VectorView& b, const LsqrOptions& options = {});

/// Options of lsmr (SciPy's keyword arguments and defaults).
struct LsmrOptions {
  double damp = 0.0;    ///< Tikhonov damping
  double atol = 1e-6;   ///< relative error expected in A
  double btol = 1e-6;   ///< relative error expected in b
  double conlim = 1e8;  ///< stop when the cond(Abar) estimate exceeds it; 0: no limit
  int maxiter = 0;      ///< iteration limit; 0: min(m, n)
  Vector x0{};          ///< starting guess; empty: zeros
};

/// scipy.sparse.linalg.lsmr's result tuple.
struct LsmrResult {
  Vector x;           ///< the solution
  int istop = 0;      ///< why it stopped (see the file comment)
  int itn = 0;        ///< iterations done
  double normr = 0;   ///< ||b - A x||
  double normar = 0;  ///< ||A^T (b - A x)||
  double normA = 0;   ///< Frobenius-norm estimate of [A; damp I]
  double condA = 0;   ///< condition-number estimate of [A; damp I]
  double normx = 0;   ///< ||x||
};

/// LSMR (Fong & Saunders 2011): MINRES on the normal equations, so ||A^T r||
/// decreases monotonically; often stops earlier than LSQR on least-squares problems.
/// Complexity: per iteration one matvec and one rmatvec, O(m + n) work.
[[nodiscard]] LsmrResult lsmr(const LinearOperator& A, const VectorView& b, const LsmrOptions& options = {});

}  // namespace scilearn::sparse

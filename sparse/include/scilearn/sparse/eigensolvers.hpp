#pragma once
/// \file
/// A few eigenvalues and singular values of large sparse or matrix-free
/// operators (scipy.sparse.linalg.eigsh, eigs, svds), by ARPACK's implicitly
/// restarted Lanczos and Arnoldi methods (Lehoucq, Sorensen & Yang, "ARPACK
/// Users' Guide", SIAM 1998): the library SciPy itself calls.
///
///     // the 6 eigenvalues of a graph Laplacian nearest 0, by shift-invert
///     auto r = sparse::eigsh(laplacian, 6, {.sigma = -1e-3});
///     // r.eigenvalues ascending; r.eigenvectors.col(i) belongs to r.eigenvalues(i)
///     auto s = sparse::svds(x, 3);      // the 3 largest singular triplets
///
/// A is a LinearOperator, or a CsrMatrix, CscMatrix or Matrix (borrowed for the
/// call). Shift-invert (`sigma`) with a CsrMatrix or CscMatrix factorizes
/// A - sigma I once: CHOLMOD when that matrix is positive definite (tried first
/// by eigsh), else UMFPACK's LU. Any other A (matrix-free, dense, 64-bit
/// indices) needs OPinv, an operator applying (A - sigma I)^-1, as in SciPy.
///
/// One ARPACK run at a time: ARPACK keeps its state in static variables, so
/// concurrent calls take turns, and an operator that itself calls eigsh, eigs
/// or svds gets a ValueError.
///
/// Differences from SciPy:
///   - the starting vector is reproducible: when v0 is empty it is drawn
///     uniform on [-1, 1) from scilearn's Generator seeded with `seed` (ARPACK's
///     own draw, SciPy's default, changes from call to call);
///   - no convergence is not an exception (SciPy raises ArpackNoConvergence):
///     the result has `info` 1, the converged pairs only, and a message;
///   - the generalized problems (SciPy's M, Minv and the buckling / Cayley
///     modes) are not offered;
///   - k >= n (eigsh) or k >= n - 1 (eigs) throws (SciPy falls back to a dense
///     eigensolver);
///   - eigsh's eigenvalues come sorted ascending also without eigenvectors.
///
/// Throws (all three): ValueError for a non-square A (eigsh / eigs), k out of
/// range, ncv out of range, a bad `which`, v0 of the wrong size or not finite,
/// a negative tol or maxiter, OPinv without sigma or of the wrong shape, an A or
/// sigma with NaN / Inf; LinAlgError when A - sigma I is singular; BackendError
/// when ARPACK reports an internal error (its code and text in the message).
/// User callables that throw propagate their exception.

#include <Eigen/Core>
#include <complex>
#include <cstdint>
#include <optional>
#include <scilearn/core/types.hpp>
#include <scilearn/sparse/linear_operator.hpp>
#include <string>

namespace scilearn::sparse {

/// Which eigenvalues eigsh looks for (SciPy's `which`).
enum class EigshWhich {
  LM,  ///< largest magnitude (with sigma: those nearest sigma)
  SM,  ///< smallest magnitude (slow: prefer sigma = 0)
  LA,  ///< largest algebraic (rightmost)
  SA,  ///< smallest algebraic (leftmost)
  BE,  ///< both ends: k / 2 from each end, the extra one from the high end
};

/// Options of eigsh (SciPy's keyword arguments and defaults).
struct EigshOptions {
  std::optional<double> sigma{};           ///< shift-invert about sigma: eigenvalues nearest it
  EigshWhich which = EigshWhich::LM;       ///< which k eigenvalues (of A; with sigma, of (A - sigma I)^-1)
  Vector v0{};                             ///< starting vector; empty: random from `seed`
  std::uint64_t seed = 0;                  ///< seeds the starting vector when v0 is empty
  int ncv = 0;                             ///< Lanczos vectors, k < ncv <= n; 0: min(n, max(2k + 1, 20))
  int maxiter = 0;                         ///< restart limit; 0: 10 n
  double tol = 0.0;                        ///< relative accuracy of the Ritz values; 0: machine precision
  bool return_eigenvectors = true;         ///< false: eigenvalues only (cheaper)
  std::optional<LinearOperator> OPinv{};   ///< (A - sigma I)^-1 for a matrix-free A with sigma
};

/// What eigsh returns: SciPy's (w, v), plus how the run went.
struct EigshResult {
  Vector eigenvalues;   ///< ascending (ARPACK's order, as SciPy returns them)
  Matrix eigenvectors;  ///< n x k, orthonormal columns; empty without return_eigenvectors
  int info = 0;         ///< 0 converged, 1 the restart limit stopped it (the converged pairs only are returned)
  int nconv = 0;        ///< Ritz pairs that converged
  int niter = 0;        ///< restarts (Arnoldi update iterations) done
  int nops = 0;         ///< applications of the operator (A, or the shift-invert solve)
  std::string message;  ///< how it ended, in words
  /// True when info == 0.
  [[nodiscard]] bool success() const noexcept { return info == 0; }
};

/// k eigenvalues and eigenvectors of the real symmetric n x n A (scipy.sparse.
/// linalg.eigsh), by ARPACK's dsaupd / dseupd (mode 1, or mode 3 with sigma).
/// Only A's action is used; a non-symmetric A gives meaningless results, as in SciPy.
/// Requires: 0 < k < n.
/// Complexity: per restart ncv - k operator applications and O(n ncv^2) work;
/// with sigma and a matrix A, one sparse factorization first.
[[nodiscard]] EigshResult eigsh(const LinearOperator& A, int k = 6, const EigshOptions& options = {});
/// The same for a CSR matrix: with sigma, A - sigma I is factorized.
[[nodiscard]] EigshResult eigsh(const CsrMatrix& A, int k = 6, const EigshOptions& options = {});
/// The same for a CSC matrix.
[[nodiscard]] EigshResult eigsh(const CscMatrix& A, int k = 6, const EigshOptions& options = {});

/// Which eigenvalues eigs looks for (SciPy's `which`).
enum class EigsWhich {
  LM,  ///< largest magnitude (with sigma: those nearest sigma)
  SM,  ///< smallest magnitude
  LR,  ///< largest real part
  SR,  ///< smallest real part
  LI,  ///< largest imaginary part
  SI,  ///< smallest imaginary part
};

/// Options of eigs (SciPy's keyword arguments and defaults).
struct EigsOptions {
  std::optional<double> sigma{};           ///< real shift-invert about sigma (SciPy's mode 3 for real A)
  EigsWhich which = EigsWhich::LM;         ///< which k eigenvalues (with sigma, of (A - sigma I)^-1)
  Vector v0{};                             ///< starting vector; empty: random from `seed`
  std::uint64_t seed = 0;                  ///< seeds the starting vector when v0 is empty
  int ncv = 0;                             ///< Arnoldi vectors, k + 1 < ncv <= n; 0: min(n, max(2k + 1, 20))
  int maxiter = 0;                         ///< restart limit; 0: 10 n
  double tol = 0.0;                        ///< relative accuracy of the Ritz values; 0: machine precision
  bool return_eigenvectors = true;         ///< false: eigenvalues only
  std::optional<LinearOperator> OPinv{};   ///< (A - sigma I)^-1 for a matrix-free A with sigma
};

/// What eigs returns: SciPy's complex (w, v), plus how the run went.
struct EigsResult {
  Eigen::VectorXcd eigenvalues;   ///< k values (a conjugate pair is kept whole, in SciPy's order)
  Eigen::MatrixXcd eigenvectors;  ///< n x k, unit columns; empty without return_eigenvectors
  int info = 0;                   ///< 0 converged, 1 the restart limit stopped it (converged pairs only)
  int nconv = 0;                  ///< Ritz values that converged
  int niter = 0;                  ///< restarts done
  int nops = 0;                   ///< applications of the operator
  std::string message;            ///< how it ended, in words
  /// True when info == 0.
  [[nodiscard]] bool success() const noexcept { return info == 0; }
};

/// k eigenvalues and eigenvectors of the real square n x n A (scipy.sparse.
/// linalg.eigs), by ARPACK's dnaupd / dneupd. Complex eigenvalues of a real A
/// come in conjugate pairs; where ARPACK returns k + 1 values to keep a pair
/// whole, the k that best match `which` are kept, as SciPy does.
/// Requires: 0 < k < n - 1.
/// Complexity: per restart ncv - k operator applications and O(n ncv^2) work.
[[nodiscard]] EigsResult eigs(const LinearOperator& A, int k = 6, const EigsOptions& options = {});
/// The same for a CSR matrix: with sigma, A - sigma I is factorized by LU.
[[nodiscard]] EigsResult eigs(const CsrMatrix& A, int k = 6, const EigsOptions& options = {});
/// The same for a CSC matrix.
[[nodiscard]] EigsResult eigs(const CscMatrix& A, int k = 6, const EigsOptions& options = {});

/// Which singular values svds looks for.
enum class SvdsWhich {
  LM,  ///< largest
  SM,  ///< smallest (of the min(m, n) singular values)
};

/// Options of svds (SciPy's keyword arguments and defaults, solver "arpack").
struct SvdsOptions {
  SvdsWhich which = SvdsWhich::LM;     ///< largest or smallest
  Vector v0{};                         ///< starting vector, of size min(m, n); empty: random from `seed`
  std::uint64_t seed = 0;              ///< seeds the starting vector when v0 is empty
  int ncv = 0;                         ///< Lanczos vectors; 0: eigsh's default
  int maxiter = 0;                     ///< restart limit; 0: 10 min(m, n)
  double tol = 0.0;                    ///< relative accuracy of the singular values; 0: machine precision
  bool return_singular_vectors = true; ///< false: singular values only
};

/// What svds returns: SciPy's (u, s, vh), plus how the run went.
struct SvdsResult {
  Matrix u;             ///< m x k left singular vectors; empty without return_singular_vectors
  Vector s;             ///< k singular values, ascending (SciPy's order)
  Matrix vh;            ///< k x n right singular vectors (rows); empty without return_singular_vectors
  int info = 0;         ///< 0 converged, 1 the restart limit stopped it (converged triplets only)
  int nconv = 0;        ///< triplets that converged
  int nops = 0;         ///< applications of A and A^T together
  std::string message;  ///< how it ended, in words
  /// True when info == 0.
  [[nodiscard]] bool success() const noexcept { return info == 0; }
};

/// k singular values and vectors of the m x n A (scipy.sparse.linalg.svds,
/// solver "arpack"): eigsh on the smaller Gram operator A^T A (or A A^T) with
/// tolerance tol^2, its eigenvectors orthonormalized, then the dense SVD of
/// A V gives U, s and the rotated V, as SciPy 1.17 does. Needs A^T (rmatvec).
/// Singular values below about sqrt(eps) ||A|| lose relative accuracy through
/// the Gram operator (as in SciPy); prefer eigsh on [0 A; A^T 0] for those.
/// Requires: 0 < k < min(m, n).
/// Throws: ValueError as eigsh, and for an operator without rmatvec.
/// Complexity: per restart ncv - k products with A and with A^T, O(max(m, n) ncv^2).
[[nodiscard]] SvdsResult svds(const LinearOperator& A, int k = 6, const SvdsOptions& options = {});

}  // namespace scilearn::sparse

#pragma once
/// \file
/// Special matrices, as scipy.linalg's builders: toeplitz, circulant, hankel,
/// companion, block_diag, kron (numpy.kron), leslie, fiedler (generic over the
/// scalar type), and hilbert, invhilbert, pascal, hadamard, dft, helmert.
///
/// SciPy's 1-D arrays are Eigen vectors here (column or row, either is
/// accepted where SciPy takes a 1-D array); results are dense matrices.

#include <complex>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/types.hpp>
#include <type_traits>
#include <vector>

namespace scilearn::linalg {

/// Which Pascal matrix pascal() builds (SciPy's `kind`).
enum class PascalKind {
  symmetric,  ///< P(i, j) = C(i + j, i), SciPy's default
  lower,      ///< L(i, j) = C(i, j), lower triangular (P = L L^T)
  upper,      ///< the transpose of lower
};

/// Normalization of dft() (SciPy's `scale`).
enum class DftScale {
  none,   ///< no normalization (SciPy's None)
  sqrtn,  ///< divided by sqrt(n): unitary ('sqrtn')
  n,      ///< divided by n ('n')
};

namespace detail {
/// Throws ValueError naming `where` unless v has at most one row or one column.
void check_builder_vector(const char* where, const char* name, Index rows, Index cols);

/// v as a column vector, after check_builder_vector.
template <class Derived>
VectorT<typename Derived::Scalar> as_vector(const char* where, const char* name, const Eigen::MatrixBase<Derived>& v) {
  check_builder_vector(where, name, v.rows(), v.cols());
  return v.reshaped();
}
}  // namespace detail

/// Toeplitz matrix with first column c and first row r, as scipy.linalg.toeplitz(c, r):
/// T(i, j) = c(i - j) for i >= j, r(j - i) for i < j; r(0) is ignored.
///
/// \param c  vector of m entries (any scalar type), \param r  vector of n entries, c's scalar.
/// \returns  m x n matrix. Throws ValueError when c or r is not a vector.
/// Complexity: O(m n).
/// \code
///   Matrix t = linalg::toeplitz(Vector{{1, 2, 3}}, Vector{{1, 4, 5, 6}});
///   // {{1, 4, 5, 6}, {2, 1, 4, 5}, {3, 2, 1, 4}}
/// \endcode
template <class DerivedC, class DerivedR>
MatrixT<typename DerivedC::Scalar> toeplitz(const Eigen::MatrixBase<DerivedC>& c,
                                            const Eigen::MatrixBase<DerivedR>& r) {
  using Scalar = typename DerivedC::Scalar;
  static_assert(std::is_same_v<Scalar, typename DerivedR::Scalar>, "toeplitz: c and r must have the same scalar type");
  const VectorT<Scalar> cv = detail::as_vector("toeplitz", "c", c);
  const VectorT<Scalar> rv = detail::as_vector("toeplitz", "r", r);
  MatrixT<Scalar> t(cv.size(), rv.size());
  for (Index j = 0; j < t.cols(); ++j)
    for (Index i = 0; i < t.rows(); ++i) t(i, j) = i >= j ? cv(i - j) : rv(j - i);
  return t;
}

/// Toeplitz matrix with first column c and first row conj(c) (Hermitian when
/// c(0) is real), as scipy.linalg.toeplitz(c). \returns n x n.
/// \code
///   Matrix t = linalg::toeplitz(Vector{{1, 2, 3}});   // {{1, 2, 3}, {2, 1, 2}, {3, 2, 1}}
/// \endcode
template <class DerivedC>
MatrixT<typename DerivedC::Scalar> toeplitz(const Eigen::MatrixBase<DerivedC>& c) {
  return toeplitz(c, c.conjugate());
}

/// Circulant matrix with first column c, as scipy.linalg.circulant:
/// C(i, j) = c((i - j) mod n). \returns n x n. Throws ValueError when c is not a vector.
/// \code
///   Matrix m = linalg::circulant(Vector{{1, 2, 3}});   // {{1, 3, 2}, {2, 1, 3}, {3, 2, 1}}
/// \endcode
template <class DerivedC>
MatrixT<typename DerivedC::Scalar> circulant(const Eigen::MatrixBase<DerivedC>& c) {
  using Scalar = typename DerivedC::Scalar;
  const VectorT<Scalar> cv = detail::as_vector("circulant", "c", c);
  const Index n = cv.size();
  MatrixT<Scalar> m(n, n);
  for (Index j = 0; j < n; ++j)
    for (Index i = 0; i < n; ++i) m(i, j) = cv((i - j + n) % n);
  return m;
}

/// Hankel matrix with first column c and last row r, as scipy.linalg.hankel(c, r):
/// H(i, j) = c(i + j) for i + j < m, r(i + j - m + 1) otherwise; r(0) is ignored.
/// \returns m x n. Throws ValueError when c or r is not a vector.
/// \code
///   Matrix h = linalg::hankel(Vector{{1, 2, 3}}, Vector{{4, 7, 7, 8}});
///   // {{1, 2, 3, 7}, {2, 3, 7, 7}, {3, 7, 7, 8}}
/// \endcode
template <class DerivedC, class DerivedR>
MatrixT<typename DerivedC::Scalar> hankel(const Eigen::MatrixBase<DerivedC>& c, const Eigen::MatrixBase<DerivedR>& r) {
  using Scalar = typename DerivedC::Scalar;
  static_assert(std::is_same_v<Scalar, typename DerivedR::Scalar>, "hankel: c and r must have the same scalar type");
  const VectorT<Scalar> cv = detail::as_vector("hankel", "c", c);
  const VectorT<Scalar> rv = detail::as_vector("hankel", "r", r);
  const Index m = cv.size();
  MatrixT<Scalar> h(m, rv.size());
  for (Index j = 0; j < h.cols(); ++j)
    for (Index i = 0; i < m; ++i) h(i, j) = i + j < m ? cv(i + j) : rv(i + j - m + 1);
  return h;
}

/// Hankel matrix with first column c and zeros below the anti-diagonal, as
/// scipy.linalg.hankel(c). \returns m x m.
template <class DerivedC>
MatrixT<typename DerivedC::Scalar> hankel(const Eigen::MatrixBase<DerivedC>& c) {
  using Scalar = typename DerivedC::Scalar;
  return hankel(c, VectorT<Scalar>::Zero(c.size()));
}

/// Companion matrix of the polynomial a(0) x^(n-1) + ... + a(n-1), as
/// scipy.linalg.companion: first row -a(1:) / a(0), ones on the sub-diagonal;
/// its eigenvalues are the polynomial's roots.
///
/// \returns (n - 1) x (n - 1), double for an integer a (as SciPy), else a's scalar.
/// Throws:  ValueError when a is not a vector, has fewer than 2 entries, or a(0) == 0.
/// \code
///   Matrix m = linalg::companion(Vector{{1, -10, 31, -30}});   // {{10, -31, 30}, {1, 0, 0}, {0, 1, 0}}
/// \endcode
template <class DerivedA>
auto companion(const Eigen::MatrixBase<DerivedA>& a) {
  using In = typename DerivedA::Scalar;
  using Scalar = std::conditional_t<std::is_integral_v<In>, double, In>;
  const VectorT<Scalar> av = detail::as_vector("companion", "a", a).template cast<Scalar>();
  const Index n = av.size();
  if (n < 2) throw ValueError(cat("companion: a has ", n, " entries; it must have at least 2"));
  if (av(0) == Scalar(0)) throw ValueError("companion: the first coefficient a(0) must not be zero");
  MatrixT<Scalar> m = MatrixT<Scalar>::Zero(n - 1, n - 1);
  for (Index j = 0; j < n - 1; ++j) m(0, j) = -av(j + 1) / av(0);
  for (Index i = 1; i < n - 1; ++i) m(i, i - 1) = Scalar(1);
  return m;
}

/// Block diagonal matrix of the given blocks, as scipy.linalg.block_diag.
/// Blocks keep their Eigen shape (an Eigen column vector is an n x 1 block; a
/// SciPy 1-D array is a 1 x n row). Empty blocks take rows or columns as their
/// shape says, as SciPy. No blocks: a 1 x 0 matrix (SciPy's block_diag()).
/// \returns  (sum of rows) x (sum of cols). Complexity: O(size of the result).
/// \code
///   Matrix m = linalg::block_diag(std::vector<Matrix>{Matrix{{1, 0}, {0, 1}}, Matrix{{3, 4, 5}}});
///   // {{1, 0, 0, 0, 0}, {0, 1, 0, 0, 0}, {0, 0, 3, 4, 5}}
/// \endcode
template <class Scalar>
MatrixT<Scalar> block_diag(const std::vector<MatrixT<Scalar>>& blocks) {
  if (blocks.empty()) return MatrixT<Scalar>(1, 0);
  Index rows = 0, cols = 0;
  for (const auto& b : blocks) {
    rows += b.rows();
    cols += b.cols();
  }
  MatrixT<Scalar> out = MatrixT<Scalar>::Zero(rows, cols);
  Index r = 0, c = 0;
  for (const auto& b : blocks) {
    out.block(r, c, b.rows(), b.cols()) = b;
    r += b.rows();
    c += b.cols();
  }
  return out;
}

/// block_diag() of Eigen expressions of one scalar type: block_diag(a, b, c).
template <class Derived, class... Rest>
MatrixT<typename Derived::Scalar> block_diag(const Eigen::MatrixBase<Derived>& first,
                                             const Eigen::MatrixBase<Rest>&... rest) {
  using Scalar = typename Derived::Scalar;
  static_assert((std::is_same_v<Scalar, typename Rest::Scalar> && ...),
                "block_diag: all blocks must have the same scalar type");
  return block_diag(std::vector<MatrixT<Scalar>>{MatrixT<Scalar>(first), MatrixT<Scalar>(rest)...});
}

/// Kronecker product, as numpy.kron for 2-D arrays (scipy.linalg.kron, its
/// former alias, is gone from SciPy 1.17): K(i p + k, j q + l) = a(i, j) b(k, l)
/// for a m x n and b p x q.
/// \returns (m p) x (n q). Complexity: O(m n p q).
/// \code
///   Matrix k = linalg::kron(Matrix{{1, 2}, {3, 4}}, Matrix{{1, 1, 1}});
///   // {{1, 1, 1, 2, 2, 2}, {3, 3, 3, 4, 4, 4}}
/// \endcode
template <class DerivedA, class DerivedB>
MatrixT<typename DerivedA::Scalar> kron(const Eigen::MatrixBase<DerivedA>& a, const Eigen::MatrixBase<DerivedB>& b) {
  using Scalar = typename DerivedA::Scalar;
  static_assert(std::is_same_v<Scalar, typename DerivedB::Scalar>, "kron: a and b must have the same scalar type");
  const MatrixT<Scalar> bm = b;
  MatrixT<Scalar> k(a.rows() * bm.rows(), a.cols() * bm.cols());
  for (Index j = 0; j < a.cols(); ++j)
    for (Index i = 0; i < a.rows(); ++i) k.block(i * bm.rows(), j * bm.cols(), bm.rows(), bm.cols()) = a(i, j) * bm;
  return k;
}

/// Leslie matrix (population model), as scipy.linalg.leslie: first row the
/// fecundity coefficients f, sub-diagonal the survival coefficients s.
/// \returns n x n with n = f.size(). Throws ValueError unless s.size() == n - 1 >= 1.
/// \code
///   Matrix l = linalg::leslie(Vector{{0.1, 2.0, 1.0, 0.1}}, Vector{{0.2, 0.8, 0.7}});
/// \endcode
template <class DerivedF, class DerivedS>
MatrixT<typename DerivedF::Scalar> leslie(const Eigen::MatrixBase<DerivedF>& f, const Eigen::MatrixBase<DerivedS>& s) {
  using Scalar = typename DerivedF::Scalar;
  static_assert(std::is_same_v<Scalar, typename DerivedS::Scalar>, "leslie: f and s must have the same scalar type");
  const VectorT<Scalar> fv = detail::as_vector("leslie", "f", f);
  const VectorT<Scalar> sv = detail::as_vector("leslie", "s", s);
  if (fv.size() != sv.size() + 1) {
    throw ValueError(
        cat("leslie: f has ", fv.size(), " entries and s ", sv.size(), "; s must have one entry less than f"));
  }
  if (sv.size() == 0) throw ValueError("leslie: s must have at least 1 entry");
  const Index n = fv.size();
  MatrixT<Scalar> l = MatrixT<Scalar>::Zero(n, n);
  l.row(0) = fv.transpose();
  for (Index i = 1; i < n; ++i) l(i, i - 1) = sv(i - 1);
  return l;
}

/// Fiedler matrix, as scipy.linalg.fiedler: F(i, j) = |a(i) - a(j)|
/// (symmetric, zero diagonal). \returns n x n of a's real type (an empty a: 0 x 0,
/// where SciPy returns an empty 1-D array). Throws ValueError when a is not a vector.
/// \code
///   Matrix f = linalg::fiedler(Vector{{1, 4, 12}});   // {{0, 3, 11}, {3, 0, 8}, {11, 8, 0}}
/// \endcode
template <class DerivedA>
auto fiedler(const Eigen::MatrixBase<DerivedA>& a) {
  using Scalar = typename DerivedA::Scalar;
  using Real = typename Eigen::NumTraits<Scalar>::Real;
  const VectorT<Scalar> av = detail::as_vector("fiedler", "a", a);
  const Index n = av.size();
  MatrixT<Real> f(n, n);
  using std::abs;
  for (Index j = 0; j < n; ++j)
    for (Index i = 0; i < n; ++i) f(i, j) = static_cast<Real>(abs(av(i) - av(j)));
  return f;
}

/// Hilbert matrix, as scipy.linalg.hilbert: H(i, j) = 1 / (i + j + 1).
/// \returns n x n (0 x 0 for n = 0); famously ill-conditioned (cond_2 ~ e^(3.5 n)).
/// Throws ValueError for n < 0. Complexity: O(n^2).
/// \code
///   Matrix h = linalg::hilbert(3);   // {{1, 1/2, 1/3}, {1/2, 1/3, 1/4}, {1/3, 1/4, 1/5}}
/// \endcode
Matrix hilbert(Index n);

/// Inverse of the Hilbert matrix, as scipy.linalg.invhilbert (exact = false),
/// from the closed form (-1)^(i+j) (i+j+1) C(n+i, n-j-1) C(n+j, n-i-1) C(i+j, i)^2.
/// \returns n x n of integers, each the double nearest the exact value: exact
///          for n <= 12 (entries below 2^53; SciPy's exact=True int64 values
///          up to n = 14, rounded as NumPy converts them); +-inf entries from
///          n = 204 on, beyond the double range, as SciPy.
/// Throws ValueError for n < 0. Complexity: O(n^2) (binomials by recurrence).
/// \code
///   Matrix h = linalg::invhilbert(2);   // {{4, -6}, {-6, 12}}
/// \endcode
Matrix invhilbert(Index n);

/// Pascal matrix, as scipy.linalg.pascal (exact = true): binomial coefficients.
/// \returns n x n; entries are exact integers while below 2^53 and correctly
///          rounded while below 2^64 (SciPy returns uint64 up to n = 34, Python
///          integers beyond). Throws ValueError for n < 0.
/// \code
///   Matrix p = linalg::pascal(3);   // {{1, 1, 1}, {1, 2, 3}, {1, 3, 6}}
/// \endcode
Matrix pascal(Index n, PascalKind kind = PascalKind::symmetric);

/// Sylvester's Hadamard matrix, as scipy.linalg.hadamard: entries +-1,
/// H H^T = n I. \returns n x n. Throws ValueError unless n is a power of 2 (n >= 1).
/// \code
///   Matrix h = linalg::hadamard(2);   // {{1, 1}, {1, -1}}
/// \endcode
Matrix hadamard(Index n);

/// Discrete Fourier transform matrix, as scipy.linalg.dft:
/// m(j, k) = exp(-2 pi i j k / n) (times 1 / sqrt(n) or 1 / n with scale), so
/// m x = fft(x). \returns n x n complex (0 x 0 for n = 0). Throws ValueError for n < 0.
/// \code
///   MatrixT<std::complex<double>> m = linalg::dft(4, linalg::DftScale::sqrtn);   // unitary
/// \endcode
MatrixT<std::complex<double>> dft(Index n, DftScale scale = DftScale::none);

/// Helmert matrix, as scipy.linalg.helmert: orthogonal, first row all
/// 1 / sqrt(n); row i (>= 1) holds 1 / sqrt(i (i + 1)) i times, then -i / sqrt(i (i + 1)).
/// \returns (n - 1) x n without the first row (default, SciPy's full=False), n x n with full.
/// Throws ValueError for n < 1 (SciPy raises IndexError for 0).
/// \code
///   Matrix h = linalg::helmert(3, true);   // h h^T = I
/// \endcode
Matrix helmert(Index n, bool full = false);

}  // namespace scilearn::linalg

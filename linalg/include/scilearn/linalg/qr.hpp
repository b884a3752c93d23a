#pragma once
/// \file
/// QR and RQ decompositions, as scipy.linalg.qr, qr_multiply and rq, and linalg::QR, a
/// factorization object (Eigen style) that factors once and solves many
/// (least-squares) right-hand sides.

#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/types.hpp>
#include <type_traits>
#include <utility>

namespace scilearn::linalg {

/// What qr() returns, as scipy.linalg.qr's `mode`; a being m x n, k = min(m, n).
enum class QrMode {
  full,      ///< q m x m, r m x n (SciPy's default)
  economic,  ///< q m x k, r k x n
  r,         ///< r only, m x n (q is left empty)
  raw,       ///< LAPACK's compact form: q is geqrf's m x n output, tau its k scalars; r k x n
};

/// Options of qr(), with scipy.linalg.qr's names and defaults.
struct QrOptions {
  /// Which factors, and their shapes (see QrMode).
  QrMode mode = QrMode::full;
  /// Column pivoting (LAPACK ?geqp3): a(:, p) = q r with |r(i, i)| non-increasing,
  /// which reveals the numerical rank. Off: ?geqrf.
  bool pivoting = false;
  /// Check that a contains only finite numbers (ValueError otherwise).
  bool check_finite = true;
};

/// Result of qr(): a = q r, or a(:, p) = q r with pivoting; a being m x n and
/// k = min(m, n). `auto [q, r, p, tau] = qr(a);` works.
template <LapackScalar Scalar>
struct QrResult {
  /// Unitary (real: orthogonal) factor: m x m (full) or its first k columns
  /// (economic); 0 x 0 for mode r. For mode raw: ?geqrf's (?geqp3's) m x n
  /// output, r on and above the diagonal, the Householder vectors below it.
  MatrixT<Scalar> q;
  /// Upper trapezoidal factor: m x n (full, r) or its first k rows (economic, raw).
  MatrixT<Scalar> r;
  /// With pivoting, n column indices (0-based, SciPy's P): column j of q r is
  /// column p(j) of a. Empty without pivoting.
  IndexVector p;
  /// For mode raw, the k Householder scalars (SciPy's tau); empty otherwise.
  VectorT<Scalar> tau;
};

/// What rq() returns, as scipy.linalg.rq's `mode`; a being m x n, k = min(m, n).
enum class RqMode {
  full,      ///< r m x n, q n x n (SciPy's default)
  economic,  ///< r m x k, q k x n
  r,         ///< r only, m x n (q is left empty)
};

/// Options of rq(), with scipy.linalg.rq's names and defaults.
struct RqOptions {
  /// Which factors, and their shapes (see RqMode).
  RqMode mode = RqMode::full;
  /// Check that a contains only finite numbers (ValueError otherwise).
  bool check_finite = true;
};

/// Result of rq(): a = r q, in SciPy's order (R, Q). `auto [r, q] = rq(a);` works.
template <LapackScalar Scalar>
struct RqResult {
  /// Upper trapezoidal factor, m x n (full, r) or m x k (economic): its
  /// non-zero part lies on and above the diagonal that ends in the
  /// bottom-right corner (SciPy's triu(r, n - m)).
  MatrixT<Scalar> r;
  /// Unitary (real: orthogonal) factor with orthonormal rows: n x n (full) or
  /// its last k rows (economic); 0 x 0 for mode r.
  MatrixT<Scalar> q;
};

/// Which product qr_multiply() forms, as scipy.linalg.qr_multiply's `mode`.
enum class QrMultiplyMode {
  left,   ///< q @ c, c with min(m, n) rows
  right,  ///< c @ q, c with m columns (SciPy's default)
};

/// Options of qr_multiply(), with scipy.linalg.qr_multiply's names and defaults.
struct QrMultiplyOptions {
  /// q @ c (left) or c @ q (right); q is the economic m x k factor.
  QrMultiplyMode mode = QrMultiplyMode::right;
  /// Column pivoting, as QrOptions::pivoting.
  bool pivoting = false;
  /// Multiply by q's complex conjugate (no effect for real a).
  bool conjugate = false;
};

/// Result of qr_multiply(), SciPy's (CQ, R[, P]). `auto [cq, r, p] = qr_multiply(a, c);` works.
/// CQ is VectorT<Scalar> when c is a vector type (SciPy's 1-D c), else MatrixT<Scalar>.
template <class Scalar, class CQ = MatrixT<Scalar>>
struct QrMultiplyResult {
  /// q @ c (m x c.cols()) or c @ q (c.rows() x k); a vector of m (left) or k
  /// (right) entries for a vector c. Empty c: c's own shape (SciPy's empty_like(c)).
  CQ cq;
  /// k x n upper trapezoidal factor (qr()'s economic r).
  MatrixT<Scalar> r;
  /// With pivoting, the n column indices (a(:, p) = q r); empty otherwise.
  IndexVector p;
};

/// Options of QR::compute().
struct QrFactorOptions {
  /// Column pivoting, as QrOptions::pivoting.
  bool pivoting = false;
  /// Check that a contains only finite numbers (ValueError otherwise).
  bool check_finite = true;
};

/// Status of a QR factorization (QR::info()).
enum class QrInfo {
  success,         ///< r(i, i) != 0 for i < min(m, n)
  rank_deficient,  ///< some r(i, i) is exactly zero: the factors are valid, solve() throws
};

namespace detail {
// The compiled implementation, one plain overload per LAPACK scalar type.

/// Factors a in place into LAPACK's compact form by ?geqrf (?geqp3 with
/// pivoting): tau gets the k scalars, p the 0-based column permutation (empty
/// without pivoting). Validates a first. Returns 0, or i + 1 for the first
/// exactly zero r(i, i), i < k.
Index qr_factor_in_place(const char* where, MatrixT<float>& a, VectorT<float>& tau, IndexVector& p,
                         const QrFactorOptions& options);
Index qr_factor_in_place(const char* where, MatrixT<double>& a, VectorT<double>& tau, IndexVector& p,
                         const QrFactorOptions& options);
Index qr_factor_in_place(const char* where, MatrixT<std::complex<float>>& a, VectorT<std::complex<float>>& tau,
                         IndexVector& p, const QrFactorOptions& options);
Index qr_factor_in_place(const char* where, MatrixT<std::complex<double>>& a, VectorT<std::complex<double>>& tau,
                         IndexVector& p, const QrFactorOptions& options);

/// Builds qr()'s result for `mode` from the compact factor (p as qr_factor_in_place set it).
void qr_unpack(const char* where, const MatrixT<float>& compact, const VectorT<float>& tau, const IndexVector& p,
               QrMode mode, QrResult<float>& out);
void qr_unpack(const char* where, const MatrixT<double>& compact, const VectorT<double>& tau, const IndexVector& p,
               QrMode mode, QrResult<double>& out);
void qr_unpack(const char* where, const MatrixT<std::complex<float>>& compact, const VectorT<std::complex<float>>& tau,
               const IndexVector& p, QrMode mode, QrResult<std::complex<float>>& out);
void qr_unpack(const char* where, const MatrixT<std::complex<double>>& compact,
               const VectorT<std::complex<double>>& tau, const IndexVector& p, QrMode mode,
               QrResult<std::complex<double>>& out);

/// Least-squares solve from the compact factor of an m x n a (m >= n, no
/// exactly zero r(i, i)): x holds the m x k b on entry, the n x k solution on exit.
void qr_solve_in_place(const char* where, const MatrixT<float>& compact, const VectorT<float>& tau,
                       const IndexVector& p, MatrixT<float>& x, bool check_finite);
void qr_solve_in_place(const char* where, const MatrixT<double>& compact, const VectorT<double>& tau,
                       const IndexVector& p, MatrixT<double>& x, bool check_finite);
void qr_solve_in_place(const char* where, const MatrixT<std::complex<float>>& compact,
                       const VectorT<std::complex<float>>& tau, const IndexVector& p, MatrixT<std::complex<float>>& x,
                       bool check_finite);
void qr_solve_in_place(const char* where, const MatrixT<std::complex<double>>& compact,
                       const VectorT<std::complex<double>>& tau, const IndexVector& p, MatrixT<std::complex<double>>& x,
                       bool check_finite);

/// rq(): factors a (consumed) by ?gerqf and unpacks the result.
void rq_in_place(MatrixT<float>& a, RqResult<float>& out, const RqOptions& options);
void rq_in_place(MatrixT<double>& a, RqResult<double>& out, const RqOptions& options);
void rq_in_place(MatrixT<std::complex<float>>& a, RqResult<std::complex<float>>& out, const RqOptions& options);
void rq_in_place(MatrixT<std::complex<double>>& a, RqResult<std::complex<double>>& out, const RqOptions& options);

/// qr_multiply(): factors a (consumed) and replaces c (SciPy's 2-D c: a
/// vector c as a column for left, as a row for right) by the product; sets r and p.
void qr_multiply_in_place(MatrixT<float>& a, MatrixT<float>& c, MatrixT<float>& r, IndexVector& p,
                          const QrMultiplyOptions& options);
void qr_multiply_in_place(MatrixT<double>& a, MatrixT<double>& c, MatrixT<double>& r, IndexVector& p,
                          const QrMultiplyOptions& options);
void qr_multiply_in_place(MatrixT<std::complex<float>>& a, MatrixT<std::complex<float>>& c,
                          MatrixT<std::complex<float>>& r, IndexVector& p, const QrMultiplyOptions& options);
void qr_multiply_in_place(MatrixT<std::complex<double>>& a, MatrixT<std::complex<double>>& c,
                          MatrixT<std::complex<double>>& r, IndexVector& p, const QrMultiplyOptions& options);

/// Throws NotFittedError naming `where` (declared in lu.hpp too; defined in lu.cpp).
[[noreturn]] void throw_not_computed(const char* where);
}  // namespace detail

/// QR decomposition a = q r (with pivoting, a(:, p) = q r), as scipy.linalg.qr.
///
/// \param a        m x n matrix (any m, n; float, double, std::complex<float>
///                 or std::complex<double>); any Eigen dense expression.
/// \param options  mode, pivoting, check_finite (see QrOptions).
/// \returns        QrResult{q, r, p, tau}, shapes as QrMode says (k = min(m, n)).
///                 Empty a, as SciPy 1.17.1: full / r give q = the m x m identity
///                 (full only) and an m x n r; economic / raw a q of m x k
///                 (raw: m x n) and a k x n r; p = 0, 1, ..., n - 1 with pivoting.
///
/// Requires: finite entries (when check_finite).
/// Ensures:  a is not modified; q^H q = I and ||a(:, p) - q r|| of order
///           max(m, n) eps ||a|| (Householder QR is backward stable). r's
///           diagonal may be negative (LAPACK's sign convention, as SciPy), so
///           q and r are unique only up to the signs (complex: phases) of the
///           first k columns of q and rows of r. With pivoting, |r(i, i)| does
///           not increase with i: the number of |r(i, i)| above a tolerance is
///           the numerical rank.
/// Throws:   ValueError when an entry is NaN / Inf (with check_finite), mode is
///           not a QrMode value, or a dimension exceeds LAPACK's 32-bit index range.
/// Complexity: O(m n k) time for r; forming the full q adds O(m^2 k). O(m^2 + m n) memory.
///
/// Example:
/// \code
///   Matrix a{{3, 1}, {4, 2}};
///   auto [q, r, p, tau] = scilearn::linalg::qr(a);   // q = {{-0.6, -0.8}, {-0.8, 0.6}}
///   // r = {{-5, -2.2}, {0, 0.4}}; p and tau are empty
///   Matrix b{{1, 3}, {2, 4}};                         // a with its columns swapped
///   auto f = scilearn::linalg::qr(b, {.mode = linalg::QrMode::r, .pivoting = true});
///   // f.r = {{-5, -2.2}, {0, 0.4}}, f.p = {1, 0}: b(:, f.p) = a
/// \endcode
template <class Derived>
QrResult<typename Derived::Scalar> qr(const Eigen::MatrixBase<Derived>& a, const QrOptions& options = {}) {
  using Scalar = typename Derived::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>, "qr: the scalar must be float, double or std::complex of either");
  MatrixT<Scalar> compact = a;
  VectorT<Scalar> tau;
  IndexVector p;
  (void)detail::qr_factor_in_place("qr", compact, tau, p,
                                   {.pivoting = options.pivoting, .check_finite = options.check_finite});
  QrResult<Scalar> result;
  detail::qr_unpack("qr", compact, tau, p, options.mode, result);
  return result;
}

/// q @ c or c @ q for the QR decomposition of a, without forming q, as
/// scipy.linalg.qr_multiply (LAPACK ?geqrf / ?geqp3, then ?ormqr / ?unmqr).
///
/// \param a        m x n matrix (any m, n); any Eigen dense expression.
/// \param c        left: k x p (k = min(m, n)); right: p x m. A vector type is
///                 SciPy's 1-D c: k entries (left) or m (right). a's scalar type.
/// \param options  mode (QrMultiplyMode::right by default, as SciPy), pivoting, conjugate.
/// \returns        QrMultiplyResult{cq, r, p}: cq = q c (m x p) or c q (p x k),
///                 q being qr(a, {.mode = economic})'s q (conjugated with
///                 `conjugate`); r that call's k x n r; p its permutation with
///                 pivoting. A vector c gives a vector cq (m or k entries).
///                 Empty c: cq has c's shape (SciPy 1.17.1's empty_like(c)).
///
/// Requires: a and c finite (always checked: SciPy's qr_multiply has no check_finite).
/// Ensures:  a and c are not modified; cq = q c (c q) up to O(max(m, n) eps ||c||).
///           q is unique only up to column signs (see qr()): so is cq.
/// Throws:   ValueError when a or c holds NaN / Inf, c's shape does not fit
///           (the message gives both shapes), or mode is not a QrMultiplyMode value.
/// Complexity: O(m n k) for the factorization, O(m k p) for the product; O(m p) extra memory.
///
/// Example:
/// \code
///   Matrix a{{1, 3, 3}, {2, 3, 2}, {2, 3, 3}, {1, 3, 2}};
///   auto [qc, r, p] = scilearn::linalg::qr_multiply(a, Matrix(2 * Matrix::Identity(4, 4)), {.pivoting = true});
///   // qc = 2 q (4 x 3): {{-1, 1, -1}, {-1, -1, 1}, {-1, -1, -1}, {-1, 1, 1}}; p = {1, 0, 2}
/// \endcode
template <class DerivedA, class DerivedC>
auto qr_multiply(const Eigen::MatrixBase<DerivedA>& a, const Eigen::MatrixBase<DerivedC>& c,
                 const QrMultiplyOptions& options = {}) {
  using Scalar = typename DerivedA::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>, "qr_multiply: the scalar must be float, double or std::complex of either");
  static_assert(std::is_same_v<Scalar, typename DerivedC::Scalar>,
                "qr_multiply: a and c must have the same scalar type");
  constexpr bool vector = DerivedC::ColsAtCompileTime == 1;
  MatrixT<Scalar> work = a;
  MatrixT<Scalar> product = c;
  if (vector && options.mode == QrMultiplyMode::right) product.transposeInPlace();  // SciPy: a 1-D c is a row here
  QrMultiplyResult<Scalar, std::conditional_t<vector, VectorT<Scalar>, MatrixT<Scalar>>> result;
  detail::qr_multiply_in_place(work, product, result.r, result.p, options);
  if constexpr (vector) {
    result.cq = product.reshaped();
  } else {
    result.cq = std::move(product);
  }
  return result;
}

/// RQ decomposition a = r q, as scipy.linalg.rq (LAPACK ?gerqf, then ?orgrq / ?ungrq).
///
/// \param a        m x n matrix (any m, n); any Eigen dense expression.
/// \param options  mode, check_finite (see RqOptions).
/// \returns        RqResult{r, q}: r m x n and q n x n (full), r m x k and q
///                 k x n (economic), r m x n only (r). Empty a, as SciPy 1.17.1:
///                 the same shapes, q the n x n identity for full.
///
/// Requires: finite entries (when check_finite).
/// Ensures:  a is not modified; q q^H = I, ||a - r q|| of order max(m, n) eps ||a||.
///           Unique up to the signs (phases) of the last k columns of r and rows of q.
/// Throws:   ValueError when an entry is NaN / Inf (with check_finite), mode is
///           not an RqMode value, or a dimension exceeds LAPACK's 32-bit index range.
/// Complexity: O(m n k) time, plus O(n^2 k) to form the full q; O(n^2 + m n) memory.
///
/// Example:
/// \code
///   Matrix a{{1, 2, 3}, {4, 5, 6}};
///   auto [r, q] = scilearn::linalg::rq(a);   // r 2 x 3 (first column zero), q 3 x 3
///   auto e = scilearn::linalg::rq(a, {.mode = linalg::RqMode::economic});   // e.r 2 x 2, e.q 2 x 3
/// \endcode
template <class Derived>
RqResult<typename Derived::Scalar> rq(const Eigen::MatrixBase<Derived>& a, const RqOptions& options = {}) {
  using Scalar = typename Derived::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>, "rq: the scalar must be float, double or std::complex of either");
  MatrixT<Scalar> work = a;
  RqResult<Scalar> result;
  detail::rq_in_place(work, result, options);
  return result;
}

/// QR factorization object, Eigen style: factor an m x n matrix once with
/// compute(), check info(), then solve() as many right-hand sides as needed
/// (least squares when m > n). Runs the same compiled code as qr().
///
/// \code
///   linalg::QR<double> qr(a, {.pivoting = true});   // a is m x n, m >= n
///   if (qr.info() == linalg::QrInfo::success) {
///     Vector x = qr.solve(b);                        // minimizes ||a x - b||
///     Matrix q = qr.matrixQ(), r = qr.matrixR();     // a(:, qr.permutation()) = q r
///   }
/// \endcode
///
/// Thread safety: const members may be called concurrently; compute() may not
/// run concurrently with anything else on the same object.
template <LapackScalar Scalar>
class QR {
 public:
  /// An empty object; compute() must be called before use.
  QR() = default;

  /// Factors a (same as QR().compute(a, options)).
  template <class Derived>
  explicit QR(const Eigen::MatrixBase<Derived>& a, const QrFactorOptions& options = {}) {
    compute(a, options);
  }

  /// Factors a (copied; a is not modified). A rank-deficient a is not an
  /// error here: info() reports an exactly zero r(i, i).
  /// Throws ValueError when a (with check_finite) is not finite; the object
  /// then keeps its previous state.
  /// Complexity: O(m n min(m, n)).
  template <class Derived>
  QR& compute(const Eigen::MatrixBase<Derived>& a, const QrFactorOptions& options = {}) {
    static_assert(std::is_same_v<typename Derived::Scalar, Scalar>, "QR::compute: a must have the QR's scalar type");
    MatrixT<Scalar> compact = a;
    VectorT<Scalar> tau;
    IndexVector p;
    const Index first_zero = detail::qr_factor_in_place("QR::compute", compact, tau, p, options);
    compact_ = std::move(compact);
    tau_ = std::move(tau);
    p_ = std::move(p);
    first_zero_ = first_zero - 1;
    check_finite_ = options.check_finite;
    computed_ = true;
    return *this;
  }

  /// success, or rank_deficient when some r(i, i) (i < min(m, n)) is exactly
  /// zero. Numerical rank deficiency (tiny, non-zero r(i, i)) is not detected:
  /// use pivoting and inspect matrixR()'s diagonal, or lstsq().
  /// Throws NotFittedError before compute().
  [[nodiscard]] QrInfo info() const {
    require_computed("QR::info");
    return first_zero_ < 0 ? QrInfo::success : QrInfo::rank_deficient;
  }

  /// The x minimizing ||a x - b||_2 (for square a, the solution of a x = b):
  /// Q^H b by ?ormqr / ?unmqr, then r's leading n x n triangle by ?trtrs.
  /// x has n rows and b's columns (a vector type in, a vector out).
  /// Throws NotFittedError before compute(); ValueError when a has fewer rows
  /// than columns (the minimum-norm solution needs lstsq()), b.rows() differs
  /// from a's rows, or b holds NaN / Inf (checked when compute() was asked
  /// to check); LinAlgError when info() is rank_deficient.
  /// Complexity: O(m n k) for k right-hand sides.
  template <class DerivedB>
  auto solve(const Eigen::MatrixBase<DerivedB>& b) const {
    static_assert(std::is_same_v<typename DerivedB::Scalar, Scalar>, "QR::solve: b must have the QR's scalar type");
    require_computed("QR::solve");
    MatrixT<Scalar> x = b;
    detail::qr_solve_in_place("QR::solve", compact_, tau_, p_, x, check_finite_);
    std::conditional_t<DerivedB::ColsAtCompileTime == 1, VectorT<Scalar>, MatrixT<Scalar>> out = std::move(x);
    return out;
  }

  /// qr()'s result for `mode` (pivoting as compute() was asked), from the stored factor.
  /// Throws NotFittedError before compute(), ValueError for a mode that is not a QrMode value.
  [[nodiscard]] QrResult<Scalar> factors(QrMode mode = QrMode::full) const {
    require_computed("QR::factors");
    QrResult<Scalar> result;
    detail::qr_unpack("QR::factors", compact_, tau_, p_, mode, result);
    return result;
  }
  /// The m x m unitary factor q. Complexity: O(m^2 min(m, n)).
  [[nodiscard]] MatrixT<Scalar> matrixQ() const { return factors(QrMode::full).q; }
  /// The m x n upper trapezoidal factor r.
  [[nodiscard]] MatrixT<Scalar> matrixR() const { return factors(QrMode::r).r; }
  /// The column permutation p, a(:, p) = q r: SciPy's P with pivoting, else 0, 1, ..., n - 1.
  [[nodiscard]] IndexVector permutation() const {
    require_computed("QR::permutation");
    if (p_.size() == compact_.cols()) return p_;
    return IndexVector::LinSpaced(compact_.cols(), 0, static_cast<int>(compact_.cols()) - 1);
  }

 private:
  void require_computed(const char* where) const {
    if (!computed_) detail::throw_not_computed(where);
  }

  MatrixT<Scalar> compact_;
  VectorT<Scalar> tau_;
  IndexVector p_;
  Index first_zero_ = -1;
  bool check_finite_ = true;
  bool computed_ = false;
};

}  // namespace scilearn::linalg

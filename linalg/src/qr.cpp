#include <algorithm>
#include <scilearn/core/validation.hpp>
#include <scilearn/linalg/qr.hpp>

#include "lapack_qr.hpp"

namespace scilearn::linalg::detail {
namespace {

template <class S>
Index factor(const char* where, MatrixT<S>& a, VectorT<S>& tau, IndexVector& p, const QrFactorOptions& options) {
  if (options.check_finite) check_finite(where, "a", a);
  const lapack_index m = to_lapack_index(where, a.rows());
  const lapack_index n = to_lapack_index(where, a.cols());
  const lapack_index k = std::min(m, n);
  tau.resize(k);
  p.resize(0);
  if (options.pivoting) {
    // SciPy 1.17.1 returns 0, 1, ..., n - 1 for an empty a; geqp3 would too.
    p = IndexVector::LinSpaced(n, 0, n - 1);
    if (k == 0) return 0;
    std::vector<lapack_index> jpvt(static_cast<std::size_t>(n), 0);  // 0: every column free to move
    check_argument_info("geqp3", geqp3(m, n, a.data(), m, jpvt.data(), tau.data()));
    for (lapack_index j = 0; j < n; ++j) p(j) = jpvt[static_cast<std::size_t>(j)] - 1;  // SciPy: 0-based
  } else {
    if (k == 0) return 0;
    check_argument_info("geqrf", geqrf(m, n, a.data(), m, tau.data()));
  }
  for (Index i = 0; i < k; ++i) {
    if (a(i, i) == S(0)) return i + 1;
  }
  return 0;
}

void check_qr_mode(const char* where, QrMode mode) {
  if (mode != QrMode::full && mode != QrMode::economic && mode != QrMode::r && mode != QrMode::raw) {
    throw ValueError(cat(where, ": mode is ", static_cast<int>(mode), ", expected full, economic, r or raw"));
  }
}

// The rows x cols upper trapezoid of a's top-left corner, zero below the diagonal.
template <class S>
MatrixT<S> upper_part(const MatrixT<S>& a, Index rows, Index cols) {
  MatrixT<S> r = MatrixT<S>::Zero(rows, cols);
  for (Index j = 0; j < cols; ++j) {
    const Index top = std::min(j + 1, rows);
    r.col(j).head(top) = a.col(j).head(top);
  }
  return r;
}

template <class S>
void unpack(const char* where, const MatrixT<S>& compact, const VectorT<S>& tau, const IndexVector& p, QrMode mode,
            QrResult<S>& out) {
  check_qr_mode(where, mode);
  const Index m = compact.rows();
  const Index n = compact.cols();
  const Index k = std::min(m, n);
  const bool economic = mode == QrMode::economic || mode == QrMode::raw;
  // SciPy: r keeps a's m rows unless economic / raw; those keep k (the rows
  // below r's k-th are zero anyway).
  out.r = upper_part(compact, economic ? k : m, n);
  out.p = p;
  out.q.resize(0, 0);
  out.tau.resize(0);
  if (mode == QrMode::r) return;
  if (mode == QrMode::raw) {
    out.q = compact;
    out.tau = tau;
    return;
  }
  // Q = H(0) ... H(k-1), formed in place over the reflectors by ?orgqr: its
  // first k columns (economic) or all m (full, orgqr extending Q to a basis).
  const Index q_cols = economic ? k : m;
  out.q.resize(m, q_cols);
  if (q_cols == 0) return;
  out.q.leftCols(k) = compact.leftCols(k);
  if (k == 0) {
    out.q.setIdentity();  // SciPy: the m x m identity for an m x 0 a
    return;
  }
  const lapack_index lm = to_lapack_index(where, m);
  check_argument_info(
      is_complex_v<S> ? "ungqr" : "orgqr",
      orgqr(lm, to_lapack_index(where, q_cols), to_lapack_index(where, k), out.q.data(), lm, tau.data()));
}

template <class S>
void solve_with(const char* where, const MatrixT<S>& compact, const VectorT<S>& tau, const IndexVector& p,
                MatrixT<S>& x, bool check_finite_values) {
  const Index m = compact.rows();
  const Index n = compact.cols();
  if (m < n) {
    throw ValueError(cat(where, ": a is ", m, "x", n,
                         ", solve needs at least as many rows as columns (lstsq gives the minimum-norm solution)"));
  }
  if (x.rows() != m) throw ValueError(cat(where, ": a is ", m, "x", n, " but b has ", x.rows(), " rows"));
  for (Index i = 0; i < n; ++i) {
    if (compact(i, i) == S(0)) {
      throw LinAlgError(cat(where, ": a is rank deficient (r(", i, ", ", i, ") is exactly zero)"));
    }
  }
  if (check_finite_values) check_finite(where, "b", x);
  const Index nrhs = x.cols();
  if (n == 0 || nrhs == 0) {
    x = MatrixT<S>::Zero(n, nrhs);  // as lstsq: no unknowns, or no right-hand side
    return;
  }
  const lapack_index lm = to_lapack_index(where, m);
  const lapack_index ln = to_lapack_index(where, n);
  const lapack_index lk = to_lapack_index(where, nrhs);
  check_argument_info(is_complex_v<S> ? "unmqr" : "ormqr",
                      ormqr('L', /*adjoint=*/true, lm, lk, ln, compact.data(), lm, tau.data(), x.data(), lm));
  // r's leading n x n triangle is non-singular (checked above).
  check_argument_info("trtrs", trtrs('U', 'N', 'N', ln, lk, compact.data(), lm, x.data(), lm));
  if (p.size() == 0) {
    x.conservativeResize(n, nrhs);
    return;
  }
  // a(:, p) y = b: x(p(j)) = y(j).
  MatrixT<S> permuted(n, nrhs);
  for (Index j = 0; j < n; ++j) permuted.row(p(j)) = x.row(j);
  x = std::move(permuted);
}

template <class S>
void multiply(MatrixT<S>& a, MatrixT<S>& c, MatrixT<S>& r, IndexVector& p, const QrMultiplyOptions& options) {
  constexpr const char* where = "qr_multiply";
  const bool left = options.mode == QrMultiplyMode::left;
  if (!left && options.mode != QrMultiplyMode::right) {
    throw ValueError(cat(where, ": mode is ", static_cast<int>(options.mode), ", expected left or right"));
  }
  check_finite(where, "c", c);  // SciPy: always, qr_multiply has no check_finite
  const Index m = a.rows();
  const Index n = a.cols();
  const Index k = std::min(m, n);
  if (left && c.rows() != k) {
    throw ValueError(cat(where, ": a is ", m, "x", n, " and c is ", c.rows(), "x", c.cols(),
                         ", expected c with min(m, n) = ", k, " rows for q @ c"));
  }
  if (!left && c.cols() != m) {
    throw ValueError(cat(where, ": a is ", m, "x", n, " and c is ", c.rows(), "x", c.cols(), ", expected c with ", m,
                         " columns for c @ q"));
  }
  VectorT<S> tau;
  (void)factor(where, a, tau, p, {.pivoting = options.pivoting, .check_finite = true});
  r = upper_part(a, k, n);
  if (c.size() == 0) return;  // SciPy 1.17.1: empty_like(c), whatever the product's shape

  // ?ormqr applies Q itself; conj(q) c = conj(q conj(c)).
  const bool conjugate = options.conjugate && is_complex_v<S>;
  if (conjugate) c = c.conjugate();
  const lapack_index lm = to_lapack_index(where, m);
  const lapack_index lk = to_lapack_index(where, k);
  if (left) {
    // q c = Q [c; 0], Q the m x m product of the k reflectors.
    MatrixT<S> padded = MatrixT<S>::Zero(m, c.cols());
    padded.topRows(k) = c;
    c = std::move(padded);
    check_argument_info(is_complex_v<S> ? "unmqr" : "ormqr",
                        ormqr('L', /*adjoint=*/false, lm, to_lapack_index(where, c.cols()), lk, a.data(), lm,
                              tau.data(), c.data(), lm));
  } else {
    // c q = the first k columns of c Q.
    const lapack_index rows = to_lapack_index(where, c.rows());
    check_argument_info(is_complex_v<S> ? "unmqr" : "ormqr",
                        ormqr('R', /*adjoint=*/false, rows, lm, lk, a.data(), lm, tau.data(), c.data(), rows));
    c.conservativeResize(Eigen::NoChange, k);
  }
  if (conjugate) c = c.conjugate();
}

template <class S>
void rq_unpack(MatrixT<S>& a, RqResult<S>& out, const RqOptions& options) {
  constexpr const char* where = "rq";
  if (options.mode != RqMode::full && options.mode != RqMode::economic && options.mode != RqMode::r) {
    throw ValueError(cat(where, ": mode is ", static_cast<int>(options.mode), ", expected full, economic or r"));
  }
  if (options.check_finite) check_finite(where, "a", a);
  const Index m = a.rows();
  const Index n = a.cols();
  const Index k = std::min(m, n);
  const bool economic = options.mode == RqMode::economic;
  VectorT<S> tau(k);
  const lapack_index lm = to_lapack_index(where, m);
  const lapack_index ln = to_lapack_index(where, n);
  if (k > 0) check_argument_info("gerqf", gerqf(lm, ln, a.data(), lm, tau.data()));

  // SciPy: triu(a, n - m), m x n, unless economic with m <= n: then the last
  // m columns of it (m x m).
  const Index r_cols = economic ? k : n;
  const Index offset = n - r_cols;  // first column of a that r keeps
  out.r = MatrixT<S>::Zero(m, r_cols);
  for (Index j = 0; j < r_cols; ++j) {
    // Entry (i, offset + j) lies on or above the diagonal ending in a's bottom-right corner.
    const Index rows = std::clamp<Index>(offset + j - (n - m) + 1, 0, m);
    out.r.col(j).head(rows) = a.col(offset + j).head(rows);
  }
  out.q.resize(0, 0);
  if (options.mode == RqMode::r) return;

  // Q's last rows from the reflectors in a's last k rows, by ?orgrq: k rows
  // (economic) or all n (full, orgrq extending Q to a basis).
  const Index q_rows = economic ? k : n;
  out.q.resize(q_rows, n);
  if (q_rows == 0) return;
  out.q.bottomRows(k) = a.bottomRows(k);
  if (k == 0) {
    out.q.setIdentity();  // SciPy: the n x n identity for a 0 x n a
    return;
  }
  const lapack_index lq = to_lapack_index(where, q_rows);
  check_argument_info(is_complex_v<S> ? "ungrq" : "orgrq",
                      orgrq(lq, ln, to_lapack_index(where, k), out.q.data(), lq, tau.data()));
}

}  // namespace

Index qr_factor_in_place(const char* where, MatrixT<float>& a, VectorT<float>& tau, IndexVector& p,
                         const QrFactorOptions& options) {
  return factor(where, a, tau, p, options);
}
Index qr_factor_in_place(const char* where, MatrixT<double>& a, VectorT<double>& tau, IndexVector& p,
                         const QrFactorOptions& options) {
  return factor(where, a, tau, p, options);
}
Index qr_factor_in_place(const char* where, MatrixT<std::complex<float>>& a, VectorT<std::complex<float>>& tau,
                         IndexVector& p, const QrFactorOptions& options) {
  return factor(where, a, tau, p, options);
}
Index qr_factor_in_place(const char* where, MatrixT<std::complex<double>>& a, VectorT<std::complex<double>>& tau,
                         IndexVector& p, const QrFactorOptions& options) {
  return factor(where, a, tau, p, options);
}

void qr_unpack(const char* where, const MatrixT<float>& compact, const VectorT<float>& tau, const IndexVector& p,
               QrMode mode, QrResult<float>& out) {
  unpack(where, compact, tau, p, mode, out);
}
void qr_unpack(const char* where, const MatrixT<double>& compact, const VectorT<double>& tau, const IndexVector& p,
               QrMode mode, QrResult<double>& out) {
  unpack(where, compact, tau, p, mode, out);
}
void qr_unpack(const char* where, const MatrixT<std::complex<float>>& compact, const VectorT<std::complex<float>>& tau,
               const IndexVector& p, QrMode mode, QrResult<std::complex<float>>& out) {
  unpack(where, compact, tau, p, mode, out);
}
void qr_unpack(const char* where, const MatrixT<std::complex<double>>& compact,
               const VectorT<std::complex<double>>& tau, const IndexVector& p, QrMode mode,
               QrResult<std::complex<double>>& out) {
  unpack(where, compact, tau, p, mode, out);
}

void qr_solve_in_place(const char* where, const MatrixT<float>& compact, const VectorT<float>& tau,
                       const IndexVector& p, MatrixT<float>& x, bool check_finite) {
  solve_with(where, compact, tau, p, x, check_finite);
}
void qr_solve_in_place(const char* where, const MatrixT<double>& compact, const VectorT<double>& tau,
                       const IndexVector& p, MatrixT<double>& x, bool check_finite) {
  solve_with(where, compact, tau, p, x, check_finite);
}
void qr_solve_in_place(const char* where, const MatrixT<std::complex<float>>& compact,
                       const VectorT<std::complex<float>>& tau, const IndexVector& p, MatrixT<std::complex<float>>& x,
                       bool check_finite) {
  solve_with(where, compact, tau, p, x, check_finite);
}
void qr_solve_in_place(const char* where, const MatrixT<std::complex<double>>& compact,
                       const VectorT<std::complex<double>>& tau, const IndexVector& p, MatrixT<std::complex<double>>& x,
                       bool check_finite) {
  solve_with(where, compact, tau, p, x, check_finite);
}

void qr_multiply_in_place(MatrixT<float>& a, MatrixT<float>& c, MatrixT<float>& r, IndexVector& p,
                          const QrMultiplyOptions& options) {
  multiply(a, c, r, p, options);
}
void qr_multiply_in_place(MatrixT<double>& a, MatrixT<double>& c, MatrixT<double>& r, IndexVector& p,
                          const QrMultiplyOptions& options) {
  multiply(a, c, r, p, options);
}
void qr_multiply_in_place(MatrixT<std::complex<float>>& a, MatrixT<std::complex<float>>& c,
                          MatrixT<std::complex<float>>& r, IndexVector& p, const QrMultiplyOptions& options) {
  multiply(a, c, r, p, options);
}
void qr_multiply_in_place(MatrixT<std::complex<double>>& a, MatrixT<std::complex<double>>& c,
                          MatrixT<std::complex<double>>& r, IndexVector& p, const QrMultiplyOptions& options) {
  multiply(a, c, r, p, options);
}

void rq_in_place(MatrixT<float>& a, RqResult<float>& out, const RqOptions& options) { rq_unpack(a, out, options); }
void rq_in_place(MatrixT<double>& a, RqResult<double>& out, const RqOptions& options) { rq_unpack(a, out, options); }
void rq_in_place(MatrixT<std::complex<float>>& a, RqResult<std::complex<float>>& out, const RqOptions& options) {
  rq_unpack(a, out, options);
}
void rq_in_place(MatrixT<std::complex<double>>& a, RqResult<std::complex<double>>& out, const RqOptions& options) {
  rq_unpack(a, out, options);
}

}  // namespace scilearn::linalg::detail

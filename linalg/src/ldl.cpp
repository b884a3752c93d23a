#include <numeric>
#include <scilearn/core/validation.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/linalg/ldl.hpp>
#include <vector>

#include "factorize.hpp"

namespace scilearn::linalg::detail {
namespace {

// LAPACK's conjugate-symmetric routines for Hermitian complex a; real a is
// symmetric either way.
template <class S>
bool uses_hermitian(const LdlFactor<S>& f) {
  return f.hermitian && is_complex_v<S>;
}

std::vector<lapack_index> lapack_pivots(const IndexVector& ipiv) { return {ipiv.data(), ipiv.data() + ipiv.size()}; }

template <class S>
Index factor(const char* where, LdlFactor<S>& f, bool check_finite_values, real_t<S>* anorm) {
  check_square(where, "a", f.c);
  if (check_finite_values) check_finite(where, "a", f.c);
  const Index n = f.c.rows();
  if constexpr (is_complex_v<S>) {
    // SciPy's ComplexWarning: ?hetrf reads only the real part of the diagonal.
    if (f.hermitian && n > 0 && !f.c.diagonal().imag().isZero(0)) {
      warn(WarningCategory::runtime, cat(where,
                                         ": the imaginary parts of the diagonal are ignored; use hermitian = false "
                                         "to factor a complex symmetric matrix"));
    }
  }
  std::vector<lapack_index> ipiv;
  lapack_index info = 0;
  const real_t<S> norm = ldl_factor(where, f.c, ipiv, f.lower ? 'L' : 'U', uses_hermitian(f), &info);
  f.ipiv.resize(n);
  for (Index i = 0; i < n; ++i) f.ipiv(i) = ipiv[static_cast<std::size_t>(i)];
  if (anorm != nullptr) *anorm = norm;
  return info;
}

// SciPy's _ldl_sanitize_ipiv: LAPACK's ipiv as the row each row was swapped
// with (swap, 0-based) and the block structure (block: 1 for a 1 x 1 block, 2
// at the first and 0 at the second index of a 2 x 2 block). LAPACK walks the
// lower factor forwards and the upper one backwards; a 2 x 2 block repeats its
// negative pivot over both of its indices.
void decode_pivots(const IndexVector& ipiv, bool lower, std::vector<Index>& swap, std::vector<int>& block) {
  const Index n = ipiv.size();
  swap.resize(static_cast<std::size_t>(n));
  std::iota(swap.begin(), swap.end(), Index{0});
  block.assign(static_cast<std::size_t>(n), 0);
  const Index step = lower ? 1 : -1;
  for (Index i = lower ? 0 : n - 1; i >= 0 && i < n; i += step) {
    const Index v = ipiv(i);
    const Index partner = i + step;
    if (v > 0) {
      swap[static_cast<std::size_t>(i)] = swap[static_cast<std::size_t>(v - 1)];
      block[static_cast<std::size_t>(i)] = 1;
    } else if (v < 0 && partner >= 0 && partner < n && ipiv(partner) == v) {
      swap[static_cast<std::size_t>(partner)] = swap[static_cast<std::size_t>(-v - 1)];
      block[static_cast<std::size_t>(lower ? i : partner)] = 2;
      i += step;  // the block's second index is done
    } else {
      throw BackendError("LAPACK sytrf", static_cast<int>(v),
                         cat("ldl: LAPACK's pivot ", v, " at index ", i, " is not a valid encoding (internal error)"));
    }
  }
}

template <class S>
void unpack(const LdlFactor<S>& f, LdlResult<S>& out) {
  const Index n = f.c.rows();
  const bool lower = f.lower;
  std::vector<Index> swap;
  std::vector<int> block;
  decode_pivots(f.ipiv, lower, swap, block);

  // SciPy's _ldl_get_d_and_l: d from the diagonal and the 2 x 2 blocks'
  // off-diagonal entry; the unit triangular factor from the other entries.
  out.d = MatrixT<S>::Zero(n, n);
  out.d.diagonal() = f.c.diagonal();
  if (lower) {
    out.lu = f.c.template triangularView<Eigen::StrictlyLower>();
  } else {
    out.lu = f.c.template triangularView<Eigen::StrictlyUpper>();
  }
  out.lu.diagonal().setOnes();
  const Index x = lower ? 1 : 0;
  const Index y = lower ? 0 : 1;
  for (Index i = 0; i < n; ++i) {
    if (block[static_cast<std::size_t>(i)] != 2) continue;
    const S off = f.c(i + x, i + y);
    out.d(i + x, i + y) = off;
    out.d(i + y, i + x) = uses_hermitian(f) ? Eigen::numext::conj(off) : off;
    out.lu(i + x, i + y) = S(0);
  }

  // SciPy's _ldl_construct_tri_factor: apply the interchanges to the factor
  // (the lower one from the last to the first, the upper one from the first
  // to the last), each on the columns of its own and the following
  // transformations; perm is the inverse of the accumulated row permutation.
  std::vector<Index> rows(static_cast<std::size_t>(n));
  std::iota(rows.begin(), rows.end(), Index{0});
  for (Index k = 0; k < n; ++k) {
    const Index i = lower ? n - 1 - k : k;
    const Index s = swap[static_cast<std::size_t>(i)];
    if (s == i) continue;
    Index first = lower ? i : 0;
    Index end = lower ? n : i + 1;
    if (lower && block[static_cast<std::size_t>(i)] == 0) first -= 1;  // second index of a 2 x 2 block
    if (!lower && block[static_cast<std::size_t>(i)] == 2) end += 1;   // first index of a 2 x 2 block
    out.lu.row(s).segment(first, end - first).swap(out.lu.row(i).segment(first, end - first));
    std::swap(rows[static_cast<std::size_t>(s)], rows[static_cast<std::size_t>(i)]);
  }
  out.perm.resize(n);
  for (Index i = 0; i < n; ++i) out.perm(rows[static_cast<std::size_t>(i)]) = static_cast<int>(i);
}

template <class S>
void solve_with(const char* where, const LdlFactor<S>& f, Eigen::Ref<MatrixT<S>> x, bool check_finite_values) {
  const Index n = f.c.rows();
  if (x.rows() != n) throw ValueError(cat(where, ": a is ", n, "x", n, " but b has ", x.rows(), " rows"));
  if (check_finite_values) check_finite(where, "b", x);
  if (x.size() == 0) return;  // empty b in, empty x out
  const lapack_index ln = to_lapack_index(where, n);
  const std::vector<lapack_index> ipiv = lapack_pivots(f.ipiv);
  const bool hermitian = uses_hermitian(f);
  check_argument_info(hermitian ? "hetrs" : "sytrs",
                      sytrs(f.lower ? 'L' : 'U', ln, to_lapack_index(where, x.cols()), f.c.data(), ln, ipiv.data(),
                            x.data(), to_lapack_index(where, x.outerStride()), hermitian));
}

template <class S>
real_t<S> rcond_of(const LdlFactor<S>& f, real_t<S> anorm) {
  const lapack_index n = to_lapack_index("LDL::rcond", f.c.rows());
  if (n == 0) return 1;  // LAPACK's convention for an empty matrix
  const std::vector<lapack_index> ipiv = lapack_pivots(f.ipiv);
  return sycon_1(f.lower ? 'L' : 'U', n, f.c.data(), n, ipiv.data(), anorm, uses_hermitian(f));
}

}  // namespace

Index ldl_factor_in_place(const char* where, LdlFactor<float>& f, bool check_finite, float* anorm) {
  return factor(where, f, check_finite, anorm);
}
Index ldl_factor_in_place(const char* where, LdlFactor<double>& f, bool check_finite, double* anorm) {
  return factor(where, f, check_finite, anorm);
}
Index ldl_factor_in_place(const char* where, LdlFactor<std::complex<float>>& f, bool check_finite, float* anorm) {
  return factor(where, f, check_finite, anorm);
}
Index ldl_factor_in_place(const char* where, LdlFactor<std::complex<double>>& f, bool check_finite, double* anorm) {
  return factor(where, f, check_finite, anorm);
}

void ldl_unpack(const LdlFactor<float>& f, LdlResult<float>& out) { unpack(f, out); }
void ldl_unpack(const LdlFactor<double>& f, LdlResult<double>& out) { unpack(f, out); }
void ldl_unpack(const LdlFactor<std::complex<float>>& f, LdlResult<std::complex<float>>& out) { unpack(f, out); }
void ldl_unpack(const LdlFactor<std::complex<double>>& f, LdlResult<std::complex<double>>& out) { unpack(f, out); }

void ldl_solve_in_place(const char* where, const LdlFactor<float>& f, Eigen::Ref<MatrixT<float>> x, bool check_finite) {
  solve_with(where, f, x, check_finite);
}
void ldl_solve_in_place(const char* where, const LdlFactor<double>& f, Eigen::Ref<MatrixT<double>> x,
                        bool check_finite) {
  solve_with(where, f, x, check_finite);
}
void ldl_solve_in_place(const char* where, const LdlFactor<std::complex<float>>& f,
                        Eigen::Ref<MatrixT<std::complex<float>>> x, bool check_finite) {
  solve_with(where, f, x, check_finite);
}
void ldl_solve_in_place(const char* where, const LdlFactor<std::complex<double>>& f,
                        Eigen::Ref<MatrixT<std::complex<double>>> x, bool check_finite) {
  solve_with(where, f, x, check_finite);
}

float ldl_rcond(const LdlFactor<float>& f, float anorm) { return rcond_of(f, anorm); }
double ldl_rcond(const LdlFactor<double>& f, double anorm) { return rcond_of(f, anorm); }
float ldl_rcond(const LdlFactor<std::complex<float>>& f, float anorm) { return rcond_of(f, anorm); }
double ldl_rcond(const LdlFactor<std::complex<double>>& f, double anorm) { return rcond_of(f, anorm); }

void check_ldl_info(const char* where, Index info) { check_ldl_nonsingular(where, static_cast<lapack_index>(info)); }

}  // namespace scilearn::linalg::detail

#include <algorithm>
#include <numeric>
#include <scilearn/core/validation.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/linalg/lu.hpp>

#include "lapack_decomp.hpp"

namespace scilearn::linalg::detail {
namespace {

template <class S>
Index factor(const char* where, MatrixT<S>& lu, IndexVector& piv, bool check_finite_values, real_t<S>* anorm) {
  if (check_finite_values) check_finite(where, "a", lu);
  if (anorm != nullptr) check_square(where, "a", lu);
  const lapack_index m = to_lapack_index(where, lu.rows());
  const lapack_index n = to_lapack_index(where, lu.cols());
  const lapack_index k = std::min(m, n);
  piv.resize(k);
  if (anorm != nullptr) *anorm = 0;
  if (k == 0) return 0;
  if (anorm != nullptr) *anorm = lange_1(n, lu.data(), m);
  std::vector<lapack_index> ipiv(static_cast<std::size_t>(k));
  const lapack_index info = getrf_mn(m, n, lu.data(), m, ipiv.data());
  check_argument_info("getrf", info);
  for (lapack_index i = 0; i < k; ++i) piv(i) = ipiv[static_cast<std::size_t>(i)] - 1;  // SciPy: 0-based
  return info;
}

template <class S>
void unpack(MatrixT<S>& a, LuResult<S>& out, const LuOptions& options) {
  constexpr const char* where = "lu";
  const Index m = a.rows();
  const Index n = a.cols();
  const Index k = std::min(m, n);
  IndexVector piv;
  // Like SciPy, lu() does not report a singular a: its factors are still exact.
  (void)factor(where, a, piv, options.check_finite, nullptr);

  // SciPy 1.17.1 for an empty a: p is 0 x 0 and p_indices empty, whatever m is.
  const Index n_perm = k == 0 ? 0 : m;
  // getrf swapped row i with row piv(i), for i = 0..k-1 in turn, so row r of
  // l u is row perm(r) of a; p_indices is the inverse permutation.
  std::vector<Index> perm(static_cast<std::size_t>(n_perm));
  std::iota(perm.begin(), perm.end(), Index{0});
  for (Index i = 0; i < k; ++i) std::swap(perm[static_cast<std::size_t>(i)], perm[static_cast<std::size_t>(piv(i))]);
  out.p_indices.resize(n_perm);
  for (Index r = 0; r < n_perm; ++r) out.p_indices(perm[static_cast<std::size_t>(r)]) = static_cast<int>(r);

  MatrixT<S> l = MatrixT<S>::Zero(m, k);
  for (Index j = 0; j < k; ++j) {
    l(j, j) = S(1);
    l.col(j).tail(m - j - 1) = a.col(j).tail(m - j - 1);
  }
  out.u = MatrixT<S>::Zero(k, n);
  for (Index j = 0; j < n; ++j) {
    const Index rows = std::min(j + 1, k);
    out.u.col(j).head(rows) = a.col(j).head(rows);
  }
  if (options.permute_l) {
    out.pl.resize(m, k);
    for (Index i = 0; i < n_perm; ++i) out.pl.row(i) = l.row(out.p_indices(i));
    out.l.resize(0, 0);
    out.p.resize(0, 0);
    return;
  }
  out.l = std::move(l);
  out.pl.resize(0, 0);
  if (options.p_indices) {
    out.p.resize(0, 0);
  } else {
    out.p = MatrixT<real_t<S>>::Zero(n_perm, n_perm);
    for (Index i = 0; i < n_perm; ++i) out.p(i, out.p_indices(i)) = 1;
  }
}

template <class S>
void solve_with(const char* where, const LuFactor<S>& f, Eigen::Ref<MatrixT<S>> x, const LuSolveOptions& options) {
  check_square(where, "lu", f.lu);
  const Index n = f.lu.rows();
  if (f.piv.size() != n) {
    throw ValueError(cat(where, ": lu is ", n, "x", n, " but piv has ", f.piv.size(), " entries"));
  }
  for (Index i = 0; i < n; ++i) {
    if (f.piv(i) < 0 || f.piv(i) >= n) {
      throw ValueError(cat(where, ": piv(", i, ") is ", f.piv(i), ", expected an index in [0, ", n, ")"));
    }
  }
  if (x.rows() != n) throw ValueError(cat(where, ": lu is ", n, "x", n, " but b has ", x.rows(), " rows"));
  if (options.trans != Trans::N && options.trans != Trans::T && options.trans != Trans::C) {
    throw ValueError(cat(where, ": trans is ", static_cast<int>(options.trans),
                         ", expected 0 (a x = b), 1 (a^T x = b) or 2 (a^H x = b)"));
  }
  if (options.check_finite) check_finite(where, "b", x);
  if (x.size() == 0) return;  // SciPy: empty b in, empty x out

  const lapack_index ln = to_lapack_index(where, n);
  std::vector<lapack_index> ipiv(static_cast<std::size_t>(n));
  for (Index i = 0; i < n; ++i) ipiv[static_cast<std::size_t>(i)] = static_cast<lapack_index>(f.piv(i)) + 1;
  const char trans = options.trans == Trans::N ? 'N' : options.trans == Trans::T ? 'T' : 'C';
  check_argument_info("getrs", getrs(trans, ln, to_lapack_index(where, x.cols()), f.lu.data(), ln, ipiv.data(),
                                     x.data(), to_lapack_index(where, x.outerStride())));
}

template <class S>
real_t<S> rcond_of(const LuFactor<S>& f, real_t<S> anorm) {
  const lapack_index n = to_lapack_index("LU::rcond", f.lu.rows());
  if (n == 0) return 1;  // LAPACK's convention for an empty matrix
  return gecon_1(n, f.lu.data(), n, anorm);
}

}  // namespace

Index lu_factor_in_place(const char* where, MatrixT<float>& lu, IndexVector& piv, bool check_finite, float* anorm) {
  return factor(where, lu, piv, check_finite, anorm);
}
Index lu_factor_in_place(const char* where, MatrixT<double>& lu, IndexVector& piv, bool check_finite, double* anorm) {
  return factor(where, lu, piv, check_finite, anorm);
}
Index lu_factor_in_place(const char* where, MatrixT<std::complex<float>>& lu, IndexVector& piv, bool check_finite,
                         float* anorm) {
  return factor(where, lu, piv, check_finite, anorm);
}
Index lu_factor_in_place(const char* where, MatrixT<std::complex<double>>& lu, IndexVector& piv, bool check_finite,
                         double* anorm) {
  return factor(where, lu, piv, check_finite, anorm);
}

void warn_if_singular(const char* where, Index info) {
  // SciPy's lu_factor warns (LinAlgWarning) rather than raising, with LAPACK's 1-based index.
  if (info > 0)
    warn(WarningCategory::linalg, cat(where, ": Diagonal number ", info, " is exactly zero. Singular matrix."));
}

void lu_in_place(MatrixT<float>& a, LuResult<float>& out, const LuOptions& options) { unpack(a, out, options); }
void lu_in_place(MatrixT<double>& a, LuResult<double>& out, const LuOptions& options) { unpack(a, out, options); }
void lu_in_place(MatrixT<std::complex<float>>& a, LuResult<std::complex<float>>& out, const LuOptions& options) {
  unpack(a, out, options);
}
void lu_in_place(MatrixT<std::complex<double>>& a, LuResult<std::complex<double>>& out, const LuOptions& options) {
  unpack(a, out, options);
}

void lu_solve_in_place(const char* where, const LuFactor<float>& f, Eigen::Ref<MatrixT<float>> x,
                       const LuSolveOptions& options) {
  solve_with(where, f, x, options);
}
void lu_solve_in_place(const char* where, const LuFactor<double>& f, Eigen::Ref<MatrixT<double>> x,
                       const LuSolveOptions& options) {
  solve_with(where, f, x, options);
}
void lu_solve_in_place(const char* where, const LuFactor<std::complex<float>>& f,
                       Eigen::Ref<MatrixT<std::complex<float>>> x, const LuSolveOptions& options) {
  solve_with(where, f, x, options);
}
void lu_solve_in_place(const char* where, const LuFactor<std::complex<double>>& f,
                       Eigen::Ref<MatrixT<std::complex<double>>> x, const LuSolveOptions& options) {
  solve_with(where, f, x, options);
}

float lu_rcond(const LuFactor<float>& f, float anorm) { return rcond_of(f, anorm); }
double lu_rcond(const LuFactor<double>& f, double anorm) { return rcond_of(f, anorm); }
float lu_rcond(const LuFactor<std::complex<float>>& f, float anorm) { return rcond_of(f, anorm); }
double lu_rcond(const LuFactor<std::complex<double>>& f, double anorm) { return rcond_of(f, anorm); }

void throw_not_computed(const char* where) { throw NotFittedError(cat(where, ": compute() has not been called")); }

}  // namespace scilearn::linalg::detail

// sqrtm: the principal square root by the Schur method, as scipy.linalg.sqrtm.

#include <Eigen/LU>
#include <scilearn/core/warnings.hpp>
#include <vector>

#include "matrix_functions_common.hpp"

namespace scilearn::linalg::detail {
namespace {

constexpr const char* kWhere = "sqrtm";

void warn_singular() {
  warn(WarningCategory::linalg,
       "sqrtm: Matrix is singular. The result might be inaccurate or the array might not have a square root.");
}

// The diagonal blocks of a real Schur form: (start, order 1 or 2).
template <class R>
std::vector<std::pair<Index, Index>> diagonal_blocks(const MatrixT<R>& t) {
  std::vector<std::pair<Index, Index>> blocks;
  const Index n = t.rows();
  for (Index i = 0; i < n;) {
    const Index size = (i + 1 < n && t(i + 1, i) != R(0)) ? 2 : 1;
    blocks.emplace_back(i, size);
    i += size;
  }
  return blocks;
}

// The real square root of a 2 x 2 block with complex conjugate eigenvalues
// theta +- i mu (Higham 1987, Lemma 2): alpha I + (t - theta I) / (2 alpha)
// with alpha + i beta the principal square root of theta + i mu.
template <class R>
Eigen::Matrix<R, 2, 2> sqrt_block(const Eigen::Matrix<R, 2, 2>& t) {
  const R theta = (t(0, 0) + t(1, 1)) / 2;
  const R half_diff = (t(0, 0) - t(1, 1)) / 2;
  const R mu = std::sqrt(std::max(R(0), -(half_diff * half_diff + t(0, 1) * t(1, 0))));
  const R modulus = std::hypot(theta, mu);
  // Avoid cancellation in modulus + theta when theta < 0.
  const R alpha = theta >= 0 ? std::sqrt((modulus + theta) / 2) : mu / (2 * std::sqrt((modulus - theta) / 2));
  Eigen::Matrix<R, 2, 2> r = (t - theta * Eigen::Matrix<R, 2, 2>::Identity()) / (2 * alpha);
  r.diagonal().array() += alpha;
  return r;
}

// The real square root of a real quasi upper triangular t without negative
// real eigenvalues (Higham 1987): the block recurrence
// r_ii x + x r_jj = t_ij - sum_k r_ik r_kj, each a Sylvester equation of
// order at most 2 x 2, solved through its Kronecker form.
template <class R>
MatrixT<R> sqrtm_quasi_triu(const MatrixT<R>& t) {
  const Index n = t.rows();
  const auto blocks = diagonal_blocks(t);
  MatrixT<R> r = MatrixT<R>::Zero(n, n);
  for (std::size_t jb = 0; jb < blocks.size(); ++jb) {
    const auto [sj, q] = blocks[jb];
    if (q == 1) {
      r(sj, sj) = std::sqrt(t(sj, sj));
    } else {
      r.template block<2, 2>(sj, sj) = sqrt_block<R>(t.template block<2, 2>(sj, sj));
    }
    for (std::size_t ib = jb; ib-- > 0;) {
      const auto [si, p] = blocks[ib];
      const Index inner = sj - (si + p);
      MatrixT<R> s = t.block(si, sj, p, q);
      if (inner > 0) s.noalias() -= r.block(si, si + p, p, inner) * r.block(si + p, sj, inner, q);
      if (p == 1 && q == 1) {
        const R d = r(si, si) + r(sj, sj);
        r(si, sj) = (d == R(0) && s(0, 0) == R(0)) ? R(0) : s(0, 0) / d;
        continue;
      }
      // vec(r_ii x + x r_jj) = (I_q kron r_ii + r_jj^T kron I_p) vec(x).
      MatrixT<R> k = MatrixT<R>::Zero(p * q, p * q);
      for (Index c = 0; c < q; ++c) k.block(c * p, c * p, p, p) += r.block(si, si, p, p);
      for (Index c = 0; c < q; ++c) {
        for (Index e = 0; e < q; ++e) k.block(c * p, e * p, p, p).diagonal().array() += r(sj + e, sj + c);
      }
      const VectorT<R> x = k.fullPivLu().solve(Eigen::Map<const VectorT<R>>(s.data(), p * q));
      r.block(si, sj, p, q) = Eigen::Map<const MatrixT<R>>(x.data(), p, q);
    }
  }
  return r;
}

template <class S>
void compute(const MatrixT<S>& a, MatrixFunctionValue<real_t<S>>& out, const SqrtmOptions& options) {
  using R = real_t<S>;
  using C = std::complex<R>;
  check_matrix_function_input(kWhere, a, options.check_finite);
  const Index n = a.rows();
  out.is_real = !is_complex_v<S>;  // SciPy: an empty result has sqrtm(eye(2))'s dtype
  out.value.resize(n, n);
  if (n == 0) return;
  MatrixT<S> t = a;
  MatrixT<S> z;
  Index sdim = 0;
  schur_in_place(kWhere, t, z, sdim, {.check_finite = false});
  MatrixT<C> tc = t.template cast<C>();
  MatrixT<C> zc = z.template cast<C>();
  if constexpr (!is_complex_v<S>) {
    // Real arithmetic unless a real eigenvalue (a 1 x 1 block) is negative, as SciPy.
    bool negative = false;
    bool singular = false;
    for (const auto& [start, size] : diagonal_blocks(t)) {
      if (size == 1) {
        negative = negative || t(start, start) < 0;
        singular = singular || t(start, start) == 0;
      }
    }
    if (singular) warn_singular();
    if (!negative) {
      const MatrixT<R> x = z * sqrtm_quasi_triu(t) * z.transpose();
      out.value = x.template cast<C>();
      return;
    }
    rsf2csf_in_place(tc, zc, {.check_finite = false});
  } else {
    if ((tc.diagonal().array() == C(0)).any()) warn_singular();
  }
  out.is_real = false;
  out.value = zc * sqrtm_triu(tc) * zc.adjoint();
}

}  // namespace

void sqrtm(const MatrixT<float>& a, MatrixFunctionValue<float>& out, const SqrtmOptions& options) {
  compute(a, out, options);
}
void sqrtm(const MatrixT<double>& a, MatrixFunctionValue<double>& out, const SqrtmOptions& options) {
  compute(a, out, options);
}
void sqrtm(const MatrixT<std::complex<float>>& a, MatrixFunctionValue<float>& out, const SqrtmOptions& options) {
  compute(a, out, options);
}
void sqrtm(const MatrixT<std::complex<double>>& a, MatrixFunctionValue<double>& out, const SqrtmOptions& options) {
  compute(a, out, options);
}

}  // namespace scilearn::linalg::detail

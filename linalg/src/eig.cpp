#include <limits>
#include <scilearn/core/validation.hpp>
#include <scilearn/linalg/eig.hpp>

#include "lapack_eig.hpp"

namespace scilearn::linalg::detail {
namespace {

// A real ?geev / ?ggev's vectors as complex ones: for a conjugate pair
// (LAPACK puts the eigenvalue with positive imaginary part first, in columns
// j and j + 1) the vectors are packed[:, j] +- i packed[:, j + 1].
template <class R>
MatrixT<std::complex<R>> unpack_real_vectors(const MatrixT<R>& packed, const VectorT<R>& imag) {
  const Index n = packed.cols();
  MatrixT<std::complex<R>> v(packed.rows(), n);
  for (Index j = 0; j < n; ++j) {
    if (imag(j) != 0 && j + 1 < n) {
      for (Index i = 0; i < packed.rows(); ++i) {
        v(i, j) = std::complex<R>(packed(i, j), packed(i, j + 1));
        v(i, j + 1) = std::conj(v(i, j));
      }
      ++j;
    } else {
      v.col(j) = packed.col(j).template cast<std::complex<R>>();
    }
  }
  return v;
}

template <class S>
MatrixT<std::complex<real_t<S>>> complex_vectors(const MatrixT<S>& packed, const VectorT<real_t<S>>& imag) {
  if constexpr (is_complex_v<S>) {
    (void)imag;
    return packed;
  } else {
    return unpack_real_vectors(packed, imag);
  }
}

// SciPy's eigenvalues of a pencil, alpha / beta, and its rules where beta = 0.
template <class R>
VectorT<std::complex<R>> pencil_eigenvalues(const VectorT<std::complex<R>>& alpha,
                                            const VectorT<std::complex<R>>& beta) {
  using C = std::complex<R>;
  constexpr R inf = std::numeric_limits<R>::infinity();
  constexpr R nan = std::numeric_limits<R>::quiet_NaN();
  const bool all_real = (alpha.imag().array() == 0).all();
  VectorT<C> w(alpha.size());
  for (Index j = 0; j < alpha.size(); ++j) {
    if (beta(j) != C(0)) {
      // a real beta (real problems) divides each part exactly, as NumPy does
      w(j) = beta(j).imag() == 0 ? C(alpha(j).real() / beta(j).real(), alpha(j).imag() / beta(j).real())
                                 : alpha(j) / beta(j);
    } else if (alpha(j) != C(0)) {
      w(j) = C(inf, 0);
    } else {
      w(j) = all_real ? C(nan, 0) : C(nan, nan);
    }
  }
  return w;
}

// With check_finite off, LAPACK's balancing (?gebal / ?ggbal) rejects NaN / Inf
// as an illegal argument; that is bad data, not an internal error: a
// ValueError, as SciPy's (its "illegal value in argument k of internal geev").
template <class S>
void reject_non_finite(const char* where, const Eigen::Ref<const MatrixT<S>>& a, const Eigen::Ref<const MatrixT<S>>* b,
                       lapack_index info) {
  if (info < 0 && (!a.allFinite() || (b != nullptr && !b->allFinite()))) {
    throw ValueError(cat(where, ": LAPACK ", b == nullptr ? "geev" : "ggev", " rejected argument ", -info, ": a",
                         b == nullptr ? "" : " or b", " holds NaN or Inf (check_finite was off)"));
  }
}

template <class S>
void eig_any(const char* where, const Eigen::Ref<const MatrixT<S>>& a, const Eigen::Ref<const MatrixT<S>>* b,
             const EigOptions& options, EigResult<S>& out) {
  using R = real_t<S>;
  using C = std::complex<R>;
  if (options.check_finite) check_finite(where, "a", a);
  check_square(where, "a", a);
  const Index n = a.rows();
  out = {};
  if (n == 0) {  // SciPy 1.17: before b is looked at
    if (options.homogeneous_eigvals) out.w_homogeneous.resize(2, 0);
    return;
  }
  if (b != nullptr) {
    if (options.check_finite) check_finite(where, "b", *b);
    check_square(where, "b", *b);
    if (b->rows() != n) {
      throw ValueError(cat(where, ": a and b must have the same shape (a is ", n, "x", n, ", b is ", b->rows(), "x",
                           b->cols(), ")"));
    }
  }
  const lapack_index ln = to_lapack_index(where, n);
  const char jobvl = options.left ? 'V' : 'N';
  const char jobvr = options.right ? 'V' : 'N';
  MatrixT<S> f = a;  // LAPACK overwrites a and b: work on copies
  MatrixT<S> vl(options.left ? n : 1, options.left ? n : 1);
  MatrixT<S> vr(options.right ? n : 1, options.right ? n : 1);
  const auto ldvl = static_cast<lapack_index>(vl.rows());
  const auto ldvr = static_cast<lapack_index>(vr.rows());
  VectorT<S> alpha(n);
  VectorT<R> alphai = VectorT<R>::Zero(is_complex_v<S> ? 0 : n);  // real S: imaginary parts
  VectorT<C> beta = VectorT<C>::Ones(n);
  if (b == nullptr) {
    const lapack_index info =
        geev(jobvl, jobvr, ln, f.data(), ln, alpha.data(), alphai.data(), vl.data(), ldvl, vr.data(), ldvr);
    reject_non_finite(where, a, b, info);
    check_argument_info("geev", info);
    if (info > 0) {
      throw LinAlgError(cat(where, ": eig algorithm (geev) did not converge (only eigenvalues with order >= ", info,
                            " have converged)"));
    }
  } else {
    MatrixT<S> g = *b;
    VectorT<S> lapack_beta(n);
    const lapack_index info = ggev(jobvl, jobvr, ln, f.data(), ln, g.data(), ln, alpha.data(), alphai.data(),
                                   lapack_beta.data(), vl.data(), ldvl, vr.data(), ldvr);
    reject_non_finite(where, a, b, info);
    check_argument_info("ggev", info);
    if (info > 0) {
      throw LinAlgError(cat(where, ": generalized eig algorithm (ggev) did not converge (LAPACK info=", info, ")"));
    }
    beta = lapack_beta.template cast<C>();
  }
  VectorT<C> calpha(n);
  if constexpr (is_complex_v<S>) {
    calpha = alpha;
  } else {
    for (Index j = 0; j < n; ++j) calpha(j) = C(alpha(j), alphai(j));
  }
  out.w = b == nullptr ? calpha : pencil_eigenvalues<R>(calpha, beta);
  if (options.homogeneous_eigvals) {
    out.w_homogeneous.resize(2, n);
    out.w_homogeneous.row(0) = calpha.transpose();
    out.w_homogeneous.row(1) = beta.transpose();
  }
  if (options.left) out.vl = complex_vectors<S>(vl, alphai);
  if (options.right) out.vr = complex_vectors<S>(vr, alphai);
  if (b != nullptr) {
    // ?ggev scales the largest component to |re| + |im| = 1; SciPy rescales
    // every vector to unit 2-norm (a zero vector is left as it is).
    for (MatrixT<C>* v : {&out.vl, &out.vr}) {
      for (Index j = 0; j < v->cols(); ++j) {
        const R norm = v->col(j).norm();
        if (norm > 0) v->col(j) /= norm;
      }
    }
  }
}

}  // namespace

void eig_into(const char* where, const Eigen::Ref<const MatrixT<float>>& a, const Eigen::Ref<const MatrixT<float>>* b,
              const EigOptions& options, EigResult<float>& result) {
  eig_any<float>(where, a, b, options, result);
}
void eig_into(const char* where, const Eigen::Ref<const MatrixT<double>>& a, const Eigen::Ref<const MatrixT<double>>* b,
              const EigOptions& options, EigResult<double>& result) {
  eig_any<double>(where, a, b, options, result);
}
void eig_into(const char* where, const Eigen::Ref<const MatrixT<std::complex<float>>>& a,
              const Eigen::Ref<const MatrixT<std::complex<float>>>* b, const EigOptions& options,
              EigResult<std::complex<float>>& result) {
  eig_any<std::complex<float>>(where, a, b, options, result);
}
void eig_into(const char* where, const Eigen::Ref<const MatrixT<std::complex<double>>>& a,
              const Eigen::Ref<const MatrixT<std::complex<double>>>* b, const EigOptions& options,
              EigResult<std::complex<double>>& result) {
  eig_any<std::complex<double>>(where, a, b, options, result);
}

}  // namespace scilearn::linalg::detail

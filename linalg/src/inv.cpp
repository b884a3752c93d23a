#include <scilearn/core/validation.hpp>
#include <scilearn/linalg/inv.hpp>

#include "factorize.hpp"
#include "lapack_inverse.hpp"

namespace scilearn::linalg::detail {
namespace {

constexpr const char* kWhere = "inv";

// ?potri / ?sytri / ?hetri fill one triangle; the other is its (conjugate) transpose.
template <class S>
MatrixT<S> mirrored(const MatrixT<S>& t, char uplo, bool conjugate) {
  MatrixT<S> full = t;
  if (uplo == 'U') {
    full.template triangularView<Eigen::StrictlyLower>() =
        conjugate ? MatrixT<S>(t.adjoint()) : MatrixT<S>(t.transpose());
  } else {
    full.template triangularView<Eigen::StrictlyUpper>() =
        conjugate ? MatrixT<S>(t.adjoint()) : MatrixT<S>(t.transpose());
  }
  return full;
}

template <class S>
MatrixT<S> inv_any(const Eigen::Ref<const MatrixT<S>>& a, const InvOptions& options) {
  check_square(kWhere, "a", a);
  if (options.check_finite) check_finite(kWhere, "a", a);
  if (a.size() == 0) return MatrixT<S>(0, 0);
  const lapack_index n = to_lapack_index(kWhere, a.rows());
  const char uplo = options.lower ? 'L' : 'U';
  switch (options.assume_a) {
    case AssumeA::gen: {
      if (use_eigen_lu<S>(a.rows())) {
        MatrixT<S> x = eigen_lu_nonsingular<S>(kWhere, a).inverse();
        // With the inverse at hand, the 1-norm condition number that ?gecon
        // only estimates costs two column-sum passes.
        const auto norm1 = [](const auto& m) { return m.cwiseAbs().colwise().sum().maxCoeff(); };
        warn_if_ill_conditioned<S>(kWhere, real_t<S>(1) / (norm1(a) * norm1(x)));
        return x;
      }
      PivotedFactor<S> lu = lu_checked<S>(kWhere, a);
      const lapack_index info = getri(n, lu.f.data(), n, lu.ipiv.data());
      check_argument_info("getri", info);  // info > 0 cannot happen: getrf found no zero pivot
      return std::move(lu.f);
    }
    case AssumeA::sym:
    case AssumeA::her: {
      const bool hermitian = options.assume_a == AssumeA::her && is_complex_v<S>;
      PivotedFactor<S> ldl = ldl_checked<S>(kWhere, a, uplo, hermitian);
      check_argument_info(hermitian ? "hetri" : "sytri", sytri(uplo, n, ldl.f.data(), n, ldl.ipiv.data(), hermitian));
      return mirrored<S>(ldl.f, uplo, hermitian);
    }
    case AssumeA::pos: {
      MatrixT<S> c = cholesky_checked<S>(kWhere, a, uplo);
      check_argument_info("potri", potri(uplo, n, c.data(), n));
      return mirrored<S>(c, uplo, /*conjugate=*/true);
    }
  }
  throw ValueError(cat("inv: unknown assume_a value ", static_cast<int>(options.assume_a)));
}

}  // namespace

MatrixT<float> inv(const Eigen::Ref<const MatrixT<float>>& a, const InvOptions& options) {
  return inv_any<float>(a, options);
}
MatrixT<double> inv(const Eigen::Ref<const MatrixT<double>>& a, const InvOptions& options) {
  return inv_any<double>(a, options);
}
MatrixT<std::complex<float>> inv(const Eigen::Ref<const MatrixT<std::complex<float>>>& a, const InvOptions& options) {
  return inv_any<std::complex<float>>(a, options);
}
MatrixT<std::complex<double>> inv(const Eigen::Ref<const MatrixT<std::complex<double>>>& a, const InvOptions& options) {
  return inv_any<std::complex<double>>(a, options);
}

}  // namespace scilearn::linalg::detail

#include <cmath>
#include <limits>
#include <scilearn/core/validation.hpp>
#include <scilearn/linalg/norm.hpp>
#include <scilearn/linalg/svd.hpp>

#include "lapack.hpp"
#include "lapack_inverse.hpp"

namespace scilearn::linalg::detail {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// The orders that have a matrix norm: 'fro', 'nuc', None and +-1, +-2, +-inf.
bool is_matrix_order(NormOrder ord) {
  if (ord.kind != NormOrder::Kind::p) return true;
  const double p = ord.p;
  return p == 1 || p == -1 || p == 2 || p == -2 || p == kInf || p == -kInf;
}

[[noreturn]] void throw_empty_minimum(const char* where, const char* what, double p, Index rows, Index cols) {
  throw ValueError(cat(where, ": ord ", p, " of an empty ", what, " (", rows, "x", cols,
                       ") is undefined: it is a minimum over no values"));
}

template <class S>
real_t<S> vector_norm_any(const Eigen::Ref<const VectorT<S>>& x, NormOrder ord, bool finite) {
  using R = real_t<S>;
  constexpr const char* where = "norm";
  if (ord.kind == NormOrder::Kind::fro || ord.kind == NormOrder::Kind::nuc) {
    throw ValueError(
        cat(where, ": invalid norm order '", ord.kind == NormOrder::Kind::fro ? "fro" : "nuc", "' for vectors"));
  }
  if (ord.kind == NormOrder::Kind::p && std::isnan(ord.p)) throw ValueError("norm: the norm order is NaN");
  if (finite) check_finite(where, "a", x);
  const Index n = x.size();
  // The 2-norm with scaling (Eigen's stableNorm, as BLAS ?nrm2 that SciPy
  // calls): no overflow for entries near the largest double.
  if (ord.kind == NormOrder::Kind::none || ord.p == 2) return n == 0 ? R(0) : x.stableNorm();
  const double p = ord.p;
  const VectorT<R> mag = x.cwiseAbs();
  if (p == kInf) return n == 0 ? R(0) : mag.maxCoeff();
  if (p == -kInf) {
    if (n == 0) throw_empty_minimum(where, "vector", p, n, 1);
    return mag.minCoeff();
  }
  if (p == 0) return static_cast<R>((mag.array() != R(0)).count());
  if (p == 1) return mag.sum();
  const R rp = static_cast<R>(p);
  if (p > 0) {
    // (sum |x_i|^p)^(1/p), scaled by the largest |x_i| so that |x_i|^p neither
    // overflows nor underflows (NumPy sums unscaled powers).
    const R big = n == 0 ? R(0) : mag.maxCoeff();
    if (big == R(0) || std::isinf(big)) return big;
    return big * std::pow((mag / big).array().pow(rp).sum(), R(1) / rp);
  }
  // p < 0, as NumPy: a zero entry makes the sum inf and the norm 0; an empty
  // vector gives 0^(1/p) = inf.
  return std::pow(mag.array().pow(rp).sum(), R(1) / rp);
}

template <class S>
real_t<S> matrix_norm_any(const Eigen::Ref<const MatrixT<S>>& a, NormOrder ord, bool finite) {
  using R = real_t<S>;
  constexpr const char* where = "norm";
  if (!is_matrix_order(ord)) {
    throw ValueError(cat(where, ": invalid norm order ", ord.p, " for matrices (expected 1, -1, 2, -2, inf, -inf, ",
                         "NormOrder::fro() or NormOrder::nuc())"));
  }
  if (finite) check_finite(where, "a", a);
  const Index m = a.rows();
  const Index n = a.cols();
  if (ord.kind == NormOrder::Kind::none || ord.kind == NormOrder::Kind::fro) {
    return a.size() == 0 ? R(0) : a.stableNorm();  // scaled: no overflow in the sum of squares
  }
  if (ord.kind == NormOrder::Kind::nuc) return svdvals(a, false).sum();
  const double p = ord.p;
  if (p == 2 || p == -2) {
    const VectorT<R> s = svdvals(a, false);
    if (p == 2) return s.size() == 0 ? R(0) : s(0);
    if (s.size() == 0) throw_empty_minimum(where, "matrix", p, m, n);
    return s(s.size() - 1);
  }
  const bool columns = p == 1 || p == -1;  // column sums (1, -1) or row sums (inf, -inf)
  if ((columns ? n : m) == 0) {
    if (p < 0) throw_empty_minimum(where, "matrix", p, m, n);
    return R(0);
  }
  // Sums over no entries are all 0. (Eigen would slice the empty, null-data
  // matrix into offset blocks: pointer arithmetic on null, which UBSan reports.)
  if ((columns ? m : n) == 0) return R(0);
  const MatrixT<R> mag = a.cwiseAbs();
  const VectorT<R> sums = columns ? VectorT<R>(mag.colwise().sum().transpose()) : VectorT<R>(mag.rowwise().sum());
  return p > 0 ? sums.maxCoeff() : sums.minCoeff();
}

template <class S>
real_t<S> cond_any(const Eigen::Ref<const MatrixT<S>>& a, NormOrder p, bool finite) {
  using R = real_t<S>;
  constexpr const char* where = "cond";
  if (!is_matrix_order(p)) {
    throw ValueError(cat(where, ": invalid norm order ", p.p, " for matrices (expected 1, -1, 2, -2, inf, -inf, ",
                         "NormOrder::fro() or NormOrder::nuc())"));
  }
  if (a.size() == 0)
    throw LinAlgError(cat(where, ": cond is not defined on empty arrays (a is ", a.rows(), "x", a.cols(), ")"));
  if (finite) check_finite(where, "a", a);
  const auto singular_to_inf = [](R r) { return std::isnan(r) ? std::numeric_limits<R>::infinity() : r; };
  if (p.kind == NormOrder::Kind::none || p.p == 2 || p.p == -2) {
    const VectorT<R> s = svdvals(a, false);
    const R ratio = p.p == -2 ? s(s.size() - 1) / s(0) : s(0) / s(s.size() - 1);
    return singular_to_inf(ratio);  // 0 / 0 (a zero matrix) is NaN: inf, as NumPy
  }
  check_square(where, "a", a);
  // NumPy inverts a and multiplies the two norms; an exactly singular a (a
  // zero pivot) has no inverse, and its condition number is inf.
  MatrixT<S> inverse = a;
  const lapack_index n = to_lapack_index(where, a.rows());
  std::vector<lapack_index> ipiv(static_cast<std::size_t>(n));
  const lapack_index info = getrf(n, inverse.data(), n, ipiv.data());
  check_argument_info("getrf", info);
  if (info > 0) return std::numeric_limits<R>::infinity();
  check_argument_info("getri", getri(n, inverse.data(), n, ipiv.data()));
  return singular_to_inf(matrix_norm_any<S>(a, p, false) * matrix_norm_any<S>(inverse, p, false));
}

}  // namespace

float vector_norm(const Eigen::Ref<const VectorT<float>>& x, NormOrder ord, bool check_finite) {
  return vector_norm_any<float>(x, ord, check_finite);
}
double vector_norm(const Eigen::Ref<const VectorT<double>>& x, NormOrder ord, bool check_finite) {
  return vector_norm_any<double>(x, ord, check_finite);
}
float vector_norm(const Eigen::Ref<const VectorT<std::complex<float>>>& x, NormOrder ord, bool check_finite) {
  return vector_norm_any<std::complex<float>>(x, ord, check_finite);
}
double vector_norm(const Eigen::Ref<const VectorT<std::complex<double>>>& x, NormOrder ord, bool check_finite) {
  return vector_norm_any<std::complex<double>>(x, ord, check_finite);
}

float matrix_norm(const Eigen::Ref<const MatrixT<float>>& a, NormOrder ord, bool check_finite) {
  return matrix_norm_any<float>(a, ord, check_finite);
}
double matrix_norm(const Eigen::Ref<const MatrixT<double>>& a, NormOrder ord, bool check_finite) {
  return matrix_norm_any<double>(a, ord, check_finite);
}
float matrix_norm(const Eigen::Ref<const MatrixT<std::complex<float>>>& a, NormOrder ord, bool check_finite) {
  return matrix_norm_any<std::complex<float>>(a, ord, check_finite);
}
double matrix_norm(const Eigen::Ref<const MatrixT<std::complex<double>>>& a, NormOrder ord, bool check_finite) {
  return matrix_norm_any<std::complex<double>>(a, ord, check_finite);
}

float cond(const Eigen::Ref<const MatrixT<float>>& a, NormOrder p, bool check_finite) {
  return cond_any<float>(a, p, check_finite);
}
double cond(const Eigen::Ref<const MatrixT<double>>& a, NormOrder p, bool check_finite) {
  return cond_any<double>(a, p, check_finite);
}
float cond(const Eigen::Ref<const MatrixT<std::complex<float>>>& a, NormOrder p, bool check_finite) {
  return cond_any<std::complex<float>>(a, p, check_finite);
}
double cond(const Eigen::Ref<const MatrixT<std::complex<double>>>& a, NormOrder p, bool check_finite) {
  return cond_any<std::complex<double>>(a, p, check_finite);
}

}  // namespace scilearn::linalg::detail

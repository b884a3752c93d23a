// linalg::cosm, sinm, tanm from the exponential of i a, as SciPy defines them.

#include <scilearn/core/validation.hpp>
#include <scilearn/linalg/solve.hpp>
#include <scilearn/linalg/trig_matrix.hpp>
#include <utility>

#include "lapack.hpp"

namespace scilearn::linalg::detail {
namespace {

// cos(a) and sin(a) together. Real a: expm(i a) = cos(a) + i sin(a) with real
// cos and sin, so one complex exponential gives both. Complex a:
// cos = (e^(ia) + e^(-ia)) / 2, sin = -i (e^(ia) - e^(-ia)) / 2.
template <class S>
std::pair<MatrixT<S>, MatrixT<S>> cos_sin(const char* where, const Eigen::Ref<const MatrixT<S>>& a,
                                          const ExpmOptions& options) {
  check_square(where, "a", a);
  if (options.check_finite) check_finite(where, "a", a);
  using C = std::complex<real_t<S>>;
  const ExpmOptions checked{.check_finite = false};  // a was checked above
  // Multiplications by +-i and by 1/2 through the real and imaginary parts:
  // Eigen's packet of a std::complex<float> constant is loaded as a double
  // from a 4-byte aligned address.
  const auto times_i = [](const auto& x, real_t<S> sign) {  // sign i x
    MatrixT<C> y(x.rows(), x.cols());
    if constexpr (is_complex_v<S>) {
      y.real() = -sign * x.imag();
      y.imag() = sign * x.real();
    } else {
      y.real().setZero();
      y.imag() = sign * x;
    }
    return y;
  };
  if constexpr (is_complex_v<S>) {
    const MatrixT<C> plus = detail::expm(times_i(a, 1), checked);
    const MatrixT<C> minus = detail::expm(times_i(a, -1), checked);
    MatrixT<C> cos = plus + minus;
    cos *= real_t<S>(0.5);
    return {std::move(cos), times_i(MatrixT<C>(plus - minus), -0.5)};
  } else {
    const MatrixT<C> e = detail::expm(times_i(a, 1), checked);
    return {e.real(), e.imag()};
  }
}

template <class S>
MatrixT<S> tan_of(const Eigen::Ref<const MatrixT<S>>& a, const ExpmOptions& options) {
  auto [c, s] = cos_sin<S>("tanm", a, options);
  if (a.size() != 0) detail::solve_in_place(c, s, SolveOptions{});
  return std::move(s);
}

}  // namespace

MatrixT<float> cosm(const Eigen::Ref<const MatrixT<float>>& a, const ExpmOptions& options) {
  return cos_sin<float>("cosm", a, options).first;
}
MatrixT<double> cosm(const Eigen::Ref<const MatrixT<double>>& a, const ExpmOptions& options) {
  return cos_sin<double>("cosm", a, options).first;
}
MatrixT<std::complex<float>> cosm(const Eigen::Ref<const MatrixT<std::complex<float>>>& a, const ExpmOptions& options) {
  return cos_sin<std::complex<float>>("cosm", a, options).first;
}
MatrixT<std::complex<double>> cosm(const Eigen::Ref<const MatrixT<std::complex<double>>>& a,
                                   const ExpmOptions& options) {
  return cos_sin<std::complex<double>>("cosm", a, options).first;
}

MatrixT<float> sinm(const Eigen::Ref<const MatrixT<float>>& a, const ExpmOptions& options) {
  return cos_sin<float>("sinm", a, options).second;
}
MatrixT<double> sinm(const Eigen::Ref<const MatrixT<double>>& a, const ExpmOptions& options) {
  return cos_sin<double>("sinm", a, options).second;
}
MatrixT<std::complex<float>> sinm(const Eigen::Ref<const MatrixT<std::complex<float>>>& a, const ExpmOptions& options) {
  return cos_sin<std::complex<float>>("sinm", a, options).second;
}
MatrixT<std::complex<double>> sinm(const Eigen::Ref<const MatrixT<std::complex<double>>>& a,
                                   const ExpmOptions& options) {
  return cos_sin<std::complex<double>>("sinm", a, options).second;
}

MatrixT<float> tanm(const Eigen::Ref<const MatrixT<float>>& a, const ExpmOptions& options) {
  return tan_of<float>(a, options);
}
MatrixT<double> tanm(const Eigen::Ref<const MatrixT<double>>& a, const ExpmOptions& options) {
  return tan_of<double>(a, options);
}
MatrixT<std::complex<float>> tanm(const Eigen::Ref<const MatrixT<std::complex<float>>>& a, const ExpmOptions& options) {
  return tan_of<std::complex<float>>(a, options);
}
MatrixT<std::complex<double>> tanm(const Eigen::Ref<const MatrixT<std::complex<double>>>& a,
                                   const ExpmOptions& options) {
  return tan_of<std::complex<double>>(a, options);
}

}  // namespace scilearn::linalg::detail

#pragma once
// Internal: what sqrtm, logm, funm and fractional_matrix_power share: input
// checks, the (complex) Schur form, the triangular square root recurrence,
// SciPy's _maybe_real and the back transformation z u z^H.

#include <algorithm>
#include <cmath>
#include <complex>
#include <limits>
#include <scilearn/core/validation.hpp>
#include <scilearn/linalg/matrix_functions.hpp>
#include <scilearn/linalg/schur.hpp>

#include "lapack.hpp"

namespace scilearn::linalg::detail {

// SciPy's order: finiteness, then shape.
template <class S>
void check_matrix_function_input(const char* where, const MatrixT<S>& a, bool finite) {
  if (finite) check_finite(where, "a", a);
  check_square(where, "a", a);
}

// An upper triangular t with a = z t z^H (z unitary), as SciPy's matrix
// functions get it: real a by the real Schur form, converted by rsf2csf when
// it has 2 x 2 blocks; complex a by the complex Schur form. When a is
// already upper triangular and skip_triangular (logm and
// fractional_matrix_power), t = a and has_z is false.
template <class R>
struct TriangularForm {
  MatrixT<std::complex<R>> t;
  MatrixT<std::complex<R>> z;
  bool has_z = false;
  // t is real (every imaginary part zero): a real and its real Schur form triangular.
  bool real = false;
};

template <class S>
bool is_upper_triangular(const MatrixT<S>& a) {
  for (Index j = 0; j < a.cols(); ++j) {
    for (Index i = j + 1; i < a.rows(); ++i) {
      if (a(i, j) != S(0)) return false;
    }
  }
  return true;
}

template <class S, class R = real_t<S>>
TriangularForm<R> triangular_form(const char* where, const MatrixT<S>& a, bool skip_triangular) {
  using C = std::complex<R>;
  TriangularForm<R> form;
  form.real = !is_complex_v<S>;
  if (skip_triangular && is_upper_triangular(a)) {
    form.t = a.template cast<C>();
    return form;
  }
  MatrixT<S> t = a;
  MatrixT<S> z;
  Index sdim = 0;
  schur_in_place(where, t, z, sdim, {.check_finite = false});
  form.t = t.template cast<C>();
  form.z = z.template cast<C>();
  form.has_z = true;
  if constexpr (!is_complex_v<S>) {
    if (!is_upper_triangular(t)) {
      rsf2csf_in_place(form.t, form.z, {.check_finite = false});
      form.real = false;
    }
  }
  return form;
}

// The form in double precision: logm and fractional_matrix_power factor in
// the input's precision (as SciPy, whose float32 Schur form then feeds
// float64 arithmetic) and compute the rest in double.
template <class R>
TriangularForm<double> to_double(const TriangularForm<R>& form) {
  return {form.t.template cast<std::complex<double>>(), form.z.template cast<std::complex<double>>(), form.has_z,
          form.real};
}

// z u z^H, or u when there is no z.
template <class C>
MatrixT<C> back_transform(const MatrixT<C>& u, const MatrixT<C>& z, bool has_z) {
  if (!has_z) return u;
  return z * u * z.adjoint();
}

// SciPy's _maybe_real for real input: drops the imaginary part when every
// entry's is within tol of 0. Sets is_real accordingly.
template <class R>
void maybe_real(MatrixFunctionValue<R>& out, bool real_input, double tol) {
  out.is_real = false;
  if (!real_input) return;
  const auto imag = out.value.imag();
  if (out.value.size() > 0 && !(imag.array().abs().template cast<double>() <= tol).all()) return;
  out.value = out.value.real().template cast<std::complex<R>>();
  out.is_real = true;
}

// The upper triangular square root of an upper triangular t (Björck and
// Hammarling's recurrence, column by column): r_jj = sqrt(t_jj), then
// r_ij = (t_ij - sum_{i<k<j} r_ik r_kj) / (r_ii + r_jj) upwards. A zero
// denominator with a zero numerator (a repeated zero eigenvalue without
// coupling) gives 0; a non-zero numerator gives inf / NaN (no square root).
template <class C>
MatrixT<C> sqrtm_triu(const MatrixT<C>& t) {
  const Index n = t.rows();
  MatrixT<C> r = MatrixT<C>::Zero(n, n);
  for (Index j = 0; j < n; ++j) {
    r(j, j) = std::sqrt(t(j, j));
    for (Index i = j - 1; i >= 0; --i) {
      C s = t(i, j);
      const Index len = j - i - 1;
      if (len > 0) s -= r.row(i).segment(i + 1, len).transpose().cwiseProduct(r.col(j).segment(i + 1, len)).sum();
      const C d = r(i, i) + r(j, j);
      r(i, j) = (d == C(0) && s == C(0)) ? C(0) : s / d;
    }
  }
  return r;
}

// Writes a double-precision result into the caller's precision.
template <class R>
void store_value(MatrixFunctionValue<R>& out, const MatrixFunctionValue<double>& value) {
  out.value = value.value.template cast<std::complex<R>>();
  out.is_real = value.is_real;
}

}  // namespace scilearn::linalg::detail

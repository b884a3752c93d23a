#pragma once
// Internal: what expm and expm_frechet share: the coefficients of the [m/m]
// Pade approximants of exp, and the solve with the approximant's denominator.
//
// r_m(x) = p_m(x) / p_m(-x), p_m(x) = sum_j b_j x^j (Higham 2005, "The scaling
// and squaring method for the matrix exponential revisited", eq. 2.2). With
// even and odd parts V = sum b_2j x^2j and U = sum b_2j+1 x^2j+1, r_m = (V - U)^-1 (V + U).

#include <array>
#include <scilearn/core/errors.hpp>
#include <span>
#include <vector>

#include "lapack.hpp"

namespace scilearn::linalg::detail {

inline constexpr std::array<double, 4> kPade3{120., 60., 12., 1.};
inline constexpr std::array<double, 6> kPade5{30240., 15120., 3360., 420., 30., 1.};
inline constexpr std::array<double, 8> kPade7{17297280., 8648640., 1995840., 277200., 25200., 1512., 56., 1.};
inline constexpr std::array<double, 10> kPade9{17643225600., 8821612800., 2075673600., 302702400., 30270240.,
                                               2162160.,     110880.,     3960.,       90.,        1.};
inline constexpr std::array<double, 14> kPade13{64764752532480000.,
                                                32382376266240000.,
                                                7771770303897600.,
                                                1187353796428800.,
                                                129060195264000.,
                                                10559470521600.,
                                                670442572800.,
                                                33522128640.,
                                                1323241920.,
                                                40840800.,
                                                960960.,
                                                16380.,
                                                182.,
                                                1.};

// b_0 .. b_m of the degree m approximant, m in {3, 5, 7, 9}.
inline std::span<const double> low_degree_pade(int m) {
  switch (m) {
    case 3: return kPade3;
    case 5: return kPade5;
    case 7: return kPade7;
    default: return kPade9;
  }
}

// LU-factors the denominator q = V - U in place (?getrf). Exactly singular
// cannot happen in exact arithmetic for the degrees chosen (the poles of r_m
// lie outside the disc the norm bounds allow), so info > 0 means overflow or
// NaN reached the approximant: a LinAlgError naming `where`.
template <class S>
std::vector<lapack_index> factor_denominator(const char* where, Eigen::Ref<MatrixT<S>> q) {
  const lapack_index n = to_lapack_index(where, q.rows());
  std::vector<lapack_index> ipiv(static_cast<std::size_t>(n));
  const lapack_index info = getrf(n, q.data(), to_lapack_index(where, q.outerStride()), ipiv.data());
  check_argument_info("getrf", info);
  if (info > 0) {
    throw LinAlgError(
        cat(where, ": the Pade denominator is singular (U(", info - 1, ", ", info - 1, ") is exactly zero)"));
  }
  return ipiv;
}

// x <- q^-1 x from factor_denominator's factors (?getrs).
template <class S>
void solve_denominator(const Eigen::Ref<const MatrixT<S>>& lu, const std::vector<lapack_index>& ipiv,
                       Eigen::Ref<MatrixT<S>> x) {
  const auto n = static_cast<lapack_index>(lu.rows());
  check_argument_info("getrs", getrs('N', n, static_cast<lapack_index>(x.cols()), lu.data(),
                                     static_cast<lapack_index>(lu.outerStride()), ipiv.data(), x.data(),
                                     static_cast<lapack_index>(x.outerStride())));
}

}  // namespace scilearn::linalg::detail

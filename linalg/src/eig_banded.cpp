#include <limits>
#include <scilearn/core/validation.hpp>
#include <scilearn/linalg/eig_banded.hpp>

#include "eig_select.hpp"
#include "lapack_eig_banded.hpp"

namespace scilearn::linalg::detail {
namespace {

constexpr const char* kWhere = "eig_banded";

template <class S>
void eig_banded_any(const Eigen::Ref<const MatrixT<S>>& a_band, const EigBandedOptions& options, VectorT<real_t<S>>& w,
                    MatrixT<S>& v) {
  using R = real_t<S>;
  if (options.check_finite) check_finite(kWhere, "a_band", a_band);
  w.resize(0);
  v.resize(0, 0);
  if (a_band.size() == 0) return;  // SciPy 1.17: any empty a_band, before select is checked
  const Index n = a_band.cols();
  const Selection s = checked_selection(kWhere, options.select, options.select_range, n);
  const lapack_index ln = to_lapack_index(kWhere, n);
  const auto ldab = to_lapack_index(kWhere, a_band.rows());
  const lapack_index kd = ldab - 1;
  const char jobz = options.eigvals_only ? 'N' : 'V';
  const char uplo = options.lower ? 'L' : 'U';
  MatrixT<S> ab = a_band;  // LAPACK overwrites the bands
  MatrixT<S> z(jobz == 'V' ? n : 1, jobz == 'V' ? n : 1);
  const auto ldz = static_cast<lapack_index>(z.rows());
  w.resize(n);
  lapack_index m = ln;
  lapack_index info = 0;
  const char* routine = nullptr;
  if (s.range == 'A') {
    routine = is_complex_v<S> ? "hbevd" : "sbevd";
    info = sbevd(jobz, uplo, ln, kd, ab.data(), ldab, w.data(), z.data(), ldz);
  } else {
    check_nonempty_interval(kWhere, s);
    routine = is_complex_v<S> ? "hbevx" : "sbevx";
    // SciPy's abstol for ?sbevx: twice LAPACK's safe minimum lamch('S'), the
    // tolerance at which bisection is most accurate (see ?sbevx).
    const R abstol = 2 * std::numeric_limits<R>::min();
    std::vector<lapack_index> ifail(static_cast<std::size_t>(n));
    info = sbevx(jobz, s.range, uplo, ln, kd, ab.data(), ldab, static_cast<R>(s.vl), static_cast<R>(s.vu), s.il, s.iu,
                 abstol, &m, w.data(), z.data(), ldz, ifail.data());
  }
  check_argument_info(routine, info);
  if (info > 0) throw LinAlgError(cat(kWhere, ": ", routine, " did not converge (LAPACK info=", info, ")"));
  w.conservativeResize(m);
  if (jobz == 'V') v = z.leftCols(m);
}

}  // namespace

void eig_banded_into(const Eigen::Ref<const MatrixT<float>>& a_band, const EigBandedOptions& options, VectorT<float>& w,
                     MatrixT<float>& v) {
  eig_banded_any<float>(a_band, options, w, v);
}
void eig_banded_into(const Eigen::Ref<const MatrixT<double>>& a_band, const EigBandedOptions& options,
                     VectorT<double>& w, MatrixT<double>& v) {
  eig_banded_any<double>(a_band, options, w, v);
}
void eig_banded_into(const Eigen::Ref<const MatrixT<std::complex<float>>>& a_band, const EigBandedOptions& options,
                     VectorT<float>& w, MatrixT<std::complex<float>>& v) {
  eig_banded_any<std::complex<float>>(a_band, options, w, v);
}
void eig_banded_into(const Eigen::Ref<const MatrixT<std::complex<double>>>& a_band, const EigBandedOptions& options,
                     VectorT<double>& w, MatrixT<std::complex<double>>& v) {
  eig_banded_any<std::complex<double>>(a_band, options, w, v);
}

}  // namespace scilearn::linalg::detail

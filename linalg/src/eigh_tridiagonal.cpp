#include <algorithm>
#include <numeric>
#include <scilearn/core/validation.hpp>
#include <scilearn/linalg/eig_banded.hpp>

#include "eig_select.hpp"
#include "lapack_eig_banded.hpp"

namespace scilearn::linalg::detail {
namespace {

const char* driver_name(TridiagonalDriver driver) {
  switch (driver) {
    case TridiagonalDriver::automatic: return "auto";
    case TridiagonalDriver::stemr: return "stemr";
    case TridiagonalDriver::stebz: return "stebz";
    case TridiagonalDriver::sterf: return "sterf";
    case TridiagonalDriver::stev: return "stev";
    case TridiagonalDriver::stevd: return "stevd";
  }
  return nullptr;
}

// SciPy's _check_info: LinAlgError "<routine> (eigh_tridiagonal) did not converge (LAPACK info=k)".
void check_info(const char* where, const char* routine, lapack_index info) {
  check_argument_info(routine, info);
  if (info > 0) {
    throw LinAlgError(cat(where, ": ", routine, " (eigh_tridiagonal) did not converge (LAPACK info=", info, ")"));
  }
}

// stebz's eigenvalues (ordered by split block, as stein needs) and, with
// vectors, stein's; sorted ascending at the end as SciPy does.
template <class R>
void by_bisection(const char* where, const VectorT<R>& d, const VectorT<R>& e, const Selection& s, R tol,
                  bool eigvals_only, VectorT<R>& w, MatrixT<R>& v) {
  const auto n = static_cast<lapack_index>(d.size());
  const auto un = static_cast<std::size_t>(n);
  std::vector<lapack_index> iblock(un);
  std::vector<lapack_index> isplit(un);
  lapack_index m = 0;
  lapack_index nsplit = 0;
  w.resize(n);
  check_info(where, "stebz",
             stebz(s.range, eigvals_only ? 'E' : 'B', n, static_cast<R>(s.vl), static_cast<R>(s.vu), s.il, s.iu, tol,
                   d.data(), e.data(), &m, &nsplit, w.data(), iblock.data(), isplit.data()));
  w.conservativeResize(m);
  if (eigvals_only) return;
  MatrixT<R> z(n, m);
  const lapack_index info = stein(n, d.data(), e.data(), m, w.data(), iblock.data(), isplit.data(), z.data(), n);
  check_argument_info("stein", info);
  if (info > 0) throw LinAlgError(cat(where, ": stein (eigh_tridiagonal) ", info, " eigenvectors failed to converge"));
  std::vector<Index> order(static_cast<std::size_t>(m));
  std::iota(order.begin(), order.end(), Index{0});
  std::stable_sort(order.begin(), order.end(), [&](Index i, Index j) { return w(i) < w(j); });
  VectorT<R> sorted_w(m);
  v.resize(n, m);
  for (Index k = 0; k < m; ++k) {
    sorted_w(k) = w(order[static_cast<std::size_t>(k)]);
    v.col(k) = z.col(order[static_cast<std::size_t>(k)]);
  }
  w = std::move(sorted_w);
}

template <class R>
void eigh_tridiagonal_any(const char* where, const Eigen::Ref<const VectorT<R>>& d_in,
                          const Eigen::Ref<const VectorT<R>>& e_in, const EighTridiagonalOptions& options,
                          VectorT<R>& w, MatrixT<R>& v) {
  if (options.check_finite) {
    check_finite(where, "d", d_in);
    check_finite(where, "e", e_in);
  }
  if (d_in.size() != e_in.size() + 1) {
    throw ValueError(cat(where, ": d (", d_in.size(), ") must have one more element than e (", e_in.size(), ")"));
  }
  const Index n = d_in.size();
  const Selection s = checked_selection(where, options.select, options.select_range, n);
  TridiagonalDriver driver = options.lapack_driver;
  const char* name = driver_name(driver);
  if (name == nullptr) throw ValueError(cat(where, ": unknown lapack_driver value ", static_cast<int>(driver)));
  if (driver == TridiagonalDriver::automatic) {
    driver = s.range == 'A' ? TridiagonalDriver::stevd : TridiagonalDriver::stebz;
    name = driver_name(driver);
  }
  w.resize(0);
  v.resize(0, 0);
  if (n == 1) {  // SciPy's short cut, taken before the driver is checked against select
    const bool outside = s.range == 'V' && !(s.vl < d_in(0) && d_in(0) <= s.vu);
    if (!outside) w = d_in;
    if (!options.eigvals_only) v = MatrixT<R>::Ones(1, outside ? 0 : 1);
    return;
  }
  const bool all = s.range == 'A';
  if ((driver == TridiagonalDriver::sterf || driver == TridiagonalDriver::stev || driver == TridiagonalDriver::stevd) &&
      !all) {
    throw ValueError(cat(where, ": ", name, " can only be used when select == \"a\""));
  }
  if (driver == TridiagonalDriver::sterf && !options.eigvals_only) {
    throw ValueError(cat(where, ": sterf can only be used when eigvals_only is True"));
  }
  const lapack_index ln = to_lapack_index(where, n);
  const char jobz = options.eigvals_only ? 'N' : 'V';
  VectorT<R> d = d_in;  // LAPACK overwrites d and e
  VectorT<R> e(n);      // n entries: ?stemr needs one more (workspace)
  e.head(n - 1) = e_in;
  e(n - 1) = 0;
  MatrixT<R> z(jobz == 'V' ? n : 1, jobz == 'V' ? n : 1);
  const auto ldz = static_cast<lapack_index>(z.rows());
  switch (driver) {
    case TridiagonalDriver::stebz:
      check_nonempty_interval(where, s);
      by_bisection(where, d, e, s, static_cast<R>(options.tol), options.eigvals_only, w, v);
      return;
    case TridiagonalDriver::stemr: {
      check_nonempty_interval(where, s);
      lapack_index m = 0;
      std::vector<lapack_index> isuppz(2 * static_cast<std::size_t>(n));
      w.resize(n);
      check_info(where, "stemr",
                 stemr(jobz, s.range, ln, d.data(), e.data(), static_cast<R>(s.vl), static_cast<R>(s.vu), s.il, s.iu,
                       &m, w.data(), z.data(), ldz, isuppz.data()));
      w.conservativeResize(m);
      if (jobz == 'V') v = z.leftCols(m);
      return;
    }
    case TridiagonalDriver::sterf: check_info(where, "sterf", sterf(ln, d.data(), e.data())); break;
    case TridiagonalDriver::stev: check_info(where, "stev", stev(jobz, ln, d.data(), e.data(), z.data(), ldz)); break;
    default: check_info(where, "stevd", stevd(jobz, ln, d.data(), e.data(), z.data(), ldz)); break;
  }
  w = std::move(d);  // sterf / stev / stevd leave the eigenvalues in d
  if (jobz == 'V') v = std::move(z);
}

}  // namespace

void eigh_tridiagonal_into(const char* where, const Eigen::Ref<const VectorT<float>>& d,
                           const Eigen::Ref<const VectorT<float>>& e, const EighTridiagonalOptions& options,
                           VectorT<float>& w, MatrixT<float>& v) {
  eigh_tridiagonal_any<float>(where, d, e, options, w, v);
}
void eigh_tridiagonal_into(const char* where, const Eigen::Ref<const VectorT<double>>& d,
                           const Eigen::Ref<const VectorT<double>>& e, const EighTridiagonalOptions& options,
                           VectorT<double>& w, MatrixT<double>& v) {
  eigh_tridiagonal_any<double>(where, d, e, options, w, v);
}

}  // namespace scilearn::linalg::detail

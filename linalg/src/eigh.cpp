#include <cmath>
#include <limits>
#include <scilearn/core/validation.hpp>
#include <scilearn/linalg/eigh.hpp>

#include "jacobi_small.hpp"
#include "lapack_eig.hpp"

namespace scilearn::linalg::detail {
namespace {

const char* driver_name(EighDriver driver) {
  switch (driver) {
    case EighDriver::ev: return "ev";
    case EighDriver::evd: return "evd";
    case EighDriver::evr: return "evr";
    case EighDriver::evx: return "evx";
    case EighDriver::gv: return "gv";
    case EighDriver::gvd: return "gvd";
    case EighDriver::gvx: return "gvx";
  }
  return nullptr;
}

bool is_generalized(EighDriver driver) {
  return driver == EighDriver::gv || driver == EighDriver::gvd || driver == EighDriver::gvx;
}

bool computes_subsets(EighDriver driver) {
  return driver == EighDriver::evr || driver == EighDriver::evx || driver == EighDriver::gvx;
}

// SciPy's checks, in SciPy's order, on everything but a and b themselves;
// returns the driver to run (SciPy's default when none is given).
EighDriver checked_driver(const char* where, const EighOptions& o, bool generalized, Index n, LapackRange& r) {
  if (o.driver && driver_name(*o.driver) == nullptr) {
    throw ValueError(cat(where, ": unknown driver value ", static_cast<int>(*o.driver)));
  }
  if (generalized && (o.type < 1 || o.type > 3)) {
    throw ValueError(cat(where, ": \"type\" keyword only accepts 1, 2, and 3 (got ", o.type, ")"));
  }
  const bool subset = o.subset_by_index || o.subset_by_value;
  if (o.subset_by_index && o.subset_by_value) {
    throw ValueError(cat(where, ": Either index or value subset can be requested."));
  }
  if (o.subset_by_index) {
    const auto [lo, hi] = *o.subset_by_index;
    if (!(0 <= lo && lo <= hi && hi < n)) {
      throw ValueError(cat(where, ": Requested eigenvalue indices are not valid. Valid range is [0, ", n - 1,
                           "] and start <= end, but start=", lo, ", end=", hi, " is given"));
    }
    r = {.range = 'I', .il = static_cast<lapack_index>(lo + 1), .iu = static_cast<lapack_index>(hi + 1)};
  }
  if (o.subset_by_value) {
    const auto [lo, hi] = *o.subset_by_value;
    constexpr double inf = std::numeric_limits<double>::infinity();
    if (!(-inf <= lo && lo < hi && hi <= inf)) {
      throw ValueError(cat(where, ": Requested eigenvalue bounds are not valid. Valid range is (-inf, inf) and ",
                           "low < high, but low=", lo, ", high=", hi, " is given"));
    }
    r = {.range = 'V', .vl = lo, .vu = hi};
  }
  if (!o.driver) return !generalized ? EighDriver::evr : (subset ? EighDriver::gvx : EighDriver::gvd);
  const EighDriver d = *o.driver;
  const char* name = driver_name(d);
  if (!generalized && is_generalized(d)) {
    throw ValueError(
        cat(where, ": ", name, " requires input b array to be supplied for generalized eigenvalue problems."));
  }
  if (generalized && !is_generalized(d)) {
    throw ValueError(cat(where, ": \"", name, "\" does not accept input b array for standard eigenvalue problems."));
  }
  if (subset && !computes_subsets(d)) {
    throw ValueError(cat(where, ": \"", name, "\" cannot compute subsets of eigenvalues"));
  }
  return d;
}

// SciPy's LinAlgError messages for LAPACK's info > 0, with the numbers filled in.
[[noreturn]] void throw_failure(const char* where, EighDriver d, bool eigvals_only, Index n, lapack_index info) {
  if (is_generalized(d) && info > n) {
    throw LinAlgError(cat(where, ": The leading minor of order ", info - n,
                          " of B is not positive definite. The factorization of B could not be completed and no "
                          "eigenvalues or eigenvectors were computed."));
  }
  const std::string tridiagonal_failure =
      cat(where, ": The algorithm failed to converge; ", info,
          " off-diagonal elements of an intermediate tridiagonal form did not converge to zero.");
  switch (d) {
    case EighDriver::ev:
    case EighDriver::gv: throw LinAlgError(tridiagonal_failure);
    case EighDriver::evx:
    case EighDriver::gvx: throw LinAlgError(cat(where, ": ", info, " eigenvectors failed to converge."));
    case EighDriver::evd:
    case EighDriver::gvd:
      if (eigvals_only) throw LinAlgError(tridiagonal_failure);
      // LAPACK ?syevd: info = i fails on the submatrix in rows and columns i / (n + 1) through mod(i, n + 1).
      throw LinAlgError(cat(where,
                            ": The algorithm failed to compute an eigenvalue while working on the submatrix lying "
                            "in rows and columns ",
                            info / (n + 1), " through ", info % (n + 1), "."));
    case EighDriver::evr: break;
  }
  throw LinAlgError(cat(where, ": Internal Error. (LAPACK ?syevr / ?heevr info = ", info, ")"));
}

template <class S>
void eigh_any(const char* where, const Eigen::Ref<const MatrixT<S>>& a, const Eigen::Ref<const MatrixT<S>>* b,
              const EighOptions& options, VectorT<real_t<S>>& w, MatrixT<S>& v) {
  using R = real_t<S>;
  if (options.check_finite) check_finite(where, "a", a);
  check_square(where, "a", a);
  const Index n = a.rows();
  w.resize(0);
  v.resize(0, 0);
  if (n == 0) return;  // SciPy 1.17: before b and the options are looked at
  if (b != nullptr) {
    if (options.check_finite) check_finite(where, "b", *b);
    check_square(where, "b", *b);
    if (b->rows() != n) {
      throw ValueError(
          cat(where, ": wrong b dimensions (", b->rows(), ", ", b->cols(), "), should be (", n, ", ", n, ")"));
    }
  }
  LapackRange r;
  const EighDriver driver = checked_driver(where, options, b != nullptr, n, r);
  // SciPy's default driver on a small real standard problem: the Jacobi method
  // gives the same eigenpairs (up to rounding and signs) in a fraction of evr's
  // time (jacobi_small.hpp). A driver asked for by name is always LAPACK's.
  if constexpr (!is_complex_v<S>) {
    const bool default_full_problem = b == nullptr && !options.driver && r.range == 'A';
    if (default_full_problem && jacobi_eigh<S>(a, options.lower, !options.eigvals_only, w, v)) return;
  }
  const lapack_index ln = to_lapack_index(where, n);
  const char jobz = options.eigvals_only ? 'N' : 'V';
  const char uplo = options.lower ? 'L' : 'U';
  const auto vl = static_cast<R>(r.vl);
  const auto vu = static_cast<R>(r.vu);
  const R abstol = 0;  // as SciPy: LAPACK's default tolerance
  const lapack_index itype = options.type;

  MatrixT<S> f = a;  // LAPACK overwrites a (and b): work on copies
  MatrixT<S> g;
  if (b != nullptr) g = *b;
  w.resize(n);
  lapack_index m = ln;
  lapack_index info = 0;
  // ev / evd / gv / gvd return the vectors in f; evr / evx / gvx in z (n x m).
  MatrixT<S> z;
  if (computes_subsets(driver)) {
    z.resize(jobz == 'V' ? n : 1, jobz == 'V' ? (r.range == 'I' ? r.iu - r.il + 1 : n) : 1);
  }
  const auto ldz = static_cast<lapack_index>(z.rows());
  std::vector<lapack_index> aux(2 * static_cast<std::size_t>(n));  // evr: isuppz (2 n); evx / gvx: ifail (n)
  switch (driver) {
    case EighDriver::ev: info = syev(jobz, uplo, ln, f.data(), ln, w.data()); break;
    case EighDriver::evd: info = syevd(jobz, uplo, ln, f.data(), ln, w.data()); break;
    case EighDriver::evr:
      info = syevr(jobz, r.range, uplo, ln, f.data(), ln, vl, vu, r.il, r.iu, abstol, &m, w.data(), z.data(), ldz,
                   aux.data());
      break;
    case EighDriver::evx:
      info = syevx(jobz, r.range, uplo, ln, f.data(), ln, vl, vu, r.il, r.iu, abstol, &m, w.data(), z.data(), ldz,
                   aux.data());
      break;
    case EighDriver::gv: info = sygv(itype, jobz, uplo, ln, f.data(), ln, g.data(), ln, w.data()); break;
    case EighDriver::gvd: info = sygvd(itype, jobz, uplo, ln, f.data(), ln, g.data(), ln, w.data()); break;
    case EighDriver::gvx:
      info = sygvx(itype, jobz, r.range, uplo, ln, f.data(), ln, g.data(), ln, vl, vu, r.il, r.iu, abstol, &m, w.data(),
                   z.data(), ldz, aux.data());
      break;
  }
  check_argument_info(cat(is_complex_v<S> ? "he" : "sy", driver_name(driver)).c_str(), info);
  if (info > 0) throw_failure(where, driver, options.eigvals_only, n, info);
  w.conservativeResize(m);
  if (options.eigvals_only) return;
  if (computes_subsets(driver)) {
    v = z.leftCols(m);
  } else {
    v = std::move(f);
  }
}

}  // namespace

void eigh_into(const char* where, const Eigen::Ref<const MatrixT<float>>& a, const Eigen::Ref<const MatrixT<float>>* b,
               const EighOptions& options, VectorT<float>& w, MatrixT<float>& v) {
  eigh_any<float>(where, a, b, options, w, v);
}
void eigh_into(const char* where, const Eigen::Ref<const MatrixT<double>>& a,
               const Eigen::Ref<const MatrixT<double>>* b, const EighOptions& options, VectorT<double>& w,
               MatrixT<double>& v) {
  eigh_any<double>(where, a, b, options, w, v);
}
void eigh_into(const char* where, const Eigen::Ref<const MatrixT<std::complex<float>>>& a,
               const Eigen::Ref<const MatrixT<std::complex<float>>>* b, const EighOptions& options, VectorT<float>& w,
               MatrixT<std::complex<float>>& v) {
  eigh_any<std::complex<float>>(where, a, b, options, w, v);
}
void eigh_into(const char* where, const Eigen::Ref<const MatrixT<std::complex<double>>>& a,
               const Eigen::Ref<const MatrixT<std::complex<double>>>* b, const EighOptions& options, VectorT<double>& w,
               MatrixT<std::complex<double>>& v) {
  eigh_any<std::complex<double>>(where, a, b, options, w, v);
}

}  // namespace scilearn::linalg::detail

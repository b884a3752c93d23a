#include <Eigen/Cholesky>
#include <limits>
#include <scilearn/core/validation.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/linalg/svd.hpp>
#include <scilearn/optimize/curve_fit.hpp>
#include <scilearn/optimize/least_squares.hpp>

#include "minpack_lm.hpp"

namespace scilearn::optimize {
namespace {

constexpr const char* kWhere = "curve_fit";

// (J'J)^-1 from J P = Q R: R^-1 with its rows put back in J's column order,
// times its transpose (SciPy's leastsq, through LAPACK's trtri). Empty when R
// is singular.
Matrix covariance_from_r(const Matrix& r, const std::vector<Index>& ipvt) {
  const Index n = r.cols();
  for (Index i = 0; i < n; ++i) {
    if (r(i, i) == 0) return {};
  }
  const Matrix inv_r = r.triangularView<Eigen::Upper>().solve(Matrix::Identity(n, n));
  Matrix permuted(n, n);
  for (Index i = 0; i < n; ++i) permuted.row(ipvt[static_cast<std::size_t>(i)]) = inv_r.row(i);
  return permuted * permuted.transpose();
}

// (J'J)^+ through J's SVD, singular values at most eps max(m, n) s_max
// dropped (SciPy's curve_fit after least_squares).
Matrix covariance_from_svd(const Matrix& j) {
  const auto svd = linalg::svd(j, {.full_matrices = false, .check_finite = false});
  const double threshold = std::numeric_limits<double>::epsilon() * static_cast<double>(std::max(j.rows(), j.cols())) *
                           (svd.s.size() > 0 ? svd.s(0) : 0.0);
  Index k = 0;
  while (k < svd.s.size() && svd.s(k) > threshold) ++k;
  const Matrix vt = svd.vh.topRows(k);
  return vt.transpose() * svd.s.head(k).array().square().inverse().matrix().asDiagonal() * vt;
}

}  // namespace

CurveFitResult curve_fit(const Model& f, const Eigen::Ref<const Matrix>& xdata, const Eigen::Ref<const Vector>& ydata,
                         const CurveFitOptions& options) {
  check_non_empty(kWhere, "ydata", ydata);
  check_non_empty(kWhere, "p0", options.p0);
  check_finite(kWhere, "p0", options.p0);
  check_same_length(kWhere, "xdata", xdata.rows(), "ydata", ydata.size());
  if (options.check_finite) {
    check_finite(kWhere, "xdata", xdata);
    check_finite(kWhere, "ydata", ydata);
  }
  const Index m = ydata.size();
  const Index n = options.p0.size();
  if (m != 1 && n > m) {
    throw ValueError(cat(kWhere, ": the number of parameters (", n, ") must not exceed the number of data points (", m,
                         ")"));
  }
  // The whitening of the residuals: 1 / sigma, or the Cholesky factor of the covariance.
  const Matrix& sigma = options.sigma;
  Vector weight;
  Eigen::LLT<Matrix> covariance;
  if (sigma.size() == 1 || (sigma.cols() == 1 && sigma.rows() == m)) {
    weight = sigma.size() == 1 ? Vector::Constant(m, 1 / sigma(0, 0)) : Vector(sigma.col(0).cwiseInverse());
  } else if (sigma.rows() == m && sigma.cols() == m) {
    covariance.compute(sigma);
    if (covariance.info() != Eigen::Success) throw ValueError(cat(kWhere, ": sigma must be positive definite"));
  } else if (sigma.size() != 0) {
    throw ValueError(cat(kWhere, ": sigma is ", sigma.rows(), "x", sigma.cols(), ", expected 1, ", m, " or ", m, "x", m));
  }
  const Matrix x = xdata;
  const Vector y = ydata;
  const auto whiten = [&](auto&& v) {
    using T = std::decay_t<decltype(v)>;
    if (weight.size() > 0) return T(weight.asDiagonal() * v);
    if (sigma.size() > 0) return T(covariance.matrixL().solve(v));
    return T(v);
  };
  const VectorFunction residuals = [&](const Vector& p) {
    Vector prediction = f(x, p);
    if (prediction.size() != m) {
      throw ValueError(cat(kWhere, ": f returned ", prediction.size(), " values for ", m, " data points"));
    }
    return whiten(Vector(prediction - y));
  };
  JacobianFunction jac;
  if (options.jac) {
    jac = [&](const Vector& p) { return whiten(options.jac(x, p)); };
  }
  if (options.maxfev < 0) throw ValueError(cat(kWhere, ": maxfev must be >= 0, got ", options.maxfev));
  for (const auto& tol : {options.ftol, options.xtol, options.gtol}) {
    if (tol && !(*tol >= 0)) throw ValueError(cat(kWhere, ": ftol, xtol and gtol must be >= 0, got ", *tol));
  }
  CurveFitResult out;
  Matrix pcov;
  if (options.bounds) {  // SciPy's method 'trf', through least_squares
    LeastSquaresOptions ls{.method = LeastSquaresMethod::trf, .jac = jac, .bounds = options.bounds,
                           .max_nfev = options.maxfev};
    if (options.ftol) ls.ftol = *options.ftol;
    if (options.xtol) ls.xtol = *options.xtol;
    if (options.gtol) ls.gtol = *options.gtol;
    const LeastSquaresResult r = least_squares(residuals, options.p0, ls);
    out.popt = r.x;
    out.fvec = r.fun;
    out.nfev = r.nfev;
    out.ier = r.status;
    out.success = r.success;
    out.mesg = r.success ? r.message : "Optimal parameters not found: " + r.message;
    if (r.success) pcov = covariance_from_svd(r.jac);
  } else {
    const detail::MinpackSettings settings{.ftol = options.ftol.value_or(1.49012e-08),
                                           .xtol = options.xtol.value_or(1.49012e-08),
                                           .gtol = options.gtol.value_or(0.0), .maxfev = options.maxfev,
                                           .epsfcn = options.epsfcn};
    const detail::MinpackResult r = detail::minpack_lm(residuals, jac, options.p0, settings);
    const int maxfev = options.maxfev > 0 ? options.maxfev : static_cast<int>((options.jac ? 100 : 200) * (n + 1));
    out.popt = r.x;
    out.fvec = r.fvec;
    out.nfev = r.nfev;
    out.ier = r.info;
    out.mesg = detail::minpack_message(r.info, settings, maxfev);
    out.success = r.info >= 1 && r.info <= 4;
    if (!out.success) out.mesg = "Optimal parameters not found: " + out.mesg;
    // SciPy computes the covariance only after a converged run.
    if (out.success) pcov = covariance_from_r(r.r, r.ipvt);
  }
  bool estimable = pcov.size() > 0 && !pcov.hasNaN();
  if (estimable && !options.absolute_sigma) {
    if (m > n) {
      pcov *= out.fvec.squaredNorm() / static_cast<double>(m - n);
    } else {
      estimable = false;
    }
  }
  if (!estimable) {
    pcov = Matrix::Constant(n, n, std::numeric_limits<double>::infinity());
    warn(WarningCategory::user, "curve_fit: covariance of the parameters could not be estimated");
  }
  out.pcov = std::move(pcov);
  return out;
}

}  // namespace scilearn::optimize

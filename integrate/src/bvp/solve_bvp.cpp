// scipy.integrate.solve_bvp: Newton on the collocation system, then the
// residual of the spline on every interval decides where the mesh is refined
// (Kierzenka & Shampine 2001, with SciPy's RMS normalized by the interval).

#include <Eigen/SVD>
#include <cmath>
#include <limits>
#include <optional>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/validation.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/integrate/solve_bvp.hpp>
#include <string>
#include <vector>

#include "bvp/bvp.hpp"

namespace scilearn::integrate {

namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();
// Iterations allowed without mesh growth while bc_tol is not met (status 3).
constexpr int kMaxIteration = 10;

const char* termination_message(int status) {
  switch (status) {
    case 0: return "The algorithm converged to the desired accuracy.";
    case 1: return "The maximum number of mesh nodes is exceeded.";
    case 2: return "A singular Jacobian encountered when solving the collocation system.";
    default: return "The solver was unable to satisfy boundary conditions tolerance on iteration 10.";
  }
}

// NumPy's pinv: singular values at or below 1e-15 times the largest are
// treated as zero.
Matrix pinv(const Matrix& a) {
  const Eigen::JacobiSVD<Matrix> svd(a, Eigen::ComputeFullU | Eigen::ComputeFullV);
  const Vector& s = svd.singularValues();
  const double cutoff = 1e-15 * (s.size() > 0 ? s[0] : 0.0);
  Vector s_inv = Vector::Zero(s.size());
  for (Index i = 0; i < s.size(); ++i) {
    if (s[i] > cutoff) s_inv[i] = 1 / s[i];
  }
  return svd.matrixV() * s_inv.asDiagonal() * svd.matrixU().transpose();
}

// The RMS over each interval of the relative residual (y' - f) / (1 + |f|)
// of the spline, by 5-point Lobatto quadrature: the residual vanishes at the
// nodes, and at the midpoint it is r_middle = 1.5 col_res / h.
Vector rms_residuals(const bvp::Problem& problem, const BvpSpline& sol, const bvp::Mesh& mesh, const Vector& p,
                     const bvp::Collocation& col) {
  const Index n = problem.n;
  const auto widths = mesh.h.transpose().array().replicate(n, 1);
  const Eigen::ArrayXXd r_middle = (1.5 * col.col_res.array() / widths) / (1 + col.f_middle.array().abs());
  const Vector s = 0.5 * mesh.h * std::sqrt(3.0 / 7.0);
  // The squared norm of the relative residual at the Lobatto points x_middle +- s.
  const auto squared = [&](const Vector& points) -> Eigen::ArrayXd {
    const Matrix y = sol(points);
    const Matrix f = problem.f(points, y, p);
    return ((sol(points, 1) - f).array() / (1 + f.array().abs())).square().colwise().sum().transpose();
  };
  const Eigen::ArrayXd r1 = squared(mesh.x_middle + s);
  const Eigen::ArrayXd r2 = squared(mesh.x_middle - s);
  const Eigen::ArrayXd rm = r_middle.square().colwise().sum().transpose();
  return (0.5 * (32.0 / 45 * rm + 49.0 / 90 * (r1 + r2))).sqrt().matrix();
}

// The mesh with 1 node inserted in the middle of the intervals whose RMS
// residual is above tol, and 2 (thirds) where it is 100 tol or more.
Vector refine(const Vector& x, const Vector& rms, double tol) {
  std::vector<double> nodes;
  for (Index q = 0; q + 1 < x.size(); ++q) {
    nodes.push_back(x[q]);
    if (rms[q] >= 100 * tol) {
      nodes.push_back((2 * x[q] + x[q + 1]) / 3);
      nodes.push_back((x[q] + 2 * x[q + 1]) / 3);
    } else if (rms[q] > tol) {
      nodes.push_back(0.5 * (x[q] + x[q + 1]));
    }
  }
  nodes.push_back(x[x.size() - 1]);
  return Eigen::Map<const Vector>(nodes.data(), static_cast<Index>(nodes.size()));
}

}  // namespace

BvpResult solve_bvp(const BvpFunction& fun, const BvpBoundary& bc, const Eigen::Ref<const Vector>& x0,
                    const Eigen::Ref<const Matrix>& y0, const Eigen::Ref<const Vector>& p0,
                    const SolveBvpOptions& options) {
  if (x0.size() < 2) throw ValueError(cat("solve_bvp: `x` must have at least 2 nodes, got ", x0.size()));
  check_finite("solve_bvp", "`x`", x0);
  for (Index i = 0; i + 1 < x0.size(); ++i) {
    if (!(x0[i + 1] > x0[i])) {
      throw ValueError(cat("solve_bvp: `x` must be strictly increasing, but x[", i, "] = ", x0[i], " and x[", i + 1,
                           "] = ", x0[i + 1]));
    }
  }
  if (y0.rows() < 1 || y0.cols() != x0.size()) {
    throw ValueError(cat("solve_bvp: `y` is expected to have ", x0.size(), " columns and at least 1 row, but is ",
                         y0.rows(), " x ", y0.cols()));
  }
  check_finite("solve_bvp", "`y`", y0);
  check_finite("solve_bvp", "`p`", p0);
  double tol = options.tol;
  if (!std::isfinite(tol)) throw ValueError(cat("solve_bvp: `tol` must be finite, got ", tol));
  if (tol < 100 * kEps) {
    warn(WarningCategory::user, cat("solve_bvp: `tol` is too low, setting to ", 100 * kEps));
    tol = 100 * kEps;
  }
  const double bc_tol = options.bc_tol.value_or(tol);
  if (std::isnan(bc_tol)) throw ValueError("solve_bvp: `bc_tol` must not be NaN");

  bvp::Problem problem{.fun = fun,
                       .bc = bc,
                       .fun_jac = options.fun_jac,
                       .bc_jac = options.bc_jac,
                       .n = y0.rows(),
                       .k = p0.size(),
                       .a = x0[0],
                       .S = {},
                       .D = {}};
  Matrix y = y0;
  Vector p = p0;
  std::optional<Matrix> B;
  if (options.S) {
    const Matrix& S = *options.S;
    if (S.rows() != problem.n || S.cols() != problem.n) {
      throw ValueError(cat("solve_bvp: `S` is expected to be ", problem.n, " x ", problem.n, ", but is ", S.rows(),
                           " x ", S.cols()));
    }
    check_finite("solve_bvp", "`S`", S);
    const Matrix identity = Matrix::Identity(problem.n, problem.n);
    // B projects onto S y(a) = 0; D = (I - S)^+ gives y'(a).
    B = identity - pinv(S) * S;
    y.col(0) = *B * y.col(0);
    problem.S = S;
    problem.D = pinv(identity - S);
  }

  // Problem checks the shapes of fun's and bc's results on every call.
  bvp::Mesh mesh(x0);

  int status = 0;
  int iteration = 0;
  std::optional<BvpSpline> sol;
  Vector rms;
  Matrix yp;
  while (true) {
    const Index m = mesh.x.size();
    bvp::NewtonResult newton = bvp::solve_newton(problem, mesh, std::move(y), std::move(p), B, tol, bc_tol);
    y = std::move(newton.y);
    p = std::move(newton.p);
    ++iteration;
    const bvp::Collocation col = bvp::collocate(problem, mesh, y, p);
    const double max_bc_res = problem.boundary(y.col(0), y.col(m - 1), p).cwiseAbs().maxCoeff();
    sol.emplace(mesh.x, y, col.f);
    yp = col.f;
    rms = rms_residuals(problem, *sol, mesh, p, col);
    if (newton.singular) {
      status = 2;
      break;
    }
    Vector refined = refine(mesh.x, rms, tol);
    if (refined.size() > options.max_nodes) {
      status = 1;
      break;
    }
    if (refined.size() > m) {
      mesh = bvp::Mesh(std::move(refined));
      y = (*sol)(mesh.x);
    } else if (max_bc_res <= bc_tol) {
      status = 0;
      break;
    } else if (iteration >= kMaxIteration) {
      status = 3;
      break;
    }
  }
  return BvpResult{.sol = std::move(*sol),
                   .p = std::move(p),
                   .x = std::move(mesh.x),
                   .y = std::move(y),
                   .yp = std::move(yp),
                   .rms_residuals = std::move(rms),
                   .niter = iteration,
                   .status = status,
                   .message = termination_message(status),
                   .success = status == 0};
}

BvpResult solve_bvp(const BvpFunctionNoParams& fun, const BvpBoundaryNoParams& bc, const Eigen::Ref<const Vector>& x,
                    const Eigen::Ref<const Matrix>& y, const SolveBvpOptions& options) {
  return solve_bvp([&fun](const Vector& xs, const Matrix& ys, const Vector&) { return fun(xs, ys); },
                   [&bc](const Vector& ya, const Vector& yb, const Vector&) { return bc(ya, yb); }, x, y, Vector(),
                   options);
}

}  // namespace scilearn::integrate

#pragma once
// The pieces of solve_bvp: the problem with its singular term folded in, the
// collocation residuals and their sparse Jacobian, and the damped Newton
// solve (Kierzenka & Shampine 2001; Ascher, Mattheij & Russell 1995).

#include <optional>
#include <scilearn/core/types.hpp>
#include <scilearn/integrate/solve_bvp.hpp>
#include <vector>

namespace scilearn::integrate::bvp {

/// fun, bc and their derivatives as the solver sees them: the singular term
/// S y / (x - a) added to f (with f(a) = D f(a), D = pinv(I - S), Shampine,
/// Muir & Xu 2006), every result checked for its shape, finite differences
/// where the user gave no Jacobian.
struct Problem {
  BvpFunction fun;
  BvpBoundary bc;
  BvpFunJac fun_jac;  ///< empty: forward differences
  BvpBcJac bc_jac;    ///< empty: forward differences
  Index n = 0;        ///< equations
  Index k = 0;        ///< unknown parameters
  double a = 0;       ///< the left end, where the singular term lives
  std::optional<Matrix> S, D;

  /// f(x, y, p) + S y / (x - a), n x m.
  [[nodiscard]] Matrix f(const Vector& x, const Matrix& y, const Vector& p) const;
  /// bc(ya, yb, p), n + k.
  [[nodiscard]] Vector boundary(const Vector& ya, const Vector& yb, const Vector& p) const;
  /// d f / d y (m matrices n x n) and d f / d p (m matrices n x k, empty when
  /// k = 0) at the nodes, f0 = f(x, y, p) already computed.
  void jacobian(const Vector& x, const Matrix& y, const Vector& p, const Matrix& f0, std::vector<Matrix>& df_dy,
                std::vector<Matrix>& df_dp) const;
  /// d bc / d (ya, yb, p), bc0 = bc(ya, yb, p) already computed; dbc_dp is
  /// (n + k) x k.
  [[nodiscard]] BvpBcJacobian bc_jacobian(const Vector& ya, const Vector& yb, const Vector& p, const Vector& bc0) const;
};

/// The collocation residuals of the cubic C1 spline through y with slopes f
/// (Lobatto IIIA): Phi_q = y_{q+1} - y_q - h_q/6 (f_q + f_{q+1} + 4 f_mid).
struct Collocation {
  Matrix col_res;   ///< n x (m - 1)
  Matrix y_middle;  ///< the spline at the interval midpoints
  Matrix f;         ///< n x m, f at the nodes
  Matrix f_middle;  ///< n x (m - 1), f at (x_middle, y_middle)
};

/// The mesh of one Newton solve: nodes, interval widths and midpoints.
struct Mesh {
  Vector x, h, x_middle;
  explicit Mesh(Vector nodes);
};

[[nodiscard]] Collocation collocate(const Problem& problem, const Mesh& mesh, const Matrix& y, const Vector& p);

/// The (n m + k) square Jacobian of (collocation residuals stacked column by
/// column, boundary residuals) with respect to (y column by column, p).
[[nodiscard]] Eigen::SparseMatrix<double> collocation_jacobian(const Problem& problem, const Mesh& mesh,
                                                               const Matrix& y, const Vector& p, const Collocation& col,
                                                               const Vector& bc0);

struct NewtonResult {
  Matrix y;
  Vector p;
  bool singular = false;  ///< the sparse LU met an exactly singular matrix
};

/// Solves the collocation system on a fixed mesh starting from (y, p); B
/// (if set) projects y(a) onto S y(a) = 0 after every step.
[[nodiscard]] NewtonResult solve_newton(const Problem& problem, const Mesh& mesh, Matrix y, Vector p,
                                        const std::optional<Matrix>& B, double bvp_tol, double bc_tol);

}  // namespace scilearn::integrate::bvp

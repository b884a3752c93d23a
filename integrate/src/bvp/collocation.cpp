// The collocation residuals of solve_bvp and their sparse Jacobian
// (Kierzenka & Shampine 2001, p. 306, for the n x n blocks).

#include <vector>

#include "bvp/bvp.hpp"

namespace scilearn::integrate::bvp {

Mesh::Mesh(Vector nodes) : x(std::move(nodes)) {
  const Index intervals = x.size() - 1;
  h = x.tail(intervals) - x.head(intervals);
  x_middle = x.head(intervals) + 0.5 * h;
}

Collocation collocate(const Problem& problem, const Mesh& mesh, const Matrix& y, const Vector& p) {
  const Index m = mesh.x.size();
  Collocation col;
  col.f = problem.f(mesh.x, y, p);
  // The cubic through (y_q, f_q) and (y_{q+1}, f_{q+1}) at the midpoint.
  const auto h = mesh.h.transpose().array();
  col.y_middle = (0.5 * (y.rightCols(m - 1) + y.leftCols(m - 1)).array() -
                  (0.125 * h).replicate(problem.n, 1) * (col.f.rightCols(m - 1) - col.f.leftCols(m - 1)).array())
                     .matrix();
  col.f_middle = problem.f(mesh.x_middle, col.y_middle, p);
  col.col_res =
      ((y.rightCols(m - 1) - y.leftCols(m - 1)).array() -
       (h / 6).replicate(problem.n, 1) * (col.f.leftCols(m - 1) + col.f.rightCols(m - 1) + 4 * col.f_middle).array())
          .matrix();
  return col;
}

Eigen::SparseMatrix<double> collocation_jacobian(const Problem& problem, const Mesh& mesh, const Matrix& y,
                                                 const Vector& p, const Collocation& col, const Vector& bc0) {
  const Index n = problem.n;
  const Index k = problem.k;
  const Index m = mesh.x.size();
  std::vector<Matrix> df_dy, df_dp, df_dy_middle, df_dp_middle;
  problem.jacobian(mesh.x, y, p, col.f, df_dy, df_dp);
  problem.jacobian(mesh.x_middle, col.y_middle, p, col.f_middle, df_dy_middle, df_dp_middle);
  const BvpBcJacobian dbc = problem.bc_jacobian(y.col(0), y.col(m - 1), p, bc0);

  std::vector<Eigen::Triplet<double>> entries;
  entries.reserve(static_cast<std::size_t>((m - 1) * n * (2 * n + k) + (n + k) * (2 * n + k)));
  const auto put = [&entries](Index row0, Index col0, const Matrix& block) {
    for (Index j = 0; j < block.cols(); ++j) {
      for (Index i = 0; i < block.rows(); ++i) entries.emplace_back(row0 + i, col0 + j, block(i, j));
    }
  };
  const Matrix identity = Matrix::Identity(n, n);
  for (Index q = 0; q < m - 1; ++q) {
    const auto uq = static_cast<std::size_t>(q);
    const double h = mesh.h[q];
    const Matrix& jm = df_dy_middle[uq];
    // d Phi_q / d y_q and d Phi_q / d y_{q+1}, the chain rule through y_middle.
    Matrix d0 = -identity;
    d0 -= h / 6 * (df_dy[uq] + 2 * jm);
    d0 -= h * h / 12 * (jm * df_dy[uq]);
    Matrix d1 = identity;
    d1 -= h / 6 * (df_dy[uq + 1] + 2 * jm);
    d1 += h * h / 12 * (jm * df_dy[uq + 1]);
    put(q * n, q * n, d0);
    put(q * n, (q + 1) * n, d1);
    if (k > 0) {
      const Matrix dp_middle = df_dp_middle[uq] + 0.125 * h * (jm * (df_dp[uq] - df_dp[uq + 1]));
      put(q * n, m * n, -h / 6 * (df_dp[uq] + df_dp[uq + 1] + 4 * dp_middle));
    }
  }
  put((m - 1) * n, 0, dbc.dbc_dya);
  put((m - 1) * n, (m - 1) * n, dbc.dbc_dyb);
  if (k > 0) put((m - 1) * n, m * n, dbc.dbc_dp);

  Eigen::SparseMatrix<double> jac(m * n + k, m * n + k);
  jac.setFromTriplets(entries.begin(), entries.end());
  jac.makeCompressed();
  return jac;
}

}  // namespace scilearn::integrate::bvp

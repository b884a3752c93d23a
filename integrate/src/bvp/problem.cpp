// solve_bvp's view of the user's functions: the singular term, shape checks,
// and SciPy's forward-difference Jacobians (step sqrt(eps) (1 + |v|)).

#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>

#include "bvp/bvp.hpp"

namespace scilearn::integrate::bvp {

namespace {

const double kSqrtEps = std::sqrt(std::numeric_limits<double>::epsilon());

void check_shape(const char* what, const Matrix& value, Index rows, Index cols) {
  if (value.rows() != rows || value.cols() != cols) {
    throw ValueError(cat("solve_bvp: ", what, " is expected to have shape (", rows, ", ", cols, "), but actually has (",
                         value.rows(), ", ", value.cols(), ")"));
  }
}

// The forward-difference step of v, and the step as it is represented
// (v + h - v), which SciPy divides by.
double fd_step(double v) { return kSqrtEps * (1 + std::abs(v)); }

}  // namespace

Matrix Problem::f(const Vector& x, const Matrix& y, const Vector& p) const {
  Matrix result = fun(x, y, p);
  check_shape("`fun` return", result, y.rows(), y.cols());
  if (S) {
    // At x = a the term is S y'(a) (l'Hopital), so y'(a) = (I - S)^+ f(a).
    Index first = 0;
    if (x[0] == a) {
      result.col(0) = *D * result.col(0);
      first = 1;
    }
    for (Index q = first; q < x.size(); ++q) result.col(q) += (*S * y.col(q)) / (x[q] - a);
  }
  return result;
}

Vector Problem::boundary(const Vector& ya, const Vector& yb, const Vector& p) const {
  Vector result = bc(ya, yb, p);
  check_shape("`bc` return", result, n + k, 1);
  return result;
}

void Problem::jacobian(const Vector& x, const Matrix& y, const Vector& p, const Matrix& f0, std::vector<Matrix>& df_dy,
                       std::vector<Matrix>& df_dp) const {
  const Index m = x.size();
  df_dy.assign(static_cast<std::size_t>(m), Matrix(n, n));
  df_dp.assign(k > 0 ? static_cast<std::size_t>(m) : 0, Matrix(n, k));
  if (fun_jac) {
    BvpFunJacobian jac = fun_jac(x, y, p);
    if (static_cast<Index>(jac.df_dy.size()) != m || (k > 0 && static_cast<Index>(jac.df_dp.size()) != m)) {
      throw ValueError(cat("solve_bvp: `fun_jac` must return ", m,
                           " matrices per derivative (one per node), but returned ", jac.df_dy.size(),
                           " for df_dy and ", jac.df_dp.size(), " for df_dp"));
    }
    for (Index q = 0; q < m; ++q) {
      const auto uq = static_cast<std::size_t>(q);
      check_shape("`fun_jac` df_dy", jac.df_dy[uq], n, n);
      df_dy[uq] = std::move(jac.df_dy[uq]);
      if (k > 0) {
        check_shape("`fun_jac` df_dp", jac.df_dp[uq], n, k);
        df_dp[uq] = std::move(jac.df_dp[uq]);
      }
    }
    if (S) {
      Index first = 0;
      if (x[0] == a) {
        df_dy[0] = *D * df_dy[0];
        first = 1;
      }
      for (Index q = first; q < m; ++q) df_dy[static_cast<std::size_t>(q)] += *S / (x[q] - a);
    }
    return;
  }
  // f0 already holds the singular term, and so does every f below.
  for (Index i = 0; i < n; ++i) {
    Matrix y_new = y;
    Vector hi(m);
    for (Index q = 0; q < m; ++q) {
      y_new(i, q) += fd_step(y(i, q));
      hi[q] = y_new(i, q) - y(i, q);
    }
    const Matrix f_new = f(x, y_new, p);
    for (Index q = 0; q < m; ++q) df_dy[static_cast<std::size_t>(q)].col(i) = (f_new.col(q) - f0.col(q)) / hi[q];
  }
  for (Index j = 0; j < k; ++j) {
    Vector p_new = p;
    p_new[j] += fd_step(p[j]);
    const double hj = p_new[j] - p[j];
    const Matrix f_new = f(x, y, p_new);
    for (Index q = 0; q < m; ++q) df_dp[static_cast<std::size_t>(q)].col(j) = (f_new.col(q) - f0.col(q)) / hj;
  }
}

BvpBcJacobian Problem::bc_jacobian(const Vector& ya, const Vector& yb, const Vector& p, const Vector& bc0) const {
  if (bc_jac) {
    BvpBcJacobian jac = bc_jac(ya, yb, p);
    check_shape("`bc_jac` dbc_dya", jac.dbc_dya, n + k, n);
    check_shape("`bc_jac` dbc_dyb", jac.dbc_dyb, n + k, n);
    if (k > 0) {
      check_shape("`bc_jac` dbc_dp", jac.dbc_dp, n + k, k);
    } else {
      jac.dbc_dp.resize(n, 0);  // SciPy ignores dbc_dp without parameters
    }
    return jac;
  }
  // d bc / d v for one argument v of bc, column by column.
  const auto differences = [&](const Vector& v, auto&& call) {
    Matrix d(n + k, v.size());
    for (Index i = 0; i < v.size(); ++i) {
      Vector v_new = v;
      v_new[i] += fd_step(v[i]);
      d.col(i) = (call(v_new) - bc0) / (v_new[i] - v[i]);
    }
    return d;
  };
  return {
      .dbc_dya = differences(ya, [&](const Vector& v) { return boundary(v, yb, p); }),
      .dbc_dyb = differences(yb, [&](const Vector& v) { return boundary(ya, v, p); }),
      .dbc_dp = differences(p, [&](const Vector& v) { return boundary(ya, yb, v); }),
  };
}

}  // namespace scilearn::integrate::bvp

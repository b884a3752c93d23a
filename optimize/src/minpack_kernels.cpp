#include "minpack_kernels.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>

namespace scilearn::optimize::detail {
namespace {
constexpr double kEpsmch = std::numeric_limits<double>::epsilon();
}  // namespace

// MINPACK's enorm: the Euclidean norm of x(begin .. begin + n - 1) without
// destructive underflow or overflow: squares summed in three ranges.
double enorm(const Eigen::Ref<const Vector>& x, Index begin, Index n) {
  constexpr double rdwarf = 3.834e-20;
  constexpr double rgiant = 1.304e19;
  const double agiant = rgiant / static_cast<double>(n);
  // Every entry in the intermediate range (the usual case): the plain,
  // vectorized sum of squares is what the loop below would compute.
  if (n > 0) {
    const auto segment = x.segment(begin, n).cwiseAbs();
    if (segment.minCoeff() > rdwarf && segment.maxCoeff() < agiant) return std::sqrt(x.segment(begin, n).squaredNorm());
  }
  double s1 = 0, s2 = 0, s3 = 0, x1max = 0, x3max = 0;
  for (Index i = begin; i < begin + n; ++i) {
    const double xabs = std::abs(x(i));
    if (xabs > rdwarf && xabs < agiant) {
      s2 += xabs * xabs;
    } else if (xabs <= rdwarf) {
      if (xabs > x3max) {
        s3 = 1 + s3 * (x3max / xabs) * (x3max / xabs);
        x3max = xabs;
      } else if (xabs != 0) {
        s3 += (xabs / x3max) * (xabs / x3max);
      }
    } else {
      if (xabs > x1max) {
        s1 = 1 + s1 * (x1max / xabs) * (x1max / xabs);
        x1max = xabs;
      } else {
        s1 += (xabs / x1max) * (xabs / x1max);
      }
    }
  }
  if (s1 != 0) return x1max * std::sqrt(s1 + (s2 / x1max) / x1max);
  if (s2 != 0) {
    return s2 >= x3max ? std::sqrt(s2 * (1 + (x3max / s2) * (x3max * s3))) : std::sqrt(x3max * ((s2 / x3max) + (x3max * s3)));
  }
  return x3max * std::sqrt(s3);
}

double enorm(const Eigen::Ref<const Vector>& x) { return enorm(x, 0, x.size()); }

void qrfac(Matrix& a, bool pivot, std::vector<Index>& ipvt, Vector& rdiag, Vector& acnorm) {
  const Index m = a.rows(), n = a.cols();
  Vector wa(n);
  acnorm.resize(n);
  rdiag.resize(n);
  ipvt.resize(static_cast<std::size_t>(n));
  for (Index j = 0; j < n; ++j) {
    acnorm(j) = enorm(a.col(j), 0, m);
    rdiag(j) = wa(j) = acnorm(j);
    ipvt[static_cast<std::size_t>(j)] = j;
  }
  for (Index j = 0; j < std::min(m, n); ++j) {
    Index kmax = j;
    for (Index k = j; pivot && k < n; ++k) {
      if (rdiag(k) > rdiag(kmax)) kmax = k;
    }
    if (kmax != j) {
      a.col(j).swap(a.col(kmax));
      rdiag(kmax) = rdiag(j);
      wa(kmax) = wa(j);
      std::swap(ipvt[static_cast<std::size_t>(j)], ipvt[static_cast<std::size_t>(kmax)]);
    }
    double ajnorm = enorm(a.col(j), j, m - j);
    if (ajnorm != 0) {
      if (a(j, j) < 0) ajnorm = -ajnorm;
      a.col(j).segment(j, m - j) /= ajnorm;
      a(j, j) += 1;
      for (Index k = j + 1; k < n; ++k) {
        const double temp = a.col(j).segment(j, m - j).dot(a.col(k).segment(j, m - j)) / a(j, j);
        a.col(k).segment(j, m - j) -= temp * a.col(j).segment(j, m - j);
        if (pivot && rdiag(k) != 0) {
          const double t = a(j, k) / rdiag(k);
          rdiag(k) *= std::sqrt(std::max(0.0, 1 - t * t));
          if (0.05 * (rdiag(k) / wa(k)) * (rdiag(k) / wa(k)) <= kEpsmch) {
            rdiag(k) = enorm(a.col(k), j + 1, m - j - 1);
            wa(k) = rdiag(k);
          }
        }
      }
    }
    rdiag(j) = -ajnorm;
  }
}

Matrix jacobian_at(std::string_view where, const VectorFunction& fun, const JacobianFunction& jac, const Vector& x,
                   const Vector& fvec, double eps, int& nfev, int& njev) {
  const Index m = fvec.size(), n = x.size();
  if (jac) {
    Matrix j = jac(x);
    ++njev;
    if (j.rows() != m || j.cols() != n) {
      throw ValueError(cat(where, ": jac returned ", j.rows(), "x", j.cols(), ", expected ", m, "x", n));
    }
    return j;
  }
  Matrix j(m, n);
  Vector xh = x;
  for (Index c = 0; c < n; ++c) {
    const double temp = xh(c);
    double h = eps * std::abs(temp);
    if (h == 0) h = eps;
    xh(c) = temp + h;
    j.col(c) = (fun(xh) - fvec) / h;
    xh(c) = temp;
  }
  nfev += static_cast<int>(n);
  return j;
}

Vector qt_times(const Matrix& a, const Vector& f) {
  const Index m = a.rows(), n = a.cols();
  Vector w = f;
  for (Index j = 0; j < n; ++j) {
    if (a(j, j) == 0) continue;
    const double temp = -a.col(j).segment(j, m - j).dot(w.segment(j, m - j)) / a(j, j);
    w.segment(j, m - j) += temp * a.col(j).segment(j, m - j);
  }
  return w.head(n);
}

void initial_step_bound(bool scale_from_jacobian, const Vector& acnorm, const Vector& x, double factor, Vector& diag,
                        double& xnorm, double& delta) {
  if (scale_from_jacobian) {
    for (Index j = 0; j < x.size(); ++j) diag(j) = acnorm(j) == 0 ? 1.0 : acnorm(j);
  }
  xnorm = enorm(Vector(diag.cwiseProduct(x)));
  delta = factor * xnorm;
  if (delta == 0) delta = factor;
}

}  // namespace scilearn::optimize::detail

// solve_bvp's solution: the C1 cubic with given values and slopes, stored and
// evaluated as scipy.interpolate.PPoly does (coefficients from
// interpolate.CubicSpline's formulas, powers summed from the lowest degree),
// so that a refined mesh starts from the same values as SciPy's.

#include <algorithm>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/integrate/solve_bvp.hpp>

namespace scilearn::integrate {

BvpSpline::BvpSpline(Vector x, const Matrix& y, const Matrix& yp) : x_(std::move(x)), c_(4) {
  const Index m = x_.size();
  if (m < 2 || y.cols() != m || yp.rows() != y.rows() || yp.cols() != m) {
    throw ValueError(cat("BvpSpline: needs at least 2 nodes and y, yp with one column per node, got ", m, " nodes, y ",
                         y.rows(), " x ", y.cols(), ", yp ", yp.rows(), " x ", yp.cols()));
  }
  const auto h = (x_.tail(m - 1) - x_.head(m - 1)).transpose().array().replicate(y.rows(), 1);
  const auto y0 = y.leftCols(m - 1).array();
  const auto yp0 = yp.leftCols(m - 1).array();
  const Eigen::ArrayXXd slope = (y.rightCols(m - 1).array() - y0) / h;
  const Eigen::ArrayXXd t = (yp0 + yp.rightCols(m - 1).array() - 2 * slope) / h;
  c_[0] = (t / h).matrix();
  c_[1] = ((slope - yp0) / h - t).matrix();
  c_[2] = yp0.matrix();
  c_[3] = y0.matrix();
}

Vector BvpSpline::operator()(double t, int nu) const {
  const Index n = c_[0].rows();
  if (nu < 0) throw ValueError(cat("BvpSpline: the derivative order must be >= 0, got ", nu));
  if (std::isnan(t)) return Vector::Constant(n, std::numeric_limits<double>::quiet_NaN());
  // The interval i with x_i <= t < x_{i+1}; the end pieces extrapolate.
  const Index pieces = x_.size() - 1;
  const auto above = std::upper_bound(x_.begin(), x_.end(), t) - x_.begin();
  const Index i = std::clamp<Index>(above - 1, 0, pieces - 1);
  const double s = t - x_[i];
  Vector result = Vector::Zero(n);
  const int degree = static_cast<int>(c_.size()) - 1;
  double z = 1;
  for (int power = nu; power <= degree; ++power) {
    // d^nu/ds^nu s^power = power (power - 1) ... (power - nu + 1) s^(power - nu)
    double factor = 1;
    for (int j = power; j > power - nu; --j) factor *= j;
    result += c_[static_cast<std::size_t>(degree - power)].col(i) * z * factor;
    z *= s;
  }
  return result;
}

Matrix BvpSpline::operator()(const Vector& t, int nu) const {
  Matrix result(c_[0].rows(), t.size());
  for (Index j = 0; j < t.size(); ++j) result.col(j) = (*this)(t[j], nu);
  return result;
}

}  // namespace scilearn::integrate

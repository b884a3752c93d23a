// Discrepancies of a point set and scaling between the unit hypercube and a
// box (scipy.stats.qmc.discrepancy, update_discrepancy, scale).
//
// The sums run in SciPy's order (one worker), term by term as SciPy writes
// them: CD, WD and MD subtract terms of size (13/12)^d, (4/3)^d, (19/12)^d to
// leave a small value, so a different order would cost digits.
#include <cmath>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/stats/qmc.hpp>

namespace scilearn::stats::qmc {

namespace {

using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// Throws unless every value lies in [0, 1] (NaN fails: it is in no hypercube).
template <class Derived>
void check_unit(const char* where, const char* name, const Eigen::MatrixBase<Derived>& x) {
  if (!((x.array() >= 0.0) && (x.array() <= 1.0)).all()) {
    throw ValueError(cat(where, ": ", name, " is not in the unit hypercube [0, 1] (a value is outside it or NaN)"));
  }
}

void check_sample(const char* where, const Matrix& sample) {
  if (sample.size() == 0)
    throw ValueError(cat(where, ": the sample is empty (", sample.rows(), "x", sample.cols(), ")"));
  check_unit(where, "the sample", sample);
}

// sum_i prod_k f(x(i, k)), in SciPy's order: the products along each point,
// then the sum over points.
template <class F>
double sum_of_point_products(const RowMajor& x, F f) {
  double sum = 0;
  for (Index i = 0; i < x.rows(); ++i) {
    double prod = 1;
    for (Index k = 0; k < x.cols(); ++k) prod *= f(x(i, k));
    sum += prod;
  }
  return sum;
}

// sum_i sum_j prod_k g(x(i, k), x(j, k)), in SciPy's order.
template <class G>
double sum_of_pair_products(const RowMajor& x, G g) {
  double sum = 0;
  for (Index i = 0; i < x.rows(); ++i) {
    for (Index j = 0; j < x.rows(); ++j) {
      double prod = 1;
      for (Index k = 0; k < x.cols(); ++k) prod *= g(x(i, k), x(j, k));
      sum += prod;
    }
  }
  return sum;
}

// Equation 9 of Zhou, Fang & Ning (2013): the squared centered discrepancy.
double centered(const RowMajor& x, double n) {
  const double disc1 = sum_of_point_products(x, [](double u) {
    const double a = std::abs(u - 0.5);
    return 1 + 0.5 * a - 0.5 * (a * a);
  });
  const double disc2 = sum_of_pair_products(
      x, [](double u, double v) { return 1 + 0.5 * std::abs(u - 0.5) + 0.5 * std::abs(v - 0.5) - 0.5 * std::abs(u - v); });
  return std::pow(13.0 / 12.0, static_cast<double>(x.cols())) - 2.0 / n * disc1 + 1.0 / (n * n) * disc2;
}

// Equation 10: the squared wrap-around discrepancy.
double wrap_around(const RowMajor& x, double n) {
  const double disc = sum_of_pair_products(x, [](double u, double v) {
    const double a = std::abs(u - v);
    return 3.0 / 2.0 - a + a * a;
  });
  return -std::pow(4.0 / 3.0, static_cast<double>(x.cols())) + 1.0 / (n * n) * disc;
}

// Equation 18: the squared mixture discrepancy.
double mixture(const RowMajor& x, double n) {
  const double disc1 = sum_of_point_products(x, [](double u) {
    const double a = std::abs(u - 0.5);
    return 5.0 / 3.0 - 0.25 * a - 0.25 * (a * a);
  });
  const double disc2 = sum_of_pair_products(x, [](double u, double v) {
    const double a = std::abs(u - v);
    return 15.0 / 8.0 - 0.25 * std::abs(u - 0.5) - 0.25 * std::abs(v - 0.5) - 3.0 / 4.0 * a + 0.5 * (a * a);
  });
  return std::pow(19.0 / 12.0, static_cast<double>(x.cols())) - 2.0 / n * disc1 + 1.0 / (n * n) * disc2;
}

// Warnock's (1972) closed form of the L2-star discrepancy.
double l2_star(const RowMajor& x, double n) {
  const Index rows = x.rows(), d = x.cols();
  const double disc1 = sum_of_point_products(x, [](double u) { return 1 - u * u; });
  double disc2 = 0;
  for (Index i = 0; i < rows; ++i) {
    double row = 0;  // SciPy sums each row apart, then the rows
    for (Index j = 0; j < rows; ++j) {
      double prod = 1;
      for (Index k = 0; k < d; ++k) prod *= 1 - std::max(x(i, k), x(j, k));
      row += prod;
    }
    disc2 += row;
  }
  const auto dd = static_cast<double>(d);
  return std::sqrt(std::pow(3.0, -dd) - 1.0 / n * std::pow(2.0, 1 - dd) * disc1 + 1 / (n * n) * disc2);
}

}  // namespace

double discrepancy(const Matrix& sample, const DiscrepancyOptions& options) {
  check_sample("discrepancy", sample);
  const RowMajor x = sample;  // the inner loops run along a point
  const double n = static_cast<double>(sample.rows()) + (options.iterative ? 1 : 0);
  switch (options.method) {
    case DiscrepancyMethod::cd: return centered(x, n);
    case DiscrepancyMethod::wd: return wrap_around(x, n);
    case DiscrepancyMethod::md: return mixture(x, n);
    case DiscrepancyMethod::l2_star: return l2_star(x, n);
  }
  throw ValueError("discrepancy: unknown method");
}

double update_discrepancy(const Vector& x_new, const Matrix& sample, double initial_disc) {
  constexpr const char* where = "update_discrepancy";
  check_sample(where, sample);
  check_unit(where, "x_new", x_new);
  if (x_new.size() != sample.cols()) {
    throw ValueError(cat(where, ": x_new has ", x_new.size(), " coordinates, the sample ", sample.cols()));
  }
  // The terms of the centered discrepancy of n = rows + 1 points that involve
  // the new point: its own, twice its pairs with the others, its pair with itself.
  const Index d = sample.cols();
  const double n = static_cast<double>(sample.rows()) + 1;
  const Vector a = (x_new.array() - 0.5).abs();
  double prod = 1;
  for (Index k = 0; k < d; ++k) prod *= 1 + 0.5 * a(k) - 0.5 * (a(k) * a(k));
  const double disc1 = (-2 / n) * prod;
  double disc2 = 0;
  for (Index i = 0; i < sample.rows(); ++i) {
    prod = 1;
    for (Index k = 0; k < d; ++k) {
      prod *= 1 + 0.5 * a(k) + 0.5 * std::abs(sample(i, k) - 0.5) - 0.5 * std::abs(x_new(k) - sample(i, k));
    }
    disc2 += prod;
  }
  disc2 *= 2 / (n * n);
  prod = 1;
  for (Index k = 0; k < d; ++k) prod *= 1 + a(k);
  const double disc3 = 1 / (n * n) * prod;
  return initial_disc + disc1 + disc2 + disc3;
}

Matrix scale(const Matrix& sample, const Vector& l_bounds, const Vector& u_bounds, bool reverse) {
  constexpr const char* where = "scale";
  const Index d = sample.cols();
  const auto broadcast = [&](const Vector& bound, const char* name) -> Vector {
    if (bound.size() == d) return bound;
    if (bound.size() == 1) return Vector::Constant(d, bound(0));
    throw ValueError(cat(where, ": ", name, " has ", bound.size(), " entries; the sample has d = ", d,
                         " (l_bounds and u_bounds must have d entries or one)"));
  };
  const Vector lower = broadcast(l_bounds, "l_bounds"), upper = broadcast(u_bounds, "u_bounds");
  for (Index k = 0; k < d; ++k) {
    if (!(lower(k) < upper(k))) {
      throw ValueError(cat(where, ": the bounds are not consistent, l_bounds < u_bounds fails at coordinate ", k, " (",
                           lower(k), " and ", upper(k), ")"));
    }
  }
  const Vector width = upper - lower;
  if (!reverse) {
    check_sample(where, sample);
    return (sample.array().rowwise() * width.transpose().array()).rowwise() + lower.transpose().array();
  }
  for (Index k = 0; k < d; ++k) {
    const auto column = sample.col(k).array();
    if (!((column >= lower(k)) && (column <= upper(k))).all()) {
      throw ValueError(cat(where, ": the sample is out of the bounds in coordinate ", k, " (or has NaN)"));
    }
  }
  return (sample.array().rowwise() - lower.transpose().array()).rowwise() / width.transpose().array();
}

}  // namespace scilearn::stats::qmc

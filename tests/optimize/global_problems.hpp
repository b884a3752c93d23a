#pragma once
// Test problems of global optimization with known global minima, shared by
// tests/optimize/global_test.cpp and bench/optimize/global_bench.cpp. The
// formulas match tests/reference/optimize_global.py term for term.
//
// Sources: Rastrigin (Torn and Zilinskas 1989), Ackley (Ackley 1987),
// Rosenbrock (Rosenbrock 1960), Eggholder (Whitley et al. 1996), six-hump
// camel, Branin and Hartmann 3 (Dixon and Szego 1978); minima as listed by
// Jamil and Yang 2013, "A literature survey of benchmark functions for global
// optimization problems".

#include <array>
#include <cmath>
#include <numbers>
#include <scilearn/core/types.hpp>
#include <string>
#include <vector>

namespace scilearn::testing::global {

inline double rastrigin(const Vector& x) {
  double s = 0;
  for (Index i = 0; i < x.size(); ++i) s += x(i) * x(i) - 10.0 * std::cos(2 * std::numbers::pi * x(i));
  return 10.0 * static_cast<double>(x.size()) + s;
}

inline double ackley(const Vector& x) {
  const auto n = static_cast<double>(x.size());
  double sq = 0, cs = 0;
  for (Index i = 0; i < x.size(); ++i) {
    sq += x(i) * x(i);
    cs += std::cos(2 * std::numbers::pi * x(i));
  }
  return -20.0 * std::exp(-0.2 * std::sqrt(sq / n)) - std::exp(cs / n) + 20.0 + std::numbers::e;
}

inline double rosenbrock(const Vector& x) {
  double s = 0;
  for (Index i = 0; i + 1 < x.size(); ++i) {
    const double a = x(i + 1) - x(i) * x(i), b = 1 - x(i);
    s += 100.0 * a * a + b * b;
  }
  return s;
}

inline double eggholder(const Vector& x) {
  const double a = x(0), b = x(1);
  return -(b + 47) * std::sin(std::sqrt(std::abs(a / 2 + (b + 47)))) - a * std::sin(std::sqrt(std::abs(a - (b + 47))));
}

inline double camel(const Vector& x) {
  const double a = x(0), b = x(1);
  return (4 - 2.1 * a * a + std::pow(a, 4) / 3) * a * a + a * b + (-4 + 4 * b * b) * b * b;
}

inline double branin(const Vector& x) {
  const double a = x(0), b = x(1), pi = std::numbers::pi;
  const double t = b - 5.1 / (4 * pi * pi) * a * a + 5 / pi * a - 6;
  return t * t + 10 * (1 - 1 / (8 * pi)) * std::cos(a) + 10;
}

inline double hartmann3(const Vector& x) {
  static constexpr double A[4][3] = {{3.0, 10, 30}, {0.1, 10, 35}, {3.0, 10, 30}, {0.1, 10, 35}};
  static constexpr double P[4][3] = {
      {0.3689, 0.1170, 0.2673}, {0.4699, 0.4387, 0.7470}, {0.1091, 0.8732, 0.5547}, {0.0381, 0.5743, 0.8828}};
  static constexpr double C[4] = {1.0, 1.2, 3.0, 3.2};
  double s = 0;
  for (int i = 0; i < 4; ++i) {
    double e = 0;
    for (int j = 0; j < 3; ++j) e += A[i][j] * (x(j) - P[i][j]) * (x(j) - P[i][j]);
    s += C[i] * std::exp(-e);
  }
  return -s;
}

struct Problem {
  std::string name;
  double (*f)(const Vector&);
  Vector lb, ub;
  double fmin;  // the global minimum value
  /// f - fmin within 1e-4 max(1, |fmin|): the success rule of optimize_global.py
  [[nodiscard]] bool solved(double fun) const { return fun - fmin <= 1e-4 * std::max(1.0, std::abs(fmin)); }
};

inline Vector constant(Index n, double v) { return Vector::Constant(n, v); }
inline Vector pair(double a, double b) { return (Vector(2) << a, b).finished(); }

/// The problems of tests/reference/optimize_global.py, in its order.
inline std::vector<Problem> problems() {
  return {
      {"rastrigin2", rastrigin, constant(2, -5.12), constant(2, 5.12), 0.0},
      {"rastrigin5", rastrigin, constant(5, -5.12), constant(5, 5.12), 0.0},
      {"ackley2", ackley, constant(2, -5.0), constant(2, 5.0), 0.0},
      {"rosenbrock5", rosenbrock, constant(5, -5.0), constant(5, 5.0), 0.0},
      {"eggholder", eggholder, constant(2, -512.0), constant(2, 512.0), -959.6406627208505},
      {"camel", camel, pair(-3.0, -2.0), pair(3.0, 2.0), -1.031628453489877},
      {"branin", branin, pair(-5.0, 0.0), pair(10.0, 15.0), 0.39788735772973816},
      {"hartmann3", hartmann3, constant(3, 0.0), constant(3, 1.0), -3.862782147820756},
  };
}

}  // namespace scilearn::testing::global

#pragma once
// Hock and Schittkowski's bound-constrained test problems ("Test examples
// for nonlinear programming codes", 1981), written from their definitions as
// tests/reference/optimize_mgh.py writes them, with complex-step gradients.

#include <cmath>
#include <complex>
#include <limits>
#include <numbers>
#include <scilearn/core/types.hpp>
#include <string>
#include <vector>

namespace scilearn::testing::hs {

template <class T>
T hs1(const std::vector<T>& x) {
  const T a = x[1] - x[0] * x[0];
  const T b = 1.0 - x[0];
  return 100.0 * a * a + b * b;
}

template <class T>
T hs3(const std::vector<T>& x) {
  const T d = x[1] - x[0];
  return x[1] + 1e-5 * d * d;
}

template <class T>
T hs4(const std::vector<T>& x) {
  const T a = x[0] + 1.0;
  return a * a * a / 3.0 + x[1];
}

template <class T>
T hs5(const std::vector<T>& x) {
  const T d = x[0] - x[1];
  return std::sin(x[0] + x[1]) + d * d - 1.5 * x[0] + 2.5 * x[1] + 1.0;
}

template <class T>
T hs38(const std::vector<T>& x) {
  const T a = x[1] - x[0] * x[0], b = 1.0 - x[0], c = x[3] - x[2] * x[2], d = 1.0 - x[2];
  const T e = x[1] - 1.0, f = x[3] - 1.0;
  return 100.0 * a * a + b * b + 90.0 * c * c + d * d + 10.1 * (e * e + f * f) + 19.8 * e * f;
}

template <class T>
T hs45(const std::vector<T>& x) {
  return 2.0 - x[0] * x[1] * x[2] * x[3] * x[4] / 120.0;
}

template <class T>
T hs110(const std::vector<T>& x) {
  T s = 0.0, prod = 1.0;
  for (const T& v : x) {
    const T a = std::log(v - 2.0), b = std::log(10.0 - v);
    s += a * a + b * b;
    prod *= v;
  }
  return s - std::pow(prod, 0.2);
}

/// One problem: f, its complex-step gradient, start and box.
struct Problem {
  std::string name;
  Vector x0, lb, ub;
  double (*f)(const Vector&);
  Vector (*grad)(const Vector&);
};

template <double (*F)(const std::vector<double>&),
          std::complex<double> (*FC)(const std::vector<std::complex<double>>&)>
Problem make(std::string name, std::vector<double> x0, std::vector<double> lb, std::vector<double> ub) {
  const auto f = [](const Vector& x) { return F(std::vector<double>(x.begin(), x.end())); };
  const auto grad = [](const Vector& x) {  // Im f(x + i h e_j) / h, h = 1e-20
    constexpr double h = 1e-20;
    Vector g(x.size());
    for (Index j = 0; j < x.size(); ++j) {
      std::vector<std::complex<double>> z(x.begin(), x.end());
      z[static_cast<std::size_t>(j)] += std::complex<double>(0, h);
      g(j) = FC(z).imag() / h;
    }
    return g;
  };
  const auto vec = [](const std::vector<double>& v) {
    return Vector(Eigen::Map<const Vector>(v.data(), static_cast<Index>(v.size())));
  };
  return {std::move(name), vec(x0), vec(lb), vec(ub), +f, +grad};
}

inline std::vector<Problem> problems() {
  constexpr double inf = std::numeric_limits<double>::infinity();
  const std::vector<double> none{inf, inf};
  return {
      make<hs1<double>, hs1<std::complex<double>>>("hs1", {-2.0, 1.0}, {-inf, -1.5}, none),
      make<hs1<double>, hs1<std::complex<double>>>("hs2", {-2.0, 1.0}, {-inf, 1.5}, none),
      make<hs3<double>, hs3<std::complex<double>>>("hs3", {10.0, 1.0}, {-inf, 0.0}, none),
      make<hs4<double>, hs4<std::complex<double>>>("hs4", {1.125, 0.125}, {1.0, 0.0}, none),
      make<hs5<double>, hs5<std::complex<double>>>("hs5", {0.0, 0.0}, {-1.5, -3.0}, {4.0, 3.0}),
      make<hs38<double>, hs38<std::complex<double>>>("hs38", {-3.0, -1.0, -3.0, -1.0}, std::vector<double>(4, -10.0),
                                                     std::vector<double>(4, 10.0)),
      make<hs45<double>, hs45<std::complex<double>>>("hs45", std::vector<double>(5, 2.0), std::vector<double>(5, 0.0),
                                                     {1.0, 2.0, 3.0, 4.0, 5.0}),
      make<hs110<double>, hs110<std::complex<double>>>("hs110", std::vector<double>(10, 9.0),
                                                       std::vector<double>(10, 2.001), std::vector<double>(10, 9.999)),
  };
}

}  // namespace scilearn::testing::hs

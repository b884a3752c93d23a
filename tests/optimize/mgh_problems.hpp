#pragma once
// Moré, Garbow and Hillstrom's unconstrained test problems ("Testing
// unconstrained optimization software", ACM TOMS 7(1), 1981), written from
// the paper's definitions as tests/reference/optimize_mgh.py writes them:
// f(x) = sum r_i(x)^2. Residuals are templates over the scalar so that the
// gradient can be the complex-step derivative, exact to rounding.

#include <cmath>
#include <complex>
#include <numbers>
#include <map>
#include <scilearn/core/types.hpp>
#include <scilearn/optimize/functions.hpp>
#include <utility>
#include <string>
#include <vector>

namespace scilearn::testing::mgh {

template <class T>
using Residuals = std::vector<T>;

template <class T>
T real_part(const T& v) {
  return v;
}
template <class T>
T real_part(const std::complex<T>& v) {
  return v.real();
}

template <class T>
Residuals<T> rosenbrock(const std::vector<T>& x) {
  return {10.0 * (x[1] - x[0] * x[0]), 1.0 - x[0]};
}

template <class T>
Residuals<T> freudenstein_roth(const std::vector<T>& x) {
  return {-13.0 + x[0] + ((5.0 - x[1]) * x[1] - 2.0) * x[1], -29.0 + x[0] + ((x[1] + 1.0) * x[1] - 14.0) * x[1]};
}

template <class T>
Residuals<T> powell_badly_scaled(const std::vector<T>& x) {
  return {1e4 * x[0] * x[1] - 1.0, std::exp(-x[0]) + std::exp(-x[1]) - 1.0001};
}

template <class T>
Residuals<T> brown_badly_scaled(const std::vector<T>& x) {
  return {x[0] - 1e6, x[1] - 2e-6, x[0] * x[1] - 2.0};
}

template <class T>
Residuals<T> beale(const std::vector<T>& x) {
  const double y[] = {1.5, 2.25, 2.625};
  Residuals<T> r;
  T power = x[1];
  for (int i = 0; i < 3; ++i, power *= x[1]) r.push_back(y[i] - x[0] * (1.0 - power));
  return r;
}

template <class T>
Residuals<T> jennrich_sampson(const std::vector<T>& x) {
  Residuals<T> r;
  for (int i = 1; i <= 10; ++i) r.push_back(2.0 + 2.0 * i - (std::exp(double(i) * x[0]) + std::exp(double(i) * x[1])));
  return r;
}

template <class T>
Residuals<T> helical_valley(const std::vector<T>& x) {
  const T theta = std::atan(x[1] / x[0]) / (2 * std::numbers::pi) + (real_part(x[0]) < 0 ? 0.5 : 0.0);
  return {10.0 * (x[2] - 10.0 * theta), 10.0 * (std::sqrt(x[0] * x[0] + x[1] * x[1]) - 1.0), x[2]};
}

template <class T>
Residuals<T> bard(const std::vector<T>& x) {
  const double y[] = {0.14, 0.18, 0.22, 0.25, 0.29, 0.32, 0.35, 0.39, 0.37, 0.58, 0.73, 0.96, 1.34, 2.10, 4.39};
  Residuals<T> r;
  for (int i = 1; i <= 15; ++i) {
    const double u = i, v = 16 - i, w = std::min(u, v);
    r.push_back(y[i - 1] - (x[0] + u / (v * x[1] + w * x[2])));
  }
  return r;
}

template <class T>
Residuals<T> gaussian(const std::vector<T>& x) {
  const double y[] = {0.0009, 0.0044, 0.0175, 0.0540, 0.1295, 0.2420, 0.3521, 0.3989,
                      0.3521, 0.2420, 0.1295, 0.0540, 0.0175, 0.0044, 0.0009};
  Residuals<T> r;
  for (int i = 1; i <= 15; ++i) {
    const T d = (8 - i) / 2.0 - x[2];
    r.push_back(x[0] * std::exp(-x[1] * d * d / 2.0) - y[i - 1]);
  }
  return r;
}

template <class T>
Residuals<T> box_3d(const std::vector<T>& x) {
  Residuals<T> r;
  for (int i = 1; i <= 10; ++i) {
    const double t = 0.1 * i;
    r.push_back(std::exp(-t * x[0]) - std::exp(-t * x[1]) - x[2] * (std::exp(-t) - std::exp(-10 * t)));
  }
  return r;
}

template <class T>
Residuals<T> powell_singular(const std::vector<T>& x) {
  const T a = x[1] - 2.0 * x[2];
  const T b = x[0] - x[3];
  return {x[0] + 10.0 * x[1], std::sqrt(5.0) * (x[2] - x[3]), a * a, std::sqrt(10.0) * (b * b)};
}

template <class T>
Residuals<T> wood(const std::vector<T>& x) {
  return {10.0 * (x[1] - x[0] * x[0]), 1.0 - x[0], std::sqrt(90.0) * (x[3] - x[2] * x[2]), 1.0 - x[2],
          std::sqrt(10.0) * (x[1] + x[3] - 2.0), (x[1] - x[3]) / std::sqrt(10.0)};
}

template <class T>
Residuals<T> kowalik_osborne(const std::vector<T>& x) {
  const double y[] = {0.1957, 0.1947, 0.1735, 0.1600, 0.0844, 0.0627, 0.0456, 0.0342, 0.0323, 0.0235, 0.0246};
  const double u[] = {4, 2, 1, 0.5, 0.25, 0.167, 0.125, 0.1, 0.0833, 0.0714, 0.0625};
  Residuals<T> r;
  for (int i = 0; i < 11; ++i) r.push_back(y[i] - x[0] * (u[i] * u[i] + u[i] * x[1]) / (u[i] * u[i] + u[i] * x[2] + x[3]));
  return r;
}

template <class T>
Residuals<T> brown_dennis(const std::vector<T>& x) {
  Residuals<T> r;
  for (int i = 1; i <= 20; ++i) {
    const double t = i / 5.0;
    const T a = x[0] + t * x[1] - std::exp(t);
    const T b = x[2] + x[3] * std::sin(t) - std::cos(t);
    r.push_back(a * a + b * b);
  }
  return r;
}

template <class T>
Residuals<T> osborne1(const std::vector<T>& x) {
  const double y[] = {0.844, 0.908, 0.932, 0.936, 0.925, 0.908, 0.881, 0.850, 0.818, 0.784, 0.751,
                      0.718, 0.685, 0.658, 0.628, 0.603, 0.580, 0.558, 0.538, 0.522, 0.506, 0.490,
                      0.478, 0.467, 0.457, 0.448, 0.438, 0.431, 0.424, 0.420, 0.414, 0.411, 0.406};
  Residuals<T> r;
  for (int i = 0; i < 33; ++i) {
    const double t = 10.0 * i;
    r.push_back(y[i] - (x[0] + x[1] * std::exp(-t * x[3]) + x[2] * std::exp(-t * x[4])));
  }
  return r;
}

template <class T>
Residuals<T> biggs_exp6(const std::vector<T>& x) {
  Residuals<T> r;
  for (int i = 1; i <= 13; ++i) {
    const double t = 0.1 * i;
    const double y = std::exp(-t) - 5 * std::exp(-10 * t) + 3 * std::exp(-4 * t);
    r.push_back(x[2] * std::exp(-t * x[0]) - x[3] * std::exp(-t * x[1]) + x[5] * std::exp(-t * x[4]) - y);
  }
  return r;
}

template <class T>
Residuals<T> watson(const std::vector<T>& x) {
  const int n = static_cast<int>(x.size());
  Residuals<T> r;
  for (int i = 1; i <= 29; ++i) {
    const double t = i / 29.0;
    T s1 = 0.0, s2 = 0.0;
    for (int j = 2; j <= n; ++j) s1 += double(j - 1) * x[j - 1] * std::pow(t, j - 2);
    for (int j = 1; j <= n; ++j) s2 += x[j - 1] * std::pow(t, j - 1);
    r.push_back(s1 - s2 * s2 - 1.0);
  }
  r.push_back(x[0]);
  r.push_back(x[1] - x[0] * x[0] - 1.0);
  return r;
}

template <class T>
Residuals<T> extended_rosenbrock(const std::vector<T>& x) {
  Residuals<T> r;
  for (std::size_t i = 0; i < x.size(); i += 2) {
    r.push_back(10.0 * (x[i + 1] - x[i] * x[i]));
    r.push_back(1.0 - x[i]);
  }
  return r;
}

template <class T>
Residuals<T> extended_powell_singular(const std::vector<T>& x) {
  Residuals<T> r;
  for (std::size_t i = 0; i < x.size(); i += 4) {
    const auto block = powell_singular<T>({x[i], x[i + 1], x[i + 2], x[i + 3]});
    r.insert(r.end(), block.begin(), block.end());
  }
  return r;
}

template <class T>
Residuals<T> penalty1(const std::vector<T>& x) {
  Residuals<T> r;
  T sum_sq = 0.0;
  for (const T& v : x) {
    r.push_back(std::sqrt(1e-5) * (v - 1.0));
    sum_sq += v * v;
  }
  r.push_back(sum_sq - 0.25);
  return r;
}

template <class T>
Residuals<T> variably_dimensioned(const std::vector<T>& x) {
  Residuals<T> r;
  T s = 0.0;
  for (std::size_t j = 0; j < x.size(); ++j) {
    r.push_back(x[j] - 1.0);
    s += double(j + 1) * (x[j] - 1.0);
  }
  r.push_back(s);
  r.push_back(s * s);
  return r;
}

template <class T>
Residuals<T> trigonometric(const std::vector<T>& x) {
  const double n = static_cast<double>(x.size());
  T sum_cos = 0.0;
  for (const T& v : x) sum_cos += std::cos(v);
  Residuals<T> r;
  for (std::size_t i = 0; i < x.size(); ++i) r.push_back(n - sum_cos + double(i + 1) * (1.0 - std::cos(x[i])) - std::sin(x[i]));
  return r;
}

template <class T>
Residuals<T> broyden_tridiagonal(const std::vector<T>& x) {
  const std::size_t n = x.size();
  Residuals<T> r;
  for (std::size_t i = 0; i < n; ++i) {
    const T left = i > 0 ? x[i - 1] : T(0.0);
    const T right = i + 1 < n ? x[i + 1] : T(0.0);
    r.push_back((3.0 - 2.0 * x[i]) * x[i] - left - 2.0 * right + 1.0);
  }
  return r;
}

template <class T>
Residuals<T> broyden_banded(const std::vector<T>& x) {
  const int n = static_cast<int>(x.size());
  Residuals<T> r;
  for (int i = 0; i < n; ++i) {
    T s = 0.0;
    for (int j = std::max(0, i - 5); j < std::min(n, i + 2); ++j) {
      if (j != i) s += x[j] * (1.0 + x[j]);
    }
    r.push_back(x[i] * (2.0 + 5.0 * x[i] * x[i]) + 1.0 - s);
  }
  return r;
}

/// One problem: f and its complex-step gradient.
struct Problem {
  std::string name;
  Vector x0;
  double (*f)(const Vector&);
  Vector (*grad)(const Vector&);
};

template <class T>
T sum_of_squares(const Residuals<T>& r) {
  T s = 0.0;
  for (const T& v : r) s += v * v;
  return s;
}

template <Residuals<double> (*R)(const std::vector<double>&), Residuals<std::complex<double>> (*RC)(
                                                                  const std::vector<std::complex<double>>&)>
Problem make(std::string name, std::vector<double> x0) {
  const auto f = [](const Vector& x) { return sum_of_squares(R(std::vector<double>(x.begin(), x.end()))); };
  // Im f(x + i h e_j) / h with h = 1e-20 (Squire and Trapp 1998).
  const auto grad = [](const Vector& x) {
    constexpr double h = 1e-20;
    Vector g(x.size());
    for (Index j = 0; j < x.size(); ++j) {
      std::vector<std::complex<double>> z(x.begin(), x.end());
      z[static_cast<std::size_t>(j)] += std::complex<double>(0, h);
      g(j) = sum_of_squares(RC(z)).imag() / h;
    }
    return g;
  };
  return {std::move(name), Eigen::Map<const Vector>(x0.data(), static_cast<Index>(x0.size())), +f, +grad};
}

#define SCILEARN_MGH(name, ...) make<name<double>, name<std::complex<double>>>(#name, __VA_ARGS__)

inline std::vector<Problem> problems() {
  std::vector<double> vardim_x0;
  for (int j = 1; j <= 10; ++j) vardim_x0.push_back(1 - j / 10.0);
  std::vector<double> rosenbrock_x0, powell_x0;
  for (int i = 0; i < 5; ++i) rosenbrock_x0.insert(rosenbrock_x0.end(), {-1.2, 1.0});
  for (int i = 0; i < 2; ++i) powell_x0.insert(powell_x0.end(), {3.0, -1.0, 0.0, 1.0});
  return {
      SCILEARN_MGH(rosenbrock, {-1.2, 1.0}),
      SCILEARN_MGH(freudenstein_roth, {0.5, -2.0}),
      SCILEARN_MGH(powell_badly_scaled, {0.0, 1.0}),
      SCILEARN_MGH(brown_badly_scaled, {1.0, 1.0}),
      SCILEARN_MGH(beale, {1.0, 1.0}),
      SCILEARN_MGH(jennrich_sampson, {0.3, 0.4}),
      SCILEARN_MGH(helical_valley, {-1.0, 0.0, 0.0}),
      SCILEARN_MGH(bard, {1.0, 1.0, 1.0}),
      SCILEARN_MGH(gaussian, {0.4, 1.0, 0.0}),
      SCILEARN_MGH(box_3d, {0.0, 10.0, 20.0}),
      SCILEARN_MGH(powell_singular, {3.0, -1.0, 0.0, 1.0}),
      SCILEARN_MGH(wood, {-3.0, -1.0, -3.0, -1.0}),
      SCILEARN_MGH(kowalik_osborne, {0.25, 0.39, 0.415, 0.39}),
      SCILEARN_MGH(brown_dennis, {25.0, 5.0, -5.0, -1.0}),
      SCILEARN_MGH(osborne1, {0.5, 1.5, -1.0, 0.01, 0.02}),
      SCILEARN_MGH(biggs_exp6, {1.0, 2.0, 1.0, 1.0, 1.0, 1.0}),
      SCILEARN_MGH(watson, std::vector<double>(6, 0.0)),
      SCILEARN_MGH(extended_rosenbrock, rosenbrock_x0),
      SCILEARN_MGH(extended_powell_singular, powell_x0),
      SCILEARN_MGH(penalty1, {1.0, 2.0, 3.0, 4.0}),
      SCILEARN_MGH(variably_dimensioned, vardim_x0),
      SCILEARN_MGH(trigonometric, std::vector<double>(10, 0.1)),
      SCILEARN_MGH(broyden_tridiagonal, std::vector<double>(10, -1.0)),
      SCILEARN_MGH(broyden_banded, std::vector<double>(10, -1.0)),
  };
}

#undef SCILEARN_MGH

/// The residuals r(x) of a problem as a vector function and their
/// complex-step Jacobian (exact to rounding), by name: for root and
/// least_squares.
template <Residuals<double> (*R)(const std::vector<double>&),
          Residuals<std::complex<double>> (*RC)(const std::vector<std::complex<double>>&)>
std::pair<optimize::VectorFunction, optimize::JacobianFunction> make_system() {
  const optimize::VectorFunction f = [](const Vector& x) {
    const auto r = R(std::vector<double>(x.begin(), x.end()));
    return Vector(Eigen::Map<const Vector>(r.data(), static_cast<Index>(r.size())));
  };
  const optimize::JacobianFunction j = [](const Vector& x) {
    Matrix out;
    for (Index c = 0; c < x.size(); ++c) {
      std::vector<std::complex<double>> z(x.begin(), x.end());
      z[static_cast<std::size_t>(c)] += std::complex<double>(0, 1e-20);
      const auto r = RC(z);
      if (out.size() == 0) out.resize(static_cast<Index>(r.size()), x.size());
      for (std::size_t i = 0; i < r.size(); ++i) out(static_cast<Index>(i), c) = r[i].imag() / 1e-20;
    }
    return out;
  };
  return {f, j};
}

#define SCILEARN_MGH_SYSTEM(name) {#name, make_system<name<double>, name<std::complex<double>>>()}

inline const std::pair<optimize::VectorFunction, optimize::JacobianFunction>& residual_system(const std::string& name) {
  static const std::map<std::string, std::pair<optimize::VectorFunction, optimize::JacobianFunction>> all = {
      SCILEARN_MGH_SYSTEM(rosenbrock),          SCILEARN_MGH_SYSTEM(freudenstein_roth),
      SCILEARN_MGH_SYSTEM(powell_badly_scaled), SCILEARN_MGH_SYSTEM(brown_badly_scaled),
      SCILEARN_MGH_SYSTEM(beale),               SCILEARN_MGH_SYSTEM(jennrich_sampson),
      SCILEARN_MGH_SYSTEM(helical_valley),      SCILEARN_MGH_SYSTEM(bard),
      SCILEARN_MGH_SYSTEM(gaussian),            SCILEARN_MGH_SYSTEM(box_3d),
      SCILEARN_MGH_SYSTEM(powell_singular),     SCILEARN_MGH_SYSTEM(wood),
      SCILEARN_MGH_SYSTEM(kowalik_osborne),     SCILEARN_MGH_SYSTEM(brown_dennis),
      SCILEARN_MGH_SYSTEM(osborne1),            SCILEARN_MGH_SYSTEM(biggs_exp6),
      SCILEARN_MGH_SYSTEM(watson),              SCILEARN_MGH_SYSTEM(extended_rosenbrock),
      SCILEARN_MGH_SYSTEM(extended_powell_singular), SCILEARN_MGH_SYSTEM(penalty1),
      SCILEARN_MGH_SYSTEM(variably_dimensioned), SCILEARN_MGH_SYSTEM(trigonometric),
      SCILEARN_MGH_SYSTEM(broyden_tridiagonal), SCILEARN_MGH_SYSTEM(broyden_banded)};
  return all.at(name);
}

#undef SCILEARN_MGH_SYSTEM

}  // namespace scilearn::testing::mgh

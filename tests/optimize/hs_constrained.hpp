#pragma once
// Hock and Schittkowski's constrained test problems ("Test examples for
// nonlinear programming codes", 1981), written from their definitions as
// tests/reference/optimize_constrained.py writes them: exact objective
// gradients, constraints in all three of SciPy's spellings, Jacobians left
// to finite differences.

#include <cmath>
#include <limits>
#include <optional>
#include <scilearn/optimize/minimize.hpp>
#include <string>
#include <vector>

namespace scilearn::testing::hs_constrained {

using optimize::AnyConstraint;
using optimize::Bounds;
using optimize::Constraint;
using optimize::ConstraintType;
using optimize::LinearConstraint;
using optimize::NonlinearConstraint;

struct Problem {
  std::string name;
  Vector x0;
  double f_star;
  optimize::Objective f;
  optimize::Gradient grad;
  std::vector<AnyConstraint> constraints;
  std::optional<Bounds> bounds;
};

inline Vector vec(std::initializer_list<double> v) {
  Vector out(static_cast<Index>(v.size()));
  Index i = 0;
  for (double x : v) out(i++) = x;
  return out;
}

inline Matrix mat(Index rows, Index cols, std::initializer_list<double> row_major) {
  Matrix out(rows, cols);
  auto it = row_major.begin();
  for (Index i = 0; i < rows; ++i) {
    for (Index j = 0; j < cols; ++j) out(i, j) = *it++;
  }
  return out;
}

// One scalar constraint of the dictionary kind.
inline Constraint scalar(ConstraintType type, double (*g)(const Vector&)) {
  return {type, [g](const Vector& x) { return vec({g(x)}); }, {}};
}

inline std::vector<Problem> problems() {
  constexpr double inf = std::numeric_limits<double>::infinity();
  const auto eq = ConstraintType::eq;
  const auto ineq = ConstraintType::ineq;
  std::vector<Problem> p;
  p.push_back({"hs6", vec({-1.2, 1.0}), 0.0, [](const Vector& x) { return (1 - x(0)) * (1 - x(0)); },
               [](const Vector& x) { return vec({-2 * (1 - x(0)), 0.0}); },
               {scalar(eq, [](const Vector& x) { return 10 * (x(1) - x(0) * x(0)); })},
               std::nullopt});
  p.push_back({"hs7", vec({2.0, 2.0}), -std::sqrt(3.0),
               [](const Vector& x) { return std::log(1 + x(0) * x(0)) - x(1); },
               [](const Vector& x) { return vec({2 * x(0) / (1 + x(0) * x(0)), -1.0}); },
               {scalar(eq, [](const Vector& x) { return std::pow(1 + x(0) * x(0), 2) + x(1) * x(1) - 4; })},
               std::nullopt});
  p.push_back({"hs10", vec({-10.0, 10.0}), -1.0, [](const Vector& x) { return x(0) - x(1); },
               [](const Vector&) { return vec({1.0, -1.0}); },
               {scalar(ineq, [](const Vector& x) { return -3 * x(0) * x(0) + 2 * x(0) * x(1) - x(1) * x(1) + 1; })},
               std::nullopt});
  p.push_back({"hs11", vec({4.9, 0.1}), -8.498464223,
               [](const Vector& x) { return (x(0) - 5) * (x(0) - 5) + x(1) * x(1) - 25; },
               [](const Vector& x) { return vec({2 * (x(0) - 5), 2 * x(1)}); },
               {scalar(ineq, [](const Vector& x) { return -x(0) * x(0) + x(1); })}, std::nullopt});
  p.push_back({"hs12", vec({0.0, 0.0}), -30.0,
               [](const Vector& x) { return 0.5 * x(0) * x(0) + x(1) * x(1) - x(0) * x(1) - 7 * x(0) - 7 * x(1); },
               [](const Vector& x) { return vec({x(0) - x(1) - 7, 2 * x(1) - x(0) - 7}); },
               {scalar(ineq, [](const Vector& x) { return 25 - 4 * x(0) * x(0) - x(1) * x(1); })}, std::nullopt});
  p.push_back({"hs21", vec({-1.0, -1.0}), -99.96, [](const Vector& x) { return 0.01 * x(0) * x(0) + x(1) * x(1) - 100; },
               [](const Vector& x) { return vec({0.02 * x(0), 2 * x(1)}); },
               {LinearConstraint{mat(1, 2, {10.0, -1.0}), vec({10.0}), vec({inf})}},
               Bounds{vec({2.0, -50.0}), vec({50.0, 50.0})}});
  p.push_back({"hs26", vec({-2.6, 2.0, 2.0}), 0.0,
               [](const Vector& x) { return std::pow(x(0) - x(1), 2) + std::pow(x(1) - x(2), 4); },
               [](const Vector& x) {
                 const double a = x(0) - x(1), b = x(1) - x(2);
                 return vec({2 * a, -2 * a + 4 * b * b * b, -4 * b * b * b});
               },
               {scalar(eq, [](const Vector& x) { return (1 + x(1) * x(1)) * x(0) + std::pow(x(2), 4) - 3; })},
               std::nullopt});
  p.push_back({"hs28", vec({-4.0, 1.0, 1.0}), 0.0,
               [](const Vector& x) { return std::pow(x(0) + x(1), 2) + std::pow(x(1) + x(2), 2); },
               [](const Vector& x) {
                 const double a = x(0) + x(1), b = x(1) + x(2);
                 return vec({2 * a, 2 * a + 2 * b, 2 * b});
               },
               {LinearConstraint{mat(1, 3, {1.0, 2.0, 3.0}), vec({1.0}), vec({1.0})}}, std::nullopt});
  p.push_back({"hs35", vec({0.5, 0.5, 0.5}), 1.0 / 9.0,
               [](const Vector& x) {
                 return 9 - 8 * x(0) - 6 * x(1) - 4 * x(2) + 2 * x(0) * x(0) + 2 * x(1) * x(1) + x(2) * x(2) +
                        2 * x(0) * x(1) + 2 * x(0) * x(2);
               },
               [](const Vector& x) {
                 return vec({-8 + 4 * x(0) + 2 * x(1) + 2 * x(2), -6 + 4 * x(1) + 2 * x(0), -4 + 2 * x(2) + 2 * x(0)});
               },
               {LinearConstraint{mat(1, 3, {1.0, 1.0, 2.0}), vec({-inf}), vec({3.0})}},
               Bounds{vec({0.0}), vec({inf})}});
  p.push_back({"hs39", vec({2.0, 2.0, 2.0, 2.0}), -1.0, [](const Vector& x) { return -x(0); },
               [](const Vector&) { return vec({-1.0, 0.0, 0.0, 0.0}); },
               {scalar(eq, [](const Vector& x) { return x(1) - x(0) * x(0) * x(0) - x(2) * x(2); }),
                scalar(eq, [](const Vector& x) { return x(0) * x(0) - x(1) - x(3) * x(3); })},
               std::nullopt});
  p.push_back({"hs48", vec({3.0, 5.0, -3.0, 2.0, -2.0}), 0.0,
               [](const Vector& x) {
                 return std::pow(x(0) - 1, 2) + std::pow(x(1) - x(2), 2) + std::pow(x(3) - x(4), 2);
               },
               [](const Vector& x) {
                 const double a = x(1) - x(2), b = x(3) - x(4);
                 return vec({2 * (x(0) - 1), 2 * a, -2 * a, 2 * b, -2 * b});
               },
               {LinearConstraint{mat(2, 5, {1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 1.0, -2.0, -2.0}), vec({5.0, -3.0}),
                                 vec({5.0, -3.0})}},
               std::nullopt});
  p.push_back({"hs71", vec({1.0, 5.0, 5.0, 1.0}), 17.0140173,
               [](const Vector& x) { return x(0) * x(3) * (x(0) + x(1) + x(2)) + x(2); },
               [](const Vector& x) {
                 return vec({x(3) * (2 * x(0) + x(1) + x(2)), x(0) * x(3), x(0) * x(3) + 1, x(0) * (x(0) + x(1) + x(2))});
               },
               {NonlinearConstraint{[](const Vector& x) { return vec({x.prod(), x.squaredNorm()}); }, vec({25.0, 40.0}),
                                    vec({inf, 40.0}), {}}},
               Bounds{vec({1.0}), vec({5.0})}});
  p.push_back({"hs76", vec({0.5, 0.5, 0.5, 0.5}), -4.681818181,
               [](const Vector& x) {
                 return x(0) * x(0) + 0.5 * x(1) * x(1) + x(2) * x(2) + 0.5 * x(3) * x(3) - x(0) * x(2) + x(2) * x(3) -
                        x(0) - 3 * x(1) + x(2) - x(3);
               },
               [](const Vector& x) {
                 return vec({2 * x(0) - x(2) - 1, x(1) - 3, 2 * x(2) - x(0) + x(3) + 1, x(3) + x(2) - 1});
               },
               {LinearConstraint{mat(3, 4, {1.0, 2.0, 1.0, 1.0, 3.0, 1.0, 2.0, -1.0, 0.0, 1.0, 4.0, 0.0}),
                                 vec({-inf, -inf, 1.5}), vec({5.0, 4.0, inf})}},
               Bounds{vec({0.0}), vec({inf})}});
  return p;
}

}  // namespace scilearn::testing::hs_constrained

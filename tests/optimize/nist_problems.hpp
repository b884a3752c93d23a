#pragma once
// The 27 NIST StRD nonlinear regression problems (../shared/data/nist/nonlinear,
// read in place): their certified values, data and model formulas, as the
// files' headers write them (tests/reference/optimize_nist.py has the same in
// Python). Shared by tests/optimize/nist_nonlinear_test.cpp and the
// least-squares benchmark.

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <numbers>
#include <scilearn/core/types.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace scilearn::testing::nist {

struct Problem {
  Vector start1, start2, certified;
  Vector y;
  Matrix x;  // one row per observation, one column per predictor
};

inline Problem read_problem(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::vector<double> s1, s2, cert;
  std::size_t data_header = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::istringstream row(lines[i]);
    std::string name, eq;
    double a = 0, b = 0, c = 0;
    if (row >> name >> eq >> a >> b >> c && name.size() >= 2 && name[0] == 'b' && eq == "=") {
      s1.push_back(a);
      s2.push_back(b);
      cert.push_back(c);
    }
    if (lines[i].rfind("Data:", 0) == 0) data_header = i;
  }
  std::vector<std::vector<double>> rows;
  for (std::size_t i = data_header + 1; i < lines.size(); ++i) {
    std::istringstream row(lines[i]);
    std::vector<double> values;
    for (double v; row >> v;) values.push_back(v);
    if (!values.empty()) rows.push_back(values);
  }
  const auto vec = [](const std::vector<double>& v) {
    return Vector(Eigen::Map<const Vector>(v.data(), static_cast<Index>(v.size())));
  };
  Problem p{vec(s1), vec(s2), vec(cert), Vector(static_cast<Index>(rows.size())),
            Matrix(static_cast<Index>(rows.size()), static_cast<Index>(rows.at(0).size()) - 1)};
  for (std::size_t i = 0; i < rows.size(); ++i) {
    p.y(static_cast<Index>(i)) = rows[i][0];
    for (std::size_t j = 1; j < rows[i].size(); ++j) p.x(static_cast<Index>(i), static_cast<Index>(j - 1)) = rows[i][j];
  }
  return p;
}

// NIST's model formulas, as written in the files' headers (column 0 of x is
// the predictor; Nelson has two and is fitted to log y).
using Formula = double (*)(const double* x, const Vector& b);

inline double gauss(const double* v, const Vector& b) {
  const double x = v[0];
  return b(0) * std::exp(-b(1) * x) + b(2) * std::exp(-(x - b(3)) * (x - b(3)) / (b(4) * b(4))) +
         b(5) * std::exp(-(x - b(6)) * (x - b(6)) / (b(7) * b(7)));
}
inline double lanczos(const double* v, const Vector& b) {
  const double x = v[0];
  return b(0) * std::exp(-b(1) * x) + b(2) * std::exp(-b(3) * x) + b(4) * std::exp(-b(5) * x);
}
inline double cubic_cubic(const double* v, const Vector& b) {
  const double x = v[0];
  return (b(0) + b(1) * x + b(2) * x * x + b(3) * x * x * x) / (1 + b(4) * x + b(5) * x * x + b(6) * x * x * x);
}
inline double chwirut(const double* v, const Vector& b) { return std::exp(-b(0) * v[0]) / (b(1) + b(2) * v[0]); }

inline const std::map<std::string, Formula> kModels = {
    {"Bennett5", [](const double* v, const Vector& b) { return b(0) * std::pow(b(1) + v[0], -1 / b(2)); }},
    {"BoxBOD", [](const double* v, const Vector& b) { return b(0) * (1 - std::exp(-b(1) * v[0])); }},
    {"Chwirut1", chwirut},
    {"Chwirut2", chwirut},
    {"DanWood", [](const double* v, const Vector& b) { return b(0) * std::pow(v[0], b(1)); }},
    {"ENSO",
     [](const double* v, const Vector& b) {
       const double w = 2 * std::numbers::pi * v[0];
       return b(0) + b(1) * std::cos(w / 12) + b(2) * std::sin(w / 12) + b(4) * std::cos(w / b(3)) +
              b(5) * std::sin(w / b(3)) + b(7) * std::cos(w / b(6)) + b(8) * std::sin(w / b(6));
     }},
    {"Eckerle4",
     [](const double* v, const Vector& b) {
       const double t = (v[0] - b(2)) / b(1);
       return (b(0) / b(1)) * std::exp(-0.5 * t * t);
     }},
    {"Gauss1", gauss},
    {"Gauss2", gauss},
    {"Gauss3", gauss},
    {"Hahn1", cubic_cubic},
    {"Kirby2",
     [](const double* v, const Vector& b) {
       const double x = v[0];
       return (b(0) + b(1) * x + b(2) * x * x) / (1 + b(3) * x + b(4) * x * x);
     }},
    {"Lanczos1", lanczos},
    {"Lanczos2", lanczos},
    {"Lanczos3", lanczos},
    {"MGH09",
     [](const double* v, const Vector& b) {
       const double x = v[0];
       return b(0) * (x * x + x * b(1)) / (x * x + x * b(2) + b(3));
     }},
    {"MGH10", [](const double* v, const Vector& b) { return b(0) * std::exp(b(1) / (v[0] + b(2))); }},
    {"MGH17",
     [](const double* v, const Vector& b) { return b(0) + b(1) * std::exp(-v[0] * b(3)) + b(2) * std::exp(-v[0] * b(4)); }},
    {"Misra1a", [](const double* v, const Vector& b) { return b(0) * (1 - std::exp(-b(1) * v[0])); }},
    {"Misra1b", [](const double* v, const Vector& b) { return b(0) * (1 - std::pow(1 + b(1) * v[0] / 2, -2)); }},
    {"Misra1c", [](const double* v, const Vector& b) { return b(0) * (1 - std::pow(1 + 2 * b(1) * v[0], -.5)); }},
    {"Misra1d", [](const double* v, const Vector& b) { return b(0) * b(1) * v[0] * std::pow(1 + b(1) * v[0], -1); }},
    {"Nelson", [](const double* v, const Vector& b) { return b(0) - b(1) * v[0] * std::exp(-b(2) * v[1]); }},
    {"Rat42", [](const double* v, const Vector& b) { return b(0) / (1 + std::exp(b(1) - b(2) * v[0])); }},
    {"Rat43",
     [](const double* v, const Vector& b) { return b(0) / std::pow(1 + std::exp(b(1) - b(2) * v[0]), 1 / b(3)); }},
    {"Roszman1",
     [](const double* v, const Vector& b) {
       return b(0) - b(1) * v[0] - std::atan(b(2) / (v[0] - b(3))) / std::numbers::pi;
     }},
    {"Thurber", cubic_cubic},
};

// The model's predictions at every observation (row of x).
inline Vector predict(Formula formula, const Matrix& x, const Vector& b) {
  Vector out(x.rows());
  for (Index i = 0; i < x.rows(); ++i) {
    const Eigen::RowVectorXd row = x.row(i);
    out(i) = formula(row.data(), b);
  }
  return out;
}

// The response the model is fitted to: log y for Nelson, y otherwise.
inline Vector response(const std::string& name, const Problem& p) {
  return name == "Nelson" ? Vector(p.y.array().log()) : p.y;
}

// The smallest number of correct significant digits over the parameters, capped at 15.
inline double lre(const Vector& estimate, const Vector& certified) {
  double worst = 15;
  for (Index i = 0; i < certified.size(); ++i) {
    const double err = std::abs(estimate(i) - certified(i)) / std::abs(certified(i));
    worst = std::min(worst, err == 0 ? 15.0 : -std::log10(err));
  }
  return std::max(worst, 0.0);
}

}  // namespace scilearn::testing::nist

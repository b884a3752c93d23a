#pragma once
// SAG and SAGA (Schmidt, Le Roux & Bach 2017; Defazio, Bach & Lacoste-Julien
// 2014) for LogisticRegression's objective, on dense rows or CSR rows:
//
//   sum_i w_i loss_i(W x_i + b) + (l2 / 2) ||W||_F^2 + l1 ||W||_1,
//
// w_i the normalized sample weights (sum 1), loss the binomial deviance / 2
// (K = 1, labels 0 / 1) or the multinomial cross-entropy (K = n_classes).

#include <cstdint>
#include <scilearn/learn/sparse_input.hpp>
#include <vector>

namespace scilearn::learn::detail {

using RowMajorMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

struct SagProblem {
  const std::vector<int>& label;  // class index per sample (K = 1: 0 or 1)
  const Vector& weight;           // per-sample weights, summing to 1
  Index K = 1;
  bool fit_intercept = true;
  double l2 = 0;
  double l1 = 0;  // > 0 needs saga (a proximal step)
  bool saga = true;
  double tol = 1e-4;
  int max_iter = 100;
  std::uint64_t seed = 0;
};

struct SagResult {
  Index n_iter = 0;  // epochs run
  bool converged = false;
};

// coef (K x p) and intercept (K) hold the starting point on entry and the
// result on return.
SagResult solve_sag(const CsrMatrix& X, const SagProblem& problem, Matrix& coef, Vector& intercept);
SagResult solve_sag(const RowMajorMatrix& X, const SagProblem& problem, Matrix& coef, Vector& intercept);

}  // namespace scilearn::learn::detail

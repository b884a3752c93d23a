#pragma once
// LogisticRegression's solver "liblinear": the binary problem in LIBLINEAR's
// formulation (Fan, Chang, Hsieh, Wang & Lin 2008), as scikit-learn 1.9 hands
// it to its bundled LIBLINEAR:
//
//   min_w  penalty(w) + sum_i c_i log(1 + exp(-y_i w . x~_i)),
//
// y_i in {-1, +1}, c_i = C s_i (s_i the sample weight times the class
// weight), x~_i = [x_i, intercept_scaling] with fit_intercept (the intercept
// is an ordinary, penalized weight: intercept_ = intercept_scaling w_last),
// else x_i; penalty ||w||^2 / 2 (primal or dual) or ||w||_1.

#include <scilearn/learn/linear_model/logistic_regression.hpp>
#include <scilearn/learn/sparse_input.hpp>
#include <vector>

namespace scilearn::learn::detail {

// Fits the two-class problem. label: 1 for the positive class (classes[1]),
// else 0; weight: s_i normalized to sum 1; l2, l1: the coefficients of
// ||w||^2 / 2 and ||w||_1 in LogisticRegression's normalized objective (1 /
// (C S) for the chosen penalty, 0 for the other), so that c_i = weight_i /
// (l2 + l1). Uses p's dual, tol, max_iter, random_state, fit_intercept and
// intercept_scaling; warns (convergence) when max_iter is reached, as
// scikit-learn does. Throws ValueError, with scikit-learn's words, for X
// holding a value > 1e30 and for dual with the L1 penalty.
[[nodiscard]] LogisticRegressionFitted fit_liblinear(const MatrixView& X, const LogisticRegressionParams& p,
                                                     const Vector& classes, const std::vector<int>& label,
                                                     const Vector& weight, double l2, double l1);
[[nodiscard]] LogisticRegressionFitted fit_liblinear(const CsrMatrix& X, const LogisticRegressionParams& p,
                                                     const Vector& classes, const std::vector<int>& label,
                                                     const Vector& weight, double l2, double l1);

}  // namespace scilearn::learn::detail

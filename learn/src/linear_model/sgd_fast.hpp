#pragma once
// The plain stochastic gradient descent loop behind SGDClassifier,
// SGDRegressor, Perceptron and the passive-aggressive estimators: one binary
// (or regression) problem, one sample at a time, as scikit-learn's _plain_sgd
// (sklearn/linear_model/_sgd_fast.pyx.tp, 1.9) orders its steps, so that with
// shuffle = false the coefficients agree with scikit-learn's to rounding.
//
// The weights are kept as w = scale * v (Bottou's trick, scikit-learn's
// WeightVector): the L2 decay w <- (1 - eta alpha) w multiplies the scale in
// O(1), and v is rescaled only when the scale drops below 1e-9. The averaged
// weights of ASGD are kept as (a_w + a v) / b in the same way (Bottou 2012,
// "Stochastic gradient descent tricks"), so averaging is O(1) per step on top
// of the update. The L1 part of the penalty is the cumulative truncated
// gradient of Tsuruoka, Tsujii & Ananiadou (2009).
//
// X is read row by row from a row-major copy; a step is a dot product and an
// axpy on one contiguous row, with no allocation. The rows of the next steps
// are prefetched (a shuffled order reads rows at random).

#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <scilearn/core/types.hpp>
#include <string_view>
#include <vector>

namespace scilearn::learn::detail {

// The loss of one sample, as scikit-learn's loss objects: `param` is the hinge
// threshold (1; 0 for the perceptron), epsilon, or Huber's delta.
enum class SgdLossKind {
  hinge,
  squared_hinge,
  log_loss,  // half binomial deviance, y in {0, 1}
  modified_huber,
  squared_error,  // half squared error
  huber,
  epsilon_insensitive,
  squared_epsilon_insensitive
};

struct SgdLoss {
  SgdLossKind kind = SgdLossKind::hinge;
  double param = 1.0;
  // The loss at prediction p for target y.
  [[nodiscard]] double loss(double y, double p) const noexcept;
  // Its derivative with respect to p.
  [[nodiscard]] double dloss(double y, double p) const noexcept;
};

// scikit-learn's learning-rate codes.
enum class SgdSchedule { constant = 1, optimal = 2, invscaling = 3, adaptive = 4, pa1 = 5, pa2 = 6 };
// scikit-learn's penalty codes.
enum SgdPenaltyCode : int { kNoPenalty = 0, kL1 = 1, kL2 = 2, kElasticNet = 3 };

// The training data of all the problems of one fit.
struct SgdData {
  const double* X = nullptr;  // n x p, row-major
  Index n = 0, p = 0;
  const double* sample_weight = nullptr;          // n
  const std::uint8_t* validation_mask = nullptr;  // n, or null: none
  // Sparse rows (CSR) instead of X: the stored entries of row i are
  // values / indices [indptr[i], indptr[i + 1]). As scikit-learn does, a step
  // then touches only those entries (its dot, update, L1 truncation, and the
  // norms its stopping objective tracks).
  const double* values = nullptr;
  const int* indices = nullptr;
  const int* indptr = nullptr;
};

struct SgdOptions {
  SgdLoss loss;
  int penalty = kL2;
  double alpha = 1e-4;
  double l1_ratio = 0.15;
  int max_iter = 1000;
  double tol = -std::numeric_limits<double>::infinity();  // -inf: no stopping test
  int n_iter_no_change = 5;
  bool fit_intercept = true;
  bool shuffle = true;
  bool early_stopping = false;
  SgdSchedule schedule = SgdSchedule::optimal;
  double eta0 = 0.01;
  double power_t = 0.5;
  Index average = 0;
  double intercept_decay = 1.0;
};

// The model one problem updates in place.
struct SgdModel {
  double* w = nullptr;  // p coefficients
  double intercept = 0;
  double* aw = nullptr;  // p averaged coefficients, or null without averaging
  double average_intercept = 0;
};

// The validation score of (w, intercept) on the held-out samples (accuracy or
// R^2), with early_stopping.
using SgdValidationScore = std::function<double(const double* w, double intercept)>;

// Runs up to options.max_iter epochs over the samples outside the validation
// mask; y holds the targets (+1 / -1, 1 / 0 for log_loss, or real values);
// weight_pos / weight_neg multiply the samples with y > 0 / y <= 0. `t` is
// the step counter to start from (1 for a fresh fit). Returns the number of
// epochs run. Throws ValueError when the weights overflow.
Index plain_sgd(const SgdData& data, const double* y, double weight_pos, double weight_neg, const SgdOptions& options,
                SgdModel& model, double t, std::uint64_t seed, const SgdValidationScore& validation_score);

// A row-major copy of X (a blocked transpose, in parallel, on huge pages),
// which checks X's finiteness on the way: ValueError naming `where` as
// check_X's, without a pass of its own over X.
using RowMajorBuffer = std::unique_ptr<double[]>;
RowMajorBuffer row_major_copy(std::string_view where, const Eigen::Ref<const Matrix>& X);

}  // namespace scilearn::learn::detail

#pragma once
/// \file
/// RANSACRegressor: RANdom SAmple Consensus, as sklearn.linear_model.RANSACRegressor (1.9).

#include <array>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <scilearn/learn/base/estimator_base.hpp>
#include <utility>
#include <vector>

namespace scilearn::learn {

/// How a sample's residual is measured: |y - y_pred| or (y - y_pred)^2.
enum class RansacLoss { absolute_error, squared_error };

constexpr auto param_names(RansacLoss) {
  return std::array{std::pair{RansacLoss::absolute_error, "absolute_error"},
                    std::pair{RansacLoss::squared_error, "squared_error"}};
}

/// A check of a random subset before a model is fitted on it (scikit-learn's
/// is_data_valid): false skips the subset.
using RansacDataCheck = std::function<bool(const MatrixView& X_subset, const VectorView& y_subset)>;
/// A check of the model fitted on a random subset (is_model_valid): false
/// skips it.
using RansacModelCheck =
    std::function<bool(const Estimator& model, const MatrixView& X_subset, const VectorView& y_subset)>;
/// A per-sample loss, (y_true, y_pred) -> one residual per sample
/// (scikit-learn's callable `loss`).
using RansacLossFunction = std::function<Vector(const VectorView& y_true, const VectorView& y_pred)>;

/// RANSACRegressor's hyper-parameters: scikit-learn's names and defaults.
/// max_trials, max_skips and stop_n_inliers are doubles so that they can be
/// infinite, as in scikit-learn. The three callables are not parameters by
/// name (a std::function has no ParamValue): get_params and a saved model
/// leave them out (a loaded model predicts the same, but a refit runs without
/// them); clone() copies them, so callables that capture state by reference
/// share it between clones.
struct RANSACRegressorParams {
  /// The base regressor, cloned for every fit; null: LinearRegression().
  EstimatorPtr estimator = nullptr;
  /// The size of each random subset: a whole number >= 1 is a count, a
  /// number in (0, 1) a fraction of the samples (rounded up); none:
  /// n_features + 1, which needs the default LinearRegression. (scikit-learn
  /// reads the float 1.0 as the fraction "all samples", our 1 is one sample.)
  std::optional<double> min_samples{};
  /// Samples with a residual (loss) <= this are inliers; none: the median
  /// absolute deviation of y, median(|y - median(y)|).
  std::optional<double> residual_threshold{};
  /// The most random subsets to try (>= 0, may be infinite).
  double max_trials = 100;
  /// The most subsets to skip for having fewer inliers than the best (>= 0, may be infinite).
  double max_skips = std::numeric_limits<double>::infinity();
  /// Stop once a consensus set has this many inliers.
  double stop_n_inliers = std::numeric_limits<double>::infinity();
  /// Stop once the model's score on its inliers reaches this.
  double stop_score = std::numeric_limits<double>::infinity();
  /// Stop once, with this probability, a subset free of outliers has been
  /// drawn (in [0, 1]): the trial count adapts to the best inlier ratio.
  double stop_probability = 0.99;
  RansacLoss loss = RansacLoss::absolute_error;
  /// When set, replaces `loss`: its residuals are compared with residual_threshold.
  RansacLossFunction loss_function = {};
  /// When set, subsets it rejects are skipped (counted in n_skips_invalid_data).
  RansacDataCheck is_data_valid = {};
  /// When set, subset models it rejects are skipped (counted in n_skips_invalid_model).
  RansacModelCheck is_model_valid = {};
  /// Seed of the random subsets (and, when given, of a base estimator that
  /// has a random_state); none: fresh entropy.
  std::optional<std::uint64_t> random_state{};
};

/// RANSACRegressor's learned state.
struct RANSACRegressorFitted {
  Index n_features_in = 0;
  /// The final model, fitted on the inliers of the best consensus set.
  EstimatorPtr estimator = nullptr;
  /// 1 for an inlier, 0 for an outlier, per training sample.
  std::vector<Index> inlier_mask;
  Index n_trials = 0;
  Index n_skips_no_inliers = 0;
  Index n_skips_invalid_data = 0;
  Index n_skips_invalid_model = 0;
};

/// Robust regression by random sample consensus (Fischler & Bolles 1981):
/// repeatedly fit the base estimator on a random subset of min_samples rows,
/// count the samples whose residual is within residual_threshold, and keep
/// the consensus set with the most inliers (ties: the higher score of the
/// model on its inliers); finally refit the estimator on the best inliers.
/// The trial count is min(max_trials, ceil(log(1 - stop_probability) /
/// log(1 - r^min_samples))), r the best inlier ratio so far, as scikit-learn.
///
/// The random subsets come from our own generator, so they differ from
/// scikit-learn's for the same seed; on data whose inliers are unambiguous
/// both find the same consensus set and the same final model. The same seed
/// gives the same result on every run and machine.
///
/// sample_weight, when given, reaches every fit of the base estimator
/// (restricted to the subset); the scores are unweighted, as scikit-learn's.
///
/// Throws ValueError (fit): min_samples larger than the number of samples,
/// not a whole number >= 1 nor in (0, 1), or none with a base estimator other
/// than LinearRegression; residual_threshold < 0; max_trials, max_skips or
/// stop_n_inliers < 0; stop_probability outside [0, 1]; when no subset gave
/// a consensus set; a loss_function that does not return one residual per
/// sample (a NaN residual marks an outlier, as in scikit-learn). Warns (convergence) when it stopped after max_skips.
/// Exceptions thrown by the callables propagate.
///
/// Complexity: per trial a fit on min_samples rows and a predict on all n.
///
/// \code
///   RANSACRegressor ransac({.residual_threshold = 0.5, .random_state = 0});
///   ransac.fit(X, y);
///   std::vector<bool> inliers = ransac.inlier_mask();
///   Vector yhat = ransac.predict(X_test);
/// \endcode
class RANSACRegressor final
    : public EstimatorBase<RANSACRegressor, Regressor, RANSACRegressorParams, RANSACRegressorFitted> {
 public:
  static constexpr std::string_view class_name = "RANSACRegressor";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("estimator", p.estimator);
    f("min_samples", p.min_samples);
    f("residual_threshold", p.residual_threshold);
    f("max_trials", p.max_trials);
    f("max_skips", p.max_skips);
    f("stop_n_inliers", p.stop_n_inliers);
    f("stop_score", p.stop_score);
    f("stop_probability", p.stop_probability);
    f("loss", p.loss);
    f("random_state", p.random_state);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("estimator", s.estimator);
    f("inlier_mask", s.inlier_mask);
    f("n_trials", s.n_trials);
    f("n_skips_no_inliers", s.n_skips_no_inliers);
    f("n_skips_invalid_data", s.n_skips_invalid_data);
    f("n_skips_invalid_model", s.n_skips_invalid_model);
  }
  /// Throws ValueError when a loaded state lacks its fitted estimator.
  static void check_fitted(const Fitted& s);
  using EstimatorBase::EstimatorBase;

  [[nodiscard]] bool has(Method method) const override { return method == Method::predict || method == Method::score; }
  /// estimator_.predict(X). Throws NotFittedError before fit, ValueError for
  /// a different feature count or non-finite X.
  [[nodiscard]] Vector predict(const MatrixView& X) const override;
  /// estimator_.score(X, y, sample_weight) (R^2 for a regressor).
  [[nodiscard]] double score(const MatrixView& X, const VectorView& y,
                             const VectorView& sample_weight = Vector()) const override;

  /// scikit-learn's estimator_: the final model.
  [[nodiscard]] const Estimator& estimator() const { return *fitted().estimator; }
  /// scikit-learn's inlier_mask_.
  [[nodiscard]] std::vector<bool> inlier_mask() const;
  /// scikit-learn's n_trials_, n_skips_no_inliers_, n_skips_invalid_data_, n_skips_invalid_model_.
  [[nodiscard]] Index n_trials() const { return fitted().n_trials; }
  [[nodiscard]] Index n_skips_no_inliers() const { return fitted().n_skips_no_inliers; }
  [[nodiscard]] Index n_skips_invalid_data() const { return fitted().n_skips_invalid_data; }
  [[nodiscard]] Index n_skips_invalid_model() const { return fitted().n_skips_invalid_model; }

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
};

}  // namespace scilearn::learn

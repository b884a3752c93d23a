#pragma once
/// \file
/// KNNImputer: fills missing values with the mean of the nearest neighbours'
/// values, as sklearn.impute.KNNImputer.

#include <array>
#include <limits>
#include <scilearn/learn/base/estimator_base.hpp>
#include <scilearn/learn/impute/missing_indicator.hpp>
#include <utility>
#include <vector>

namespace scilearn::learn {

/// How KNNImputer weighs the neighbours' values.
enum class KNNImputerWeights {
  uniform,   ///< all equally
  distance,  ///< by 1 / distance; neighbours at distance 0, when there are, alone and equally
};
constexpr auto param_names(KNNImputerWeights) {
  return std::array{std::pair{KNNImputerWeights::uniform, "uniform"},
                    std::pair{KNNImputerWeights::distance, "distance"}};
}

/// KNNImputer's distance (scikit-learn's only named one; no callable).
enum class KNNImputerMetric {
  nan_euclidean,  ///< nan_euclidean_distances (metrics/pairwise.hpp)
};
constexpr auto param_names(KNNImputerMetric) {
  return std::array{std::pair{KNNImputerMetric::nan_euclidean, "nan_euclidean"}};
}

/// KNNImputer's hyper-parameters, scikit-learn's names and defaults (no
/// `copy`: inputs are never modified).
struct KNNImputerParams {
  /// The placeholder of a missing value: NaN (the default) or a number (then
  /// NaN in X is an error).
  double missing_values = std::numeric_limits<double>::quiet_NaN();
  /// Neighbours per imputed value, >= 1.
  Index n_neighbors = 5;
  KNNImputerWeights weights = KNNImputerWeights::uniform;
  KNNImputerMetric metric = KNNImputerMetric::nan_euclidean;
  /// Stack MissingIndicator's columns (error_on_new = false) after the imputed ones.
  bool add_indicator = false;
  /// Keep the features with no present value in fit, as zeros; by default
  /// they are dropped from the output.
  bool keep_empty_features = false;
};

/// KNNImputer's learned state: the training data, as scikit-learn's `_fit_X`.
struct KNNImputerFitted {
  Index n_features_in = 0;
  /// The fit data, missing entries included.
  Matrix fit_X;
  /// Whether fit had add_indicator (then indicator_features is the indicator's state).
  bool add_indicator = false;
  /// The features with missing values in fit (the indicator's `features_`).
  std::vector<Index> indicator_features;
};

/// Imputes each missing entry X(i, c) from the rows of the fit data that
/// have feature c (the donors): the n_neighbors donors nearest to row i by
/// nan_euclidean_distances give their value of c, averaged uniformly or by
/// 1 / distance. Donors at an undefined distance (no feature present in both
/// rows) do not count; when no donor has a defined distance, the entry takes
/// the mean of feature c in the fit data. Features with no present value in
/// fit are dropped (or zero with keep_empty_features); add_indicator stacks
/// the indicator columns after them. fit takes no sample_weight (ValueError).
///
/// Ties: among donors at equal distances the lower fit-row index is taken
/// first. scikit-learn selects with NumPy's argpartition, whose choice among
/// ties is unspecified, so with ties at the n_neighbors-th place the two may
/// pick different donors (and, under rounding, distances equal in exact
/// arithmetic may order differently in either library).
///
/// Computation: distances from blocks of rows with missing values to all fit
/// rows by one GEMM per block over zero-filled data and presence masks (see
/// nan_euclidean_distances), blocks in parallel with OpenMP, each computed by
/// one thread in a fixed layout, so results do not depend on the thread
/// count; then a single pass over the donors of each missing entry keeps the
/// n_neighbors nearest. Complexity: O(n_missing_rows n_fit n_features) time,
/// O(block n_fit) memory per thread.
///
/// \code
///   KNNImputer imputer({.n_neighbors = 2, .weights = KNNImputerWeights::distance});
///   Matrix filled = imputer.fit_transform(X);
/// \endcode
class KNNImputer final : public EstimatorBase<KNNImputer, Transformer, KNNImputerParams, KNNImputerFitted> {
 public:
  static constexpr std::string_view class_name = "KNNImputer";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("add_indicator", p.add_indicator);
    f("keep_empty_features", p.keep_empty_features);
    f("metric", p.metric);
    f("missing_values", p.missing_values);
    f("n_neighbors", p.n_neighbors);
    f("weights", p.weights);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("fit_X", s.fit_X);
    f("add_indicator", s.add_indicator);
    f("indicator_features", s.indicator_features);
  }
  static void check_fitted(const Fitted& s);
  using EstimatorBase::EstimatorBase;

  [[nodiscard]] bool has(Method method) const override { return method == Method::transform; }
  /// X with missing entries imputed, dropped features removed, then the
  /// indicator columns (add_indicator).
  [[nodiscard]] Matrix transform(const MatrixView& X) const override;
  /// The kept input names, then "missingindicator_<name>" (add_indicator).
  [[nodiscard]] std::vector<std::string> get_feature_names_out(
      const std::vector<std::string>& input_features = {}) const override;

  /// scikit-learn's `indicator_`: the fitted MissingIndicator; NotFittedError
  /// before fit, ValueError when fitted without add_indicator (scikit-learn's is None).
  [[nodiscard]] MissingIndicator indicator() const;

 private:
  friend EstimatorBase;
  static constexpr bool allows_nan = true;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
};

}  // namespace scilearn::learn

#pragma once
/// \file
/// KBinsDiscretizer: bins each feature into intervals, as
/// sklearn.preprocessing.KBinsDiscretizer.

#include <array>
#include <cstdint>
#include <optional>
#include <scilearn/learn/base/estimator_base.hpp>
#include <utility>
#include <vector>

namespace scilearn::learn {

/// How KBinsDiscretizer encodes the bin of a value.
enum class KBinsEncode {
  onehot,        ///< indicator columns (scikit-learn: sparse; here dense, as onehot-dense)
  onehot_dense,  ///< "onehot-dense": indicator columns
  ordinal,       ///< the bin index
};
constexpr auto param_names(KBinsEncode) {
  return std::array{std::pair{KBinsEncode::onehot, "onehot"}, std::pair{KBinsEncode::onehot_dense, "onehot-dense"},
                    std::pair{KBinsEncode::ordinal, "ordinal"}};
}

/// How the bin edges are placed.
enum class KBinsStrategy {
  uniform,   ///< equal widths between the feature's minimum and maximum
  quantile,  ///< equal counts: percentiles of the feature
  kmeans,    ///< midpoints between the centers of 1-D k-means (Lloyd) started from the uniform bins' centers
};
constexpr auto param_names(KBinsStrategy) {
  return std::array{std::pair{KBinsStrategy::uniform, "uniform"}, std::pair{KBinsStrategy::quantile, "quantile"},
                    std::pair{KBinsStrategy::kmeans, "kmeans"}};
}

/// NumPy's percentile methods that KBinsDiscretizer's quantile strategy offers here.
enum class KBinsQuantileMethod {
  averaged_inverted_cdf,  ///< scikit-learn 1.9's default (Hyndman & Fan type 2)
  inverted_cdf,           ///< Hyndman & Fan type 1
  linear,                 ///< NumPy's default (type 7)
};
constexpr auto param_names(KBinsQuantileMethod) {
  return std::array{std::pair{KBinsQuantileMethod::averaged_inverted_cdf, "averaged_inverted_cdf"},
                    std::pair{KBinsQuantileMethod::inverted_cdf, "inverted_cdf"},
                    std::pair{KBinsQuantileMethod::linear, "linear"}};
}

/// KBinsDiscretizer's hyper-parameters (n_bins per feature as an array, the
/// other percentile methods and dtype are not available).
struct KBinsDiscretizerParams {
  /// The number of bins of every feature, >= 2.
  Index n_bins = 5;
  KBinsEncode encode = KBinsEncode::onehot;
  KBinsStrategy strategy = KBinsStrategy::quantile;
  KBinsQuantileMethod quantile_method = KBinsQuantileMethod::averaged_inverted_cdf;
  /// Fit on this many rows drawn with replacement when n_samples is larger
  /// (our draw, not NumPy's); None: all rows.
  std::optional<Index> subsample = 200'000;
  std::optional<std::uint64_t> random_state = std::nullopt;
};

/// KBinsDiscretizer's learned state.
struct KBinsDiscretizerFitted {
  Index n_features_in = 0;
  /// Per feature: its bin edges, increasing (n_bins + 1 of them); a constant
  /// feature has {-inf, inf}.
  std::vector<Vector> bin_edges;
  /// Per feature: its number of bins (fewer than n_bins where bins narrower
  /// than 1e-8 were removed, 1 for a constant feature).
  std::vector<Index> n_bins;
};

/// Discretizes each feature: the bin of x is the number of inner edges <= x
/// (np.searchsorted(edges[1:-1], x, side="right")), so values beyond the
/// training range fall in the end bins. Ordinal output is that index; one-hot
/// output has n_bins columns per feature (always dense). A constant feature
/// warns and becomes 0; bins narrower than 1e-8 are removed with a warning.
/// X must be finite. fit takes no sample_weight (scikit-learn 1.9 accepts it:
/// not available yet).
///
/// Throws ValueError from fit for n_bins < 2 or subsample < 1.
///
/// Complexity: fit O(n log n) per feature (quantile), O(n n_bins) per k-means
/// iteration; transform O(n_samples n_features log n_bins).
///
/// \code
///   KBinsDiscretizer kbins({.n_bins = 4, .encode = KBinsEncode::ordinal, .strategy = KBinsStrategy::uniform});
///   Matrix bins = kbins.fit_transform(X);
/// \endcode
class KBinsDiscretizer final
    : public EstimatorBase<KBinsDiscretizer, Transformer, KBinsDiscretizerParams, KBinsDiscretizerFitted> {
 public:
  static constexpr std::string_view class_name = "KBinsDiscretizer";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("encode", p.encode);
    f("n_bins", p.n_bins);
    f("quantile_method", p.quantile_method);
    f("random_state", p.random_state);
    f("strategy", p.strategy);
    f("subsample", p.subsample);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("bin_edges", s.bin_edges);
    f("n_bins", s.n_bins);
  }
  using EstimatorBase::EstimatorBase;

  [[nodiscard]] bool has(Method method) const override {
    return method == Method::transform || method == Method::inverse_transform;
  }
  /// The bin indices (ordinal) or their indicator columns (one-hot).
  [[nodiscard]] Matrix transform(const MatrixView& X) const override;
  /// The center of each bin (one-hot: of the largest column of each block).
  [[nodiscard]] Matrix inverse_transform(const MatrixView& X) const override;
  /// Ordinal: the input names; one-hot: "<feature>_<bin>" as "x0_0.0", "x0_1.0", ...
  [[nodiscard]] std::vector<std::string> get_feature_names_out(
      const std::vector<std::string>& input_features = {}) const override;

  [[nodiscard]] const std::vector<Vector>& bin_edges() const { return fitted().bin_edges; }
  [[nodiscard]] const std::vector<Index>& n_bins() const { return fitted().n_bins; }

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
  [[nodiscard]] bool onehot() const { return params_.encode != KBinsEncode::ordinal; }
};

}  // namespace scilearn::learn

#pragma once
/// \file
/// FeatureUnion: several transformers side by side on the same input, their
/// outputs concatenated column-wise, as sklearn.pipeline.FeatureUnion.

#include <map>
#include <scilearn/learn/compose/pipeline.hpp>

namespace scilearn::learn {

/// The tag of an item that is left out (scikit-learn's "drop").
struct Drop {};
inline constexpr Drop drop{};

/// One named transformer of a FeatureUnion: an estimator, passthrough (the
/// input itself) or drop.
struct UnionItem {
  std::string name;
  EstimatorPtr estimator;
  bool drop = false;

  UnionItem(std::string item_name, EstimatorPtr item) : name(std::move(item_name)), estimator(std::move(item)) {}
  UnionItem(std::string item_name, Passthrough) : name(std::move(item_name)) {}
  UnionItem(std::string item_name, Drop) : name(std::move(item_name)), drop(true) {}
  template <std::derived_from<Estimator> E>
  UnionItem(std::string item_name, E item)
      : name(std::move(item_name)), estimator(std::make_shared<E>(std::move(item))) {}
};

/// Concatenates the outputs of several transformers fitted on the same data.
///
/// Parameters by name: each item under its name (an estimator, "passthrough"
/// or "drop"), its parameters as "name__param", and `transformer_weights`
/// (given to the constructor: per-name multipliers of the outputs).
/// Output feature names are "name__feature", as scikit-learn's.
///
/// \code
///   FeatureUnion union_({{"scaled", StandardScaler()}, {"raw", passthrough}});
///   Matrix both = union_.fit_transform(X);   // 2 * n_features columns
/// \endcode
class FeatureUnion final : public Estimator {
 public:
  /// Throws ValueError for no items, bad names, or an item without transform().
  explicit FeatureUnion(std::vector<UnionItem> transformer_list,
                        std::map<std::string, double> transformer_weights = {});

  [[nodiscard]] std::string name() const override { return "FeatureUnion"; }
  [[nodiscard]] EstimatorKind kind() const override { return EstimatorKind::transformer; }
  [[nodiscard]] std::unique_ptr<Estimator> clone() const override;
  [[nodiscard]] ParamMap get_params(bool deep = true) const override;
  Estimator& set_params(const ParamMap& params) override;
  [[nodiscard]] bool is_fitted() const override { return n_features_in_ > 0; }
  [[nodiscard]] Index n_features_in() const override;
  [[nodiscard]] bool has(Method method) const override { return method == Method::transform; }

  [[nodiscard]] Matrix transform(const MatrixView& X) const override;
  Matrix fit_transform(const MatrixView& X, const VectorView& y = Vector(),
                       const VectorView& sample_weight = Vector()) override;
  [[nodiscard]] std::vector<std::string> get_feature_names_out(
      const std::vector<std::string>& input_features = {}) const override;
  void write(io::BinaryWriter& out) const override;
  static std::unique_ptr<Estimator> read(io::BinaryReader& in);

  /// The items, in order.
  [[nodiscard]] const std::vector<UnionItem>& transformer_list() const noexcept { return items_; }

 protected:
  void fit_impl(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) override;

 private:
  std::vector<UnionItem> items_;
  std::map<std::string, double> weights_;
  Index n_features_in_ = 0;
  void validate() const;
};

}  // namespace scilearn::learn

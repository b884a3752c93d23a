#pragma once
/// \file
/// ColumnTransformer: different transformers for different columns, outputs
/// concatenated, as sklearn.compose.ColumnTransformer (columns by index).

#include <scilearn/learn/compose/feature_union.hpp>

namespace scilearn::learn {

/// One named transformer and the columns (indices into X) it receives.
struct ColumnItem {
  std::string name;
  EstimatorPtr estimator;
  std::vector<Index> columns;
  bool drop = false;

  ColumnItem(std::string item_name, EstimatorPtr item, std::vector<Index> item_columns = {})
      : name(std::move(item_name)), estimator(std::move(item)), columns(std::move(item_columns)) {}
  ColumnItem(std::string item_name, Passthrough, std::vector<Index> item_columns)
      : name(std::move(item_name)), columns(std::move(item_columns)) {}
  ColumnItem(std::string item_name, Drop, std::vector<Index> item_columns)
      : name(std::move(item_name)), columns(std::move(item_columns)), drop(true) {}
  template <std::derived_from<Estimator> E>
  ColumnItem(std::string item_name, E item, std::vector<Index> item_columns)
      : name(std::move(item_name)), estimator(std::make_shared<E>(std::move(item))), columns(std::move(item_columns)) {}
};

/// Applies each transformer to its columns and concatenates the outputs in
/// the order given, then the remainder (the columns no transformer named):
/// dropped (the default, as scikit-learn), passed through, or given to an
/// estimator. Transformers with no columns are skipped.
///
/// Parameters by name: each item (an estimator, "passthrough" or "drop"),
/// "name__param", "remainder" ("drop", "passthrough" or an estimator) and
/// "verbose_feature_names_out". Output names are "name__feature" (and
/// "remainder__x3"), or the bare feature names when verbose_feature_names_out
/// is false.
///
/// \code
///   ColumnTransformer ct({{"scale", StandardScaler(), {0, 1}}, {"keep", passthrough, {3}}});
///   Matrix out = ct.fit_transform(X);   // columns 0, 1 scaled, then column 3
/// \endcode
class ColumnTransformer final : public Estimator {
 public:
  /// Throws ValueError for bad names, negative column indices or an item
  /// without transform().
  explicit ColumnTransformer(std::vector<ColumnItem> transformers, EstimatorPtr remainder = nullptr,
                             bool remainder_passthrough = false, bool verbose_feature_names_out = true);

  [[nodiscard]] std::string name() const override { return "ColumnTransformer"; }
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
  [[nodiscard]] const std::vector<ColumnItem>& transformers() const noexcept { return items_; }
  /// The columns of the remainder seen in fit (NotFittedError before fit).
  [[nodiscard]] const std::vector<Index>& remainder_columns() const;

 protected:
  void fit_impl(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) override;

 private:
  std::vector<ColumnItem> items_;
  EstimatorPtr remainder_;              // an estimator for the remainder, or null
  bool remainder_passthrough_ = false;  // without an estimator: passthrough (true) or drop
  bool verbose_feature_names_out_ = true;
  Index n_features_in_ = 0;
  std::vector<Index> remainder_columns_;

  void validate() const;
  // The parts of the output, in order: (name, columns of X, estimator or null, dropped).
  template <class F>
  void for_each_part(F&& f) const;
};

}  // namespace scilearn::learn

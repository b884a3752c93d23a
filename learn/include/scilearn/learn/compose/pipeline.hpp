#pragma once
/// \file
/// Pipeline and make_pipeline: a chain of transformers ending in any
/// estimator, fitted and used as one, as sklearn.pipeline.Pipeline.

#include <concepts>
#include <scilearn/learn/base/estimator.hpp>
#include <string>
#include <vector>

namespace scilearn::learn {

/// The tag of a step that passes its input through unchanged (scikit-learn's
/// "passthrough" or None).
struct Passthrough {};
inline constexpr Passthrough passthrough{};

/// One named step: an estimator shared with the caller (as a Python reference
/// is), or passthrough (a null estimator).
struct PipelineStep {
  std::string name;
  EstimatorPtr estimator;

  PipelineStep(std::string step_name, EstimatorPtr step) : name(std::move(step_name)), estimator(std::move(step)) {}
  PipelineStep(std::string step_name, Passthrough) : name(std::move(step_name)) {}
  /// Takes a copy of a concrete estimator (fitted state included).
  template <std::derived_from<Estimator> E>
  PipelineStep(std::string step_name, E step)
      : name(std::move(step_name)), estimator(std::make_shared<E>(std::move(step))) {}
};

/// Sequentially applies transformers, then the final estimator.
///
/// fit(X, y, sample_weight) fits each step but the last with fit_transform on
/// the output of the previous one and y, then the last with fit on the result;
/// sample_weight goes to the last step only (scikit-learn routes it with
/// "step__sample_weight"; the last step is where it matters in practice).
/// predict / predict_proba / decision_function / score / classes come from the
/// last step after the transforms; transform needs every step to transform.
///
/// Parameters by name: each step is a parameter under its name (set it to
/// another estimator, or to None / "passthrough" to skip it), and its own
/// parameters are "name__param", so a grid search can tune
/// "logisticregression__C" on a clone.
///
/// \code
///   auto pipe = make_pipeline(StandardScaler(), LogisticRegression({.C = 0.5}));
///   pipe.fit(X, y);
///   Vector labels = pipe.predict(X_test);
///   pipe.set_params({{"logisticregression__C", 2.0}});
/// \endcode
class Pipeline final : public Estimator {
 public:
  /// Throws ValueError for no steps, duplicate or empty names, names with
  /// "__", or an intermediate step that cannot transform.
  explicit Pipeline(std::vector<PipelineStep> steps);

  [[nodiscard]] std::string name() const override { return "Pipeline"; }
  /// The kind of the last step (transformer when it is passthrough).
  [[nodiscard]] EstimatorKind kind() const override;
  [[nodiscard]] std::unique_ptr<Estimator> clone() const override;
  [[nodiscard]] ParamMap get_params(bool deep = true) const override;
  Estimator& set_params(const ParamMap& params) override;
  [[nodiscard]] bool is_fitted() const override { return fitted_; }
  [[nodiscard]] Index n_features_in() const override;
  [[nodiscard]] bool has(Method method) const override;

  /// fit() returning the Pipeline.
  Pipeline& fit(const MatrixView& X) { return fit_and_return(X, nullptr, nullptr); }
  Pipeline& fit(const MatrixView& X, const VectorView& y) { return fit_and_return(X, &y, nullptr); }
  Pipeline& fit(const MatrixView& X, const VectorView& y, const VectorView& sample_weight) {
    return fit_and_return(X, &y, sample_weight.size() ? &sample_weight : nullptr);
  }

  [[nodiscard]] Vector predict(const MatrixView& X) const override;
  [[nodiscard]] Matrix predict_proba(const MatrixView& X) const override;
  [[nodiscard]] Matrix predict_log_proba(const MatrixView& X) const override;
  [[nodiscard]] Matrix decision_function(const MatrixView& X) const override;
  [[nodiscard]] Matrix transform(const MatrixView& X) const override;
  Matrix fit_transform(const MatrixView& X, const VectorView& y = Vector(),
                       const VectorView& sample_weight = Vector()) override;
  [[nodiscard]] Matrix inverse_transform(const MatrixView& X) const override;
  [[nodiscard]] double score(const MatrixView& X, const VectorView& y,
                             const VectorView& sample_weight = Vector()) const override;
  [[nodiscard]] Vector classes() const override;
  [[nodiscard]] std::vector<std::string> get_feature_names_out(
      const std::vector<std::string>& input_features = {}) const override;

  /// Writes the steps in order, each a full estimator record (persistence.hpp).
  void write(io::BinaryWriter& out) const override;
  /// The Pipeline that write() wrote.
  static std::unique_ptr<Estimator> read(io::BinaryReader& in);

  /// The steps, in order.
  [[nodiscard]] const std::vector<PipelineStep>& steps() const noexcept { return steps_; }
  /// The number of steps.
  [[nodiscard]] Index size() const noexcept { return static_cast<Index>(steps_.size()); }
  /// The estimator of step i (negative i counts from the end, as Python).
  /// Throws ValueError when out of range or passthrough.
  [[nodiscard]] Estimator& operator[](Index i) const;
  /// The estimator of the step called `name` (scikit-learn's named_steps[name]).
  [[nodiscard]] Estimator& named_step(std::string_view name) const;
  /// The sub-pipeline of steps [first, last) (Python's pipe[first:last]),
  /// sharing the step estimators.
  [[nodiscard]] Pipeline slice(Index first, Index last) const;

 protected:
  void fit_impl(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) override;

 private:
  std::vector<PipelineStep> steps_;
  bool fitted_ = false;
  Index n_features_passthrough_ = 0;  // X's width in the last fit (all steps passthrough)

  Pipeline& fit_and_return(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) {
    fit_impl(X, y, sample_weight);
    return *this;
  }
  void validate_steps() const;
  // X through every step but the last (fitted).
  [[nodiscard]] Matrix transform_until_last(const MatrixView& X) const;
  // The last step's estimator, fitted; ValueError naming `method` when it lacks it.
  [[nodiscard]] const Estimator& final_with(Method method, std::string_view name) const;
};

namespace detail {
template <class E>
EstimatorPtr to_estimator_ptr(E&& e) {
  if constexpr (std::is_convertible_v<E, EstimatorPtr>)
    return std::forward<E>(e);
  else
    return std::make_shared<std::decay_t<E>>(std::forward<E>(e));
}
}  // namespace detail

/// A Pipeline whose step names are the lower-cased class names
/// ("standardscaler"), with "-1", "-2", ... appended to repeated names, as
/// scikit-learn's make_pipeline.
[[nodiscard]] Pipeline make_pipeline(const std::vector<EstimatorPtr>& estimators);

/// make_pipeline(StandardScaler(), LinearRegression()): copies of concrete
/// estimators, or shared EstimatorPtr.
template <class... E>
requires(sizeof...(E) > 0 &&
         ((std::derived_from<std::decay_t<E>, Estimator> || std::is_convertible_v<E, EstimatorPtr>)&&...))
    [[nodiscard]] Pipeline make_pipeline(E&&... estimators) {
  return make_pipeline(std::vector<EstimatorPtr>{detail::to_estimator_ptr(std::forward<E>(estimators))...});
}

}  // namespace scilearn::learn

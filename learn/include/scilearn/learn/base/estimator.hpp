#pragma once
/// \file
/// The estimator contract: the small virtual interface every estimator,
/// transformer and meta-estimator implements, so that they compose at run time
/// (Pipeline steps, grid-search candidates), as in scikit-learn.
///
/// - Construction stores hyper-parameters only; `fit` validates the data and
///   learns; learned state is reached through accessors that throw
///   NotFittedError before `fit`.
/// - `clone()` is an unfitted copy with equal parameters; `get_params()` /
///   `set_params()` read and write hyper-parameters by name (params.hpp), with
///   nested estimators' parameters as "step__param".
/// - `fit` returns the estimator (the concrete type when called on one), so
///   `auto yhat = LinearRegression().fit(X, y).predict(X);` works.
/// - A method the estimator does not have (predict_proba on a regressor)
///   throws ValueError; `has(Method::...)` says which it has, as Python's
///   `hasattr(est, "predict_proba")`.
///
/// Thread safety: a fitted estimator's const methods (predict, transform, ...)
/// may be called from several threads at once.

#include <memory>
#include <scilearn/core/io/binary.hpp>
#include <scilearn/core/types.hpp>
#include <scilearn/learn/base/params.hpp>
#include <scilearn/learn/validation.hpp>
#include <string>
#include <vector>

namespace scilearn::learn {

/// What an estimator is, as scikit-learn's `_estimator_type` / `is_classifier`.
enum class EstimatorKind { classifier, regressor, transformer, clusterer, other };

/// The prediction / transformation methods an estimator may have.
enum class Method { predict, predict_proba, predict_log_proba, decision_function, transform, inverse_transform, score };

/// The run-time interface of every estimator. Concrete estimators derive from
/// it through EstimatorBase (estimator_base.hpp) and one of Classifier,
/// Regressor, Transformer, Clusterer below.
class Estimator {
 public:
  virtual ~Estimator() = default;

  /// The class name, e.g. "StandardScaler" (what make_pipeline lower-cases into
  /// a step name and what a model file records).
  [[nodiscard]] virtual std::string name() const = 0;
  /// classifier, regressor, transformer, clusterer or other.
  [[nodiscard]] virtual EstimatorKind kind() const = 0;
  /// An unfitted copy with equal parameters; nested estimators are cloned too.
  [[nodiscard]] virtual std::unique_ptr<Estimator> clone() const = 0;
  /// The hyper-parameters by name; with `deep`, nested estimators' parameters
  /// too, as "outer__inner".
  [[nodiscard]] virtual ParamMap get_params(bool deep = true) const = 0;
  /// Sets hyper-parameters by name (nested ones as "outer__inner").
  /// Throws: ValueError for an unknown name or a value of the wrong type; the
  /// estimator is unchanged then. Returns *this.
  virtual Estimator& set_params(const ParamMap& params) = 0;
  /// Whether fit() has succeeded.
  [[nodiscard]] virtual bool is_fitted() const = 0;
  /// The number of features seen in fit. Throws NotFittedError before fit.
  [[nodiscard]] virtual Index n_features_in() const = 0;
  /// Whether the estimator has `method` (predict, transform, ...).
  [[nodiscard]] virtual bool has(Method method) const = 0;

  /// Learns from X (n_samples x n_features) alone (unsupervised estimators).
  Estimator& fit(const MatrixView& X) {
    fit_impl(X, nullptr, nullptr);
    return *this;
  }
  /// Learns from X and the targets y (one per sample).
  Estimator& fit(const MatrixView& X, const VectorView& y) {
    fit_impl(X, &y, nullptr);
    return *this;
  }
  /// Learns from X, y and per-sample weights (an empty vector means equal weights).
  Estimator& fit(const MatrixView& X, const VectorView& y, const VectorView& sample_weight) {
    fit_impl(X, &y, sample_weight.size() ? &sample_weight : nullptr);
    return *this;
  }

  /// Predicted targets (class labels for a classifier), one per row of X.
  [[nodiscard]] virtual Vector predict(const MatrixView& X) const;
  /// Class probabilities, n_samples x n_classes, columns in the order of classes().
  [[nodiscard]] virtual Matrix predict_proba(const MatrixView& X) const;
  /// The logarithm of predict_proba, computed without underflow where possible.
  [[nodiscard]] virtual Matrix predict_log_proba(const MatrixView& X) const;
  /// Confidence scores: n_samples x 1 for two classes (positive: classes()[1]),
  /// n_samples x n_classes otherwise.
  [[nodiscard]] virtual Matrix decision_function(const MatrixView& X) const;
  /// The transformed X.
  [[nodiscard]] virtual Matrix transform(const MatrixView& X) const;
  /// fit then transform, or an equivalent that is cheaper.
  virtual Matrix fit_transform(const MatrixView& X, const VectorView& y = Vector(),
                               const VectorView& sample_weight = Vector());
  /// Maps transformed data back to the original space.
  [[nodiscard]] virtual Matrix inverse_transform(const MatrixView& X) const;
  /// The default score: accuracy for classifiers, R² for regressors.
  [[nodiscard]] virtual double score(const MatrixView& X, const VectorView& y,
                                     const VectorView& sample_weight = Vector()) const;
  /// The class labels seen in fit, sorted (classifiers).
  [[nodiscard]] virtual Vector classes() const;
  /// Output feature names of a transformer; `input_features` defaults to
  /// "x0", "x1", ... (scikit-learn's names when fitted on an unnamed array).
  [[nodiscard]] virtual std::vector<std::string> get_feature_names_out(
      const std::vector<std::string>& input_features = {}) const;

  /// Writes the parameters and learned state for save() (persistence.hpp);
  /// the class name is written by the caller. Throws ValueError for an
  /// estimator that cannot be saved.
  virtual void write(io::BinaryWriter& out) const;

 protected:
  Estimator() = default;
  Estimator(const Estimator&) = default;
  Estimator(Estimator&&) = default;
  Estimator& operator=(const Estimator&) = default;
  Estimator& operator=(Estimator&&) = default;

  /// The learning step behind every fit() overload. y and sample_weight are
  /// null when not given. On an exception the estimator keeps its previous state.
  virtual void fit_impl(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) = 0;

  /// Throws ValueError("<name> has no <method>") for methods not provided.
  [[noreturn]] void throw_unsupported(std::string_view method) const;
};

/// A classifier: predict returns labels from classes(); score is the accuracy.
class Classifier : public Estimator {
 public:
  [[nodiscard]] EstimatorKind kind() const override { return EstimatorKind::classifier; }
  [[nodiscard]] Vector predict(const MatrixView& X) const override = 0;
  [[nodiscard]] Vector classes() const override = 0;
  /// The mean accuracy of predict(X) against y (weighted by sample_weight).
  [[nodiscard]] double score(const MatrixView& X, const VectorView& y,
                             const VectorView& sample_weight = Vector()) const override;
};

/// A regressor: score is the coefficient of determination R².
class Regressor : public Estimator {
 public:
  [[nodiscard]] EstimatorKind kind() const override { return EstimatorKind::regressor; }
  [[nodiscard]] Vector predict(const MatrixView& X) const override = 0;
  /// R² of predict(X) against y (weighted by sample_weight), as r2_score.
  [[nodiscard]] double score(const MatrixView& X, const VectorView& y,
                             const VectorView& sample_weight = Vector()) const override;
};

/// A transformer: transform, and fit_transform.
class Transformer : public Estimator {
 public:
  [[nodiscard]] EstimatorKind kind() const override { return EstimatorKind::transformer; }
  [[nodiscard]] Matrix transform(const MatrixView& X) const override = 0;
};

/// A clusterer: labels of the training samples, and fit_predict.
class Clusterer : public Estimator {
 public:
  [[nodiscard]] EstimatorKind kind() const override { return EstimatorKind::clusterer; }
  /// The cluster label of each training sample. Throws NotFittedError before fit.
  [[nodiscard]] virtual Vector labels() const = 0;
  /// fit(X) then labels().
  Vector fit_predict(const MatrixView& X) {
    fit(X);
    return labels();
  }
};

/// Whether an estimator is a classifier / regressor (scikit-learn's is_classifier).
[[nodiscard]] inline bool is_classifier(const Estimator& e) { return e.kind() == EstimatorKind::classifier; }
[[nodiscard]] inline bool is_regressor(const Estimator& e) { return e.kind() == EstimatorKind::regressor; }

/// A deep, unfitted copy (scikit-learn's sklearn.base.clone).
[[nodiscard]] inline std::unique_ptr<Estimator> clone(const Estimator& estimator) { return estimator.clone(); }

/// The default names of n unnamed input features: "x0", "x1", ...
[[nodiscard]] std::vector<std::string> default_feature_names(Index n);

/// Output names of a transformer with one output per input feature:
/// `input_features`, or default_feature_names(n_features) when empty.
/// Throws ValueError when input_features has not n_features names.
[[nodiscard]] std::vector<std::string> one_to_one_feature_names(std::string_view estimator,
                                                                const std::vector<std::string>& input_features,
                                                                Index n_features);

/// The message of NotFittedError, as scikit-learn words it.
[[nodiscard]] std::string not_fitted_message(std::string_view estimator);

}  // namespace scilearn::learn

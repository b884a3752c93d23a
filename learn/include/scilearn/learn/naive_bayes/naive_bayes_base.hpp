#pragma once
/// \file
/// What the naive Bayes classifiers share (scikit-learn's _BaseNB): the
/// prediction family built on a joint log-likelihood, and partial_fit.
///
/// A naive Bayes classifier derives from NaiveBayesBase<Derived, Params,
/// Fitted> and provides two static functions:
///
/// \code
///   // The state after learning from one batch: `previous` is null for fit and
///   // the first partial_fit; codes[i] is the position of y(i) in classes
///   // (-1 for a label outside classes, possible in partial_fit only).
///   static Fitted update(const Params&, const Fitted* previous, const MatrixView& X, const VectorView& y,
///                        const std::vector<Index>& codes, const Vector& classes, const VectorView* sample_weight);
///   // log P(c) + log P(x | c): n_samples x n_classes (X already checked).
///   static Matrix joint_log_likelihood(const Params&, const Fitted&, const MatrixView& X);
/// \endcode
///
/// Fitted has the members n_features_in and classes. Derived also says
/// `static constexpr bool fuses_finite_check`: when true, fit's update and
/// joint_log_likelihood read X once and detect non-finite entries on the way
/// (a NaN / Inf poisons their sums), so the base skips the separate pass over
/// X that check_X would make and calls it only when the result is not finite
/// (to throw its message). partial_fit always checks X first.

#include <scilearn/core/validation.hpp>
#include <scilearn/learn/base/estimator_base.hpp>
#include <string_view>
#include <vector>

namespace scilearn::learn {

namespace detail {

/// The sorted distinct values of labels. Throws ValueError (naming `where`)
/// for non-integer labels, as scikit-learn rejects continuous targets.
[[nodiscard]] Vector nb_classes(std::string_view where, const VectorView& labels);

/// Throws ValueError unless a loaded model's classes are finite and strictly
/// increasing, as fit leaves them (nb_codes relies on it).
void nb_check_classes(const Vector& classes);

/// The position of each y(i) in the sorted classes, -1 when absent.
[[nodiscard]] std::vector<Index> nb_codes(const Vector& classes, const VectorView& y);

/// log P(c | x) from the joint log-likelihood: each row minus its
/// log-sum-exp (taken after subtracting the row's largest finite entry).
[[nodiscard]] Matrix nb_log_proba(Matrix jll);

/// P(c | x) from the joint log-likelihood: exp(jll - top) / its row sum.
[[nodiscard]] Matrix nb_proba(Matrix jll);

/// The class of the largest entry of each row (the first on ties), as argmax.
[[nodiscard]] Vector nb_argmax(const Matrix& jll, const Vector& classes);

/// partial_fit's checks and the classes to use: on the first call `classes`
/// must be given; later, when given, it must equal `fitted_classes`.
[[nodiscard]] Vector nb_partial_fit_classes(std::string_view where, const VectorView& classes,
                                            const Vector* fitted_classes);

}  // namespace detail

/// The base of the naive Bayes classifiers: predict, predict_proba,
/// predict_log_proba, predict_joint_log_proba and partial_fit, written once.
template <class Derived, class ParamsT, class FittedT>
class NaiveBayesBase : public EstimatorBase<Derived, Classifier, ParamsT, FittedT> {
  using Base = EstimatorBase<Derived, Classifier, ParamsT, FittedT>;

 public:
  using Base::Base;
  using Base::fit;

  [[nodiscard]] bool has(Method method) const override {
    return method == Method::predict || method == Method::predict_proba || method == Method::predict_log_proba ||
           method == Method::score;
  }

  /// The class of each row of X: the largest joint log-likelihood (the first on ties).
  /// Throws NotFittedError before fit, ValueError for a different feature count or non-finite X.
  [[nodiscard]] Vector predict(const MatrixView& X) const override {
    return detail::nb_argmax(joint(X, "predict"), this->fitted().classes);
  }
  /// P(c | x), n_samples x n_classes, columns in the order of classes():
  /// exp(jll - its row maximum), divided by the row sum (scikit-learn's
  /// exp(predict_log_proba), up to rounding).
  [[nodiscard]] Matrix predict_proba(const MatrixView& X) const override {
    return detail::nb_proba(joint(X, "predict_proba"));
  }
  /// log P(c | x): the joint log-likelihood minus its log-sum-exp over the classes.
  [[nodiscard]] Matrix predict_log_proba(const MatrixView& X) const override {
    return detail::nb_log_proba(joint(X, "predict_log_proba"));
  }
  /// log P(x, c) = log P(c) + log P(x | c), n_samples x n_classes (scikit-learn's
  /// predict_joint_log_proba).
  [[nodiscard]] Matrix predict_joint_log_proba(const MatrixView& X) const {
    return joint(X, "predict_joint_log_proba");
  }
  /// The sorted class labels (NotFittedError before fit).
  [[nodiscard]] Vector classes() const override { return this->fitted().classes; }

  /// Learns from one more batch (online / out-of-core learning), as
  /// scikit-learn's partial_fit: the first call needs `classes` (every label
  /// that may appear), later calls may omit it or must repeat it. An empty
  /// sample_weight means equal weights. Fitting again after fit continues
  /// from the fitted state. Throws ValueError as fit does, and when classes
  /// is missing on the first call or differs from the first call's, or X has
  /// another feature count than before; the state is then unchanged.
  Derived& partial_fit(const MatrixView& X, const VectorView& y, const VectorView& classes = Vector(),
                       const VectorView& sample_weight = Vector()) {
    const std::string where = cat(Derived::class_name, ".partial_fit");
    check_X_y(where, X, y, Derived::allows_nan);
    if (sample_weight.size()) check_sample_weight(where, sample_weight, X.rows());
    // (update() may then trust X: it is finite.)
    const FittedT* previous = this->fitted_ ? &*this->fitted_ : nullptr;
    if (previous) check_n_features(Derived::class_name, X, previous->n_features_in);
    const Vector known = detail::nb_partial_fit_classes(where, classes, previous ? &previous->classes : nullptr);
    (void)detail::nb_classes(where, y);  // integer labels only
    const std::vector<Index> codes = detail::nb_codes(known, y);
    this->fitted_ =
        Derived::update(this->params_, previous, X, y, codes, known, sample_weight.size() ? &sample_weight : nullptr);
    return static_cast<Derived&>(*this);
  }

 protected:
  /// fit: a fresh state from one batch.
  [[nodiscard]] FittedT learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const {
    const std::string where = cat(Derived::class_name, ".fit");
    if (!y) throw ValueError(cat(where, ": y is required"));
    const Vector classes = detail::nb_classes(where, *y);
    return Derived::update(this->params_, nullptr, X, *y, detail::nb_codes(classes, *y), classes, sample_weight);
  }

  /// fit: the checks of check_X_y and check_sample_weight, without the pass
  /// over X when the model detects non-finite X itself (see above).
  void fit_impl(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) override {
    const std::string where = cat(Derived::class_name, ".fit");
    check_non_empty(where, "X", X);
    if constexpr (!Derived::fuses_finite_check) check_finite(where, "X", X);
    if (y) {
      check_same_length(where, "X", X.rows(), "y", y->size());
      check_finite(where, "y", *y);
    }
    if (sample_weight) check_sample_weight(where, *sample_weight, X.rows());
    this->fitted_ = learn(X, y, sample_weight);
  }

 private:
  [[nodiscard]] Matrix joint(const MatrixView& X, std::string_view method) const {
    const FittedT& state = this->fitted();
    const std::string where = cat(Derived::class_name, ".", method);
    check_non_empty(where, "X", X);
    if constexpr (!Derived::fuses_finite_check) check_finite(where, "X", X);
    check_n_features(Derived::class_name, X, state.n_features_in);
    Matrix jll = Derived::joint_log_likelihood(this->params_, state, X);
    // A non-finite X makes the jll non-finite (but a -inf jll may also come
    // from a zero probability): then check X itself.
    if constexpr (Derived::fuses_finite_check)
      if (!jll.allFinite()) check_finite(where, "X", X);
    return jll;
  }
};

}  // namespace scilearn::learn

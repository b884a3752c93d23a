#pragma once
/// \file
/// What the naive Bayes classifiers for discrete data share (scikit-learn's
/// _BaseDiscreteNB): counting by class, additive smoothing (alpha), class
/// priors. MultinomialNB, ComplementNB and BernoulliNB derive from DiscreteNB;
/// CategoricalNB uses the same helpers with its own counts.

#include <optional>
#include <scilearn/learn/naive_bayes/naive_bayes_base.hpp>
#include <vector>

namespace scilearn::learn {

/// The learned state of MultinomialNB, ComplementNB and BernoulliNB.
struct DiscreteNBFitted {
  Index n_features_in = 0;
  /// The class labels, sorted.
  Vector classes;
  /// The (weighted) number of samples of each class.
  Vector class_count;
  /// n_classes x n_features: the (weighted) sum of each feature over the
  /// samples of each class (BernoulliNB: of the binarized feature).
  Matrix feature_count;
  /// n_classes x n_features: the smoothed empirical log-probabilities (ComplementNB: its weights).
  Matrix feature_log_prob;
  /// log P(c): from class_prior, the class counts (fit_prior) or uniform.
  Vector class_log_prior;
};

namespace detail {

/// The smoothing to use: alpha, or 1e-10 with a user warning when alpha is
/// below 1e-10 and force_alpha is false (scikit-learn's _check_alpha).
/// Throws ValueError for alpha < 0 or NaN, naming `estimator`.
[[nodiscard]] double nb_alpha(std::string_view estimator, double alpha, bool force_alpha);

/// log P(c): log(class_prior) when given (ValueError unless it has one entry
/// per class), else log(class_count / sum) when fit_prior (-inf for a class
/// not seen yet), else -log(n_classes).
[[nodiscard]] Vector nb_class_log_prior(const std::optional<std::vector<double>>& class_prior, bool fit_prior,
                                        const Vector& class_count);

/// What nb_count saw of X: its smallest entry, and whether all are finite.
struct NBCountCheck {
  double min = 0;
  bool finite = true;
};

/// Adds each row of X (times its weight; with a threshold, the row's
/// indicator X > threshold) to the row of feature_count of its class, and the
/// weights to class_count; rows with code -1 are skipped. One pass over X,
/// columns in parallel (each column's sums in row order, so the result does
/// not depend on the thread count), which also finds X's minimum and whether
/// X is finite.
[[nodiscard]] NBCountCheck nb_count(const MatrixView& X, const std::vector<Index>& codes,
                                    const VectorView* sample_weight, const double* threshold, Matrix& feature_count,
                                    Vector& class_count);

/// X W^T + bias (one entry per class), W n_classes x n_features; with a
/// threshold, of the indicator X > threshold. Blocks of rows (bounds fixed by
/// the shape) run in parallel on the OpenMP threads, each one GEMM on one
/// BLAS thread, so the result does not depend on the thread count.
[[nodiscard]] Matrix nb_linear_jll(const MatrixView& X, const Matrix& W, const Vector& bias, const double* threshold);

}  // namespace detail

/// The base of MultinomialNB, ComplementNB and BernoulliNB. Derived provides
/// `static Matrix compute_feature_log_prob(const Params&, const DiscreteNBFitted&, double alpha)`,
/// `static Matrix joint_log_likelihood(const Params&, const DiscreteNBFitted&, const MatrixView& X)`,
/// `static constexpr bool counts_only` (true: X must be >= 0), and
/// `fuses_finite_check` (NaiveBayesBase);
/// Params has alpha, force_alpha, fit_prior and class_prior.
template <class Derived, class ParamsT>
class DiscreteNB : public NaiveBayesBase<Derived, ParamsT, DiscreteNBFitted> {
  using Base = NaiveBayesBase<Derived, ParamsT, DiscreteNBFitted>;

 public:
  using Base::Base;

  /// The learned state every discrete naive Bayes saves (model files).
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("classes", s.classes);
    f("class_count", s.class_count);
    f("feature_count", s.feature_count);
    f("feature_log_prob", s.feature_log_prob);
    f("class_log_prior", s.class_log_prior);
  }

  /// scikit-learn's class_count_, feature_count_, feature_log_prob_ and
  /// class_log_prior_ (NotFittedError before fit).
  [[nodiscard]] const Vector& class_count() const { return this->fitted().class_count; }
  [[nodiscard]] const Matrix& feature_count() const { return this->fitted().feature_count; }
  [[nodiscard]] const Matrix& feature_log_prob() const { return this->fitted().feature_log_prob; }
  [[nodiscard]] const Vector& class_log_prior() const { return this->fitted().class_log_prior; }

  /// The state after one more batch (fit: previous is null).
  static DiscreteNBFitted update(const ParamsT& p, const DiscreteNBFitted* previous, const MatrixView& X,
                                 const VectorView& /*y*/, const std::vector<Index>& codes, const Vector& classes,
                                 const VectorView* sample_weight) {
    const double alpha = detail::nb_alpha(Derived::class_name, p.alpha, p.force_alpha);
    DiscreteNBFitted out;
    if (previous) {
      out = *previous;
    } else {
      out.n_features_in = X.cols();
      out.classes = classes;
      out.class_count = Vector::Zero(classes.size());
      out.feature_count = Matrix::Zero(classes.size(), X.cols());
    }
    const double* threshold = nullptr;
    double value = 0;
    if constexpr (requires { p.binarize; }) {
      if (p.binarize) {
        value = *p.binarize;
        threshold = &value;
      }
    }
    const detail::NBCountCheck seen =
        detail::nb_count(X, codes, sample_weight, threshold, out.feature_count, out.class_count);
    if (!seen.finite) check_finite(cat(Derived::class_name, ".fit"), "X", X);
    if constexpr (Derived::counts_only)
      if (seen.min < 0) throw ValueError(cat("Negative values in data passed to ", Derived::class_name, " (input X)"));
    out.feature_log_prob = Derived::compute_feature_log_prob(p, out, alpha);
    out.class_log_prior = detail::nb_class_log_prior(p.class_prior, p.fit_prior, out.class_count);
    return out;
  }

  static void check_fitted(const DiscreteNBFitted& s) {
    const Index K = s.classes.size(), p = s.n_features_in;
    if (K < 1 || s.class_count.size() != K || s.class_log_prior.size() != K || s.feature_count.rows() != K ||
        s.feature_count.cols() != p || s.feature_log_prob.rows() != K || s.feature_log_prob.cols() != p)
      throw ValueError("the shapes of the counts and log-probabilities disagree with the classes and features");
    detail::nb_check_classes(s.classes);
  }
};

}  // namespace scilearn::learn

#pragma once
/// \file
/// EstimatorBase: what every concrete estimator shares, written once.
///
/// A concrete estimator declares its hyper-parameters as a plain struct, its
/// learned state as another (plain data, so it can be saved and exported), and
/// lists the parameters once:
///
/// \code
///   struct StandardScalerParams { bool with_mean = true; bool with_std = true; };
///   struct StandardScalerFitted { Index n_features_in = 0; Vector mean, var, scale; ... };
///   class StandardScaler final
///       : public EstimatorBase<StandardScaler, Transformer, StandardScalerParams, StandardScalerFitted> {
///    public:
///     static constexpr std::string_view class_name = "StandardScaler";
///     template <class P, class F> static void visit_params(P& p, F&& f) {
///       f("with_mean", p.with_mean); f("with_std", p.with_std);
///     }
///     using EstimatorBase::EstimatorBase;
///    private:
///     friend EstimatorBase;
///     Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
///   };
/// \endcode
///
/// lists its learned state once too, for save / load:
///
/// \code
///     template <class S, class F> static void visit_fitted(S& s, F&& f) {
///       f("n_features_in", s.n_features_in); f("mean", s.mean); ...
///     }
///     // optional: throws ValueError when a loaded state is inconsistent
///     static void check_fitted(const Fitted& s);
/// \endcode
///
/// and gets name(), clone(), get_params() / set_params() (nested estimators
/// included), is_fitted(), n_features_in(), fit() returning the concrete type,
/// and fitted() which throws NotFittedError before fit. fit() validates X
/// (finite, not empty; finiteness left to `learn` when the class declares
/// `static constexpr bool checks_X_in_learn = true;`) and sample_weight before `learn` sees them, and replaces
/// the learned state only when `learn` succeeds.

#include <map>
#include <optional>
#include <scilearn/core/validation.hpp>
#include <scilearn/learn/base/estimator.hpp>
#include <scilearn/learn/detail/state_io.hpp>
#include <string_view>
#include <type_traits>

namespace scilearn::learn {

template <class Derived, class Interface, class ParamsT, class FittedT>
class EstimatorBase : public Interface {
 public:
  /// The hyper-parameters, with scikit-learn's names and defaults.
  using Params = ParamsT;
  /// The learned state (plain data).
  using Fitted = FittedT;

  /// Stores the hyper-parameters; never sees data.
  explicit EstimatorBase(Params params = {}) : params_(std::move(params)) {}

  /// The hyper-parameters (typed access).
  [[nodiscard]] const Params& params() const noexcept { return params_; }
  /// Replaces the hyper-parameters (typed access); learned state is kept until the next fit.
  Derived& set_params(const Params& params) {
    params_ = params;
    return self();
  }

  [[nodiscard]] std::string name() const override { return std::string(Derived::class_name); }

  [[nodiscard]] std::unique_ptr<Estimator> clone() const override {
    auto copy = std::make_unique<Derived>(params_);
    Derived::visit_params(copy->params_, [](std::string_view, auto& field) { clone_nested(field); });
    return copy;
  }

  [[nodiscard]] ParamMap get_params(bool deep = true) const override {
    ParamMap out;
    Derived::visit_params(params_, [&](std::string_view key, const auto& field) {
      out.emplace(std::string(key), to_param(field));
      if constexpr (std::is_same_v<std::decay_t<decltype(field)>, EstimatorPtr>) {
        if (deep && field)
          for (auto& [inner, value] : field->get_params(true)) out.emplace(cat(key, "__", inner), value);
      }
    });
    return out;
  }

  Estimator& set_params(const ParamMap& values) override {
    Params updated = params_;
    std::map<std::string, ParamMap, std::less<>> nested;  // "step__param" grouped by step
    for (const auto& entry : values) {
      // Named references: clang 14 cannot capture structured bindings in lambdas.
      const std::string& key = entry.first;
      const ParamValue& value = entry.second;
      if (const auto split = key.find("__"); split != std::string::npos) {
        nested[key.substr(0, split)].emplace(key.substr(split + 2), value);
        continue;
      }
      bool found = false;
      Derived::visit_params(updated, [&](std::string_view name, auto& field) {
        if (name != key) return;
        from_param(value, field, Derived::class_name, name);
        found = true;
      });
      if (!found) throw_unknown_param(key);
    }
    // Nested estimators are shared objects and change in place, as in
    // scikit-learn (a grid search works on clones).
    for (const auto& group : nested) {
      const std::string& step = group.first;
      const ParamMap& inner = group.second;
      bool found = false;
      Derived::visit_params(updated, [&](std::string_view name, auto& field) {
        if constexpr (std::is_same_v<std::decay_t<decltype(field)>, EstimatorPtr>) {
          if (name != step) return;
          if (!field) throw ValueError(cat(Derived::class_name, ".set_params: '", step, "' is None"));
          field->set_params(inner);
          found = true;
        }
      });
      if (!found) throw_unknown_param(cat(step, "__", inner.begin()->first));
    }
    params_ = std::move(updated);
    return *this;
  }

  [[nodiscard]] bool is_fitted() const override { return fitted_.has_value(); }
  [[nodiscard]] Index n_features_in() const override { return fitted().n_features_in; }

  /// Learns from X alone (unsupervised estimators); returns the estimator.
  Derived& fit(const MatrixView& X) {
    Estimator::fit(X);
    return self();
  }
  /// Learns from X and the targets y; returns the estimator.
  Derived& fit(const MatrixView& X, const VectorView& y) {
    Estimator::fit(X, y);
    return self();
  }
  /// Learns from X, y and sample weights (empty: equal weights); returns the estimator.
  Derived& fit(const MatrixView& X, const VectorView& y, const VectorView& sample_weight) {
    Estimator::fit(X, y, sample_weight);
    return self();
  }

  /// Writes parameters and learned state (persistence.hpp).
  void write(io::BinaryWriter& out) const override {
    detail::write_params(get_params(false), out);
    out.put_bool(fitted_.has_value());
    if (fitted_)
      Derived::visit_fitted(*fitted_, [&](std::string_view key, const auto& v) { detail::write_field(out, key, v); });
  }

  /// The estimator that write() wrote; FormatError when the data are invalid.
  static std::unique_ptr<Estimator> read(io::BinaryReader& in) {
    auto estimator = std::make_unique<Derived>();
    const ParamMap values = detail::read_params(in);
    try {
      estimator->set_params(values);
    } catch (const ValueError& e) {
      in.fail(cat("invalid ", Derived::class_name, " parameters (", e.what(), ")"));
    }
    if (in.get_bool()) {
      Fitted state;
      Derived::visit_fitted(state, [&](std::string_view key, auto& v) { detail::read_field(in, key, v); });
      if (state.n_features_in < 1) in.fail(cat("invalid ", Derived::class_name, " state (n_features_in < 1)"));
      if constexpr (requires { Derived::check_fitted(state); }) {
        try {
          Derived::check_fitted(state);
        } catch (const ValueError& e) {
          in.fail(cat("invalid ", Derived::class_name, " state (", e.what(), ")"));
        }
      }
      estimator->fitted_ = std::move(state);
    }
    return estimator;
  }

  /// The learned state. Throws NotFittedError before fit.
  [[nodiscard]] const Fitted& fitted() const {
    if (!fitted_) throw NotFittedError(not_fitted_message(Derived::class_name));
    return *fitted_;
  }

 protected:
  void fit_impl(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) override {
    const std::string where = cat(Derived::class_name, ".fit");
    if (y && Derived::checks_X_in_learn)
      check_X_y_shape(where, X, *y);
    else if (y)
      check_X_y(where, X, *y, Derived::allows_nan);
    else
      check_X(where, X, Derived::allows_nan);
    if (sample_weight) check_sample_weight(where, *sample_weight, X.rows());
    fitted_ = self().learn(X, y, sample_weight);
  }

  /// Checks X before `method` (predict, transform, ...): fitted, finite
  /// (unless NaN is allowed), the feature count of fit. Returns the learned state.
  const Fitted& check_input(std::string_view method, const MatrixView& X) const {
    const Fitted& state = fitted();
    check_X(cat(Derived::class_name, ".", method), X, Derived::allows_nan);
    check_n_features(Derived::class_name, X, state.n_features_in);
    return state;
  }

  /// Checks what `check_input` does except X's finiteness, which the caller's
  /// own pass over X checks block by block (check_X_block), saving a pass over memory.
  const Fitted& check_input_shape(std::string_view method, const MatrixView& X) const {
    const Fitted& state = fitted();
    check_non_empty(cat(Derived::class_name, ".", method), "X", X);
    check_n_features(Derived::class_name, X, state.n_features_in);
    return state;
  }

  /// Whether fit / predict accept NaN in X (imputers do); a derived class
  /// that does declares `static constexpr bool allows_nan = true;`.
  static constexpr bool allows_nan = false;
  /// Whether `learn` checks X's finiteness itself, in its first pass over X
  /// (check_X_block); fit then checks only the shapes and y (supervised fits).
  static constexpr bool checks_X_in_learn = false;

  Params params_;
  std::optional<Fitted> fitted_;

 private:
  Derived& self() { return static_cast<Derived&>(*this); }
  const Derived& self() const { return static_cast<const Derived&>(*this); }

  template <class T>
  static void clone_nested(T& field) {
    if constexpr (std::is_same_v<T, EstimatorPtr>) {
      if (field) field = EstimatorPtr(field->clone());
    }
  }

  [[noreturn]] void throw_unknown_param(std::string_view key) const {
    std::string valid;
    Derived::visit_params(
        params_, [&](std::string_view name, const auto&) { valid += cat(valid.empty() ? "" : ", ", "'", name, "'"); });
    throw ValueError(cat("Invalid parameter '", key, "' for estimator ", Derived::class_name,
                         ". Valid parameters are: [", valid, "]"));
  }
};

}  // namespace scilearn::learn

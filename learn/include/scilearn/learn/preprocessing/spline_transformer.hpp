#pragma once
/// \file
/// SplineTransformer: a B-spline basis of each feature, as
/// sklearn.preprocessing.SplineTransformer.

#include <array>
#include <scilearn/learn/base/estimator_base.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace scilearn::learn {

/// Where SplineTransformer places its base knots when they are not given.
enum class SplineKnotPlacement {
  uniform,   ///< n_knots equally spaced from the feature's minimum to its maximum
  quantile,  ///< at the percentiles 0, 100 / (n_knots - 1), ..., 100 of the feature
};
constexpr auto param_names(SplineKnotPlacement) {
  return std::array{std::pair{SplineKnotPlacement::uniform, "uniform"},
                    std::pair{SplineKnotPlacement::quantile, "quantile"}};
}

/// What SplineTransformer.transform does with values outside the base interval
/// [first knot, last knot] of a feature.
enum class SplineExtrapolation {
  error,      ///< ValueError
  constant,   ///< the basis values at the nearer boundary (degree 0: zeros below; see the class)
  linear,     ///< the boundary basis functions continued by their tangent lines
  continue_,  ///< "continue": the polynomial pieces of the end intervals, continued
  periodic,   ///< the feature wrapped into the base interval; period = last knot - first knot
};
constexpr auto param_names(SplineExtrapolation) {
  return std::array{
      std::pair{SplineExtrapolation::error, "error"}, std::pair{SplineExtrapolation::constant, "constant"},
      std::pair{SplineExtrapolation::linear, "linear"}, std::pair{SplineExtrapolation::continue_, "continue"},
      std::pair{SplineExtrapolation::periodic, "periodic"}};
}

/// scikit-learn's `order` of the output array ("C" or "F").
enum class SplineOrder { C, F };
constexpr auto param_names(SplineOrder) {
  return std::array{std::pair{SplineOrder::C, "C"}, std::pair{SplineOrder::F, "F"}};
}

/// What SplineTransformer does with NaN in X.
enum class SplineHandleMissing {
  error,  ///< ValueError from fit and transform
  zeros,  ///< fit ignores NaN; transform writes zeros in every column of a NaN value
};
constexpr auto param_names(SplineHandleMissing) {
  return std::array{std::pair{SplineHandleMissing::error, "error"}, std::pair{SplineHandleMissing::zeros, "zeros"}};
}

/// SplineTransformer's `knots`: a placement rule ("uniform", "quantile"), or
/// the base knot positions themselves, an array of shape (n_knots, n_features)
/// whose columns increase strictly, as scikit-learn's array-like `knots`.
///
/// Typed, the positions are a Matrix (`.knots = K`). By name (get_params /
/// set_params, model files), where a parameter value is a ParamValue and holds
/// no matrix, they travel as the flat list of the array read row by row
/// (NumPy's C order: `np.asarray(knots).ravel().tolist()`). A list has no
/// shape: fit gives it as many columns as X has features (ValueError when its
/// length is not a multiple of that). The list of a Matrix is its rows
/// concatenated, so a get_params / set_params round trip keeps the values and,
/// for an X of the matrix's width, the result of fit.
class SplineKnots {
 public:
  /// A placement rule (the default: uniform).
  SplineKnots(SplineKnotPlacement placement = SplineKnotPlacement::uniform) noexcept  // NOLINT: implicit on purpose
      : placement_(placement) {}
  /// Explicit base knots: n_knots x n_features.
  SplineKnots(const Matrix& positions);  // NOLINT: implicit on purpose
  /// Explicit base knots as a flat row-major list (the by-name form).
  [[nodiscard]] static SplineKnots from_list(std::vector<double> values);

  /// Whether the knot positions were given.
  [[nodiscard]] bool is_explicit() const noexcept { return explicit_; }
  /// The placement rule (meaningful when !is_explicit()).
  [[nodiscard]] SplineKnotPlacement placement() const noexcept { return placement_; }
  /// The given positions, row-major (empty when !is_explicit()).
  [[nodiscard]] const std::vector<double>& values() const noexcept { return values_; }
  /// The number of columns given (a Matrix's width); 0 for a list, whose width is X's.
  [[nodiscard]] Index n_columns() const noexcept { return n_columns_; }

 private:
  SplineKnotPlacement placement_ = SplineKnotPlacement::uniform;
  bool explicit_ = false;
  std::vector<double> values_;
  Index n_columns_ = 0;
};

/// The by-name value of `knots`: "uniform" / "quantile", or the flat list.
[[nodiscard]] ParamValue to_param(const SplineKnots& knots);
/// Sets `knots` from "uniform" / "quantile" or a list of numbers; ValueError otherwise.
void from_param(const ParamValue& value, SplineKnots& knots, std::string_view where, std::string_view param);

/// SplineTransformer's hyper-parameters, scikit-learn's names and defaults
/// (sparse_output is not available: learn has no sparse output yet).
struct SplineTransformerParams {
  /// Base knots of each feature for "uniform" / "quantile" knots (>= 2);
  /// ignored when the knots are given.
  Index n_knots = 5;
  /// The polynomial degree of the B-splines (>= 0).
  Index degree = 3;
  /// "uniform", "quantile", or the base knots (n_knots x n_features).
  SplineKnots knots = SplineKnotPlacement::uniform;
  SplineExtrapolation extrapolation = SplineExtrapolation::constant;
  /// Keep the last basis function of each feature (the basis sums to 1, so
  /// with it the output spans a constant).
  bool include_bias = true;
  /// scikit-learn's memory layout of the output ("C": rows contiguous, "F":
  /// columns). Here the output is always a column-major Matrix and the values
  /// and column order are the same for both (as in scikit-learn, where `order`
  /// changes only the layout); kept so that scikit-learn parameter sets apply.
  SplineOrder order = SplineOrder::C;
  SplineHandleMissing handle_missing = SplineHandleMissing::error;
};

/// SplineTransformer's learned state.
struct SplineTransformerFitted {
  Index n_features_in = 0;
  /// The full knot vector of each feature's B-splines (scikit-learn's
  /// `bsplines_[j].t`), feature j in column j: the base knots extended by
  /// `degree` knots on each side, n_knots + 2 degree rows.
  Matrix bspline_knots;
  /// The degree of the fitted B-splines (`bsplines_[j].k`).
  Index degree = 0;
  /// Basis functions per feature, include_bias aside (`bsplines_[j].c.shape[1]`):
  /// n_knots + degree - 1, or n_knots - 1 for periodic splines.
  Index n_splines = 0;
  bool include_bias = true;
  /// Output columns: n_features_in * (n_splines - (include_bias ? 0 : 1)).
  Index n_features_out = 0;
};

/// Replaces each feature by the values of its n_splines B-spline basis
/// functions (Cox-de Boor recursion; de Boor 1972), as scikit-learn does with
/// scipy.interpolate.BSpline: output columns are feature after feature, the
/// basis functions of a feature in knot order ("x0_sp_0", "x0_sp_1", ...).
///
/// fit places the base knots: uniform from the minimum to the maximum of the
/// feature (rows of zero sample_weight ignored); quantile at NumPy's linear
/// percentiles, or, with sample_weight, at scikit-learn's weighted
/// percentiles (the inverted CDF of the weights); or as given. The base knots
/// are then extended by `degree` knots on each side: equally spaced, at the
/// spacing of the two first (last) base knots, or, for periodic splines,
/// the knots of the other end shifted by one period. Inside the base interval
/// the basis functions are non-negative and sum to 1.
///
/// Beyond the base interval, by `extrapolation`: "error" throws; "continue"
/// evaluates the end polynomial pieces; "periodic" wraps x into the interval
/// (the last `degree` basis functions fold onto the first ones, n_knots - 1 per
/// feature); "constant" writes the boundary values of the first (last)
/// `degree` basis functions and 0 elsewhere; "linear" continues the first
/// (last) `degree` basis functions (degree + 1 of them for degree <= 1) along
/// their tangents at the boundary. With degree 0, "constant" above the last knot is
/// an error (ValueError), as in scikit-learn 1.9, where it fails with a
/// shape mismatch. One deliberate difference: with "linear" and degree <= 1,
/// scikit-learn 1.9.1 increments a degree variable shared by its loop over
/// features, so features after the first are extrapolated from the wrong
/// knots; here every feature gets what scikit-learn gives it fitted alone.
/// transform uses the knots, degree and include_bias of fit and the current
/// extrapolation and handle_missing, as scikit-learn does.
///
/// Throws ValueError from fit for n_knots < 2, degree < 0, fewer than 2
/// samples, NaN with handle_missing "error", an all-NaN feature with quantile
/// knots, given knots that are not a finite array of >= 2 strictly increasing
/// rows with one column per feature, periodic extrapolation with n_knots <=
/// degree; from transform for NaN with handle_missing "error", for values
/// outside the base interval with extrapolation "error", and for values above
/// it with "constant" and degree 0.
///
/// Complexity: fit O(n_samples n_features) (uniform; quantile sorts:
/// O(n_samples log n_samples) per feature); transform O(n_samples n_features
/// degree^2), features in parallel.
///
/// \code
///   SplineTransformer splines({.n_knots = 4, .degree = 2, .extrapolation = SplineExtrapolation::periodic});
///   Matrix B = splines.fit_transform(X);               // n x (3 n_features)
///   auto names = splines.get_feature_names_out();      // "x0_sp_0", "x0_sp_1", ...
/// \endcode
class SplineTransformer final
    : public EstimatorBase<SplineTransformer, Transformer, SplineTransformerParams, SplineTransformerFitted> {
 public:
  static constexpr std::string_view class_name = "SplineTransformer";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("degree", p.degree);
    f("extrapolation", p.extrapolation);
    f("handle_missing", p.handle_missing);
    f("include_bias", p.include_bias);
    f("knots", p.knots);
    f("n_knots", p.n_knots);
    f("order", p.order);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("bspline_knots", s.bspline_knots);
    f("degree", s.degree);
    f("n_splines", s.n_splines);
    f("include_bias", s.include_bias);
    f("n_features_out", s.n_features_out);
  }
  /// Throws ValueError when a loaded state is inconsistent.
  static void check_fitted(const Fitted& s);
  using EstimatorBase::EstimatorBase;

  [[nodiscard]] bool has(Method method) const override { return method == Method::transform; }
  /// The B-spline basis values: n_samples x n_features_out.
  [[nodiscard]] Matrix transform(const MatrixView& X) const override;
  /// "<feature>_sp_<j>" for each feature and each of its output columns.
  [[nodiscard]] std::vector<std::string> get_feature_names_out(
      const std::vector<std::string>& input_features = {}) const override;

  /// The full knot vector of each feature (scikit-learn's `bsplines_[j].t`), in column j.
  [[nodiscard]] const Matrix& bspline_knots() const { return fitted().bspline_knots; }
  /// Basis functions per feature before include_bias (`bsplines_[j].c.shape[1]`).
  [[nodiscard]] Index n_splines() const { return fitted().n_splines; }
  [[nodiscard]] Index n_features_out() const { return fitted().n_features_out; }

 private:
  friend EstimatorBase;
  static constexpr bool allows_nan = true;  // handle_missing = "zeros"; "error" checks itself
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
};

}  // namespace scilearn::learn

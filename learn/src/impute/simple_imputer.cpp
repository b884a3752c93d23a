#include <algorithm>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn/impute/simple_imputer.hpp>

#include "impute/impute_detail.hpp"
#include "preprocessing/preprocessing_detail.hpp"

namespace scilearn::learn {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The mode of sorted values; among equally frequent values the smallest
// (the first run of the longest length), as scipy.stats.mode.
double mode_of_sorted(const std::vector<double>& values) {
  double best = values.front();
  std::size_t best_count = 0;
  for (std::size_t start = 0; start < values.size();) {
    std::size_t end = start + 1;
    while (end < values.size() && values[end] == values[start]) ++end;
    if (end - start > best_count) {
      best_count = end - start;
      best = values[start];
    }
    start = end;
  }
  return best;
}

// NumPy's masked median: the middle value, or the mean of the two middle ones
// ((low + high) / 2, as numpy.ma.median computes it).
double median_of(std::vector<double>& values) {
  const std::size_t n = values.size(), h = n / 2;
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(h), values.end());
  const double high = values[h];
  if (n % 2 == 1) return high;
  const double low = *std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(h));
  return (low + high) / 2.0;
}

}  // namespace

SimpleImputer::Fitted SimpleImputer::learn(const MatrixView& X, const VectorView*,
                                           const VectorView* sample_weight) const {
  detail::reject_sample_weight(class_name, sample_weight);
  const double missing = params_.missing_values;
  detail::check_no_nan_unless_placeholder("SimpleImputer.fit", X, missing);
  const Index n = X.rows(), p = X.cols();
  const SimpleImputerStrategy strategy = params_.strategy;
  const double fill = params_.fill_value.value_or(0.0);
  // What a feature with no present value gets: dropped (NaN) or kept with 0
  // (fill_value for "constant").
  const double empty = params_.keep_empty_features ? (strategy == SimpleImputerStrategy::constant ? fill : 0.0) : kNaN;
  Fitted out;
  out.n_features_in = p;
  out.statistics.resize(p);
#pragma omp parallel if (n * p > 100000)
  {
    std::vector<double> present;
#pragma omp for schedule(static)
    for (Index j = 0; j < p; ++j) {
      const double* x = X.col(j).data();
      double sum = 0;
      Index count = 0;
      present.clear();
      for (Index i = 0; i < n; ++i) {
        if (detail::is_missing(x[i], missing)) continue;
        ++count;
        if (strategy == SimpleImputerStrategy::mean)
          sum += x[i];
        else if (strategy != SimpleImputerStrategy::constant)
          present.push_back(x[i]);
      }
      double value = empty;
      if (count > 0) {
        switch (strategy) {
          case SimpleImputerStrategy::mean: value = sum / static_cast<double>(count); break;
          case SimpleImputerStrategy::median: value = median_of(present); break;
          case SimpleImputerStrategy::most_frequent:
            std::sort(present.begin(), present.end());
            value = mode_of_sorted(present);
            break;
          case SimpleImputerStrategy::constant: value = fill; break;
        }
      }
      out.statistics(j) = value;
    }
  }
  out.add_indicator = params_.add_indicator;
  if (out.add_indicator) out.indicator_features = detail::features_with_missing(X, missing);
  return out;
}

void SimpleImputer::check_fitted(const Fitted& s) {
  if (s.statistics.size() != s.n_features_in)
    throw ValueError(cat("statistics has ", s.statistics.size(), " entries for ", s.n_features_in, " features"));
  detail::check_indicator_features(s.indicator_features, s.n_features_in);
}

Matrix SimpleImputer::transform(const MatrixView& X) const {
  const Fitted& state = check_input("transform", X);
  const double missing = params_.missing_values;
  detail::check_no_nan_unless_placeholder("SimpleImputer.transform", X, missing);
  std::vector<Index> kept;
  std::string skipped;
  for (Index j = 0; j < state.n_features_in; ++j) {
    if (params_.keep_empty_features || !std::isnan(state.statistics(j)))
      kept.push_back(j);
    else
      skipped += cat(skipped.empty() ? "" : " ", j);
  }
  if (!skipped.empty())
    warn(WarningCategory::user,
         cat("SimpleImputer.transform: Skipping features without any observed values: [", skipped,
             "]. At least one non-missing value is needed for imputation with strategy='", enum_name(params_.strategy),
             "'."));
  const Index n = X.rows(), n_kept = static_cast<Index>(kept.size());
  const Index n_indicator = state.add_indicator ? static_cast<Index>(state.indicator_features.size()) : 0;
  Matrix out(n, n_kept + n_indicator);
#pragma omp parallel for schedule(static) if (n * n_kept > 100000)
  for (Index k = 0; k < n_kept; ++k) {
    const Index j = kept[static_cast<std::size_t>(k)];
    const double value = state.statistics(j);
    const double* x = X.col(j).data();
    double* z = out.col(k).data();
    for (Index i = 0; i < n; ++i) z[i] = detail::is_missing(x[i], missing) ? value : x[i];
  }
  if (n_indicator > 0) detail::indicator_columns(X, state.indicator_features, missing, out.rightCols(n_indicator));
  return out;
}

Matrix SimpleImputer::inverse_transform(const MatrixView& X) const {
  const Fitted& state = fitted();
  if (!params_.add_indicator || !state.add_indicator)
    throw ValueError(
        cat("SimpleImputer.inverse_transform: 'inverse_transform' works only when 'SimpleImputer' is "
            "instantiated with 'add_indicator=True'. Got 'add_indicator=",
            params_.add_indicator ? "True" : "False", "' instead."));
  check_X("SimpleImputer.inverse_transform", X, /*allow_nan=*/true);
  const Index n = X.rows(), p = state.n_features_in;
  const auto& features = state.indicator_features;
  const Index n_indicator = static_cast<Index>(features.size());
  if (X.cols() < n_indicator)
    throw ValueError(cat("SimpleImputer.inverse_transform: X has ", X.cols(), " columns, fewer than the ", n_indicator,
                         " indicator columns"));
  const Index n_imputed = X.cols() - n_indicator;
  // mask(i, j): the indicator of feature j is set (any non-zero, as NumPy's
  // astype(bool)); features without an indicator have none.
  Eigen::Matrix<bool, Eigen::Dynamic, Eigen::Dynamic> mask =
      Eigen::Matrix<bool, Eigen::Dynamic, Eigen::Dynamic>::Zero(n, p);
  for (Index k = 0; k < n_indicator; ++k)
    for (Index i = 0; i < n; ++i) mask(i, features[static_cast<std::size_t>(k)]) = X(i, n_imputed + k) != 0;
  Matrix out = Matrix::Zero(n, p);
  // scikit-learn's matching: a feature whose indicator is set in every row
  // was dropped; the others take the imputed columns in order.
  Index original = 0;
  for (Index k = 0; k < n_imputed; ++k, ++original) {
    while (original < p && mask.col(original).all()) ++original;
    if (original == p)
      throw ValueError(cat("SimpleImputer.inverse_transform: X has ", n_imputed,
                           " imputed columns, more than the features that are not missing in every row"));
    out.col(original) = X.col(k);
  }
  for (Index j = 0; j < p; ++j)
    for (Index i = 0; i < n; ++i)
      if (mask(i, j)) out(i, j) = params_.missing_values;
  return out;
}

std::vector<std::string> SimpleImputer::get_feature_names_out(const std::vector<std::string>& input_features) const {
  const Fitted& state = fitted();
  const auto names = one_to_one_feature_names(class_name, input_features, state.n_features_in);
  std::vector<std::string> out;
  for (Index j = 0; j < state.n_features_in; ++j)
    if (!std::isnan(state.statistics(j))) out.push_back(names[static_cast<std::size_t>(j)]);
  if (state.add_indicator)
    for (auto& name : detail::indicator_feature_names(names, state.indicator_features)) out.push_back(std::move(name));
  return out;
}

MissingIndicator SimpleImputer::indicator() const {
  const Fitted& state = fitted();
  if (!state.add_indicator)
    throw ValueError("SimpleImputer.indicator: fitted without add_indicator (indicator_ is None)");
  return MissingIndicator::from_fitted(
      {.missing_values = params_.missing_values, .features = MissingFeatures::missing_only, .error_on_new = false},
      {.n_features_in = state.n_features_in, .features = state.indicator_features});
}

}  // namespace scilearn::learn

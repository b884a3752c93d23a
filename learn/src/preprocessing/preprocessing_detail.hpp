#pragma once
// What the preprocessing transformers share (private to the module): the
// zero-scale rule, NumPy's linear-method percentile, Python's spelling of a
// number in feature names, and the rejection of sample_weight by fits that
// take none.

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/learn/validation.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "base/python_repr.hpp"

namespace scilearn::learn::detail {

// scikit-learn's fit(X, y=None) takes no sample_weight (Python raises
// TypeError for the keyword); we say so instead of ignoring the weights.
inline void reject_sample_weight(std::string_view estimator, const VectorView* sample_weight) {
  if (sample_weight)
    throw ValueError(
        cat(estimator, ".fit: sample_weight is not supported (", estimator, ".fit takes X and an ignored y only)"));
}

// scikit-learn's _handle_zeros_in_scale: a scale below 10 eps (a constant
// feature) becomes 1, so that dividing by it leaves the feature unchanged.
inline void handle_zeros_in_scale(Vector& scale) {
  const double tiny = 10 * std::numeric_limits<double>::epsilon();
  for (Index j = 0; j < scale.size(); ++j)
    if (scale(j) < tiny) scale(j) = 1.0;
}

// NumPy's quantile with method="linear" (the default) of sorted, NaN-free
// values, q in [0, 1]: the virtual index (n - 1) q as NumPy computes it for
// this method, and NumPy's two-sided lerp (from the nearer end), so the
// result agrees to the last bit.
inline double quantile_sorted(const double* sorted, Index n, double q) {
  if (n == 0) return std::numeric_limits<double>::quiet_NaN();
  const double virtual_index = static_cast<double>(n - 1) * q;
  const double below = std::floor(virtual_index);
  const Index lo = std::clamp(static_cast<Index>(below), Index{0}, n - 1);
  const Index hi = std::clamp(static_cast<Index>(below) + 1, Index{0}, n - 1);
  const double gamma = virtual_index - below;
  const double a = sorted[lo], b = sorted[hi], diff = b - a;
  return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
}

// The non-NaN entries of a column, sorted.
inline std::vector<double> sorted_without_nan(const double* x, Index n) {
  std::vector<double> out;
  out.reserve(static_cast<std::size_t>(n));
  for (Index i = 0; i < n; ++i)
    if (!std::isnan(x[i])) out.push_back(x[i]);
  std::sort(out.begin(), out.end());
  return out;
}

// NumPy's median of sorted values: the middle value, or the mean of the two.
inline double median_sorted(const std::vector<double>& sorted) {
  const std::size_t n = sorted.size();
  if (n == 0) return std::numeric_limits<double>::quiet_NaN();
  if (n % 2) return sorted[n / 2];
  return (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
}

// str() of a NumPy float64, as scikit-learn writes a category into a feature
// name ("1.0", "1.5", "1e-05", "1e+16", "nan", "inf"): the shortest digits
// that read back to x, positional for decimal exponents in [-4, 16),
// scientific otherwise.

// The encoders' min_frequency / max_categories, checked: min_frequency is a
// count (an integer >= 1) or a fraction of n_samples in (0, 1), as
// scikit-learn's int / float; max_categories >= 1.
void check_infrequent_params(std::string_view estimator, const std::optional<double>& min_frequency,
                             const std::optional<Index>& max_categories);

// scikit-learn's _identify_infrequent: the (sorted) positions of the
// categories whose count is below min_frequency, then, if the categories left
// plus one infrequent group exceed max_categories, all but the
// max_categories - 1 most frequent ones (ties: the earlier category is the
// rarer, as a stable sort). Empty when none is infrequent.
std::vector<Index> infrequent_positions(const std::vector<Index>& counts, Index n_samples,
                                        const std::optional<double>& min_frequency,
                                        const std::optional<Index>& max_categories);

// The grouped code of each of n_categories codes: frequent ones numbered in
// order, the infrequent ones all the last number. Empty when none is infrequent.
std::vector<Index> infrequent_mapping(Index n_categories, const std::vector<Index>& infrequent);

// Python's list of floats, for messages: "[1.5, nan]".
std::string python_list(const std::vector<double>& values);

}  // namespace scilearn::learn::detail

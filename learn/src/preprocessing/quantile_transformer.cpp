#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <limits>
#include <random>
#include <scilearn/core/random.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn/preprocessing/quantile_transformer.hpp>

#include "preprocessing_detail.hpp"

namespace scilearn::learn {

namespace {

constexpr double kBoundsThreshold = 1e-7;  // scikit-learn's BOUNDS_THRESHOLD

// np.interp(x, xp, fp) for increasing xp (ties allowed): the segment is the
// last j with xp[j] <= x; the ends are held constant.
double interp(double x, const double* xp, const double* fp, Index n) {
  if (x < xp[0]) return fp[0];
  if (x >= xp[n - 1]) return fp[n - 1];
  const Index j = static_cast<Index>(std::upper_bound(xp, xp + n, x) - xp) - 1;
  const double slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]);
  double y = slope * (x - xp[j]) + fp[j];
  if (std::isnan(y)) {
    y = slope * (x - xp[j + 1]) + fp[j + 1];
    if (std::isnan(y) && fp[j] == fp[j + 1]) y = fp[j];
  }
  return y;
}

double norm_ppf(double q) {
  if (std::isnan(q)) return q;
  if (q <= 0) return -std::numeric_limits<double>::infinity();
  if (q >= 1) return std::numeric_limits<double>::infinity();
  return boost::math::quantile(boost::math::normal(), q);
}

double norm_cdf(double x) {
  if (std::isnan(x)) return x;
  if (std::isinf(x)) return x > 0 ? 1.0 : 0.0;
  return boost::math::cdf(boost::math::normal(), x);
}

}  // namespace

QuantileTransformer::Fitted QuantileTransformer::learn(const MatrixView& X, const VectorView*,
                                                       const VectorView* sample_weight) const {
  detail::reject_sample_weight(class_name, sample_weight);
  const Index n = X.rows(), p = X.cols();
  if (params_.n_quantiles < 1)
    throw ValueError(cat("QuantileTransformer: n_quantiles must be >= 1, got ", params_.n_quantiles));
  if (params_.subsample && *params_.subsample < 1)
    throw ValueError(cat("QuantileTransformer: subsample must be >= 1, got ", *params_.subsample));
  if (params_.subsample && params_.n_quantiles > *params_.subsample)
    throw ValueError(
        cat("QuantileTransformer: the number of quantiles cannot be greater than the number of samples "
            "used. Got ",
            params_.n_quantiles, " quantiles and ", *params_.subsample, " samples."));
  if (params_.n_quantiles > n)
    warn(WarningCategory::user,
         cat("n_quantiles (", params_.n_quantiles, ") is greater than the total number of samples (", n,
             "). n_quantiles is set to n_samples."));
  Fitted out;
  out.n_features_in = p;
  out.n_quantiles = std::max<Index>(1, std::min(params_.n_quantiles, n));
  const Index m = out.n_quantiles;
  // np.linspace(0, 1, m): i * (1 / (m - 1)), the last exactly 1.
  out.references.resize(m);
  const double step = m > 1 ? 1.0 / static_cast<double>(m - 1) : 0.0;
  for (Index i = 0; i < m; ++i) out.references(i) = static_cast<double>(i) * step;
  if (m > 1) out.references(m - 1) = 1.0;
  // The rows the quantiles come from.
  std::vector<Index> rows;
  if (params_.subsample && *params_.subsample < n) {
    Generator rng = default_rng(params_.random_state);
    std::vector<Index> all(static_cast<std::size_t>(n));
    for (Index i = 0; i < n; ++i) all[static_cast<std::size_t>(i)] = i;
    rng.shuffle(all.begin(), all.end());
    rows.assign(all.begin(), all.begin() + *params_.subsample);
  }
  out.quantiles.resize(m, p);
#pragma omp parallel for schedule(dynamic)
  for (Index j = 0; j < p; ++j) {
    std::vector<double> column;
    if (rows.empty()) {
      column = detail::sorted_without_nan(X.col(j).data(), n);
    } else {
      for (const Index i : rows)
        if (!std::isnan(X(i, j))) column.push_back(X(i, j));
      std::sort(column.begin(), column.end());
    }
    // np.nanpercentile(X, references * 100): q = (r * 100) / 100, as NumPy divides.
    for (Index k = 0; k < m; ++k)
      out.quantiles(k, j) =
          detail::quantile_sorted(column.data(), static_cast<Index>(column.size()), out.references(k) * 100 / 100);
  }
  return out;
}

Matrix QuantileTransformer::apply(std::string_view method, const MatrixView& X, bool inverse) const {
  const Fitted& s = check_input(method, X);
  const bool normal = params_.output_distribution == QuantileOutput::normal;
  const Index m = s.n_quantiles;
  const double* ref = s.references.data();
  // Reversed, negated copies for the interpolation from the right.
  Vector neg_ref_reversed = -s.references.reverse();
  const double clip_min = norm_ppf(kBoundsThreshold - std::numeric_limits<double>::epsilon());
  const double clip_max = norm_ppf(1 - (kBoundsThreshold - std::numeric_limits<double>::epsilon()));
  Matrix Z(X.rows(), X.cols());
#pragma omp parallel for schedule(static) if (X.size() > 100000)
  for (Index j = 0; j < X.cols(); ++j) {
    const double* q = s.quantiles.col(j).data();
    const Vector neg_q_reversed = -s.quantiles.col(j).reverse();
    const double lo_x = inverse ? 0.0 : q[0], hi_x = inverse ? 1.0 : q[m - 1];
    const double lo_y = inverse ? q[0] : 0.0, hi_y = inverse ? q[m - 1] : 1.0;
    for (Index i = 0; i < X.rows(); ++i) {
      double x = X(i, j);
      if (inverse && normal) x = norm_cdf(x);
      const bool lower = normal ? x - kBoundsThreshold < lo_x : x == lo_x;
      const bool upper = normal ? x + kBoundsThreshold > hi_x : x == hi_x;
      double y = x;
      if (!std::isnan(x)) {
        if (inverse)
          y = interp(x, ref, q, m);
        else
          y = 0.5 * (interp(x, q, ref, m) - interp(-x, neg_q_reversed.data(), neg_ref_reversed.data(), m));
      }
      if (upper) y = hi_y;
      if (lower) y = lo_y;
      if (!inverse && normal) y = std::clamp(norm_ppf(y), clip_min, clip_max);
      Z(i, j) = y;
    }
  }
  return Z;
}

Matrix QuantileTransformer::transform(const MatrixView& X) const { return apply("transform", X, false); }

Matrix QuantileTransformer::inverse_transform(const MatrixView& X) const { return apply("inverse_transform", X, true); }

std::vector<std::string> QuantileTransformer::get_feature_names_out(
    const std::vector<std::string>& input_features) const {
  return one_to_one_feature_names(class_name, input_features, fitted().n_features_in);
}

}  // namespace scilearn::learn

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <scilearn/core/format.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn/covariance/robust_covariance.hpp>
#include <scilearn/stats/distributions.hpp>
#include <vector>

#include "min_cov_det.hpp"

namespace scilearn::learn {

namespace {

// One local optimum of the C-steps: the h-subset, its mean and covariance,
// its log-determinant and the distances of every sample.
struct Estimate {
  Vector location;
  Matrix covariance;
  double det = 0;
  std::vector<Index> support;  // sample indices, as chosen
  Vector dist;
};

Matrix rows(const MatrixView& X, const std::vector<Index>& index) { return X(index, Eigen::all); }

Vector mean_of(const Matrix& S) { return S.colwise().sum().transpose() / static_cast<double>(S.rows()); }

Matrix covariance_of(const Matrix& S, const Vector& mean) {
  const Matrix centred = S.rowwise() - mean.transpose();
  Matrix out(S.cols(), S.cols());
  out.noalias() = centred.transpose() * centred;
  return out / static_cast<double>(S.rows());
}

Vector distances(const MatrixView& X, const Vector& location, const Matrix& precision) {
  const Matrix centred = X.rowwise() - location.transpose();
  Matrix projected(X.rows(), X.cols());
  projected.noalias() = centred * precision;
  return (projected.array() * centred.array()).rowwise().sum();
}

// The h samples of smallest distance (ties by index: a deterministic
// argpartition).
std::vector<Index> smallest(const Vector& dist, Index h) {
  std::vector<Index> order(static_cast<std::size_t>(dist.size()));
  std::iota(order.begin(), order.end(), Index{0});
  std::nth_element(order.begin(), order.begin() + (h - 1), order.end(),
                   [&](Index a, Index b) { return dist(a) < dist(b) || (dist(a) == dist(b) && a < b); });
  order.resize(static_cast<std::size_t>(h));
  return order;
}

// numpy.allclose of two scalars (infinities equal only to themselves).
bool all_close(double a, double b) {
  if (!std::isfinite(a) || !std::isfinite(b)) return a == b;
  return std::abs(a - b) <= 1e-8 + 1e-5 * std::abs(b);
}

// C-steps from a random h-subset (no start) or from the h samples closest
// to a start (location, covariance), until the determinant stops
// decreasing or `iterations` steps; scikit-learn's _c_step, including which
// of the last two estimates it returns and its distances (to the last
// location, with the precision of the estimate before it).
Estimate c_step(const MatrixView& X, Index h, Generator& rng, Index iterations, const Vector* start_location = nullptr,
                const Matrix* start_covariance = nullptr) {
  const Index n = X.rows();
  Vector dist = Vector::Constant(n, std::numeric_limits<double>::infinity());
  std::vector<Index> support;
  if (!start_location) {
    const auto perm = rng.permutation(n);
    support.assign(perm.data(), perm.data() + h);
  } else {
    dist = distances(X, *start_location, detail::pinvh(*start_covariance));
    support = smallest(dist, h);
  }
  Matrix subset = rows(X, support);
  Vector location = mean_of(subset);
  Matrix covariance = covariance_of(subset, location);
  double det = detail::fast_logdet(covariance);
  if (std::isnan(det))
    throw ValueError("MinCovDet: the covariance of a subset is not finite (the data overflow); rescale X");
  Matrix precision;
  if (std::isinf(det)) precision = detail::pinvh(covariance);
  double previous_det = std::numeric_limits<double>::infinity();
  Vector previous_location, previous_dist;
  Matrix previous_covariance;
  std::vector<Index> previous_support;
  while (det < previous_det && iterations > 0 && !std::isinf(det)) {
    previous_location = location;
    previous_covariance = covariance;
    previous_det = det;
    previous_support = support;
    precision = detail::pinvh(covariance);
    dist = distances(X, location, precision);
    support = smallest(dist, h);
    subset = rows(X, support);
    location = mean_of(subset);
    covariance = covariance_of(subset, location);
    det = detail::fast_logdet(covariance);
    --iterations;
  }
  previous_dist = dist;
  dist = distances(X, location, precision);
  Estimate current{location, covariance, det, support, dist};
  Estimate result = current;
  if (!std::isinf(det) && !all_close(det, previous_det) && det > previous_det) {
    warn(WarningCategory::runtime,
         cat("Determinant has increased; this should not happen: log(det) > log(previous_det) (", det, " > ",
             previous_det, "). You may want to try with a higher value of support_fraction (current value: ",
             static_cast<double>(h) / static_cast<double>(n), ")."));
    result = Estimate{previous_location, previous_covariance, previous_det, previous_support, previous_dist};
  }
  if (iterations == 0) result = std::move(current);
  return result;
}

// The `select` estimates of least determinant among the C-steps from each
// start (random ones when `starts` is empty, `count` of them).
std::vector<Estimate> select_candidates(const MatrixView& X, Index h, Generator& rng, Index count,
                                        const std::vector<Estimate>* starts, Index select, Index iterations) {
  std::vector<Estimate> all;
  if (!starts) {
    for (Index t = 0; t < count; ++t) all.push_back(c_step(X, h, rng, iterations));
  } else {
    for (const Estimate& s : *starts) all.push_back(c_step(X, h, rng, iterations, &s.location, &s.covariance));
  }
  std::vector<std::size_t> order(all.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return all[a].det < all[b].det; });
  std::vector<Estimate> best;
  for (std::size_t k = 0; k < order.size() && static_cast<Index>(k) < select; ++k)
    best.push_back(std::move(all[order[k]]));
  return best;
}

struct Raw {
  Vector location;
  Matrix covariance;
  std::vector<bool> support;
  Vector dist;
};

Raw from_estimate(const Estimate& e, Index n) {
  Raw r{e.location, e.covariance, std::vector<bool>(static_cast<std::size_t>(n), false), e.dist};
  for (const Index i : e.support) r.support[static_cast<std::size_t>(i)] = true;
  return r;
}

// scikit-learn's fast_mcd.
Raw fast_mcd(const MatrixView& X, Index h, Generator& rng) {
  const Index n = X.rows(), p = X.cols();
  if (p == 1) {
    Raw r;
    r.support.assign(static_cast<std::size_t>(n), false);
    double location = 0;
    Vector centred;
    if (h < n) {
      // The shortest half: the window of h sorted values of least range.
      std::vector<double> sorted(X.data(), X.data() + n);
      std::sort(sorted.begin(), sorted.end());
      const auto hs = static_cast<std::size_t>(h), ns = static_cast<std::size_t>(n);
      double least = std::numeric_limits<double>::infinity();
      for (std::size_t i = 0; i + hs < ns; ++i) least = std::min(least, sorted[i + hs] - sorted[i]);
      double sum = 0;
      Index count = 0;
      for (std::size_t i = 0; i + hs < ns; ++i)
        if (sorted[i + hs] - sorted[i] == least) {
          sum += 0.5 * (sorted[i + hs] + sorted[i]);
          ++count;
        }
      location = sum / static_cast<double>(count);
      centred = X.col(0).array() - location;
      std::vector<Index> order(ns);
      std::iota(order.begin(), order.end(), Index{0});
      std::stable_sort(order.begin(), order.end(),
                       [&](Index a, Index b) { return std::abs(centred(a)) < std::abs(centred(b)); });
      for (std::size_t i = 0; i < hs; ++i) r.support[static_cast<std::size_t>(order[i])] = true;
      double mean = 0, m = 0;
      for (Index i = 0; i < n; ++i)
        if (r.support[static_cast<std::size_t>(i)]) {
          mean += X(i, 0);
          m += 1;
        }
      mean /= m;
      double var = 0;
      for (Index i = 0; i < n; ++i)
        if (r.support[static_cast<std::size_t>(i)]) var += (X(i, 0) - mean) * (X(i, 0) - mean);
      r.covariance = Matrix::Constant(1, 1, var / m);
    } else {
      r.support.assign(static_cast<std::size_t>(n), true);
      location = X.col(0).mean();
      r.covariance = Matrix::Constant(1, 1, (X.col(0).array() - location).square().mean());
      centred = X.col(0).array() - location;
    }
    r.location = Vector::Constant(1, location);
    const Matrix precision = detail::pinvh(r.covariance);
    r.dist = centred.array().square() * precision(0, 0);
    return r;
  }
  if (n > 500) {
    const Index n_subsets = n / 300;
    const Index n_per_subset = n / n_subsets;
    const auto shuffle = rng.permutation(n);
    const auto h_subset = static_cast<Index>(
        std::ceil(static_cast<double>(n_per_subset) * (static_cast<double>(h) / static_cast<double>(n))));
    const Index n_best_sub = 10;
    const Index n_trials = std::max<Index>(10, 500 / n_subsets);
    std::vector<Estimate> all_best;
    for (Index i = 0; i < n_subsets; ++i) {
      const std::vector<Index> index(shuffle.data() + i * n_per_subset, shuffle.data() + (i + 1) * n_per_subset);
      const Matrix subset = rows(X, index);
      for (Estimate& e : select_candidates(subset, h_subset, rng, n_trials, nullptr, n_best_sub, 2))
        all_best.push_back(std::move(e));
    }
    const Index n_merged = std::min<Index>(1500, n);
    const auto h_merged = static_cast<Index>(
        std::ceil(static_cast<double>(n_merged) * (static_cast<double>(h) / static_cast<double>(n))));
    const Index n_best_merged = n > 1500 ? 10 : 1;
    const auto perm = rng.permutation(n);
    const std::vector<Index> selection(perm.data(), perm.data() + n_merged);
    const Matrix merged = rows(X, selection);
    std::vector<Estimate> best = select_candidates(merged, h_merged, rng, 0, &all_best, n_best_merged, 30);
    if (n < 1500) {
      Raw r;
      r.location = best[0].location;
      r.covariance = best[0].covariance;
      r.support.assign(static_cast<std::size_t>(n), false);
      r.dist = Vector::Zero(n);
      for (const Index i : best[0].support)
        r.support[static_cast<std::size_t>(selection[static_cast<std::size_t>(i)])] = true;
      for (Index i = 0; i < n_merged; ++i) r.dist(selection[static_cast<std::size_t>(i)]) = best[0].dist(i);
      return r;
    }
    return from_estimate(select_candidates(X, h, rng, 0, &best, 1, 30)[0], n);
  }
  const std::vector<Estimate> best = select_candidates(X, h, rng, 30, nullptr, 10, 2);
  return from_estimate(select_candidates(X, h, rng, 0, &best, 1, 30)[0], n);
}

// alpha / P(chi2(p + 2) <= chi2(p).ppf(alpha)): the factor that makes the
// covariance of the alpha-fraction of a Gaussian sample consistent.
double consistency_factor(Index p, double alpha) {
  const auto df = static_cast<double>(p);
  const double q = stats::chi2(df).ppf(alpha);
  return alpha / stats::chi2(df + 2).cdf(q);
}

}  // namespace

MinCovDetFitted detail::min_cov_det(const MatrixView& X, const MinCovDetParams& params, std::string_view estimator) {
  const Index n = X.rows(), p = X.cols();
  if (n < 2)
    throw ValueError(cat("Found array with ", n, " sample(s) (shape=(", n, ", ", p,
                         ")) while a minimum of 2 is required by ", estimator, "."));
  if (params.support_fraction && !(*params.support_fraction > 0 && *params.support_fraction <= 1))
    throw ValueError(cat("The 'support_fraction' parameter of ", estimator,
                         " must be a float in the range (0.0, 1.0] or None. Got ", *params.support_fraction,
                         " instead."));
  const Index h = params.support_fraction
                      ? static_cast<Index>(*params.support_fraction * static_cast<double>(n))
                      : std::min<Index>(static_cast<Index>(std::ceil(0.5 * static_cast<double>(n + p + 1))), n);
  if (h < 1) throw ValueError(cat(estimator, ".fit: support_fraction gives an empty support (", h, " samples)"));
  Generator rng = default_rng(params.random_state);
  Raw raw = fast_mcd(X, h, rng);
  std::vector<Index> raw_index;
  for (Index i = 0; i < n; ++i)
    if (raw.support[static_cast<std::size_t>(i)]) raw_index.push_back(i);
  if (params.assume_centered) {
    raw.location = Vector::Zero(p);
    const Matrix S = rows(X, raw_index);
    raw.covariance = S.transpose() * S / static_cast<double>(S.rows());
    raw.dist = distances(X, raw.location, detail::pinvh(raw.covariance));
  }
  MinCovDetFitted s;
  s.n_features_in = p;
  s.raw_location = raw.location;
  s.raw_covariance = raw.covariance;
  s.raw_support = Vector::Zero(n);
  for (const Index i : raw_index) s.raw_support(i) = 1;
  // The consistency correction (scikit-learn 1.9 applies it to the
  // distances only).
  const auto n_support = static_cast<Index>(raw_index.size());
  if (n_support < n && (raw.covariance.array().abs() <= 1e-8).all())
    throw ValueError("The covariance matrix of the support data is equal to 0, try to increase support_fraction");
  Vector dist = raw.dist / consistency_factor(p, static_cast<double>(n_support) / static_cast<double>(n));
  // Reweighting: the samples within the 97.5% quantile of chi2(p).
  const double threshold = stats::chi2(static_cast<double>(p)).isf(0.025);
  std::vector<Index> kept;
  for (Index i = 0; i < n; ++i)
    if (dist(i) < threshold) kept.push_back(i);
  if (kept.empty())
    throw ValueError(
        cat(estimator, ": no sample lies within the reweighting threshold (the distances overflow); rescale X"));
  const Matrix S = rows(X, kept);
  Vector location = params.assume_centered ? Vector::Zero(p) : mean_of(S);
  Matrix covariance =
      params.assume_centered ? Matrix(S.transpose() * S / static_cast<double>(S.rows())) : covariance_of(S, location);
  covariance *= consistency_factor(p, 1 - 0.025);
  CovarianceFitted base = detail::covariance_state(location, covariance, params.store_precision);
  static_cast<CovarianceFitted&>(s) = std::move(base);
  s.n_features_in = p;
  s.support = Vector::Zero(n);
  for (const Index i : kept) s.support(i) = 1;
  s.dist = distances(X, s.location, detail::covariance_precision(s));
  return s;
}

MinCovDet::Fitted MinCovDet::learn(const MatrixView& X, const VectorView*, const VectorView*) const {
  return detail::min_cov_det(X, params_, class_name);
}

}  // namespace scilearn::learn

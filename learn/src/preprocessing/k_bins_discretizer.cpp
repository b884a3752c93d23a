#include <algorithm>
#include <cmath>
#include <limits>
#include <scilearn/core/random.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn/preprocessing/k_bins_discretizer.hpp>

#include "preprocessing_detail.hpp"

namespace scilearn::learn {

namespace {

// np.linspace(start, stop, num): start + i * step, the last exactly stop.
Vector linspace(double start, double stop, Index num) {
  Vector out(num);
  const double step = (stop - start) / static_cast<double>(num - 1);
  for (Index i = 0; i < num; ++i) out(i) = static_cast<double>(i) * step + start;
  out(num - 1) = stop;
  return out;
}

// NumPy's discontinuous percentile methods on sorted values, q in [0, 1]:
// virtual index n q - 1, rounded up (inverted_cdf) or averaged with the next
// order statistic where it is an integer (averaged_inverted_cdf).
double discrete_quantile(const std::vector<double>& sorted, double q, bool averaged) {
  const auto n = static_cast<Index>(sorted.size());
  const double virtual_index = static_cast<double>(n) * q - 1;
  if (virtual_index >= static_cast<double>(n - 1)) return sorted.back();
  if (virtual_index < 0) return sorted.front();
  const double below = std::floor(virtual_index);
  const double gamma = virtual_index - below;
  const auto lo = static_cast<std::size_t>(below);
  const double a = sorted[lo], b = sorted[lo + 1];
  if (!averaged) return gamma > 0 ? b : a;
  // NumPy's lerp with t = 0.5 where gamma is 0, t = 1 elsewhere.
  const double t = gamma == 0 ? 0.5 : 1.0, diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

// One-dimensional k-means (Lloyd), scikit-learn's loop: E-step, M-step; stop
// when the labels repeat or the squared center shift is at most tol, then a
// last E-step. An empty cluster keeps its center.
Vector kmeans_1d(const std::vector<double>& x, Vector centers, double tol) {
  const auto n = x.size();
  const Index k = centers.size();
  std::vector<Index> labels(n, -1), old(n, -1);
  const auto assign = [&] {
    for (std::size_t i = 0; i < n; ++i) {
      Index best = 0;
      double best_d = std::abs(x[i] - centers(0));
      for (Index c = 1; c < k; ++c) {
        const double d = std::abs(x[i] - centers(c));
        if (d < best_d) {
          best_d = d;
          best = c;
        }
      }
      labels[i] = best;
    }
  };
  for (int iteration = 0; iteration < 300; ++iteration) {
    assign();
    Vector sum = Vector::Zero(k), count = Vector::Zero(k);
    for (std::size_t i = 0; i < n; ++i) {
      sum(labels[i]) += x[i];
      count(labels[i]) += 1;
    }
    Vector updated = centers;
    for (Index c = 0; c < k; ++c)
      if (count(c) > 0) updated(c) = sum(c) / count(c);
    const double shift = (updated - centers).squaredNorm();
    centers = updated;
    if (labels == old) break;
    if (shift <= tol) break;
    old = labels;
  }
  return centers;
}

}  // namespace

KBinsDiscretizer::Fitted KBinsDiscretizer::learn(const MatrixView& X, const VectorView*,
                                                 const VectorView* sample_weight) const {
  detail::reject_sample_weight(class_name, sample_weight);
  if (params_.n_bins < 2)
    throw ValueError(cat("KBinsDiscretizer received an invalid number of bins. Received ", params_.n_bins,
                         ", expected at least 2."));
  if (params_.subsample && *params_.subsample < 1)
    throw ValueError(cat("KBinsDiscretizer: subsample must be >= 1, got ", *params_.subsample));
  const Index n = X.rows(), p = X.cols();
  std::vector<Index> rows;
  if (params_.subsample && *params_.subsample < n) {
    // resample(replace=True): rows drawn with replacement.
    Generator rng = default_rng(params_.random_state);
    for (Index r = 0; r < *params_.subsample; ++r) rows.push_back(rng.integers(0, n));
  }
  Fitted out;
  out.n_features_in = p;
  out.bin_edges.resize(static_cast<std::size_t>(p));
  out.n_bins.assign(static_cast<std::size_t>(p), params_.n_bins);
  std::vector<std::string> warnings;
  for (Index j = 0; j < p; ++j) {
    const auto jj = static_cast<std::size_t>(j);
    std::vector<double> column;
    if (rows.empty())
      column.assign(X.col(j).data(), X.col(j).data() + n);
    else
      for (const Index i : rows) column.push_back(X(i, j));
    const auto [lo_it, hi_it] = std::minmax_element(column.begin(), column.end());
    const double lo = *lo_it, hi = *hi_it;
    if (lo == hi) {
      warnings.push_back(cat("Feature ", j, " is constant and will be replaced with 0."));
      out.n_bins[jj] = 1;
      out.bin_edges[jj] =
          (Vector(2) << -std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity()).finished();
      continue;
    }
    const Index nb = params_.n_bins;
    Vector edges;
    switch (params_.strategy) {
      case KBinsStrategy::uniform: edges = linspace(lo, hi, nb + 1); break;
      case KBinsStrategy::quantile: {
        std::sort(column.begin(), column.end());
        const Vector levels = linspace(0, 100, nb + 1);
        edges.resize(nb + 1);
        for (Index b = 0; b <= nb; ++b) {
          const double q = levels(b) / 100;  // np.percentile divides by 100
          switch (params_.quantile_method) {
            case KBinsQuantileMethod::linear:
              edges(b) = detail::quantile_sorted(column.data(), static_cast<Index>(column.size()), q);
              break;
            case KBinsQuantileMethod::inverted_cdf: edges(b) = discrete_quantile(column, q, false); break;
            case KBinsQuantileMethod::averaged_inverted_cdf: edges(b) = discrete_quantile(column, q, true); break;
          }
        }
        break;
      }
      case KBinsStrategy::kmeans: {
        // Sorted, so that the cluster sums (and the edges) do not depend on
        // the order of the samples.
        std::sort(column.begin(), column.end());
        const Vector uniform = linspace(lo, hi, nb + 1);
        const Vector init = (uniform.tail(nb) + uniform.head(nb)) * 0.5;
        // scikit-learn's tolerance: tol (1e-4) times the feature's variance.
        double mean = 0;
        for (const double v : column) mean += v;
        mean /= static_cast<double>(column.size());
        double var = 0;
        for (const double v : column) var += (v - mean) * (v - mean);
        var /= static_cast<double>(column.size());
        Vector centers = kmeans_1d(column, init, 1e-4 * var);
        std::sort(centers.data(), centers.data() + centers.size());
        edges.resize(nb + 1);
        edges(0) = lo;
        edges(nb) = hi;
        edges.segment(1, nb - 1) = (centers.tail(nb - 1) + centers.head(nb - 1)) * 0.5;
        break;
      }
    }
    if (params_.strategy != KBinsStrategy::uniform) {
      // Drop edges within 1e-8 of the previous one (np.ediff1d(..., to_begin=inf) > 1e-8).
      std::vector<double> kept{edges(0)};
      for (Index b = 1; b < edges.size(); ++b)
        if (edges(b) - edges(b - 1) > 1e-8) kept.push_back(edges(b));
      if (static_cast<Index>(kept.size()) - 1 != nb) {
        warnings.push_back(cat("Bins whose width are too small (i.e., <= 1e-8) in feature ", j,
                               " are removed. Consider decreasing the number of bins."));
        out.n_bins[jj] = static_cast<Index>(kept.size()) - 1;
      }
      edges = Eigen::Map<const Vector>(kept.data(), static_cast<Index>(kept.size()));
    }
    out.bin_edges[jj] = std::move(edges);
  }
  for (auto& w : warnings) warn(WarningCategory::user, std::move(w));
  return out;
}

Matrix KBinsDiscretizer::transform(const MatrixView& X) const {
  const Fitted& s = check_input("transform", X);
  const Index n = X.rows(), p = X.cols();
  std::vector<Index> offset(static_cast<std::size_t>(p) + 1, 0);
  for (std::size_t j = 0; j < static_cast<std::size_t>(p); ++j)
    offset[j + 1] = offset[j] + (onehot() ? s.n_bins[j] : 1);
  Matrix Z = Matrix::Zero(n, offset.back());
#pragma omp parallel for schedule(static) if (X.size() > 100000)
  for (Index j = 0; j < p; ++j) {
    const Vector& edges = s.bin_edges[static_cast<std::size_t>(j)];
    const double* inner = edges.data() + 1;
    const Index n_inner = edges.size() - 2;
    for (Index i = 0; i < n; ++i) {
      const auto bin = static_cast<Index>(std::upper_bound(inner, inner + n_inner, X(i, j)) - inner);
      if (onehot())
        Z(i, offset[static_cast<std::size_t>(j)] + bin) = 1.0;
      else
        Z(i, j) = static_cast<double>(bin);
    }
  }
  return Z;
}

Matrix KBinsDiscretizer::inverse_transform(const MatrixView& X) const {
  const Fitted& s = fitted();
  check_X("KBinsDiscretizer.inverse_transform", X);
  const Index p = s.n_features_in;
  Index expected = p;
  if (onehot()) {
    expected = 0;
    for (const Index b : s.n_bins) expected += b;
  }
  if (X.cols() != expected)
    throw ValueError(cat("KBinsDiscretizer.inverse_transform: incorrect number of features. Expecting ", expected,
                         ", received ", X.cols(), "."));
  Matrix out(X.rows(), p);
  Index offset = 0;
  for (Index j = 0; j < p; ++j) {
    const Vector& edges = s.bin_edges[static_cast<std::size_t>(j)];
    const Index nb = s.n_bins[static_cast<std::size_t>(j)];
    const Vector centers = (edges.tail(nb) + edges.head(nb)) * 0.5;
    for (Index i = 0; i < X.rows(); ++i) {
      Index bin = 0;
      if (onehot()) {
        for (Index c = 1; c < nb; ++c)
          if (X(i, offset + c) > X(i, offset + bin)) bin = c;
      } else {
        const double code = X(i, j);
        if (!(code >= 0 && code < static_cast<double>(nb)))
          throw ValueError(cat("KBinsDiscretizer.inverse_transform: X(", i, ", ", j, ") = ", code,
                               " is not a bin of feature ", j, " (0 to ", nb - 1, ")"));
        bin = static_cast<Index>(code);  // truncation, as astype(int64)
      }
      out(i, j) = centers(bin);
    }
    offset += onehot() ? nb : 0;
  }
  return out;
}

std::vector<std::string> KBinsDiscretizer::get_feature_names_out(const std::vector<std::string>& input_features) const {
  const Fitted& s = fitted();
  const auto names = one_to_one_feature_names(class_name, input_features, s.n_features_in);
  if (!onehot()) return names;
  std::vector<std::string> out;
  for (std::size_t j = 0; j < names.size(); ++j)
    for (Index b = 0; b < s.n_bins[j]; ++b)
      out.push_back(cat(names[j], "_", detail::python_float_str(static_cast<double>(b))));
  return out;
}

}  // namespace scilearn::learn

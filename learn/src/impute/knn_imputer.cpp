#include <omp.h>

#include <algorithm>
#include <cmath>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/parallel.hpp>
#include <scilearn/learn/impute/knn_imputer.hpp>

#include "impute/impute_detail.hpp"
#include "metrics/nan_euclidean.hpp"
#include "preprocessing/preprocessing_detail.hpp"

namespace scilearn::learn {

namespace {

// The n_neighbors nearest donors of one missing entry, nearest first; among
// equal distances the lower fit row first (scanned in ascending order, a
// later row displaces only a strictly farther one).
class NearestDonors {
 public:
  explicit NearestDonors(Index k) : k_(k), distance_(static_cast<std::size_t>(k)), row_(static_cast<std::size_t>(k)) {}

  void clear() { size_ = 0; }
  void offer(double d, Index j) {
    Index pos;
    if (size_ < k_) {
      pos = size_++;
    } else if (d < distance_[static_cast<std::size_t>(k_ - 1)]) {
      pos = k_ - 1;
    } else {
      return;
    }
    for (; pos > 0 && distance_[static_cast<std::size_t>(pos - 1)] > d; --pos) {
      distance_[static_cast<std::size_t>(pos)] = distance_[static_cast<std::size_t>(pos - 1)];
      row_[static_cast<std::size_t>(pos)] = row_[static_cast<std::size_t>(pos - 1)];
    }
    distance_[static_cast<std::size_t>(pos)] = d;
    row_[static_cast<std::size_t>(pos)] = j;
  }
  [[nodiscard]] Index size() const { return size_; }
  [[nodiscard]] double distance(Index t) const { return distance_[static_cast<std::size_t>(t)]; }
  [[nodiscard]] Index row(Index t) const { return row_[static_cast<std::size_t>(t)]; }

 private:
  Index k_, size_ = 0;
  std::vector<double> distance_;
  std::vector<Index> row_;
};

// The donors' average, as scikit-learn's _calc_impute: uniform, or weights
// 1 / d, except that donors at distance 0, when there are, count alone and
// equally (neighbors' _get_weights).
double average(const NearestDonors& donors, const Matrix& fit_X, Index c, KNNImputerWeights weights) {
  const Index m = donors.size();
  double sum = 0, weight_sum = 0;
  if (weights == KNNImputerWeights::uniform || donors.distance(0) == 0.0) {
    for (Index t = 0; t < m; ++t) {
      if (weights == KNNImputerWeights::distance && donors.distance(t) != 0.0) break;  // sorted: zeros first
      sum += fit_X(donors.row(t), c);
      weight_sum += 1.0;
    }
  } else {
    for (Index t = 0; t < m; ++t) {
      const double w = 1.0 / donors.distance(t);
      sum += fit_X(donors.row(t), c) * w;
      weight_sum += w;
    }
  }
  return sum / weight_sum;
}

}  // namespace

KNNImputer::Fitted KNNImputer::learn(const MatrixView& X, const VectorView*, const VectorView* sample_weight) const {
  detail::reject_sample_weight(class_name, sample_weight);
  if (params_.n_neighbors < 1)
    throw ValueError(cat("KNNImputer.fit: n_neighbors must be >= 1, got ", params_.n_neighbors));
  detail::check_no_nan_unless_placeholder("KNNImputer.fit", X, params_.missing_values);
  Fitted out;
  out.n_features_in = X.cols();
  out.fit_X = X;
  out.add_indicator = params_.add_indicator;
  if (out.add_indicator) out.indicator_features = detail::features_with_missing(X, params_.missing_values);
  return out;
}

void KNNImputer::check_fitted(const Fitted& s) {
  if (s.fit_X.cols() != s.n_features_in || s.fit_X.rows() < 1)
    throw ValueError(cat("fit_X is ", s.fit_X.rows(), "x", s.fit_X.cols(), " for ", s.n_features_in, " features"));
  detail::check_indicator_features(s.indicator_features, s.n_features_in);
}

Matrix KNNImputer::transform(const MatrixView& X) const {
  const Fitted& state = check_input("transform", X);
  const double missing = params_.missing_values;
  detail::check_no_nan_unless_placeholder("KNNImputer.transform", X, missing);
  if (params_.n_neighbors < 1)
    throw ValueError(cat("KNNImputer.transform: n_neighbors must be >= 1, got ", params_.n_neighbors));
  const Matrix& fit_X = state.fit_X;
  const Index n = X.rows(), p = X.cols(), n_fit = fit_X.rows();

  // Features with a present value in fit (scikit-learn's _valid_mask), and
  // their means over those values (for entries with no donor at a defined distance).
  std::vector<char> valid(static_cast<std::size_t>(p), 0);
  Vector column_mean = Vector::Zero(p);
  for (Index c = 0; c < p; ++c) {
    double sum = 0;
    Index count = 0;
    for (Index j = 0; j < n_fit; ++j)
      if (!detail::is_missing(fit_X(j, c), missing)) {
        sum += fit_X(j, c);
        ++count;
      }
    valid[static_cast<std::size_t>(c)] = count > 0;
    if (count > 0) column_mean(c) = sum / static_cast<double>(count);
  }

  // The receivers: rows with a missing value in a valid feature.
  std::vector<Index> receivers;
  for (Index i = 0; i < n; ++i)
    for (Index c = 0; c < p; ++c)
      if (valid[static_cast<std::size_t>(c)] && detail::is_missing(X(i, c), missing)) {
        receivers.push_back(i);
        break;
      }

  Matrix imputed = X;
  if (!receivers.empty()) {
    const detail::NanEuclideanReference reference(fit_X, missing);
    const Index n_receivers = static_cast<Index>(receivers.size()), block = reference.block_rows();
    const Index n_blocks = (n_receivers + block - 1) / block;
    const Index k = std::min(params_.n_neighbors, n_fit);  // more would never fill (and could exhaust memory)
    const KNNImputerWeights weights = params_.weights;
    const BlasThreadLimit one_blas_thread(1);
#pragma omp parallel if (n_blocks > 1 && n_receivers * n_fit * p >= 200'000)
    {
      detail::NanEuclideanWorkspace ws;
      Matrix D;
      NearestDonors donors(k);
#pragma omp for schedule(dynamic, 1)
      for (Index t = 0; t < n_blocks; ++t) {
        const Index start = t * block, b = std::min(block, n_receivers - start);
        const Index* rows = receivers.data() + start;
        reference.distances(X, rows, b, /*squared=*/false, ws, D);
        for (Index r = 0; r < b; ++r) {
          const Index i = rows[r];
          const double* d = D.col(r).data();
          for (Index c = 0; c < p; ++c) {
            if (!valid[static_cast<std::size_t>(c)] || !detail::is_missing(X(i, c), missing)) continue;
            donors.clear();
            for (Index j = 0; j < n_fit; ++j)
              if (reference.present(j, c) && !std::isnan(d[j])) donors.offer(d[j], j);
            imputed(i, c) = donors.size() == 0 ? column_mean(c) : average(donors, fit_X, c, weights);
          }
        }
      }
    }
  }

  const Index n_indicator = state.add_indicator ? static_cast<Index>(state.indicator_features.size()) : 0;
  Index n_kept = 0;
  for (Index c = 0; c < p; ++c) n_kept += params_.keep_empty_features || valid[static_cast<std::size_t>(c)];
  Matrix out(n, n_kept + n_indicator);
  for (Index c = 0, k = 0; c < p; ++c) {
    if (valid[static_cast<std::size_t>(c)])
      out.col(k++) = imputed.col(c);
    else if (params_.keep_empty_features)
      out.col(k++).setZero();
  }
  if (n_indicator > 0) detail::indicator_columns(X, state.indicator_features, missing, out.rightCols(n_indicator));
  return out;
}

std::vector<std::string> KNNImputer::get_feature_names_out(const std::vector<std::string>& input_features) const {
  const Fitted& state = fitted();
  const auto names = one_to_one_feature_names(class_name, input_features, state.n_features_in);
  std::vector<std::string> out;
  for (Index c = 0; c < state.n_features_in; ++c) {
    bool present = false;
    for (Index j = 0; j < state.fit_X.rows() && !present; ++j)
      present = !detail::is_missing(state.fit_X(j, c), params_.missing_values);
    if (present || params_.keep_empty_features) out.push_back(names[static_cast<std::size_t>(c)]);
  }
  if (state.add_indicator)
    for (auto& name : detail::indicator_feature_names(names, state.indicator_features)) out.push_back(std::move(name));
  return out;
}

MissingIndicator KNNImputer::indicator() const {
  const Fitted& state = fitted();
  if (!state.add_indicator) throw ValueError("KNNImputer.indicator: fitted without add_indicator (indicator_ is None)");
  return MissingIndicator::from_fitted(
      {.missing_values = params_.missing_values, .features = MissingFeatures::missing_only, .error_on_new = false},
      {.n_features_in = state.n_features_in, .features = state.indicator_features});
}

}  // namespace scilearn::learn

#include <cmath>
#include <limits>
#include <scilearn/gpu/device_array.hpp>
#include <scilearn/gpu/primitives.hpp>
#include <scilearn/learn/preprocessing/standard_scaler.hpp>
#include <vector>

#include "base/memory.hpp"
#include "preprocessing_detail.hpp"

namespace scilearn::learn {

namespace {

// Weighted count, mean and sum of squared deviations of one column, NaN
// entries skipped. Two passes with the correction term of Chan, Golub &
// LeVeque (1983), so the sum of squares is accurate even for a large mean.
struct ColumnMoments {
  double count = 0, mean = 0, m2 = 0;
};

// NaN entries count with weight 0; the reductions are vectorized (their
// order differs from a plain loop's only in rounding).
template <bool weighted>
ColumnMoments column_moments(const double* x, Index n, const double* w) {
  const auto weight = [&](Index i) { return x[i] == x[i] ? (weighted ? w[i] : 1.0) : 0.0; };
  const auto value = [&](Index i) { return x[i] == x[i] ? x[i] : 0.0; };
  ColumnMoments m;
  double count = 0, sum = 0;
#pragma omp simd reduction(+ : count, sum)
  for (Index i = 0; i < n; ++i) {
    count += weight(i);
    sum += weight(i) * value(i);
  }
  m.count = count;
  if (count == 0) return m;
  m.mean = sum / count;
  double squares = 0, correction = 0;
#pragma omp simd reduction(+ : squares, correction)
  for (Index i = 0; i < n; ++i) {
    const double d = value(i) - m.mean;  // NaN entries: finite, and weighted 0
    squares += weight(i) * d * d;
    correction += weight(i) * d;
  }
  m.m2 = std::max(squares - correction * correction / count, 0.0);
  return m;
}

ColumnMoments column_moments(const double* x, Index n, const double* w) {
  if (w) return column_moments<true>(x, n, w);
  // Without weights or NaN (the sum says which), Eigen's reductions are twice
  // as fast as the masked loop.
  const Eigen::Map<const Eigen::ArrayXd> column(x, n);
  const double sum = column.sum();
  if (std::isnan(sum)) return column_moments<false>(x, n, w);
  ColumnMoments m{static_cast<double>(n), sum / static_cast<double>(n), 0};
  const double squares = (column - m.mean).square().sum(), correction = (column - m.mean).sum();
  m.m2 = std::max(squares - correction * correction / m.count, 0.0);
  return m;
}

// Every column's moments at once on the device (finite, unweighted data).
std::vector<ColumnMoments> device_moments(const MatrixView& X) {
  const auto dX = gpu::DeviceMatrix<double>::from_host(X);
  const Vector mean = gpu::mean(dX, 0).to_host(), var = gpu::var(dX, 0).to_host();
  const auto n = static_cast<double>(X.rows());
  std::vector<ColumnMoments> out(static_cast<std::size_t>(X.cols()));
  for (Index j = 0; j < X.cols(); ++j) out[static_cast<std::size_t>(j)] = {n, mean(j), var(j) * n};
  return out;
}

}  // namespace

StandardScaler::Fitted StandardScaler::learn(const MatrixView& X, const VectorView*,
                                             const VectorView* sample_weight) const {
  return update(nullptr, X, sample_weight);
}

StandardScaler& StandardScaler::partial_fit(const MatrixView& X, const VectorView& sample_weight) {
  const std::string where = "StandardScaler.partial_fit";
  check_X(where, X, /*allow_nan=*/true);
  check_sample_weight(where, sample_weight, X.rows());
  if (fitted_) check_n_features(class_name, X, fitted_->n_features_in);
  fitted_ = update(fitted_ ? &*fitted_ : nullptr, X, sample_weight.size() ? &sample_weight : nullptr);
  return *this;
}

StandardScaler::Fitted StandardScaler::update(const Fitted* previous, const MatrixView& X,
                                              const VectorView* sample_weight) const {
  const Index p = X.cols(), n = X.rows();
  Fitted out;
  out.n_features_in = p;
  out.n_samples_seen = previous ? previous->n_samples_seen : Vector::Zero(p);
  const bool moments = params_.with_mean || params_.with_std;
  Vector mean = previous && previous->mean.size() ? previous->mean : Vector::Zero(p);
  Vector var = previous && previous->var.size() ? previous->var : Vector::Zero(p);
  const double* w = sample_weight ? sample_weight->data() : nullptr;
  const std::vector<ColumnMoments> batches = moments && params_.device == Device::gpu && !w && X.allFinite()
                                                 ? device_moments(X)
                                                 : std::vector<ColumnMoments>();
  // Each column is independent, so the result does not depend on the thread count.
#pragma omp parallel for schedule(static) if (n * p > 100000)
  for (Index j = 0; j < p; ++j) {
    const ColumnMoments batch = batches.empty() ? column_moments(X.col(j).data(), n, w) : batches[j];
    const double seen = out.n_samples_seen(j), total = seen + batch.count;
    if (batch.count > 0 && moments) {
      // Pairwise combination of (seen, mean, m2) with the batch's moments.
      const double delta = batch.mean - mean(j);
      const double m2 = var(j) * seen + batch.m2 + delta * delta * seen * batch.count / total;
      mean(j) += delta * batch.count / total;
      var(j) = m2 / total;
    }
    out.n_samples_seen(j) = total;
  }
  if (moments) out.mean = std::move(mean);
  if (params_.with_std) {
    // scikit-learn's _is_constant_feature: a variance below the rounding
    // bound of the two-pass algorithm is treated as zero (scale 1).
    const double eps = std::numeric_limits<double>::epsilon();
    out.scale = var.cwiseSqrt();
    for (Index j = 0; j < p; ++j) {
      const double count = out.n_samples_seen(j);
      const double bound = count * eps * var(j) + std::pow(count * out.mean(j) * eps, 2);
      if (var(j) <= bound || out.scale(j) == 0) out.scale(j) = 1.0;
    }
    out.var = std::move(var);
  }
  return out;
}

void StandardScaler::check_fitted(const Fitted& s) {
  const Index p = s.n_features_in;
  for (const Vector* v : {&s.mean, &s.var, &s.scale})
    if (v->size() != 0 && v->size() != p) throw ValueError("statistics and n_features_in disagree");
  if (s.n_samples_seen.size() != p) throw ValueError("n_samples_seen and n_features_in disagree");
}

Matrix StandardScaler::transform(const MatrixView& X) const { return standardize(check_input("transform", X), X); }

Matrix StandardScaler::fit_transform(const MatrixView& X, const VectorView& y, const VectorView& sample_weight) {
  fit_impl(X, y.size() ? &y : nullptr, sample_weight.size() ? &sample_weight : nullptr);
  return standardize(*fitted_, X);
}

Matrix StandardScaler::standardize(const Fitted& state, const MatrixView& X) const {
  Matrix Z(X.rows(), X.cols());
  detail::advise_huge_pages(Z.data(), static_cast<std::size_t>(Z.size()) * sizeof(double));
  const bool center = params_.with_mean, scale = params_.with_std;
#pragma omp parallel for schedule(static) if (X.size() > 100000)
  for (Index j = 0; j < X.cols(); ++j) {
    const double shift = center ? state.mean(j) : 0.0;
    const double divisor = scale ? state.scale(j) : 1.0;
    Z.col(j) = (X.col(j).array() - shift) / divisor;
  }
  return Z;
}

Matrix StandardScaler::inverse_transform(const MatrixView& X) const {
  const Fitted& state = check_input("inverse_transform", X);
  Matrix out(X.rows(), X.cols());
  const bool center = params_.with_mean, scale = params_.with_std;
#pragma omp parallel for schedule(static) if (X.size() > 100000)
  for (Index j = 0; j < X.cols(); ++j)
    out.col(j) = X.col(j).array() * (scale ? state.scale(j) : 1.0) + (center ? state.mean(j) : 0.0);
  return out;
}

std::vector<std::string> StandardScaler::get_feature_names_out(const std::vector<std::string>& input_features) const {
  return one_to_one_feature_names(class_name, input_features, fitted().n_features_in);
}

}  // namespace scilearn::learn

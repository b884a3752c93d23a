// What the naive Bayes classifiers share: labels, the normalization of the
// joint log-likelihood, and (for the discrete ones) smoothing, priors and
// counting by class.
#include <omp.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <scilearn/core/parallel.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn/naive_bayes/discrete_nb.hpp>
#include <scilearn/learn/naive_bayes/naive_bayes_base.hpp>
#include <string>

#include "metrics/label_utils.hpp"

namespace scilearn::learn::detail {

[[noreturn]] void throw_continuous(std::string_view where, double v) {
  throw ValueError(cat(where,
                       ": Unknown label type: continuous. Maybe you are trying to fit a classifier, which expects "
                       "discrete classes on a regression target with continuous values (got y = ",
                       v, ")"));
}

namespace {

// Labels that are integers in a range of at most this many values are
// handled with a table indexed by label - min (the common case: 0 .. K-1,
// or -1 / 1): one branch-free pass, no search.
constexpr double kTableRange = 1 << 16;

}  // namespace

Vector nb_classes(std::string_view where, const VectorView& labels) {
  const Index n = labels.size();
  if (n == 0) return {};
  double low = labels(0), high = labels(0);
  bool integral = true;
  for (Index i = 0; i < n; ++i) {
    const double v = labels(i);
    low = v < low ? v : low;
    high = v > high ? v : high;
    integral = integral && v == std::round(v);
  }
  if (!integral)
    for (Index i = 0; i < n; ++i)
      if (labels(i) != std::round(labels(i))) throw_continuous(where, labels(i));
  std::vector<double> v;
  if (high - low < kTableRange) {
    std::vector<std::uint8_t> present(static_cast<std::size_t>(high - low) + 1, 0);
    for (Index i = 0; i < n; ++i) present[static_cast<std::size_t>(labels(i) - low)] = 1;
    for (std::size_t k = 0; k < present.size(); ++k)
      if (present[k]) v.push_back(low + static_cast<double>(k));
  } else {
    v.assign(labels.data(), labels.data() + n);
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
  }
  return Eigen::Map<const Vector>(v.data(), static_cast<Index>(v.size()));
}

void nb_check_classes(const Vector& classes) {
  if (!classes.allFinite()) throw ValueError("classes must be finite");
  for (Index k = 1; k < classes.size(); ++k)
    if (!(classes(k) > classes(k - 1))) throw ValueError("classes must be strictly increasing");
}

std::vector<Index> nb_codes(const Vector& classes, const VectorView& y) {
  std::vector<Index> codes(static_cast<std::size_t>(y.size()));
  const Index K = classes.size();
  const double* begin = classes.data();
  const double* end = begin + K;
  const auto search = [&](double label) -> Index {
    const double* at = std::lower_bound(begin, end, label);
    return at != end && *at == label ? at - begin : -1;
  };
  const bool table =
      K > 0 && classes(K - 1) - classes(0) < kTableRange && (classes.array() == classes.array().round()).all();
  if (!table) {
    for (Index i = 0; i < y.size(); ++i) codes[static_cast<std::size_t>(i)] = search(y(i));
    return codes;
  }
  const double low = classes(0);
  std::vector<Index> code_of(static_cast<std::size_t>(classes(K - 1) - low) + 1, -1);
  for (Index k = 0; k < K; ++k) code_of[static_cast<std::size_t>(classes(k) - low)] = k;
  const auto range = static_cast<double>(code_of.size());
  for (Index i = 0; i < y.size(); ++i) {
    const double offset = y(i) - low;
    codes[static_cast<std::size_t>(i)] = offset >= 0 && offset < range && offset == std::floor(offset)
                                             ? code_of[static_cast<std::size_t>(offset)]
                                             : search(y(i));
  }
  return codes;
}

Matrix nb_log_proba(Matrix jll) {
  const Index n = jll.rows(), K = jll.cols();
  if (K == 0) return jll;
  // Row by row through blocks of rows, vectorized down the columns
  // (jll is column-major): top, then sum of exp(jll - top), then subtract.
  constexpr Index block = 256;
  Vector top(block), sum(block);
  for (Index start = 0; start < n; start += block) {
    const Index m = std::min(block, n - start);
    auto rows = jll.middleRows(start, m);
    auto t = top.head(m).array();
    auto s = sum.head(m).array();
    t = rows.col(0).array();
    for (Index k = 1; k < K; ++k) t = t.max(rows.col(k).array());
    // scipy's logsumexp: a row whose largest entry is not finite is shifted by 0.
    t = t.isFinite().select(t, 0.0);
    s.setZero();
    for (Index k = 0; k < K; ++k) s += (rows.col(k).array() - t).exp();
    t += s.log();
    rows.array().colwise() -= t;
  }
  return jll;
}

Matrix nb_proba(Matrix jll) {
  const Index n = jll.rows(), K = jll.cols();
  constexpr Index block = 256;
  Vector top(block), sum(block);
  for (Index start = 0; start < n; start += block) {
    const Index m = std::min(block, n - start);
    auto rows = jll.middleRows(start, m);
    auto t = top.head(m).array();
    auto s = sum.head(m).array();
    t = rows.col(0).array();
    for (Index k = 1; k < K; ++k) t = t.max(rows.col(k).array());
    t = t.isFinite().select(t, 0.0);
    s.setZero();
    for (Index k = 0; k < K; ++k) {
      rows.col(k).array() = (rows.col(k).array() - t).exp();
      s += rows.col(k).array();
    }
    s = s.inverse();
    rows.array().colwise() *= s;
  }
  return jll;
}

Vector nb_argmax(const Matrix& jll, const Vector& classes) {
  Vector labels(jll.rows());
  for (Index i = 0; i < jll.rows(); ++i) {
    Index best = 0;
    double value = jll(i, 0);
    // numpy's argmax: the first largest; a NaN wins (as the largest).
    for (Index k = 1; k < jll.cols() && !std::isnan(value); ++k)
      if (jll(i, k) > value || std::isnan(jll(i, k))) {
        best = k;
        value = jll(i, k);
      }
    labels(i) = classes(best);
  }
  return labels;
}

Vector nb_partial_fit_classes(std::string_view where, const VectorView& classes, const Vector* fitted_classes) {
  if (!fitted_classes) {
    if (classes.size() == 0) throw ValueError(cat(where, ": classes must be passed on the first call to partial_fit."));
    return nb_classes(where, classes);
  }
  if (classes.size() != 0) {
    const Vector given = nb_classes(where, classes);
    if (given.size() != fitted_classes->size() || given != *fitted_classes)
      throw ValueError(
          cat(where, ": `classes=", labels_text(Labels(given.data(), given.data() + given.size())),
              "` is not the same as on last call to partial_fit, was: ",
              labels_text(Labels(fitted_classes->data(), fitted_classes->data() + fitted_classes->size()))));
  }
  return *fitted_classes;
}

double nb_alpha(std::string_view estimator, double alpha, bool force_alpha) {
  if (!(alpha >= 0))
    throw ValueError(cat("The 'alpha' parameter of ", estimator, " must be a float in the range [0.0, inf). Got ",
                         alpha, " instead."));
  constexpr double lower = 1e-10;
  if (alpha < lower && !force_alpha) {
    warn(WarningCategory::user,
         "alpha too small will result in numeric errors, setting alpha = 1.0e-10. Use `force_alpha=True` to keep "
         "alpha unchanged.");
    return lower;
  }
  return alpha;
}

Vector nb_class_log_prior(const std::optional<std::vector<double>>& class_prior, bool fit_prior,
                          const Vector& class_count) {
  const Index K = class_count.size();
  if (class_prior) {
    if (static_cast<Index>(class_prior->size()) != K)
      throw ValueError(
          cat("Number of priors must match number of classes (", class_prior->size(), " priors, ", K, " classes)."));
    return Eigen::Map<const Vector>(class_prior->data(), K).array().log();
  }
  if (fit_prior) return class_count.array().log() - std::log(class_count.sum());
  return Vector::Constant(K, -std::log(static_cast<double>(K)));
}

NBCountCheck nb_count(const MatrixView& X, const std::vector<Index>& codes, const VectorView* sample_weight,
                      const double* threshold, Matrix& feature_count, Vector& class_count) {
  const Index n = X.rows(), p = X.cols(), K = class_count.size();
  // 32-bit codes (a quarter of the memory traffic of re-reading them for
  // every column); a row outside the classes counts in class 0 with weight 0.
  std::vector<std::int32_t> code(static_cast<std::size_t>(n));
  Vector weight = sample_weight ? Vector(*sample_weight) : Vector::Ones(n);
  for (Index i = 0; i < n; ++i) {
    const Index c = codes[static_cast<std::size_t>(i)];
    code[static_cast<std::size_t>(i)] = static_cast<std::int32_t>(std::max<Index>(c, 0));
    if (c < 0) weight(i) = 0;
    if (c >= 0) class_count(c) += weight(i);
  }
  std::vector<double> column_min(static_cast<std::size_t>(p)), column_probe(static_cast<std::size_t>(p));
  // Four banks of K sums, row i in bank i % 4: consecutive rows of one class
  // do not wait on each other's addition. Each column's banks are added in a
  // fixed order. The same pass takes the column's minimum and a probe, the
  // sum of x * 0, which is NaN when some x is NaN or infinite.
#pragma omp parallel for schedule(static)
  for (Index j = 0; j < p; ++j) {
    const auto Ks = static_cast<std::size_t>(K);
    std::vector<double> bank(4 * Ks, 0.0);
    const double* x = X.col(j).data();
    const double* w = weight.data();
    const std::int32_t* c = code.data();
    const double t = threshold ? *threshold : 0.0;
    double low = std::numeric_limits<double>::infinity(), probe = 0;
    if (threshold) {
      for (Index i = 0; i < n; ++i) {
        const double xi = x[i];
        low = xi < low ? xi : low;
        probe += xi * 0.0;
        bank[static_cast<std::size_t>(i & 3) * Ks + static_cast<std::size_t>(c[i])] += xi > t ? w[i] : 0.0;
      }
    } else {
      for (Index i = 0; i < n; ++i) {
        const double xi = x[i];
        low = xi < low ? xi : low;
        probe += xi * 0.0;
        bank[static_cast<std::size_t>(i & 3) * Ks + static_cast<std::size_t>(c[i])] += w[i] * xi;
      }
    }
    for (std::size_t k = 0; k < Ks; ++k)
      feature_count(static_cast<Index>(k), j) += (bank[k] + bank[Ks + k]) + (bank[2 * Ks + k] + bank[3 * Ks + k]);
    column_min[static_cast<std::size_t>(j)] = low;
    column_probe[static_cast<std::size_t>(j)] = probe;
  }
  NBCountCheck seen{std::numeric_limits<double>::infinity(), true};
  for (Index j = 0; j < p; ++j) {
    seen.min = std::min(seen.min, column_min[static_cast<std::size_t>(j)]);
    seen.finite = seen.finite && column_probe[static_cast<std::size_t>(j)] == 0;
  }
  return seen;
}

Matrix nb_linear_jll(const MatrixView& X, const Matrix& W, const Vector& bias, const double* threshold) {
  const Index n = X.rows();
  Matrix jll(n, W.rows());
  // Blocks of about 2 MiB of X (so that a binarized block stays in cache),
  // their bounds fixed by the shape alone: every thread count computes each
  // entry with the same GEMM.
  const Index block = std::clamp<Index>((Index{1} << 18) / std::max<Index>(X.cols(), 1), 64, 16384);
  const Index n_blocks = (n + block - 1) / block;
  const int threads = static_cast<int>(std::max<Index>(1, std::min<Index>(omp_get_max_threads(), n_blocks)));
  const BlasThreadLimit limit(1);
#pragma omp parallel num_threads(threads)
  {
    Matrix scratch;
#pragma omp for schedule(static)
    for (Index b = 0; b < n_blocks; ++b) {
      const Index start = b * block, m = std::min(block, n - start);
      if (threshold) {
        scratch = (X.middleRows(start, m).array() > *threshold).cast<double>();
        jll.middleRows(start, m).noalias() = scratch * W.transpose();
      } else {
        jll.middleRows(start, m).noalias() = X.middleRows(start, m) * W.transpose();
      }
    }
  }
  jll.rowwise() += bias.transpose();
  return jll;
}

}  // namespace scilearn::learn::detail

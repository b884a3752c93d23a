#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/core/validation.hpp>
#include <scilearn/learn/metrics/cluster.hpp>
#include <scilearn/learn/metrics/pairwise.hpp>
#include <vector>

#include "metrics/pairwise_detail.hpp"

namespace scilearn::learn {

namespace {

__extension__ typedef __int128 int128;  // exact products of pair counts (n^4 overflows 64 bits)

constexpr double kEps = std::numeric_limits<double>::epsilon();

// Labels as codes 0..n_labels-1 in increasing order of value, with the size
// of each label (scikit-learn's np.unique(..., return_inverse=True)).
struct Encoded {
  std::vector<Index> codes;
  std::vector<std::int64_t> counts;
  [[nodiscard]] Index n_labels() const { return static_cast<Index>(counts.size()); }
};

Encoded encode(const VectorView& labels) {
  const Index n = labels.size();
  std::vector<Index> order(static_cast<std::size_t>(n));
  std::iota(order.begin(), order.end(), Index{0});
  std::sort(order.begin(), order.end(), [&](Index a, Index b) { return labels(a) < labels(b); });
  Encoded e;
  e.codes.resize(static_cast<std::size_t>(n));
  for (Index r = 0; r < n; ++r) {
    const Index i = order[static_cast<std::size_t>(r)];
    if (r == 0 || labels(i) != labels(order[static_cast<std::size_t>(r - 1)])) e.counts.push_back(0);
    e.codes[static_cast<std::size_t>(i)] = static_cast<Index>(e.counts.size()) - 1;
    ++e.counts.back();
  }
  return e;
}

// The non-zero cells of the contingency table with the row and column sums.
struct Contingency {
  std::vector<std::int64_t> a, b;  // class sizes (rows), cluster sizes (columns)
  struct Cell {
    Index row, col;
    std::int64_t count;
  };
  std::vector<Cell> cells;
  std::int64_t n = 0;
};

void check_clusterings(std::string_view where, const VectorView& labels_true, const VectorView& labels_pred) {
  check_same_length(where, "labels_true", labels_true.size(), "labels_pred", labels_pred.size());
  check_finite(where, "labels_true", labels_true);
  check_finite(where, "labels_pred", labels_pred);
}

Contingency contingency(const VectorView& labels_true, const VectorView& labels_pred) {
  const Encoded t = encode(labels_true), p = encode(labels_pred);
  Contingency c;
  c.a = t.counts;
  c.b = p.counts;
  c.n = labels_true.size();
  std::vector<Index> keys(static_cast<std::size_t>(c.n));
  const Index k = p.n_labels();
  for (std::size_t i = 0; i < keys.size(); ++i) keys[i] = t.codes[i] * k + p.codes[i];
  std::sort(keys.begin(), keys.end());
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (i == 0 || keys[i] != keys[i - 1]) c.cells.push_back({keys[i] / k, keys[i] % k, 0});
    ++c.cells.back().count;
  }
  return c;
}

// The mutual information of a table: per cell n_ij/N (log n_ij - log N) +
// n_ij/N (log N + log N - log(a_i b_j)), terms below machine epsilon dropped
// and the sum clipped at 0, as scikit-learn.
double mutual_info(const Contingency& c) {
  if (c.a.size() == 1 || c.b.size() == 1) return 0.0;
  const double n = static_cast<double>(c.n), log_n = std::log(n);
  double mi = 0;
  for (const auto& cell : c.cells) {
    const double nij = static_cast<double>(cell.count), p = nij / n;
    const double outer = static_cast<double>(c.a[static_cast<std::size_t>(cell.row)]) *
                         static_cast<double>(c.b[static_cast<std::size_t>(cell.col)]);
    const double term = p * (std::log(nij) - log_n) + p * (-std::log(outer) + log_n + log_n);
    if (std::abs(term) >= kEps) mi += term;
  }
  return std::max(mi, 0.0);
}

// Entropy of a labeling from its label sizes; 1.0 for no samples (scikit-learn's _entropy).
double entropy(const std::vector<std::int64_t>& counts) {
  if (counts.empty()) return 1.0;
  if (counts.size() == 1) return 0.0;
  double total = 0;
  for (auto v : counts) total += static_cast<double>(v);
  const double log_total = std::log(total);
  double h = 0;
  for (auto v : counts) {
    const double pi = static_cast<double>(v);
    h += pi / total * (std::log(pi) - log_total);
  }
  return -h;
}

// Expected mutual information of two random labelings with the table's
// margins (Vinh, Epps & Bailey 2010, eq. 24a), each hypergeometric
// probability in log space through lgamma.
double expected_mutual_info(const Contingency& c) {
  if (c.a.size() == 1 || c.b.size() == 1) return 0.0;
  const std::int64_t n = c.n;
  const std::int64_t top =
      std::max(*std::max_element(c.a.begin(), c.a.end()), *std::max_element(c.b.begin(), c.b.end()));
  std::vector<double> term1(static_cast<std::size_t>(top + 1)), log_nnij(term1.size()), gln_nnij(term1.size());
  const double nd = static_cast<double>(n), gln_n1 = std::lgamma(nd + 1);
  for (std::int64_t v = 0; v <= top; ++v) {
    const double nij = v == 0 ? 1.0 : static_cast<double>(v);  // entry 0 is never used
    term1[static_cast<std::size_t>(v)] = nij / nd;
    log_nnij[static_cast<std::size_t>(v)] = std::log(nd) + std::log(nij);
    gln_nnij[static_cast<std::size_t>(v)] = std::lgamma(nij + 1) + gln_n1;
  }
  double emi = 0;
  for (const std::int64_t ai : c.a) {
    const double ad = static_cast<double>(ai), log_a = std::log(ad);
    const double gln_a = std::lgamma(ad + 1), gln_na = std::lgamma(nd - ad + 1);
    for (const std::int64_t bj : c.b) {
      const double bd = static_cast<double>(bj), log_b = std::log(bd);
      const double gln_b = std::lgamma(bd + 1), gln_nb = std::lgamma(nd - bd + 1);
      const std::int64_t start = std::max<std::int64_t>(1, ai - n + bj), end = std::min(ai, bj) + 1;
      for (std::int64_t v = start; v < end; ++v) {
        const auto s = static_cast<std::size_t>(v);
        const double term2 = log_nnij[s] - log_a - log_b;
        const double gln = gln_a + gln_b + gln_na + gln_nb - gln_nnij[s] -
                           std::lgamma(static_cast<double>(ai - v + 1)) - std::lgamma(static_cast<double>(bj - v + 1)) -
                           std::lgamma(static_cast<double>(n - ai - bj + v + 1));
        emi += term1[s] * term2 * std::exp(gln);
      }
    }
  }
  return emi;
}

double generalized_average(double u, double v, AverageMethod method) {
  switch (method) {
    case AverageMethod::min: return std::min(u, v);
    case AverageMethod::geometric: return std::sqrt(u * v);
    case AverageMethod::arithmetic: return (u + v) / 2;
    case AverageMethod::max: return std::max(u, v);
  }
  return (u + v) / 2;
}

}  // namespace

Matrix contingency_matrix(const VectorView& labels_true, const VectorView& labels_pred, std::optional<double> eps) {
  check_clusterings("contingency_matrix", labels_true, labels_pred);
  const Contingency c = contingency(labels_true, labels_pred);
  Matrix out = Matrix::Zero(static_cast<Index>(c.a.size()), static_cast<Index>(c.b.size()));
  for (const auto& cell : c.cells) out(cell.row, cell.col) = static_cast<double>(cell.count);
  if (eps) out.array() += *eps;
  return out;
}

Eigen::Matrix<std::int64_t, 2, 2> pair_confusion_matrix(const VectorView& labels_true, const VectorView& labels_pred) {
  check_clusterings("pair_confusion_matrix", labels_true, labels_pred);
  const Contingency c = contingency(labels_true, labels_pred);
  std::int64_t squares = 0, with_b = 0, with_a = 0;
  for (const auto& cell : c.cells) {
    squares += cell.count * cell.count;
    with_b += cell.count * c.b[static_cast<std::size_t>(cell.col)];
    with_a += cell.count * c.a[static_cast<std::size_t>(cell.row)];
  }
  Eigen::Matrix<std::int64_t, 2, 2> C;
  C(1, 1) = squares - c.n;
  C(0, 1) = with_b - squares;
  C(1, 0) = with_a - squares;
  C(0, 0) = c.n * c.n - C(0, 1) - C(1, 0) - squares;
  return C;
}

double mutual_info_score(const VectorView& labels_true, const VectorView& labels_pred) {
  check_clusterings("mutual_info_score", labels_true, labels_pred);
  return mutual_info(contingency(labels_true, labels_pred));
}

double mutual_info_score(const MatrixView& table) {
  constexpr std::string_view where = "mutual_info_score";
  check_finite(where, "contingency", table);
  Contingency c;
  c.a.assign(static_cast<std::size_t>(table.rows()), 0);
  c.b.assign(static_cast<std::size_t>(table.cols()), 0);
  for (Index j = 0; j < table.cols(); ++j) {
    for (Index i = 0; i < table.rows(); ++i) {
      const double v = table(i, j);
      if (v < 0 || v != std::floor(v))
        throw ValueError(cat(where, ": the contingency matrix must hold non-negative integer counts, but entry (", i,
                             ", ", j, ") is ", v));
      if (v == 0) continue;
      const auto count = static_cast<std::int64_t>(v);
      c.cells.push_back({i, j, count});
      c.a[static_cast<std::size_t>(i)] += count;
      c.b[static_cast<std::size_t>(j)] += count;
      c.n += count;
    }
  }
  return mutual_info(c);
}

double adjusted_mutual_info_score(const VectorView& labels_true, const VectorView& labels_pred,
                                  AverageMethod average_method) {
  check_clusterings("adjusted_mutual_info_score", labels_true, labels_pred);
  const Contingency c = contingency(labels_true, labels_pred);
  const std::size_t classes = c.a.size(), clusters = c.b.size();
  if ((classes == 1 && clusters == 1) || (classes == 0 && clusters == 0)) return 1.0;
  if (classes == 1 || clusters == 1) return 0.0;
  const double mi = mutual_info(c), emi = expected_mutual_info(c);
  const double normalizer = generalized_average(entropy(c.a), entropy(c.b), average_method);
  // Keep both differences away from 0 with their sign, as scikit-learn.
  double denominator = normalizer - emi;
  denominator = denominator < 0 ? std::min(denominator, -kEps) : std::max(denominator, kEps);
  double numerator = mi - emi;
  numerator = numerator < 0 ? std::min(numerator, -kEps) : std::max(numerator, kEps);
  return numerator / denominator;
}

double normalized_mutual_info_score(const VectorView& labels_true, const VectorView& labels_pred,
                                    AverageMethod average_method) {
  check_clusterings("normalized_mutual_info_score", labels_true, labels_pred);
  const Contingency c = contingency(labels_true, labels_pred);
  const std::size_t classes = c.a.size(), clusters = c.b.size();
  if ((classes == 1 && clusters == 1) || (classes == 0 && clusters == 0)) return 1.0;
  const double mi = mutual_info(c);
  if (mi == 0) return 0.0;
  return mi / generalized_average(entropy(c.a), entropy(c.b), average_method);
}

double rand_score(const VectorView& labels_true, const VectorView& labels_pred) {
  const auto C = pair_confusion_matrix(labels_true, labels_pred);
  const std::int64_t numerator = C(0, 0) + C(1, 1), denominator = C.sum();
  if (numerator == denominator || denominator == 0) return 1.0;
  return static_cast<double>(numerator) / static_cast<double>(denominator);
}

double adjusted_rand_score(const VectorView& labels_true, const VectorView& labels_pred) {
  const auto C = pair_confusion_matrix(labels_true, labels_pred);
  const int128 tn = C(0, 0), fp = C(0, 1), fn = C(1, 0), tp = C(1, 1);
  if (fn == 0 && fp == 0) return 1.0;
  const int128 numerator = tp * tn - fn * fp, denominator = (tp + fn) * (fn + tn) + (tp + fp) * (fp + tn);
  return 2.0 * static_cast<double>(numerator) / static_cast<double>(denominator);
}

HomogeneityCompletenessVMeasure homogeneity_completeness_v_measure(const VectorView& labels_true,
                                                                   const VectorView& labels_pred, double beta) {
  constexpr std::string_view where = "homogeneity_completeness_v_measure";
  check_clusterings(where, labels_true, labels_pred);
  if (!(beta >= 0) || !std::isfinite(beta)) throw ValueError(cat(where, ": beta must be non-negative, got ", beta));
  if (labels_true.size() == 0) return {1.0, 1.0, 1.0};
  const Contingency c = contingency(labels_true, labels_pred);
  const double h_true = entropy(c.a), h_pred = entropy(c.b), mi = mutual_info(c);
  const double homogeneity = h_true != 0 ? mi / h_true : 1.0;
  const double completeness = h_pred != 0 ? mi / h_pred : 1.0;
  const double v = homogeneity + completeness == 0.0
                       ? 0.0
                       : (1 + beta) * homogeneity * completeness / (beta * homogeneity + completeness);
  return {homogeneity, completeness, v};
}

double homogeneity_score(const VectorView& labels_true, const VectorView& labels_pred) {
  return homogeneity_completeness_v_measure(labels_true, labels_pred).homogeneity;
}
double completeness_score(const VectorView& labels_true, const VectorView& labels_pred) {
  return homogeneity_completeness_v_measure(labels_true, labels_pred).completeness;
}
double v_measure_score(const VectorView& labels_true, const VectorView& labels_pred, double beta) {
  return homogeneity_completeness_v_measure(labels_true, labels_pred, beta).v_measure;
}

double fowlkes_mallows_score(const VectorView& labels_true, const VectorView& labels_pred) {
  check_clusterings("fowlkes_mallows_score", labels_true, labels_pred);
  const Contingency c = contingency(labels_true, labels_pred);
  std::int64_t tk = -c.n, pk = -c.n, qk = -c.n;
  for (const auto& cell : c.cells) tk += cell.count * cell.count;
  for (auto v : c.b) pk += v * v;
  for (auto v : c.a) qk += v * v;
  if (tk == 0) return 0.0;
  const double t = static_cast<double>(tk);
  return std::sqrt(t / static_cast<double>(pk)) * std::sqrt(t / static_cast<double>(qk));
}

namespace {

// Checks of the internal scores: X and labels agree, and 2 <= k <= n - 1.
Encoded check_internal(std::string_view where, const MatrixView& X, const VectorView& labels) {
  check_X(where, X);
  check_same_length(where, "X", X.rows(), "labels", labels.size());
  check_finite(where, "labels", labels);
  Encoded e = encode(labels);
  if (e.n_labels() < 2 || e.n_labels() > X.rows() - 1)
    throw ValueError(cat(where, ": the number of labels is ", e.n_labels(), "; valid values are 2 to n_samples - 1 (",
                         X.rows() - 1, ") inclusive"));
  return e;
}

// Silhouette of every sample from the sums of its distances to each cluster,
// the distances coming in blocks of rows from `block(start, rows)`.
template <class Block>
Vector silhouette_from_blocks(const Encoded& e, Index n, const Block& block) {
  const Index k = e.n_labels();
  const Index rows_per_block = std::max<Index>(1, (Index{1} << 24) / n);
  Vector out(n);
  Matrix sums;
  for (Index start = 0; start < n; start += rows_per_block) {
    const Index rows = std::min(rows_per_block, n - start);
    const Matrix D = block(start, rows);
    sums.setZero(rows, k);
    for (Index j = 0; j < n; ++j) {
      const Index label = e.codes[static_cast<std::size_t>(j)];
      sums.col(label) += D.col(j);
    }
    for (Index r = 0; r < rows; ++r) {
      const Index own = e.codes[static_cast<std::size_t>(start + r)];
      const auto size = e.counts[static_cast<std::size_t>(own)];
      double inter = std::numeric_limits<double>::infinity();
      for (Index c = 0; c < k; ++c)
        if (c != own) inter = std::min(inter, sums(r, c) / static_cast<double>(e.counts[static_cast<std::size_t>(c)]));
      // A single-sample cluster scores 0 (0 / 0 in the formula, as scikit-learn's nan_to_num).
      if (size == 1) {
        out(start + r) = 0.0;
        continue;
      }
      const double intra = sums(r, own) / static_cast<double>(size - 1);
      const double scale = std::max(intra, inter);
      out(start + r) = scale == 0 ? 0.0 : (inter - intra) / scale;
    }
  }
  return out;
}

Vector silhouette(std::string_view where, const MatrixView& X, const VectorView& labels,
                  const SilhouetteOptions& options) {
  const Encoded e = check_internal(where, X, labels);
  const Index n = X.rows();
  if (options.metric == "precomputed") {
    check_square(where, "the precomputed distance matrix X", X);
    if ((X.array() < 0).any())
      throw ValueError(cat(where, ": the precomputed distance matrix has the negative entry ", X.minCoeff()));
    for (Index i = 0; i < n; ++i)
      if (std::abs(X(i, i)) > 100 * kEps)
        throw ValueError(cat(where, ": the precomputed distance matrix has the non-zero entry ", X(i, i),
                             " on its diagonal at ", i));
    return silhouette_from_blocks(e, n, [&](Index start, Index rows) { return Matrix(X.middleRows(start, rows)); });
  }
  const PairwiseDistancesOptions distance{.metric = options.metric, .p = options.p};
  const bool euclidean = options.metric == "euclidean" || options.metric == "l2";
  return silhouette_from_blocks(e, n, [&](Index start, Index rows) {
    Matrix D = detail::distances(where, X.middleRows(start, rows), X, distance);
    // As scikit-learn's chunked distances: the norm trick's diagonal is set to 0.
    if (euclidean)
      for (Index r = 0; r < rows; ++r) D(r, start + r) = 0.0;
    return D;
  });
}

}  // namespace

Vector silhouette_samples(const MatrixView& X, const VectorView& labels, const SilhouetteOptions& options) {
  return silhouette("silhouette_samples", X, labels, options);
}

double silhouette_score(const MatrixView& X, const VectorView& labels, const SilhouetteOptions& options) {
  constexpr std::string_view where = "silhouette_score";
  if (!options.sample_size) return silhouette(where, X, labels, options).mean();
  check_X(where, X);
  check_same_length(where, "X", X.rows(), "labels", labels.size());
  if (*options.sample_size < 1) throw ValueError(cat(where, ": sample_size must be >= 1, got ", *options.sample_size));
  Generator rng = default_rng(options.random_state);
  const Index n = X.rows(), m = std::min(n, *options.sample_size);
  const Eigen::VectorX<Index> indices = rng.permutation(n).head(m);
  Vector sub_labels(m);
  for (Index r = 0; r < m; ++r) sub_labels(r) = labels(indices(r));
  if (options.metric == "precomputed") {
    check_square(where, "the precomputed distance matrix X", X);
    Matrix sub(m, m);
    for (Index c = 0; c < m; ++c)
      for (Index r = 0; r < m; ++r) sub(r, c) = X(indices(r), indices(c));
    return silhouette(where, sub, sub_labels, options).mean();
  }
  Matrix sub(m, X.cols());
  for (Index r = 0; r < m; ++r) sub.row(r) = X.row(indices(r));
  return silhouette(where, sub, sub_labels, options).mean();
}

double calinski_harabasz_score(const MatrixView& X, const VectorView& labels) {
  const Encoded e = check_internal("calinski_harabasz_score", X, labels);
  const Index n = X.rows(), k = e.n_labels();
  const Eigen::RowVectorXd mean = X.colwise().mean();
  Matrix centroids = Matrix::Zero(k, X.cols());
  for (Index i = 0; i < n; ++i) centroids.row(e.codes[static_cast<std::size_t>(i)]) += X.row(i);
  for (Index c = 0; c < k; ++c) centroids.row(c) /= static_cast<double>(e.counts[static_cast<std::size_t>(c)]);
  double extra = 0, intra = 0;
  for (Index c = 0; c < k; ++c)
    extra += static_cast<double>(e.counts[static_cast<std::size_t>(c)]) * (centroids.row(c) - mean).squaredNorm();
  for (Index i = 0; i < n; ++i) intra += (X.row(i) - centroids.row(e.codes[static_cast<std::size_t>(i)])).squaredNorm();
  if (intra == 0.0) return 1.0;
  return extra * static_cast<double>(n - k) / (intra * (static_cast<double>(k) - 1.0));
}

double davies_bouldin_score(const MatrixView& X, const VectorView& labels) {
  const Encoded e = check_internal("davies_bouldin_score", X, labels);
  const Index n = X.rows(), k = e.n_labels();
  Matrix centroids = Matrix::Zero(k, X.cols());
  for (Index i = 0; i < n; ++i) centroids.row(e.codes[static_cast<std::size_t>(i)]) += X.row(i);
  for (Index c = 0; c < k; ++c) centroids.row(c) /= static_cast<double>(e.counts[static_cast<std::size_t>(c)]);
  // Distances to the centroid by the norm trick, as scikit-learn's pairwise_distances.
  const Vector x_norms = X.rowwise().squaredNorm(), c_norms = centroids.rowwise().squaredNorm();
  Vector intra = Vector::Zero(k);
  for (Index i = 0; i < n; ++i) {
    const Index c = e.codes[static_cast<std::size_t>(i)];
    const double sq = -2 * X.row(i).dot(centroids.row(c)) + x_norms(i) + c_norms(c);
    intra(c) += std::sqrt(std::max(sq, 0.0));
  }
  for (Index c = 0; c < k; ++c) intra(c) /= static_cast<double>(e.counts[static_cast<std::size_t>(c)]);
  Matrix between = euclidean_distances(centroids);
  constexpr double atol = 1e-8;  // numpy.isclose(x, 0)'s absolute tolerance
  if ((intra.array().abs() <= atol).all() || (between.array().abs() <= atol).all()) return 0.0;
  double total = 0;
  for (Index a = 0; a < k; ++a) {
    double worst = -std::numeric_limits<double>::infinity();
    for (Index b = 0; b < k; ++b) {
      const double d = between(a, b) == 0 ? std::numeric_limits<double>::infinity() : between(a, b);
      worst = std::max(worst, (intra(a) + intra(b)) / d);
    }
    total += worst;
  }
  return total / static_cast<double>(k);
}

}  // namespace scilearn::learn

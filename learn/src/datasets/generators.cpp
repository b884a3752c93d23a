// scikit-learn's sample generators, on scilearn::Generator. The steps (what is
// drawn, from which distribution, and how it is combined) are scikit-learn's;
// the order of the draws is ours, so a seed gives other numbers than NumPy's.

#include <cmath>
#include <limits>
#include <numbers>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/learn/datasets/generators.hpp>
#include <scilearn/linalg/eigh.hpp>
#include <scilearn/linalg/qr.hpp>
#include <scilearn/stats/distributions.hpp>
#include <type_traits>
#include <unordered_set>

namespace scilearn::learn {

namespace {

void check_at_least(std::string_view function, std::string_view name, Index value, Index minimum) {
  if (value < minimum) throw ValueError(cat(function, ": ", name, " must be at least ", minimum, ", got ", value));
}

void check_noise(std::string_view function, double noise) {
  if (!(noise >= 0) || !std::isfinite(noise))
    throw ValueError(cat(function, ": noise must be finite and non-negative, got ", noise));
}

// rows x cols standard normal variates, in storage order, by stats' ziggurat
// sampler, NumPy's method (measured here 10-40% faster than
// Generator::standard_normal's polar method).
Matrix standard_normal(Generator& rng, Index rows, Index cols) {
  return stats::Normal().rvs(rows * cols, rng).reshaped(rows, cols);
}

// NumPy's linspace(start, stop, num, endpoint): start + k * step, the last
// point set to stop exactly when it is included.
Vector linspace(double start, double stop, Index num, bool endpoint) {
  Vector out(num);
  const Index div = endpoint ? num - 1 : num;
  if (num == 0) return out;
  const double step = div > 0 ? (stop - start) / static_cast<double>(div) : 0.0;
  for (Index k = 0; k < num; ++k) out(k) = static_cast<double>(k) * step + start;
  if (endpoint && num > 1) out(num - 1) = stop;
  return out;
}

// scikit-learn's util.shuffle on (X, y): one permutation of the rows of both.
template <class Targets>
void shuffle_rows(Matrix& X, Targets& y, Generator& rng) {
  const Eigen::VectorX<Index> perm = rng.permutation(X.rows());
  X = X(perm, Eigen::all).eval();
  if constexpr (std::is_same_v<Targets, Vector>) {
    y = y(perm).eval();
  } else {
    y = y(perm, Eigen::all).eval();
  }
}

// k distinct integers from [0, range), in random order (every ordered sample
// equally likely), as sklearn.utils.random.sample_without_replacement: a
// partial Fisher-Yates shuffle when k is a large part of the range, rejection
// of repeats otherwise.
std::vector<std::uint64_t> sample_without_replacement(std::uint64_t range, Index k, Generator& rng) {
  std::vector<std::uint64_t> out;
  out.reserve(static_cast<std::size_t>(k));
  const auto count = static_cast<std::uint64_t>(k);
  if (2 * count >= range) {
    std::vector<std::uint64_t> pool(range);
    for (std::uint64_t i = 0; i < range; ++i) pool[i] = i;
    for (std::uint64_t i = 0; i < count; ++i) {
      const auto j = i + static_cast<std::uint64_t>(rng.integers(0, static_cast<std::int64_t>(range - i)));
      std::swap(pool[i], pool[j]);
      out.push_back(pool[i]);
    }
  } else {
    std::unordered_set<std::uint64_t> seen;
    while (out.size() < count) {
      const auto v = static_cast<std::uint64_t>(rng.integers(0, static_cast<std::int64_t>(range)));
      if (seen.insert(v).second) out.push_back(v);
    }
  }
  return out;
}

// `samples` distinct vertices of the unit hypercube {0, 1}^dimensions, one per
// row (scikit-learn's _generate_hypercube): the last min(d, 30) coordinates are
// the bits of distinct integers, most significant first; any coordinates before
// them are random bits.
Matrix generate_hypercube(Index samples, Index dimensions, Generator& rng) {
  Matrix out(samples, dimensions);
  const Index extra = dimensions > 30 ? dimensions - 30 : 0;
  for (Index j = 0; j < extra; ++j)
    for (Index i = 0; i < samples; ++i) out(i, j) = static_cast<double>(rng.integers(0, 2));
  const Index d = dimensions - extra;
  const auto picks = sample_without_replacement(std::uint64_t{1} << d, samples, rng);
  for (Index i = 0; i < samples; ++i)
    for (Index j = 0; j < d; ++j)
      out(i, extra + j) = static_cast<double>((picks[static_cast<std::size_t>(i)] >> (d - 1 - j)) & 1U);
  return out;
}

// The feature-wise shift or scale of make_classification: a scalar for every
// column, or one value per column.
Vector per_feature(std::string_view function, std::string_view name, const std::variant<double, Vector>& value,
                   Index n_features) {
  if (const double* scalar = std::get_if<double>(&value)) return Vector::Constant(n_features, *scalar);
  const Vector& v = std::get<Vector>(value);
  if (v.size() != n_features)
    throw ValueError(cat(function, ": ", name, " has ", v.size(), " values, but n_features is ", n_features));
  return v;
}

Matrix low_rank_matrix(Index n_samples, Index n_features, Index effective_rank, double tail_strength, Generator& rng) {
  const Index n = std::min(n_samples, n_features);
  // Random orthonormal bases: the Q factors of Gaussian matrices.
  const auto orthonormal = [&](Index rows) {
    return linalg::qr(standard_normal(rng, rows, n), {.mode = linalg::QrMode::economic, .check_finite = false}).q;
  };
  const Matrix u = orthonormal(n_samples);
  const Matrix v = orthonormal(n_features);
  // The singular profile: a bell-shaped head of width effective_rank plus a
  // slowly decaying tail.
  Vector s(n);
  const auto r = static_cast<double>(effective_rank);
  for (Index i = 0; i < n; ++i) {
    const auto x = static_cast<double>(i);
    s(i) = (1 - tail_strength) * std::exp(-1.0 * (x / r) * (x / r)) + tail_strength * std::exp(-0.1 * x / r);
  }
  return (u * s.asDiagonal()) * v.transpose();
}

void check_low_rank(std::string_view function, Index n_samples, Index n_features, Index effective_rank,
                    double tail_strength) {
  check_at_least(function, "n_samples", n_samples, 1);
  check_at_least(function, "n_features", n_features, 1);
  check_at_least(function, "effective_rank", effective_rank, 1);
  if (!(tail_strength >= 0 && tail_strength <= 1))
    throw ValueError(cat(function, ": tail_strength must be in [0, 1], got ", tail_strength));
}

// The two group sizes of make_moons / make_circles: the first group gets
// half of a total, rounded down.
std::pair<Index, Index> split_counts(std::string_view function,
                                     const std::variant<Index, std::pair<Index, Index>>& n_samples, Index min_total) {
  if (const Index* total = std::get_if<Index>(&n_samples)) {
    check_at_least(function, "n_samples", *total, min_total);
    return {*total / 2, *total - *total / 2};
  }
  const auto [first, second] = std::get<std::pair<Index, Index>>(n_samples);
  check_at_least(function, "n_samples[0]", first, 0);
  check_at_least(function, "n_samples[1]", second, 0);
  return {first, second};
}

// Labels 0 for the first `first` rows, 1 for the rest; then shuffled rows and
// Gaussian noise, in scikit-learn's order.
Samples finish_two_groups(Matrix X, Index first, bool shuffle, std::optional<double> noise, Generator& rng) {
  Vector y(X.rows());
  y.head(first).setZero();
  y.tail(X.rows() - first).setOnes();
  if (shuffle) shuffle_rows(X, y, rng);
  if (noise) X += *noise * standard_normal(rng, X.rows(), 2);
  return {std::move(X), std::move(y)};
}

}  // namespace

ClassificationSamples make_classification(const MakeClassificationOptions& o) {
  constexpr std::string_view function = "make_classification";
  check_at_least(function, "n_samples", o.n_samples, 1);
  check_at_least(function, "n_features", o.n_features, 1);
  check_at_least(function, "n_informative", o.n_informative, 1);
  check_at_least(function, "n_redundant", o.n_redundant, 0);
  check_at_least(function, "n_repeated", o.n_repeated, 0);
  check_at_least(function, "n_classes", o.n_classes, 1);
  check_at_least(function, "n_clusters_per_class", o.n_clusters_per_class, 1);
  if (o.n_informative > o.n_features || o.n_redundant > o.n_features - o.n_informative ||
      o.n_repeated > o.n_features - o.n_informative - o.n_redundant)
    throw ValueError(cat(function, ": n_informative (", o.n_informative, ") + n_redundant (", o.n_redundant,
                         ") + n_repeated (", o.n_repeated, ") must not exceed n_features (", o.n_features, ")"));
  // n_classes * n_clusters_per_class distinct vertices must exist; compared
  // without overflow (scikit-learn compares logarithms).
  const Index ni = o.n_informative;
  const bool too_many_clusters =
      ni < 62 && (o.n_classes > (Index{1} << ni) || o.n_clusters_per_class > (Index{1} << ni) / o.n_classes);
  if (too_many_clusters)
    throw ValueError(cat(function, ": n_classes (", o.n_classes, ") * n_clusters_per_class (", o.n_clusters_per_class,
                         ") must be smaller or equal 2**n_informative (", ni, ") = ", Index{1} << ni));
  if (!(o.flip_y >= 0 && o.flip_y <= 1)) throw ValueError(cat(function, ": flip_y must be in [0, 1], got ", o.flip_y));
  if (!(o.class_sep > 0) || !std::isfinite(o.class_sep))
    throw ValueError(cat(function, ": class_sep must be positive and finite, got ", o.class_sep));
  // Beyond 30 informative features only the last 30 vertex coordinates are
  // drawn distinct, as in scikit-learn.
  if (o.n_classes > (Index{1} << 30) || o.n_clusters_per_class > (Index{1} << 30) / o.n_classes)
    throw ValueError(cat(function, ": n_classes (", o.n_classes, ") * n_clusters_per_class (", o.n_clusters_per_class,
                         ") must not exceed 2**30"));
  const Index n_clusters = o.n_classes * o.n_clusters_per_class;
  const Index nf = o.n_features;
  const Index n = o.n_samples;

  // The class proportions; with n_classes - 1 given, the last is what remains.
  const auto n_classes = static_cast<std::size_t>(o.n_classes);
  std::vector<double> weights = o.weights;
  if (weights.empty()) {
    weights.assign(n_classes, 1.0 / static_cast<double>(o.n_classes));
  } else if (weights.size() + 1 == n_classes) {
    double sum = 0;
    for (const double w : weights) sum += w;
    weights.push_back(1.0 - sum);
  } else if (weights.size() != n_classes) {
    throw ValueError(cat(function, ": weights has ", o.weights.size(), " values, but n_classes is ", o.n_classes,
                         " (give n_classes or n_classes - 1 weights)"));
  }
  for (std::size_t k = 0; k < weights.size(); ++k)
    if (!(weights[k] >= 0) || !std::isfinite(weights[k]))
      throw ValueError(cat(function, ": the weight of class ", k, " is ", weights[k], ", not a finite value >= 0"));

  // Samples per cluster: truncated shares, then the remainder one by one.
  std::vector<Index> per_cluster(static_cast<std::size_t>(n_clusters));
  Index assigned = 0;
  for (Index k = 0; k < n_clusters; ++k) {
    const double share = static_cast<double>(n) * weights[static_cast<std::size_t>(k % o.n_classes)] /
                         static_cast<double>(o.n_clusters_per_class);
    if (!(share <= static_cast<double>(n)))
      throw ValueError(cat(function, ": the weights give cluster ", k, " ", share, " samples, more than n_samples"));
    per_cluster[static_cast<std::size_t>(k)] = static_cast<Index>(share);
    assigned += per_cluster[static_cast<std::size_t>(k)];
  }
  if (assigned > n)
    throw ValueError(cat(function, ": the weights give ", assigned, " samples, more than n_samples (", n,
                         "); they should sum to 1"));
  for (Index i = 0; i < n - assigned; ++i) ++per_cluster[static_cast<std::size_t>(i % n_clusters)];

  Vector shift_values;
  Vector scale_values;
  if (o.shift) shift_values = per_feature(function, "shift", *o.shift, nf);
  if (o.scale) {
    scale_values = per_feature(function, "scale", *o.scale, nf);
    if (std::holds_alternative<double>(*o.scale) && !(scale_values(0) > 0))
      throw ValueError(cat(function, ": scale must be positive, got ", scale_values(0)));
  }

  Generator rng = default_rng(o.random_state);
  const Index nr = o.n_redundant;
  const Index n_useful = ni + nr;
  const Index n_random = nf - ni - nr - o.n_repeated;

  // Cluster centres on hypercube vertices in {-class_sep, class_sep}^ni,
  // optionally moved off it by random row and column factors.
  Matrix centroids = generate_hypercube(n_clusters, ni, rng);
  centroids.array() = centroids.array() * (2 * o.class_sep) - o.class_sep;
  if (!o.hypercube) {
    const Vector row_factor = rng.random(n_clusters);
    const Vector col_factor = rng.random(ni);
    centroids = row_factor.asDiagonal() * centroids * col_factor.asDiagonal();
  }

  Matrix X(n, nf);
  Vector y(n);
  X.leftCols(ni) = standard_normal(rng, n, ni);
  Index start = 0;
  for (Index k = 0; k < n_clusters; ++k) {
    const Index count = per_cluster[static_cast<std::size_t>(k)];
    y.segment(start, count).setConstant(static_cast<double>(k % o.n_classes));
    // A random covariance: the standard normals times uniforms in [-1, 1].
    const Matrix A = (2 * rng.random(ni, ni)).array() - 1;
    auto block = X.block(start, 0, count, ni);
    const Matrix mixed = block * A;
    block = mixed.rowwise() + centroids.row(k);
    start += count;
  }
  if (nr > 0) {
    const Matrix B = (2 * rng.random(ni, nr)).array() - 1;
    X.middleCols(ni, nr).noalias() = X.leftCols(ni) * B;
  }
  for (Index r = 0; r < o.n_repeated; ++r) {
    const auto source = static_cast<Index>(static_cast<double>(n_useful - 1) * rng.random() + 0.5);
    X.col(n_useful + r) = X.col(source);
  }
  if (n_random > 0) X.rightCols(n_random) = standard_normal(rng, n, n_random);

  // Replace a fraction flip_y of the labels by random classes.
  const Vector flip = rng.random(n);
  for (Index i = 0; i < n; ++i)
    if (flip(i) < o.flip_y) y(i) = static_cast<double>(rng.integers(0, o.n_classes));

  if (!o.shift) shift_values = ((2 * rng.random(nf)).array() - 1) * o.class_sep;
  X.rowwise() += shift_values.transpose();
  if (!o.scale) scale_values = (100 * rng.random(nf)).array() + 1;
  X *= scale_values.asDiagonal();

  std::vector<std::string> info(static_cast<std::size_t>(nf), "random");
  for (Index j = 0; j < n_useful + o.n_repeated; ++j)
    info[static_cast<std::size_t>(j)] = j < ni ? "informative" : j < n_useful ? "redundant" : "repeated";
  if (o.shuffle) {
    shuffle_rows(X, y, rng);
    const Eigen::VectorX<Index> columns = rng.permutation(nf);
    X = X(Eigen::all, columns).eval();
    std::vector<std::string> shuffled(info.size());
    for (Index j = 0; j < nf; ++j) shuffled[static_cast<std::size_t>(j)] = info[static_cast<std::size_t>(columns(j))];
    info = std::move(shuffled);
  }
  return {std::move(X), std::move(y), std::move(info)};
}

RegressionSamples make_regression(const MakeRegressionOptions& o) {
  constexpr std::string_view function = "make_regression";
  check_at_least(function, "n_samples", o.n_samples, 1);
  check_at_least(function, "n_features", o.n_features, 1);
  check_at_least(function, "n_informative", o.n_informative, 0);
  check_at_least(function, "n_targets", o.n_targets, 1);
  if (!std::isfinite(o.bias)) throw ValueError(cat(function, ": bias must be finite, got ", o.bias));
  if (o.effective_rank)
    check_low_rank(function, o.n_samples, o.n_features, *o.effective_rank, o.tail_strength);
  else if (!(o.tail_strength >= 0 && o.tail_strength <= 1))
    throw ValueError(cat(function, ": tail_strength must be in [0, 1], got ", o.tail_strength));
  check_noise(function, o.noise);

  Generator rng = default_rng(o.random_state);
  const Index n = o.n_samples;
  const Index nf = o.n_features;
  const Index nt = o.n_targets;
  const Index ni = std::min(nf, o.n_informative);
  Matrix X =
      o.effective_rank ? low_rank_matrix(n, nf, *o.effective_rank, o.tail_strength, rng) : standard_normal(rng, n, nf);
  // Only the informative features have non-zero coefficients, so only they
  // enter the product.
  Matrix coef = Matrix::Zero(nf, nt);
  coef.topRows(ni) = 100 * rng.random(ni, nt);
  Matrix Y(n, nt);
  Y.noalias() = X.leftCols(ni) * coef.topRows(ni);
  Y.array() += o.bias;
  if (o.noise > 0) Y += o.noise * standard_normal(rng, n, nt);
  if (o.shuffle) {
    shuffle_rows(X, Y, rng);
    const Eigen::VectorX<Index> columns = rng.permutation(nf);
    X = X(Eigen::all, columns).eval();
    coef = coef(columns, Eigen::all).eval();
  }
  RegressionSamples out;
  out.X = std::move(X);
  if (nt == 1)
    out.y = Y.col(0);
  else
    out.Y = std::move(Y);
  if (o.coef) out.coef = std::move(coef);
  return out;
}

BlobSamples make_blobs(const MakeBlobsOptions& o) {
  constexpr std::string_view function = "make_blobs";
  const auto* per_center_given = std::get_if<std::vector<Index>>(&o.n_samples);
  if (per_center_given == nullptr) check_at_least(function, "n_samples", std::get<Index>(o.n_samples), 1);
  if (per_center_given != nullptr)
    for (const Index c : *per_center_given) check_at_least(function, "each entry of n_samples", c, 0);
  const auto [low, high] = o.center_box;
  if (!std::isfinite(low) || !std::isfinite(high) || !(low <= high) || !std::isfinite(high - low))
    throw ValueError(cat(function, ": center_box must be finite with low <= high, got (", low, ", ", high, ")"));

  Matrix centers;
  Index n_centers = 0;
  Index nf = o.n_features;
  bool draw_centers = true;
  if (const Matrix* given = std::get_if<Matrix>(&o.centers)) {
    if (given->size() == 0)
      throw ValueError(cat(function, ": centers is empty (", given->rows(), "x", given->cols(), ")"));
    if (!given->allFinite()) throw ValueError(cat(function, ": centers must be finite"));
    centers = *given;
    n_centers = given->rows();
    nf = given->cols();
    draw_centers = false;
  } else if (const Index* count = std::get_if<Index>(&o.centers)) {
    check_at_least(function, "centers", *count, 1);
    n_centers = *count;
  } else {
    n_centers = per_center_given != nullptr ? static_cast<Index>(per_center_given->size()) : 3;
  }
  if (per_center_given != nullptr && static_cast<Index>(per_center_given->size()) != n_centers)
    throw ValueError(
        cat(function, ": n_samples has ", per_center_given->size(), " entries, but there are ", n_centers, " centers"));
  if (n_centers < 1) throw ValueError(cat(function, ": there must be at least one center"));
  check_at_least(function, "n_features", nf, 1);

  Vector stds;
  if (const double* s = std::get_if<double>(&o.cluster_std)) {
    stds = Vector::Constant(n_centers, *s);
  } else {
    stds = std::get<Vector>(o.cluster_std);
    if (stds.size() != n_centers)
      throw ValueError(
          cat(function, ": cluster_std has ", stds.size(), " values, but there are ", n_centers, " centers"));
  }
  for (Index k = 0; k < n_centers; ++k)
    if (!(stds(k) >= 0) || !std::isfinite(stds(k)))
      throw ValueError(cat(function, ": cluster_std must be finite and non-negative, got ", stds(k)));

  std::vector<Index> per_center;
  if (per_center_given != nullptr) {
    per_center = *per_center_given;
  } else {
    const Index total = std::get<Index>(o.n_samples);
    per_center.assign(static_cast<std::size_t>(n_centers), total / n_centers);
    for (Index k = 0; k < total % n_centers; ++k) ++per_center[static_cast<std::size_t>(k)];
  }

  Generator rng = default_rng(o.random_state);
  if (draw_centers) {
    centers.resize(n_centers, nf);
    for (Index i = 0; i < n_centers; ++i)
      for (Index j = 0; j < nf; ++j) centers(i, j) = rng.uniform(low, high);
  }
  Index n = 0;
  for (const Index c : per_center) n += c;
  Matrix X(n, nf);
  Vector y(n);
  Index row = 0;
  for (Index k = 0; k < n_centers; ++k) {
    const Index count = per_center[static_cast<std::size_t>(k)];
    X.middleRows(row, count) = (stds(k) * standard_normal(rng, count, nf)).rowwise() + centers.row(k);
    y.segment(row, count).setConstant(static_cast<double>(k));
    row += count;
  }
  if (o.shuffle) shuffle_rows(X, y, rng);
  return {std::move(X), std::move(y), std::move(centers)};
}

Samples make_moons(const MakeMoonsOptions& o) {
  constexpr std::string_view function = "make_moons";
  const auto [n_out, n_in] = split_counts(function, o.n_samples, 1);
  if (o.noise) check_noise(function, *o.noise);
  Generator rng = default_rng(o.random_state);
  Matrix X(n_out + n_in, 2);
  const Vector t_out = linspace(0, std::numbers::pi, n_out, true);
  const Vector t_in = linspace(0, std::numbers::pi, n_in, true);
  for (Index i = 0; i < n_out; ++i) {
    X(i, 0) = std::cos(t_out(i));
    X(i, 1) = std::sin(t_out(i));
  }
  for (Index i = 0; i < n_in; ++i) {
    X(n_out + i, 0) = 1 - std::cos(t_in(i));
    X(n_out + i, 1) = 1 - std::sin(t_in(i)) - 0.5;
  }
  return finish_two_groups(std::move(X), n_out, o.shuffle, o.noise, rng);
}

Samples make_circles(const MakeCirclesOptions& o) {
  constexpr std::string_view function = "make_circles";
  const auto [n_out, n_in] = split_counts(function, o.n_samples, 0);
  if (o.noise) check_noise(function, *o.noise);
  if (!(o.factor >= 0 && o.factor < 1)) throw ValueError(cat(function, ": factor must be in [0, 1), got ", o.factor));
  Generator rng = default_rng(o.random_state);
  Matrix X(n_out + n_in, 2);
  // endpoint excluded, so that the first and the last point differ
  const Vector t_out = linspace(0, 2 * std::numbers::pi, n_out, false);
  const Vector t_in = linspace(0, 2 * std::numbers::pi, n_in, false);
  for (Index i = 0; i < n_out; ++i) {
    X(i, 0) = std::cos(t_out(i));
    X(i, 1) = std::sin(t_out(i));
  }
  for (Index i = 0; i < n_in; ++i) {
    X(n_out + i, 0) = std::cos(t_in(i)) * o.factor;
    X(n_out + i, 1) = std::sin(t_in(i)) * o.factor;
  }
  return finish_two_groups(std::move(X), n_out, o.shuffle, o.noise, rng);
}

Samples make_friedman1(const MakeFriedman1Options& o) {
  constexpr std::string_view function = "make_friedman1";
  check_at_least(function, "n_samples", o.n_samples, 1);
  check_at_least(function, "n_features", o.n_features, 5);
  check_noise(function, o.noise);
  Generator rng = default_rng(o.random_state);
  Matrix X = rng.random(o.n_samples, o.n_features);
  Vector y(o.n_samples);
  for (Index i = 0; i < o.n_samples; ++i) {
    const double c = X(i, 2) - 0.5;
    y(i) = 10 * std::sin(std::numbers::pi * X(i, 0) * X(i, 1)) + 20 * (c * c) + 10 * X(i, 3) + 5 * X(i, 4);
  }
  if (o.noise > 0) y += o.noise * standard_normal(rng, o.n_samples, 1).col(0);
  return {std::move(X), std::move(y)};
}

Matrix make_low_rank_matrix(const MakeLowRankMatrixOptions& o) {
  check_low_rank("make_low_rank_matrix", o.n_samples, o.n_features, o.effective_rank, o.tail_strength);
  Generator rng = default_rng(o.random_state);
  return low_rank_matrix(o.n_samples, o.n_features, o.effective_rank, o.tail_strength, rng);
}

Matrix make_spd_matrix(Index n_dim, std::optional<std::uint64_t> random_state) {
  check_at_least("make_spd_matrix", "n_dim", n_dim, 1);
  Generator rng = default_rng(random_state);
  const Matrix A = rng.random(n_dim, n_dim);
  // The singular vectors of the symmetric A^T A are its eigenvectors; ordered
  // by decreasing eigenvalue, as an SVD orders them.
  const Matrix AtA = A.transpose() * A;
  const Matrix U = linalg::eigh(AtA, {.check_finite = false, .driver = linalg::EighDriver::evd}).v.rowwise().reverse();
  Matrix K = Matrix::Ones(n_dim, n_dim);
  K.diagonal() += rng.random(n_dim);
  const Matrix X = U * K * U.transpose();
  // Rounding leaves X a few ulps from symmetric; the mean with its transpose is
  // symmetric exactly (the sum of two doubles does not depend on their order).
  return 0.5 * (X + X.transpose());
}

}  // namespace scilearn::learn

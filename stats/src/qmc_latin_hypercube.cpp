// Latin hypercube samples (McKay, Beckman & Conover 1979) and orthogonal-array
// based ones of strength 2 (Owen 1992, Tang 1993).
#include <cmath>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/stats/qmc.hpp>
#include <vector>

namespace scilearn::stats::qmc {

namespace {

bool is_prime(Index p) {
  if (p < 2) return false;
  for (Index q = 2; q * q <= p; ++q) {
    if (p % q == 0) return false;
  }
  return true;
}

// The largest integer whose square is <= n.
Index integer_sqrt(Index n) {
  auto r = static_cast<Index>(std::sqrt(static_cast<double>(n)));
  while (r * r > n) --r;
  while ((r + 1) * (r + 1) <= n) ++r;
  return r;
}

}  // namespace

LatinHypercube::LatinHypercube(Index d, const LatinHypercubeOptions& options)
    : QMCEngine("LatinHypercube", d, options.seed), scramble_(options.scramble), strength_(options.strength) {
  if (strength_ != 1 && strength_ != 2) {
    throw ValueError(cat("LatinHypercube: strength must be 1 or 2, got ", strength_));
  }
}

Matrix LatinHypercube::draw(Index n) { return strength_ == 1 ? latin(n) : orthogonal_array_latin(n); }

// A point of stratum k of n: uniform in [k/n, (k+1)/n) when scrambled, else its
// centre. (k + u) / n can round up to the next stratum's edge (k + u rounds to
// k + 1 when u is within 2^-53 k of 1): such a point is moved just below it,
// so every stratum holds its point, and no point is 1. (SciPy's (k + 1 - u) / n
// gives the upper edge itself when u = 0.)
double LatinHypercube::stratified(Index k, Index n) {
  const auto kk = static_cast<double>(k), nn = static_cast<double>(n);
  if (!scramble_) return (kk + 0.5) / nn;
  const double x = (kk + rng_.random()) / nn, top = (kk + 1) / nn;
  return x < top ? x : std::nextafter(top, 0.0);
}

Matrix LatinHypercube::latin(Index n) {
  Matrix sample(n, d_);
  for (Index j = 0; j < d_; ++j) {
    // The strata of coordinate j: an independent random permutation each.
    const Eigen::VectorX<Index> strata = rng_.permutation(n);
    for (Index i = 0; i < n; ++i) sample(i, j) = stratified(strata(i), n);
  }
  return sample;
}

Matrix LatinHypercube::orthogonal_array_latin(Index n) {
  const Index p = integer_sqrt(n);
  if (p * p != n || !is_prime(p)) {
    Index below = p, above = p + 1;
    while (below >= 2 && !is_prime(below)) --below;
    while (!is_prime(above)) ++above;
    throw ValueError(cat("LatinHypercube: strength 2 needs n to be the square of a prime, got n = ", n,
                         (below >= 2 ? cat("; close values are ", below * below, " and ") : std::string("; try ")),
                         above * above));
  }
  if (d_ > p + 1) {
    throw ValueError(cat("LatinHypercube: n = ", n, " is too small for d = ", d_,
                         ": strength 2 needs d <= sqrt(n) + 1, i.e. n >= (d - 1)^2"));
  }
  // Bush's orthogonal array OA(p^2, p + 1, p, 2): row r = a + p b has the
  // symbols a, b and a + t b (mod p) for t = 1 .. p - 1; any two columns hold
  // every pair of symbols once. Each column's symbols are relabelled by a
  // random permutation, then the p rows holding symbol s get the p fine strata
  // s p .. s p + p - 1 in random order (a one-dimensional LHS inside s).
  Matrix sample(n, d_);
  for (Index j = 0; j < d_; ++j) {
    const Eigen::VectorX<Index> relabel = rng_.permutation(p);
    std::vector<Index> symbol(static_cast<std::size_t>(n));
    for (Index r = 0; r < n; ++r) {
      const Index a = r % p, b = r / p;
      const Index raw = j == 0 ? a : j == 1 ? b : (a + (j - 1) * b) % p;
      symbol[static_cast<std::size_t>(r)] = relabel(raw);
    }
    std::vector<Eigen::VectorX<Index>> fine(static_cast<std::size_t>(p));
    for (auto& f : fine) f = rng_.permutation(p);
    std::vector<Index> used(static_cast<std::size_t>(p), 0);
    for (Index r = 0; r < n; ++r) {
      const auto s = static_cast<std::size_t>(symbol[static_cast<std::size_t>(r)]);
      sample(r, j) = stratified(static_cast<Index>(s) * p + fine[s](used[s]++), n);
    }
  }
  return sample;
}

}  // namespace scilearn::stats::qmc

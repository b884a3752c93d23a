// What the quasi-Monte Carlo engines share: the count of points drawn, the
// seeded stream and its starting state for reset().
#include <cmath>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/stats/qmc.hpp>

namespace scilearn::stats::qmc {

QMCEngine::QMCEngine(const char* name, Index d, std::optional<std::uint64_t> seed)
    : name_(name), d_(d), rng_(default_rng(seed)), rng_start_(rng_) {
  if (d < 0) throw ValueError(cat(name, ": d must be a non-negative integer, got ", d));
}

Matrix QMCEngine::random(Index n) {
  if (n < 0) throw ValueError(cat(name_, ": n must be >= 0, got ", n));
  Matrix sample = draw(n);
  num_generated_ += n;
  return sample;
}

Eigen::MatrixX<std::int64_t> QMCEngine::integers(const Eigen::VectorX<std::int64_t>& l_bounds,
                                                 const Eigen::VectorX<std::int64_t>& u_bounds, Index n, bool endpoint) {
  const auto broadcast = [&](const Eigen::VectorX<std::int64_t>& bound,
                             const char* which) -> Eigen::VectorX<std::int64_t> {
    if (bound.size() == d_) return bound;
    if (bound.size() == 1) return Eigen::VectorX<std::int64_t>::Constant(d_, bound(0));
    throw ValueError(cat(name_, ": integers: ", which, " has ", bound.size(), " entries, the engine d = ", d_,
                         " (bounds need d entries or one)"));
  };
  const Eigen::VectorX<std::int64_t> lower = broadcast(l_bounds, "l_bounds");
  Eigen::VectorX<std::int64_t> upper = broadcast(u_bounds, "u_bounds");
  if (endpoint) upper.array() += 1;
  for (Index k = 0; k < d_; ++k) {
    if (!(lower(k) < upper(k))) {
      throw ValueError(cat(name_, ": integers: the bounds are not consistent, l_bounds < u_bounds fails at coordinate ",
                           k, " (", lower(k), " and ", upper(k), endpoint ? " after adding 1 for endpoint)" : ")"));
    }
  }
  const Matrix sample = random(n);
  Eigen::MatrixX<std::int64_t> out(n, d_);
  for (Index k = 0; k < d_; ++k) {
    // SciPy's arithmetic: the integer width and the lower bound as doubles.
    const auto width = static_cast<double>(upper(k) - lower(k)), low = static_cast<double>(lower(k));
    for (Index i = 0; i < n; ++i) out(i, k) = static_cast<std::int64_t>(std::floor(sample(i, k) * width + low));
  }
  return out;
}

QMCEngine& QMCEngine::reset() {
  rng_ = rng_start_;
  num_generated_ = 0;
  return *this;
}

QMCEngine& QMCEngine::fast_forward(Index n) {
  (void)random(n);
  return *this;
}

}  // namespace scilearn::stats::qmc

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/sparse/random.hpp>
#include <vector>

namespace scilearn::sparse {

namespace {

// `count` distinct positions of [0, total), sorted, every subset equally
// likely: draw the missing number with replacement, sort, drop repeats, and
// repeat until there are enough. The rule that decides which draws are kept
// does not depend on the drawn values' identities, only on repeats, so the
// result is exchangeable (uniform over subsets). Requires count <= total / 2,
// so each round keeps at least half its draws on average.
std::vector<std::uint64_t> distinct_positions(std::uint64_t count, std::uint64_t total, Generator& rng) {
  std::vector<std::uint64_t> positions;
  positions.reserve(count);
  while (positions.size() < count) {
    const std::size_t missing = count - positions.size();
    for (std::size_t k = 0; k < missing; ++k) {
      positions.push_back(static_cast<std::uint64_t>(rng.integers(0, static_cast<std::int64_t>(total))));
    }
    std::sort(positions.begin(), positions.end());
    positions.erase(std::unique(positions.begin(), positions.end()), positions.end());
  }
  return positions;
}

}  // namespace

CsrMatrix random(Index m, Index n, double density, std::optional<std::uint64_t> random_state) {
  constexpr Index kMax = std::numeric_limits<int>::max();
  if (m < 0 || n < 0 || m > kMax || n > kMax) {
    throw ValueError(cat("random: shape (", m, ", ", n, ") must be non-negative and within 32-bit indices"));
  }
  if (!(density >= 0 && density <= 1)) {
    throw ValueError(cat("random: density expected to be 0 <= density <= 1, got ", density));
  }
  // m n < 2^62: exact in 64 bits. SciPy: size = int(round(density * m * n)),
  // the product in double and Python's round (halves to even), which is
  // nearbyint in the default rounding mode.
  const auto total = static_cast<std::uint64_t>(m) * static_cast<std::uint64_t>(n);
  const double wanted = std::nearbyint(density * static_cast<double>(total));
  if (wanted > static_cast<double>(kMax)) {
    throw ValueError(cat("random: ", wanted, " entries (density ", density, " of ", m, "x", n,
                         ") exceed 32-bit indices"));
  }
  const auto count = std::min(static_cast<std::uint64_t>(wanted), total);
  Generator rng = default_rng(random_state);

  std::vector<std::uint64_t> positions;
  if (count <= total / 2) {
    positions = distinct_positions(count, total, rng);
  } else {
    // Dense: draw the positions to leave out (total <= 2 count < 2^32 here).
    const std::vector<std::uint64_t> left_out = distinct_positions(total - count, total, rng);
    positions.reserve(count);
    auto skip = left_out.begin();
    for (std::uint64_t p = 0; p < total; ++p) {
      if (skip != left_out.end() && *skip == p) {
        ++skip;
      } else {
        positions.push_back(p);
      }
    }
  }

  // Positions are sorted row-major, so CSR storage is filled in order.
  CsrMatrix a(m, n);
  a.resizeNonZeros(static_cast<Index>(count));
  int* outer = a.outerIndexPtr();
  for (std::size_t k = 0; k < positions.size(); ++k) {
    const auto i = static_cast<std::size_t>(positions[k] / static_cast<std::uint64_t>(n));
    a.innerIndexPtr()[k] = static_cast<int>(positions[k] % static_cast<std::uint64_t>(n));
    a.valuePtr()[k] = rng.random();
    ++outer[i + 1];
  }
  for (Index i = 0; i < m; ++i) outer[i + 1] += outer[i];
  return a;
}

}  // namespace scilearn::sparse

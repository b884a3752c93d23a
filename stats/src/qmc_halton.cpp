// Halton points: van der Corput sequences in the first d prime bases
// (Halton 1960), optionally with Owen's (2017) random digit permutations.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/stats/qmc.hpp>
#include <vector>

namespace scilearn::stats::qmc {

namespace {

// The first count primes, by a sieve of Eratosthenes whose bound doubles
// until it holds enough (n (ln n + ln ln n) bounds the n-th prime for n >= 6).
std::vector<std::int64_t> first_primes(Index count) {
  std::vector<std::int64_t> primes;
  if (count == 0) return primes;
  const auto n = static_cast<double>(count);
  auto limit = static_cast<std::size_t>(count < 6 ? 15 : n * (std::log(n) + std::log(std::log(n))) + 1);
  for (;; limit *= 2) {
    std::vector<bool> composite(limit + 1, false);
    primes.clear();
    for (std::size_t i = 2; i <= limit && static_cast<Index>(primes.size()) < count; ++i) {
      if (composite[i]) continue;
      primes.push_back(static_cast<std::int64_t>(i));
      for (std::size_t j = i * i; j <= limit; j += i) composite[j] = true;
    }
    if (static_cast<Index>(primes.size()) == count) return primes;
  }
}

}  // namespace

Halton::Halton(Index d, const HaltonOptions& options)
    : QMCEngine("Halton", d, options.seed), scramble_(options.scramble), bases_(first_primes(std::max<Index>(d, 0))) {
  if (!scramble_) return;
  permutations_.reserve(bases_.size());
  for (const std::int64_t base : bases_) {
    // One permutation per digit position whose weight base^-k a double still
    // sees next to 1 (1 - base^-k < 1), i.e. base^-k > 2^-54 (Owen 2017,
    // Algorithm 1).
    const auto digits = static_cast<std::int64_t>(std::ceil(54 / std::log2(static_cast<double>(base)))) - 1;
    std::vector<std::int64_t> table(static_cast<std::size_t>(digits * base));
    for (std::int64_t k = 0; k < digits; ++k) {
      const auto row = table.begin() + k * base;
      std::iota(row, row + base, std::int64_t{0});
      rng_.shuffle(row, row + base);
    }
    permutations_.push_back(std::move(table));
  }
}

Matrix Halton::draw(Index n) {
  Matrix sample(n, d_);
  for (Index j = 0; j < d_; ++j) {
    const std::int64_t base = bases_[static_cast<std::size_t>(j)];
    for (Index i = 0; i < n; ++i) {
      // The radical inverse, digits summed from the least significant digit of
      // the index (the largest weight) on, the weights by repeated division:
      // the order of SciPy's operations, so the points agree to the last bit.
      std::int64_t q = num_generated_ + i;
      double weight = 1.0 / static_cast<double>(base), x = 0;
      if (!scramble_) {
        for (; q > 0; q /= base) {
          x += static_cast<double>(q % base) * weight;
          weight /= static_cast<double>(base);
        }
      } else {
        // Every digit position is permuted, the leading zeros of the index
        // included (Owen 2017): the point's tail below its last digit is random.
        const std::vector<std::int64_t>& table = permutations_[static_cast<std::size_t>(j)];
        const auto digits = static_cast<std::int64_t>(table.size()) / base;
        for (std::int64_t k = 0; k < digits; ++k, q /= base) {
          x += static_cast<double>(table[static_cast<std::size_t>(k * base + q % base)]) * weight;
          weight /= static_cast<double>(base);
        }
      }
      sample(i, j) = x;
    }
  }
  return sample;
}

Halton& Halton::fast_forward(Index n) {
  if (n < 0) throw ValueError(cat("Halton: fast_forward needs n >= 0, got ", n));
  num_generated_ += n;
  return *this;
}

}  // namespace scilearn::stats::qmc

// Counter-based random streams: Philox4x32-10 (Salmon, Moraes, Dror & Shaw
// 2011), element i a pure function of (seed, i), so every back end and thread
// count gives the same stream.
#include <thrust/iterator/counting_iterator.h>
#include <thrust/transform.h>

#include <cmath>
#include <scilearn/gpu/random.hpp>

#include "thrust_support.hpp"

namespace scilearn::gpu {

namespace {

// The multipliers and Weyl key increments of Philox4x32 (the paper, table 2).
constexpr std::uint32_t kM0 = 0xD2511F53u, kM1 = 0xCD9E8D57u;
constexpr std::uint32_t kW0 = 0x9E3779B9u, kW1 = 0xBB67AE85u;

struct Block {
  std::uint32_t w[4];
};

SCILEARN_HD inline Block philox(std::uint32_t c0, std::uint32_t c1, std::uint32_t c2, std::uint32_t c3,
                                std::uint32_t k0, std::uint32_t k1) {
  for (int round = 0; round < 10; ++round) {
    const std::uint64_t p0 = static_cast<std::uint64_t>(kM0) * c0;
    const std::uint64_t p1 = static_cast<std::uint64_t>(kM1) * c2;
    const auto hi0 = static_cast<std::uint32_t>(p0 >> 32), lo0 = static_cast<std::uint32_t>(p0);
    const auto hi1 = static_cast<std::uint32_t>(p1 >> 32), lo1 = static_cast<std::uint32_t>(p1);
    c0 = hi1 ^ c1 ^ k0;
    c1 = lo1;
    c2 = hi0 ^ c3 ^ k1;
    c3 = lo0;
    k0 += kW0;
    k1 += kW1;
  }
  return {{c0, c1, c2, c3}};
}

SCILEARN_HD inline Block block_of(std::uint64_t seed, std::uint64_t block) {
  return philox(static_cast<std::uint32_t>(block), static_cast<std::uint32_t>(block >> 32), 0, 0,
                static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32));
}

// Element i of the unit stream [0, 1): float from one 32-bit word (block i / 4),
// double from two (block i / 2), the top 24 / 53 bits, exactly scaled.
template <class T>
SCILEARN_HD T unit(std::uint64_t seed, std::uint64_t i) {
  if constexpr (sizeof(T) == 4) {
    const Block b = block_of(seed, i / 4);
    return static_cast<T>(b.w[i % 4] >> 8) * T(5.9604644775390625e-08);  // 2^-24
  } else {
    const Block b = block_of(seed, i / 2);
    const unsigned j = 2 * static_cast<unsigned>(i % 2);
    const std::uint64_t bits = (static_cast<std::uint64_t>(b.w[j] >> 5) << 26) | (b.w[j + 1] >> 6);
    return static_cast<T>(bits) * T(1.1102230246251565e-16);  // 2^-53
  }
}

template <class T>
struct Uniform {
  std::uint64_t seed;
  T low;
  T width;
  T below_high;  // the largest number below high: rounding may carry low + width u onto high
  SCILEARN_HD T operator()(std::uint64_t i) const {
    const T value = low + width * unit<T>(seed, i);
    return value < below_high ? value : below_high;
  }
};

// Box-Muller on the unit pair (2j, 2j + 1): element 2j takes the cosine,
// 2j + 1 the sine. 1 - u lies in (0, 1], so the logarithm is finite.
template <class T>
struct Normal {
  std::uint64_t seed;
  T mean;
  T stddev;
  SCILEARN_HD T operator()(std::uint64_t i) const {
    const std::uint64_t first = i - i % 2;
    const T radius = std::sqrt(T(-2) * std::log(T(1) - unit<T>(seed, first)));
    const T angle = T(6.283185307179586476925) * unit<T>(seed, first + 1);
    return mean + stddev * radius * (i % 2 == 0 ? std::cos(angle) : std::sin(angle));
  }
};

void check_count(const char* routine, Index n) {
  if (n < 0) throw ValueError(cat("gpu::", routine, ": n must be non-negative, got ", n));
}

}  // namespace

template <DeviceReal T>
DeviceVector<T> uniform(Index n, std::uint64_t seed, T low, T high) {
  check_count("uniform", n);
  if (!std::isfinite(low) || !std::isfinite(high) || !(low < high) || !std::isfinite(high - low))
    throw ValueError(cat("gpu::uniform: need finite low < high with a finite high - low, got [", low, ", ", high, ")"));
  return detail::guarded("uniform", [&] {
    DeviceVector<T> out(n);
    thrust::transform(detail::device, thrust::counting_iterator<std::uint64_t>(0),
                      thrust::counting_iterator<std::uint64_t>(static_cast<std::uint64_t>(n)), out.data(),
                      Uniform<T>{seed, low, high - low, std::nextafter(high, low)});
    return out;
  });
}

template <DeviceReal T>
DeviceVector<T> normal(Index n, std::uint64_t seed, T mean, T stddev) {
  check_count("normal", n);
  if (!std::isfinite(mean) || !std::isfinite(stddev) || stddev < T(0))
    throw ValueError(cat("gpu::normal: need a finite mean and a finite stddev >= 0, got ", mean, " and ", stddev));
  return detail::guarded("normal", [&] {
    DeviceVector<T> out(n);
    thrust::transform(detail::device, thrust::counting_iterator<std::uint64_t>(0),
                      thrust::counting_iterator<std::uint64_t>(static_cast<std::uint64_t>(n)), out.data(),
                      Normal<T>{seed, mean, stddev});
    return out;
  });
}

std::array<std::uint32_t, 4> philox4x32_10(std::array<std::uint32_t, 4> counter,
                                           std::array<std::uint32_t, 2> key) noexcept {
  const Block b = philox(counter[0], counter[1], counter[2], counter[3], key[0], key[1]);
  return {b.w[0], b.w[1], b.w[2], b.w[3]};
}

template DeviceVector<float> uniform(Index, std::uint64_t, float, float);
template DeviceVector<double> uniform(Index, std::uint64_t, double, double);
template DeviceVector<float> normal(Index, std::uint64_t, float, float);
template DeviceVector<double> normal(Index, std::uint64_t, double, double);

}  // namespace scilearn::gpu

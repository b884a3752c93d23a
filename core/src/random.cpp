#include <cmath>
#include <random>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/random.hpp>

// Portability of the floating-point results (see random.hpp) relies on each
// multiply and add being rounded on its own: core/CMakeLists.txt compiles this
// file with -ffp-contract=off, since GCC would otherwise fuse `a + b * c` into an
// FMA on targets that have one (aarch64, x86-64 with -march=native) and change
// the last bit of uniform() and normal().

namespace scilearn {

static_assert(std::uniform_random_bit_generator<Generator>);

namespace {

// SplitMix64 (Steele, Lea & Flood 2014): a Weyl sequence through a bijective
// mixer. Consecutive outputs are distinct, so four of them are never all zero,
// the one state xoshiro must avoid.
std::uint64_t splitmix64_next(std::uint64_t& state) noexcept {
  state += 0x9e3779b97f4a7c15U;
  std::uint64_t z = state;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9U;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebU;
  return z ^ (z >> 31);
}

// The full 128-bit product a * b as (high, low) words, in portable 32-bit pieces
// (no compiler-specific __int128), so bounded() is the same code everywhere.
struct Product128 {
  std::uint64_t high;
  std::uint64_t low;
};

Product128 multiply_128(std::uint64_t a, std::uint64_t b) noexcept {
  constexpr std::uint64_t mask32 = 0xffffffffU;
  const std::uint64_t a_lo = a & mask32, a_hi = a >> 32;
  const std::uint64_t b_lo = b & mask32, b_hi = b >> 32;
  const std::uint64_t lo_lo = a_lo * b_lo;
  const std::uint64_t lo_hi = a_lo * b_hi;
  const std::uint64_t hi_lo = a_hi * b_lo;
  const std::uint64_t hi_hi = a_hi * b_hi;
  // At most 3 * (2^32 - 1): no overflow.
  const std::uint64_t middle = (lo_lo >> 32) + (lo_hi & mask32) + (hi_lo & mask32);
  return {hi_hi + (lo_hi >> 32) + (hi_lo >> 32) + (middle >> 32), (middle << 32) | (lo_lo & mask32)};
}

void check_size(const char* where, Index n) {
  if (n < 0) throw ValueError(cat(where, ": n must be >= 0, got ", n));
}

void check_size(const char* where, Index rows, Index cols) {
  if (rows < 0 || cols < 0) {
    throw ValueError(cat(where, ": rows and cols must be >= 0, got ", rows, "x", cols));
  }
}

// Fills x with draw(), one entry after another in memory (column-major) order,
// so a matrix holds the same numbers as the same count of single draws.
template <class Dense, class Draw>
Dense filled(Dense x, Draw draw) {
  for (Index i = 0; i < x.size(); ++i) x.data()[i] = draw();
  return x;
}

}  // namespace

Generator::Generator(std::uint64_t seed) noexcept {
  std::uint64_t state = seed;
  for (auto& word : s_) word = splitmix64_next(state);
}

std::uint64_t Generator::bounded(std::uint64_t range) noexcept {
  // Lemire (2019), Algorithm 5: the high word of x * range is uniform on
  // [0, range) once the draws whose low word falls below 2^64 mod range are
  // rejected; that remainder, a division, is only needed when the low word is
  // small, which is rare.
  Product128 m = multiply_128((*this)(), range);
  if (m.low < range) {
    const std::uint64_t threshold = (0 - range) % range;  // 2^64 mod range
    while (m.low < threshold) m = multiply_128((*this)(), range);
  }
  return m.high;
}

std::int64_t Generator::integers(std::int64_t low, std::int64_t high) {
  if (!(low < high)) throw ValueError(cat("integers: low (", low, ") must be less than high (", high, ")"));
  // In unsigned arithmetic high - low is exact for every pair (at most 2^64 - 1),
  // and low + offset wraps back into [low, high); the conversion to int64 is
  // modular (C++20).
  const std::uint64_t range = static_cast<std::uint64_t>(high) - static_cast<std::uint64_t>(low);
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(low) + bounded(range));
}

double Generator::uniform(double low, double high) {
  if (!std::isfinite(low) || !std::isfinite(high) || !(low <= high)) {
    throw ValueError(cat("uniform: requires finite low <= high, got low = ", low, ", high = ", high));
  }
  const double width = high - low;
  if (!std::isfinite(width)) {
    throw ValueError(cat("uniform: high - low overflows a double (low = ", low, ", high = ", high, ")"));
  }
  const double x = low + width * random();
  // Round-to-nearest can carry low + width * u up to high for u close to 1;
  // keep the documented half-open interval.
  return (x >= high && low < high) ? std::nextafter(high, low) : x;
}

double Generator::standard_normal() {
  if (spare_normal_) {
    const double z = *spare_normal_;
    spare_normal_.reset();
    return z;
  }
  // Marsaglia's polar method: (u, v) uniform in the unit disc (rejection from
  // the square, acceptance pi/4), then (u, v) * sqrt(-2 ln s / s) are two
  // independent standard normals. 2 * random() - 1 is exact, so u and v are
  // multiples of 2^-52; s == 0 is rejected to keep the log finite.
  double u = 0.0;
  double v = 0.0;
  double s = 0.0;
  do {
    u = 2.0 * random() - 1.0;
    v = 2.0 * random() - 1.0;
    s = u * u + v * v;
  } while (s >= 1.0 || s == 0.0);
  const double factor = std::sqrt(-2.0 * std::log(s) / s);
  spare_normal_ = v * factor;
  return u * factor;
}

double Generator::normal(double loc, double scale) {
  if (!std::isfinite(loc) || !std::isfinite(scale) || !(scale >= 0.0)) {
    throw ValueError(cat("normal: requires finite loc and finite scale >= 0, got loc = ", loc, ", scale = ", scale));
  }
  return loc + scale * standard_normal();
}

Vector Generator::random(Index n) {
  check_size("random", n);
  return filled(Vector(n), [this] { return random(); });
}

Matrix Generator::random(Index rows, Index cols) {
  check_size("random", rows, cols);
  return filled(Matrix(rows, cols), [this] { return random(); });
}

Vector Generator::standard_normal(Index n) {
  check_size("standard_normal", n);
  return filled(Vector(n), [this] { return standard_normal(); });
}

Matrix Generator::standard_normal(Index rows, Index cols) {
  check_size("standard_normal", rows, cols);
  return filled(Matrix(rows, cols), [this] { return standard_normal(); });
}

Eigen::VectorX<Index> Generator::permutation(Index n) {
  check_size("permutation", n);
  Eigen::VectorX<Index> p(n);
  for (Index i = 0; i < n; ++i) p[i] = i;
  shuffle(p.begin(), p.end());
  return p;
}

void Generator::jump() noexcept {
  // The coefficients of x^(2^128) mod p(x), p the engine's characteristic
  // polynomial, as published with xoshiro256**. Applying that polynomial to the
  // engine's transition matrix T (sum of T^k s over the set bits k) gives
  // T^(2^128) s. tests/reference/core_random.py derives these four words anew.
  static constexpr std::array<std::uint64_t, 4> jump_polynomial = {0x180ec6d33cfd0abaU, 0xd5a61266f0c9392cU,
                                                                   0xa9582618e03fc9aaU, 0x39abdc4529b1661cU};
  std::array<std::uint64_t, 4> jumped{};
  for (const std::uint64_t word : jump_polynomial) {
    for (int bit = 0; bit < 64; ++bit) {
      if ((word >> bit) & 1U) {
        for (std::size_t i = 0; i < jumped.size(); ++i) jumped[i] ^= s_[i];
      }
      (void)(*this)();
    }
  }
  s_ = jumped;
  spare_normal_.reset();
}

std::vector<Generator> Generator::spawn(std::size_t n) {
  // Each child's state is four draws of this stream, each through SplitMix64's
  // bijective mixer. Not jumps: with children k + 1 jumps ahead, child k's own
  // first child would be child k + 1's stream, so nested spawning (folds x
  // trees) would repeat streams. Drawn states are effectively random points of
  // the 2^256 - 1 period, at any depth of nesting.
  std::vector<Generator> children;
  children.reserve(n);
  for (std::size_t k = 0; k < n; ++k) {
    Generator child(0);
    for (auto& word : child.s_) {
      std::uint64_t draw = (*this)();
      word = splitmix64_next(draw);
    }
    if (child.s_ == std::array<result_type, 4>{}) child.s_[0] = 1;  // the one forbidden state (p = 2^-256)
    children.push_back(child);
  }
  return children;
}

Generator default_rng(std::optional<std::uint64_t> seed) {
  if (seed) return Generator(*seed);
  std::random_device device;
  // random_device yields 32-bit words; two of them fill the 64-bit seed.
  const std::uint64_t high = device();
  const std::uint64_t low = device();
  return Generator((high << 32) ^ low);
}

}  // namespace scilearn

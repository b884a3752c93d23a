// Sobol' points in Gray-code order (Antonov & Saleev 1979) from Joe & Kuo's
// direction numbers, optionally scrambled by a left linear matrix scramble and
// a digital shift (Matousek 1998, "On the L2-discrepancy for anchored boxes").
#include <algorithm>
#include <bit>
#include <boost/random/detail/sobol_table.hpp>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/stats/qmc.hpp>
#include <vector>

namespace scilearn::stats::qmc {

namespace {

// Boost.Random keeps the Joe & Kuo (2008) table (new-joe-kuo-6.21201, search
// criterion D(6), the file SciPy reads) for dimensions 2 .. 3667: each
// dimension's primitive polynomial with both end coefficients, and its first
// `degree` direction integers m_1 .. m_degree. Dimension 1 is the van der
// Corput sequence (every m = 1) and has no row.
using JoeKuo = boost::random::detail::qrng_tables::sobol;
static_assert(JoeKuo::max_dimension == Sobol::max_dimension);

// The direction numbers of one dimension scaled to `bits` bits: v_j = m_j
// 2^(bits - 1 - j), m_j < 2^(j + 1), so point k's integer is the XOR of the
// v_j of the bits set in the Gray code of k (Bratley & Fox 1988, Algorithm 659).
void direction_numbers(Index dim, int bits, std::uint64_t* v) {
  const auto width = static_cast<std::size_t>(bits);
  std::vector<std::uint64_t> m(width, 1);
  if (dim > 0) {
    const auto row = static_cast<std::size_t>(dim - 1);
    const std::uint64_t poly = JoeKuo::polynomial(row);
    const auto degree = static_cast<std::size_t>(std::bit_width(poly) - 1);
    for (std::size_t j = 0; j < std::min(degree, width); ++j) m[j] = JoeKuo::minit(row, j);
    // m_j = 2 a_1 m_{j-1} ^ 4 a_2 m_{j-2} ^ ... ^ 2^s m_{j-s} ^ m_{j-s}, with
    // a_i the coefficient of x^(s-i) (bit s - i of poly; a_s = 1).
    for (std::size_t j = degree; j < width; ++j) {
      std::uint64_t value = m[j - degree];
      for (std::size_t i = 1; i <= degree; ++i) {
        if ((poly >> (degree - i)) & 1U) value ^= m[j - i] << i;
      }
      m[j] = value;
    }
  }
  for (std::size_t j = 0; j < width; ++j) v[j] = m[j] << (width - 1 - j);
}

// The integers of `bits` bits: all ones below bit `bits`.
std::uint64_t low_bits(int bits) {
  return bits >= 64 ? std::numeric_limits<std::uint64_t>::max() : (std::uint64_t{1} << bits) - 1;
}

bool is_power_of_two(Index n) { return n > 0 && std::has_single_bit(static_cast<std::uint64_t>(n)); }

}  // namespace

Sobol::Sobol(Index d, const SobolOptions& options)
    : QMCEngine("Sobol", d, options.seed), bits_(options.bits), scramble_(options.scramble) {
  if (d > max_dimension) {
    throw ValueError(cat("Sobol: the maximum supported dimensionality is ", max_dimension, ", got d = ", d,
                         " (the Joe-Kuo direction numbers available)"));
  }
  if (bits_ < 0 || bits_ > 64) throw ValueError(cat("Sobol: bits must be in [0, 64], got ", bits_));
  const auto width = static_cast<std::size_t>(bits_);
  const auto dims = static_cast<std::size_t>(d);
  scale_ = std::ldexp(1.0, -bits_);
  v_.resize(dims * width);
  for (std::size_t k = 0; k < dims; ++k) direction_numbers(static_cast<Index>(k), bits_, v_.data() + k * width);
  shift_.assign(dims, 0);
  if (scramble_ && bits_ > 0) {
    const std::uint64_t all = low_bits(bits_);
    for (auto& s : shift_) s = rng_() & all;
    // Row p (p = 0 the most significant digit) of a random lower unit-triangular
    // binary matrix L: digit p of L v is the parity of row_p & v, so the
    // scrambled digit p depends on digits 0 .. p of v only and L is invertible:
    // the net property survives.
    std::vector<std::uint64_t> rows(width);
    for (std::size_t k = 0; k < dims; ++k) {
      for (std::size_t p = 0; p < width; ++p) {
        const std::size_t position = width - 1 - p;
        const std::uint64_t above = all & ~low_bits(static_cast<int>(position) + 1);
        rows[p] = (std::uint64_t{1} << position) | (rng_() & above);
      }
      for (std::size_t j = 0; j < width; ++j) {
        std::uint64_t& vj = v_[k * width + j];
        std::uint64_t scrambled = 0;
        for (std::size_t p = 0; p < width; ++p) {
          if (std::popcount(rows[p] & vj) & 1) scrambled |= std::uint64_t{1} << (width - 1 - p);
        }
        vj = scrambled;
      }
    }
  }
  quasi_ = shift_;
}

void Sobol::check_capacity(Index n) const {
  if (bits_ >= 63) {
    if (n > std::numeric_limits<Index>::max() - num_generated_) throw ValueError("Sobol: too many points");
    return;
  }
  const Index max_n = Index{1} << bits_;
  if (n > max_n - num_generated_) {
    throw ValueError(cat("Sobol: at most 2**", bits_, " = ", max_n, " distinct points can be generated; ",
                         num_generated_, " have been generated, then n = ", num_generated_, " + ", n, " = ",
                         num_generated_ + n, (bits_ < 64 ? ". Consider increasing bits" : "")));
  }
}

void Sobol::step(Index from) {
  // From point k to k + 1 the Gray code changes in bit c, the number of
  // trailing ones of k.
  const auto k = static_cast<std::uint64_t>(from);
  const auto c = static_cast<std::size_t>(std::countr_one(k));
  const auto width = static_cast<std::size_t>(bits_);
  for (std::size_t j = 0; j < quasi_.size(); ++j) quasi_[j] ^= v_[j * width + c];
}

Matrix Sobol::draw(Index n) {
  check_capacity(n);
  Matrix sample(n, d_);
  if (n == 0) return sample;
  if (num_generated_ == 0 && !is_power_of_two(n)) {
    warn(WarningCategory::user,
         cat("Sobol: the balance properties of Sobol' points require n to be a power of 2, got n = ", n));
  }
  // quasi_ holds point num_generated_ - 1 (point 0 before the first draw).
  for (Index i = 0; i < n; ++i) {
    const Index k = num_generated_ + i;
    if (k > 0) step(k - 1);
    for (Index j = 0; j < d_; ++j) sample(i, j) = static_cast<double>(quasi_[static_cast<std::size_t>(j)]) * scale_;
  }
  return sample;
}

Matrix Sobol::random_base2(int m) {
  if (m < 0 || m > 62) throw ValueError(cat("Sobol: random_base2 needs 0 <= m <= 62, got m = ", m));
  const Index n = Index{1} << m;
  check_capacity(n);
  if (!is_power_of_two(num_generated_ + n)) {
    throw ValueError(cat("Sobol: the balance properties of Sobol' points require n to be a power of 2; ",
                         num_generated_, " points have been generated, then n = ", num_generated_, " + 2**", m, " = ",
                         num_generated_ + n, ". Sobol::random() draws other sizes"));
  }
  return random(n);
}

Sobol& Sobol::reset() {
  QMCEngine::reset();
  quasi_ = shift_;
  return *this;
}

Sobol& Sobol::fast_forward(Index n) {
  if (n < 0) throw ValueError(cat("Sobol: fast_forward needs n >= 0, got ", n));
  check_capacity(n);
  num_generated_ += n;
  if (num_generated_ == 0) return *this;
  // Point k directly: the shift XOR the direction numbers of the bits of k's Gray code.
  const auto k = static_cast<std::uint64_t>(num_generated_ - 1);
  const std::uint64_t gray = k ^ (k >> 1);
  const auto width = static_cast<std::size_t>(bits_);
  quasi_ = shift_;
  for (std::size_t j = 0; j < quasi_.size(); ++j) {
    for (std::size_t c = 0; c < width; ++c) {
      if ((gray >> c) & 1U) quasi_[j] ^= v_[j * width + c];
    }
  }
  return *this;
}

}  // namespace scilearn::stats::qmc

#include <bit>
#include <cmath>
#include <limits>
#include <numbers>
#include <scilearn/linalg/special_matrices.hpp>
#include <vector>

namespace scilearn::linalg {
namespace detail {

void check_builder_vector(const char* where, const char* name, Index rows, Index cols) {
  if (rows != 1 && cols != 1 && rows * cols != 0) {
    throw ValueError(cat(where, ": ", name, " is ", rows, "x", cols, ", expected a vector"));
  }
}

namespace {

// GCC's and Clang's 128-bit integer (__extension__: not ISO C++), for exact
// products of binomial coefficients.
__extension__ using Int128 = __int128;

void check_order(const char* where, Index n) {
  if (n < 0) throw ValueError(cat(where, ": n must be non-negative, got ", n));
}

// Binomial coefficients C(k, j), 0 <= j <= k <= max_k, by Pascal's rule in
// long double: additions of integers below 2^64 are exact in its 64-bit
// significand (x86's extended type; wider elsewhere), so every coefficient
// below 2^64 is exact and rounds correctly to double; beyond, the relative
// error stays of order 1e-19 per addition.
class BinomialTable {
 public:
  explicit BinomialTable(Index max_k) : max_k_(max_k) {
    const auto size = static_cast<std::size_t>(max_k + 1);
    rows_.resize(size);
    for (std::size_t k = 0; k < size; ++k) {
      rows_[k].assign(k + 1, 1.0L);
      for (std::size_t j = 1; j < k; ++j) rows_[k][j] = rows_[k - 1][j - 1] + rows_[k - 1][j];
    }
  }
  // C(k, j); zero outside 0 <= j <= k.
  [[nodiscard]] long double operator()(Index k, Index j) const {
    if (j < 0 || j > k || k > max_k_) return 0.0L;
    return rows_[static_cast<std::size_t>(k)][static_cast<std::size_t>(j)];
  }

 private:
  Index max_k_;
  std::vector<std::vector<long double>> rows_;
};

// |invhilbert(n)(i, j)| as an exact 128-bit product, or -1 when it overflows.
Int128 exact_magnitude(const BinomialTable& binom, Index n, Index i, Index j) {
  constexpr long double kExact = 18446744073709551616.0L;  // 2^64: the table's exact range
  const long double factors[] = {static_cast<long double>(i + j + 1), binom(n + i, n - j - 1), binom(n + j, n - i - 1),
                                 binom(i + j, i), binom(i + j, i)};
  Int128 product = 1;
  for (const long double f : factors) {
    if (f >= kExact) return -1;
    if (__builtin_mul_overflow(product, static_cast<Int128>(static_cast<unsigned long long>(f)), &product)) {
      return -1;
    }
  }
  return product;
}

}  // namespace
}  // namespace detail

Matrix hilbert(Index n) {
  detail::check_order("hilbert", n);
  Matrix h(n, n);
  for (Index j = 0; j < n; ++j)
    for (Index i = 0; i < n; ++i) h(i, j) = 1.0 / (1.0 + static_cast<double>(i + j));
  return h;
}

Matrix invhilbert(Index n) {
  detail::check_order("invhilbert", n);
  const detail::BinomialTable binom(2 * n);
  Matrix h(n, n);
  for (Index j = 0; j < n; ++j) {
    for (Index i = j; i < n; ++i) {
      // Exact integer arithmetic while the entry fits 128 bits (then one
      // rounding to double), long double products beyond (overflowing to inf
      // in the conversion, as SciPy's float products do).
      const detail::Int128 exact = detail::exact_magnitude(binom, n, i, j);
      double magnitude = 0;
      if (exact >= 0) {
        magnitude = static_cast<double>(exact);
      } else {
        const long double c = binom(i + j, i);
        magnitude = static_cast<double>(static_cast<long double>(i + j + 1) * binom(n + i, n - j - 1) *
                                        binom(n + j, n - i - 1) * c * c);
      }
      h(i, j) = (i + j) % 2 == 0 ? magnitude : -magnitude;
      h(j, i) = h(i, j);
    }
  }
  return h;
}

Matrix pascal(Index n, PascalKind kind) {
  detail::check_order("pascal", n);
  const detail::BinomialTable binom(kind == PascalKind::symmetric ? std::max<Index>(2 * n - 2, 0) : n);
  Matrix p(n, n);
  for (Index j = 0; j < n; ++j) {
    for (Index i = 0; i < n; ++i) {
      switch (kind) {
        case PascalKind::symmetric: p(i, j) = static_cast<double>(binom(i + j, i)); break;
        case PascalKind::lower: p(i, j) = static_cast<double>(binom(i, j)); break;
        case PascalKind::upper: p(i, j) = static_cast<double>(binom(j, i)); break;
      }
    }
  }
  return p;
}

Matrix hadamard(Index n) {
  if (n < 1 || (n & (n - 1)) != 0) {
    throw ValueError(cat("hadamard: n must be a positive integer and a power of 2, got ", n));
  }
  // Sylvester's construction H_2k = [[H_k, H_k], [H_k, -H_k]] unrolled:
  // H(i, j) = (-1)^popcount(i & j).
  Matrix h(n, n);
  for (Index j = 0; j < n; ++j)
    for (Index i = 0; i < n; ++i) h(i, j) = std::popcount(static_cast<unsigned long long>(i & j)) % 2 ? -1 : 1;
  return h;
}

MatrixT<std::complex<double>> dft(Index n, DftScale scale) {
  detail::check_order("dft", n);
  const double factor = scale == DftScale::sqrtn ? 1.0 / std::sqrt(static_cast<double>(n))
                        : scale == DftScale::n   ? 1.0 / static_cast<double>(n)
                                                 : 1.0;
  MatrixT<std::complex<double>> m(n, n);
  for (Index k = 0; k < n; ++k) {
    for (Index j = 0; j < n; ++j) {
      // Reducing j k modulo n first keeps the angle in [0, 2 pi): SciPy
      // raises omega_j to the power k, whose rounding grows with k.
      const double angle = -2.0 * std::numbers::pi * static_cast<double>((j * k) % n) / static_cast<double>(n);
      m(j, k) = std::polar(factor, angle);
    }
  }
  return m;
}

Matrix helmert(Index n, bool full) {
  if (n < 1) throw ValueError(cat("helmert: n must be at least 1, got ", n));
  Matrix h = Matrix::Zero(n, n);
  // SciPy's H / sqrt(d): row 0 is ones / sqrt(n); row i >= 1 is i ones, then
  // -i, over sqrt(i (i + 1)).
  h.row(0).setConstant(1.0 / std::sqrt(static_cast<double>(n)));
  for (Index i = 1; i < n; ++i) {
    const double d = std::sqrt(static_cast<double>(i) * static_cast<double>(i + 1));
    for (Index j = 0; j < i; ++j) h(i, j) = 1.0 / d;
    h(i, i) = -static_cast<double>(i) / d;
  }
  if (full) return h;
  return h.bottomRows(n - 1);
}

}  // namespace scilearn::linalg

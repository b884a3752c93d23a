#include "ziggurat.hpp"

#include <array>
#include <cmath>
#include <cstdint>
#include <numbers>

#include "distribution_support.hpp"

namespace scilearn::stats::detail {

namespace {

constexpr int kBlocks = 128;
// The right end of the base block (Doornik 2005, for 128 blocks); the common
// area follows from it: r f(r) + the tail's area, f(x) = exp(-x^2 / 2).
constexpr double kR = 3.442619855899;

struct Ziggurat {
  std::array<double, kBlocks + 1> x{};  // block i spans [0, x[i]) under f; x[0] is the base's equivalent width
  std::array<double, kBlocks> ratio{};  // x[i + 1] / x[i]: below it, a point is inside the next block's rectangle

  Ziggurat() {
    const double area = kR * std::exp(-0.5 * kR * kR) + std::sqrt(std::numbers::pi / 2) * std::erfc(kR / std::numbers::sqrt2);
    double f = std::exp(-0.5 * kR * kR);
    x[0] = area / f;
    x[1] = kR;
    x[kBlocks] = 0;
    for (int i = 2; i < kBlocks; ++i) {
      x[i] = std::sqrt(-2 * std::log(area / x[i - 1] + f));
      f = std::exp(-0.5 * x[i] * x[i]);
    }
    for (int i = 0; i < kBlocks; ++i) ratio[i] = x[i + 1] / x[i];
  }
};

const Ziggurat kZiggurat;

// The normal tail beyond r (Marsaglia 1964): x = -log(u1) / r until
// -2 log(u2) > x^2, then r + x.
double tail(Generator& rng, bool negative) {
  double x, y;
  do {
    x = std::log(open_uniform(rng)) / kR;
    y = std::log(open_uniform(rng));
  } while (-2 * y < x * x);
  return negative ? x - kR : kR - x;
}

}  // namespace

double ziggurat_normal(Generator& rng) {
  for (;;) {
    // One raw number: the low 7 bits pick the block, the top 53 make u in
    // [-1, 1), so the two are independent.
    const std::uint64_t bits = rng();
    const auto i = static_cast<std::size_t>(bits & (kBlocks - 1));
    const double u = 2 * (static_cast<double>(bits >> 11) * 0x1.0p-53) - 1;
    if (std::abs(u) < kZiggurat.ratio[i]) return u * kZiggurat.x[i];  // inside the rectangle
    if (i == 0) return tail(rng, u < 0);
    // A wedge: accept under the curve between the block's two corners.
    const double x = u * kZiggurat.x[i];
    const double f0 = std::exp(-0.5 * (kZiggurat.x[i] * kZiggurat.x[i] - x * x));
    const double f1 = std::exp(-0.5 * (kZiggurat.x[i + 1] * kZiggurat.x[i + 1] - x * x));
    if (f1 + rng.random() * (f0 - f1) < 1.0) return x;
  }
}

}  // namespace scilearn::stats::detail

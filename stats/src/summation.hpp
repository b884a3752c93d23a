#pragma once
// Compensated summation (Neumaier 1974, with Knuth's TwoSum), which the
// stats module uses wherever a sum must keep its digits. Private to the module.

#include <cmath>
#include <scilearn/core/types.hpp>

namespace scilearn::stats::detail {

// A running sum that keeps the rounding error of every addition (Knuth's
// TwoSum, branch-free, so several accumulators can share one loop) and adds
// it back at the end (an infinite sum leaves no error to add back).
class CompensatedSum {
 public:
  void add(double x) noexcept {
    const double t = sum_ + x;
    const double z = t - sum_;
    compensation_ += (sum_ - (t - z)) + (x - z);
    sum_ = t;
  }
  [[nodiscard]] double value() const noexcept { return std::isfinite(sum_) ? sum_ + compensation_ : sum_; }

 private:
  double sum_ = 0, compensation_ = 0;
};

// sum term(0) ... term(n - 1), compensated.
template <class Terms>
double compensated_sum(Index n, Terms term) {
  CompensatedSum sum;
  for (Index i = 0; i < n; ++i) sum.add(term(i));
  return sum.value();
}

}  // namespace scilearn::stats::detail

#pragma once
// The data a function works on under its nan_policy (private to the module).

#include <optional>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/types.hpp>
#include <scilearn/stats/nan_policy.hpp>
#include <string_view>

namespace scilearn::stats::detail {

// A sample under a nan_policy: the given one (propagate, or no NaN), or a
// copy without its NaN entries (omit); raise throws ValueError when there is
// a NaN (SciPy: "The input contains nan values"). No copy unless omitting.
class NanFiltered {
 public:
  NanFiltered(std::string_view where, const Vector& a, NanPolicy policy) : given_(&a) {
    if (policy == NanPolicy::propagate || !a.hasNaN()) return;
    if (policy == NanPolicy::raise) throw ValueError(cat(where, ": the input contains NaN values (nan_policy raise)"));
    Vector kept(a.size());
    Index k = 0;
    for (Index i = 0; i < a.size(); ++i) {
      if (!std::isnan(a(i))) kept(k++) = a(i);
    }
    omitted_ = kept.head(k);
  }
  [[nodiscard]] const Vector& get() const noexcept { return omitted_ ? *omitted_ : *given_; }

 private:
  const Vector* given_;
  std::optional<Vector> omitted_;
};

// Paired samples under a nan_policy: omit drops the pairs with a NaN on
// either side. x and y must have the same length (checked by the caller).
class PairedNanFiltered {
 public:
  PairedNanFiltered(std::string_view where, const Vector& x, const Vector& y, NanPolicy policy) : x_(&x), y_(&y) {
    if (policy == NanPolicy::propagate || (!x.hasNaN() && !y.hasNaN())) return;
    if (policy == NanPolicy::raise) throw ValueError(cat(where, ": the input contains NaN values (nan_policy raise)"));
    Vector kx(x.size()), ky(y.size());
    Index k = 0;
    for (Index i = 0; i < x.size(); ++i) {
      if (std::isnan(x(i)) || std::isnan(y(i))) continue;
      kx(k) = x(i);
      ky(k++) = y(i);
    }
    omitted_x_ = kx.head(k);
    omitted_y_ = ky.head(k);
  }
  [[nodiscard]] const Vector& x() const noexcept { return omitted_x_ ? *omitted_x_ : *x_; }
  [[nodiscard]] const Vector& y() const noexcept { return omitted_y_ ? *omitted_y_ : *y_; }

 private:
  const Vector* x_;
  const Vector* y_;
  std::optional<Vector> omitted_x_, omitted_y_;
};

}  // namespace scilearn::stats::detail

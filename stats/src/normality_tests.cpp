#include <scilearn/stats/normality_tests.hpp>

#include <scilearn/stats/descriptive.hpp>

#include "test_support.hpp"

namespace scilearn::stats {

NormalityTestResult jarque_bera(const Vector& x) {
  if (x.size() == 0) {
    detail::warn_too_small("jarque_bera");
    return {detail::kNaN, detail::kNaN};
  }
  const double s = skew(x), k = kurtosis(x);
  const double jb = static_cast<double>(x.size()) / 6 * (s * s + k * k / 4);
  return {jb, detail::chi2_sf(jb, 2)};
}

}  // namespace scilearn::stats

#pragma once
// What the feature selection tests share: the fixtures of
// tests/reference/learn_feature_selection.py, a NaN- and inf-aware relative
// error, the selectors' supports as 0/1 text, and a warning recorder.

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <scilearn/core/io.hpp>
#include <scilearn/core/warnings.hpp>
#include <string>
#include <vector>

#include "support/fixtures.hpp"

namespace scilearn::testing::feature_selection {

inline Matrix load_matrix(const std::string& name) {
  return io::load_npy<double>(fixture_path("learn/feature_selection/" + name + ".npy"));
}
inline Vector load_vector(const std::string& name) {
  return io::load_npy_vector<double>(fixture_path("learn/feature_selection/" + name + ".npy"));
}

// Largest |a - b| / max(|b|, floor) over the entries; NaN must match NaN and
// an infinity the same infinity (else the error is inf). Sizes must agree.
inline double relative_error(const Vector& a, const Vector& b, double floor) {
  BOOST_REQUIRE_EQUAL(a.size(), b.size());
  double worst = 0;
  for (Index j = 0; j < a.size(); ++j) {
    if (std::isnan(a(j)) || std::isnan(b(j)) || std::isinf(a(j)) || std::isinf(b(j))) {
      const bool same = (std::isnan(a(j)) && std::isnan(b(j))) || a(j) == b(j);
      if (!same) return std::numeric_limits<double>::infinity();
      continue;
    }
    worst = std::max(worst, std::abs(a(j) - b(j)) / std::max(std::abs(b(j)), floor));
  }
  return worst;
}

// A support as the fixtures write it: "0;1;1".
inline std::string support_text(const std::vector<bool>& mask) {
  std::string out;
  for (std::size_t j = 0; j < mask.size(); ++j) out += (j ? ";" : "") + std::string(mask[j] ? "1" : "0");
  return out;
}

// Records the messages of the warnings raised while it lives.
struct WarningRecorder {
  std::vector<std::string> messages;
  ScopedWarningHandler handler{[this](const Warning& w) { messages.push_back(w.message); }};
};

}  // namespace scilearn::testing::feature_selection

#pragma once
// The cases of tests/data/stats/resampling/cases.csv
// (tests/reference/stats_resampling.py, SciPy 1.17), which
// regression_slopes_test.cpp and resampling_test.cpp read, and how they
// compare and report.

#include <boost/test/unit_test.hpp>
#include <algorithm>
#include <cmath>
#include <iostream>
#include <map>
#include <scilearn/core/io.hpp>
#include <scilearn/core/types.hpp>
#include <scilearn/core/warnings.hpp>
#include <string>
#include <vector>

#include "manifest_cases.hpp"
#include "support/fixtures.hpp"

namespace scilearn::testing::resampling {

using Case = ManifestCase;  // this manifest has no alternative column

inline std::vector<Case> cases_of(const std::string& function) {
  return manifest_cases("stats/resampling", function, /*alternative_column=*/false);
}

// 0 when both are NaN or equal (infinities included); otherwise the
// difference relative to max(|reference|, scale), infinite when only one is
// NaN or infinite.
inline double error(double value, double reference, double scale = 0) {
  if (std::isnan(value) || std::isnan(reference)) return std::isnan(value) && std::isnan(reference) ? 0.0 : INFINITY;
  if (value == reference) return 0;
  if (std::isinf(value) || std::isinf(reference)) return INFINITY;
  return std::abs(value - reference) / std::max(std::abs(reference), scale);
}

// The largest error of each quantity over a test's cases, for the log.
struct Worst {
  std::map<std::string, double> errors;
  int compared = 0;
  void check(const std::string& what, double value, double reference, double tolerance, double scale = 0) {
    const double e = error(value, reference, scale);
    errors[what] = std::max(errors[what], e);
    ++compared;
    BOOST_TEST(e <= tolerance, what << " " << value << " against SciPy's " << reference << " (error " << e
                                    << ", tolerance " << tolerance << ")");
  }
  void report(const std::string& test) const {
    std::cout << test << ": " << compared << " values compared, max error";
    for (const auto& [what, e] : errors) std::cout << ", " << what << " " << e;
    std::cout << "\n";
  }
};

// Counts the warnings raised while it lives.
struct WarningCounter {
  int count = 0;
  ScopedWarningHandler handler{[this](const Warning&) { ++count; }};
};

}  // namespace scilearn::testing::resampling

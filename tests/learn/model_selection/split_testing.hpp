#pragma once
// What the splitter suites share: reading tests/data/learn/model_selection_split
// (written by tests/reference/learn_model_selection_split.py) and the checks
// every split must pass.

#include <boost/test/unit_test.hpp>
#include <map>
#include <memory>
#include <scilearn/learn/model_selection/split.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support/fixtures.hpp"

namespace scilearn::testing {

/// The space-separated numbers of a manifest cell.
inline std::vector<double> numbers_of(const std::string& cell) {
  std::vector<double> values;
  std::istringstream in(cell);
  double v = 0;
  while (in >> v) values.push_back(v);
  return values;
}

inline std::vector<Index> indices_of(const std::string& cell) {
  std::vector<Index> out;
  for (const double v : numbers_of(cell)) out.push_back(static_cast<Index>(v));
  return out;
}

inline Vector vector_of(const std::string& cell) {
  const std::vector<double> values = numbers_of(cell);
  return Eigen::Map<const Vector>(values.data(), static_cast<Index>(values.size()));
}

/// "a=1;b=2" as a map.
inline std::map<std::string, std::string> params_of(const std::string& cell) {
  std::map<std::string, std::string> params;
  std::istringstream in(cell);
  std::string item;
  while (std::getline(in, item, ';')) {
    const auto eq = item.find('=');
    if (eq != std::string::npos) params[item.substr(0, eq)] = item.substr(eq + 1);
  }
  return params;
}

/// One case of splits.csv: the splitter's inputs and scikit-learn's splits.
struct SplitCase {
  std::string name, splitter;
  std::map<std::string, std::string> params;
  Index n_samples = 0;
  Vector y, groups;
  std::vector<learn::TrainTestIndices> splits;
};

/// The cases of splits.csv whose splitter is one of `splitters`.
inline std::vector<SplitCase> split_cases(const std::set<std::string>& splitters) {
  std::vector<SplitCase> cases;
  for (const auto& row : read_manifest("learn/model_selection_split/splits.csv")) {
    if (splitters.count(row.at(1)) == 0) continue;
    if (cases.empty() || cases.back().name != row.at(0)) {
      SplitCase c;
      c.name = row.at(0);
      c.splitter = row.at(1);
      c.params = params_of(row.at(2));
      c.n_samples = std::stol(row.at(3));
      c.y = vector_of(row.at(4));
      c.groups = vector_of(row.at(5));
      cases.push_back(std::move(c));
    }
    BOOST_REQUIRE_EQUAL(std::stoul(row.at(6)), cases.back().splits.size());
    cases.back().splits.push_back({indices_of(row.at(7)), indices_of(row.at(8))});
  }
  BOOST_REQUIRE(!cases.empty());
  return cases;
}

/// The parameter `key` of a case as an integer, or `fallback`.
inline Index param_or(const SplitCase& c, const std::string& key, Index fallback) {
  const auto it = c.params.find(key);
  return it == c.params.end() ? fallback : std::stol(it->second);
}

/// Checks that scilearn's splits equal scikit-learn's, index for index.
inline void check_same_splits(const SplitCase& c, const std::vector<learn::TrainTestIndices>& got) {
  BOOST_TEST_CONTEXT("case " << c.name) {
    BOOST_REQUIRE_EQUAL(got.size(), c.splits.size());
    for (std::size_t k = 0; k < got.size(); ++k) {
      BOOST_TEST_CONTEXT("fold " << k) {
        BOOST_TEST(got[k].train == c.splits[k].train, boost::test_tools::per_element());
        BOOST_TEST(got[k].test == c.splits[k].test, boost::test_tools::per_element());
      }
    }
  }
}

/// Checks one split: indices in [0, n), no repeats, train and test disjoint;
/// with `covering`, together they hold every sample.
inline void check_partition(const learn::TrainTestIndices& split, Index n_samples, bool covering) {
  std::vector<int> seen(static_cast<std::size_t>(n_samples), 0);
  for (const auto* part : {&split.train, &split.test})
    for (const Index i : *part) {
      BOOST_REQUIRE(i >= 0 && i < n_samples);
      ++seen[static_cast<std::size_t>(i)];
    }
  for (Index i = 0; i < n_samples; ++i) {
    BOOST_TEST(seen[static_cast<std::size_t>(i)] <= 1);
    if (covering) BOOST_TEST(seen[static_cast<std::size_t>(i)] == 1);
  }
}

/// Checks that the test sets of k-fold splits partition the samples.
inline void check_test_sets_partition(const std::vector<learn::TrainTestIndices>& splits, Index n_samples) {
  std::vector<int> tested(static_cast<std::size_t>(n_samples), 0);
  for (const auto& split : splits) {
    check_partition(split, n_samples, /*covering=*/true);
    for (const Index i : split.test) ++tested[static_cast<std::size_t>(i)];
  }
  for (const int t : tested) BOOST_TEST(t == 1);
}

/// How many entries of `indices` have label `label` in y.
inline Index count_label(const std::vector<Index>& indices, const Vector& y, double label) {
  Index count = 0;
  for (const Index i : indices) count += y[i] == label ? 1 : 0;
  return count;
}

}  // namespace scilearn::testing

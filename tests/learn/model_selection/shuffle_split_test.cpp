#include <boost/test/unit_test.hpp>
#include <numeric>
#include <scilearn/core/errors.hpp>
#include <scilearn/learn/model_selection/split.hpp>
#include <set>

#include "split_testing.hpp"
#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(model_selection_shuffle_split)

using namespace scilearn;
using namespace scilearn::learn;
using scilearn::testing::check_partition;
using scilearn::testing::count_label;

namespace {

const std::uint64_t seeds[] = {0, 1, 42, 20261206};

/// A size cell of sizes.csv: empty (None), a fraction (with '.') or a count.
std::optional<SplitSize> size_of(const std::string& cell) {
  if (cell.empty()) return std::nullopt;
  if (cell.find('.') != std::string::npos) return SplitSize(std::stod(cell));
  return SplitSize(std::stol(cell));
}

std::vector<double> distinct(const Vector& y) {
  std::vector<double> labels(y.data(), y.data() + y.size());
  std::sort(labels.begin(), labels.end());
  labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
  return labels;
}

using Counts = std::pair<std::vector<Index>, std::vector<Index>>;

Counts class_counts(const TrainTestIndices& split, const Vector& y) {
  Counts counts;
  for (const double label : distinct(y)) {
    counts.first.push_back(count_label(split.train, y, label));
    counts.second.push_back(count_label(split.test, y, label));
  }
  return counts;
}

}  // namespace

BOOST_AUTO_TEST_CASE(sizes_match_scikit_learn_rounding_and_validation) {
  // Covers fractions whose product rounds up (0.1 * 70 = 7.000000000000001:
  // 8 test samples) or down (0.29 * 100 = 28.999999999999996: 28 training
  // samples), counts, None, and every invalid combination scikit-learn rejects.
  int checked = 0;
  for (const auto& row : testing::read_manifest("learn/model_selection_split/sizes.csv")) {
    const Index n = std::stol(row.at(0));
    const std::optional<SplitSize> test_size = size_of(row.at(1)), train_size = size_of(row.at(2));
    const bool for_train_test_split = row.at(3) == "0.25";
    const bool error = row.at(6) == "1";
    BOOST_TEST_CONTEXT("n=" << n << " test_size=" << row.at(1) << " train_size=" << row.at(2)
                            << " default=" << row.at(3)) {
      if (error) {
        if (for_train_test_split) {
          BOOST_CHECK_THROW((void)train_test_split(n, {.test_size = test_size, .train_size = train_size}), ValueError);
          BOOST_CHECK_THROW(
              (void)train_test_split(n, {.test_size = test_size, .train_size = train_size, .shuffle = false}),
              ValueError);
        } else {
          BOOST_CHECK_THROW((void)ShuffleSplit({.test_size = test_size, .train_size = train_size}).split(n),
                            ValueError);
        }
        continue;
      }
      const auto n_train = static_cast<std::size_t>(std::stol(row.at(4)));
      const auto n_test = static_cast<std::size_t>(std::stol(row.at(5)));
      if (for_train_test_split) {
        const TrainTestIndices plain =
            train_test_split(n, {.test_size = test_size, .train_size = train_size, .shuffle = false});
        std::vector<Index> first(n_train), next(n_test);
        std::iota(first.begin(), first.end(), Index{0});
        std::iota(next.begin(), next.end(), static_cast<Index>(n_train));
        BOOST_TEST(plain.train == first);
        BOOST_TEST(plain.test == next);
        const TrainTestIndices shuffled =
            train_test_split(n, {.test_size = test_size, .train_size = train_size, .random_state = 3});
        BOOST_TEST(shuffled.train.size() == n_train);
        BOOST_TEST(shuffled.test.size() == n_test);
        check_partition(shuffled, n, n_train + n_test == static_cast<std::size_t>(n));
      } else {
        const auto splits =
            ShuffleSplit({.n_splits = 2, .test_size = test_size, .train_size = train_size, .random_state = 5}).split(n);
        BOOST_REQUIRE_EQUAL(splits.size(), 2U);
        for (const auto& split : splits) {
          BOOST_TEST(split.train.size() == n_train);
          BOOST_TEST(split.test.size() == n_test);
          check_partition(split, n, n_train + n_test == static_cast<std::size_t>(n));
        }
      }
      ++checked;
    }
  }
  BOOST_TEST(checked > 300);
}

BOOST_AUTO_TEST_CASE(size_errors_name_the_function_and_numbers) {
  BOOST_TEST(testing::message_of<ValueError>([] { (void)train_test_split(10, {.test_size = 10}); }) ==
             "train_test_split: test_size=10 should be either positive and smaller than the number of samples 10 or "
             "a float in the (0, 1) range");
  BOOST_TEST(testing::message_of<ValueError>([] { (void)ShuffleSplit({.test_size = 1.0}).split(10); }) ==
             "ShuffleSplit.split: test_size=1.0 should be either positive and smaller than the number of samples 10 "
             "or a float in the (0, 1) range");
  BOOST_TEST(testing::message_of<ValueError>([] { (void)train_test_split(10, {.test_size = 6, .train_size = 5}); }) ==
             "train_test_split: the sum of train_size and test_size = 11, should be smaller than the number of "
             "samples 10. Reduce test_size and/or train_size.");
  BOOST_TEST(testing::message_of<ValueError>([] { (void)train_test_split(1); }) ==
             "train_test_split: with n_samples=1, test_size=0.25 and train_size=None, the resulting train set will "
             "be empty. Adjust any of the aforementioned parameters.");
  BOOST_CHECK_THROW((void)ShuffleSplit({.n_splits = 0}), ValueError);
}

BOOST_AUTO_TEST_CASE(stratified_shuffle_split_allocates_class_counts_as_scikit_learn) {
  // scikit-learn breaks ties between classes' fractional shares at random; the
  // fixture lists every outcome it gave over 300 seeds, and 300 of our seeds
  // must give the same set (one outcome where there is no tie).
  std::map<std::string, std::pair<Vector, std::set<Counts>>> cases;
  std::map<std::string, std::pair<std::optional<SplitSize>, std::optional<SplitSize>>> sizes;
  for (const auto& row : testing::read_manifest("learn/model_selection_split/stratified_counts.csv")) {
    auto& c = cases[row.at(0)];
    c.first = testing::vector_of(row.at(1));
    c.second.insert({testing::indices_of(row.at(4)), testing::indices_of(row.at(5))});
    sizes[row.at(0)] = {size_of(row.at(2)), size_of(row.at(3))};
  }
  BOOST_REQUIRE_EQUAL(cases.size(), 7U);
  for (const auto& [name, c] : cases) {
    const auto& [y, expected] = c;
    const auto [test_size, train_size] = sizes[name];
    const auto n = y.size();
    std::set<Counts> seen;
    for (std::uint64_t seed = 0; seed < 300; ++seed) {
      const auto split = StratifiedShuffleSplit(
                             {.n_splits = 1, .test_size = test_size, .train_size = train_size, .random_state = seed})
                             .split(n, y)[0];
      seen.insert(class_counts(split, y));
    }
    BOOST_TEST_CONTEXT("case " << name) {
      BOOST_TEST((seen == expected));
      // train_test_split with stratify uses the same allocation (its default
      // test_size is 0.25, not 0.1: compare where the sizes are given).
      if (!test_size && !train_size) continue;
      const auto split =
          train_test_split(n, {.test_size = test_size, .train_size = train_size, .random_state = 9, .stratify = y});
      BOOST_TEST(expected.count(class_counts(split, y)) == 1U);
    }
  }
}

BOOST_AUTO_TEST_CASE(shuffle_splits_are_disjoint_and_depend_only_on_the_seed) {
  const Vector y =
      (Vector(30) << 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2)
          .finished();
  std::vector<std::vector<Index>> first_tests;
  for (const std::uint64_t seed : seeds) {
    const ShuffleSplit plain({.test_size = 0.2, .random_state = seed});
    const StratifiedShuffleSplit stratified({.n_splits = 5, .test_size = 0.3, .random_state = seed});
    const auto a = plain.split(30), b = stratified.split(30, y);
    BOOST_REQUIRE_EQUAL(a.size(), 10U);  // scikit-learn's default n_splits
    BOOST_REQUIRE_EQUAL(b.size(), 5U);
    for (const auto& split : a) {
      check_partition(split, 30, true);
      BOOST_TEST(split.test.size() == 6U);
    }
    for (const auto& split : b) {
      check_partition(split, 30, true);
      BOOST_TEST(split.test.size() == 9U);
      BOOST_TEST((class_counts(split, y).second == std::vector<Index>{6, 2, 1}));
    }
    BOOST_TEST(a[0].test != a[1].test);  // each split draws anew
    const auto again = plain.split(30);
    for (std::size_t k = 0; k < a.size(); ++k) BOOST_TEST(again[k].test == a[k].test);
    first_tests.push_back(a[0].test);
  }
  for (std::size_t i = 0; i < first_tests.size(); ++i)
    for (std::size_t j = i + 1; j < first_tests.size(); ++j) BOOST_TEST(first_tests[i] != first_tests[j]);
}

BOOST_AUTO_TEST_CASE(stratified_shuffle_split_rejects_tiny_classes_and_sizes) {
  const Vector y = (Vector(8) << 0, 0, 0, 1, 1, 1, 2, 5).finished();
  BOOST_TEST(testing::message_of<ValueError>([&] { (void)StratifiedShuffleSplit().split(8, y); }) ==
             "StratifiedShuffleSplit.split: the least populated classes in y have only 1 member, which is too few. "
             "The minimum number of groups for any class cannot be less than 2. Classes with too few members are: "
             "[2, 5]");
  const Vector y2 = (Vector(8) << 0, 0, 0, 1, 1, 1, 2, 2).finished();
  BOOST_TEST(testing::message_of<ValueError>([&] { (void)StratifiedShuffleSplit({.test_size = 2}).split(8, y2); }) ==
             "StratifiedShuffleSplit.split: the test_size = 2 should be greater or equal to the number of classes = 3");
  BOOST_CHECK_THROW((void)StratifiedShuffleSplit({.train_size = 2}).split(8, y2), ValueError);
  BOOST_CHECK_THROW((void)StratifiedShuffleSplit().split(8), ValueError);
  BOOST_CHECK_THROW((void)StratifiedShuffleSplit().split(8, Vector::Zero(7)), ValueError);
}

BOOST_AUTO_TEST_CASE(train_test_split_splits_rows_of_X_and_y_together) {
  Matrix X(12, 3);
  Vector y(12);
  for (Index i = 0; i < 12; ++i) {
    X.row(i) << i, 10.0 * i, -1.0 * i;
    y[i] = 100.0 + i;
  }
  for (const std::uint64_t seed : seeds) {
    const TrainTestSplitOptions options{.test_size = 0.25, .random_state = seed};
    const auto [X_train, X_test, y_train, y_test] = train_test_split(X, y, options);
    const TrainTestIndices split = train_test_split(12, options);
    BOOST_REQUIRE_EQUAL(X_train.rows(), 9);
    BOOST_REQUIRE_EQUAL(X_test.rows(), 3);
    BOOST_REQUIRE_EQUAL(X_train.cols(), 3);
    for (Index k = 0; k < 9; ++k) {
      const auto i = static_cast<Index>(X_train(k, 0));
      BOOST_TEST(i == split.train[static_cast<std::size_t>(k)]);
      BOOST_TEST(X_train(k, 1) == 10.0 * i);
      BOOST_TEST(y_train[k] == 100.0 + i);
    }
    for (Index k = 0; k < 3; ++k) BOOST_TEST(y_test[k] == 100.0 + X_test(k, 0));
  }
  // Without shuffling: the first 75% train, the rest test.
  const auto plain = train_test_split(X, y, {.shuffle = false});
  BOOST_TEST((plain.X_train == X.topRows(9)));
  BOOST_TEST((plain.y_test == y.tail(3)));
}

BOOST_AUTO_TEST_CASE(train_test_split_rejects_bad_stratify_and_lengths) {
  const Vector y = (Vector(6) << 0, 1, 0, 1, 0, 1).finished();
  BOOST_TEST(testing::message_of<ValueError>([&] { (void)train_test_split(6, {.shuffle = false, .stratify = y}); }) ==
             "train_test_split: stratified train/test split is not implemented for shuffle=false");
  BOOST_CHECK_THROW((void)train_test_split(7, {.stratify = y}), ValueError);
  BOOST_CHECK_THROW((void)train_test_split(Matrix::Zero(5, 2), Vector::Zero(6)), ValueError);
  BOOST_CHECK_THROW((void)take_rows(Matrix::Zero(3, 2), {0, 3}), ValueError);
  BOOST_CHECK_THROW((void)take(Vector::Zero(3), {-1}), ValueError);
}

BOOST_AUTO_TEST_SUITE_END()

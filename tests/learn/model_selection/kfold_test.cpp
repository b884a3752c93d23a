#include <boost/test/unit_test.hpp>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn/model_selection/split.hpp>

#include "split_testing.hpp"
#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(model_selection_kfold)

using namespace scilearn;
using namespace scilearn::learn;
using scilearn::testing::check_partition;
using scilearn::testing::check_same_splits;
using scilearn::testing::check_test_sets_partition;
using scilearn::testing::count_label;
using scilearn::testing::param_or;

namespace {

const std::uint64_t seeds[] = {0, 1, 42, 20261206};

/// Counts each warning raised while the object lives.
struct WarningCounter {
  int count = 0;
  std::string last;
  ScopedWarningHandler handler{[this](const Warning& w) {
    ++count;
    last = w.message;
  }};
};

/// The number of test samples with each label in each fold.
std::vector<std::vector<Index>> class_counts_per_fold(const std::vector<TrainTestIndices>& splits, const Vector& y,
                                                      const std::vector<double>& labels) {
  std::vector<std::vector<Index>> counts;
  for (const auto& split : splits) {
    counts.emplace_back();
    for (const double label : labels) counts.back().push_back(count_label(split.test, y, label));
  }
  return counts;
}

std::vector<double> distinct(const Vector& y) {
  std::vector<double> labels(y.data(), y.data() + y.size());
  std::sort(labels.begin(), labels.end());
  labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
  return labels;
}

}  // namespace

BOOST_AUTO_TEST_CASE(kfold_matches_scikit_learn) {
  for (const auto& c : testing::split_cases({"KFold"})) {
    const KFold cv({.n_splits = param_or(c, "n_splits", 5)});
    BOOST_TEST(cv.get_n_splits() == static_cast<Index>(c.splits.size()));
    check_same_splits(c, cv.split(c.n_samples));
  }
}

BOOST_AUTO_TEST_CASE(stratified_kfold_matches_scikit_learn_and_warns_on_a_small_class) {
  for (const auto& c : testing::split_cases({"StratifiedKFold"})) {
    const StratifiedKFold cv({.n_splits = param_or(c, "n_splits", 5)});
    WarningCounter warnings;
    check_same_splits(c, cv.split(c.n_samples, c.y));
    // A warning exactly when the least populated class is smaller than n_splits:
    // skfold_rare_k3 (label 0, two members) and skfold_imbalanced_default (label -1, three).
    const bool small = c.name == "skfold_rare_k3" || c.name == "skfold_imbalanced_default";
    BOOST_TEST(warnings.count == (small ? 1 : 0));
    if (c.name == "skfold_rare_k3")
      BOOST_TEST(warnings.last ==
                 "StratifiedKFold.split: the least populated class in y has only 2 members, which is less than "
                 "n_splits=3");
  }
}

BOOST_AUTO_TEST_CASE(group_kfold_matches_scikit_learn) {
  for (const auto& c : testing::split_cases({"GroupKFold"})) {
    const GroupKFold cv({.n_splits = param_or(c, "n_splits", 5)});
    check_same_splits(c, cv.split(c.n_samples, Vector(), c.groups));
  }
}

BOOST_AUTO_TEST_CASE(labels_count_by_value_and_order_not_by_their_range) {
  // An increasing map of the labels keeps scikit-learn's splits: wide-ranging
  // and fractional labels take the sorting path of the label encoding, the
  // fixtures' small integers its lookup table.
  for (const auto& c : testing::split_cases({"GroupKFold"})) {
    const Vector wide = (c.groups.array() * 1e9 + 0.25).matrix();
    check_same_splits(c, GroupKFold({.n_splits = param_or(c, "n_splits", 5)}).split(c.n_samples, Vector(), wide));
  }
  for (const auto& c : testing::split_cases({"StratifiedKFold"})) {
    const Vector wide = (c.y.array() * 1e12).matrix();
    ScopedWarningHandler quiet([](const Warning&) {});
    check_same_splits(c, StratifiedKFold({.n_splits = param_or(c, "n_splits", 5)}).split(c.n_samples, wide));
  }
}

BOOST_AUTO_TEST_CASE(kfold_shuffle_keeps_fold_sizes_and_depends_only_on_the_seed) {
  const Index n = 23;
  const auto unshuffled = KFold({.n_splits = 4}).split(n);
  std::vector<std::vector<TrainTestIndices>> by_seed;
  for (const std::uint64_t seed : seeds) {
    const KFold cv({.n_splits = 4, .shuffle = true, .random_state = seed});
    const auto splits = cv.split(n);
    check_test_sets_partition(splits, n);
    BOOST_REQUIRE_EQUAL(splits.size(), 4U);
    for (std::size_t k = 0; k < splits.size(); ++k) {
      BOOST_TEST(splits[k].test.size() == unshuffled[k].test.size());  // 6 6 6 5, as scikit-learn
      BOOST_TEST(std::is_sorted(splits[k].test.begin(), splits[k].test.end()));
      BOOST_TEST(std::is_sorted(splits[k].train.begin(), splits[k].train.end()));
    }
    const auto again = cv.split(n);
    for (std::size_t k = 0; k < splits.size(); ++k) BOOST_TEST(again[k].test == splits[k].test);
    by_seed.push_back(splits);
  }
  for (std::size_t a = 0; a < by_seed.size(); ++a)
    for (std::size_t b = a + 1; b < by_seed.size(); ++b) BOOST_TEST(by_seed[a][0].test != by_seed[b][0].test);
}

BOOST_AUTO_TEST_CASE(shuffling_without_a_seed_draws_fresh_splits) {
  const KFold cv({.n_splits = 2, .shuffle = true});
  // Two equal draws of a 60-sample shuffle have probability about 1 / C(60, 30).
  BOOST_TEST(cv.split(60)[0].test != cv.split(60)[0].test);
}

BOOST_AUTO_TEST_CASE(stratified_kfold_shuffle_keeps_scikit_learns_class_counts_per_fold) {
  for (const auto& c : testing::split_cases({"StratifiedKFold"})) {
    const Index n_splits = param_or(c, "n_splits", 5);
    const std::vector<double> labels = distinct(c.y);
    const auto expected = class_counts_per_fold(c.splits, c.y, labels);
    ScopedWarningHandler quiet([](const Warning&) {});
    std::vector<std::vector<Index>> first_tests;
    for (const std::uint64_t seed : seeds) {
      const auto splits =
          StratifiedKFold({.n_splits = n_splits, .shuffle = true, .random_state = seed}).split(c.n_samples, c.y);
      check_test_sets_partition(splits, c.n_samples);
      BOOST_TEST_CONTEXT("case " << c.name << ", seed " << seed) {
        BOOST_TEST((class_counts_per_fold(splits, c.y, labels) == expected));
      }
      first_tests.push_back(splits[0].test);
    }
    if (c.name == "skfold_imbalanced_k3") BOOST_TEST(first_tests[0] != first_tests[1]);
  }
}

BOOST_AUTO_TEST_CASE(group_kfold_shuffle_keeps_groups_whole_and_balances_their_number) {
  for (const auto& c : testing::split_cases({"GroupKFold"})) {
    const Index n_splits = param_or(c, "n_splits", 5);
    const std::vector<double> groups = distinct(c.groups);
    const auto n_groups = static_cast<Index>(groups.size());
    for (const std::uint64_t seed : seeds) {
      const auto splits = GroupKFold({.n_splits = n_splits, .shuffle = true, .random_state = seed})
                              .split(c.n_samples, Vector(), c.groups);
      check_test_sets_partition(splits, c.n_samples);
      for (std::size_t k = 0; k < splits.size(); ++k) {
        // Each group wholly in this test set or wholly out of it.
        Index groups_in_fold = 0;
        for (const double g : groups) {
          const Index in_test = count_label(splits[k].test, c.groups, g);
          const Index in_train = count_label(splits[k].train, c.groups, g);
          BOOST_TEST((in_test == 0 || in_train == 0));
          groups_in_fold += in_test > 0 ? 1 : 0;
        }
        // np.array_split sizes: the first n_groups % n_splits folds one larger.
        const Index expected = n_groups / n_splits + (static_cast<Index>(k) < n_groups % n_splits ? 1 : 0);
        BOOST_TEST(groups_in_fold == expected);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(repeated_kfold_repeats_shuffled_partitions) {
  const Index n = 17;
  const RepeatedKFold cv({.n_splits = 3, .n_repeats = 4, .random_state = 7});
  BOOST_TEST(cv.get_n_splits() == 12);
  const auto splits = cv.split(n);
  BOOST_REQUIRE_EQUAL(splits.size(), 12U);
  for (int r = 0; r < 4; ++r) {
    const std::vector<TrainTestIndices> repeat(splits.begin() + 3 * r, splits.begin() + 3 * r + 3);
    check_test_sets_partition(repeat, n);
    BOOST_TEST(repeat[0].test.size() == 6U);
    BOOST_TEST(repeat[2].test.size() == 5U);
  }
  BOOST_TEST(splits[0].test != splits[3].test);  // the repeats differ
  const auto again = cv.split(n);
  for (std::size_t k = 0; k < splits.size(); ++k) BOOST_TEST(again[k].test == splits[k].test);
  BOOST_TEST(RepeatedKFold().get_n_splits() == 50);  // defaults 5 x 10
}

BOOST_AUTO_TEST_CASE(repeated_stratified_kfold_keeps_class_counts_in_every_repeat) {
  const auto cases = testing::split_cases({"StratifiedKFold"});
  const auto& c =
      *std::find_if(cases.begin(), cases.end(), [](const auto& x) { return x.name == "skfold_imbalanced_k3"; });
  const std::vector<double> labels = distinct(c.y);
  const auto expected = class_counts_per_fold(c.splits, c.y, labels);
  for (const std::uint64_t seed : seeds) {
    const RepeatedStratifiedKFold cv({.n_splits = 3, .n_repeats = 3, .random_state = seed});
    const auto splits = cv.split(c.n_samples, c.y);
    BOOST_REQUIRE_EQUAL(splits.size(), 9U);
    for (int r = 0; r < 3; ++r) {
      const std::vector<TrainTestIndices> repeat(splits.begin() + 3 * r, splits.begin() + 3 * r + 3);
      check_test_sets_partition(repeat, c.n_samples);
      BOOST_TEST((class_counts_per_fold(repeat, c.y, labels) == expected));
    }
  }
}

BOOST_AUTO_TEST_CASE(splitters_work_through_the_interface_and_clone) {
  std::vector<std::unique_ptr<CrossValidator>> splitters;
  splitters.push_back(std::make_unique<KFold>(KFold::Params{.n_splits = 3}));
  splitters.push_back(std::make_unique<StratifiedKFold>(StratifiedKFold::Params{.n_splits = 3}));
  splitters.push_back(std::make_unique<GroupKFold>(GroupKFold::Params{.n_splits = 3}));
  const Vector y = (Vector(9) << 0, 1, 0, 1, 0, 1, 0, 1, 0).finished();
  const Vector groups = (Vector(9) << 1, 1, 2, 2, 3, 3, 4, 4, 5).finished();
  for (const auto& cv : splitters) {
    const std::unique_ptr<CrossValidator> copy = cv->clone();
    BOOST_TEST(copy->name() == cv->name());
    BOOST_TEST(copy->get_n_splits() == 3);
    const auto a = cv->split(9, y, groups), b = copy->split(9, y, groups);
    BOOST_REQUIRE_EQUAL(a.size(), 3U);
    for (std::size_t k = 0; k < a.size(); ++k) {
      BOOST_TEST(a[k].test == b[k].test);
      check_partition(a[k], 9, true);
    }
  }
  BOOST_TEST(splitters[0]->name() == "KFold");
  BOOST_TEST(splitters[1]->name() == "StratifiedKFold");
  BOOST_TEST(splitters[2]->name() == "GroupKFold");
}

BOOST_AUTO_TEST_CASE(bad_parameters_throw_value_error_with_scikit_learns_reasons) {
  BOOST_TEST(testing::message_of<ValueError>([] { KFold({.n_splits = 1}); }) ==
             "KFold: k-fold cross-validation requires at least one train/test split by setting n_splits=2 or more, "
             "got n_splits=1");
  BOOST_CHECK_THROW((void)StratifiedKFold({.n_splits = 0}), ValueError);
  BOOST_CHECK_THROW((void)GroupKFold({.n_splits = -3}), ValueError);
  BOOST_CHECK_THROW((void)KFold({.random_state = 3}), ValueError);  // a seed without shuffle
  BOOST_CHECK_THROW((void)RepeatedKFold({.n_repeats = 0}), ValueError);
  BOOST_CHECK_THROW((void)RepeatedStratifiedKFold({.n_splits = 1}), ValueError);
  BOOST_TEST(testing::message_of<ValueError>([] { (void)KFold({.n_splits = 6}).split(5); }) ==
             "KFold.split: cannot have number of splits n_splits=6 greater than the number of samples: n_samples=5");
  BOOST_CHECK_THROW((void)KFold().split(-1), ValueError);
  BOOST_CHECK_THROW((void)RepeatedKFold({.n_splits = 6}).split(5), ValueError);
}

BOOST_AUTO_TEST_CASE(stratified_kfold_rejects_missing_continuous_or_too_small_classes) {
  const StratifiedKFold cv({.n_splits = 3});
  BOOST_TEST(testing::message_of<ValueError>([&] { (void)cv.split(6); }) ==
             "StratifiedKFold.split: the 'y' parameter is required");
  BOOST_CHECK_THROW((void)cv.split(6, Vector::Zero(5)), ValueError);
  BOOST_CHECK_THROW((void)cv.split(6, (Vector(6) << 0, 1, 0.5, 1, 0, 1).finished()), ValueError);
  Vector with_nan = Vector::Zero(6);
  with_nan[2] = std::numeric_limits<double>::quiet_NaN();
  BOOST_CHECK_THROW((void)cv.split(6, with_nan), ValueError);
  // Every class smaller than n_splits: an error (one class smaller: a warning).
  BOOST_TEST(testing::message_of<ValueError>([&] { (void)cv.split(4, (Vector(4) << 5, -1, 5, -1).finished()); }) ==
             "StratifiedKFold.split: n_splits=3 cannot be greater than the number of members in each class");
  BOOST_CHECK_THROW((void)RepeatedStratifiedKFold({.n_splits = 3}).split(4, (Vector(4) << 5, -1, 5, -1).finished()),
                    ValueError);
}

BOOST_AUTO_TEST_CASE(group_kfold_needs_at_least_n_splits_groups) {
  const GroupKFold cv({.n_splits = 3});
  BOOST_TEST(testing::message_of<ValueError>([&] { (void)cv.split(6); }) ==
             "GroupKFold.split: the 'groups' parameter is required");
  BOOST_TEST(testing::message_of<ValueError>([&] {
               (void)cv.split(6, Vector(), (Vector(6) << 1, 1, 2, 2, 2, 1).finished());
             }) == "GroupKFold.split: cannot have number of splits n_splits=3 greater than the number of groups: 2");
  BOOST_CHECK_THROW((void)cv.split(6, Vector(), Vector::Zero(7)), ValueError);
}

BOOST_AUTO_TEST_CASE(check_cv_picks_stratified_folds_for_classifiers_with_class_labels) {
  const Vector labels = (Vector(6) << 0, 1, 0, 1, 0, 1).finished();
  const Vector continuous = (Vector(6) << 0.5, 1, 0, 1, 0, 1).finished();
  BOOST_TEST(check_cv(3, labels, true)->name() == "StratifiedKFold");
  BOOST_TEST(check_cv(3, labels, false)->name() == "KFold");
  BOOST_TEST(check_cv(3, continuous, true)->name() == "KFold");
  BOOST_TEST(check_cv()->name() == "KFold");
  BOOST_TEST(check_cv()->get_n_splits() == 5);
  BOOST_CHECK_THROW((void)check_cv(1), ValueError);
}

BOOST_AUTO_TEST_CASE(every_splitter_rejects_y_or_groups_of_the_wrong_length) {
  const Vector seven = Vector::Zero(7);
  BOOST_TEST(testing::message_of<ValueError>([&] { (void)KFold().split(6, seven); }) ==
             "KFold.split: y and n_samples have inconsistent lengths (7 and 6)");
  BOOST_CHECK_THROW((void)LeaveOneOut().split(6, Vector(), seven), ValueError);
  BOOST_CHECK_THROW((void)ShuffleSplit().split(6, seven), ValueError);
  BOOST_CHECK_THROW((void)TimeSeriesSplit({.n_splits = 2}).split(6, Vector(), seven), ValueError);
}

BOOST_AUTO_TEST_SUITE_END()

#include <boost/test/unit_test.hpp>
#include <scilearn/core/errors.hpp>
#include <scilearn/learn/model_selection/split.hpp>

#include "split_testing.hpp"
#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(model_selection_leave_out)

using namespace scilearn;
using namespace scilearn::learn;
using scilearn::testing::check_same_splits;
using scilearn::testing::param_or;

namespace {

std::optional<Index> optional_param(const testing::SplitCase& c, const std::string& key) {
  const auto it = c.params.find(key);
  if (it == c.params.end()) return std::nullopt;
  return std::stol(it->second);
}

}  // namespace

BOOST_AUTO_TEST_CASE(time_series_split_matches_scikit_learn) {
  for (const auto& c : testing::split_cases({"TimeSeriesSplit"})) {
    const TimeSeriesSplit cv({.n_splits = param_or(c, "n_splits", 5),
                              .max_train_size = optional_param(c, "max_train_size"),
                              .test_size = optional_param(c, "test_size"),
                              .gap = param_or(c, "gap", 0)});
    BOOST_TEST(cv.get_n_splits() == static_cast<Index>(c.splits.size()));
    check_same_splits(c, cv.split(c.n_samples));
  }
}

BOOST_AUTO_TEST_CASE(leave_one_out_and_leave_p_out_match_scikit_learn) {
  for (const auto& c : testing::split_cases({"LeaveOneOut", "LeavePOut"})) {
    std::unique_ptr<CrossValidator> cv;
    if (c.splitter == "LeaveOneOut")
      cv = std::make_unique<LeaveOneOut>();
    else
      cv = std::make_unique<LeavePOut>(LeavePOut::Params{.p = param_or(c, "p", 1)});
    BOOST_TEST(cv->get_n_splits_for(c.n_samples) == static_cast<Index>(c.splits.size()));
    check_same_splits(c, cv->split(c.n_samples));
  }
}

BOOST_AUTO_TEST_CASE(predefined_split_matches_scikit_learn) {
  const auto cases = testing::split_cases({"PredefinedSplit"});
  for (const auto& c : cases) {
    const PredefinedSplit cv(testing::vector_of(c.params.at("test_fold")));
    BOOST_TEST(cv.get_n_splits() == static_cast<Index>(c.splits.size()));
    check_same_splits(c, cv.split(c.n_samples));
    BOOST_CHECK_THROW((void)cv.split(c.n_samples + 1), ValueError);
  }
  BOOST_CHECK_THROW((void)PredefinedSplit((Vector(3) << 0, 1.5, 1).finished()), ValueError);
}

BOOST_AUTO_TEST_CASE(leave_p_out_counts_splits_without_overflow) {
  BOOST_TEST(LeavePOut({.p = 2}).get_n_splits_for(5) == 10);
  BOOST_TEST(LeavePOut({.p = 3}).get_n_splits_for(2) == 0);
  BOOST_TEST(LeavePOut({.p = 30}).get_n_splits_for(60) == 118264581564861424);  // C(60, 30)
  BOOST_CHECK_THROW((void)LeavePOut({.p = 40}).get_n_splits_for(100), ValueError);
  BOOST_CHECK_THROW((void)LeavePOut({.p = 2}).get_n_splits(), ValueError);
  BOOST_CHECK_THROW((void)LeaveOneOut().get_n_splits(), ValueError);
  BOOST_TEST(LeaveOneOut().get_n_splits_for(7) == 7);
  BOOST_TEST(KFold({.n_splits = 3}).get_n_splits_for(100) == 3);
}

BOOST_AUTO_TEST_CASE(bad_sizes_throw_value_error_with_scikit_learns_reasons) {
  BOOST_TEST(testing::message_of<ValueError>([] { (void)LeaveOneOut().split(1); }) ==
             "LeaveOneOut.split: cannot perform LeaveOneOut with n_samples=1");
  BOOST_TEST(testing::message_of<ValueError>([] { (void)LeavePOut({.p = 3}).split(3); }) ==
             "LeavePOut.split: p=3 must be strictly less than the number of samples=3");
  BOOST_CHECK_THROW((void)LeavePOut({.p = 0}), ValueError);
  BOOST_TEST(testing::message_of<ValueError>([] { (void)TimeSeriesSplit().split(5); }) ==
             "TimeSeriesSplit.split: cannot have number of folds=6 greater than the number of samples=5");
  BOOST_TEST(testing::message_of<ValueError>([] { (void)TimeSeriesSplit({.n_splits = 3, .gap = 3}).split(6); }) ==
             "TimeSeriesSplit.split: too many splits=3 for number of samples=6 with test_size=1 and gap=3");
  BOOST_CHECK_THROW((void)TimeSeriesSplit({.n_splits = 3, .test_size = 4}).split(12), ValueError);
  BOOST_CHECK_THROW((void)TimeSeriesSplit({.n_splits = 1}), ValueError);
  BOOST_CHECK_THROW((void)TimeSeriesSplit({.test_size = 0}), ValueError);
  BOOST_CHECK_THROW((void)TimeSeriesSplit({.gap = -1}), ValueError);
  BOOST_CHECK_THROW((void)TimeSeriesSplit({.max_train_size = -1}), ValueError);
}

BOOST_AUTO_TEST_SUITE_END()

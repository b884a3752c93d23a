// VarianceThreshold against scikit-learn 1.9.1
// (tests/reference/learn_feature_selection.py), and its errors.
#include <boost/test/unit_test.hpp>
#include <limits>
#include <map>
#include <scilearn/core/errors.hpp>
#include <scilearn/learn.hpp>

#include "learn/feature_selection/feature_selection_testing.hpp"
#include "support/expect.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(variance_threshold)

using namespace scilearn;
using namespace scilearn::learn;
using namespace scilearn::testing::feature_selection;

// Variances of O(1) data summed in two passes on both sides (NumPy's nanvar in
// pairwise order): agreement to 1e-14 of the data's scale (floor 1), which
// also covers NumPy's rounding residue (1.7e-33) for the constant column of
// 0.1, exactly 0 here (we shift by the first value).
BOOST_AUTO_TEST_CASE(variances_and_supports_match_scikit_learn) {
  const Matrix X = load_matrix("var_X");
  std::map<std::string, std::string> supports;
  for (const auto& row : testing::read_manifest("learn/feature_selection/supports.csv"))
    if (row[0] == "var") supports[row[2]] = row[3];
  BOOST_TEST_REQUIRE(supports.size() == 3u);
  for (const auto& [tag, threshold] : {std::pair{"0", 0.0}, std::pair{"0.05", 0.05}, std::pair{"1", 1.0}}) {
    BOOST_TEST_INFO("threshold " << tag);
    VarianceThreshold selector({.threshold = threshold});
    selector.fit(X);
    BOOST_TEST(relative_error(selector.variances(), load_vector(std::string("var_") + tag + "_variances"), 1.0) <=
               1e-14);
    BOOST_TEST(support_text(selector.get_support()) == supports[tag]);
    // NaN passes through transform.
    const Matrix Z = selector.transform(X);
    const std::vector<Index> kept = selector.get_support_indices();
    BOOST_TEST_REQUIRE(Z.cols() == static_cast<Index>(kept.size()));
    for (std::size_t c = 0; c < kept.size(); ++c)
      for (Index i = 0; i < X.rows(); ++i) {
        const double a = Z(i, static_cast<Index>(c)), b = X(i, kept[c]);
        BOOST_TEST((a == b || (std::isnan(a) && std::isnan(b))));
      }
  }
  // The all-NaN column has a NaN variance and is dropped.
  BOOST_TEST(std::isnan(VarianceThreshold().fit(X).variances()(4)));
}

BOOST_AUTO_TEST_CASE(no_feature_above_the_threshold_is_an_error) {
  Matrix X(3, 2);
  X << 1, 2, 1, 2, 1, 2;
  BOOST_TEST(testing::message_of<ValueError>([&] { (void)VarianceThreshold().fit(X); }) ==
             "No feature in X meets the variance threshold 0.00000");
  BOOST_TEST(testing::message_of<ValueError>([&] { (void)VarianceThreshold({.threshold = 0.25}).fit(X.topRows(1)); }) ==
             "No feature in X meets the variance threshold 0.25000 (X contains only one sample)");
  X(0, 1) = 5;  // variance 2, 0 elsewhere
  VarianceThreshold selector({.threshold = 0.5});
  BOOST_TEST((selector.fit(X).get_support() == std::vector<bool>{false, true}));
  BOOST_CHECK_THROW((void)VarianceThreshold({.threshold = 2.0}).fit(X), ValueError);  // 2 is not above 2
  BOOST_CHECK_THROW((void)VarianceThreshold({.threshold = -1}).fit(X), ValueError);
  BOOST_CHECK_THROW((void)VarianceThreshold().fit(X, Vector::Ones(3), Vector::Ones(3)), ValueError);
}

BOOST_AUTO_TEST_CASE(inverse_transform_puts_zeros_in_dropped_columns) {
  Matrix X(4, 3);
  X << 1, 7, 0, 2, 7, 1, 3, 7, 0, 4, 7, 1;
  VarianceThreshold selector;
  const Matrix Z = selector.fit_transform(X);
  BOOST_TEST(Z.cols() == 2);
  Matrix expected = X;
  expected.col(1).setZero();
  BOOST_TEST((selector.inverse_transform(Z) == expected));
  BOOST_TEST((selector.get_feature_names_out() == std::vector<std::string>{"x0", "x2"}));
  BOOST_CHECK_THROW((void)selector.inverse_transform(X), ValueError);
  // The support follows the current threshold (variances 1.25, 0, 0.25).
  selector.set_params({{"threshold", 0.5}});
  BOOST_TEST((selector.get_support_indices() == std::vector<Index>{0}));
}

BOOST_AUTO_TEST_SUITE_END()

// f_classif, f_regression, r_regression and chi2 against scikit-learn 1.9.1
// (tests/reference/learn_feature_selection.py), and their edge cases.
//
// Tolerances. Scores: scikit-learn sums squares in one pass (f_classif:
// sum x^2 - (sum x)^2 / n; r_regression: sqrt(sum x^2 - n mean^2)), which
// loses about log10(mean^2 / variance) digits to cancellation (means up to 10
// with unit spread here: 2 digits), where ours centers in two passes: 1e-12
// relative. p-values: a relative change d in the statistic moves p by about
// d |d ln p / d ln F|, which is of the order of ln(1 / p) (<= 50 for the
// p >= 1e-25 here, 75 for 1e-33): 1e-10 relative leaves a margin of 10 over
// that, and Boost's incomplete beta / gamma complements (the survival
// functions) are accurate to a few eps there.
#include <boost/test/unit_test.hpp>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/learn.hpp>

#include "learn/feature_selection/feature_selection_testing.hpp"
#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(feature_selection_scores)

using namespace scilearn;
using namespace scilearn::learn;
using namespace scilearn::testing::feature_selection;

namespace {
constexpr double kScoreTol = 1e-12, kPTol = 1e-10;
}

BOOST_AUTO_TEST_CASE(f_classif_matches_scikit_learn_with_constant_features) {
  const Matrix X = load_matrix("clf_X");
  const Vector y = load_vector("clf_y");
  WarningRecorder warnings;
  const FeatureScores s = f_classif(X, y);
  BOOST_TEST(relative_error(s.scores, load_vector("f_classif_scores"), 1e-300) <= kScoreTol);
  BOOST_TEST(relative_error(s.pvalues, load_vector("f_classif_pvalues"), 1e-300) <= kPTol);
  // Column 8 is constant (0 / 0: NaN), column 9 constant within each class (inf, p 0).
  BOOST_TEST(std::isnan(s.scores(8)));
  BOOST_TEST(std::isnan(s.pvalues(8)));
  BOOST_TEST(s.scores(9) == std::numeric_limits<double>::infinity());
  BOOST_TEST(s.pvalues(9) == 0.0);
  BOOST_TEST_REQUIRE(warnings.messages.size() == 1u);
  BOOST_TEST(warnings.messages[0] == "Features [8 9] are constant.");
}

BOOST_AUTO_TEST_CASE(f_classif_two_classes_matches_scikit_learn) {
  const Matrix X = load_matrix("clf_X").leftCols(8);
  const Vector y = (load_vector("clf_y").array() == 3.0).cast<double>();
  const FeatureScores s = f_classif(X, y);
  BOOST_TEST(relative_error(s.scores, load_vector("f_classif_binary_scores"), 1e-300) <= kScoreTol);
  BOOST_TEST(relative_error(s.pvalues, load_vector("f_classif_binary_pvalues"), 1e-300) <= kPTol);
}

BOOST_AUTO_TEST_CASE(f_classif_with_one_class_is_nan) {
  const Matrix X = load_matrix("clf_X").leftCols(3);
  const FeatureScores s = f_classif(X, Vector::Constant(X.rows(), 4.0));
  BOOST_TEST(s.scores.array().isNaN().all());
  BOOST_TEST(s.pvalues.array().isNaN().all());
}

BOOST_AUTO_TEST_CASE(regression_scores_match_scikit_learn) {
  const Matrix X = load_matrix("reg_X");
  const Vector y = load_vector("reg_y");
  for (const bool center : {true, false})
    for (const bool force : {true, false}) {
      const std::string tag = std::string(center ? "c" : "nc") + (force ? "_ff" : "_nf");
      BOOST_TEST_INFO(tag);
      const Vector r = r_regression(X, y, center, force);
      BOOST_TEST(relative_error(r, load_vector("r_regression_" + tag), 1e-300) <= kScoreTol);
      const FeatureScores f = f_regression(X, y, center, force);
      BOOST_TEST(relative_error(f.scores, load_vector("f_regression_" + tag + "_scores"), 1e-300) <= kScoreTol);
      BOOST_TEST(relative_error(f.pvalues, load_vector("f_regression_" + tag + "_pvalues"), 1e-300) <= kPTol);
    }
  // Column 6 is all zeros: r = 0 / 0.
  BOOST_TEST(std::isnan(r_regression(X, y, true, false)(6)));
  BOOST_TEST(r_regression(X, y)(6) == 0.0);
  const FeatureScores forced = f_regression(X, y);
  BOOST_TEST(forced.scores(6) == 0.0);
  BOOST_TEST(forced.pvalues(6) == 1.0);
}

// A feature equal to the target: r = 1 exactly (centered values -2, -2, 2, 2:
// the norms are 4, exact), so F = 1 / 0 * dof = inf.
BOOST_AUTO_TEST_CASE(perfect_correlation_is_inf_or_the_largest_double) {
  const Vector y = (Vector(4) << 0.0, 0.0, 4.0, 4.0).finished();
  Matrix X(4, 2);
  X.col(0) = y;
  X.col(1) << 1.0, 2.0, 0.0, 3.0;
  BOOST_TEST(r_regression(X, y)(0) == 1.0);
  const FeatureScores raw = f_regression(X, y, true, false);
  BOOST_TEST(raw.scores(0) == std::numeric_limits<double>::infinity());
  BOOST_TEST(raw.pvalues(0) == 0.0);
  const FeatureScores forced = f_regression(X, y);
  BOOST_TEST(forced.scores(0) == std::numeric_limits<double>::max());
  BOOST_TEST(forced.pvalues(0) == 0.0);
  BOOST_TEST(std::isfinite(forced.scores(1)));
}

// A constant target (other than 0: exactly centered here, unlike scikit-learn's
// mean subtraction) leaves r undefined for every feature.
BOOST_AUTO_TEST_CASE(constant_target_gives_nan_or_zero) {
  const Matrix X = load_matrix("reg_X").leftCols(3);
  const Vector y = Vector::Constant(X.rows(), 0.1);
  BOOST_TEST(r_regression(X, y, true, false).array().isNaN().all());
  const FeatureScores raw = f_regression(X, y, true, false);
  BOOST_TEST(raw.scores.array().isNaN().all());
  BOOST_TEST(raw.pvalues.array().isNaN().all());
  const FeatureScores forced = f_regression(X, y);
  BOOST_TEST((forced.scores.array() == 0.0).all());
  BOOST_TEST((forced.pvalues.array() == 1.0).all());
}

BOOST_AUTO_TEST_CASE(chi2_matches_scikit_learn) {
  const Matrix X = load_matrix("chi2_X");
  const Vector y = load_vector("chi2_y");
  const FeatureScores s = chi2(X, y);
  // Sums of integer counts are exact on both sides: only the final divisions round.
  BOOST_TEST(relative_error(s.scores, load_vector("chi2_scores"), 1e-300) <= 1e-13);
  BOOST_TEST(relative_error(s.pvalues, load_vector("chi2_pvalues"), 1e-300) <= kPTol);
  BOOST_TEST(std::isnan(s.scores(5)));  // an all-zero feature: 0 / 0
  const Vector binary = (y.array() == 1.0).cast<double>();
  const FeatureScores b = chi2(X.leftCols(5), binary);
  BOOST_TEST(relative_error(b.scores, load_vector("chi2_binary_scores"), 1e-300) <= 1e-13);
  BOOST_TEST(relative_error(b.pvalues, load_vector("chi2_binary_pvalues"), 1e-300) <= kPTol);
}

// chi2 of a 2 x 2 table by hand: class 0 has counts (1, 3), class 1 (3, 1) of
// feature 0 ... observed per class 4 and 4... here feature 0 = [1, 3, 3, 1]
// with classes [0, 0, 1, 1]: observed (4, 4), expected (4, 4), chi2 = 0, p = 1;
// feature 1 = [2, 2, 0, 0]: observed (4, 0), expected (2, 2), chi2 = 4,
// p = P(chi2_1 > 4) = erfc(sqrt(2)).
BOOST_AUTO_TEST_CASE(chi2_by_hand) {
  Matrix X(4, 2);
  X << 1, 2, 3, 2, 3, 0, 1, 0;
  const Vector y = (Vector(4) << 0, 0, 1, 1).finished();
  const FeatureScores s = chi2(X, y);
  BOOST_TEST(s.scores(0) == 0.0);
  BOOST_TEST(s.pvalues(0) == 1.0);
  BOOST_TEST(s.scores(1) == 4.0);
  BOOST_TEST(s.pvalues(1) == std::erfc(std::sqrt(2.0)), boost::test_tools::tolerance(1e-14));
}

BOOST_AUTO_TEST_CASE(bad_input_is_rejected) {
  const Matrix X = Matrix::Ones(5, 2);
  const Vector y = Vector::LinSpaced(5, 0, 4);
  Matrix negative = X;
  negative(2, 1) = -1;
  BOOST_TEST(testing::message_of<ValueError>([&] { (void)chi2(negative, y); }) ==
             "chi2: Input X must be non-negative.");
  BOOST_CHECK_THROW((void)f_classif(X, y.head(4)), ValueError);
  BOOST_CHECK_THROW((void)f_regression(X, y.head(4)), ValueError);
  BOOST_CHECK_THROW((void)r_regression(Matrix(0, 2), Vector(0)), ValueError);
  Matrix nan = X;
  nan(0, 0) = std::numeric_limits<double>::quiet_NaN();
  BOOST_CHECK_THROW((void)f_classif(nan, y), ValueError);
  BOOST_CHECK_THROW((void)chi2(X, (Vector(5) << 0, 1, 0.5, 1, 0).finished()), ValueError);  // labels, not values
}

BOOST_AUTO_TEST_SUITE_END()

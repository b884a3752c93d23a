// PowerTransformer against scikit-learn 1.9.1 (tests/reference/learn_preprocessing.py).
#include <boost/test/unit_test.hpp>
#include <scilearn/learn.hpp>

#include "learn/preprocessing/preprocessing_testing.hpp"
#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(power_transformer)

using namespace scilearn;
using namespace scilearn::learn;
using namespace scilearn::testing::preprocessing;

// Both sides run Brent's method (bounded for Yeo-Johnson, from the bracket
// (-2, 2) for Box-Cox) with xtol 1.48e-8 on the same log-likelihood; the
// maximum is flat, so rounding differences in the likelihood (ours factors
// the Box-Cox variance differently from SciPy's logsumexp) can move the
// stopping point by about xtol: 1e-6 absolute on lambda. Transformed values
// move by d/dlambda ~ |x log x| ~ 10 times that: 1e-5 relative (floor 1).
// inverse_transform(transform(x)) returns x to rounding: 1e-9 relative.
BOOST_AUTO_TEST_CASE(matches_scikit_learn) {
  const Matrix X = load_matrix("X_skew"), X_nan = load_matrix("X_skew_nan"), X_test = load_matrix("X_skew_test");
  struct Case {
    std::string name;
    PowerTransformer::Params params;
    Matrix X;
  };
  const Case cases[] = {
      {"power_yj", {}, X},
      {"power_yj_raw", {.standardize = false}, X_nan},
      {"power_bc", {.method = PowerMethod::box_cox}, X.leftCols(2)},
      {"power_bc_raw", {.method = PowerMethod::box_cox, .standardize = false}, X_nan.leftCols(2)},
  };
  for (const Case& c : cases) {
    BOOST_TEST_INFO(c.name);
    PowerTransformer pt(c.params);
    pt.fit(c.X);
    BOOST_TEST((pt.lambdas() - load_vector(c.name + "_lambdas")).cwiseAbs().maxCoeff() <= 1e-6);
    const Matrix test = X_test.leftCols(c.X.cols());
    const Matrix Z = pt.transform(test);
    BOOST_TEST(relative_error(Z, load_matrix(c.name + "_transform")) <= 1e-5);
    BOOST_TEST(relative_error(pt.inverse_transform(Z), test) <= 1e-9);
    BOOST_TEST(relative_error(pt.inverse_transform(Z), load_matrix(c.name + "_inverse")) <= 1e-9);
  }
}

BOOST_AUTO_TEST_CASE(box_cox_needs_positive_data) {
  Matrix X = load_matrix("X_skew");
  const std::string message =
      testing::message_of<ValueError>([&] { PowerTransformer({.method = PowerMethod::box_cox}).fit(X); });
  BOOST_TEST(message.find("strictly positive") != std::string::npos);
  BOOST_CHECK_THROW((void)PowerTransformer().set_params({{"method", std::string("box_cox")}}), ValueError);
  PowerTransformer pt;
  pt.set_params({{"method", std::string("box-cox")}});
  BOOST_TEST((pt.params().method == PowerMethod::box_cox));
}

BOOST_AUTO_TEST_SUITE_END()

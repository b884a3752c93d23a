// PolynomialFeatures against scikit-learn 1.9.1 (tests/reference/learn_preprocessing.py).
#include <boost/test/unit_test.hpp>
#include <scilearn/learn.hpp>

#include "learn/preprocessing/preprocessing_testing.hpp"
#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(polynomial_features)

using namespace scilearn;
using namespace scilearn::learn;
using namespace scilearn::testing::preprocessing;

// Each term is the same chain of products as scikit-learn's (the degree d - 1
// term times one feature), so values agree to the last bit; 1e-15 relative
// leaves room for a fused multiply.
BOOST_AUTO_TEST_CASE(matches_scikit_learn) {
  const Matrix X = load_matrix("X_poly");
  struct Case {
    std::string name;
    PolynomialFeatures::Params params;
  };
  for (const Case& c : {Case{"poly", {}}, Case{"poly_3", {.degree = 3}},
                        Case{"poly_interaction", {.degree = 3, .interaction_only = true}},
                        Case{"poly_no_bias", {.degree = 2, .include_bias = false}}, Case{"poly_0", {.degree = 0}},
                        Case{"poly_4_interaction", {.degree = 4, .interaction_only = true, .include_bias = false}}}) {
    BOOST_TEST_INFO(c.name);
    PolynomialFeatures poly(c.params);
    const Matrix Z = poly.fit_transform(X);
    BOOST_TEST(relative_error(Z, load_matrix(c.name + "_transform"), 1e-300) <= 1e-15);
    BOOST_TEST((poly.powers().cast<double>() == load_matrix(c.name + "_powers")));
    BOOST_TEST((poly.get_feature_names_out() == load_lines(c.name + "_names")));
  }
  PolynomialFeatures poly({.degree = 3});
  poly.fit(X);
  BOOST_TEST((poly.get_feature_names_out({"a", "b", "c"}) == load_lines("poly_names_given")));
}

BOOST_AUTO_TEST_CASE(bad_degree_is_rejected) {
  const Matrix X = load_matrix("X_poly");
  BOOST_CHECK_THROW((void)PolynomialFeatures({.degree = -1}).fit(X), ValueError);
  const std::string message =
      testing::message_of<ValueError>([&] { PolynomialFeatures({.degree = 0, .include_bias = false}).fit(X); });
  BOOST_TEST(message.find("empty output") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

#include <boost/test/unit_test.hpp>
#include <scilearn/core/errors.hpp>
#include <scilearn/learn.hpp>

#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(params)

using namespace scilearn;
using namespace scilearn::learn;

BOOST_AUTO_TEST_CASE(get_params_lists_every_parameter_by_name) {
  const LinearRegression model({.fit_intercept = false, .tol = 1e-3});
  const ParamMap params = model.get_params();
  BOOST_TEST(params.size() == 3u);
  BOOST_TEST(std::get<bool>(params.at("fit_intercept")) == false);
  BOOST_TEST(std::get<double>(params.at("tol")) == 1e-3);
  BOOST_TEST(std::get<bool>(params.at("positive")) == false);
}

BOOST_AUTO_TEST_CASE(set_params_converts_ints_to_floats_and_checks_types) {
  LinearRegression model;
  model.set_params({{"tol", std::int64_t{1}}, {"positive", true}});
  BOOST_TEST(model.params().tol == 1.0);
  BOOST_TEST(model.params().positive);
  const std::string message = testing::message_of<ValueError>([&] {
    model.set_params({{"fit_intercept", std::string("yes")}});
  });
  BOOST_TEST(message == "LinearRegression: the 'fit_intercept' parameter must be a bool, got a string 'yes'");
  BOOST_TEST(model.params().fit_intercept);  // unchanged after the failed call
}

BOOST_AUTO_TEST_CASE(unknown_parameter_lists_the_valid_ones) {
  StandardScaler scaler;
  const std::string message = testing::message_of<ValueError>([&] { scaler.set_params({{"with_median", true}}); });
  BOOST_TEST(message ==
             "Invalid parameter 'with_median' for estimator StandardScaler. Valid parameters are: ['with_mean', "
             "'with_std', 'device']");
}

BOOST_AUTO_TEST_CASE(to_string_prints_as_python_repr) {
  BOOST_TEST(to_string(ParamValue()) == "None");
  BOOST_TEST(to_string(ParamValue(true)) == "True");
  BOOST_TEST(to_string(ParamValue(std::int64_t{3})) == "3");
  BOOST_TEST(to_string(ParamValue(0.1)) == "0.1");
  BOOST_TEST(to_string(ParamValue(1.0)) == "1.0");
  BOOST_TEST(to_string(ParamValue(1e-300)) == "1e-300");
  BOOST_TEST(to_string(ParamValue(std::string("lbfgs"))) == "'lbfgs'");
  BOOST_TEST(to_string(ParamValue(std::vector<double>{0.5, 2.0})) == "[0.5, 2.0]");
  const EstimatorPtr scaler = std::make_shared<StandardScaler>(StandardScaler::Params{.with_mean = false});
  BOOST_TEST(to_string(ParamValue(scaler)) == "StandardScaler(device='cpu', with_mean=False, with_std=True)");
}

BOOST_AUTO_TEST_CASE(seeds_accept_none_seeds_and_non_negative_ints) {
  std::optional<std::uint64_t> seed;
  from_param(ParamValue(std::int64_t{42}), seed, "E", "random_state");
  BOOST_TEST(*seed == 42u);
  from_param(ParamValue(Seed{7}), seed, "E", "random_state");
  BOOST_TEST(*seed == 7u);
  from_param(ParamValue(), seed, "E", "random_state");
  BOOST_TEST(!seed.has_value());
  BOOST_CHECK_THROW((void)from_param(ParamValue(std::int64_t{-1}), seed, "E", "random_state"), ValueError);
  BOOST_TEST((to_param(std::optional<std::uint64_t>(5)) == ParamValue(Seed{5})));
}

BOOST_AUTO_TEST_CASE(typed_accessors_throw_not_fitted_before_fit) {
  const LinearRegression model;
  const std::string message = testing::message_of<NotFittedError>([&] { (void)model.coef(); });
  BOOST_TEST(message ==
             "This LinearRegression instance is not fitted yet. Call 'fit' with appropriate arguments before using "
             "this estimator.");
}

BOOST_AUTO_TEST_CASE(fit_returns_the_concrete_type) {
  const Matrix X = Matrix::Random(10, 2);
  const Vector y = X.col(0) * 2.0;
  const Vector coef = LinearRegression().fit(X, y).coef();
  BOOST_TEST(coef(0) == 2.0, boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(methods_an_estimator_lacks_throw_value_error) {
  LinearRegression model;
  model.fit(Matrix::Identity(3, 2), Vector::Ones(3));
  BOOST_TEST(!model.has(Method::transform));
  const std::string message = testing::message_of<ValueError>([&] { (void)model.transform(Matrix::Ones(1, 2)); });
  BOOST_TEST(message == "LinearRegression has no transform()");
  BOOST_CHECK_THROW((void)model.predict_proba(Matrix::Ones(1, 2)), ValueError);
  BOOST_CHECK_THROW((void)model.fit(Matrix::Ones(3, 2)), ValueError);  // y is required
}

BOOST_AUTO_TEST_SUITE_END()

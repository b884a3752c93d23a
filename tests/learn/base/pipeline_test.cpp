#include <boost/test/unit_test.hpp>
#include <scilearn/core/errors.hpp>
#include <scilearn/learn.hpp>

#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(pipeline)

using namespace scilearn;
using namespace scilearn::learn;

namespace {
Matrix features() {
  Matrix X(6, 2);
  X << 1, 10, 2, 30, 3, 20, 4, 50, 5, 40, 6, 60;
  return X;
}
Vector target() { return features() * Eigen::Vector2d(1.0, 0.1) + Vector::Constant(6, 2.0); }
}  // namespace

BOOST_AUTO_TEST_CASE(make_pipeline_names_steps_after_their_classes) {
  const auto pipe = make_pipeline(StandardScaler(), StandardScaler(), LinearRegression());
  BOOST_TEST(pipe.steps()[0].name == "standardscaler-1");
  BOOST_TEST(pipe.steps()[1].name == "standardscaler-2");
  BOOST_TEST(pipe.steps()[2].name == "linearregression");
  BOOST_TEST(is_regressor(pipe));
}

BOOST_AUTO_TEST_CASE(fit_predict_equals_the_steps_by_hand) {
  auto pipe = make_pipeline(StandardScaler(), LinearRegression());
  const Vector predicted = pipe.fit(features(), target()).predict(features());
  StandardScaler scaler;
  const Matrix Z = scaler.fit_transform(features());
  LinearRegression model;
  BOOST_TEST((predicted == model.fit(Z, target()).predict(Z)));
  BOOST_TEST(pipe.score(features(), target()) == 1.0, boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(nested_params_are_reached_by_step_name) {
  auto pipe = make_pipeline(StandardScaler(), LinearRegression());
  const ParamMap params = pipe.get_params();
  BOOST_TEST(std::get<bool>(params.at("standardscaler__with_mean")));
  BOOST_TEST(params.count("linearregression") == 1u);
  pipe.set_params({{"linearregression__fit_intercept", false}, {"standardscaler__with_std", false}});
  BOOST_TEST(!dynamic_cast<LinearRegression&>(pipe.named_step("linearregression")).params().fit_intercept);
  BOOST_TEST(!dynamic_cast<StandardScaler&>(pipe[0]).params().with_std);
  BOOST_CHECK_THROW((void)pipe.set_params({{"nosuchstep__alpha", 1.0}}), ValueError);
  BOOST_CHECK_THROW((void)pipe.set_params({{"linearregression__alpha", 1.0}}), ValueError);
}

BOOST_AUTO_TEST_CASE(a_step_can_be_replaced_or_skipped) {
  auto pipe = make_pipeline(StandardScaler(), LinearRegression());
  pipe.set_params({{"standardscaler", std::string("passthrough")}});
  BOOST_TEST(pipe.steps()[0].estimator == nullptr);
  pipe.fit(features(), target());
  LinearRegression direct;
  BOOST_TEST((pipe.predict(features()) == direct.fit(features(), target()).predict(features())));
  pipe.set_params({{"standardscaler", EstimatorPtr(std::make_shared<StandardScaler>())}});
  BOOST_TEST(pipe.steps()[0].estimator != nullptr);
}

BOOST_AUTO_TEST_CASE(clone_copies_steps_deeply) {
  auto pipe = make_pipeline(StandardScaler(), LinearRegression());
  pipe.fit(features(), target());
  const auto copy = pipe.clone();
  BOOST_TEST(!copy->is_fitted());
  copy->set_params({{"linearregression__positive", true}});
  BOOST_TEST(!dynamic_cast<LinearRegression&>(pipe[-1]).params().positive);
}

BOOST_AUTO_TEST_CASE(transformer_pipelines_transform_and_invert) {
  auto pipe = make_pipeline(StandardScaler(), StandardScaler({.with_mean = false}));
  const Matrix Z = pipe.fit_transform(features());
  BOOST_TEST(pipe.has(Method::transform));
  BOOST_TEST(!pipe.has(Method::predict));
  BOOST_TEST((pipe.transform(features()) - Z).norm() == 0.0);
  BOOST_TEST((pipe.inverse_transform(Z) - features()).norm() <= 1e-12 * features().norm());
  BOOST_TEST(pipe.get_feature_names_out({"a", "b"}) == std::vector<std::string>({"a", "b"}));
  BOOST_CHECK_THROW((void)pipe.predict(features()), ValueError);
}

BOOST_AUTO_TEST_CASE(bad_steps_are_rejected) {
  BOOST_CHECK_THROW((void)Pipeline({}), ValueError);
  BOOST_CHECK_THROW((void)Pipeline({{"a", StandardScaler()}, {"a", LinearRegression()}}), ValueError);
  BOOST_CHECK_THROW((void)Pipeline({{"a__b", StandardScaler()}}), ValueError);
  const std::string message = testing::message_of<ValueError>([] {
    Pipeline({{"ols", LinearRegression()}, {"scale", StandardScaler()}});
  });
  BOOST_TEST(message.find("'ols' (LinearRegression) has no transform()") != std::string::npos);
  const auto pipe = make_pipeline(StandardScaler(), LinearRegression());
  BOOST_CHECK_THROW((void)pipe[2], ValueError);
  BOOST_CHECK_THROW((void)pipe.predict(features()), NotFittedError);
}

BOOST_AUTO_TEST_SUITE_END()

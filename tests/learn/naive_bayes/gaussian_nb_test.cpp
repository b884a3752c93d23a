// GaussianNB against scikit-learn 1.9 (tests/reference/learn_naive_bayes.py),
// its expanded joint log-likelihood against the direct formula, and its errors.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <numbers>
#include <scilearn/core/random.hpp>
#include <scilearn/learn.hpp>

#include "learn/naive_bayes/nb_testing.hpp"
#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(gaussian_nb)

using namespace scilearn;
using namespace scilearn::learn;
namespace nb = testing::nb;

namespace {

// Means and variances are sums of n rounded terms, merged per class: their
// rounding stays within a few hundred eps of the values.
constexpr double kAttributeTol = 1e-12;
// The joint log-likelihood sums p terms (x - theta)^2 / var, each with the
// relative error of var, and the expansion's rounding (header): 1e-10 of its
// magnitude.
constexpr double kLogTol = 1e-10;

void check_case(const std::string& name, GaussianNB::Params params, const std::string& data, const std::string& how,
                double attribute_tol = kAttributeTol, double log_tol = kLogTol) {
  const nb::Data d = nb::data(data);
  GaussianNB model(params);
  if (how == "fit")
    model.fit(d.X, d.y);
  else if (how == "weighted")
    model.fit(d.X, d.y, d.w);
  else
    nb::partial_fit_in_chunks(model, d);
  BOOST_TEST_INFO(name);
  BOOST_TEST((model.classes() == nb::load_vector(name + "_classes")));
  nb::check_close(name + " theta", model.theta(), nb::load(name + "_theta"), attribute_tol);
  nb::check_close(name + " var", model.var(), nb::load(name + "_var"), attribute_tol);
  nb::check_close(name + " class_prior", model.class_prior(), nb::load(name + "_class_prior"), attribute_tol);
  nb::check_close(name + " class_count", model.class_count(), nb::load(name + "_class_count"), attribute_tol);
  nb::check_close(name + " epsilon", Matrix::Constant(1, 1, model.epsilon()), nb::load(name + "_epsilon"),
                  attribute_tol);
  nb::check_predictions(name, model, d.X_test, log_tol);
}

// log P(x, c) by the definition, term by term.
Matrix direct_jll(const GaussianNB& model, const Matrix& X) {
  const Index K = model.classes().size();
  Matrix jll(X.rows(), K);
  for (Index i = 0; i < X.rows(); ++i)
    for (Index c = 0; c < K; ++c) {
      double sum = std::log(model.class_prior()(c));
      for (Index j = 0; j < X.cols(); ++j) {
        const double v = model.var()(c, j), d = X(i, j) - model.theta()(c, j);
        sum -= 0.5 * (std::log(2 * std::numbers::pi * v) + d * d / v);
      }
      jll(i, c) = sum;
    }
  return jll;
}

}  // namespace

BOOST_AUTO_TEST_CASE(iris_matches_scikit_learn) { check_case("g_iris", {}, "iris", "fit"); }

BOOST_AUTO_TEST_CASE(priors_are_kept) { check_case("g_iris_priors", {.priors = {{0.2, 0.3, 0.5}}}, "iris", "fit"); }

BOOST_AUTO_TEST_CASE(sample_weight_matches_scikit_learn) {
  check_case("g_iris_weighted", {.var_smoothing = 1e-6}, "iris", "weighted");
}

BOOST_AUTO_TEST_CASE(partial_fit_merges_batches_as_scikit_learn) {
  check_case("g_iris_partial", {}, "iris", "partial");
}

// Iris shifted by 1e5: the means agree to a few eps relative, which is
// ~1e-11 absolute at 1e5, and the jll's sensitivity to a mean, (x - theta) /
// var, reaches ~1e2 for the petal features (sd 0.1): ~1e-9 of the jll on
// either side, whatever the formula (measured 1e-9). epsilon comes from the
// column variances of the whole batch, whose sums of 150 squared deviations
// of data at 1e5 carry ~1e-12 relative (measured 2.6e-12).
BOOST_AUTO_TEST_CASE(data_far_from_the_origin_keeps_its_accuracy) {
  check_case("g_shift", {}, "shift", "fit", 1e-11, 1e-8);
}

// Digits: many pixels are constant within a class, so var is epsilon there
// and (x - theta)^2 / var reaches 1e10: these features are summed directly.
BOOST_AUTO_TEST_CASE(digits_with_epsilon_variances_matches_scikit_learn) {
  check_case("g_digits", {}, "digits", "fit");
}

BOOST_AUTO_TEST_CASE(expanded_jll_agrees_with_the_direct_formula) {
  Generator rng(5);
  // Class means 0, 3 and 1e4 standard deviations apart on different features,
  // far from the origin, and test points near each class mean.
  const Index n = 3000, p = 7;
  Matrix X = rng.standard_normal(n, p);
  Vector y(n);
  for (Index i = 0; i < n; ++i) {
    y(i) = static_cast<double>(i % 3);
    X(i, 0) += 3.0 * y(i);
    X(i, 1) += 1e4 * y(i);
    X(i, 2) = 1e6 + 0.01 * X(i, 2) + 0.02 * y(i);
  }
  const GaussianNB model = GaussianNB().fit(X, y);
  const Matrix expected = direct_jll(model, X);
  const Matrix jll = model.predict_joint_log_proba(X);
  // The direct sum's own rounding: ~p eps of the largest term.
  for (Index i = 0; i < n; ++i)
    for (Index c = 0; c < 3; ++c)
      BOOST_TEST(std::abs(jll(i, c) - expected(i, c)) <= 1e-13 * std::max(1.0, std::abs(expected(i, c))));
}

BOOST_AUTO_TEST_CASE(partial_fit_on_one_batch_equals_fit) {
  const nb::Data d = nb::data("iris");
  const GaussianNB fitted = GaussianNB().fit(d.X, d.y, d.w);
  GaussianNB online;
  online.partial_fit(d.X, d.y, d.y, d.w);
  BOOST_TEST((online.theta() == fitted.theta()));
  BOOST_TEST((online.var() == fitted.var()));
  BOOST_TEST((online.class_count() == fitted.class_count()));
}

BOOST_AUTO_TEST_CASE(bad_input_throws_value_error) {
  const nb::Data d = nb::data("iris");
  BOOST_TEST(testing::message_of<ValueError>([&] {
               (void)GaussianNB({.priors = {{0.5, 0.6, 0.1}}}).fit(d.X, d.y);
             }).find("The sum of the priors should be 1") != std::string::npos);
  BOOST_CHECK_THROW((void)GaussianNB({.priors = {{0.5, 0.5}}}).fit(d.X, d.y), ValueError);
  BOOST_CHECK_THROW((void)GaussianNB({.priors = {{1.5, -0.5, 0.0}}}).fit(d.X, d.y), ValueError);
  BOOST_CHECK_THROW((void)GaussianNB({.var_smoothing = -1}).fit(d.X, d.y), ValueError);
  Vector continuous = d.y;
  continuous(0) = 0.5;
  BOOST_CHECK_THROW((void)GaussianNB().fit(d.X, continuous), ValueError);
  GaussianNB online;
  BOOST_TEST(testing::message_of<ValueError>([&] {
               online.partial_fit(d.X, d.y);
             }).find("classes must be passed on the first call") != std::string::npos);
  BOOST_TEST(testing::message_of<ValueError>([&] {
               online.partial_fit(d.X, d.y, (Vector(2) << -1.0, 3.0).finished());
             }).find("The target label(s) [7] in y do not exist in the initial classes [-1, 3]") != std::string::npos);
  BOOST_TEST(!online.is_fitted());
  online.partial_fit(d.X, d.y, d.y);
  BOOST_TEST(testing::message_of<ValueError>([&] {
               online.partial_fit(d.X, d.y, (Vector(2) << -1.0, 3.0).finished());
             }).find("is not the same as on last call to partial_fit") != std::string::npos);
  BOOST_CHECK_THROW(online.partial_fit(d.X.leftCols(3), d.y), ValueError);
}

BOOST_AUTO_TEST_SUITE_END()

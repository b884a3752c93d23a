// MultinomialNB, ComplementNB, BernoulliNB and CategoricalNB against
// scikit-learn 1.9 (tests/reference/learn_naive_bayes.py), and their errors.
#include <boost/test/unit_test.hpp>
#include <limits>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn.hpp>

#include "learn/naive_bayes/nb_testing.hpp"
#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(discrete_nb)

using namespace scilearn;
using namespace scilearn::learn;
namespace nb = testing::nb;

namespace {

// Counts are sums of n weighted terms, log-probabilities logs of their
// ratios: a few hundred eps.
constexpr double kAttributeTol = 1e-12;
// The joint log-likelihood is a dot product of p counts with log-probabilities
// (p up to 64): 1e-10 of its magnitude leaves a wide margin over p eps.
constexpr double kLogTol = 1e-10;

// Fits as the case says; returns the number of "alpha too small" warnings.
template <class Model>
int fit_case(Model& model, const nb::Data& d, const std::string& how) {
  int warnings = 0;
  ScopedWarningHandler handler([&](const Warning& w) {
    if (w.message.find("alpha too small") != std::string::npos) ++warnings;
  });
  if (how == "fit")
    model.fit(d.X, d.y);
  else if (how == "weighted")
    model.fit(d.X, d.y, d.w);
  else
    nb::partial_fit_in_chunks(model, d);
  return warnings;
}

template <class Model>
void check_case(const std::string& name, typename Model::Params params, const std::string& data,
                const std::string& how) {
  const nb::Data d = nb::data(data);
  Model model(params);
  const int warnings = fit_case(model, d, how);
  BOOST_TEST_INFO(name);
  BOOST_TEST((model.classes() == nb::load_vector(name + "_classes")));
  BOOST_TEST((warnings > 0) == (name.find("alpha0") != std::string::npos));
  nb::check_close(name + " class_count", model.class_count(), nb::load(name + "_class_count"), kAttributeTol);
  nb::check_close(name + " class_log_prior", model.class_log_prior(), nb::load(name + "_class_log_prior"),
                  kAttributeTol);
  if constexpr (std::is_same_v<Model, CategoricalNB>) {
    const auto n_features = static_cast<std::size_t>(d.X.cols());
    BOOST_TEST(model.category_count().size() == n_features);
    for (std::size_t j = 0; j < n_features; ++j) {
      const std::string k = std::to_string(j);
      nb::check_close(name + " category_count " + k, model.category_count()[j], nb::load(name + "_category_count_" + k),
                      kAttributeTol);
      nb::check_close(name + " feature_log_prob " + k, model.feature_log_prob()[j],
                      nb::load(name + "_feature_log_prob_" + k), kAttributeTol);
      BOOST_TEST(model.n_categories()[j] == nb::load_vector(name + "_n_categories")(static_cast<Index>(j)));
    }
  } else {
    nb::check_close(name + " feature_count", model.feature_count(), nb::load(name + "_feature_count"), kAttributeTol);
    nb::check_close(name + " feature_log_prob", model.feature_log_prob(), nb::load(name + "_feature_log_prob"),
                    kAttributeTol);
    if constexpr (std::is_same_v<Model, ComplementNB>)
      nb::check_close(name + " feature_all", model.feature_all(), nb::load_vector(name + "_feature_all"),
                      kAttributeTol);
  }
  nb::check_predictions(name, model, d.X_test, kLogTol);
}

}  // namespace

BOOST_AUTO_TEST_CASE(multinomial_matches_scikit_learn) {
  check_case<MultinomialNB>("m_counts", {}, "counts", "fit");
  check_case<MultinomialNB>("m_counts_weighted", {.alpha = 0.5, .fit_prior = false}, "counts", "weighted");
  check_case<MultinomialNB>("m_counts_prior", {.class_prior = {{0.1, 0.3, 0.6}}}, "counts", "fit");
  check_case<MultinomialNB>("m_counts_partial", {}, "counts", "partial");
  check_case<MultinomialNB>("m_digits", {}, "digits", "fit");
}

// alpha = 0 without force_alpha: 1e-10 instead, and a warning, as scikit-learn.
BOOST_AUTO_TEST_CASE(alpha_zero_is_clipped_with_a_warning) {
  check_case<MultinomialNB>("m_counts_alpha0", {.alpha = 0.0, .force_alpha = false}, "counts", "fit");
  check_case<CategoricalNB>("cat_alpha0", {.alpha = 0.0, .force_alpha = false}, "cat", "fit");
}

BOOST_AUTO_TEST_CASE(complement_matches_scikit_learn) {
  check_case<ComplementNB>("c_counts", {}, "counts", "fit");
  check_case<ComplementNB>("c_counts_norm", {.alpha = 0.3, .norm = true}, "counts", "weighted");
  check_case<ComplementNB>("c_counts_partial", {}, "counts", "partial");
  check_case<ComplementNB>("c_digits", {}, "digits", "fit");
}

BOOST_AUTO_TEST_CASE(bernoulli_matches_scikit_learn) {
  check_case<BernoulliNB>("b_counts", {}, "counts", "fit");
  check_case<BernoulliNB>("b_counts_binarize", {.alpha = 0.7, .binarize = 2.5}, "counts", "weighted");
  check_case<BernoulliNB>("b_counts_prior", {.binarize = 3.0, .class_prior = {{0.5, 0.25, 0.25}}}, "counts", "fit");
  check_case<BernoulliNB>("b_counts_partial", {.binarize = 1.0}, "counts", "partial");
  check_case<BernoulliNB>("b_digits", {.binarize = 7.5}, "digits", "fit");
}

BOOST_AUTO_TEST_CASE(categorical_matches_scikit_learn) {
  check_case<CategoricalNB>("cat", {}, "cat", "fit");
  check_case<CategoricalNB>("cat_weighted", {.alpha = 0.5, .fit_prior = false}, "cat", "weighted");
  check_case<CategoricalNB>("cat_min", {.min_categories = {3, 2, 6, 5, 8}}, "cat", "fit");
  check_case<CategoricalNB>("cat_min_int", {.min_categories = {7}}, "cat", "fit");
  check_case<CategoricalNB>("cat_partial", {}, "cat", "partial");
}

// binarize = None: X is used as it is (already 0 / 1).
BOOST_AUTO_TEST_CASE(bernoulli_without_binarize_takes_x_as_binary) {
  const nb::Data d = nb::data("counts");
  const Matrix binary = (d.X.array() > 3.0).cast<double>();
  const BernoulliNB raw = BernoulliNB({.binarize = std::nullopt}).fit(binary, d.y);
  const BernoulliNB thresholded = BernoulliNB({.binarize = 3.0}).fit(d.X, d.y);
  BOOST_TEST((raw.feature_count() == thresholded.feature_count()));
  BOOST_TEST((raw.predict_log_proba(binary) == thresholded.predict_log_proba(d.X)));
}

BOOST_AUTO_TEST_CASE(count_models_reject_negative_counts) {
  const nb::Data d = nb::data("counts");
  Matrix X = d.X;
  X(4, 2) = -1;
  BOOST_TEST(testing::message_of<ValueError>([&] { (void)MultinomialNB().fit(X, d.y); }) ==
             "Negative values in data passed to MultinomialNB (input X)");
  BOOST_TEST(testing::message_of<ValueError>([&] { (void)ComplementNB().fit(X, d.y); }) ==
             "Negative values in data passed to ComplementNB (input X)");
  BOOST_TEST(testing::message_of<ValueError>([&] { (void)CategoricalNB().fit(X, d.y); }) ==
             "Negative values in data passed to CategoricalNB (input X)");
  MultinomialNB online;
  online.partial_fit(d.X, d.y, d.y);
  const Matrix before = online.feature_count();
  BOOST_CHECK_THROW(online.partial_fit(X, d.y), ValueError);
  BOOST_TEST((online.feature_count() == before));
  // BernoulliNB binarizes: any real X.
  BOOST_TEST(BernoulliNB().fit(X, d.y).is_fitted());
}

BOOST_AUTO_TEST_CASE(bad_parameters_throw_value_error) {
  const nb::Data d = nb::data("counts");
  BOOST_TEST(testing::message_of<ValueError>([&] {
               (void)MultinomialNB({.alpha = -1}).fit(d.X, d.y);
             }).find("The 'alpha' parameter of MultinomialNB must be a float in the range [0.0, inf)") !=
             std::string::npos);
  BOOST_TEST(testing::message_of<ValueError>([&] {
               (void)MultinomialNB({.class_prior = {{0.5, 0.5}}}).fit(d.X, d.y);
             }).find("Number of priors must match number of classes") != std::string::npos);
  const nb::Data c = nb::data("cat");
  BOOST_CHECK_THROW((void)CategoricalNB({.min_categories = {2, 3}}).fit(c.X, c.y), ValueError);
  BOOST_CHECK_THROW((void)CategoricalNB({.min_categories = {0}}).fit(c.X, c.y), ValueError);
}

BOOST_AUTO_TEST_CASE(categorical_rejects_unseen_categories) {
  const nb::Data d = nb::data("cat");
  const CategoricalNB model = CategoricalNB().fit(d.X, d.y);
  Matrix X = d.X.topRows(3);
  X(1, 0) = 2;  // feature 0 has the categories 0 and 1
  BOOST_TEST(testing::message_of<ValueError>([&] { (void)model.predict(X); }).find("not seen in fit") !=
             std::string::npos);
  // Entries are truncated to integers, as scikit-learn's cast to int.
  Matrix fractional = d.X.topRows(3);
  fractional.array() += 0.5;
  BOOST_TEST((model.predict_log_proba(fractional) == model.predict_log_proba(d.X.topRows(3))));
}

// partial_fit: labels outside classes are ignored by the discrete models
// (scikit-learn's label_binarize gives them an all-zero row).
BOOST_AUTO_TEST_CASE(discrete_partial_fit_ignores_labels_outside_classes) {
  const nb::Data d = nb::data("counts");
  MultinomialNB online;
  online.partial_fit(d.X, d.y, (Vector(2) << -2.0, 0.0).finished());
  BOOST_TEST(online.classes().size() == 2);
  const double seen = (d.y.array() != 5.0).cast<double>().sum();
  BOOST_TEST(online.class_count().sum() == seen);
}

// fit and predict read X once and check it on the way (NaiveBayesBase):
// NaN and Inf anywhere are still refused, with check_X's message.
template <class Model>
void check_non_finite_is_refused(const nb::Data& d) {
  for (const double bad : {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(),
                           -std::numeric_limits<double>::infinity()}) {
    Matrix X = d.X;
    X(7, 1) = bad;
    BOOST_TEST_INFO(Model::class_name << " with " << bad);
    const std::string message = testing::message_of<ValueError>([&] { (void)Model().fit(X, d.y); });
    BOOST_TEST(message.find(".fit: X") != std::string::npos);
    const Model model = Model().fit(d.X, d.y);
    BOOST_CHECK_THROW((void)model.predict_proba(X), ValueError);
    BOOST_CHECK_THROW((void)model.predict(X), ValueError);
    BOOST_CHECK_THROW((void)model.predict_joint_log_proba(X), ValueError);
  }
}

BOOST_AUTO_TEST_CASE(non_finite_x_is_refused_in_fit_and_predict) {
  check_non_finite_is_refused<MultinomialNB>(nb::data("counts"));
  check_non_finite_is_refused<ComplementNB>(nb::data("counts"));
  check_non_finite_is_refused<BernoulliNB>(nb::data("counts"));
  check_non_finite_is_refused<CategoricalNB>(nb::data("cat"));
  check_non_finite_is_refused<GaussianNB>(nb::data("iris"));
}

BOOST_AUTO_TEST_SUITE_END()

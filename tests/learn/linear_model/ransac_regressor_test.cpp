// RANSACRegressor: on data whose inliers are unambiguous (an exact plane plus
// gross outliers, tests/reference/learn_glm_robust.py) it finds the true
// inliers, as scikit-learn 1.9 does, and its final model is the
// LinearRegression of those inliers. The random subsets differ from
// scikit-learn's (another generator), so trial counts are not compared.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <scilearn/core/io.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn.hpp>
#include <string>
#include <vector>

#include "support/expect.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(ransac_regressor)

using namespace scilearn;
using namespace scilearn::learn;

namespace {

Matrix load(const std::string& name) {
  return io::load_npy<double>(testing::fixture_path("learn/glm_robust/" + name + ".npy"));
}
Vector load_vector(const std::string& name) {
  return io::load_npy_vector<double>(testing::fixture_path("learn/glm_robust/" + name + ".npy"));
}

std::vector<bool> as_mask(const Vector& v) {
  std::vector<bool> out;
  for (const double x : v) out.push_back(x != 0);
  return out;
}

Vector coef_and_intercept(const Estimator& e) {
  const auto& ols = dynamic_cast<const LinearRegression&>(e);
  Vector out(ols.coef().size() + 1);
  out << ols.coef(), ols.intercept();
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(finds_the_true_inliers_for_several_seeds) {
  const Matrix X = load("Xr");
  const Vector y = load_vector("yr");
  const std::vector<bool> inliers = as_mask(load_vector("r_inliers"));
  const Vector reference = load_vector("r_coef");
  for (const std::uint64_t seed : {0u, 1u, 7u, 42u}) {
    for (const bool mad : {false, true}) {
      RANSACRegressor::Params p{.random_state = seed};
      if (!mad) p.residual_threshold = 0.1;
      RANSACRegressor model(p);
      model.fit(X, y);
      BOOST_TEST_INFO("seed " << seed << (mad ? " MAD threshold" : " threshold 0.1"));
      BOOST_TEST((model.inlier_mask() == inliers));
      // The final model is one least-squares fit of the same 38 rows:
      // scikit-learn's LinearRegression on them, to rounding.
      BOOST_TEST((coef_and_intercept(model.estimator()) - reference).cwiseAbs().maxCoeff() <= 1e-10);
      BOOST_TEST(model.n_trials() >= 1);
      BOOST_TEST(model.n_trials() <= 100);
      BOOST_TEST(model.predict(X).size() == X.rows());
    }
  }
}

BOOST_AUTO_TEST_CASE(same_seed_gives_the_same_model) {
  const Matrix X = load("Xr");
  const Vector y = load_vector("yr");
  RANSACRegressor a({.residual_threshold = 0.1, .random_state = 3}), b({.residual_threshold = 0.1, .random_state = 3});
  a.fit(X, y);
  b.fit(X, y);
  BOOST_TEST(a.n_trials() == b.n_trials());
  BOOST_TEST((a.predict(X) == b.predict(X)));
}

BOOST_AUTO_TEST_CASE(stopping_rules) {
  const Matrix X = load("Xr");
  const Vector y = load_vector("yr");
  // stop_n_inliers: the first consensus set with that many inliers ends the search.
  RANSACRegressor few({.residual_threshold = 0.1, .stop_n_inliers = 1, .random_state = 0});
  few.fit(X, y);
  BOOST_TEST(few.n_trials() == 1 + few.n_skips_no_inliers());
  // max_trials = 1: a single subset.
  RANSACRegressor one({.residual_threshold = 0.1, .max_trials = 1, .random_state = 0});
  try {
    one.fit(X, y);
    BOOST_TEST(one.n_trials() == 1);
  } catch (const ValueError&) {  // that one subset found no inlier at all
  }
  // stop_probability 0: the dynamic bound is 0 trials after the first success.
  RANSACRegressor quick({.residual_threshold = 0.1, .stop_probability = 0, .random_state = 0});
  quick.fit(X, y);
  BOOST_TEST(quick.n_trials() == 1 + quick.n_skips_no_inliers());
}

BOOST_AUTO_TEST_CASE(squared_error_loss_uses_the_squared_threshold) {
  const Matrix X = load("Xr");
  const Vector y = load_vector("yr");
  RANSACRegressor model({.residual_threshold = 0.01, .loss = RansacLoss::squared_error, .random_state = 0});
  model.fit(X, y);
  BOOST_TEST((model.inlier_mask() == as_mask(load_vector("r_inliers"))));
}

// A callable loss equal to squared_error takes the same path, subset for subset.
BOOST_AUTO_TEST_CASE(a_loss_function_replaces_the_loss) {
  const Matrix X = load("Xr");
  const Vector y = load_vector("yr");
  RANSACRegressor named({.residual_threshold = 0.01, .loss = RansacLoss::squared_error, .random_state = 5});
  RANSACRegressor callable({.residual_threshold = 0.01,
                            .loss_function = [](const VectorView& t, const VectorView& p) -> Vector {
                              return (t - p).cwiseAbs2();
                            },
                            .random_state = 5});
  named.fit(X, y);
  callable.fit(X, y);
  BOOST_TEST(callable.n_trials() == named.n_trials());
  BOOST_TEST((callable.inlier_mask() == named.inlier_mask()));
  BOOST_TEST((callable.predict(X) == named.predict(X)));
  RANSACRegressor short_loss({.loss_function = [](const VectorView& t, const VectorView&) -> Vector {
                                return t.head(3);
                              }});
  BOOST_TEST(testing::message_of<ValueError>([&] { short_loss.fit(X, y); }).find("loss_function must return 50") !=
             std::string::npos);
  // A NaN residual fails the threshold: that sample is an outlier.
  RANSACRegressor nan_first({.residual_threshold = 0.1,
                             .loss_function = [](const VectorView& t, const VectorView& p) -> Vector {
                               Vector r = (t - p).cwiseAbs();
                               r(0) = std::numeric_limits<double>::quiet_NaN();
                               return r;
                             },
                             .random_state = 0});
  nan_first.fit(X, y);
  std::vector<bool> expected = as_mask(load_vector("r_inliers"));
  expected[0] = false;
  BOOST_TEST((nan_first.inlier_mask() == expected));
}

// is_data_valid sees every drawn subset before a fit, is_model_valid every
// model fitted; what they reject is counted and never scored. Rejecting the
// subsets that hold a gross outlier (off the true plane 1.5 x1 - 0.7 x2 + 2
// by more than 0.1; the inliers' noise is 1e-3) leaves the same answer.
BOOST_AUTO_TEST_CASE(data_and_model_checks_skip_subsets) {
  const Matrix X = load("Xr");
  const Vector y = load_vector("yr");
  Index data_calls = 0, model_calls = 0;
  RANSACRegressor checked({.residual_threshold = 0.1,
                           .is_data_valid =
                               [&](const MatrixView& xs, const VectorView& ys) {
                                 ++data_calls;
                                 const Vector off = ys - (xs * Eigen::Vector2d(1.5, -0.7)).array().matrix() -
                                                    Vector::Constant(ys.size(), 2.0);
                                 return off.cwiseAbs().maxCoeff() <= 0.1;
                               },
                           .is_model_valid =
                               [&](const Estimator& model, const MatrixView& xs, const VectorView&) {
                                 ++model_calls;
                                 BOOST_TEST(model.name() == "LinearRegression");
                                 BOOST_TEST(xs.rows() == 3);  // min_samples: n_features + 1
                                 return true;
                               },
                           .random_state = 0});
  checked.fit(X, y);
  BOOST_TEST(checked.n_skips_invalid_data() > 0);  // 12 of 50 rows are outliers: most 3-row subsets hold one
  BOOST_TEST(data_calls == checked.n_trials());
  BOOST_TEST(model_calls == checked.n_trials() - checked.n_skips_invalid_data());
  BOOST_TEST(checked.n_skips_invalid_model() == 0);
  BOOST_TEST((checked.inlier_mask() == as_mask(load_vector("r_inliers"))));
  BOOST_TEST((coef_and_intercept(checked.estimator()) - load_vector("r_coef")).cwiseAbs().maxCoeff() <= 1e-10);

  // A model check that rejects everything: no consensus set, or max_skips.
  const RansacModelCheck never = [](const Estimator&, const MatrixView&, const VectorView&) { return false; };
  BOOST_TEST(testing::message_of<ValueError>([&] {
               RANSACRegressor({.residual_threshold = 0.1, .is_model_valid = never, .random_state = 0}).fit(X, y);
             }).find("could not find a valid consensus set") != std::string::npos);
  BOOST_TEST(testing::message_of<ValueError>([&] {
               RANSACRegressor({.residual_threshold = 0.1, .max_skips = 3, .is_model_valid = never, .random_state = 0})
                   .fit(X, y);
             }).find("max_skips") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(another_base_estimator_needs_min_samples) {
  const Matrix X = load("Xr");
  const Vector y = load_vector("yr");
  RANSACRegressor bad({.estimator = std::make_shared<QuantileRegressor>(QuantileRegressor::Params{.alpha = 0})});
  BOOST_CHECK_THROW(bad.fit(X, y), ValueError);
  RANSACRegressor good({.estimator = std::make_shared<QuantileRegressor>(QuantileRegressor::Params{.alpha = 0}),
                        .min_samples = 0.1,
                        .residual_threshold = 0.1,
                        .random_state = 0});
  good.fit(X, y);
  BOOST_TEST((good.inlier_mask() == as_mask(load_vector("r_inliers"))));
  BOOST_TEST(good.estimator().name() == "QuantileRegressor");
  // the nested estimator's parameters are reachable by name
  BOOST_TEST(good.get_params().count("estimator__quantile") == 1);
}

BOOST_AUTO_TEST_CASE(bad_parameters_are_rejected) {
  const Matrix X = load("Xr");
  const Vector y = load_vector("yr");
  BOOST_CHECK_THROW(RANSACRegressor({.min_samples = 51.0}).fit(X, y), ValueError);
  BOOST_CHECK_THROW(RANSACRegressor({.min_samples = 2.5}).fit(X, y), ValueError);
  BOOST_CHECK_THROW(RANSACRegressor({.residual_threshold = -1.0}).fit(X, y), ValueError);
  BOOST_CHECK_THROW(RANSACRegressor({.stop_probability = 1.5}).fit(X, y), ValueError);
  BOOST_CHECK_THROW(RANSACRegressor({.max_trials = -1}).fit(X, y), ValueError);
  // max_trials 0: no subset is tried, so there is no consensus set.
  const std::string message =
      testing::message_of<ValueError>([&] { (void)RANSACRegressor({.max_trials = 0}).fit(X, y); });
  BOOST_TEST(message.find("could not find a valid consensus set") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

// Cross-validation and hyper-parameter search against scikit-learn 1.9 with
// deterministic splitters (tests/reference/learn_model_selection.py).
#include <boost/test/unit_test.hpp>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/io.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn.hpp>

#include "support/expect.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(model_selection_search)

using namespace scilearn;
using namespace scilearn::learn;

namespace {
Matrix load(const std::string& name) {
  return io::load_npy<double>(testing::fixture_path("learn/model_selection/" + name + ".npy"));
}
Vector load_vector(const std::string& name) {
  return io::load_npy_vector<double>(testing::fixture_path("learn/model_selection/" + name + ".npy"));
}
// Scores are ratios of sums over ~10 samples of least-squares fits (LAPACK on
// both sides, condition ~1e3): 1e-10 relative is far above the rounding.
void check_close(const Matrix& ours, const Matrix& theirs, double tolerance = 1e-10) {
  BOOST_REQUIRE(ours.rows() == theirs.rows() && ours.cols() == theirs.cols());
  BOOST_TEST(((ours - theirs).array().abs() / theirs.array().abs().max(1.0)).maxCoeff() <= tolerance);
}
EstimatorPtr scaled_ols() { return std::make_shared<Pipeline>(make_pipeline(StandardScaler(), LinearRegression())); }
}  // namespace

BOOST_AUTO_TEST_CASE(cross_val_score_matches_scikit_learn) {
  const Matrix X = load("X");
  const Vector y = load_vector("y");
  check_close(cross_val_score(LinearRegression(), X, y), load("cv_r2"));
  check_close(
      cross_val_score(LinearRegression(), X, y, {.cv = KFold({.n_splits = 4}), .scoring = "neg_mean_squared_error"}),
      load("cv_neg_mse"));
}

BOOST_AUTO_TEST_CASE(cross_validate_reports_every_scorer_and_train_scores) {
  const Matrix X = load("X");
  const Vector y = load_vector("y");
  const auto result = cross_validate(LinearRegression({.fit_intercept = false}), X, y,
                                     {.scoring = {"r2", "neg_mean_absolute_error", "explained_variance"},
                                      .return_train_score = true,
                                      .return_estimator = true});
  check_close(result.test_scores.at("r2"), load("cv_test_r2"));
  check_close(result.test_scores.at("neg_mean_absolute_error"), load("cv_test_neg_mean_absolute_error"));
  check_close(result.test_scores.at("explained_variance"), load("cv_test_explained_variance"));
  check_close(result.train_scores.at("r2"), load("cv_train_r2"));
  BOOST_TEST(result.estimators.size() == 5u);
  BOOST_TEST(result.estimators[0]->is_fitted());
  BOOST_TEST((result.fit_time.array() >= 0).all());
}

BOOST_AUTO_TEST_CASE(cross_val_predict_matches_scikit_learn) {
  check_close(cross_val_predict(LinearRegression(), load("X"), load_vector("y")), load("cv_predict"));
  const Matrix X = load("X");
  BOOST_CHECK_THROW((void)cross_val_predict(LinearRegression(), X, load_vector("y"),
                                            {.cv = ShuffleSplit({.n_splits = 3, .random_state = 1})}),
                    ValueError);
}

BOOST_AUTO_TEST_CASE(grid_search_over_a_pipeline_matches_scikit_learn) {
  GridSearchCV search(
      scaled_ols(),
      ParamGrid{{"linearregression__fit_intercept", {true, false}}, {"standardscaler__with_mean", {true, false}}},
      {.scoring = {"neg_mean_squared_error"}});
  search.fit(load("X"), load_vector("y"));
  const auto& results = search.cv_results();
  check_close(results.mean_test_score.at("neg_mean_squared_error"), load("grid_mean_test"));
  check_close(results.std_test_score.at("neg_mean_squared_error"), load("grid_std_test"), 1e-8);
  const Vector ranks = load_vector("grid_rank_test");
  for (Index c = 0; c < ranks.size(); ++c)
    BOOST_TEST(results.rank_test_score.at("neg_mean_squared_error")[static_cast<std::size_t>(c)] ==
               static_cast<Index>(ranks(c)));
  BOOST_TEST(search.best_index() == static_cast<Index>(load_vector("grid_best_index")(0)));
  BOOST_TEST(search.best_score() == load_vector("grid_best_score")(0), boost::test_tools::tolerance(1e-10));
  check_close(search.predict(load("X").topRows(5)), load("grid_predict"));
  // scikit-learn's choice: no centering and no intercept (the feature with mean 50 acts as one).
  BOOST_TEST(!std::get<bool>(search.best_params().at("linearregression__fit_intercept")));
  BOOST_TEST(!std::get<bool>(search.best_params().at("standardscaler__with_mean")));
  BOOST_TEST(search.cv_results().to_string().find("mean_test_neg_mean_squared_error") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(search_results_do_not_depend_on_n_jobs) {
  const ParamGrid grid{{"linearregression__fit_intercept", {true, false}}, {"standardscaler__with_std", {true, false}}};
  GridSearchCV serial(scaled_ols(), grid, {.scoring = {"r2", "neg_mean_absolute_error"}, .refit_scorer = "r2"});
  GridSearchCV parallel(scaled_ols(), grid,
                        {.scoring = {"r2", "neg_mean_absolute_error"}, .refit_scorer = "r2", .n_jobs = 2});
  serial.fit(load("X"), load_vector("y"));
  parallel.fit(load("X"), load_vector("y"));
  for (const std::string name : {"r2", "neg_mean_absolute_error"})
    BOOST_TEST((serial.cv_results().split_test_scores.at(name) == parallel.cv_results().split_test_scores.at(name)));
  BOOST_TEST(serial.best_index() == parallel.best_index());
}

// A search over a pipeline fits its leading steps once per split and
// parameters of theirs; the scores must be those of fitting every candidate's
// whole pipeline, to the bit, train scores and failing candidates included.
BOOST_AUTO_TEST_CASE(shared_leading_steps_give_the_whole_pipelines_scores) {
  const Matrix X = load("X");
  const Vector y = load_vector("y");
  const auto pipeline = [] {
    return std::make_shared<Pipeline>(make_pipeline(StandardScaler(), PolynomialFeatures(), LinearRegression()));
  };
  // degree -1 makes PolynomialFeatures' fit fail: those candidates score NaN.
  const ParamGrid grid{{"linearregression__fit_intercept", {true, false}},
                       {"polynomialfeatures__degree", {std::int64_t{1}, std::int64_t{-1}, std::int64_t{2}}},
                       {"standardscaler__with_std", {true, false}}};
  for (const int n_jobs : {1, 2}) {
    GridSearchCV search(pipeline(), grid, {.n_jobs = n_jobs, .return_train_score = true});
    const ScopedWarningHandler quiet([](const Warning&) {});  // the failing fits warn
    search.fit(X, y);
    const auto& results = search.cv_results();
    const auto folds = KFold().split(X.rows());
    for (std::size_t c = 0; c < results.params.size(); ++c) {
      for (std::size_t k = 0; k < folds.size(); ++k) {
        auto whole = pipeline();
        whole->set_params(results.params[c]);
        double test = std::numeric_limits<double>::quiet_NaN(), train = test;
        try {
          whole->fit(take_rows(X, folds[k].train), take(y, folds[k].train));
          test = whole->score(take_rows(X, folds[k].test), take(y, folds[k].test));
          train = whole->score(take_rows(X, folds[k].train), take(y, folds[k].train));
        } catch (const ValueError&) {
        }
        const auto same = [](double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); };
        const auto ci = static_cast<Index>(c), ki = static_cast<Index>(k);
        BOOST_TEST(same(results.split_test_scores.at("score")(ci, ki), test), "candidate " << c << " fold " << k);
        BOOST_TEST(same(results.split_train_scores.at("score")(ci, ki), train), "candidate " << c << " fold " << k);
      }
    }
  }
}

// Candidates that replace the last step run their whole pipeline: by
// passthrough (which has no score, a ValueError as for one fit), or by an
// estimator value, cloned for each job so that parallel jobs never share one.
BOOST_AUTO_TEST_CASE(candidates_that_replace_the_last_step_run_their_whole_pipeline) {
  const Matrix X = load("X");
  const Vector y = load_vector("y");
  GridSearchCV passthrough_search(scaled_ols(), ParamGrid{{"linearregression", {std::string("passthrough")}}});
  BOOST_CHECK_THROW(passthrough_search.fit(X, y), ValueError);
  const EstimatorPtr shared = std::make_shared<LinearRegression>(LinearRegression::Params{.fit_intercept = false});
  const ParamGrid grid{{"linearregression", {shared, EstimatorPtr(std::make_shared<LinearRegression>())}}};
  GridSearchCV serial(scaled_ols(), grid), parallel(scaled_ols(), grid, {.n_jobs = 2});
  serial.fit(X, y);
  parallel.fit(X, y);
  BOOST_TEST(
      (serial.cv_results().split_test_scores.at("score") == parallel.cv_results().split_test_scores.at("score")));
  BOOST_TEST(!shared->is_fitted());  // the grid's estimator itself is never fitted
}

BOOST_AUTO_TEST_CASE(parameter_grid_enumerates_in_scikit_learn_order) {
  const auto points =
      parameter_grid({ParamGrid{{"b", {1.0, 2.0}}, {"a", {true, false}}}, ParamGrid{{"c", {std::string("x")}}}});
  BOOST_TEST(points.size() == 5u);
  BOOST_TEST(std::get<bool>(points[0].at("a")) == true);
  BOOST_TEST(std::get<double>(points[0].at("b")) == 1.0);
  BOOST_TEST(std::get<double>(points[1].at("b")) == 2.0);  // the last name varies fastest
  BOOST_TEST(std::get<bool>(points[2].at("a")) == false);
  BOOST_TEST(std::get<std::string>(points[4].at("c")) == "x");
  BOOST_CHECK_THROW((void)parameter_grid({ParamGrid{{"a", {}}}}), ValueError);
}

BOOST_AUTO_TEST_CASE(randomized_search_is_reproducible_by_seed) {
  const ParamDistributions distributions{{"tol", param_loguniform(1e-8, 1e-2)},
                                         {"fit_intercept", std::vector<ParamValue>{true, false}}};
  RandomizedSearchCV a(std::make_shared<LinearRegression>(), distributions, 6, 42);
  RandomizedSearchCV b(std::make_shared<LinearRegression>(), distributions, 6, 42);
  a.fit(load("X"), load_vector("y"));
  b.fit(load("X"), load_vector("y"));
  BOOST_TEST(a.cv_results().params.size() == 6u);
  for (std::size_t i = 0; i < 6; ++i) {
    BOOST_TEST(params_equal(a.cv_results().params[i], b.cv_results().params[i]));
    const double tol = std::get<double>(a.cv_results().params[i].at("tol"));
    BOOST_TEST((tol >= 1e-8 && tol < 1e-2));
  }
  // All lists: distinct grid points without replacement, at most the grid's size.
  int warnings = 0;
  ScopedWarningHandler handler([&](const Warning&) { ++warnings; });
  const auto points = parameter_sampler({{"fit_intercept", std::vector<ParamValue>{true, false}}}, 5, 1);
  BOOST_TEST(points.size() == 2u);
  BOOST_TEST(warnings == 1);
  BOOST_TEST(!params_equal(points[0], points[1]));
}

BOOST_AUTO_TEST_CASE(learning_and_validation_curves_match_scikit_learn) {
  const Matrix X = load("X");
  const Vector y = load_vector("y");
  const auto lc = learning_curve(LinearRegression(), X, y, {.train_sizes = {0.2, 0.5, 1.0}});
  const Vector sizes = load_vector("lc_sizes");
  BOOST_REQUIRE(lc.train_sizes.size() == 3u);
  for (Index k = 0; k < 3; ++k) BOOST_TEST(lc.train_sizes[static_cast<std::size_t>(k)] == static_cast<Index>(sizes(k)));
  check_close(lc.train_scores, load("lc_train"), 1e-9);
  check_close(lc.test_scores, load("lc_test"), 1e-9);
  const auto vc = validation_curve(LinearRegression(), X, y, "fit_intercept", {true, false});
  check_close(vc.train_scores, load("vc_train"));
  check_close(vc.test_scores, load("vc_test"));
}

BOOST_AUTO_TEST_CASE(failing_fits_score_nan_or_raise) {
  // positive = true with a bad tol fails in every fit: NaN scores and a warning, or the error.
  LinearRegression bad({.tol = -1.0});
  int warnings = 0;
  {
    ScopedWarningHandler handler([&](const Warning&) { ++warnings; });
    const Vector scores = cross_val_score(bad, load("X"), load_vector("y"));
    BOOST_TEST(scores.array().isNaN().all());
  }
  BOOST_TEST(warnings == 5);
  BOOST_CHECK_THROW((void)cross_val_score(bad, load("X"), load_vector("y"), {.error_score = std::nullopt}), ValueError);
  BOOST_CHECK_THROW((void)get_scorer("no_such_scorer"), ValueError);
  BOOST_CHECK_THROW((void)GridSearchCV(std::make_shared<LinearRegression>(), ParamGrid{}, {.scoring = {"nope"}}),
                    ValueError);
}

BOOST_AUTO_TEST_SUITE_END()

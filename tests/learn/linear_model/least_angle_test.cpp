// lars_path, Lars, LassoLars and LassoLarsIC against scikit-learn 1.9
// (tests/reference/learn_bayes_lars.py).
#include <boost/test/unit_test.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn.hpp>
#include <limits>
#include <string>

#include "learn/linear_model/bayes_lars_fixtures.hpp"
#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(linear_model_least_angle)

using namespace scilearn;
using namespace scilearn::learn;
using namespace scilearn::testing::bayes_lars;

namespace {

// The same steps in the same order as scikit-learn's solver: the path
// differs by rounding only, amplified by the conditioning of the active
// sets' Gram matrices (at most ~1e4 here). 1e-8 relative to the path's
// largest coefficient (and to the largest alpha).
constexpr double tol = 1e-8;

void check_path(const LarsPathResult& path, const std::string& name) {
  BOOST_TEST_INFO(name);
  BOOST_TEST(path.n_iter == static_cast<Index>(scalar(name + "_n_iter")));
  BOOST_TEST(path.active == indices(name + "_active"), boost::test_tools::per_element());
  BOOST_TEST(relative_error(path.alphas, vector(name + "_alphas")) <= tol);
  BOOST_TEST(relative_error(path.coefs, matrix(name + "_coefs")) <= tol);
}

struct Centered {
  Matrix X;
  Vector y;
};

Centered diabetes_centered() {
  const Matrix Xd = matrix("Xd");
  const Vector yd = vector("yd");
  return {Xd.rowwise() - Xd.colwise().mean(), yd.array() - yd.mean()};
}

}  // namespace

BOOST_AUTO_TEST_CASE(lar_path_with_and_without_gram_matches_scikit_learn) {
  const auto [X, y] = diabetes_centered();
  const Matrix G = X.transpose() * X;
  check_path(lars_path(X, y, G, {.method = LarsMethod::lar}), "lp_lar_gram");
  check_path(lars_path(X, y, {.method = LarsMethod::lar}), "lp_lar_x");
  check_path(lars_path(X, y, {.method = LarsMethod::lar, .max_iter = 3}), "lp_lar_max_iter");
  // lars_path_gram gives the Gram path from X'y alone.
  const LarsPathResult from_gram = lars_path_gram(X.transpose() * y, G, X.rows(), {.method = LarsMethod::lar});
  check_path(from_gram, "lp_lar_gram");
}

BOOST_AUTO_TEST_CASE(lasso_path_matches_scikit_learn) {
  const auto [X, y] = diabetes_centered();
  const Matrix G = X.transpose() * X;
  check_path(lars_path(X, y, {.method = LarsMethod::lasso}), "lp_lasso_x");
  check_path(lars_path(X, y, G, {.method = LarsMethod::lasso}), "lp_lasso_gram");
  check_path(lars_path(X, y, G, {.method = LarsMethod::lasso, .alpha_min = 0.5, .positive = true}),
             "lp_lasso_positive");
  check_path(lars_path(X, y, G, {.method = LarsMethod::lasso, .alpha_min = 0.3}), "lp_lasso_alpha_min");
}

BOOST_AUTO_TEST_CASE(lasso_path_with_variables_leaving_matches_scikit_learn) {
  // 15 x 25: ten steps where a coefficient crosses zero and its variable
  // leaves the active set (Cholesky downdates), then an interpolated end.
  const Matrix Xw = matrix("Xw");
  const Vector yw = vector("yw");
  const LarsPathResult path = lars_path(Xw, yw, {.method = LarsMethod::lasso, .alpha_min = 1e-3});
  BOOST_TEST(path.n_iter > static_cast<Index>(path.active.size()));
  check_path(path, "lp_lasso_wide");
  const Matrix G = Xw.transpose() * Xw;
  check_path(lars_path(Xw, yw, G, {.method = LarsMethod::lasso, .alpha_min = 1e-3}), "lp_lasso_wide_gram");
}

BOOST_AUTO_TEST_CASE(lasso_path_solves_the_lasso_at_each_knot) {
  // KKT conditions of (1 / 2n) ||y - X w||^2 + alpha ||w||_1 at each alpha:
  // |X'(y - X w)| / n <= alpha, with equality and the sign of w on the support.
  const auto [X, y] = diabetes_centered();
  const LarsPathResult path = lars_path(X, y, {.method = LarsMethod::lasso});
  const double n = static_cast<double>(X.rows());
  for (Index k = 0; k < path.coefs.cols(); ++k) {
    const Vector w = path.coefs.col(k);
    const Vector c = X.transpose() * (y - X * w) / n;
    const double alpha = path.alphas(k);
    for (Index j = 0; j < w.size(); ++j) {
      BOOST_TEST(std::abs(c(j)) <= alpha * (1 + 1e-9) + 1e-12);
      if (std::abs(w(j)) > 1e-12) BOOST_TEST(std::abs(c(j) - alpha * (w(j) > 0 ? 1 : -1)) <= 1e-9 * path.alphas(0));
    }
  }
}

BOOST_AUTO_TEST_CASE(lasso_path_kkt_holds_on_random_data_for_several_seeds) {
  // Random 30 x 12 problems, with and without the Gram matrix: the lasso
  // optimality conditions at every knot (closed form, no reference needed).
  for (const std::uint64_t seed : {1u, 2u, 3u}) {
    Generator rng(seed);
    const Matrix X = rng.standard_normal(30, 12);
    const Vector y = X.leftCols(4) * Vector::LinSpaced(4, 1.0, -2.0) + 0.3 * rng.standard_normal(30);
    const Matrix G = X.transpose() * X;
    for (const bool with_gram : {false, true}) {
      const LarsPathResult path = with_gram ? lars_path(X, y, G, {.method = LarsMethod::lasso})
                                            : lars_path(X, y, {.method = LarsMethod::lasso});
      BOOST_TEST_INFO("seed " << seed << (with_gram ? " gram" : ""));
      for (Index k = 0; k < path.coefs.cols(); ++k) {
        const Vector w = path.coefs.col(k);
        const Vector c = X.transpose() * (y - X * w) / 30.0;
        BOOST_TEST(c.cwiseAbs().maxCoeff() <= path.alphas(k) * (1 + 1e-9) + 1e-12);
        for (Index j = 0; j < w.size(); ++j)
          if (std::abs(w(j)) > 1e-12) BOOST_TEST(std::abs(c(j) - path.alphas(k) * (w(j) > 0 ? 1 : -1)) <= 1e-9);
      }
      BOOST_TEST(path.alphas(path.alphas.size() - 1) <= 1e-12);
    }
  }
}

// Two coefficients reaching zero at the same step (an exact tie on integer
// data): both leave the active set, one at a time, and the path still
// satisfies the lasso optimality conditions at every knot.
BOOST_AUTO_TEST_CASE(lasso_path_with_tied_variables_leaving) {
  Matrix X(5, 4);
  X << 0, 1, 1, 2, -1, 1, 0, -2, -2, 0, -1, 0, 0, -2, -1, 0, 2, 2, 1, -1;
  Vector y(5);
  y << 0, 1, 1, -1, 1;
  const Matrix G = X.transpose() * X;
  for (const bool with_gram : {false, true}) {
    const LarsPathResult path =
        with_gram ? lars_path(X, y, G, {.method = LarsMethod::lasso}) : lars_path(X, y, {.method = LarsMethod::lasso});
    BOOST_TEST_INFO((with_gram ? "gram" : "no gram"));
    for (Index k = 0; k < path.coefs.cols(); ++k) {
      const Vector w = path.coefs.col(k);
      const Vector c = X.transpose() * (y - X * w) / 5.0;
      BOOST_TEST(c.cwiseAbs().maxCoeff() <= path.alphas(k) * (1 + 1e-9) + 1e-12);
      for (Index j = 0; j < w.size(); ++j)
        if (std::abs(w(j)) > 1e-12) BOOST_TEST(std::abs(c(j) - path.alphas(k) * (w(j) > 0 ? 1 : -1)) <= 1e-9);
    }
  }
}

BOOST_AUTO_TEST_CASE(lars_path_rejects_bad_options) {
  const Matrix X = matrix("X");
  const Vector y = vector("y");
  BOOST_CHECK_THROW((void)lars_path(X, y, {.method = LarsMethod::lar, .positive = true}), ValueError);
  BOOST_CHECK_THROW((void)lars_path(X, y, {.max_iter = -1}), ValueError);
  BOOST_CHECK_THROW((void)lars_path(X, y, {.alpha_min = -1}), ValueError);
  BOOST_CHECK_THROW((void)lars_path(X, y.head(5)), ValueError);
  BOOST_CHECK_THROW((void)lars_path(X, y, Matrix::Identity(3, 3)), ValueError);
}

namespace {

template <class Model>
void check_model(const Model& model, const std::string& name) {
  BOOST_TEST_INFO(name);
  BOOST_TEST(model.n_iter() == static_cast<Index>(scalar(name + "_n_iter")));
  BOOST_TEST(model.active() == indices(name + "_active"), boost::test_tools::per_element());
  BOOST_TEST(relative_error(model.coef(), vector(name + "_coef")) <= tol);
  BOOST_TEST(std::abs(model.intercept() - scalar(name + "_intercept")) <=
             tol * std::max(1.0, std::abs(scalar(name + "_intercept"))));
  BOOST_TEST(relative_error(model.alphas(), vector(name + "_alphas")) <= tol);
  BOOST_TEST(relative_error(model.coef_path(), matrix(name + "_coef_path")) <= tol);
}

}  // namespace

BOOST_AUTO_TEST_CASE(lars_matches_scikit_learn) {
  Lars model({.n_nonzero_coefs = 4});
  model.fit(matrix("X"), vector("y"));
  check_model(model, "lars_n4");
  Lars wide({.fit_intercept = false, .precompute = false, .n_nonzero_coefs = 10});
  wide.fit(matrix("Xw"), vector("yw"));
  check_model(wide, "lars_wide");
}

BOOST_AUTO_TEST_CASE(lasso_lars_matches_scikit_learn) {
  LassoLars model({.alpha = 0.05});
  model.fit(matrix("Xd"), vector("yd"));
  check_model(model, "lassolars");
  LassoLars positive({.alpha = 0.01, .fit_intercept = false, .positive = true});
  positive.fit(matrix("X"), vector("y"));
  check_model(positive, "lassolars_positive");
  LassoLars no_gram({.alpha = 0.1, .precompute = false});
  no_gram.fit(matrix("Xd"), vector("yd"));
  check_model(no_gram, "lassolars_nogram");
  // Without the path: the same coefficients, the final alpha alone.
  LassoLars last({.alpha = 0.05, .fit_path = false});
  last.fit(matrix("Xd"), vector("yd"));
  BOOST_TEST((last.coef() == model.coef()));
  BOOST_TEST(last.alphas().size() == 1);
  BOOST_TEST(last.coef_path().size() == 0);
}

BOOST_AUTO_TEST_CASE(lasso_lars_ic_matches_scikit_learn) {
  for (const auto criterion : {InformationCriterion::aic, InformationCriterion::bic}) {
    const std::string name = criterion == InformationCriterion::aic ? "ic_aic" : "ic_bic";
    BOOST_TEST_INFO(name);
    LassoLarsIC model({.criterion = criterion});
    model.fit(matrix("Xd"), vector("yd"));
    BOOST_TEST(relative_error(model.coef(), vector(name + "_coef")) <= tol);
    BOOST_TEST(relative_error(model.intercept(), scalar(name + "_intercept")) <= tol);
    BOOST_TEST(relative_error(model.alpha(), scalar(name + "_alpha")) <= tol);
    BOOST_TEST(relative_error(model.alphas(), vector(name + "_alphas")) <= tol);
    BOOST_TEST(relative_error(model.criterion(), vector(name + "_criterion")) <= tol);
    // The least squares noise estimate: 1e-10 (one gelsd solve on 120 x 10).
    BOOST_TEST(relative_error(model.noise_variance(), scalar(name + "_noise_variance")) <= 1e-10);
  }
  LassoLarsIC given({.criterion = InformationCriterion::bic, .fit_intercept = false, .noise_variance = 100.0});
  given.fit(matrix("Xw"), vector("yw"));
  BOOST_TEST(relative_error(given.coef(), vector("ic_given_coef")) <= tol);
  BOOST_TEST(relative_error(given.alpha(), scalar("ic_given_alpha")) <= tol);
  BOOST_TEST(relative_error(given.criterion(), vector("ic_given_criterion")) <= tol);
  // Too few samples to estimate the noise: a clear error.
  const std::string message = testing::message_of<ValueError>([&] { LassoLarsIC().fit(matrix("Xw"), vector("yw")); });
  BOOST_TEST(message.find("noise_variance") != std::string::npos);
}

namespace {

template <class Model>
void check_targets(const Model& model, const std::string& name) {
  BOOST_TEST_INFO(name);
  BOOST_TEST(relative_error(model.coef_targets(), matrix(name + "_coef")) <= tol);
  BOOST_TEST(relative_error(model.intercept_targets(), vector(name + "_intercept")) <= tol);
  const std::vector<Index> n_iter = indices(name + "_n_iter");
  BOOST_TEST(model.n_iter_targets() == n_iter, boost::test_tools::per_element());
  for (std::size_t k = 0; k < 2; ++k) {
    const std::string suffix = "_" + std::to_string(k);
    BOOST_TEST(model.active_targets()[k] == indices(name + "_active" + suffix), boost::test_tools::per_element());
    BOOST_TEST(relative_error(model.alphas_targets()[k], vector(name + "_alphas" + suffix)) <= tol);
    BOOST_TEST(relative_error(model.coef_path_targets()[k], matrix(name + "_coef_path" + suffix)) <= tol);
  }
}

}  // namespace

// jitter: y + U[0, jitter) noise from Generator(random_state), one draw per
// sample and the same for every target column, then the ordinary fit.
BOOST_AUTO_TEST_CASE(jitter_adds_seeded_uniform_noise_to_y) {
  const Matrix Xd = matrix("Xd");
  const Vector yd = vector("yd");
  Generator rng(11);
  Vector noisy = yd;
  for (Index i = 0; i < noisy.size(); ++i) noisy(i) += rng.uniform(0.0, 0.5);
  Lars jittered({.n_nonzero_coefs = 6, .jitter = 0.5, .random_state = 11});
  jittered.fit(Xd, yd);
  Lars plain({.n_nonzero_coefs = 6});
  plain.fit(Xd, noisy);
  BOOST_TEST((jittered.coef() == plain.coef()));
  BOOST_TEST(jittered.intercept() == plain.intercept());
  LassoLars lasso_jittered({.alpha = 0.05, .jitter = 0.5, .random_state = 11});
  lasso_jittered.fit(Xd, yd);
  LassoLars lasso_plain({.alpha = 0.05});
  lasso_plain.fit(Xd, noisy);
  BOOST_TEST((lasso_jittered.coef() == lasso_plain.coef()));
  // Two equal target columns stay equal: the noise is per sample.
  Matrix twice(yd.size(), 2);
  twice << yd, yd;
  LassoLars targets({.alpha = 0.05, .jitter = 0.5, .random_state = 11});
  targets.fit(Xd, twice);
  BOOST_TEST((targets.coef_targets().row(0) == targets.coef_targets().row(1)));
  BOOST_TEST(relative_error(targets.coef_targets().row(0).transpose(), lasso_plain.coef()) <= 1e-14);
  // A parameter by name; must be positive and finite.
  BOOST_TEST(jittered.get_params().count("jitter") == 1);
  BOOST_TEST(jittered.get_params().count("random_state") == 1);
  // jitter 0 (scikit-learn's range starts there) adds nothing.
  Lars zero({.n_nonzero_coefs = 6, .jitter = 0.0});
  zero.fit(Xd, yd);
  Lars none({.n_nonzero_coefs = 6});
  none.fit(Xd, yd);
  BOOST_TEST((zero.coef() == none.coef()));
  BOOST_CHECK_THROW(LassoLars({.jitter = -1.0}).fit(Xd, yd), ValueError);
  BOOST_CHECK_THROW(LassoLars({.jitter = std::numeric_limits<double>::infinity()}).fit(Xd, yd), ValueError);
}

BOOST_AUTO_TEST_CASE(multi_target_fits_match_scikit_learn) {
  const Matrix Xd = matrix("Xd"), Y = matrix("Y2");
  Lars lars({.n_nonzero_coefs = 5});
  lars.fit(Xd, Y);
  check_targets(lars, "multi_lars");
  LassoLars lasso({.alpha = 0.1});
  lasso.fit(Xd, Y);
  check_targets(lasso, "multi_lassolars");
  LassoLars no_gram({.alpha = 0.1, .precompute = false});
  no_gram.fit(Xd, Y);
  check_targets(no_gram, "multi_lassolars_nogram");
  // predict_targets: X coef' + intercept per column; predict refuses.
  const Matrix predicted = lasso.predict_targets(Xd);
  BOOST_TEST(predicted.cols() == 2);
  const Matrix expected =
      (Xd * matrix("multi_lassolars_coef").transpose()).rowwise() + vector("multi_lassolars_intercept").transpose();
  BOOST_TEST(relative_error(predicted, expected) <= 1e-10);
  BOOST_CHECK_THROW((void)lasso.predict(Xd), ValueError);
  // One column of Y gives the 1-D model's answer.
  LassoLars single({.alpha = 0.05});
  single.fit(Xd, vector("yd"));
  LassoLars column({.alpha = 0.05});
  column.fit(Xd, Matrix(vector("yd")));
  BOOST_TEST(relative_error(column.coef_targets().row(0).transpose(), single.coef()) <= 1e-14);
  BOOST_TEST(relative_error(column.predict_targets(Xd).col(0), single.predict(Xd)) <= 1e-14);
  // The state saves and loads.
  const auto path = testing::scratch_dir("learn_least_angle") / "multi.scl";
  save(lasso, path);
  const auto loaded = load(path);
  BOOST_TEST((dynamic_cast<const LassoLars&>(*loaded).predict_targets(Xd) == predicted));
  BOOST_CHECK_THROW(lasso.fit(Xd, Matrix(Y.topRows(10))), ValueError);
}

BOOST_AUTO_TEST_CASE(precompute_is_a_bool_or_auto_by_name) {
  Lars model;
  BOOST_TEST(std::get<std::string>(model.get_params().at("precompute")) == "auto");
  model.set_params(ParamMap{{"precompute", false}});
  BOOST_TEST(std::get<bool>(model.get_params().at("precompute")) == false);
  model.set_params(ParamMap{{"precompute", true}});
  BOOST_TEST(std::get<bool>(model.get_params().at("precompute")) == true);
  BOOST_CHECK_THROW(model.set_params(ParamMap{{"precompute", std::string("always")}}), ValueError);
  BOOST_CHECK_THROW(Lars({.n_nonzero_coefs = 0}).fit(matrix("X"), vector("y")), ValueError);
  BOOST_CHECK_THROW(Lars().fit(matrix("X"), vector("y"), vector("w")), ValueError);
}

BOOST_AUTO_TEST_SUITE_END()

// LogisticRegressionCV against scikit-learn 1.9 (tests/reference/learn_logistic_cv.py).
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <scilearn/core/io.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "linear_model_fixtures.hpp"
#include "support/expect.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(logistic_regression_cv)

using namespace scilearn;
using namespace scilearn::learn;

namespace {

using testing::normwise_error;
const auto& load = testing::load_learn;
const auto& load_vector = testing::load_learn_vector;

std::vector<double> split_list(const std::string& text) {
  std::vector<double> out;
  std::stringstream in(text);
  for (std::string item; std::getline(in, item, ';');) out.push_back(std::stod(item));
  return out;
}

}  // namespace

// Every path point is a minimizer on both sides (see the script), so:
// accuracies are equal (the same predictions; weighted sums to an ulp); log-losses to 1e-9
// relative; the chosen C and the Cs grid are equal (logspace computed alike, to
// an ulp); the coefficients agree to 1e-8 with newton-cholesky and newton-cg
// (the minimizer to rounding), 1e-5 with lbfgs and 1e-6 with saga (each stops
// within its tolerance's reach of the minimizer, see logistic_regression_test
// and logistic_sag_test).
BOOST_AUTO_TEST_CASE(matches_scikit_learn) {
  const Matrix X = load("logistic_saga", "X_dense");
  const Vector w = load_vector("logistic_saga", "w");
  const auto rows = testing::read_manifest("learn/logistic_cv/cases.csv");
  BOOST_REQUIRE(rows.size() == 6);
  for (const auto& row : rows) {
    // Trailing empty fields may be dropped by the manifest reader.
    const auto field = [&](std::size_t k) { return k < row.size() ? row[k] : std::string(); };
    const std::string name = field(0), solver = field(2);
    BOOST_TEST_CONTEXT(name) {
      const Vector y = load_vector("logistic_saga", "dense_" + field(1));
      const bool grid = field(4).find(';') != std::string::npos;
      LogisticRegressionCV::Params params{.Cs = grid ? 10 : std::stol(field(4)),
                                          .Cs_values = grid ? split_list(field(4)) : std::vector<double>{},
                                          .l1_ratios = field(9).empty() ? std::vector<double>{} : split_list(field(9)),
                                          .scoring = field(5),
                                          .tol = std::stod(field(3)),
                                          .max_iter = 100000,
                                          .class_weight = field(8),
                                          .refit = field(6) == "1",
                                          .random_state = 0};
      params.solver = solver == "lbfgs"             ? LogisticSolver::lbfgs
                      : solver == "newton-cholesky" ? LogisticSolver::newton_cholesky
                      : solver == "newton-cg"       ? LogisticSolver::newton_cg
                                                    : LogisticSolver::saga;
      LogisticRegressionCV model(params);
      if (field(7) == "1")
        model.fit(X, y, w);
      else
        model.fit(X, y);
      const bool newton = solver == "newton-cholesky" || solver == "newton-cg";
      const double coef_tol = newton ? 1e-8 : (solver == "lbfgs" ? 1e-5 : 1e-6);
      BOOST_TEST(normwise_error(model.Cs(), load_vector("logistic_cv", name + "_Cs")) <= 1e-15);
      const Matrix scores = load("logistic_cv", name + "_scores");
      // Equal predictions; a weighted accuracy's sum rounds alike to an ulp or two.
      if (params.scoring.empty())
        BOOST_TEST(normwise_error(model.scores(), scores) <= 1e-15);
      else
        BOOST_TEST(normwise_error(model.scores(), scores) <= 1e-9);
      BOOST_TEST(std::abs(model.C() - load_vector("logistic_cv", name + "_C")(0)) <=
                 1e-14 * load_vector("logistic_cv", name + "_C")(0));
      BOOST_TEST(model.l1_ratio() == load_vector("logistic_cv", name + "_l1_ratio")(0));
      BOOST_TEST(normwise_error(model.coef(), load("logistic_cv", name + "_coef")) <= coef_tol);
      BOOST_TEST(normwise_error(model.intercept(), load_vector("logistic_cv", name + "_intercept")) <= coef_tol);
      BOOST_TEST(normwise_error(model.predict_proba(X), load("logistic_cv", name + "_proba")) <= coef_tol);
    }
  }
}

BOOST_AUTO_TEST_CASE(threads_contract_and_bad_input) {
  const Matrix X = load("logistic_saga", "X_dense");
  const Vector y = load_vector("logistic_saga", "dense_y3");
  LogisticRegressionCV one({.Cs = 4, .tol = 1e-8}), two({.Cs = 4, .tol = 1e-8, .n_jobs = 2});
  one.fit(X, y);
  two.fit(X, y);
  BOOST_TEST(normwise_error(two.coef(), one.coef()) == 0.0);
  BOOST_TEST(normwise_error(two.scores(), one.scores()) == 0.0);
  BOOST_TEST(one.scores().rows() == 5);
  BOOST_TEST(one.scores().cols() == 4);
  BOOST_TEST(one.n_iter().cols() == 4);
  BOOST_TEST(one.predict(X).size() == X.rows());
  BOOST_TEST(normwise_error(one.predict_log_proba(X).array().exp().matrix(), one.predict_proba(X)) <= 1e-14);
  BOOST_TEST(one.score(X, y) > 0.5);

  const auto message = [&](const LogisticRegressionCV::Params& params) {
    return testing::message_of<ValueError>([&] { LogisticRegressionCV(params).fit(X, y); });
  };
  BOOST_TEST(message({.Cs = 0}).find("Cs must be >= 1") != std::string::npos);
  BOOST_TEST(message({.Cs_values = {1.0, -2.0}}).find("must be > 0, got -2") != std::string::npos);
  BOOST_TEST(message({.l1_ratios = {1.5}}).find("l1_ratios") != std::string::npos);
  BOOST_TEST(message({.l1_ratios = {0.5}}).find("supports only 'l2' or None penalties") != std::string::npos);
  BOOST_TEST(message({.cv = 1}).find("n_splits") != std::string::npos);
  BOOST_TEST(message({.scoring = "no_such_score"}).find("no_such_score") != std::string::npos);
  BOOST_TEST(testing::message_of<ValueError>([&] {
               LogisticRegressionCV({.scoring = "neg_log_loss"}).fit(X, y, Vector::Ones(X.rows()));
             }).find("named scoring") != std::string::npos);
  BOOST_CHECK_THROW((void)LogisticRegressionCV().predict(X), NotFittedError);
}

BOOST_AUTO_TEST_SUITE_END()

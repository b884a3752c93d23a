// LogisticRegression's sag and saga solvers: at scikit-learn 1.9's minimizer
// (tests/reference/learn_logistic_saga.py) with L1, elastic-net and L2
// penalties on dense and sparse X, and their contract.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <scilearn/core/io.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn.hpp>
#include <string>
#include <vector>

#include "linear_model_fixtures.hpp"
#include "support/expect.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(logistic_sag)

using namespace scilearn;
using namespace scilearn::learn;

namespace {

using testing::normwise_error;
const auto& load = testing::load_learn;
const auto& load_vector = testing::load_learn_vector;

// scikit-learn's objective at the model's coefficients, written out per
// sample: mean weighted log-loss + (1 - r) ||W||^2 / (2 C S) + r ||W||_1 / (C S).
double objective(const LogisticRegression& model, const Matrix& X, const Vector& y, const Vector& s, double C,
                 double l1_ratio) {
  const Matrix log_proba = model.predict_log_proba(X);
  const Vector classes = model.classes();
  double loss = 0;
  for (Index i = 0; i < X.rows(); ++i)
    for (Index k = 0; k < classes.size(); ++k)
      if (y(i) == classes(k)) loss -= s(i) * log_proba(i, k);
  const double S = s.sum();
  const Matrix& W = model.coef();
  return loss / S + (1 - l1_ratio) * W.squaredNorm() / (2 * C * S) + l1_ratio * W.cwiseAbs().sum() / (C * S);
}

struct Case {
  std::string name, X, y;
  double C, l1_ratio;
  bool fit_intercept, weighted;
};

std::vector<Case> cases() {
  std::vector<Case> out;
  for (const auto& row : testing::read_manifest("learn/logistic_saga/cases.csv"))
    out.push_back({row.at(0), row.at(1), row.at(2), std::stod(row.at(3)), std::stod(row.at(4)), row.at(5) == "1",
                   row.at(6) == "1"});
  BOOST_REQUIRE(out.size() == 7);
  return out;
}

}  // namespace

// Both sides run saga to tol = 1e-13 (scikit-learn) / 1e-12 (here) and stop
// at the minimizer to within the stopping rule's resolution: the objective
// agrees to 1e-8 relative (it is flat at the minimizer, so its error is
// second order in the coefficients'), the coefficients, unique here, to
// 1e-6 relative to the largest. The sparse cases run on CSR input.
BOOST_AUTO_TEST_CASE(saga_reaches_scikit_learns_minimizer) {
  for (const Case& c : cases()) {
    BOOST_TEST_CONTEXT(c.name) {
      const Matrix X = load("logistic_saga", "X_" + c.X);
      const Vector y = load_vector("logistic_saga", c.y);
      const Vector s = c.weighted ? load_vector("logistic_saga", "w") : Vector::Ones(X.rows());
      LogisticRegression model({.C = c.C,
                                .l1_ratio = c.l1_ratio,
                                .tol = 1e-12,
                                .fit_intercept = c.fit_intercept,
                                .random_state = 3,
                                .solver = LogisticSolver::saga,
                                .max_iter = 100000});
      if (c.X == "sparse")
        model.fit(CsrMatrix(X.sparseView()), y, s);
      else
        model.fit(X, y, s);
      const double expected = load_vector("logistic_saga", c.name + "_objective")(0);
      const double ours = objective(model, X, y, s, c.C, c.l1_ratio);
      BOOST_TEST(std::abs(ours - expected) <= 1e-8 * expected);
      BOOST_TEST(normwise_error(model.coef(), load("logistic_saga", c.name + "_coef")) <= 1e-6);
      BOOST_TEST(normwise_error(model.intercept(), load_vector("logistic_saga", c.name + "_intercept")) <= 1e-6);
      // L1 zeros are exact zeros, as scikit-learn's soft thresholding gives.
      const Matrix reference = load("logistic_saga", c.name + "_coef");
      for (Index j = 0; j < reference.size(); ++j)
        if (reference(j) == 0) BOOST_TEST(model.coef()(j) == 0.0);
    }
  }
}

// L2 only: sag and saga reach the minimizer (scikit-learn's newton-cholesky at
// tol=1e-12, see learn_logistic_saga.py), dense, two and three classes; the
// sparse L2 case is in the test above.
BOOST_AUTO_TEST_CASE(sag_and_saga_reach_the_l2_minimizer) {
  const Matrix X = load("logistic_saga", "X_dense");
  for (const std::string target : {"dense_y2", "dense_y3"})
    for (const auto solver : {LogisticSolver::sag, LogisticSolver::saga}) {
      BOOST_TEST_CONTEXT(target << " " << enum_name(solver)) {
        LogisticRegression model({.tol = 1e-11, .random_state = 1, .solver = solver, .max_iter = 100000});
        model.fit(X, load_vector("logistic_saga", target));
        BOOST_TEST(normwise_error(model.coef(), load("logistic_saga", target + "_l2_coef")) <= 1e-6);
        BOOST_TEST(normwise_error(model.intercept(), load_vector("logistic_saga", target + "_l2_intercept")) <= 1e-6);
      }
    }
}

// The same seed draws the same samples: a CSR fit and a dense fit of the same
// matrix take the same steps, the sparse one lazily, so they agree to rounding.
BOOST_AUTO_TEST_CASE(sparse_and_dense_fits_take_the_same_steps) {
  const Matrix X = load("logistic_saga", "X_sparse");
  const Vector y = load_vector("logistic_saga", "sparse_y3");
  const LogisticRegression::Params params{
      .C = 0.5, .l1_ratio = 0.7, .tol = 0, .random_state = 9, .solver = LogisticSolver::saga, .max_iter = 30};
  const ScopedWarningHandler quiet([](const Warning&) {});
  LogisticRegression dense(params), sparse(params);
  dense.fit(X, y);
  sparse.fit(CsrMatrix(X.sparseView()), y);
  BOOST_TEST(normwise_error(sparse.coef(), dense.coef()) <= 1e-12);
  BOOST_TEST(normwise_error(sparse.intercept(), dense.intercept()) <= 1e-12);
  const CsrMatrix Xs = X.sparseView();
  BOOST_TEST(normwise_error(sparse.predict_proba(Xs), sparse.predict_proba(X)) <= 1e-15);
  BOOST_TEST(sparse.predict(Xs) == sparse.predict(X));
  BOOST_TEST(normwise_error(sparse.predict_log_proba(Xs), sparse.predict_log_proba(X)) <= 1e-15);
  // A fixed seed repeats the fit exactly.
  LogisticRegression again(params);
  again.fit(CsrMatrix(X.sparseView()), y);
  BOOST_TEST(normwise_error(again.coef(), sparse.coef()) == 0.0);
}

// lbfgs on CSR input: the same L-BFGS-B iteration on the same objective, its
// sums in another order; both stop within lbfgs's reach (~1e-6, see
// logistic_regression_test) of the minimizer.
BOOST_AUTO_TEST_CASE(lbfgs_on_sparse_input_reaches_the_minimizer) {
  const Matrix X = load("logistic_saga", "X_dense");
  const CsrMatrix Xs = X.sparseView();
  for (const std::string target : {"dense_y2", "dense_y3"}) {
    BOOST_TEST_CONTEXT(target) {
      const Vector y = load_vector("logistic_saga", target);
      LogisticRegression sparse({.tol = 1e-10, .max_iter = 10000}), dense({.tol = 1e-10, .max_iter = 10000});
      sparse.fit(Xs, y);
      dense.fit(X, y);
      BOOST_TEST(normwise_error(sparse.coef(), load("logistic_saga", target + "_l2_coef")) <= 1e-5);
      BOOST_TEST(normwise_error(sparse.intercept(), load_vector("logistic_saga", target + "_l2_intercept")) <= 1e-5);
      BOOST_TEST(normwise_error(sparse.predict_proba(Xs), dense.predict_proba(X)) <= 1e-6);
    }
  }
}

BOOST_AUTO_TEST_CASE(iteration_limit_warm_start_and_bad_input) {
  const Matrix X = load("logistic_saga", "X_dense");
  const Vector y = load_vector("logistic_saga", "dense_y2");
  std::vector<Warning> seen;
  const ScopedWarningHandler keep([&](const Warning& w) { seen.push_back(w); });
  LogisticRegression::Params params{.tol = 1e-10, .random_state = 0, .solver = LogisticSolver::sag, .max_iter = 2};
  LogisticRegression model(params);
  model.fit(X, y);
  BOOST_TEST(model.n_iter() == 2);
  BOOST_REQUIRE(seen.size() == 1);
  BOOST_TEST((seen[0].category == WarningCategory::convergence));
  // Warm start from a converged fit converges again within a few epochs.
  params.max_iter = 100000;
  model.set_params(params).fit(X, y);
  params.warm_start = true;
  const Index cold_epochs = model.n_iter();
  model.set_params(params).fit(X, y);
  BOOST_TEST(model.n_iter() < cold_epochs / 4);

  const CsrMatrix Xs = X.sparseView();
  BOOST_TEST(testing::message_of<ValueError>([&] {
               LogisticRegression({.l1_ratio = 1, .solver = LogisticSolver::sag}).fit(X, y);
             }).find("Solver sag supports only 'l2' or None penalties, got l1") != std::string::npos);
  CsrMatrix bad = Xs;
  bad.valuePtr()[3] = std::nan("");
  BOOST_CHECK_THROW((void)LogisticRegression({.solver = LogisticSolver::saga}).fit(bad, y), ValueError);
  BOOST_CHECK_THROW((void)LogisticRegression({.solver = LogisticSolver::saga}).fit(Xs, y.head(5)), ValueError);
  BOOST_CHECK_THROW((void)model.predict(CsrMatrix(Xs.leftCols(5))), ValueError);
  BOOST_CHECK_THROW((void)LogisticRegression().predict(Xs), NotFittedError);
}

BOOST_AUTO_TEST_SUITE_END()

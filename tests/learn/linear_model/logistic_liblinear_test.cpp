// LogisticRegression's liblinear solver: at scikit-learn 1.9's minimizer
// (tests/reference/learn_logistic_liblinear.py) with the L2 penalty (primal
// and dual) and the L1 penalty, on dense and CSR X; the optimality conditions
// of LIBLINEAR's objective (whose intercept is penalized); scikit-learn's
// errors and warnings; LogisticRegressionCV with liblinear.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn.hpp>
#include <string>
#include <vector>

#include "linear_model_fixtures.hpp"
#include "support/expect.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(logistic_liblinear)

using namespace scilearn;
using namespace scilearn::learn;

namespace {

using testing::normwise_error;
const std::string kDir = "logistic_liblinear";

Matrix load(const std::string& name) { return testing::load_learn(kDir, name); }
Vector load_vector(const std::string& name) { return testing::load_learn_vector(kDir, name); }

struct Case {
  std::string name, X;
  LogisticRegression::Params params;
  bool l1 = false, weighted = false;
};

// The cases of cases.csv with scikit-learn's hyper-parameters, at tol = 1e-10.
std::vector<Case> cases() {
  std::vector<Case> out;
  for (const auto& row : testing::read_manifest("learn/logistic_liblinear/cases.csv")) {
    const auto field = [&](std::size_t k) { return k < row.size() ? row[k] : std::string(); };
    Case c{field(0), field(1), {}, field(3) == "1", field(7) == "1"};
    c.params.C = std::stod(field(2));
    c.params.l1_ratio = c.l1 ? 1.0 : 0.0;
    c.params.dual = field(4) == "1";
    c.params.fit_intercept = field(5) == "1";
    c.params.intercept_scaling = std::stod(field(6));
    if (field(8) == "balanced") c.params.class_weight = "balanced";
    if (field(8) == "dict") {
      c.params.class_weight_labels = {4, -2};
      c.params.class_weight_values = {3.0, 0.5};
    }
    c.params.tol = 1e-10;
    c.params.max_iter = 100000;
    c.params.random_state = 0;
    c.params.solver = LogisticSolver::liblinear;
    out.push_back(std::move(c));
  }
  BOOST_REQUIRE(out.size() == 16);
  return out;
}

// s_i: the sample weights times the class weights (y in {-2, 4}, 4 positive).
Vector sample_scale(const Case& c, const Vector& y) {
  Vector s = c.weighted ? load_vector("w") : Vector::Ones(y.size());
  if (c.params.class_weight == "balanced") {
    double positive = 0, negative = 0;
    for (Index i = 0; i < y.size(); ++i) (y(i) == 4 ? positive : negative) += s(i);
    for (Index i = 0; i < y.size(); ++i) s(i) *= (positive + negative) / (2 * (y(i) == 4 ? positive : negative));
  }
  if (!c.params.class_weight_labels.empty())
    for (Index i = 0; i < y.size(); ++i) s(i) *= y(i) == 4 ? 3.0 : 0.5;
  return s;
}

// The weights LIBLINEAR optimizes: the coefficients, then (with an
// intercept) intercept / intercept_scaling.
Vector liblinear_weights(const LogisticRegression& model, const LogisticRegression::Params& p) {
  const Index n_features = model.coef().cols();
  Vector w(n_features + (p.fit_intercept ? 1 : 0));
  w.head(n_features) = model.coef().row(0).transpose();
  if (p.fit_intercept) w(n_features) = model.intercept()(0) / p.intercept_scaling;
  return w;
}

// LIBLINEAR's objective, written out per sample:
// C sum_i s_i log(1 + exp(-y_i z_i)) + ||w||^2 / 2 (or ||w||_1), w including
// the intercept's weight.
double objective(const LogisticRegression& model, const LogisticRegression::Params& p, bool l1, const Matrix& X,
                 const Vector& y, const Vector& s) {
  const Vector z = model.decision_function(X).col(0);
  double loss = 0;
  for (Index i = 0; i < X.rows(); ++i) {
    const double margin = (y(i) == 4 ? 1.0 : -1.0) * z(i);
    loss += s(i) * (margin > 0 ? std::log1p(std::exp(-margin)) : -margin + std::log1p(std::exp(margin)));
  }
  const Vector w = liblinear_weights(model, p);
  return p.C * loss + (l1 ? w.cwiseAbs().sum() : 0.5 * w.squaredNorm());
}

// The gradient of LIBLINEAR's loss term in its weights (the intercept's
// weight last): -C sum_i s_i y_i expit(-y_i z_i) x~_i, x~_i = [x_i, B].
Vector loss_gradient(const LogisticRegression& model, const LogisticRegression::Params& p, const Matrix& X,
                     const Vector& y, const Vector& s) {
  const Vector z = model.decision_function(X).col(0);
  Vector r(X.rows());
  for (Index i = 0; i < X.rows(); ++i) {
    const double sign = y(i) == 4 ? 1.0 : -1.0;
    r(i) = -p.C * s(i) * sign / (1 + std::exp(sign * z(i)));
  }
  Vector g(X.cols() + (p.fit_intercept ? 1 : 0));
  g.head(X.cols()) = X.transpose() * r;
  if (p.fit_intercept) g(X.cols()) = p.intercept_scaling * r.sum();
  return g;
}

LogisticRegression fit_case(const Case& c, const LogisticRegression::Params& params) {
  const Matrix X = load("X_" + c.X);
  const Vector y = load_vector("y_" + c.X);
  const Vector s = c.weighted ? load_vector("w") : Vector::Ones(X.rows());
  LogisticRegression model(params);
  if (c.X == "sparse")
    model.fit(CsrMatrix(X.sparseView()), y, s);
  else
    model.fit(X, y, s);
  return model;
}

}  // namespace

// Both sides stop at the minimizer of LIBLINEAR's objective to within their
// stopping rules (tol = 1e-10). L2: the objective is strictly convex and
// well conditioned here, and scikit-learn's primal and dual answers agree to
// 1e-7 (checked by the reference script), so the coefficients must agree to
// 1e-6 normwise. L1: the objective agrees to 1e-8 relative (it is flat at the
// minimizer, so its error is second order in the coefficients'), the
// coefficients to 1e-6, and the zeros that the subgradient conditions fix with
// a margin (firm_zeros) are exact zeros on both sides.
BOOST_AUTO_TEST_CASE(liblinear_reaches_scikit_learns_minimizer) {
  for (const Case& c : cases()) {
    BOOST_TEST_CONTEXT(c.name) {
      const Matrix X = load("X_" + c.X);
      const Vector y = load_vector("y_" + c.X);
      const LogisticRegression model = fit_case(c, c.params);
      BOOST_TEST(model.classes() == Vector((Vector(2) << -2, 4).finished()));
      BOOST_TEST(normwise_error(model.coef(), load(c.name + "_coef")) <= 1e-6);
      BOOST_TEST(normwise_error(model.intercept(), load_vector(c.name + "_intercept")) <= 1e-6);
      if (!c.params.fit_intercept) BOOST_TEST(model.intercept()(0) == 0.0);
      const double expected = load_vector(c.name + "_objective")(0);
      BOOST_TEST(std::abs(objective(model, c.params, c.l1, X, y, sample_scale(c, y)) - expected) <= 1e-8 * expected);
      if (c.l1) {
        const Vector firm = load_vector(c.name + "_firm_zeros");
        const Matrix reference = load(c.name + "_coef");
        for (Index j = 0; j < firm.size(); ++j) {
          if (firm(j) == 1) BOOST_TEST(model.coef()(0, j) == 0.0);
          if (std::abs(reference(0, j)) > 1e-6) BOOST_TEST(model.coef()(0, j) != 0.0);
        }
      }
    }
  }
}

// Optimality of LIBLINEAR's objective, checked directly: L2, gradient w + g
// of the loss term g is 0 (to 1e-8 of the gradient at 0, the loss term's g at
// w = 0); L1, the subgradient conditions |g_j| <= 1 at zeros and g_j = -sign(w_j)
// elsewhere, to the same accuracy. Dense and sparse, primal and dual.
BOOST_AUTO_TEST_CASE(fits_satisfy_the_optimality_conditions) {
  for (const Case& c : cases()) {
    BOOST_TEST_CONTEXT(c.name) {
      const Matrix X = load("X_" + c.X);
      const Vector y = load_vector("y_" + c.X);
      const Vector s = sample_scale(c, y);
      const LogisticRegression model = fit_case(c, c.params);
      const Vector w = liblinear_weights(model, c.params);
      const Vector g = loss_gradient(model, c.params, X, y, s);
      // The loss term's gradient at w = 0: C sum_i s_i y_i x~_i / 2.
      Vector g0(w.size());
      const Vector ys = (y.array() == 4).select(s, -s) * (-0.5 * c.params.C);
      g0.head(X.cols()) = X.transpose() * ys;
      if (c.params.fit_intercept) g0(X.cols()) = c.params.intercept_scaling * ys.sum();
      const double scale = g0.norm();
      if (!c.l1) {
        BOOST_TEST((w + g).norm() <= 1e-8 * scale);
      } else {
        for (Index j = 0; j < w.size(); ++j) {
          if (w(j) == 0)
            BOOST_TEST(std::abs(g(j)) <= 1 + 1e-8 * scale);
          else
            BOOST_TEST(std::abs(g(j) + (w(j) > 0 ? 1.0 : -1.0)) <= 1e-8 * scale);
        }
      }
    }
  }
}

// The primal and dual L2 solvers reach one minimizer; dense and CSR fits of
// the same matrix agree (the dual and L1 solvers draw the same coordinate
// orders for a seed, the sparse ones skipping zeros).
BOOST_AUTO_TEST_CASE(primal_dual_dense_and_sparse_agree) {
  const Matrix X = load("X_sparse");
  const CsrMatrix Xs = X.sparseView();
  const Vector y = load_vector("y_sparse");
  for (const double l1_ratio : {0.0, 1.0})
    for (const bool dual : {false, true}) {
      if (dual && l1_ratio == 1) continue;
      BOOST_TEST_CONTEXT("l1_ratio " << l1_ratio << " dual " << dual) {
        const LogisticRegression::Params params{.C = 0.3,
                                                .l1_ratio = l1_ratio,
                                                .dual = dual,
                                                .tol = 1e-10,
                                                .intercept_scaling = 1.5,
                                                .random_state = 4,
                                                .solver = LogisticSolver::liblinear,
                                                .max_iter = 100000};
        LogisticRegression dense(params), sparse(params),
            primal({.C = 0.3,
                    .l1_ratio = l1_ratio,
                    .tol = 1e-10,
                    .intercept_scaling = 1.5,
                    .solver = LogisticSolver::liblinear,
                    .max_iter = 100000});
        dense.fit(X, y);
        sparse.fit(Xs, y);
        primal.fit(X, y);
        BOOST_TEST(normwise_error(sparse.coef(), dense.coef()) <= 1e-9);
        BOOST_TEST(normwise_error(sparse.intercept(), dense.intercept()) <= 1e-9);
        BOOST_TEST(normwise_error(dense.coef(), primal.coef()) <= 1e-8);
        BOOST_TEST(normwise_error(sparse.predict_proba(Xs), dense.predict_proba(X)) <= 1e-9);
      }
    }
}

// The intercept is an ordinary weight of a constant feature B: as B grows,
// its penalty (intercept / B)^2 / 2 fades and the fit approaches the other
// solvers' (unpenalized intercept, same C after scaling), the gap shrinking
// like 1 / B^2.
BOOST_AUTO_TEST_CASE(intercept_penalty_fades_with_intercept_scaling) {
  const Matrix X = load("X_dense");
  const Vector y = load_vector("y_dense");
  LogisticRegression exact({.tol = 1e-12, .solver = LogisticSolver::newton_cholesky});
  exact.fit(X, y);
  double previous = std::numeric_limits<double>::infinity();
  for (const double B : {1.0, 10.0, 100.0}) {
    LogisticRegression model({.tol = 1e-12, .intercept_scaling = B, .solver = LogisticSolver::liblinear});
    model.fit(X, y);
    const double gap = std::abs(model.intercept()(0) - exact.intercept()(0));
    BOOST_TEST_CONTEXT("B " << B) {
      BOOST_TEST(gap < previous / 50);
      if (B == 100) BOOST_TEST(normwise_error(model.coef(), exact.coef()) <= 1e-4);
    }
    previous = gap;
  }
}

// scikit-learn 1.9's checks and messages for liblinear.
BOOST_AUTO_TEST_CASE(scikit_learns_errors) {
  const Matrix X = load("X_dense");
  const Vector y = load_vector("y_dense");
  const ScopedWarningHandler quiet([](const Warning&) {});  // penalty's deprecation
  const auto message = [&](const LogisticRegression::Params& params, const Vector& target) {
    return testing::message_of<ValueError>([&] { LogisticRegression(params).fit(X, target); });
  };
  const auto has = [](const std::string& text, const std::string& part) {
    const bool found = text.find(part) != std::string::npos;
    if (!found) BOOST_TEST_MESSAGE("message: " << text);
    return found;
  };
  constexpr auto liblinear = LogisticSolver::liblinear;
  const std::string multiclass =
      "The 'liblinear' solver does not support multiclass classification (n_classes >= 3). Either use another "
      "solver or wrap the estimator in a OneVsRestClassifier to keep applying a one-versus-rest scheme.";
  Vector y3 = y;
  y3.head(10).setConstant(7);
  BOOST_TEST(has(message({.solver = liblinear}, y3), multiclass));
  // One class: scikit-learn's liblinear check comes first.
  BOOST_TEST(has(message({.solver = liblinear}, Vector::Constant(y.size(), 4)), multiclass));
  BOOST_TEST(has(message({.l1_ratio = 1, .dual = true, .solver = liblinear}, y),
                 "Unsupported set of arguments: The combination of penalty='l1' and loss='logistic_regression' are "
                 "not supported when dual=True, Parameters: penalty='l1', loss='logistic_regression', dual=True"));
  BOOST_TEST(has(message({.l1_ratio = 0.5, .solver = liblinear}, y),
                 "Only 'saga' solver supports elasticnet penalty, got solver=liblinear."));
  BOOST_TEST(has(message({.penalty = LogisticPenalty::elasticnet, .l1_ratio = 0.5, .solver = liblinear}, y),
                 "Only 'saga' solver supports elasticnet penalty, got solver=liblinear."));
  const std::string no_penalty = "C=np.inf as well as penalty=None is not supported for the liblinear solver";
  BOOST_TEST(has(message({.C = std::numeric_limits<double>::infinity(), .solver = liblinear}, y), no_penalty));
  BOOST_TEST(has(message({.penalty = std::nullopt, .solver = liblinear}, y), no_penalty));
  BOOST_TEST(has(message({.dual = true}, y), "Solver lbfgs supports only dual=False, got dual=True"));
  BOOST_TEST(has(message({.dual = true, .solver = LogisticSolver::saga}, y),
                 "Solver saga supports only dual=False, got dual=True"));
  Matrix huge = X;
  huge(3, 2) = 2e30;
  BOOST_TEST(has(testing::message_of<ValueError>([&] { LogisticRegression({.solver = liblinear}).fit(huge, y); }),
                 "Using the 'liblinear' solver while X contains a maximum value > 1e30 results in a frozen fit. "
                 "Please choose another solver or rescale the input X."));
  BOOST_TEST(has(testing::message_of<ValueError>(
                     [&] { LogisticRegression({.solver = liblinear}).fit(CsrMatrix(huge.sparseView()), y); }),
                 "maximum value > 1e30"));
  BOOST_TEST(has(message({.intercept_scaling = 0, .solver = liblinear}, y), "intercept_scaling must be > 0"));
  BOOST_CHECK_THROW((void)LogisticRegression({.solver = liblinear}).predict(X), NotFittedError);
}

// scikit-learn warns whenever the iterations reach max_iter (even when the
// last one met the tolerance), and keeps the iterate; max_iter = 0 leaves
// the coefficients at 0. Each solver counts its own iterations.
BOOST_AUTO_TEST_CASE(iteration_limit_warns_and_keeps_the_iterate) {
  const Matrix X = load("X_dense");
  const Vector y = load_vector("y_dense");
  for (const double l1_ratio : {0.0, 1.0})
    for (const bool dual : {false, true}) {
      if (dual && l1_ratio == 1) continue;
      BOOST_TEST_CONTEXT("l1_ratio " << l1_ratio << " dual " << dual) {
        std::vector<Warning> seen;
        const ScopedWarningHandler keep([&](const Warning& w) { seen.push_back(w); });
        LogisticRegression::Params params{
            .l1_ratio = l1_ratio, .dual = dual, .random_state = 0, .solver = LogisticSolver::liblinear, .max_iter = 1};
        LogisticRegression model(params);
        model.fit(X, y);
        BOOST_TEST(model.n_iter() == 1);
        BOOST_REQUIRE(seen.size() == 1);
        BOOST_TEST((seen[0].category == WarningCategory::convergence));
        BOOST_TEST(seen[0].message == "Liblinear failed to converge, increase the number of iterations.");
        BOOST_TEST(model.coef().cwiseAbs().maxCoeff() > 0);
        params.max_iter = 0;
        model.set_params(params).fit(X, y);
        BOOST_TEST(model.n_iter() == 0);
        BOOST_TEST(seen.size() == 2);
        if (!dual) BOOST_TEST(model.coef().cwiseAbs().maxCoeff() == 0.0);
        // Converged fits do not warn.
        params.max_iter = 1000;
        model.set_params(params).fit(X, y);
        BOOST_TEST(seen.size() == 2);
        BOOST_TEST(model.n_iter() < 1000);
      }
    }
}

// random_state fixes the coordinate orders: a seed repeats a fit exactly;
// warm_start is ignored (liblinear starts from 0, as in scikit-learn).
BOOST_AUTO_TEST_CASE(seeded_fits_repeat_and_warm_start_is_ignored) {
  const Matrix X = load("X_dense");
  const Vector y = load_vector("y_dense");
  for (const double l1_ratio : {0.0, 1.0}) {
    const LogisticRegression::Params params{.C = 0.2,
                                            .l1_ratio = l1_ratio,
                                            .dual = l1_ratio == 0,
                                            .tol = 1e-3,
                                            .random_state = 11,
                                            .solver = LogisticSolver::liblinear,
                                            .warm_start = true};
    LogisticRegression model(params);
    model.fit(X, y);
    const Matrix first = model.coef();
    const Index iterations = model.n_iter();
    model.fit(X, y);
    BOOST_TEST(normwise_error(model.coef(), first) == 0.0);
    BOOST_TEST(model.n_iter() == iterations);
  }
}

// LogisticRegressionCV with liblinear (binary, log-loss scoring,
// intercept_scaling 2; reference in learn_logistic_liblinear.py): every path
// point at LIBLINEAR's minimizer, so the fold scores agree to 1e-8, the
// chosen C exactly, the refit coefficients to 1e-6. scikit-learn's refit
// passes neither intercept_scaling nor dual, so the refit uses 1 and false
// while the folds use 2 (followed here). Three classes are refused with
// scikit-learn's message.
BOOST_AUTO_TEST_CASE(cross_validation_with_liblinear) {
  const Matrix X = load("X_dense");
  const Vector y = load_vector("y_dense");
  LogisticRegressionCV model({.Cs_values = {0.01, 0.1, 1.0, 10.0},
                              .cv = 4,
                              .scoring = "neg_log_loss",
                              .solver = LogisticSolver::liblinear,
                              .tol = 1e-10,
                              .max_iter = 100000,
                              .intercept_scaling = 2.0,
                              .random_state = 0});
  model.fit(X, y);
  BOOST_TEST(normwise_error(model.scores(), load("cv_scores")) <= 1e-8);
  BOOST_TEST(model.C() == load_vector("cv_C")(0));
  BOOST_TEST(normwise_error(model.coef(), load("cv_coef")) <= 1e-6);
  BOOST_TEST(normwise_error(model.intercept(), load_vector("cv_intercept")) <= 1e-6);
  Vector y3 = y;
  y3.head(10).setConstant(7);
  BOOST_TEST(testing::message_of<ValueError>([&] {
               model.fit(X, y3);
             }).find("does not support multiclass classification") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

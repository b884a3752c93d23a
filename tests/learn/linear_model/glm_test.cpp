// PoissonRegressor, GammaRegressor, TweedieRegressor and d2_tweedie_score
// against scikit-learn 1.9 (tests/reference/learn_glm_robust.py).
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <memory>
#include <scilearn/core/io.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn.hpp>
#include <string>
#include <vector>

#include "support/expect.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(glm)

using namespace scilearn;
using namespace scilearn::learn;

namespace {

Matrix load(const std::string& name) {
  return io::load_npy<double>(testing::fixture_path("learn/glm_robust/" + name + ".npy"));
}
Vector load_vector(const std::string& name) {
  return io::load_npy_vector<double>(testing::fixture_path("learn/glm_robust/" + name + ".npy"));
}

// Largest |a - b| relative to the largest |b| (at least 1).
double normwise_error(const Vector& a, const Vector& b) {
  BOOST_REQUIRE(a.size() == b.size());
  return (a - b).cwiseAbs().maxCoeff() / std::max(1.0, b.cwiseAbs().maxCoeff());
}

struct Case {
  std::string name, cls, X, X_test, y;
  double power = 0;
  std::string link;
  double alpha = 1;
  bool fit_intercept = true, weighted = false;
  double intercept = 0, score = 0;
  bool sparse = false;  // scikit-learn fitted a CSR matrix
};

std::vector<Case> cases() {
  std::vector<Case> out;
  for (const auto& r : testing::read_manifest("learn/glm_robust/glm_cases.csv")) {
    Case c;
    c.name = r.at(0);
    c.cls = r.at(1);
    c.X = r.at(2);
    c.X_test = r.at(3);
    c.y = r.at(4);
    c.power = r.at(5).empty() ? 0.0 : std::stod(r.at(5));
    c.link = r.at(6);
    c.alpha = std::stod(r.at(7));
    c.fit_intercept = r.at(8) == "1";
    c.weighted = r.at(9) == "1";
    c.intercept = std::stod(r.at(10));
    c.score = std::stod(r.at(11));
    c.sparse = r.at(12) == "1";
    out.push_back(c);
  }
  BOOST_REQUIRE(out.size() == 17);
  return out;
}

// The case's estimator with the given solver, tolerance and iteration limit.
std::shared_ptr<Estimator> make(const Case& c, GLMSolver solver, double tol, int max_iter) {
  const GLMParams p{
      .alpha = c.alpha, .fit_intercept = c.fit_intercept, .solver = solver, .max_iter = max_iter, .tol = tol};
  if (c.cls == "poisson") return std::make_shared<PoissonRegressor>(p);
  if (c.cls == "gamma") return std::make_shared<GammaRegressor>(p);
  TweedieRegressorParams t{.power = c.power,
                           .alpha = c.alpha,
                           .fit_intercept = c.fit_intercept,
                           .solver = solver,
                           .max_iter = max_iter,
                           .tol = tol};
  t.link = c.link == "log" ? GLMLink::log : c.link == "identity" ? GLMLink::identity : GLMLink::automatic;
  return std::make_shared<TweedieRegressor>(t);
}

// coef and intercept of any of the three classes.
Vector parameters(const Estimator& e) {
  const GLMFitted* state = nullptr;
  if (const auto* p = dynamic_cast<const PoissonRegressor*>(&e)) state = &p->fitted();
  if (const auto* g = dynamic_cast<const GammaRegressor*>(&e)) state = &g->fitted();
  if (const auto* t = dynamic_cast<const TweedieRegressor*>(&e)) state = &t->fitted();
  BOOST_REQUIRE(state);
  Vector out(state->coef.size() + 1);
  out << state->coef, state->intercept;
  return out;
}

}  // namespace

// Newton's method converges quadratically: at tol 1e-12 both sides stand on
// the minimizer to rounding, amplified by the Hessian's condition number
// (below 1e3 here), so 1e-8 normwise leaves a wide margin.
BOOST_AUTO_TEST_CASE(newton_cholesky_matches_scikit_learn) {
  const Vector w = load_vector("w");
  double worst = 0, worst_score = 0;
  for (const Case& c : cases()) {
    const Matrix X = load(c.X), X_test = load(c.X_test);
    const Vector y = load_vector(c.y);
    std::vector<Warning> warnings;
    const ScopedWarningHandler handler([&](const Warning& warning) { warnings.push_back(warning); });
    auto model = make(c, GLMSolver::newton_cholesky, 1e-12, 1000);
    if (c.weighted)
      model->fit(X, y, w);
    else
      model->fit(X, y);
    Vector expected(X.cols() + 1);
    expected << load_vector(c.name + "_coef"), c.intercept;
    BOOST_TEST_INFO(c.name);
    BOOST_TEST(warnings.empty());
    worst = std::max(worst, normwise_error(parameters(*model), expected));
    BOOST_TEST(normwise_error(parameters(*model), expected) <= 1e-8);
    BOOST_TEST(normwise_error(model->predict(X_test), load_vector(c.name + "_predict")) <= 1e-8);
    // D^2 sums O(n) deviance terms; scikit-learn adds the constant terms
    // back to a loss that dropped them, which cancels a few digits.
    const double score = c.weighted ? model->score(X, y, w) : model->score(X, y);
    worst_score = std::max(worst_score, std::abs(score - c.score));
    BOOST_TEST(std::abs(score - c.score) <= 1e-9);
  }
  BOOST_TEST_MESSAGE("GLM newton-cholesky: largest normwise coefficient error " << worst << ", D^2 error "
                                                                                << worst_score);
}

// L-BFGS-B stops on its relative-reduction test (ftol = 64 eps, as
// scikit-learn sets it), within about 1e-7 of the minimizer: scikit-learn's
// own lbfgs lands 5e-8 away at worst on these cases.
BOOST_AUTO_TEST_CASE(lbfgs_matches_scikit_learn) {
  const Vector w = load_vector("w");
  double worst = 0;
  int evaluated = 0;
  for (const Case& c : cases()) {
    const Matrix X = load(c.X);
    const Vector y = load_vector(c.y);
    auto model = make(c, GLMSolver::lbfgs, 1e-10, 10000);
    ++evaluated;
    if (c.weighted)
      model->fit(X, y, w);
    else
      model->fit(X, y);
    Vector expected(X.cols() + 1);
    expected << load_vector(c.name + "_coef"), c.intercept;
    BOOST_TEST_INFO(c.name);
    worst = std::max(worst, normwise_error(parameters(*model), expected));
    BOOST_TEST(normwise_error(parameters(*model), expected) <= 1e-6);
  }
  BOOST_TEST_MESSAGE("GLM lbfgs: largest normwise coefficient error " << worst << " over " << evaluated << " cases");
}

// scikit-learn fitted these on CSR input; ours on CSR (and, above, on the
// same matrix dense) must land on the same minimizer, with both solvers.
BOOST_AUTO_TEST_CASE(sparse_input_matches_scikit_learn_and_dense_input) {
  const Vector w = load_vector("w");
  int sparse_cases = 0;
  for (const Case& c : cases()) {
    if (!c.sparse) continue;
    ++sparse_cases;
    const Matrix X = load(c.X), X_test = load(c.X_test);
    const CsrMatrix Xs = X.sparseView(), Xs_test = X_test.sparseView();
    const Vector y = load_vector(c.y);
    Vector expected(X.cols() + 1);
    expected << load_vector(c.name + "_coef"), c.intercept;
    for (const GLMSolver solver : {GLMSolver::newton_cholesky, GLMSolver::lbfgs}) {
      const bool newton = solver == GLMSolver::newton_cholesky;
      auto model = make(c, solver, newton ? 1e-12 : 1e-10, newton ? 1000 : 10000);
      auto dense = make(c, solver, newton ? 1e-12 : 1e-10, newton ? 1000 : 10000);
      const Vector none;
      const Vector& weights = c.weighted ? w : none;
      Vector sparse_parameters, predicted;
      double score = 0;
      if (c.cls == "poisson") {
        auto& m = dynamic_cast<PoissonRegressor&>(*model);
        m.fit(Xs, y, weights);
        predicted = m.predict(Xs_test);
        score = m.score(Xs, y, weights);
      } else {
        auto& m = dynamic_cast<TweedieRegressor&>(*model);
        m.fit(Xs, y, weights);
        predicted = m.predict(Xs_test);
        score = m.score(Xs, y, weights);
      }
      dense->fit(X, y, weights);
      BOOST_TEST_INFO(c.name << (newton ? " newton-cholesky" : " lbfgs"));
      BOOST_TEST(normwise_error(parameters(*model), expected) <= (newton ? 1e-8 : 1e-6));
      BOOST_TEST(normwise_error(predicted, load_vector(c.name + "_predict")) <= (newton ? 1e-8 : 1e-6));
      if (newton) BOOST_TEST(std::abs(score - c.score) <= 1e-9);
      // The same arithmetic up to the order of the products' sums.
      BOOST_TEST(normwise_error(parameters(*model), parameters(*dense)) <= (newton ? 1e-12 : 1e-8));
    }
  }
  BOOST_TEST(sparse_cases == 2);
  // Sparse input is checked as dense input is.
  PoissonRegressor model;
  const CsrMatrix Xs = load("X_sparse").sparseView();
  const Vector y = load_vector("y_poisson_sparse");
  BOOST_CHECK_THROW(model.fit(Xs, y.head(10)), ValueError);
  model.fit(Xs, y);
  const CsrMatrix wrong = Matrix::Ones(3, 5).sparseView();
  const std::string message = testing::message_of<ValueError>([&] { (void)model.predict(wrong); });
  BOOST_TEST(message.find("X has 5 features") != std::string::npos);
  CsrMatrix bad = Xs;
  bad.coeffs()(0) = std::numeric_limits<double>::quiet_NaN();
  BOOST_CHECK_THROW(model.fit(bad, y), ValueError);
}

BOOST_AUTO_TEST_CASE(default_tolerance_is_close_to_the_minimizer) {
  // The defaults (lbfgs, tol 1e-4) stop early, as scikit-learn's do: still
  // within 1e-3 of the minimizer on this well-conditioned problem.
  const Matrix X = load("X");
  const Vector y = load_vector("y_poisson");
  PoissonRegressor model;
  model.fit(X, y);
  Vector expected(4);
  expected << load_vector("poisson_default_coef"), cases()[0].intercept;
  Vector got(4);
  got << model.coef(), model.intercept();
  BOOST_TEST(normwise_error(got, expected) <= 1e-3);
  BOOST_TEST(model.n_iter() >= 1);
  BOOST_TEST(model.n_iter() <= 100);
}

BOOST_AUTO_TEST_CASE(weights_equal_repeated_rows) {
  const Matrix X = load("X");
  const Vector y = load_vector("y_poisson");
  Vector w(X.rows());
  std::vector<Index> rows;
  for (Index i = 0; i < X.rows(); ++i) {
    w(i) = static_cast<double>(i % 3);
    for (Index k = 0; k < i % 3; ++k) rows.push_back(i);
  }
  const GLMParams p{.alpha = 0.1, .solver = GLMSolver::newton_cholesky, .tol = 1e-12};
  PoissonRegressor weighted(p), repeated(p);
  weighted.fit(X, y, w);
  repeated.fit(X(rows, Eigen::all), y(rows));
  // Two minimizations of the same objective to tol 1e-12.
  BOOST_TEST((weighted.coef() - repeated.coef()).cwiseAbs().maxCoeff() <= 1e-10);
  BOOST_TEST(std::abs(weighted.intercept() - repeated.intercept()) <= 1e-10);
}

BOOST_AUTO_TEST_CASE(warm_start_resumes_from_the_previous_fit) {
  const Matrix X = load("X");
  const Vector y = load_vector("y_gamma");
  GammaRegressor model({.alpha = 0.1, .solver = GLMSolver::newton_cholesky, .tol = 1e-12, .warm_start = true});
  model.fit(X, y);
  const Vector first = model.coef();
  model.fit(X, y);  // already at the minimizer: at most one step
  BOOST_TEST(model.n_iter() <= 1);
  BOOST_TEST((model.coef() - first).cwiseAbs().maxCoeff() <= 1e-12);
}

BOOST_AUTO_TEST_CASE(max_iter_reached_warns) {
  const Matrix X = load("X");
  const Vector y = load_vector("y_poisson");
  int count = 0;
  const ScopedWarningHandler handler([&](const Warning& w) { count += w.category == WarningCategory::convergence; });
  PoissonRegressor model({.alpha = 0.0, .max_iter = 1, .tol = 1e-14});
  model.fit(X, y);
  BOOST_TEST(count == 1);
  BOOST_TEST(model.n_iter() == 1);
  PoissonRegressor newton({.alpha = 0.0, .solver = GLMSolver::newton_cholesky, .max_iter = 1, .tol = 1e-14});
  newton.fit(X, y);
  BOOST_TEST(count == 2);
}

BOOST_AUTO_TEST_CASE(y_outside_the_domain_is_rejected) {
  const Matrix X = load("X");
  Vector y = load_vector("y_poisson");
  y(3) = -1;
  BOOST_CHECK_THROW(PoissonRegressor().fit(X, y), ValueError);
  BOOST_CHECK_THROW(TweedieRegressor({.power = 1.5}).fit(X, y), ValueError);
  // power <= 0 takes any real y
  BOOST_CHECK_NO_THROW(TweedieRegressor({.power = 0}).fit(X, y));
  Vector zero = load_vector("y_gamma");
  zero(0) = 0;
  BOOST_CHECK_THROW(GammaRegressor().fit(X, zero), ValueError);
  BOOST_CHECK_NO_THROW(PoissonRegressor().fit(X, zero));
  const std::string message = testing::message_of<ValueError>([&] { (void)GammaRegressor().fit(X, zero); });
  BOOST_TEST(message.find("HalfGammaLoss") != std::string::npos);
  // score checks y too
  PoissonRegressor fitted;
  fitted.fit(X, load_vector("y_poisson"));
  BOOST_CHECK_THROW((void)fitted.score(X, y), ValueError);
}

BOOST_AUTO_TEST_CASE(bad_parameters_are_rejected) {
  const Matrix X = load("X");
  const Vector y = load_vector("y_poisson");
  BOOST_CHECK_THROW(PoissonRegressor({.alpha = -1}).fit(X, y), ValueError);
  BOOST_CHECK_THROW(PoissonRegressor({.max_iter = 0}).fit(X, y), ValueError);
  BOOST_CHECK_THROW(PoissonRegressor({.tol = 0}).fit(X, y), ValueError);
  BOOST_CHECK_THROW(TweedieRegressor({.power = std::numeric_limits<double>::infinity()}).fit(X, y), ValueError);
  PoissonRegressor by_name;
  BOOST_CHECK_THROW(by_name.set_params({{"solver", std::string("sag")}}), ValueError);
  by_name.set_params({{"solver", std::string("newton-cholesky")}});
  BOOST_TEST((by_name.params().solver == GLMSolver::newton_cholesky));
  TweedieRegressor tweedie;
  tweedie.set_params({{"link", std::string("log")}, {"power", 1.5}});
  BOOST_TEST((tweedie.params().link == GLMLink::log));
}

BOOST_AUTO_TEST_CASE(poisson_is_tweedie_with_power_one) {
  const Matrix X = load("X");
  const Vector y = load_vector("y_poisson");
  PoissonRegressor poisson({.alpha = 0.1, .solver = GLMSolver::newton_cholesky, .tol = 1e-12});
  TweedieRegressor tweedie({.power = 1, .alpha = 0.1, .solver = GLMSolver::newton_cholesky, .tol = 1e-12});
  poisson.fit(X, y);
  tweedie.fit(X, y);
  BOOST_TEST((poisson.coef() - tweedie.coef()).cwiseAbs().maxCoeff() <= 1e-14);
  BOOST_TEST(poisson.score(X, y) == tweedie.score(X, y));
}

BOOST_AUTO_TEST_CASE(d2_tweedie_score_matches_scikit_learn) {
  const Vector y_true = load_vector("d2_y_true"), y_pred = load_vector("d2_y_pred"), w = load_vector("d2_w");
  for (const auto& r : testing::read_manifest("learn/glm_robust/d2_tweedie.csv")) {
    const double power = std::stod(r.at(0));
    const double value =
        r.at(1) == "1" ? d2_tweedie_score(y_true, y_pred, w, power) : d2_tweedie_score(y_true, y_pred, Vector(), power);
    BOOST_TEST_INFO("power " << power << " weighted " << r.at(1));
    // Ratios of sums of 30 rounded terms.
    BOOST_TEST(std::abs(value - std::stod(r.at(2))) <= 1e-13);
  }
  // a perfect prediction: 1
  BOOST_TEST(d2_tweedie_score(y_true, y_true, Vector(), 2.0) == 1.0);
  // 0 < power < 1 is refused, as mean_tweedie_deviance
  BOOST_CHECK_THROW((void)d2_tweedie_score(y_true, y_pred, Vector(), 0.5), ValueError);
  int count = 0;
  const ScopedWarningHandler handler([&](const Warning&) { ++count; });
  BOOST_TEST(std::isnan(d2_tweedie_score(y_true.head(1), y_pred.head(1))));
  BOOST_TEST(count == 1);
}

BOOST_AUTO_TEST_CASE(score_is_d2_tweedie_score_of_the_predictions) {
  const Matrix X = load("X");
  const Vector y = load_vector("y_tweedie");
  TweedieRegressor model({.power = 1.5, .alpha = 0.1});
  model.fit(X, y);
  BOOST_TEST(std::abs(model.score(X, y) - d2_tweedie_score(y, model.predict(X), Vector(), 1.5)) <= 1e-13);
}

BOOST_AUTO_TEST_SUITE_END()

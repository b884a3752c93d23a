// QuantileRegressor against scikit-learn 1.9 (tests/reference/learn_glm_robust.py).
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <scilearn/core/io.hpp>
#include <scilearn/learn.hpp>
#include <string>
#include <vector>

#include "support/expect.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(quantile_regressor)

using namespace scilearn;
using namespace scilearn::learn;

namespace {

Matrix load(const std::string& name) {
  return io::load_npy<double>(testing::fixture_path("learn/glm_robust/" + name + ".npy"));
}
Vector load_vector(const std::string& name) {
  return io::load_npy_vector<double>(testing::fixture_path("learn/glm_robust/" + name + ".npy"));
}

// scikit-learn's objective: mean weighted pinball loss + alpha ||coef||_1.
double objective(const QuantileRegressor& model, const Matrix& X, const Vector& y, const Vector& w) {
  const double q = model.params().quantile;
  const Vector r = y - model.predict(X);
  double loss = 0, total = 0;
  for (Index i = 0; i < y.size(); ++i) {
    const double wi = w.size() ? w(i) : 1.0;
    loss += wi * (r(i) >= 0 ? q * r(i) : (q - 1) * r(i));
    total += wi;
  }
  return loss / total + model.params().alpha * model.coef().lpNorm<1>();
}

}  // namespace

// Every optimal vertex has the same objective: the LP solvers' feasibility
// and optimality tolerances (1e-7 scaled, met far more tightly on these small
// problems) bound the difference; 1e-8 relative holds with a margin.
BOOST_AUTO_TEST_CASE(objective_and_coefficients_match_scikit_learn) {
  const Matrix X = load("Xq");
  const Vector y = load_vector("yq"), w = load_vector("wq");
  const auto rows = testing::read_manifest("learn/glm_robust/quantile_cases.csv");
  BOOST_REQUIRE(rows.size() == 6);
  const Matrix X_sparse = load("Xq_sparse");
  double worst = 0, worst_coef = 0;
  int same_vertex = 0;
  for (const auto& r : rows) {
    for (const QuantileSolver solver : {QuantileSolver::highs, QuantileSolver::highs_ipm}) {
      QuantileRegressor model({.quantile = std::stod(r.at(1)),
                               .alpha = std::stod(r.at(2)),
                               .fit_intercept = r.at(3) == "1",
                               .solver = solver});
      const bool weighted = r.at(4) == "1", sparse = r.at(7) == "1";
      const Matrix& X_used = sparse ? X_sparse : X;
      if (sparse) {
        const CsrMatrix Xs = X_sparse.sparseView();
        model.fit(Xs, y, weighted ? w : Vector());
        // predict on CSR input equals predict on the dense copy
        BOOST_TEST((model.predict(Xs) - model.predict(X_sparse)).cwiseAbs().maxCoeff() <= 1e-13);
      } else if (weighted) {
        model.fit(X, y, w);
      } else {
        model.fit(X, y);
      }
      const double expected = std::stod(r.at(6));
      const double got = objective(model, X_used, y, weighted ? w : Vector());
      BOOST_TEST_INFO(r.at(0) << " solver " << enum_name(solver));
      worst = std::max(worst, std::abs(got - expected) / std::abs(expected));
      BOOST_TEST(std::abs(got - expected) <= 1e-8 * std::abs(expected));
      // Where the optimal face is a single vertex the coefficients are
      // HiGHS's to rounding; where it is larger (median_alpha1 here, whose
      // objective still agrees to 4e-16) Clp may stop at another vertex.
      Vector ours(4), theirs(4);
      ours << model.coef(), model.intercept();
      theirs << load_vector("q_" + r.at(0) + "_coef"), std::stod(r.at(5));
      const double difference = (ours - theirs).cwiseAbs().maxCoeff() / std::max(1.0, theirs.cwiseAbs().maxCoeff());
      if (difference <= 1e-9)
        ++same_vertex;
      else
        BOOST_TEST_MESSAGE(r.at(0) << " (" << enum_name(solver) << "): another optimal vertex, coefficients "
                                   << difference << " apart");
      worst_coef = std::max(worst_coef, difference);
    }
  }
  BOOST_TEST(same_vertex >= 10);  // of 12 fits: median_alpha1 has a larger optimal face
  BOOST_TEST_MESSAGE("QuantileRegressor: largest relative objective error " << worst << ", coefficient error "
                                                                            << worst_coef);
}

BOOST_AUTO_TEST_CASE(median_without_penalty_interpolates_half_of_the_points) {
  // Without penalty, an optimal vertex passes through p + 1 samples and
  // leaves at most half of the rest on each side.
  const Matrix X = load("Xq");
  const Vector y = load_vector("yq");
  QuantileRegressor model({.alpha = 0});
  const Vector r = y - model.fit(X, y).predict(X);
  const Index above = (r.array() > 1e-9).count(), below = (r.array() < -1e-9).count();
  BOOST_TEST(above <= 30);
  BOOST_TEST(below <= 30);
  BOOST_TEST(model.n_iter() > 0);
}

BOOST_AUTO_TEST_CASE(large_penalty_gives_zero_coefficients) {
  const Matrix X = load("Xq");
  const Vector y = load_vector("yq");
  QuantileRegressor model({.quantile = 0.3, .alpha = 100});
  model.fit(X, y);
  BOOST_TEST(model.coef().cwiseAbs().maxCoeff() <= 1e-12);
  // The intercept is then a 0.3-quantile of y: at most 30% below it.
  BOOST_TEST((y.array() < model.intercept() - 1e-12).count() <= 18);
  BOOST_TEST((y.array() > model.intercept() + 1e-12).count() <= 42);
}

BOOST_AUTO_TEST_CASE(bad_parameters_are_rejected) {
  const Matrix X = load("Xq");
  const Vector y = load_vector("yq");
  BOOST_CHECK_THROW(QuantileRegressor({.quantile = 0}).fit(X, y), ValueError);
  BOOST_CHECK_THROW(QuantileRegressor({.quantile = 1}).fit(X, y), ValueError);
  BOOST_CHECK_THROW(QuantileRegressor({.alpha = -0.1}).fit(X, y), ValueError);
  const std::string message = testing::message_of<ValueError>(
      [&] { (void)QuantileRegressor({.solver = QuantileSolver::interior_point}).fit(X, y); });
  BOOST_TEST(message.find("interior-point") != std::string::npos);
  BOOST_CHECK_THROW(QuantileRegressor().fit(X, y, Vector::Zero(y.size())), ValueError);
}

BOOST_AUTO_TEST_SUITE_END()

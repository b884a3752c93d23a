// HuberRegressor against scikit-learn 1.9 (tests/reference/learn_bayes_lars.py).
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <scilearn/learn.hpp>

#include "learn/linear_model/bayes_lars_fixtures.hpp"
#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(linear_model_huber)

using namespace scilearn;
using namespace scilearn::learn;
using namespace scilearn::testing::bayes_lars;

namespace {

// Owen's objective written out here, independently of the estimator.
double huber_objective(const Matrix& X, const Vector& y, const Vector& w, const Vector& coef, double intercept,
                       double sigma, double epsilon, double alpha) {
  double total = alpha * coef.squaredNorm();
  for (Index i = 0; i < X.rows(); ++i) {
    const double z = std::abs(y(i) - X.row(i).dot(coef) - intercept) / sigma;
    const double h = z <= epsilon ? z * z : 2 * epsilon * z - epsilon * epsilon;
    total += w(i) * sigma * (1 + h);
  }
  return total;
}

struct Case {
  std::string name;
  HuberRegressor::Params params;
  bool weighted;
};

}  // namespace

BOOST_AUTO_TEST_CASE(huber_reaches_scikit_learns_objective) {
  const Matrix X = matrix("X");
  const Vector y = vector("yh"), w = vector("w");
  const std::vector<Case> cases = {
      {"huber_default", {}, false},
      {"huber_weighted", {.epsilon = 1.5, .max_iter = 500, .alpha = 1e-2, .tol = 1e-10}, true},
      {"huber_no_intercept", {.max_iter = 500, .fit_intercept = false, .tol = 1e-10}, false},
  };
  for (const auto& c : cases) {
    BOOST_TEST_INFO(c.name);
    HuberRegressor model(c.params);
    const Vector weights = c.weighted ? w : Vector::Ones(X.rows());
    if (c.weighted)
      model.fit(X, y, w);
    else
      model.fit(X, y);
    const double ours = huber_objective(X, y, weights, model.coef(), model.intercept(), model.scale(), c.params.epsilon,
                                        c.params.alpha);
    const double theirs = scalar(c.name + "_objective");
    // Both L-BFGS-B runs stop on ftol = 2.2e-9 relative reduction (or the
    // gradient test): the objectives agree to 1e-8 relative.
    BOOST_TEST(relative_error(ours, theirs) <= 1e-8);
    // optimize::minimize's L-BFGS-B takes SciPy's steps: the same iteration
    // count, and coefficients equal to rounding (measured 5e-15 and 5e-13);
    // 1e-6 leaves room for other BLAS summation orders.
    BOOST_TEST(model.n_iter() == static_cast<Index>(scalar(c.name + "_n_iter")));
    BOOST_TEST(relative_error(model.coef(), vector(c.name + "_coef")) <= 1e-6);
    BOOST_TEST(relative_error(model.scale(), scalar(c.name + "_scale")) <= 1e-6);
    BOOST_TEST(std::abs(model.intercept() - scalar(c.name + "_intercept")) <=
               1e-6 * std::max(1.0, std::abs(scalar(c.name + "_intercept"))));
    // The outliers of sklearn (no residual sits near the threshold here).
    const Vector expected = vector(c.name + "_outliers");
    const std::vector<bool> flags = model.outliers();
    BOOST_REQUIRE(static_cast<Index>(flags.size()) == expected.size());
    for (Index i = 0; i < expected.size(); ++i) BOOST_TEST(flags[static_cast<std::size_t>(i)] == (expected(i) != 0));
  }
}

BOOST_AUTO_TEST_CASE(huber_ignores_outliers_where_least_squares_does_not) {
  const Matrix X = matrix("X");
  const Vector y = vector("yh"), clean = vector("y");
  HuberRegressor huber;
  huber.fit(X, y);
  LinearRegression ols;
  ols.fit(X, y);
  LinearRegression truth;
  truth.fit(X, clean);
  BOOST_TEST((huber.coef() - truth.coef()).norm() < (ols.coef() - truth.coef()).norm());
}

BOOST_AUTO_TEST_CASE(sparse_x_gives_the_dense_answer_and_scikit_learns) {
  const Matrix Xs = matrix("Xs");
  const Vector y = vector("yh"), w = vector("w");
  const CsrMatrix sparse = Xs.sparseView();
  HuberRegressor on_sparse, on_dense;
  on_sparse.fit(sparse, y, w);
  on_dense.fit(Xs, y, w);
  // The same steps; products over the stored entries only differ by rounding.
  BOOST_TEST(relative_error(on_sparse.coef(), on_dense.coef()) <= 1e-10);
  BOOST_TEST(on_sparse.n_iter() == static_cast<Index>(scalar("huber_sparse_n_iter")));
  BOOST_TEST(relative_error(on_sparse.coef(), vector("huber_sparse_coef")) <= 1e-6);
  BOOST_TEST(relative_error(on_sparse.intercept(), scalar("huber_sparse_intercept")) <= 1e-6);
  BOOST_TEST(relative_error(on_sparse.scale(), scalar("huber_sparse_scale")) <= 1e-6);
  BOOST_TEST(relative_error(on_sparse.predict(sparse), on_dense.predict(Xs)) <= 1e-10);
  const std::string message =
      testing::message_of<ValueError>([&] { (void)on_sparse.predict(CsrMatrix(Xs.leftCols(3).sparseView())); });
  BOOST_TEST(message.find("X has 3 features") != std::string::npos);
  BOOST_CHECK_THROW(on_sparse.fit(sparse, y.head(10)), ValueError);
}

BOOST_AUTO_TEST_CASE(bad_parameters_are_rejected) {
  const Matrix X = matrix("X");
  const Vector y = vector("y");
  BOOST_CHECK_THROW(HuberRegressor({.epsilon = 0.5}).fit(X, y), ValueError);
  BOOST_CHECK_THROW(HuberRegressor({.alpha = -1}).fit(X, y), ValueError);
  BOOST_CHECK_THROW(HuberRegressor({.tol = 0}).fit(X, y), ValueError);
}

BOOST_AUTO_TEST_SUITE_END()

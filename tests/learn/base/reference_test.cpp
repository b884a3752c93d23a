// StandardScaler, LinearRegression and their Pipeline against scikit-learn
// 1.9 fitted on the same data (tests/reference/learn_base.py).
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <scilearn/core/io.hpp>
#include <scilearn/learn.hpp>

#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(reference)

using namespace scilearn;
using namespace scilearn::learn;

namespace {

Matrix load(const std::string& name) {
  return io::load_npy<double>(testing::fixture_path("learn/base/" + name + ".npy"));
}
Vector load_vector(const std::string& name) {
  return io::load_npy_vector<double>(testing::fixture_path("learn/base/" + name + ".npy"));
}

// Largest |a - b| relative to max(|b|, floor): entries near zero are compared
// on the scale of the floor.
double relative_error(const Eigen::Ref<const Matrix>& a, const Eigen::Ref<const Matrix>& b, double floor = 1.0) {
  BOOST_REQUIRE(a.rows() == b.rows() && a.cols() == b.cols());
  double worst = 0;
  for (Index j = 0; j < a.cols(); ++j)
    for (Index i = 0; i < a.rows(); ++i) {
      if (std::isnan(a(i, j)) || std::isnan(b(i, j))) {
        BOOST_TEST((std::isnan(a(i, j)) && std::isnan(b(i, j))));
        continue;
      }
      worst = std::max(worst, std::abs(a(i, j) - b(i, j)) / std::max(std::abs(b(i, j)), floor));
    }
  return worst;
}

}  // namespace

// Means and variances are sums of 60 terms: both sides round differently in
// the last bits, so 1e-12 relative is far above rounding and far below any
// algorithmic difference.
BOOST_AUTO_TEST_CASE(standard_scaler_matches_scikit_learn) {
  const Matrix X = load("X"), X_test = load("X_test");
  const Vector w = load_vector("w");
  struct Case {
    std::string name;
    StandardScaler::Params params;
    bool weighted;
  };
  for (const Case& c : {Case{"scaler", {}, false}, Case{"scaler_weighted", {}, true},
                        Case{"scaler_no_mean", {.with_mean = false}, false}}) {
    StandardScaler scaler(c.params);
    if (c.weighted)
      scaler.fit(X, Vector::Zero(X.rows()), w);
    else
      scaler.fit(X);
    BOOST_TEST_INFO(c.name);
    BOOST_TEST(relative_error(scaler.mean(), load(c.name + "_mean"), 1e-300) <= 1e-12);
    BOOST_TEST(relative_error(scaler.var(), load(c.name + "_var"), 1e-300) <= 1e-12);
    BOOST_TEST(relative_error(scaler.scale(), load(c.name + "_scale"), 1e-300) <= 1e-12);
    // Transformed values of a constant column are 0 on both sides; others ~ 1.
    BOOST_TEST(relative_error(scaler.transform(X_test), load(c.name + "_transform")) <= 1e-10);
  }
}

// device = gpu: the moments come from scilearn::gpu (two passes in a parallel
// tree order), so the same 1e-12 holds. Weights and NaN take the CPU path.
BOOST_AUTO_TEST_CASE(standard_scaler_on_the_device_matches_scikit_learn) {
  const Matrix X = load("X"), X_test = load("X_test");
  for (const auto& [name, params] :
       {std::pair<std::string, StandardScaler::Params>{"scaler", {.device = Device::gpu}},
        {"scaler_no_mean", {.with_mean = false, .device = Device::gpu}}}) {
    BOOST_TEST_CONTEXT(name) {
      StandardScaler scaler(params);
      scaler.fit(X);
      BOOST_TEST(relative_error(scaler.mean(), load(name + "_mean"), 1e-300) <= 1e-12);
      BOOST_TEST(relative_error(scaler.var(), load(name + "_var"), 1e-300) <= 1e-12);
      BOOST_TEST(relative_error(scaler.scale(), load(name + "_scale"), 1e-300) <= 1e-12);
      BOOST_TEST(relative_error(scaler.transform(X_test), load(name + "_transform")) <= 1e-10);
    }
  }
  StandardScaler weighted({.device = Device::gpu});
  weighted.fit(X, Vector::Zero(X.rows()), load_vector("w"));
  BOOST_TEST(relative_error(weighted.var(), load("scaler_weighted_var"), 1e-300) <= 1e-12);
  StandardScaler with_nan({.device = Device::gpu});
  with_nan.fit(load("X_nan"));
  BOOST_TEST(relative_error(with_nan.var(), load("scaler_nan_var"), 1e-300) <= 1e-12);
  BOOST_TEST(std::get<std::string>(with_nan.get_params().at("device")) == "gpu");
  BOOST_CHECK_THROW(with_nan.set_params(ParamMap{{"device", std::string("tpu")}}), ValueError);
  // Saved files keep a non-default device (the default one is left out).
  const auto path = testing::scratch_dir("learn_reference") / "scaler_gpu.scl";
  save(with_nan, path);
  BOOST_TEST(std::get<std::string>(learn::load(path)->get_params().at("device")) == "gpu");
}

BOOST_AUTO_TEST_CASE(standard_scaler_ignores_nan_as_scikit_learn) {
  const Matrix X = load("X_nan");
  StandardScaler scaler;
  scaler.fit(X);
  BOOST_TEST(relative_error(scaler.mean(), load("scaler_nan_mean"), 1e-300) <= 1e-12);
  BOOST_TEST(relative_error(scaler.var(), load("scaler_nan_var"), 1e-300) <= 1e-12);
  BOOST_TEST((scaler.n_samples_seen() == load_vector("scaler_nan_n_samples_seen")));
  BOOST_TEST(relative_error(scaler.transform(X), load("scaler_nan_transform")) <= 1e-10);
}

// scikit-learn's partial_fit combines batches with a different formula of the
// same quantity; the combined variance of a column with mean 1e4 and spread
// 100 carries ~1e-12 relative rounding on either side. The constant column's
// variance is rounding noise (scikit-learn: 2e-31, ours: 0), below the
// two-pass bound (n mean eps)^2 ~ 1e-26 that the floor 1e-20 stands for.
BOOST_AUTO_TEST_CASE(standard_scaler_partial_fit_matches_scikit_learn) {
  const Matrix X = load("X");
  const Vector w = load_vector("w");
  StandardScaler scaler;
  scaler.partial_fit(X.topRows(25), w.head(25));
  scaler.partial_fit(X.bottomRows(35), w.tail(35));
  BOOST_TEST(relative_error(scaler.mean(), load("scaler_partial_mean"), 1e-300) <= 1e-12);
  BOOST_TEST(relative_error(scaler.var(), load("scaler_partial_var"), 1e-20) <= 1e-10);
  BOOST_CHECK_THROW((void)scaler.partial_fit(Matrix::Ones(3, 4)), ValueError);
}

// Both sides call LAPACK gelsd on the same centered, weighted matrix
// (condition number ~1e5 from the feature scales): coefficients agree to
// cond * eps ~ 1e-11 relative; 1e-9 leaves room for the BLAS's summation order.
BOOST_AUTO_TEST_CASE(linear_regression_matches_scikit_learn) {
  const Matrix X = load("X"), X_test = load("X_test");
  const Vector y = load_vector("y"), w = load_vector("w");
  const Vector y_test_true = X_test * (Vector(5) << 1.5, -0.02, 300.0, 0.0, 0.0).finished() + Vector::Constant(10, 4.0);
  struct Case {
    std::string name;
    LinearRegression::Params params;
    bool weighted;
  };
  for (const Case& c :
       {Case{"ols", {}, false}, Case{"ols_weighted", {}, true},
        Case{"ols_no_intercept", {.fit_intercept = false}, false}, Case{"ols_positive", {.positive = true}, false}}) {
    LinearRegression model(c.params);
    if (c.weighted)
      model.fit(X, y, w);
    else
      model.fit(X, y);
    BOOST_TEST_INFO(c.name);
    BOOST_TEST(relative_error(model.coef(), load(c.name + "_coef"), 1e-6) <= 1e-9);
    BOOST_TEST(std::abs(model.intercept() - load_vector(c.name + "_intercept")(0)) <=
               1e-7 * (1 + std::abs(model.intercept())));
    BOOST_TEST(relative_error(model.predict(X_test), load(c.name + "_predict")) <= 1e-9);
    BOOST_TEST(std::abs(model.score(X_test, y_test_true) - load_vector(c.name + "_score")(0)) <= 1e-9);
    if (!c.params.positive) {
      BOOST_TEST(model.rank() == static_cast<Index>(load_vector(c.name + "_rank")(0)));
      BOOST_TEST(relative_error(model.singular(), load(c.name + "_singular"), 1e-300) <= 1e-10);
    }
  }
}

// n >= 1000, condition ~30: the normal-equations path with one refinement.
// Coefficients agree with gelsd to ~cond eps; 1e-11 relative leaves room for
// the summation order. Singular values from the eigenvalues of X'X: relative
// error ~cond^2 eps ~ 1e-13; 1e-10 is the bound used for gelsd above.
BOOST_AUTO_TEST_CASE(linear_regression_tall_problems_match_scikit_learn) {
  const Matrix X = load("X_tall");
  const Vector y = load_vector("y_tall"), w = load_vector("w_tall");
  for (const std::string name : {"tall", "tall_weighted"}) {
    LinearRegression model;
    if (name == "tall")
      model.fit(X, y);
    else
      model.fit(X, y, w);
    BOOST_TEST_INFO(name);
    BOOST_TEST(relative_error(model.coef(), load(name + "_coef"), 1e-6) <= 1e-11);
    BOOST_TEST(std::abs(model.intercept() - load_vector(name + "_intercept")(0)) <= 1e-9 * 7.0);
    BOOST_TEST(relative_error(model.singular(), load(name + "_singular"), 1e-300) <= 1e-10);
    BOOST_TEST(model.rank() == 8);
  }
}

// Nearly collinear columns (condition ~1e7 > 1e4): LinearRegression leaves the
// normal equations for gelsd and cuts the rank at tol as scikit-learn does.
// Predictions are well determined (1e-9); the split of the coefficients
// between the two collinear columns is not, so it is not compared.
BOOST_AUTO_TEST_CASE(linear_regression_ill_conditioned_tall_problems_use_the_svd) {
  const Matrix X = load("X_tall_ill");
  LinearRegression model;
  model.fit(X, load_vector("y_tall"));
  BOOST_TEST(model.rank() == static_cast<Index>(load_vector("tall_ill_rank")(0)));
  BOOST_TEST(relative_error(model.predict(X.topRows(10)), load("tall_ill_predict")) <= 1e-9);
}

BOOST_AUTO_TEST_CASE(linear_regression_rank_deficient_gives_the_minimum_norm_solution) {
  LinearRegression model;
  model.fit(load("X_dup"), load_vector("y"));
  BOOST_TEST(model.rank() == static_cast<Index>(load_vector("ols_dup_rank")(0)));
  BOOST_TEST(model.rank() == 3);
  BOOST_TEST(relative_error(model.coef(), load("ols_dup_coef"), 1e-6) <= 1e-9);
  BOOST_TEST(model.coef()(0) == model.coef()(3), boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(pipeline_matches_scikit_learn) {
  auto pipe = make_pipeline(StandardScaler(), LinearRegression());
  pipe.fit(load("X"), load_vector("y"), load_vector("w"));
  BOOST_TEST(relative_error(pipe.predict(load("X_test")), load("pipe_predict")) <= 1e-9);
  const auto& ols = dynamic_cast<const LinearRegression&>(pipe[-1]);
  BOOST_TEST(relative_error(ols.coef(), load("pipe_coef"), 1e-6) <= 1e-9);
}

BOOST_AUTO_TEST_SUITE_END()

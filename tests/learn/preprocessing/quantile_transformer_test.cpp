// QuantileTransformer against scikit-learn 1.9.1 (tests/reference/learn_preprocessing.py).
#include <boost/test/unit_test.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn.hpp>

#include "learn/preprocessing/preprocessing_testing.hpp"
#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(quantile_transformer)

using namespace scilearn;
using namespace scilearn::learn;
using namespace scilearn::testing::preprocessing;

// Quantiles follow NumPy's linear percentile operation for operation (a few
// ulps of the data: 1e-14 relative to the column scale). Transformed values
// are one interpolation (uniform, O(1): 1e-13 absolute), then for a normal
// output the normal ppf (Boost against SciPy's ndtri: about 1e-15 relative,
// amplified by the ppf's slope near the clipped tails, ~1/pdf(5.2) ~ 1e6, on
// the last bits of the uniform value: 1e-9 relative).
BOOST_AUTO_TEST_CASE(matches_scikit_learn) {
  const Matrix X = load_matrix("X_q"), X_nan = load_matrix("X_q_nan"), X_test = load_matrix("X_q_test");
  struct Case {
    std::string name;
    QuantileTransformer::Params params;
    Matrix X;
    double tolerance;
  };
  const Case cases[] = {
      {"quantile_10", {.n_quantiles = 10}, X, 1e-13},
      {"quantile_normal", {.n_quantiles = 20, .output_distribution = QuantileOutput::normal}, X, 1e-9},
      {"quantile_default", {}, X, 1e-13},
      {"quantile_nan", {.n_quantiles = 15}, X_nan, 1e-13},
  };
  const ScopedWarningHandler quiet([](const Warning&) {});
  for (const Case& c : cases) {
    BOOST_TEST_INFO(c.name);
    QuantileTransformer qt(c.params);
    qt.fit(c.X);
    const Matrix quantiles = load_matrix(c.name + "_quantiles");
    BOOST_TEST(qt.n_quantiles() == quantiles.rows());
    for (Index j = 0; j < quantiles.cols(); ++j)
      BOOST_TEST(relative_error(qt.quantiles().col(j), quantiles.col(j), quantiles.col(j).cwiseAbs().maxCoeff()) <=
                 1e-14);
    BOOST_TEST(relative_error(qt.references(), load_matrix(c.name + "_references")) <= 1e-16);
    const Matrix Z = qt.transform(X_test);
    BOOST_TEST(relative_error(Z, load_matrix(c.name + "_transform")) <= c.tolerance);
    const Matrix back = load_matrix(c.name + "_inverse");
    for (Index j = 0; j < back.cols(); ++j)
      BOOST_TEST(relative_error(qt.inverse_transform(Z).col(j), back.col(j), back.col(j).cwiseAbs().maxCoeff()) <=
                 1e-7);
  }
}

BOOST_AUTO_TEST_CASE(bad_parameters_are_rejected_and_small_samples_warned) {
  const Matrix X = load_matrix("X_q");
  BOOST_CHECK_THROW((void)QuantileTransformer({.n_quantiles = 0}).fit(X), ValueError);
  BOOST_CHECK_THROW((void)QuantileTransformer({.n_quantiles = 100, .subsample = 50}).fit(X), ValueError);
  int warnings = 0;
  const ScopedWarningHandler count([&](const Warning&) { ++warnings; });
  QuantileTransformer qt;
  qt.fit(X);
  BOOST_TEST(warnings == 1);
  BOOST_TEST(qt.n_quantiles() == X.rows());
}

BOOST_AUTO_TEST_CASE(subsampling_is_reproducible_with_a_seed) {
  const Matrix X = load_matrix("X_q");
  QuantileTransformer a({.n_quantiles = 10, .subsample = 30, .random_state = 7}),
      b({.n_quantiles = 10, .subsample = 30, .random_state = 7});
  a.fit(X);
  b.fit(X);
  BOOST_TEST((a.quantiles() == b.quantiles()));
}

BOOST_AUTO_TEST_SUITE_END()

// MaxAbsScaler against scikit-learn 1.9.1 (tests/reference/learn_preprocessing.py).
#include <boost/test/unit_test.hpp>
#include <scilearn/learn.hpp>

#include "learn/preprocessing/preprocessing_testing.hpp"

BOOST_AUTO_TEST_SUITE(max_abs_scaler)

using namespace scilearn;
using namespace scilearn::learn;
using namespace scilearn::testing::preprocessing;

// max_abs is a data value (exact); the transform is one division on both
// sides, so agreement is to the last bit up to a few ulps: 1e-14.
BOOST_AUTO_TEST_CASE(matches_scikit_learn) {
  struct Case {
    std::string name;
    MaxAbsScaler::Params params;
    std::string X, X_test;
  };
  for (const Case& c : {Case{"maxabs", {}, "X", "X_test"}, Case{"maxabs_clip", {.clip = true}, "X", "X_test"},
                        Case{"maxabs_nan", {}, "X_nan", "X_test_nan"}}) {
    BOOST_TEST_INFO(c.name);
    MaxAbsScaler scaler(c.params);
    scaler.fit(load_matrix(c.X));
    BOOST_TEST(same(scaler.max_abs(), load_matrix(c.name + "_max_abs")));
    BOOST_TEST(same(scaler.scale(), load_matrix(c.name + "_scale")));
    const Matrix Z = scaler.transform(load_matrix(c.X_test));
    BOOST_TEST(relative_error(Z, load_matrix(c.name + "_transform")) <= 1e-14);
    BOOST_TEST(relative_error(scaler.inverse_transform(Z), load_matrix(c.name + "_inverse"), 1e-300) <= 1e-14);
  }
}

BOOST_AUTO_TEST_CASE(partial_fit_keeps_the_largest) {
  const Matrix X = load_matrix("X");
  MaxAbsScaler scaler, whole;
  scaler.partial_fit(X.topRows(10)).partial_fit(X.bottomRows(X.rows() - 10));
  whole.fit(X);
  BOOST_TEST((scaler.max_abs() == whole.max_abs()));
  BOOST_TEST(scaler.n_samples_seen() == X.rows());
}

BOOST_AUTO_TEST_SUITE_END()

// Normalizer against scikit-learn 1.9.1 (tests/reference/learn_preprocessing.py).
#include <boost/test/unit_test.hpp>
#include <scilearn/learn.hpp>

#include "learn/preprocessing/preprocessing_testing.hpp"

BOOST_AUTO_TEST_SUITE(normalizer)

using namespace scilearn;
using namespace scilearn::learn;
using namespace scilearn::testing::preprocessing;

// A row norm is a sum of 4 terms (l1, l2) or a data value (max); the entries
// are quotients by it: a few ulps, 1e-15 on the O(1) outputs.
BOOST_AUTO_TEST_CASE(matches_scikit_learn) {
  const Matrix X = load_matrix("X_rows");
  for (const auto& [norm, name] : param_names(NormalizerNorm{})) {
    BOOST_TEST_INFO(name);
    Normalizer normalizer({.norm = norm});
    const Matrix Z = normalizer.fit_transform(X);
    BOOST_TEST(relative_error(Z, load_matrix(cat("normalizer_", name, "_transform"))) <= 1e-15);
    BOOST_TEST((Z.row(3).array() == 0).all());  // the zero row stays zero
  }
}

BOOST_AUTO_TEST_CASE(set_params_by_name) {
  Normalizer normalizer;
  normalizer.set_params({{"norm", std::string("max")}});
  BOOST_TEST((normalizer.params().norm == NormalizerNorm::max));
  BOOST_CHECK_THROW((void)normalizer.set_params({{"norm", std::string("l3")}}), ValueError);
  BOOST_CHECK_THROW((void)normalizer.inverse_transform(Matrix::Ones(2, 2)), ValueError);
}

BOOST_AUTO_TEST_SUITE_END()

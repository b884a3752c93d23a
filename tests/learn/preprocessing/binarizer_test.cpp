// Binarizer against scikit-learn 1.9.1 (tests/reference/learn_preprocessing.py).
#include <boost/test/unit_test.hpp>
#include <scilearn/learn.hpp>

#include "learn/preprocessing/preprocessing_testing.hpp"

BOOST_AUTO_TEST_SUITE(binarizer)

using namespace scilearn;
using namespace scilearn::learn;
using namespace scilearn::testing::preprocessing;

// Comparisons only: the outputs are exact.
BOOST_AUTO_TEST_CASE(matches_scikit_learn) {
  const Matrix X = load_matrix("X_rows");
  for (const auto& [threshold, name] : {std::pair{0.0, "0.0"}, std::pair{0.5, "0.5"}}) {
    Binarizer binarizer({.threshold = threshold});
    BOOST_TEST((binarizer.fit_transform(X) == load_matrix(cat("binarizer_", name, "_transform"))));
    BOOST_TEST(binarizer.get_feature_names_out().size() == 4u);
  }
  BOOST_CHECK_THROW((void)Binarizer().fit(X).transform(Matrix::Ones(2, 3)), ValueError);
}

BOOST_AUTO_TEST_CASE(nan_threshold_is_rejected) {
  BOOST_CHECK_THROW((void)Binarizer({.threshold = std::nan("")}).fit(Matrix::Ones(2, 2)), ValueError);
}

BOOST_AUTO_TEST_SUITE_END()

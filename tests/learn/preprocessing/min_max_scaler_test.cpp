// MinMaxScaler against scikit-learn 1.9.1 (tests/reference/learn_preprocessing.py).
#include <boost/test/unit_test.hpp>
#include <scilearn/learn.hpp>

#include "learn/preprocessing/preprocessing_testing.hpp"
#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(min_max_scaler)

using namespace scilearn;
using namespace scilearn::learn;
using namespace scilearn::testing::preprocessing;

// Minima and maxima are data values (exact); scale and min are one division
// and one multiply-add, as in scikit-learn: agreement to a few ulps, so 1e-14
// relative. Transformed values are O(1) after one multiply-add: 1e-13 absolute.
BOOST_AUTO_TEST_CASE(matches_scikit_learn) {
  struct Case {
    std::string name;
    MinMaxScaler::Params params;
    std::string X, X_test;
  };
  for (const Case& c :
       {Case{"minmax", {}, "X", "X_test"}, Case{"minmax_range", {.feature_range = {-1, 2.5}}, "X", "X_test"},
        Case{"minmax_clip", {.feature_range = {-1, 2.5}, .clip = true}, "X", "X_test"},
        Case{"minmax_nan", {}, "X_nan", "X_test_nan"}}) {
    BOOST_TEST_INFO(c.name);
    MinMaxScaler scaler(c.params);
    scaler.fit(load_matrix(c.X));
    BOOST_TEST(same(scaler.data_min(), load_matrix(c.name + "_data_min")));
    BOOST_TEST(same(scaler.data_max(), load_matrix(c.name + "_data_max")));
    BOOST_TEST(relative_error(scaler.data_range(), load_matrix(c.name + "_data_range"), 1e-300) <= 1e-14);
    BOOST_TEST(relative_error(scaler.scale(), load_matrix(c.name + "_scale"), 1e-300) <= 1e-14);
    BOOST_TEST(relative_error(scaler.min(), load_matrix(c.name + "_min"), 1e-300) <= 1e-14);
    const Matrix Z = scaler.transform(load_matrix(c.X_test));
    BOOST_TEST(relative_error(Z, load_matrix(c.name + "_transform")) <= 1e-13);
    BOOST_TEST(relative_error(scaler.inverse_transform(Z), load_matrix(c.name + "_inverse")) <= 1e-13);
    BOOST_TEST(scaler.n_samples_seen() == load_matrix(c.X).rows());
  }
}

BOOST_AUTO_TEST_CASE(partial_fit_widens_the_range) {
  const Matrix X = load_matrix("X");
  MinMaxScaler scaler;
  scaler.partial_fit(X.topRows(20));
  scaler.partial_fit(X.bottomRows(X.rows() - 20));
  BOOST_TEST(same(scaler.data_min(), load_matrix("minmax_partial_data_min")));
  BOOST_TEST(same(scaler.data_max(), load_matrix("minmax_partial_data_max")));
  BOOST_TEST(relative_error(scaler.scale(), load_matrix("minmax_partial_scale"), 1e-300) <= 1e-14);
  BOOST_CHECK_THROW((void)scaler.partial_fit(Matrix::Ones(2, 3)), ValueError);
}

BOOST_AUTO_TEST_CASE(bad_feature_range_and_sample_weight_are_rejected) {
  const Matrix X = load_matrix("X");
  for (const std::vector<double>& range : {std::vector<double>{1, 1}, {2, 1}, {0, 1, 2}}) {
    MinMaxScaler scaler({.feature_range = range});
    BOOST_CHECK_THROW((void)scaler.fit(X), ValueError);
    BOOST_TEST(!scaler.is_fitted());
  }
  const std::string message =
      testing::message_of<ValueError>([&] { MinMaxScaler().fit(X, Vector::Zero(X.rows()), Vector::Ones(X.rows())); });
  BOOST_TEST(message.find("sample_weight") != std::string::npos);
  BOOST_CHECK_THROW((void)MinMaxScaler().set_params({{"feature_range", std::string("wide")}}), ValueError);
}

BOOST_AUTO_TEST_CASE(feature_names_pass_through) {
  MinMaxScaler scaler;
  scaler.fit(load_matrix("X"));
  BOOST_TEST((scaler.get_feature_names_out() == std::vector<std::string>{"x0", "x1", "x2", "x3"}));
  BOOST_TEST((scaler.get_feature_names_out({"a", "b", "c", "d"}) == std::vector<std::string>{"a", "b", "c", "d"}));
  BOOST_CHECK_THROW((void)scaler.get_feature_names_out({"a"}), ValueError);
}

BOOST_AUTO_TEST_SUITE_END()

// FeatureUnion, ColumnTransformer and TransformedTargetRegressor against
// scikit-learn 1.9 (tests/reference/learn_base.py) and their parameters.
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/io.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn.hpp>

#include "support/expect.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(compose)

using namespace scilearn;
using namespace scilearn::learn;

namespace {
Matrix load(const std::string& name) {
  return io::load_npy<double>(testing::fixture_path("learn/base/" + name + ".npy"));
}
Vector load_vector(const std::string& name) {
  return io::load_npy_vector<double>(testing::fixture_path("learn/base/" + name + ".npy"));
}
std::vector<std::string> load_names(const std::string& name) {
  std::ifstream in(testing::fixture_path("learn/base/" + name + ".txt"));
  std::vector<std::string> names;
  for (std::string line; std::getline(in, line);) names.push_back(line);
  return names;
}
// Scaled features are O(1) and raw ones up to 1e4: compare relative to max(|b|, 1).
double max_relative_error(const Matrix& a, const Matrix& b) {
  BOOST_REQUIRE(a.rows() == b.rows() && a.cols() == b.cols());
  return ((a - b).array().abs() / b.array().abs().max(1.0)).maxCoeff();
}
}  // namespace

BOOST_AUTO_TEST_CASE(feature_union_matches_scikit_learn) {
  FeatureUnion union_({{"scaled", StandardScaler()}, {"raw", passthrough}, {"gone", drop}}, {{"raw", 0.5}});
  union_.fit(load("X"));
  BOOST_TEST(max_relative_error(union_.transform(load("X_test")), load("union_transform")) <= 1e-12);
  BOOST_TEST(union_.get_feature_names_out() == load_names("union_names"), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(column_transformer_matches_scikit_learn) {
  ColumnTransformer ct(
      {{"scale", StandardScaler(), {0, 1}}, {"keep", passthrough, {3}}, {"none", StandardScaler(), {}}}, nullptr,
      /*remainder_passthrough=*/true);
  ct.fit(load("X"));
  BOOST_TEST(max_relative_error(ct.transform(load("X_test")), load("column_transform")) <= 1e-12);
  BOOST_TEST(ct.get_feature_names_out() == load_names("column_names"), boost::test_tools::per_element());
  BOOST_TEST((ct.remainder_columns() == std::vector<Index>{2, 4}));
}

BOOST_AUTO_TEST_CASE(column_transformer_drops_the_remainder_by_default) {
  ColumnTransformer ct({{"scale", StandardScaler(), {1}}});
  BOOST_TEST(ct.fit_transform(load("X")).cols() == 1);
  ct.set_params({{"remainder", std::string("passthrough")}, {"scale__with_mean", false}});
  BOOST_TEST(ct.fit_transform(load("X")).cols() == 5);
  BOOST_TEST(!std::get<bool>(ct.get_params().at("scale__with_mean")));
  BOOST_CHECK_THROW((void)ColumnTransformer({{"scale", StandardScaler(), {7}}}).fit(load("X")), ValueError);
  BOOST_CHECK_THROW((void)ColumnTransformer({{"ols", LinearRegression(), {0}}}), ValueError);
}

// LAPACK gelsd on both sides, then the target scaler's inverse: 1e-9 as the
// LinearRegression comparison of reference_test.cpp.
BOOST_AUTO_TEST_CASE(transformed_target_regressor_matches_scikit_learn) {
  TransformedTargetRegressor scaled({.transformer = std::make_shared<StandardScaler>()});
  scaled.fit(load("X"), load_vector("y"), load_vector("w"));
  BOOST_TEST(max_relative_error(scaled.predict(load("X_test")), load("ttr_predict")) <= 1e-9);

  TransformedTargetRegressor logged({.func = [](const VectorView& y) -> Vector { return y.array().log(); },
                                     .inverse_func = [](const VectorView& z) -> Vector { return z.array().exp(); }});
  logged.fit(load("X"), load_vector("y_positive"));
  BOOST_TEST(max_relative_error(logged.predict(load("X_test")), load("ttr_log_predict")) <= 1e-9);
  BOOST_CHECK_THROW((void)save(logged, testing::scratch_dir("learn_compose") / "f.scl"), ValueError);
}

BOOST_AUTO_TEST_CASE(transformed_target_regressor_warns_when_functions_are_not_inverse) {
  int warnings = 0;
  ScopedWarningHandler handler([&](const Warning&) { ++warnings; });
  TransformedTargetRegressor model({.func = [](const VectorView& y) -> Vector { return 2 * y; },
                                    .inverse_func = [](const VectorView& z) -> Vector { return z; }});
  model.fit(load("X"), load_vector("y"));
  BOOST_TEST(warnings == 1);
}

BOOST_AUTO_TEST_SUITE_END()

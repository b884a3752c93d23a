// OrdinalEncoder against scikit-learn 1.9.1 (tests/reference/learn_preprocessing.py).
// Codes and categories compare exactly.
#include <boost/test/unit_test.hpp>
#include <limits>
#include <scilearn/learn.hpp>

#include "learn/preprocessing/preprocessing_testing.hpp"
#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(ordinal_encoder)

using namespace scilearn;
using namespace scilearn::learn;
using namespace scilearn::testing::preprocessing;

BOOST_AUTO_TEST_CASE(matches_scikit_learn) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  using U = OrdinalHandleUnknown;
  struct Case {
    std::string name;
    OrdinalEncoder::Params params;
    std::string X_apply;
    bool infrequent, inverse;
  };
  const Case cases[] = {
      {"ordinal", {}, "C_known", false, true},
      {"ordinal_unknown", {.handle_unknown = U::use_encoded_value, .unknown_value = -1}, "C_test", false, true},
      {"ordinal_unknown_nan",
       {.handle_unknown = U::use_encoded_value, .unknown_value = nan, .encoded_missing_value = -2},
       "C_test",
       false,
       true},
      {"ordinal_min_count", {.min_frequency = 10}, "C_known", true, true},
      // scikit-learn 1.9.1 cannot invert this one (NaN and infrequent in one feature).
      {"ordinal_max_categories",
       {.handle_unknown = U::use_encoded_value, .unknown_value = 9, .max_categories = 2},
       "C_test",
       true,
       false},
  };
  for (const Case& c : cases) {
    BOOST_TEST_INFO(c.name);
    OrdinalEncoder encoder(c.params);
    encoder.fit(load_matrix("C"));
    const Matrix Z = encoder.transform(load_matrix(c.X_apply));
    BOOST_TEST(same(Z, load_matrix(c.name + "_transform")));
    if (c.inverse) BOOST_TEST(same(encoder.inverse_transform(Z), load_matrix(c.name + "_inverse")));
    for (std::size_t j = 0; j < 4; ++j) {
      BOOST_TEST(same(encoder.categories()[j], load_matrix(cat(c.name, "_categories_", j))));
      if (c.infrequent)
        BOOST_TEST(same(encoder.infrequent_categories()[j], load_matrix(cat(c.name, "_infrequent_", j))));
    }
    BOOST_TEST(encoder.get_feature_names_out().size() == 4u);
  }
}

BOOST_AUTO_TEST_CASE(inverse_of_nan_and_infrequent_in_one_feature) {
  // Feature 3 has NaN and, with max_categories = 2, two infrequent categories:
  // codes 0 (the frequent one), 1 (the group), NaN (missing), 9 (unknown).
  OrdinalEncoder encoder(
      {.handle_unknown = OrdinalHandleUnknown::use_encoded_value, .unknown_value = 9, .max_categories = 2});
  encoder.fit(load_matrix("C"));
  const Matrix Z = encoder.transform(load_matrix("C_test"));
  const Matrix back = encoder.inverse_transform(Z);
  for (Index i = 0; i < Z.rows(); ++i)
    if (Z(i, 3) == 0)
      BOOST_TEST(back(i, 3) == load_matrix("C_test")(i, 3));
    else
      BOOST_TEST(std::isnan(back(i, 3)));
}

BOOST_AUTO_TEST_CASE(bad_parameters_are_rejected) {
  const Matrix C = load_matrix("C");
  using U = OrdinalHandleUnknown;
  auto fit_message = [&](OrdinalEncoder::Params p) {
    return testing::message_of<ValueError>([&] { OrdinalEncoder(p).fit(C); });
  };
  BOOST_TEST(fit_message({.handle_unknown = U::use_encoded_value}).find("unknown_value") != std::string::npos);
  BOOST_TEST(fit_message({.unknown_value = -1}).find("only be set") != std::string::npos);
  BOOST_TEST(fit_message({.handle_unknown = U::use_encoded_value, .unknown_value = 0.5}).find("integer") !=
             std::string::npos);
  BOOST_TEST(fit_message({.handle_unknown = U::use_encoded_value, .unknown_value = 1}).find("already used") !=
             std::string::npos);
  BOOST_TEST(fit_message({.encoded_missing_value = 1}).find("features: [3]") != std::string::npos);
  OrdinalEncoder encoder;
  encoder.fit(C);
  const std::string message =
      testing::message_of<ValueError>([&] { (void)encoder.transform(load_matrix("C_test").middleRows(5, 1)); });
  BOOST_TEST(message == "Found unknown categories [40.0] in column 3 during transform");
  BOOST_CHECK_THROW((void)encoder.inverse_transform(Matrix::Constant(1, 4, 7.0)), ValueError);
  BOOST_CHECK_THROW((void)encoder.inverse_transform(Matrix::Zero(1, 3)), ValueError);
}

BOOST_AUTO_TEST_SUITE_END()

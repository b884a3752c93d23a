// OneHotEncoder against scikit-learn 1.9.1 with sparse_output=False
// (tests/reference/learn_preprocessing.py). Encodings are 0 / 1 and the
// categories are data values: everything compares exactly.
#include <boost/test/unit_test.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn.hpp>

#include "learn/preprocessing/preprocessing_testing.hpp"
#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(one_hot_encoder)

using namespace scilearn;
using namespace scilearn::learn;
using namespace scilearn::testing::preprocessing;

namespace {

void check_categories(const std::vector<Vector>& got, const std::string& name) {
  for (std::size_t j = 0; j < got.size(); ++j) {
    BOOST_TEST_INFO(name << " feature " << j);
    BOOST_TEST(same(got[j], load_matrix(cat(name, "_", j))));
  }
}

}  // namespace

BOOST_AUTO_TEST_CASE(matches_scikit_learn) {
  struct Case {
    std::string name;
    OneHotEncoder::Params params;
    std::string X_apply;
    bool infrequent;
  };
  using U = OneHotHandleUnknown;
  const Case cases[] = {
      {"onehot", {}, "C_known", false},
      {"onehot_first", {.drop = OneHotDrop::first}, "C_known", false},
      {"onehot_if_binary", {.drop = OneHotDrop::if_binary}, "C_known", false},
      {"onehot_ignore", {.handle_unknown = U::ignore}, "C_test", false},
      {"onehot_ignore_first", {.drop = OneHotDrop::first, .handle_unknown = U::ignore}, "C_test", false},
      {"onehot_min_count", {.handle_unknown = U::infrequent_if_exist, .min_frequency = 10}, "C_test", true},
      {"onehot_min_fraction",
       {.drop = OneHotDrop::first, .handle_unknown = U::infrequent_if_exist, .min_frequency = 0.2},
       "C_test",
       true},
      {"onehot_max_categories", {.handle_unknown = U::ignore, .max_categories = 3}, "C_test", true},
      {"onehot_max_one", {.handle_unknown = U::infrequent_if_exist, .max_categories = 1}, "C_test", true},
  };
  const ScopedWarningHandler quiet([](const Warning&) {});
  for (const Case& c : cases) {
    BOOST_TEST_INFO(c.name);
    OneHotEncoder encoder(c.params);
    encoder.fit(load_matrix("C"));
    const Matrix Z = encoder.transform(load_matrix(c.X_apply));
    BOOST_TEST(same(Z, load_matrix(c.name + "_transform")));
    BOOST_TEST(same(encoder.inverse_transform(Z), load_matrix(c.name + "_inverse")));
    check_categories(encoder.categories(), c.name + "_categories");
    const Vector drop_idx = load_vector(c.name + "_drop_idx");
    BOOST_TEST(encoder.drop_idx().size() == static_cast<std::size_t>(drop_idx.size()));
    for (std::size_t j = 0; j < encoder.drop_idx().size(); ++j)
      BOOST_TEST(static_cast<double>(encoder.drop_idx()[j]) == drop_idx(static_cast<Index>(j)));
    if (c.infrequent) check_categories(encoder.infrequent_categories(), c.name + "_infrequent");
    BOOST_TEST((encoder.get_feature_names_out() == load_lines(c.name + "_names")));
    BOOST_TEST(encoder.n_features_out() == Z.cols());
  }
}

BOOST_AUTO_TEST_CASE(feature_names_use_the_given_input_names) {
  OneHotEncoder encoder({.min_frequency = 10});
  encoder.fit(load_matrix("C"));
  BOOST_TEST((encoder.get_feature_names_out({"a", "b", "c", "d"}) == load_lines("onehot_names_given")));
  BOOST_CHECK_THROW((void)encoder.get_feature_names_out({"a", "b"}), ValueError);
}

BOOST_AUTO_TEST_CASE(unknown_category_with_error_names_it_and_its_column) {
  OneHotEncoder encoder;
  encoder.fit(load_matrix("C"));
  const Matrix C_test = load_matrix("C_test");
  const std::string message =
      testing::message_of<ValueError>([&] { (void)encoder.transform(C_test.middleRows(3, 1)); });
  BOOST_TEST(message == "Found unknown categories [4.0] in column 0 during transform");
  const std::string second = testing::message_of<ValueError>([&] { (void)encoder.transform(C_test.middleRows(4, 1)); });
  BOOST_TEST(second == "Found unknown categories [7.0] in column 1 during transform");
}

BOOST_AUTO_TEST_CASE(unknown_categories_warn_when_dropped_or_asked) {
  int warnings = 0;
  const ScopedWarningHandler count([&](const Warning& w) {
    ++warnings;
    BOOST_TEST(w.message.find("columns [0, 1, 3]") != std::string::npos);
  });
  (void)OneHotEncoder({.drop = OneHotDrop::first, .handle_unknown = OneHotHandleUnknown::ignore})
      .fit(load_matrix("C"))
      .transform(load_matrix("C_test"));
  BOOST_TEST(warnings == 1);
  (void)OneHotEncoder({.handle_unknown = OneHotHandleUnknown::ignore})
      .fit(load_matrix("C"))
      .transform(load_matrix("C_test"));
  BOOST_TEST(warnings == 1);  // no drop: no warning, as scikit-learn
  (void)OneHotEncoder({.handle_unknown = OneHotHandleUnknown::warn, .min_frequency = 10})
      .fit(load_matrix("C"))
      .transform(load_matrix("C_test"));
  BOOST_TEST(warnings == 2);
}

BOOST_AUTO_TEST_CASE(bad_parameters_and_shapes_are_rejected) {
  const Matrix C = load_matrix("C");
  for (const double f : {0.0, -1.0, 1.5, 2.5})
    BOOST_CHECK_THROW((void)OneHotEncoder({.min_frequency = f}).fit(C), ValueError);
  BOOST_CHECK_THROW((void)OneHotEncoder({.max_categories = 0}).fit(C), ValueError);
  BOOST_CHECK_THROW((void)OneHotEncoder().set_params({{"handle_unknown", std::string("skip")}}), ValueError);
  BOOST_CHECK_THROW((void)OneHotEncoder().set_params({{"drop", std::string("last")}}), ValueError);
  OneHotEncoder encoder;
  encoder.set_params({{"drop", std::string("first")}, {"min_frequency", std::int64_t{5}}});
  BOOST_TEST((encoder.params().drop == OneHotDrop::first));
  BOOST_TEST(*encoder.params().min_frequency == 5.0);
  encoder.set_params({{"drop", std::monostate{}}});
  BOOST_TEST(!encoder.params().drop.has_value());
  encoder.fit(C);
  const std::string message = testing::message_of<ValueError>([&] { (void)encoder.transform(Matrix::Ones(2, 3)); });
  BOOST_TEST(message == "X has 3 features, but OneHotEncoder is expecting 4 features as input");
  BOOST_CHECK_THROW((void)encoder.inverse_transform(Matrix::Zero(2, 3)), ValueError);
  // An all-zero block cannot be inverted without drop or ignore.
  Matrix Z = encoder.transform(C.topRows(2));
  Z.row(1).setZero();
  const std::string zeros = testing::message_of<ValueError>([&] { (void)encoder.inverse_transform(Z); });
  BOOST_TEST(zeros.find("all zeros") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

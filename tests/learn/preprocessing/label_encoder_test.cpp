// LabelEncoder against scikit-learn 1.9.1 (tests/reference/learn_preprocessing.py).
#include <boost/test/unit_test.hpp>
#include <scilearn/learn.hpp>

#include "learn/preprocessing/preprocessing_testing.hpp"
#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(label_encoder)

using namespace scilearn;
using namespace scilearn::learn;
using namespace scilearn::testing::preprocessing;

BOOST_AUTO_TEST_CASE(numeric_labels_match_scikit_learn) {
  LabelEncoder encoder;
  encoder.fit(load_vector("y"));
  BOOST_TEST(same(encoder.classes(), load_matrix("label_encoder_classes")));
  const Vector codes = encoder.transform(load_vector("y_test"));
  BOOST_TEST(same(codes, load_matrix("label_encoder_transform")));
  BOOST_TEST(same(encoder.inverse_transform(codes), load_matrix("y_test")));
  BOOST_TEST(!encoder.fitted_on_strings());
}

BOOST_AUTO_TEST_CASE(string_labels_match_scikit_learn) {
  LabelEncoder encoder;
  const Vector codes = encoder.fit_transform(load_lines("words"));
  BOOST_TEST((encoder.string_classes() == load_lines("label_encoder_string_classes")));
  BOOST_TEST(same(encoder.transform(std::vector<std::string>{"paris", "Zurich", "tokyo"}),
                  load_matrix("label_encoder_string_transform")));
  BOOST_TEST((encoder.inverse_transform_strings(codes) == load_lines("words")));
}

BOOST_AUTO_TEST_CASE(unseen_labels_and_misuse_are_errors) {
  LabelEncoder encoder;
  BOOST_CHECK_THROW((void)encoder.transform(Vector::Ones(2)), NotFittedError);
  encoder.fit(load_vector("y"));
  const std::string message =
      testing::message_of<ValueError>([&] { (void)encoder.transform((Vector(3) << 3, 5, 5).finished()); });
  BOOST_TEST(message == "y contains previously unseen labels: [5.0]");
  BOOST_CHECK_THROW((void)encoder.inverse_transform((Vector(1) << 4).finished()), ValueError);
  BOOST_CHECK_THROW((void)encoder.transform(std::vector<std::string>{"a"}), ValueError);
  BOOST_CHECK_THROW((void)encoder.string_classes(), ValueError);
  BOOST_CHECK_THROW((void)encoder.fit(Vector()), ValueError);
  encoder.fit(std::vector<std::string>{"b", "a"});
  const std::string words = testing::message_of<ValueError>([&] {
    (void)encoder.transform(std::vector<std::string>{"c", "a", "c"});
  });
  BOOST_TEST(words == "y contains previously unseen labels: ['c']");
}

BOOST_AUTO_TEST_SUITE_END()

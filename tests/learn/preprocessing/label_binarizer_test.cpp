// LabelBinarizer against scikit-learn 1.9.1 (tests/reference/learn_preprocessing.py).
// Indicator values and labels compare exactly.
#include <boost/test/unit_test.hpp>
#include <scilearn/learn.hpp>

#include "learn/preprocessing/preprocessing_testing.hpp"
#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(label_binarizer)

using namespace scilearn;
using namespace scilearn::learn;
using namespace scilearn::testing::preprocessing;

BOOST_AUTO_TEST_CASE(matches_scikit_learn) {
  struct Case {
    std::string name, y;
    LabelBinarizer::Params params;
  };
  for (const Case& c : {Case{"binary", "y_binary", {}}, Case{"multiclass", "y", {}},
                        Case{"multiclass_labels", "y", {.neg_label = -1, .pos_label = 2}},
                        Case{"binary_labels", "y_binary", {.neg_label = -2, .pos_label = 0}}}) {
    BOOST_TEST_INFO(c.name);
    LabelBinarizer binarizer(c.params);
    const Vector y = load_vector(c.y);
    const Matrix Y = binarizer.fit_transform(y);
    BOOST_TEST(same(binarizer.classes(), load_matrix("label_binarizer_" + c.name + "_classes")));
    BOOST_TEST(same(Y, load_matrix("label_binarizer_" + c.name + "_transform")));
    BOOST_TEST(same(binarizer.inverse_transform(Y), load_matrix("label_binarizer_" + c.name + "_inverse")));
  }
}

BOOST_AUTO_TEST_CASE(unseen_labels_and_wider_targets_as_scikit_learn) {
  LabelBinarizer multiclass;
  multiclass.fit(load_vector("y"));
  BOOST_TEST(same(multiclass.transform((Vector(2) << 3, 5).finished()), load_matrix("label_binarizer_unseen")));
  LabelBinarizer binary;
  binary.fit(load_vector("y_binary"));
  BOOST_TEST(binary.y_type() == "binary");
  BOOST_TEST(
      same(binary.transform((Vector(3) << 3, 7, 12).finished()), load_matrix("label_binarizer_binary_as_multiclass")));
}

BOOST_AUTO_TEST_CASE(bad_input_is_rejected) {
  BOOST_CHECK_THROW((void)LabelBinarizer({.neg_label = 1, .pos_label = 1}).fit(Vector::Ones(3)), ValueError);
  const std::string message =
      testing::message_of<ValueError>([] { LabelBinarizer().fit((Vector(3) << 1.5, 2.5, 2.5).finished()); });
  BOOST_TEST(message.find("Unknown label type") != std::string::npos);
  BOOST_CHECK_THROW((void)LabelBinarizer().classes(), NotFittedError);
  LabelBinarizer binarizer;
  binarizer.fit(load_vector("y"));
  BOOST_CHECK_THROW((void)binarizer.inverse_transform(Matrix::Zero(2, 3)), ValueError);
}

BOOST_AUTO_TEST_SUITE_END()

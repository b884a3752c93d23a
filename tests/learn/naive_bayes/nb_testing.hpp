#pragma once
// What the naive Bayes suites share: the fixtures of
// tests/reference/learn_naive_bayes.py and the comparisons against them.

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <scilearn/core/io.hpp>
#include <scilearn/learn.hpp>
#include <string>

#include "support/fixtures.hpp"

namespace scilearn::testing::nb {

inline Matrix load(const std::string& name) {
  return io::load_npy<double>(fixture_path("learn/naive_bayes/" + name + ".npy"));
}
inline Vector load_vector(const std::string& name) {
  return io::load_npy_vector<double>(fixture_path("learn/naive_bayes/" + name + ".npy"));
}

struct Data {
  Matrix X;
  Vector y, w;
  Matrix X_test;  // the rows the reference predicted
};

// The data of a case (cases.csv's third column).
inline Data data(const std::string& name) {
  Data d;
  if (name == "digits") {
    const learn::Dataset digits = learn::load_digits();
    d.X = digits.data;
    d.y = digits.target;
    d.X_test = d.X.topRows(60);
    return d;
  }
  const std::string stem = name == "shift" ? "iris" : name;
  d.X = load("X_" + stem);
  d.y = load_vector("y_" + stem);
  d.w = load_vector("w_" + stem);
  if (name == "shift") d.X.array() += 1e5;  // as the script: the same rounding
  d.X_test = d.X;
  return d;
}

// The chunks of the reference's partial_fit: [0, 40), [40, 90), [90, n); the
// classes on the first call, the weights on the second.
template <class Model>
void partial_fit_in_chunks(Model& model, const Data& d) {
  const Index n = d.X.rows();
  const Vector classes = d.y;  // the distinct labels are taken from it
  model.partial_fit(d.X.topRows(40), d.y.head(40), classes);
  model.partial_fit(d.X.middleRows(40, 50), d.y.segment(40, 50), Vector(), d.w.segment(40, 50));
  model.partial_fit(d.X.bottomRows(n - 90), d.y.tail(n - 90));
}

// Entrywise |a - b| <= rtol |b| + atol, atol = 1e-14 max |b| (the rounding of
// sums whose terms cancel to a small entry); infinite entries must be equal.
inline void check_close(const std::string& what, const Eigen::Ref<const Matrix>& a, const Eigen::Ref<const Matrix>& b,
                        double rtol) {
  BOOST_TEST_INFO(what);
  BOOST_REQUIRE(a.rows() == b.rows());
  BOOST_REQUIRE(a.cols() == b.cols());
  const double scale = b.array().isFinite().select(b.array().abs(), 0.0).maxCoeff();
  double worst = 0;
  for (Index j = 0; j < b.cols(); ++j)
    for (Index i = 0; i < b.rows(); ++i) {
      if (!std::isfinite(b(i, j))) {
        BOOST_TEST(a(i, j) == b(i, j));
        continue;
      }
      worst = std::max(worst, std::abs(a(i, j) - b(i, j)) / (rtol * std::abs(b(i, j)) + rtol * 1e-2 * scale + 1e-300));
    }
  BOOST_TEST_MESSAGE(what << ": error / tolerance = " << worst);
  BOOST_TEST_INFO(what << ": error / tolerance = " << worst);
  BOOST_TEST(worst <= 1.0);
}

// Log-probabilities: |a - b| <= tol max(1, |b|): an absolute error of the
// log near 0 (the likely class) is the relative error of the probability.
inline void check_log(const std::string& what, const Eigen::Ref<const Matrix>& a, const Eigen::Ref<const Matrix>& b,
                      double tol) {
  BOOST_TEST_INFO(what);
  BOOST_REQUIRE(a.rows() == b.rows());
  BOOST_REQUIRE(a.cols() == b.cols());
  double worst = 0;
  for (Index j = 0; j < b.cols(); ++j)
    for (Index i = 0; i < b.rows(); ++i) {
      if (!std::isfinite(b(i, j))) {
        BOOST_TEST(a(i, j) == b(i, j));
        continue;
      }
      worst = std::max(worst, std::abs(a(i, j) - b(i, j)) / (tol * std::max(1.0, std::abs(b(i, j)))));
    }
  BOOST_TEST_MESSAGE(what << ": error / tolerance = " << worst);
  BOOST_TEST_INFO(what << ": error / tolerance = " << worst);
  BOOST_TEST(worst <= 1.0);
}

// The prediction family against the reference's.
template <class Model>
void check_predictions(const std::string& name, const Model& model, const Matrix& X_test, double tol) {
  check_log(name + " jll", model.predict_joint_log_proba(X_test), load(name + "_jll"), tol);
  check_log(name + " log_proba", model.predict_log_proba(X_test), load(name + "_log_proba"), tol);
  // exp of a log-probability within tol (absolute, near 0) is within tol relative.
  check_close(name + " proba", model.predict_proba(X_test), load(name + "_proba"), 2 * tol);
  const Vector predicted = model.predict(X_test);
  const Vector expected = load_vector(name + "_predict");
  BOOST_TEST_INFO(name);
  BOOST_TEST((predicted == expected));
}

}  // namespace scilearn::testing::nb

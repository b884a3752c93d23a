// The estimator contract, checked on every estimator of conformance_cases()
// (QUALITY.md, "The estimator contract": scikit-learn's common checks).
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/learn.hpp>

#include "learn/conformance_cases.hpp"
#include "support/expect.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(conformance)

using namespace scilearn;
using namespace scilearn::learn;
using testing::conformance_cases;

namespace {

struct Data {
  Matrix X;
  Vector y;
  Vector labels;  // y cut into three classes -1, 3, 7 (what classifiers fit)
};

// Regression data every estimator of the list can fit: 40 samples, 4 features.
Data regression_data(std::uint64_t seed) {
  Generator rng(seed);
  Data d{rng.standard_normal(40, 4), Vector(), Vector()};
  d.X.col(1) = d.X.col(1) * 10.0 + Vector::Constant(40, 3.0);
  d.y = d.X * Vector::LinSpaced(4, 0.5, 2.0) + 0.1 * rng.standard_normal(40);
  d.labels = d.y.unaryExpr([](double v) { return v < 0 ? -1.0 : (v < 6 ? 3.0 : 7.0); });
  return d;
}

// The targets an estimator fits: class labels for a classifier, y otherwise.
const Vector& target(const Data& d, const Estimator& e) { return is_classifier(e) ? d.labels : d.y; }

// What the fitted estimator outputs: probabilities (which vary continuously
// with the model, unlike labels), predictions or the transformed X.
Matrix output_of(const Estimator& e, const Matrix& X) {
  if (e.has(Method::predict_proba)) return e.predict_proba(X);
  if (e.has(Method::predict)) return e.predict(X);
  // Estimators of kind other with neither (the covariance estimators): their
  // score, the log-likelihood of X.
  if (e.kind() == EstimatorKind::other && !e.has(Method::transform) && e.has(Method::score))
    return Matrix::Constant(1, 1, e.score(X, Vector()));
  return e.transform(X);
}

std::string label(const Estimator& e) { return to_string(ParamValue(e.clone())); }

}  // namespace

BOOST_AUTO_TEST_CASE(clone_is_unfitted_with_equal_params) {
  const Data d = regression_data(1);
  for (const auto& c : conformance_cases()) {
    auto e = c.make();
    e->fit(d.X, target(d, *e));
    const auto copy = e->clone();
    BOOST_TEST_INFO(label(*e));
    BOOST_TEST(!copy->is_fitted());
    BOOST_TEST(params_equal(copy->get_params(), e->get_params()));
    BOOST_TEST(copy->name() == e->name());
  }
}

BOOST_AUTO_TEST_CASE(set_params_of_get_params_round_trips) {
  for (const auto& c : conformance_cases()) {
    auto e = c.make();
    const ParamMap shallow = e->get_params(false);
    e->set_params(shallow);
    BOOST_TEST_INFO(label(*e));
    BOOST_TEST(params_equal(e->get_params(false), shallow));
    BOOST_CHECK_THROW((void)e->set_params({{"no_such_parameter", 1.0}}), ValueError);
  }
}

BOOST_AUTO_TEST_CASE(fit_returns_the_estimator_and_keeps_params) {
  const Data d = regression_data(2);
  for (const auto& c : conformance_cases()) {
    auto e = c.make();
    const ParamMap before = e->get_params();
    Estimator& returned = e->fit(d.X, target(d, *e));
    BOOST_TEST_INFO(label(*e));
    BOOST_TEST(&returned == e.get());
    BOOST_TEST(e->is_fitted());
    BOOST_TEST(e->n_features_in() == d.X.cols());
    BOOST_TEST(params_equal(e->get_params(), before));
  }
}

BOOST_AUTO_TEST_CASE(fitting_twice_gives_the_same_model) {
  const Data d = regression_data(3);
  for (const auto& c : conformance_cases()) {
    auto e = c.make();
    const Matrix first = output_of(e->fit(d.X, target(d, *e)), d.X);
    const Matrix second = output_of(e->fit(d.X, target(d, *e)), d.X);
    BOOST_TEST_INFO(label(*e));
    BOOST_TEST((first == second));
  }
}

BOOST_AUTO_TEST_CASE(use_before_fit_throws_not_fitted) {
  const Data d = regression_data(4);
  for (const auto& c : conformance_cases()) {
    auto e = c.make();
    BOOST_TEST_INFO(label(*e));
    BOOST_CHECK_THROW((void)output_of(*e, d.X), NotFittedError);
    BOOST_CHECK_THROW((void)e->n_features_in(), NotFittedError);
  }
}

BOOST_AUTO_TEST_CASE(wrong_feature_count_names_both_counts) {
  const Data d = regression_data(5);
  for (const auto& c : conformance_cases()) {
    auto e = c.make();
    e->fit(d.X, target(d, *e));
    const std::string message = testing::message_of<ValueError>([&] { (void)output_of(*e, Matrix::Ones(3, 5)); });
    BOOST_TEST_INFO(label(*e) << ": " << message);
    BOOST_TEST(message.find("X has 5 features") != std::string::npos);
    BOOST_TEST(message.find("expecting 4 features") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(empty_and_infinite_input_is_rejected) {
  const Data d = regression_data(6);
  for (const auto& c : conformance_cases()) {
    auto e = c.make();
    BOOST_TEST_INFO(label(*e));
    BOOST_CHECK_THROW((void)e->fit(Matrix(0, 4), Vector(0)), ValueError);
    BOOST_CHECK_THROW((void)e->fit(Matrix(40, 0), d.y), ValueError);
    Matrix bad = d.X;
    bad(3, 2) = std::numeric_limits<double>::infinity();
    BOOST_CHECK_THROW((void)e->fit(bad, d.y), ValueError);
    BOOST_CHECK_THROW((void)e->fit(d.X, d.y.head(39)), ValueError);
    BOOST_TEST(!e->is_fitted());
  }
}

BOOST_AUTO_TEST_CASE(one_sample_or_one_feature_gives_an_error_or_a_finite_result) {
  const Data d = regression_data(7);
  for (const auto& c : conformance_cases()) {
    for (const Matrix& X : {Matrix(d.X.topRows(1)), Matrix(d.X.leftCols(1))}) {
      auto e = c.make();
      const Vector y = target(d, *e).head(X.rows());
      BOOST_TEST_INFO(label(*e) << " on " << X.rows() << "x" << X.cols());
      try {
        e->fit(X, y);
      } catch (const ValueError&) {
        continue;
      }
      // A covariance fitted on one sample is 0, its log-likelihood -inf (as
      // scikit-learn's): kind other must give no NaN.
      if (e->kind() == EstimatorKind::other)
        BOOST_TEST(!output_of(*e, X).hasNaN());
      else
        BOOST_TEST(output_of(*e, X).allFinite());
    }
  }
}

BOOST_AUTO_TEST_CASE(inputs_are_not_modified) {
  const Data d = regression_data(8);
  const Vector w = Vector::LinSpaced(40, 0.5, 2.0);
  for (const auto& c : conformance_cases()) {
    Matrix X = d.X;
    auto e = c.make();
    const Vector& original = target(d, *e);
    Vector y = original, weights = w;
    if (c.sample_weight)
      e->fit(X, y, weights);
    else
      e->fit(X, y);
    (void)output_of(*e, X);
    BOOST_TEST_INFO(label(*e));
    BOOST_TEST((X == d.X));
    BOOST_TEST((y == original));
    BOOST_TEST((weights == w));
  }
}

BOOST_AUTO_TEST_CASE(sample_order_does_not_matter) {
  const Data d = regression_data(9);
  Generator rng(9);
  std::vector<Index> order(40);
  for (Index i = 0; i < 40; ++i) order[static_cast<std::size_t>(i)] = i;
  rng.shuffle(order.begin(), order.end());
  const Matrix X_shuffled = d.X(order, Eigen::all);
  for (const auto& c : conformance_cases()) {
    if (!c.order_invariant) continue;
    auto a = c.make(), b = c.make();
    a->fit(d.X, target(d, *a));
    b->fit(X_shuffled, target(d, *b)(order));
    const Matrix out_a = output_of(*a, d.X), out_b = output_of(*b, d.X);
    BOOST_TEST_INFO(label(*a));
    // Sums in another order: agreement to a few hundred rounding errors of the output's scale.
    BOOST_TEST((out_a - out_b).cwiseAbs().maxCoeff() <= 1e-12 * (1 + out_a.cwiseAbs().maxCoeff()));
  }
}

BOOST_AUTO_TEST_CASE(integer_sample_weight_equals_repeated_samples) {
  const Data d = regression_data(10);
  Vector w(40);
  std::vector<Index> repeated;
  for (Index i = 0; i < 40; ++i) {
    w(i) = static_cast<double>(i % 3);  // 0, 1 or 2 copies
    for (Index k = 0; k < i % 3; ++k) repeated.push_back(i);
  }
  const Matrix X_repeated = d.X(repeated, Eigen::all);
  for (const auto& c : conformance_cases()) {
    if (!c.sample_weight) continue;
    auto weighted = c.make(), copies = c.make();
    weighted->fit(d.X, target(d, *weighted), w);
    copies->fit(X_repeated, target(d, *copies)(repeated));
    const Matrix a = output_of(*weighted, d.X), b = output_of(*copies, d.X);
    BOOST_TEST_INFO(label(*weighted));
    BOOST_TEST((a - b).cwiseAbs().maxCoeff() <= 1e-10 * (1 + a.cwiseAbs().maxCoeff()));
  }
}

BOOST_AUTO_TEST_CASE(save_then_load_gives_identical_outputs) {
  const Data d = regression_data(11);
  const auto path = testing::scratch_dir("learn_conformance") / "model.scl";
  for (const auto& c : conformance_cases()) {
    auto e = c.make();
    e->fit(d.X, target(d, *e));
    // Estimators holding user functions (FunctionTransformer,
    // TransformedTargetRegressor with func) refuse to be saved, clearly.
    try {
      save(*e, path);
    } catch (const ValueError& error) {
      BOOST_TEST(std::string(error.what()).find("cannot be saved") != std::string::npos);
      continue;
    }
    const auto loaded = load(path);
    BOOST_TEST_INFO(label(*e));
    BOOST_TEST(loaded->name() == e->name());
    BOOST_TEST(params_equal(loaded->get_params(), e->get_params()));
    BOOST_TEST((output_of(*loaded, d.X) == output_of(*e, d.X)));
  }
}

// Classifiers: classes() holds the labels of y (any integers), sorted;
// predict returns some of them; predict_proba has one column per class and
// rows that sum to 1; predict_log_proba is its logarithm.
BOOST_AUTO_TEST_CASE(classifiers_keep_their_labels_and_give_probabilities) {
  const Data d = regression_data(11);
  for (const auto& c : conformance_cases()) {
    auto e = c.make();
    if (!is_classifier(*e)) continue;
    e->fit(d.X, d.labels);
    BOOST_TEST_INFO(label(*e));
    BOOST_TEST((e->classes() == (Vector(3) << -1.0, 3.0, 7.0).finished()));
    for (const double v : e->predict(d.X)) BOOST_TEST((v == -1.0 || v == 3.0 || v == 7.0));
    if (!e->has(Method::predict_proba)) continue;
    const Matrix proba = e->predict_proba(d.X);
    BOOST_TEST(proba.cols() == 3);
    BOOST_TEST((proba.array() >= 0).all());
    // A sum of 3 rounded terms.
    BOOST_TEST((proba.rowwise().sum().array() - 1).abs().maxCoeff() <= 1e-15);
    // The log-probabilities subtract a log-sum-exp of up to a few tens, whose
    // rounding (some tens of eps) exp passes on.
    if (e->has(Method::predict_log_proba))
      BOOST_TEST((e->predict_log_proba(d.X).array().exp() - proba.array()).abs().maxCoeff() <= 1e-13);
  }
}

BOOST_AUTO_TEST_SUITE_END()

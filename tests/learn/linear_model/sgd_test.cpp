// SGDClassifier, SGDRegressor, Perceptron and the passive-aggressive
// estimators against scikit-learn 1.9 (tests/reference/learn_sgd.py): with
// shuffle = false both sides take the same steps in the same order, so the
// coefficients agree to rounding; with shuffle, the scores and epoch counts
// against scikit-learn's range over seeds, and the long-run iterate against
// the exact optimum of the penalized log loss.
#include <boost/test/unit_test.hpp>
#include <functional>
#include <limits>
#include <scilearn/core/io.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/learn.hpp>

#include "support/expect.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(linear_model_sgd)

using namespace scilearn;
using namespace scilearn::learn;

namespace {

Matrix load(const std::string& name) {
  return io::load_npy<double>(testing::fixture_path("learn/sgd/" + name + ".npy"));
}
Vector load_vector(const std::string& name) {
  return io::load_npy_vector<double>(testing::fixture_path("learn/sgd/" + name + ".npy"));
}

// Each step rounds a dot product and an axpy of 4 terms differently from
// scikit-learn's sequential loops (vectorized here), some ulps per step; over
// a few hundred to a few thousand contracting steps the coefficients stay
// within 1e-10 of their scale.
constexpr double kRtol = 1e-10;

void check_close(const std::string& what, const Eigen::Ref<const Matrix>& a, const Eigen::Ref<const Matrix>& b,
                 double rtol = kRtol) {
  BOOST_TEST_INFO(what);
  BOOST_TEST_REQUIRE(a.rows() == b.rows());
  BOOST_TEST_REQUIRE(a.cols() == b.cols());
  const double scale = std::max(1.0, b.cwiseAbs().maxCoeff());
  BOOST_TEST((a - b).cwiseAbs().maxCoeff() <= rtol * scale);
}

enum class Mode { fit, weighted, partial, partial_weighted, warm };

struct Case {
  std::string name;
  std::function<EstimatorPtr()> make;
  std::string target;  // y2, y3 or yr
  Mode mode = Mode::fit;
  double rtol = kRtol;
  // false where scikit-learn's intercept_ is not the model's (see the case).
  bool check_intercept = true;
};

template <class E, class P>
std::function<EstimatorPtr()> maker(P params) {
  return [params] { return std::make_shared<E>(params); };
}

using SC = SGDClassifier::Params;
using SR = SGDRegressor::Params;

// The hyper-parameters of tests/reference/learn_sgd.py's cases.
std::vector<Case> cases() {
  const std::optional<double> none;
  return {
      {"hinge_optimal", maker<SGDClassifier>(SC{.max_iter = 5, .tol = none, .shuffle = false}), "y2"},
      {"hinge_optimal_3", maker<SGDClassifier>(SC{.max_iter = 5, .tol = none, .shuffle = false}), "y3"},
      {"log_constant",
       maker<SGDClassifier>(SC{.loss = SGDLoss::log_loss,
                               .max_iter = 10,
                               .tol = none,
                               .shuffle = false,
                               .learning_rate = SGDLearningRate::constant,
                               .eta0 = 0.05}),
       "y2"},
      {"log_constant_3",
       maker<SGDClassifier>(SC{.loss = SGDLoss::log_loss,
                               .max_iter = 10,
                               .tol = none,
                               .shuffle = false,
                               .learning_rate = SGDLearningRate::constant,
                               .eta0 = 0.05}),
       "y3"},
      {"mhuber_elasticnet_invscaling",
       maker<SGDClassifier>(SC{.loss = SGDLoss::modified_huber,
                               .penalty = SGDPenalty::elasticnet,
                               .alpha = 0.01,
                               .l1_ratio = 0.3,
                               .max_iter = 7,
                               .tol = none,
                               .shuffle = false,
                               .learning_rate = SGDLearningRate::invscaling,
                               .eta0 = 0.1}),
       "y3"},
      {"sqhinge_l1_optimal",
       maker<SGDClassifier>(SC{.loss = SGDLoss::squared_hinge,
                               .penalty = SGDPenalty::l1,
                               .alpha = 1e-3,
                               .max_iter = 5,
                               .tol = none,
                               .shuffle = false}),
       "y2"},
      {"perceptron_loss",
       maker<SGDClassifier>(SC{.loss = SGDLoss::perceptron,
                               .penalty = std::nullopt,
                               .max_iter = 4,
                               .tol = none,
                               .shuffle = false,
                               .learning_rate = SGDLearningRate::constant,
                               .eta0 = 1.0}),
       "y3"},
      {"hinge_tol", maker<SGDClassifier>(SC{.shuffle = false}), "y2"},
      {"log_adaptive_tol",
       maker<SGDClassifier>(SC{.loss = SGDLoss::log_loss,
                               .tol = 1e-4,
                               .shuffle = false,
                               .learning_rate = SGDLearningRate::adaptive,
                               .eta0 = 0.5,
                               .n_iter_no_change = 3}),
       "y3"},
      {"log_average",
       maker<SGDClassifier>(SC{.loss = SGDLoss::log_loss,
                               .max_iter = 6,
                               .tol = none,
                               .shuffle = false,
                               .learning_rate = SGDLearningRate::constant,
                               .eta0 = 0.1,
                               .average = 1}),
       "y2"},
      {"hinge_average10_3", maker<SGDClassifier>(SC{.max_iter = 3, .tol = none, .shuffle = false, .average = 10}),
       "y3"},
      {"hinge_weighted_balanced_3",
       maker<SGDClassifier>(
           SC{.alpha = 1e-3, .max_iter = 5, .tol = none, .shuffle = false, .class_weight = "balanced"}),
       "y3", Mode::weighted},
      {"log_dict_weight",
       maker<SGDClassifier>(SC{.loss = SGDLoss::log_loss,
                               .max_iter = 5,
                               .tol = none,
                               .shuffle = false,
                               .learning_rate = SGDLearningRate::invscaling,
                               .eta0 = 0.2,
                               .class_weight_labels = {2, 5},
                               .class_weight_values = {0.5, 3.0}}),
       "y2", Mode::weighted},
      {"hinge_no_intercept",
       maker<SGDClassifier>(SC{.fit_intercept = false, .max_iter = 5, .tol = none, .shuffle = false}), "y2"},
      {"sqerror_classifier",
       maker<SGDClassifier>(SC{.loss = SGDLoss::squared_error,
                               .max_iter = 5,
                               .tol = none,
                               .shuffle = false,
                               .learning_rate = SGDLearningRate::constant,
                               .eta0 = 0.01}),
       "y3"},
      // The optimal schedule's first steps (eta near 1 / (alpha t0), with
      // Huber's linear tails) take the weights to ~1e3 before the decay brings
      // them to ~5: the rounding of those steps, 1e-16 of 1e3, is 1e-9 of the
      // result (with scikit-learn's sequential dot products the two agree to
      // the last bit).
      {"huber_classifier",
       maker<SGDClassifier>(SC{.loss = SGDLoss::huber, .max_iter = 5, .tol = none, .shuffle = false, .epsilon = 0.3}),
       "y2", Mode::fit, 1e-8},
      {"pa1_classifier",
       maker<SGDClassifier>(SC{.penalty = std::nullopt,
                               .max_iter = 4,
                               .tol = none,
                               .shuffle = false,
                               .learning_rate = SGDLearningRate::pa1,
                               .eta0 = 0.5}),
       "y3"},
      {"perceptron", maker<Perceptron>(Perceptron::Params{.shuffle = false}), "y3"},
      {"perceptron_l2",
       maker<Perceptron>(
           Perceptron::Params{.penalty = SGDPenalty::l2, .alpha = 1e-3, .max_iter = 5, .tol = none, .shuffle = false}),
       "y2", Mode::weighted},
      {"pa_hinge",
       maker<PassiveAggressiveClassifier>(
           PassiveAggressiveClassifier::Params{.C = 0.5, .max_iter = 5, .tol = none, .shuffle = false}),
       "y2"},
      {"pa_squared_hinge_3",
       maker<PassiveAggressiveClassifier>(PassiveAggressiveClassifier::Params{
           .C = 0.2, .shuffle = false, .loss = PassiveAggressiveClassifierLoss::squared_hinge}),
       "y3"},
      {"reg_default", maker<SGDRegressor>(SR{.shuffle = false}), "yr"},
      {"reg_invscaling", maker<SGDRegressor>(SR{.max_iter = 10, .tol = none, .shuffle = false}), "yr"},
      {"reg_huber_constant",
       maker<SGDRegressor>(SR{.loss = SGDLoss::huber,
                              .max_iter = 8,
                              .tol = none,
                              .shuffle = false,
                              .epsilon = 0.5,
                              .learning_rate = SGDLearningRate::constant,
                              .eta0 = 0.02}),
       "yr", Mode::weighted},
      {"reg_epsins_elasticnet_optimal",
       maker<SGDRegressor>(SR{.loss = SGDLoss::epsilon_insensitive,
                              .penalty = SGDPenalty::elasticnet,
                              .alpha = 1e-2,
                              .l1_ratio = 0.5,
                              .max_iter = 6,
                              .tol = none,
                              .shuffle = false,
                              .learning_rate = SGDLearningRate::optimal}),
       "yr"},
      {"reg_sqepsins_l1_adaptive",
       maker<SGDRegressor>(SR{.loss = SGDLoss::squared_epsilon_insensitive,
                              .penalty = SGDPenalty::l1,
                              .alpha = 1e-3,
                              .tol = 1e-4,
                              .shuffle = false,
                              .learning_rate = SGDLearningRate::adaptive,
                              .eta0 = 0.05}),
       "yr"},
      {"reg_average",
       maker<SGDRegressor>(SR{.max_iter = 10, .tol = none, .shuffle = false, .eta0 = 0.05, .average = 1}), "yr"},
      {"reg_average20_none",
       maker<SGDRegressor>(SR{.penalty = std::nullopt,
                              .max_iter = 3,
                              .tol = none,
                              .shuffle = false,
                              .learning_rate = SGDLearningRate::constant,
                              .eta0 = 0.01,
                              .average = 20}),
       "yr", Mode::weighted},
      {"pa_reg",
       maker<PassiveAggressiveRegressor>(
           PassiveAggressiveRegressor::Params{.C = 0.1, .max_iter = 5, .tol = none, .shuffle = false}),
       "yr"},
      {"pa_reg_squared",
       maker<PassiveAggressiveRegressor>(
           PassiveAggressiveRegressor::Params{.C = 0.1,
                                              .shuffle = false,
                                              .loss = PassiveAggressiveRegressorLoss::squared_epsilon_insensitive,
                                              .epsilon = 0.05}),
       "yr"},
      {"log_partial_3",
       maker<SGDClassifier>(
           SC{.loss = SGDLoss::log_loss, .shuffle = false, .learning_rate = SGDLearningRate::invscaling, .eta0 = 0.1}),
       "y3", Mode::partial},
      // scikit-learn 1.9's second averaged partial_fit writes the plain
      // intercepts into intercept_ (its intercept_ and average arrays are one
      // object by then); the coefficients are the averaged ones, as ours.
      {"hinge_average_partial", maker<SGDClassifier>(SC{.shuffle = false, .average = 1}), "y3", Mode::partial, kRtol,
       false},
      {"reg_partial", maker<SGDRegressor>(SR{.shuffle = false}), "yr", Mode::partial_weighted},
      {"reg_average_partial", maker<SGDRegressor>(SR{.shuffle = false, .average = 5}), "yr", Mode::partial},
      {"hinge_warm", maker<SGDClassifier>(SC{.max_iter = 3, .tol = none, .shuffle = false, .warm_start = true}), "y3",
       Mode::warm},
      {"reg_warm", maker<SGDRegressor>(SR{.max_iter = 3, .tol = none, .shuffle = false, .warm_start = true}), "yr",
       Mode::warm},
  };
}

struct Result {
  Matrix coef;
  Vector intercept;
  Index n_iter = 0;
  double t = 0;
};

// partial_fit on the rows [0, 30), [30, 70), the classes on the first call.
template <class E>
void partial_fit_classifier(Estimator& e, const Matrix& X, const Vector& y) {
  auto& c = dynamic_cast<E&>(e);
  c.partial_fit(X.topRows(30), y.head(30), y);
  c.partial_fit(X.bottomRows(40), y.tail(40));
}

Result attributes(const Estimator& e) {
  if (const auto* r = dynamic_cast<const SGDRegressor*>(&e))
    return {r->coef().transpose(), Vector::Constant(1, r->intercept()), r->n_iter(), r->t()};
  if (const auto* r = dynamic_cast<const PassiveAggressiveRegressor*>(&e))
    return {r->coef().transpose(), Vector::Constant(1, r->intercept()), r->n_iter(), r->t()};
  if (const auto* c = dynamic_cast<const SGDClassifier*>(&e)) return {c->coef(), c->intercept(), c->n_iter(), c->t()};
  if (const auto* c = dynamic_cast<const Perceptron*>(&e)) return {c->coef(), c->intercept(), c->n_iter(), c->t()};
  const auto& c = dynamic_cast<const PassiveAggressiveClassifier&>(e);
  return {c.coef(), c.intercept(), c.n_iter(), c.t()};
}

}  // namespace

BOOST_AUTO_TEST_CASE(unshuffled_fits_match_scikit_learn) {
  const Matrix X = load("X");
  const Vector w = load_vector("w");
  for (const Case& c : cases()) {
    const Vector y = load_vector(c.target);
    auto e = c.make();
    switch (c.mode) {
      case Mode::fit: e->fit(X, y); break;
      case Mode::weighted: e->fit(X, y, w); break;
      case Mode::warm:
        e->fit(X, y);
        e->fit(X, y);
        break;
      case Mode::partial:
      case Mode::partial_weighted:
        if (auto* r = dynamic_cast<SGDRegressor*>(e.get())) {
          const bool weighted = c.mode == Mode::partial_weighted;
          r->partial_fit(X.topRows(30), y.head(30), weighted ? Vector(w.head(30)) : Vector());
          r->partial_fit(X.bottomRows(40), y.tail(40), weighted ? Vector(w.tail(40)) : Vector());
        } else {
          partial_fit_classifier<SGDClassifier>(*e, X, y);
        }
        break;
    }
    BOOST_TEST_CONTEXT(c.name) {
      const Result got = attributes(*e);
      const Vector info = load_vector(c.name + "_info");
      BOOST_TEST(static_cast<double>(got.n_iter) == info(0));
      BOOST_TEST(got.t == info(1));
      check_close(c.name + " coef", got.coef, load(c.name + "_coef"), c.rtol);
      if (c.check_intercept) {
        check_close(c.name + " intercept", got.intercept, load_vector(c.name + "_intercept"), c.rtol);
        if (c.target == "yr") {
          check_close(c.name + " predict", e->predict(X), load_vector(c.name + "_decision"), c.rtol);
        } else {
          check_close(c.name + " decision", e->decision_function(X), load(c.name + "_decision"), c.rtol);
          if (e->has(Method::predict_proba))
            check_close(c.name + " proba", e->predict_proba(X), load(c.name + "_proba"), c.rtol);
        }
      }
    }
  }
}

// scipy.sparse input: the steps touch the stored entries only, and the
// intercept moves at 0.01 of the rate, as scikit-learn's sparse path.
BOOST_AUTO_TEST_CASE(sparse_fits_match_scikit_learn) {
  const Matrix Xs = load("Xs");
  const CsrMatrix X = Xs.sparseView();
  const Vector w = load_vector("w");
  const std::optional<double> none;
  struct SparseCase {
    std::string name;
    std::function<void(const Vector&)> fit;
    std::function<Result()> attributes;
    std::function<Matrix()> decision;
    std::string target;
  };
  SGDClassifier hinge({.max_iter = 5, .tol = none, .shuffle = false});
  SGDClassifier log3({.loss = SGDLoss::log_loss,
                      .penalty = SGDPenalty::elasticnet,
                      .alpha = 1e-3,
                      .max_iter = 6,
                      .tol = none,
                      .shuffle = false,
                      .learning_rate = SGDLearningRate::constant,
                      .eta0 = 0.05,
                      .average = 1});
  SGDClassifier mhuber({.loss = SGDLoss::modified_huber, .penalty = SGDPenalty::l1, .alpha = 1e-3, .shuffle = false});
  SGDRegressor reg_l1({.penalty = SGDPenalty::l1, .alpha = 1e-3, .max_iter = 8, .tol = none, .shuffle = false});
  SGDRegressor reg_tol({.shuffle = false});
  Perceptron perceptron({.max_iter = 5, .tol = none, .shuffle = false});
  PassiveAggressiveClassifier pa({.max_iter = 5, .tol = none, .shuffle = false});
  PassiveAggressiveRegressor pa_reg({.max_iter = 5, .tol = none, .shuffle = false});
  const auto classifier = [&](SGDClassifier& c, bool weighted) -> std::function<void(const Vector&)> {
    return [&c, &X, &w, weighted](const Vector& y) { c.fit(X, y, weighted ? w : Vector()); };
  };
  const auto regressor = [&](SGDRegressor& r, bool weighted) -> std::function<void(const Vector&)> {
    return [&r, &X, &w, weighted](const Vector& y) { r.fit(X, y, weighted ? w : Vector()); };
  };
  const auto of = [](const auto& e) {
    return [&e] { return Result{Matrix(e.coef()), Vector(e.intercept()), e.n_iter(), e.t()}; };
  };
  const auto of_reg = [](const SGDRegressor& e) {
    return [&e] { return Result{e.coef().transpose(), Vector::Constant(1, e.intercept()), e.n_iter(), e.t()}; };
  };
  const std::vector<SparseCase> cases = {
      {"sparse_hinge", classifier(hinge, false), of(hinge), [&] { return hinge.decision_function(X); }, "y2"},
      {"sparse_log_elasticnet_average_3", classifier(log3, true), of(log3), [&] { return log3.decision_function(X); },
       "y3"},
      {"sparse_mhuber_tol", classifier(mhuber, false), of(mhuber), [&] { return mhuber.decision_function(X); }, "y2"},
      {"sparse_reg_l1", regressor(reg_l1, true), of_reg(reg_l1), [&] { return Matrix(reg_l1.predict(X)); }, "yr"},
      {"sparse_reg_tol", regressor(reg_tol, false), of_reg(reg_tol), [&] { return Matrix(reg_tol.predict(X)); }, "yr"},
      {"sparse_perceptron", [&](const Vector& y) { perceptron.fit(X, y, w); }, of(perceptron),
       [&] { return perceptron.decision_function(X); }, "y3"},
      {"sparse_pa_classifier", [&](const Vector& y) { pa.fit(X, y); }, of(pa), [&] { return pa.decision_function(X); },
       "y2"},
      {"sparse_pa_regressor", [&](const Vector& y) { pa_reg.fit(X, y); },
       [&] { return Result{pa_reg.coef().transpose(), Vector::Constant(1, pa_reg.intercept()), pa_reg.n_iter(),
                           pa_reg.t()}; },
       [&] { return Matrix(pa_reg.predict(X)); }, "yr"},
  };
  for (const SparseCase& c : cases) {
    c.fit(load_vector(c.target));
    BOOST_TEST_CONTEXT(c.name) {
      const Result got = c.attributes();
      const Vector info = load_vector(c.name + "_info");
      BOOST_TEST(static_cast<double>(got.n_iter) == info(0));
      BOOST_TEST(got.t == info(1));
      // Sparse dot products run in scikit-learn's order: agreement to rounding.
      check_close(c.name + " coef", got.coef, load(c.name + "_coef"));
      check_close(c.name + " intercept", got.intercept, load_vector(c.name + "_intercept"));
      check_close(c.name + " decision", c.decision(), load(c.name + "_decision"));
    }
  }
  // Sparse partial_fit: one epoch equals fit with max_iter 1 (scikit-learn's
  // own check), one versus all for the three classes of y3.
  const Vector y3 = load_vector("y3"), yr = load_vector("yr");
  Perceptron one_epoch({.max_iter = 1, .tol = none, .shuffle = false}), stepped({.shuffle = false});
  one_epoch.fit(X, y3);
  stepped.partial_fit(X, y3, Vector{{-1.0, 3.0, 7.0}});
  BOOST_TEST((stepped.coef() == one_epoch.coef()));
  PassiveAggressiveClassifier pa_epoch({.max_iter = 1, .tol = none, .shuffle = false}), pa_stepped({.shuffle = false});
  pa_epoch.fit(X, y3);
  pa_stepped.partial_fit(X, y3, Vector{{-1.0, 3.0, 7.0}});
  BOOST_TEST((pa_stepped.coef() == pa_epoch.coef()));
  BOOST_TEST(pa_stepped.coef().rows() == 3);
  PassiveAggressiveRegressor reg_epoch({.max_iter = 1, .tol = none, .shuffle = false}), reg_stepped({.shuffle = false});
  reg_epoch.fit(X, yr);
  reg_stepped.partial_fit(X, yr);
  BOOST_TEST((reg_stepped.coef() == reg_epoch.coef()));
}

// Without an intercept and with an L2 (or no) penalty the sparse path takes
// the same steps as the dense one on the same matrix (the zeros add nothing).
BOOST_AUTO_TEST_CASE(sparse_and_dense_fits_agree_without_intercept) {
  const Matrix Xs = load("Xs");
  const CsrMatrix X = Xs.sparseView();
  const Vector y = load_vector("y3");
  // tol = None: the stopping objective's norm is over the touched entries on
  // the sparse path (as in scikit-learn), so the epochs could differ.
  const SGDClassifier::Params params{.fit_intercept = false, .max_iter = 10, .tol = std::nullopt, .random_state = 4};
  SGDClassifier dense(params), sparse(params);
  dense.fit(Xs, y);
  sparse.fit(X, y);
  check_close("coef", sparse.coef(), dense.coef(), 1e-12);
  BOOST_TEST((sparse.predict(X) == dense.predict(Xs)));
  const Vector yr = load_vector("yr");
  const SGDRegressor::Params rparams{
      .penalty = std::nullopt, .fit_intercept = false, .max_iter = 10, .tol = std::nullopt, .random_state = 4};
  SGDRegressor rd(rparams), rs(rparams);
  rd.fit(Xs, yr);
  rs.fit(X, yr);
  check_close("regressor coef", rs.coef(), rd.coef(), 1e-12);
  BOOST_CHECK_THROW((void)rs.predict(CsrMatrix(3, 5)), ValueError);
}

BOOST_AUTO_TEST_CASE(partial_fit_is_one_epoch_of_fit) {
  const Matrix X = load("X");
  const Vector y3 = load_vector("y3"), yr = load_vector("yr");
  SGDClassifier a({.max_iter = 1, .tol = std::nullopt, .shuffle = false}), b({.shuffle = false});
  a.fit(X, y3);
  b.partial_fit(X, y3, y3);
  BOOST_TEST((a.coef() == b.coef()));
  BOOST_TEST((a.intercept() == b.intercept()));
  BOOST_TEST(a.t() == b.t());
  SGDRegressor c({.max_iter = 1, .tol = std::nullopt, .shuffle = false}), d({.shuffle = false});
  c.fit(X, yr);
  d.partial_fit(X, yr);
  BOOST_TEST((c.coef() == d.coef()));
  BOOST_TEST(c.intercept() == d.intercept());
}

// Our shuffling is not NumPy's: the training score of the default models must
// fall within scikit-learn's range over ten seeds (widened by a little), and
// the epoch counts near its range.
BOOST_AUTO_TEST_CASE(shuffled_fits_score_as_scikit_learn) {
  const Dataset digits = load_digits();
  const Matrix Xd = StandardScaler().fit_transform(digits.data);
  const Matrix ref_d = load("shuffled_digits");
  const Dataset diabetes = load_diabetes();
  const Matrix Xb = StandardScaler().fit_transform(diabetes.data);
  const Matrix ref_b = load("shuffled_diabetes");
  for (std::uint64_t seed = 0; seed < 3; ++seed) {
    SGDClassifier clf({.random_state = seed});
    clf.fit(Xd, digits.target);
    BOOST_TEST_INFO("digits seed " << seed);
    BOOST_TEST(clf.score(Xd, digits.target) >= ref_d.col(0).minCoeff() - 0.01);
    BOOST_TEST(static_cast<double>(clf.n_iter()) >= 0.5 * ref_d.col(1).minCoeff());
    BOOST_TEST(static_cast<double>(clf.n_iter()) <= 1.5 * ref_d.col(1).maxCoeff());
    SGDRegressor reg({.random_state = seed});
    reg.fit(Xb, diabetes.target);
    BOOST_TEST_INFO("diabetes seed " << seed);
    BOOST_TEST(reg.score(Xb, diabetes.target) >= ref_b.col(0).minCoeff() - 0.005);
    BOOST_TEST(reg.score(Xb, diabetes.target) <= ref_b.col(0).maxCoeff() + 0.005);
    BOOST_TEST(static_cast<double>(reg.n_iter()) >= 0.5 * ref_b.col(1).minCoeff());
    BOOST_TEST(static_cast<double>(reg.n_iter()) <= 1.5 * ref_b.col(1).maxCoeff());
  }
}

// With a constant rate eta the iterate hovers within O(eta) of the optimum of
// (1/n) sum log-loss + alpha ||w||^2 / 2; scikit-learn's own gets within 1e-3
// (relative) at eta = 0.01 after 1000 epochs, for every seed.
BOOST_AUTO_TEST_CASE(log_loss_approaches_the_regularized_optimum) {
  const Matrix X = load("X");
  const Vector y = load_vector("y2");
  const Vector optimum = load_vector("optimum_coef");
  const double optimum_b = load_vector("optimum_intercept")(0);
  for (std::uint64_t seed : {0, 1, 2}) {
    SGDClassifier clf({.loss = SGDLoss::log_loss,
                       .alpha = 0.01,
                       .max_iter = 1000,
                       .tol = std::nullopt,
                       .random_state = seed,
                       .learning_rate = SGDLearningRate::constant,
                       .eta0 = 0.01});
    clf.fit(X, y);
    BOOST_TEST_INFO("seed " << seed);
    BOOST_TEST((clf.coef().row(0).transpose() - optimum).cwiseAbs().maxCoeff() <= 5e-3 * optimum.cwiseAbs().maxCoeff());
    BOOST_TEST(std::abs(clf.intercept()(0) - optimum_b) <= 5e-3 * optimum.cwiseAbs().maxCoeff());
  }
}

BOOST_AUTO_TEST_CASE(results_do_not_depend_on_the_thread_count) {
  const Matrix X = load("X");
  const Vector y = load_vector("y3");
  SGDClassifier one({.n_jobs = 1, .random_state = 3}), two({.n_jobs = 2, .random_state = 3});
  one.fit(X, y);
  two.fit(X, y);
  BOOST_TEST((one.coef() == two.coef()));
  BOOST_TEST((one.intercept() == two.intercept()));
}

BOOST_AUTO_TEST_CASE(early_stopping_holds_out_a_validation_set) {
  const Dataset digits = load_digits();
  const Matrix Xd = StandardScaler().fit_transform(digits.data);
  SGDClassifier clf({.random_state = 0, .early_stopping = true});
  clf.fit(Xd, digits.target);
  BOOST_TEST(clf.n_iter() < 100);
  BOOST_TEST(clf.score(Xd, digits.target) > 0.95);
  const Dataset diabetes = load_diabetes();
  const Matrix Xb = StandardScaler().fit_transform(diabetes.data);
  SGDRegressor reg({.random_state = 0, .early_stopping = true});
  reg.fit(Xb, diabetes.target);
  BOOST_TEST(reg.score(Xb, diabetes.target) > 0.45);
}

BOOST_AUTO_TEST_CASE(bad_parameters_and_calls_throw) {
  const Matrix X = load("X");
  const Vector y = load_vector("y2");
  const auto message = [&](SGDClassifier::Params p) {
    return testing::message_of<ValueError>([&] { SGDClassifier(p).fit(X, y); });
  };
  BOOST_TEST(message({.alpha = 0}).find("alpha must be > 0 since learning_rate is 'optimal'") != std::string::npos);
  BOOST_TEST(message({.penalty = SGDPenalty::elasticnet, .l1_ratio = std::nullopt}).find("l1_ratio must be set") !=
             std::string::npos);
  BOOST_TEST(message({.loss = SGDLoss::log_loss, .learning_rate = SGDLearningRate::pa1})
                 .find("only works with loss 'hinge'") != std::string::npos);
  BOOST_TEST(message({.max_iter = 0}).find("max_iter") != std::string::npos);
  BOOST_TEST(message({.eta0 = 0}).find("eta0") != std::string::npos);
  BOOST_CHECK_THROW(SGDRegressor({.loss = SGDLoss::hinge}).fit(X, y), ValueError);
  BOOST_CHECK_THROW(SGDClassifier().fit(X, Vector::Constant(X.rows(), 1.0)), ValueError);
  BOOST_CHECK_THROW(SGDClassifier().fit(X, Vector::Constant(X.rows(), 0.5)), ValueError);
  // partial_fit: classes on the first call, the same ones later, no early stopping.
  SGDClassifier clf;
  BOOST_CHECK_THROW(clf.partial_fit(X, y), ValueError);
  clf.partial_fit(X, y, y);
  BOOST_CHECK_THROW(clf.partial_fit(X, y, Vector::LinSpaced(3, 1, 3)), ValueError);
  BOOST_CHECK_THROW(clf.partial_fit(X.leftCols(3), y), ValueError);
  BOOST_CHECK_THROW(SGDClassifier({.early_stopping = true}).partial_fit(X, y, y), ValueError);
  BOOST_CHECK_THROW(SGDClassifier({.class_weight = "balanced"}).partial_fit(X, y, y), ValueError);
  BOOST_CHECK_THROW((void)SGDClassifier().fit(X, y).predict_proba(X), ValueError);
  BOOST_CHECK_THROW(PassiveAggressiveClassifier().fit(X, y, load_vector("w")), ValueError);
  // Overflow: a huge constant rate on large values.
  const std::string overflow = testing::message_of<ValueError>([&] {
    SGDRegressor({.penalty = std::nullopt, .learning_rate = SGDLearningRate::constant, .eta0 = 1e6})
        .fit(X * 1e200, load_vector("yr"));
  });
  BOOST_TEST(overflow.find("Floating-point under-/overflow occurred at epoch") != std::string::npos);
}

// fit and partial_fit check X while copying it to rows (in parallel blocks of
// 1024 rows), predict and decision_function while scoring it: a NaN or Inf in
// any block is reported as check_X reports it, naming the entry.
BOOST_AUTO_TEST_CASE(non_finite_X_is_found_in_every_block) {
  Generator rng(5);
  const Matrix clean = rng.standard_normal(3000, 3);
  const Vector y = (clean.col(0).array() > 0).cast<double>();
  const SGDClassifier fitted = SGDClassifier({.random_state = 0}).fit(clean, y);
  for (const double bad : {std::numeric_limits<double>::quiet_NaN(), -std::numeric_limits<double>::infinity()})
    for (const Index row : {Index{0}, Index{1500}, Index{2999}}) {
      Matrix X = clean;
      X(row, 1) = bad;
      const std::string entry = cat("entry (", row, ", 1)");
      const auto check = [&](const std::string& where, auto&& call) {
        const std::string m = testing::message_of<ValueError>(call);
        BOOST_TEST(m.find(where) != std::string::npos, m);
        BOOST_TEST(m.find(entry) != std::string::npos, m);
      };
      check("SGDClassifier.fit", [&] { SGDClassifier().fit(X, y); });
      check("SGDClassifier.partial_fit", [&] { SGDClassifier().partial_fit(X, y, y); });
      check("SGDRegressor.fit", [&] { SGDRegressor().fit(X, y); });
      check("Perceptron.fit", [&] { Perceptron().fit(X, y); });
      check("PassiveAggressiveRegressor.fit", [&] { PassiveAggressiveRegressor().fit(X, y); });
      check("SGDClassifier.predict", [&] { (void)fitted.predict(X); });
      check("SGDClassifier.decision_function", [&] { (void)fitted.decision_function(X); });
    }
}

BOOST_AUTO_TEST_SUITE_END()

// The covariance functions and estimators against scikit-learn 1.9
// (tests/reference/learn_discriminant_analysis.py), and their errors.
#include <Eigen/LU>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <scilearn/core/io.hpp>
#include <scilearn/learn.hpp>
#include <string>

#include "support/expect.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(covariance)

using namespace scilearn;
using namespace scilearn::learn;

namespace {

Matrix load(const std::string& name) {
  return io::load_npy<double>(testing::fixture_path("learn/covariance/" + name + ".npy"));
}
Vector load_vector(const std::string& name) {
  return io::load_npy_vector<double>(testing::fixture_path("learn/covariance/" + name + ".npy"));
}
double load_scalar(const std::string& name) { return load_vector(name)(0); }

// Covariances are sums of n rounded products (one GEMM here, numpy's dot
// there, in another order): 1e-10 relative to the matrix's scale covers
// them, and the pseudo-inverses of well-conditioned matrices (cond < 1e3).
constexpr double kTol = 1e-10;

void check_close(const std::string& what, const Eigen::Ref<const Matrix>& a, const Eigen::Ref<const Matrix>& b,
                 double rtol = kTol) {
  BOOST_TEST_INFO(what);
  BOOST_REQUIRE(a.rows() == b.rows());
  BOOST_REQUIRE(a.cols() == b.cols());
  if (b.size() == 0) return;
  const double scale = b.cwiseAbs().maxCoeff();
  const double error = (a - b).cwiseAbs().maxCoeff();
  BOOST_TEST_INFO(what << ": max error " << error << " against scale " << scale);
  BOOST_TEST(error <= rtol * (scale + 1e-300));
}

void check_scalar(const std::string& what, double a, double b, double rtol = kTol) {
  BOOST_TEST_INFO(what << ": " << a << " vs " << b);
  BOOST_TEST(std::abs(a - b) <= rtol * std::abs(b) + 1e-300);
}

template <class Model>
void check_estimator(const std::string& stem, Model& model, const std::string& data, double rtol = kTol) {
  const Matrix X = load("X_" + data);
  model.fit(X);
  const std::string tag = model.params().assume_centered ? "centred" : "plain";
  const std::string c = stem + "_" + data + "_" + tag;
  check_close(c + " location", model.location(), load_vector(c + "_location"), rtol);
  check_close(c + " covariance", model.covariance(), load(c + "_covariance"), rtol);
  // The pseudo-inverse of the singular p > n covariances: its cut-off and
  // the small eigenvalues' rounding (cond ~ 1e2 of the kept part) allow 1e-8.
  check_close(c + " precision", model.precision(), load(c + "_precision"), data == "wide" ? 1e-8 : rtol);
  const Matrix X_test = data == "cov"    ? load("X_cov_test")
                        : data == "wide" ? Matrix(X.topRows(7).array() - 1.0)
                                         : Matrix(X.topRows(9) * 0.5);
  // The unshrunk p > n covariance is singular and so is its pseudo-inverse:
  // the log-determinant of that precision is rounding noise on both sides
  // (scikit-learn's slogdet gives a finite value or -inf by chance).
  if (!(stem == "empirical" && data == "wide"))
    check_scalar(c + " score", model.score(X_test), load_scalar(c + "_score"), data == "wide" ? 1e-8 : rtol);
  check_close(c + " mahalanobis", model.mahalanobis(X_test), load_vector(c + "_mahalanobis"),
              data == "wide" ? 1e-8 : rtol);
  if (data == "cov") {
    const Matrix comp = load("comp");
    const Vector norms = load_vector(c + "_error_norm");
    check_scalar(c + " error_norm", model.error_norm(comp), norms(0));
    check_scalar(c + " spectral", model.error_norm(comp, CovarianceErrorNorm::spectral), norms(1));
    check_scalar(c + " frobenius unscaled", model.error_norm(comp, CovarianceErrorNorm::frobenius, false, false),
                 norms(2));
    check_scalar(c + " spectral unscaled", model.error_norm(comp, CovarianceErrorNorm::spectral, false, false),
                 norms(3));
  }
}

}  // namespace

BOOST_AUTO_TEST_CASE(functions_match_scikit_learn) {
  const Matrix X = load("X_cov"), wide = load("X_wide"), one = load("X_one");
  for (const bool centred : {false, true}) {
    const std::string tag = centred ? "centred" : "plain";
    check_close("empirical " + tag, empirical_covariance(X, centred), load("fn_empirical_" + tag));
    check_close("ledoit_wolf " + tag, ledoit_wolf(wide, centred).covariance, load("fn_ledoit_wolf_wide_" + tag));
    // block_size changes scikit-learn's summation order only.
    check_scalar("ledoit_wolf_shrinkage " + tag, ledoit_wolf_shrinkage(wide, centred, 7),
                 load_scalar("fn_ledoit_wolf_shrinkage_wide_" + tag));
    check_close("oas " + tag, oas(wide, centred).covariance, load("fn_oas_wide_" + tag));
    check_scalar("oas shrinkage " + tag, oas(wide, centred).shrinkage, load_scalar("fn_oas_shrinkage_wide_" + tag));
  }
  check_close("shrunk_covariance", shrunk_covariance(empirical_covariance(X), 0.3), load("fn_shrunk"));
  check_close("ledoit_wolf one feature", ledoit_wolf(one).covariance, load("fn_ledoit_wolf_one"));
  BOOST_TEST(ledoit_wolf(one).shrinkage == 0.0);
  check_close("oas one feature", oas(one).covariance, load("fn_oas_one"));
  const Matrix precision = empirical_covariance(X).inverse();
  check_scalar("log_likelihood", log_likelihood(load("comp"), precision), load_scalar("fn_log_likelihood"));
}

BOOST_AUTO_TEST_CASE(estimators_match_scikit_learn) {
  for (const bool centred : {false, true})
    for (const std::string data : {"cov", "wide", "one"}) {
      EmpiricalCovariance empirical({.assume_centered = centred});
      check_estimator("empirical", empirical, data);
      ShrunkCovariance shrunk({.assume_centered = centred, .shrinkage = 0.3});
      check_estimator("shrunk", shrunk, data);
      LedoitWolf lw({.assume_centered = centred});
      check_estimator("ledoit_wolf", lw, data);
      check_scalar("LedoitWolf shrinkage " + data, lw.shrinkage(),
                   load_scalar("ledoit_wolf_" + data + (centred ? "_centred" : "_plain") + "_shrinkage"));
      OAS o({.assume_centered = centred});
      check_estimator("oas", o, data);
      check_scalar("OAS shrinkage " + data, o.shrinkage(),
                   load_scalar("oas_" + data + (centred ? "_centred" : "_plain") + "_shrinkage"));
    }
}

BOOST_AUTO_TEST_CASE(store_precision_false_keeps_none_but_scores_alike) {
  const Matrix X = load("X_cov");
  EmpiricalCovariance stored, unstored({.store_precision = false});
  stored.fit(X);
  unstored.fit(X);
  BOOST_TEST(unstored.precision().size() == 0);
  check_close("get_precision", unstored.get_precision(), stored.precision());
  BOOST_TEST(unstored.score(X) == stored.score(X));
  BOOST_TEST((unstored.kind() == EstimatorKind::other));
  BOOST_TEST(unstored.has(Method::score));
  BOOST_TEST(!unstored.has(Method::predict));
}

BOOST_AUTO_TEST_CASE(singular_precision_gives_minus_infinite_log_likelihood) {
  // fast_logdet: a precision with a zero determinant.
  const Matrix singular = Matrix::Ones(2, 2);
  BOOST_TEST(log_likelihood(Matrix::Identity(2, 2), singular) == -std::numeric_limits<double>::infinity());
}

BOOST_AUTO_TEST_CASE(bad_input_is_rejected) {
  const Matrix X = load("X_cov");
  BOOST_CHECK_THROW((void)shrunk_covariance(Matrix::Identity(3, 3), 1.5), ValueError);
  BOOST_CHECK_THROW((void)shrunk_covariance(Matrix::Ones(3, 2), 0.5), ValueError);
  BOOST_CHECK_THROW((void)ledoit_wolf_shrinkage(X, false, 0), ValueError);
  BOOST_CHECK_THROW((void)empirical_covariance(Matrix(0, 3)), ValueError);
  BOOST_CHECK_THROW((void)log_likelihood(Matrix::Identity(2, 2), Matrix::Identity(3, 3)), ValueError);
  ShrunkCovariance bad({.shrinkage = -0.1});
  BOOST_CHECK_THROW((void)bad.fit(X), ValueError);
  EmpiricalCovariance model;
  model.fit(X);
  const std::string message = testing::message_of<ValueError>([&] { (void)model.mahalanobis(Matrix::Ones(2, 3)); });
  BOOST_TEST(message.find("X has 3 features") != std::string::npos);
  BOOST_CHECK_THROW((void)model.error_norm(Matrix::Identity(3, 3)), ValueError);
  BOOST_CHECK_THROW((void)EmpiricalCovariance().score(X), NotFittedError);
}

// Same iterations as scikit-learn (cyclic coordinate descent, the same
// screening and stopping rules): the iterates agree to rounding, so the
// sweep counts agree and the results to 1e-9 relative (a sweep's lasso
// stopping decisions can move by one coordinate pass where a gap lands next
// to its tolerance; none does here).
BOOST_AUTO_TEST_CASE(graphical_lasso_matches_scikit_learn) {
  const Matrix corr = load("corr");
  const Matrix emp = empirical_covariance(load("X_cov"));
  struct Case {
    std::string name;
    const Matrix* S;
    double alpha;
    GraphicalLassoOptions options;
  };
  const std::vector<Case> cases = {
      {"glasso_corr_default", &corr, 0.1, {}},
      {"glasso_corr_tight", &corr, 0.1, {.tol = 1e-12, .enet_tol = 1e-12, .max_iter = 500}},
      {"glasso_corr_strong", &corr, 0.4, {}},
      {"glasso_emp_default", &emp, 0.5, {}},
  };
  for (const auto& c : cases) {
    const GraphicalLassoResult r = graphical_lasso(*c.S, c.alpha, c.options);
    BOOST_TEST_INFO(c.name);
    BOOST_TEST(static_cast<double>(r.n_iter) == load_scalar(c.name + "_n_iter"));
    check_close(c.name + " covariance", r.covariance, load(c.name + "_covariance"), 1e-9);
    check_close(c.name + " precision", r.precision, load(c.name + "_precision"), 1e-9);
    check_close(c.name + " costs", r.costs, load(c.name + "_costs"), 1e-9);
  }
  GraphicalLasso model({.alpha = 0.2});
  model.fit(load("X_cov"));
  BOOST_TEST(static_cast<double>(model.n_iter()) == load_scalar("glasso_model_n_iter"));
  check_close("GraphicalLasso location", model.location(), load_vector("glasso_model_location"));
  check_close("GraphicalLasso covariance", model.covariance(), load("glasso_model_covariance"), 1e-9);
  check_close("GraphicalLasso precision", model.precision(), load("glasso_model_precision"), 1e-9);
  check_scalar("GraphicalLasso score", model.score(load("X_cov_test")), load_scalar("glasso_model_score"), 1e-9);
  // alpha = 0: the inverse of the empirical covariance.
  const GraphicalLassoResult plain = graphical_lasso(emp, 0.0);
  check_close("alpha 0", plain.precision * emp, Matrix::Identity(5, 5), 1e-12);
  BOOST_CHECK_THROW((void)graphical_lasso(emp, -1.0), ValueError);
  BOOST_CHECK_THROW((void)graphical_lasso(Matrix::Identity(1, 1), 0.1), ValueError);
  BOOST_CHECK_THROW((void)GraphicalLasso({.mode = "lars"}).fit(load("X_cov")), ValueError);
}

// FastMCD's random starts come from our Generator, not NumPy's: on data
// whose MCD subset is clear (the reference script keeps data sets where 10
// seeds of scikit-learn agree), every one of our seeds must find the same
// raw and reweighted supports as scikit-learn, and then the same estimates
// (means and covariances of the same rows: 1e-10).
BOOST_AUTO_TEST_CASE(min_cov_det_finds_scikit_learns_supports) {
  for (const std::string name : {"mcd_small", "mcd_large"}) {
    const Matrix X = load("X_" + name);
    for (const std::uint64_t seed : {0u, 1u, 2u}) {
      MinCovDet model({.random_state = seed});
      model.fit(X);
      BOOST_TEST_INFO(name << " seed " << seed);
      BOOST_TEST((model.raw_support() == load_vector(name + "_raw_support")));
      BOOST_TEST((model.support() == load_vector(name + "_support")));
      check_close(name + " raw_location", model.raw_location(), load_vector(name + "_raw_location"));
      check_close(name + " raw_covariance", model.raw_covariance(), load(name + "_raw_covariance"));
      check_close(name + " location", model.location(), load_vector(name + "_location"));
      check_close(name + " covariance", model.covariance(), load(name + "_covariance"));
      check_close(name + " precision", model.precision(), load(name + "_precision"));
      check_close(name + " dist", model.dist(), load_vector(name + "_dist"));
    }
  }
  // The same seed gives the same answer.
  const Matrix X = load("X_mcd_small");
  MinCovDet a({.random_state = 7}), b({.random_state = 7});
  BOOST_TEST((a.fit(X).covariance() == b.fit(X).covariance()));
  BOOST_CHECK_THROW((void)MinCovDet({.support_fraction = 1.5}).fit(X), ValueError);
}

// EllipticEnvelope: MinCovDet (whose supports on these data are
// scikit-learn's, above) and the contamination percentile of its training
// distances. The offset and each score are MCD distance arithmetic, checked
// element by element to 1e-10 relative (as dist above, plus 1e-10 absolute
// for scores near 0). The labels must be equal exactly: (n - 1) contamination
// is not a whole number in any case (109 x 0.1, 109 x 0.25, 699 x 0.05), so
// no training sample lies on the threshold, and the test rows lie at least
// 0.012 from it.
BOOST_AUTO_TEST_CASE(elliptic_envelope_matches_scikit_learn) {
  struct Case {
    std::string name, data;
    EllipticEnvelope::Params params;
  };
  const Case cases[] = {
      {"ee_small", "mcd_small", {}},
      {"ee_small_c25_sf80", "mcd_small", {.support_fraction = 0.8, .contamination = 0.25}},
      {"ee_large_c05", "mcd_large", {.contamination = 0.05}},
  };
  const auto check_each = [](const std::string& what, const Vector& a, const Vector& b) {
    BOOST_TEST_INFO(what);
    BOOST_REQUIRE(a.size() == b.size());
    for (Index i = 0; i < a.size(); ++i) BOOST_TEST(std::abs(a(i) - b(i)) <= kTol * (std::abs(b(i)) + 1));
  };
  for (const Case& c : cases) {
    const Matrix X = load("X_" + c.data);
    const Matrix X_test = load("X_" + c.name + "_test");
    const Vector y_test = load_vector("y_" + c.name + "_test");
    const Vector decision = load_vector(c.name + "_decision");
    BOOST_TEST(decision.cwiseAbs().minCoeff() > 1e-2);
    for (const std::uint64_t seed : {0u, 1u}) {
      EllipticEnvelope::Params params = c.params;
      params.random_state = seed;
      EllipticEnvelope model(params);
      model.fit(X);
      BOOST_TEST_INFO(c.name << " seed " << seed);
      check_scalar(c.name + " offset", model.offset(), load_scalar(c.name + "_offset"));
      check_close(c.name + " covariance", model.covariance(), load(c.name + "_covariance"));
      check_each(c.name + " score_samples", model.score_samples(X_test), load_vector(c.name + "_score_samples"));
      const Matrix d = model.decision_function(X_test);
      BOOST_TEST(d.cols() == 1);
      check_each(c.name + " decision_function", d.col(0), decision);
      BOOST_TEST((d.col(0) == (model.score_samples(X_test).array() - model.offset()).matrix()));
      BOOST_TEST((model.predict(X_test) == load_vector(c.name + "_predict")));
      check_scalar(c.name + " score", model.score(X_test, y_test), load_scalar(c.name + "_score"));
      BOOST_TEST((EllipticEnvelope(params).fit_predict(X) == load_vector(c.name + "_fit_predict")));
    }
  }
}

// A sample exactly on the threshold is an inlier (decision 0 >= 0). With 101
// samples and contamination 0.5 (the largest allowed), (n - 1) 0.5 = 50 is a
// whole number, so the offset is one training sample's -dist exactly and that
// sample's decision is exactly 0 (the training distances and mahalanobis()
// are the same arithmetic): 50 outliers, not 51. A self-consistency check:
// scikit-learn's mahalanobis differs from its dist_ by rounding, so it may
// put that sample either side.
BOOST_AUTO_TEST_CASE(elliptic_envelope_threshold_sample_is_an_inlier) {
  const Matrix X = load("X_mcd_small").topRows(101);
  EllipticEnvelope model({.contamination = 0.5, .random_state = 0});
  const Vector labels = model.fit_predict(X);
  BOOST_TEST((labels.array() == -1).count() == 50);
  BOOST_TEST((model.decision_function(X).array() == 0).count() == 1);
}

BOOST_AUTO_TEST_CASE(elliptic_envelope_interface_and_errors) {
  const Matrix X = load("X_mcd_small");
  EllipticEnvelope model({.random_state = 0});
  BOOST_CHECK_THROW((void)model.predict(X), NotFittedError);
  model.fit(X);
  BOOST_TEST(model.has(Method::predict));
  BOOST_TEST(model.has(Method::decision_function));
  BOOST_TEST(model.has(Method::score));
  BOOST_TEST(!model.has(Method::transform));
  BOOST_TEST(!model.has(Method::predict_proba));
  // The training fraction outside the envelope is contamination (up to the
  // one sample the percentile falls within): 11 of 110 at 0.1.
  const Vector labels = model.predict(X);
  BOOST_TEST((labels.array() == -1).count() == 11);
  // score weights the accuracy: all weight on the samples it gets right is 1.
  const Vector truth = labels;
  BOOST_TEST(model.score(X, truth) == 1.0);
  Vector flipped = truth;
  flipped(0) = -flipped(0);
  Vector weight = Vector::Ones(X.rows());
  weight(0) = 0;
  BOOST_TEST(model.score(X, flipped, weight) == 1.0);
  BOOST_TEST(model.score(X, flipped) == 1.0 - 1.0 / static_cast<double>(X.rows()));
  // A saved model answers as the one it was saved from.
  const auto path = testing::scratch_dir("covariance") / "elliptic_envelope.scl";
  save(model, path);
  const auto restored = learn::load_as<EllipticEnvelope>(path);
  BOOST_TEST(restored.offset() == model.offset());
  BOOST_TEST((restored.decision_function(X) == model.decision_function(X)));
  // MinCovDet's attributes are there too.
  MinCovDet mcd({.random_state = 0});
  mcd.fit(X);
  BOOST_TEST((model.support() == mcd.support()));
  BOOST_TEST((model.dist() == mcd.dist()));
  BOOST_TEST((model.raw_covariance() == mcd.raw_covariance()));

  for (const double contamination : {0.0, -0.1, 0.6, std::numeric_limits<double>::quiet_NaN()}) {
    const std::string message =
        testing::message_of<ValueError>([&] { EllipticEnvelope({.contamination = contamination}).fit(X); });
    BOOST_TEST(message.find("'contamination' parameter of EllipticEnvelope") != std::string::npos);
  }
  BOOST_TEST(testing::message_of<ValueError>([&] {
               EllipticEnvelope({.support_fraction = 1.5}).fit(X);
             }).find("'support_fraction' parameter of EllipticEnvelope") != std::string::npos);
  BOOST_CHECK_THROW((void)model.predict(Matrix::Zero(3, 2)), ValueError);
  Matrix bad = X.topRows(3);
  bad(1, 1) = std::numeric_limits<double>::infinity();
  BOOST_CHECK_THROW((void)model.decision_function(bad), ValueError);
  BOOST_CHECK_THROW((void)EllipticEnvelope().fit(X.topRows(1)), ValueError);
  // A failed fit keeps the previous state.
  BOOST_CHECK_THROW((void)model.set_params(EllipticEnvelope::Params{.contamination = 0.9}).fit(X), ValueError);
  BOOST_TEST(model.is_fitted());
  BOOST_TEST((model.predict(X) == labels));
}

BOOST_AUTO_TEST_SUITE_END()

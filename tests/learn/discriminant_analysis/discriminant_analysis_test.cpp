// LinearDiscriminantAnalysis and QuadraticDiscriminantAnalysis against
// scikit-learn 1.9 (tests/reference/learn_discriminant_analysis.py, cases.csv:
// every solver, shrinkage None / "auto" / fixed, priors, n_components, 2 and
// many classes, a rank-deficient and a within-class-constant feature), and
// their errors.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <filesystem>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/io.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/learn.hpp>
#include <sstream>
#include <string>

#include "support/expect.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(discriminant_analysis)

using namespace scilearn;
using namespace scilearn::learn;

namespace {

Matrix load(const std::string& name) {
  return io::load_npy<double>(testing::fixture_path("learn/discriminant_analysis/" + name + ".npy"));
}
Vector load_vector(const std::string& name) {
  return io::load_npy_vector<double>(testing::fixture_path("learn/discriminant_analysis/" + name + ".npy"));
}
bool exists(const std::string& name) {
  const auto dir = testing::fixture_path("learn/discriminant_analysis/cases.csv").parent_path();
  return std::filesystem::exists(dir / (name + ".npy"));
}

// The fitted attributes come from a few solves / decompositions of
// matrices with condition numbers below 1e3, in another order of operations
// (the svd solver goes through the Gram matrix, see the header): 1e-8
// relative to each matrix's scale, inside the 1e-6 that the task asks.
constexpr double kTol = 1e-8;

// |a - b| <= rtol (|b| + 1e-2 max|b|) entrywise.
void check_close(const std::string& what, const Eigen::Ref<const Matrix>& a, const Eigen::Ref<const Matrix>& b,
                 double rtol = kTol) {
  BOOST_TEST_INFO(what);
  BOOST_REQUIRE(a.rows() == b.rows());
  BOOST_REQUIRE(a.cols() == b.cols());
  if (b.size() == 0) return;
  const double scale = b.cwiseAbs().maxCoeff();
  double worst = 0;
  for (Index j = 0; j < b.cols(); ++j)
    for (Index i = 0; i < b.rows(); ++i)
      worst = std::max(worst, std::abs(a(i, j) - b(i, j)) / (rtol * (std::abs(b(i, j)) + 1e-2 * scale) + 1e-300));
  BOOST_TEST_INFO(what << ": error / tolerance = " << worst);
  BOOST_TEST(worst <= 1.0);
}

// Singular and eigen vectors carry LAPACK's signs, which neither side fixes:
// each column of a is compared after taking the sign that matches b.
void check_close_up_to_sign(const std::string& what, Matrix a, const Matrix& b, double rtol = kTol) {
  BOOST_REQUIRE(a.cols() == b.cols());
  BOOST_REQUIRE(a.rows() == b.rows());
  for (Index j = 0; j < a.cols(); ++j)
    if (a.col(j).dot(b.col(j)) < 0) a.col(j) = -a.col(j);
  check_close(what, a, b, rtol);
}

std::vector<double> numbers(const std::string& text) {
  std::vector<double> out;
  std::istringstream in(text);
  for (double v; in >> v;) out.push_back(v);
  return out;
}

// The manifest's shrinkage column: empty, "auto", a number, or "est:" and a
// covariance estimator used instead of shrinkage.
Shrinkage shrinkage_of(const std::string& text) {
  if (text.empty() || text.starts_with("est:")) return {};
  if (text == "auto") return Shrinkage::automatic();
  return Shrinkage(std::stod(text));
}

EstimatorPtr covariance_estimator_of(const std::string& text) {
  if (text == "est:oas") return std::make_shared<OAS>();
  if (text == "est:ledoit_wolf") return std::make_shared<LedoitWolf>();
  return nullptr;
}

template <class Model>
void check_predictions(const std::string& name, const Model& model, const Matrix& X_test) {
  check_close(name + " decision_function", model.decision_function(X_test), load(name + "_decision"));
  check_close(name + " predict_proba", model.predict_proba(X_test), load(name + "_proba"));
  check_close(name + " predict_log_proba", model.predict_log_proba(X_test), load(name + "_log_proba"));
  BOOST_TEST_INFO(name);
  BOOST_TEST((model.predict(X_test) == load_vector(name + "_predict")));
}

}  // namespace

BOOST_AUTO_TEST_CASE(both_match_scikit_learn_on_every_case) {
  for (const auto& row : testing::read_manifest("learn/discriminant_analysis/cases.csv")) {
    const std::string& name = row[0];
    const std::string& data = row[1];
    const Matrix X = load("X_" + data), X_test = load("X_" + data + "_test");
    const Vector y = load_vector("y_" + data);
    std::optional<std::vector<double>> priors;
    if (!row[5].empty()) priors = numbers(row[5]);
    const bool store = row[7] == "1";
    BOOST_TEST_MESSAGE("case " << name);
    if (row[2] == "lda") {
      LinearDiscriminantAnalysis model(
          {.solver = enum_from_name<LdaSolver>("test", "solver", row[3]),
           .shrinkage = shrinkage_of(row[4]),
           .covariance_estimator = covariance_estimator_of(row[4]),
           .priors = priors,
           .n_components = row[6].empty() ? std::nullopt : std::optional<Index>(std::stol(row[6])),
           .store_covariance = store});
      model.fit(X, y);
      BOOST_TEST((model.classes() == load_vector(name + "_classes")));
      check_close(name + " coef", model.coef(), load(name + "_coef"));
      check_close(name + " intercept", model.intercept(), load_vector(name + "_intercept"));
      check_close(name + " means", model.means(), load(name + "_means"));
      check_close(name + " priors", model.priors(), load_vector(name + "_priors"));
      if (exists(name + "_covariance"))
        check_close(name + " covariance", model.covariance(), load(name + "_covariance"));
      else
        BOOST_TEST(model.covariance().size() == 0);
      if (row[3] != "lsqr") {
        // The eigen solver's scalings beyond the n_classes - 1 leading ones
        // span the null space of the between-class scatter, a degenerate
        // eigenvalue whose eigenvectors are any basis: only the leading ones
        // are compared (transform uses no other).
        const Matrix reference = load(name + "_scalings");
        const Index m =
            row[3] == "eigen" ? std::min<Index>(model.classes().size() - 1, reference.cols()) : reference.cols();
        check_close_up_to_sign(name + " scalings", model.scalings().leftCols(m), reference.leftCols(m));
        check_close(name + " explained_variance_ratio", model.explained_variance_ratio(),
                    load_vector(name + "_explained_variance_ratio"));
        check_close_up_to_sign(name + " transform", model.transform(X_test), load(name + "_transform"));
      }
      if (row[3] == "svd") check_close(name + " xbar", model.xbar(), load_vector(name + "_xbar"));
      check_predictions(name, model, X_test);
    } else {
      QuadraticDiscriminantAnalysis model({.solver = enum_from_name<QdaSolver>("test", "solver", row[3]),
                                           .shrinkage = shrinkage_of(row[4]),
                                           .covariance_estimator = covariance_estimator_of(row[4]),
                                           .priors = priors,
                                           .reg_param = std::stod(row[8]),
                                           .store_covariance = store});
      model.fit(X, y);
      BOOST_TEST((model.classes() == load_vector(name + "_classes")));
      check_close(name + " means", model.means(), load(name + "_means"));
      check_close(name + " priors", model.priors(), load_vector(name + "_priors"));
      for (Index k = 0; k < model.classes().size(); ++k) {
        const auto at = static_cast<std::size_t>(k);
        const std::string suffix = "_" + std::to_string(k);
        check_close_up_to_sign(name + " rotations" + suffix, model.rotations()[at], load(name + "_rotations" + suffix));
        check_close(name + " scalings" + suffix, model.scalings()[at], load_vector(name + "_scalings" + suffix));
        if (store)
          check_close(name + " covariance" + suffix, model.covariance()[at], load(name + "_covariance" + suffix));
      }
      if (!store) BOOST_TEST(model.covariance().empty());
      check_predictions(name, model, X_test);
    }
  }
}

BOOST_AUTO_TEST_CASE(solvers_give_one_model_without_shrinkage) {
  // Without shrinkage the three solvers fit the same Gaussian model: the
  // same probabilities (the svd solver's coef_ may differ from the others'
  // by one vector common to all classes, which the softmax cancels, as in
  // scikit-learn).
  Generator rng(3);
  Matrix X = rng.standard_normal(200, 6);
  Vector y(200);
  for (Index i = 0; i < 200; ++i) y(i) = static_cast<double>(i % 4);
  X.col(0) += y;
  LinearDiscriminantAnalysis svd, lsqr({.solver = LdaSolver::lsqr}), eigen({.solver = LdaSolver::eigen});
  svd.fit(X, y);
  lsqr.fit(X, y);
  eigen.fit(X, y);
  // Solves with a covariance of condition ~10: 1e-10.
  check_close("svd vs lsqr", svd.predict_proba(X), lsqr.predict_proba(X), 1e-10);
  check_close("eigen vs lsqr", eigen.predict_proba(X), lsqr.predict_proba(X), 1e-10);
}

BOOST_AUTO_TEST_CASE(bad_input_is_rejected) {
  const Matrix X = load("X_three");
  const Vector y = load_vector("y_three");
  BOOST_CHECK_THROW((void)LinearDiscriminantAnalysis({.shrinkage = "auto"}).fit(X, y), ValueError);
  BOOST_CHECK_THROW((void)LinearDiscriminantAnalysis({.solver = LdaSolver::lsqr, .shrinkage = 1.5}).fit(X, y),
                    ValueError);
  BOOST_CHECK_THROW((void)LinearDiscriminantAnalysis({.n_components = 3}).fit(X, y), ValueError);
  BOOST_CHECK_THROW((void)LinearDiscriminantAnalysis({.priors = std::vector<double>{0.5, 0.5}}).fit(X, y), ValueError);
  BOOST_CHECK_THROW((void)LinearDiscriminantAnalysis({.priors = std::vector<double>{-0.5, 1.0, 0.5}}).fit(X, y),
                    ValueError);
  BOOST_CHECK_THROW((void)LinearDiscriminantAnalysis().fit(X.topRows(3), Vector{{-1.0, 3.0, 7.0}}), ValueError);
  Vector continuous = y;
  continuous(0) = 0.5;
  BOOST_CHECK_THROW((void)LinearDiscriminantAnalysis().fit(X, continuous), ValueError);
  LinearDiscriminantAnalysis lsqr({.solver = LdaSolver::lsqr});
  lsqr.fit(X, y);
  BOOST_TEST(!lsqr.has(Method::transform));
  BOOST_CHECK_THROW((void)lsqr.transform(X), ValueError);
  BOOST_CHECK_THROW((void)QuadraticDiscriminantAnalysis().fit(X, Vector::Constant(X.rows(), 2.0)), ValueError);
  BOOST_CHECK_THROW((void)QuadraticDiscriminantAnalysis({.shrinkage = 0.5}).fit(X, y), ValueError);
  BOOST_CHECK_THROW((void)QuadraticDiscriminantAnalysis({.reg_param = 2}).fit(X, y), ValueError);
  // A class with fewer samples than features: scikit-learn's LinAlgError.
  Vector few = y;
  few.setConstant(-1.0);
  few.head(3).setConstant(3.0);
  const std::string message =
      testing::message_of<LinAlgError>([&] { (void)QuadraticDiscriminantAnalysis().fit(X, few); });
  BOOST_TEST(message.find("The covariance matrix of class 3 is not full rank") != std::string::npos);
  few(0) = -5.0;  // the first class has one sample
  BOOST_CHECK_THROW((void)QuadraticDiscriminantAnalysis().fit(X, few), ValueError);
  // covariance_estimator: not with the svd solver, not with shrinkage (0 is
  // allowed), and it must be a covariance estimator.
  const EstimatorPtr oas = std::make_shared<OAS>();
  BOOST_CHECK_THROW((void)QuadraticDiscriminantAnalysis({.covariance_estimator = oas}).fit(X, y), ValueError);
  const std::string both = testing::message_of<ValueError>([&] {
    (void)LinearDiscriminantAnalysis({.solver = LdaSolver::lsqr, .shrinkage = "auto", .covariance_estimator = oas})
        .fit(X, y);
  });
  BOOST_TEST(both.find("Only one of the two can be set") != std::string::npos);
  LinearDiscriminantAnalysis zero({.solver = LdaSolver::lsqr, .shrinkage = 0.0, .covariance_estimator = oas});
  zero.fit(X, y);
  const std::string not_covariance = testing::message_of<ValueError>([&] {
    (void)LinearDiscriminantAnalysis({.solver = LdaSolver::lsqr,
                                      .covariance_estimator = std::make_shared<StandardScaler>()})
        .fit(X, y);
  });
  BOOST_TEST(not_covariance.find("StandardScaler does not have a covariance_ attribute") != std::string::npos);
  BOOST_TEST(testing::message_of<ValueError>([&] {
               (void)QuadraticDiscriminantAnalysis(
                   {.solver = QdaSolver::eigen, .shrinkage = 0.5, .covariance_estimator = oas})
                   .fit(X, y);
             }).find("Only one of the two can be set") != std::string::npos);
  BOOST_TEST(testing::message_of<ValueError>([&] {
               (void)QuadraticDiscriminantAnalysis(
                   {.solver = QdaSolver::eigen, .covariance_estimator = std::make_shared<StandardScaler>()})
                   .fit(X, y);
             }).find("does not have a covariance_ attribute") != std::string::npos);
  // svd with an estimator: scikit-learn's messages.
  BOOST_TEST(testing::message_of<ValueError>([&] {
               (void)LinearDiscriminantAnalysis({.covariance_estimator = oas}).fit(X, y);
             }).find("not supported with svd solver") != std::string::npos);
  // The estimator given is cloned, never fitted itself.
  BOOST_TEST(!oas->is_fitted());
}

BOOST_AUTO_TEST_CASE(priors_that_do_not_sum_to_one_are_renormalized) {
  const Matrix X = load("X_three");
  const Vector y = load_vector("y_three");
  LinearDiscriminantAnalysis a({.priors = std::vector<double>{2, 3, 5}}),
      b({.priors = std::vector<double>{0.2, 0.3, 0.5}});
  a.fit(X, y);
  b.fit(X, y);
  check_close("priors", a.priors(), b.priors(), 1e-15);
  check_close("coef", a.coef(), b.coef(), 1e-12);
}

BOOST_AUTO_TEST_CASE(shrinkage_parameter_round_trips_by_name) {
  LinearDiscriminantAnalysis model;
  model.set_params(ParamMap{{"shrinkage", std::string("auto")}, {"solver", std::string("eigen")}});
  BOOST_TEST(model.params().shrinkage.is_auto());
  model.set_params(ParamMap{{"shrinkage", 0.25}});
  BOOST_TEST((model.params().shrinkage == Shrinkage(0.25)));
  BOOST_TEST(std::get<double>(model.get_params().at("shrinkage")) == 0.25);
  model.set_params(ParamMap{{"shrinkage", ParamValue()}});
  BOOST_TEST(model.params().shrinkage.is_none());
  BOOST_CHECK_THROW((void)model.set_params(ParamMap{{"shrinkage", std::string("fast")}}), ValueError);
  const Matrix X = load("X_three");
  model.fit(X, load_vector("y_three"));
  const auto names = model.get_feature_names_out();
  BOOST_TEST(names.size() == 2u);
  BOOST_TEST(names[0] == "lineardiscriminantanalysis0");
}

BOOST_AUTO_TEST_SUITE_END()

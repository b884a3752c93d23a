// LogisticRegression's newton-cg solver against scikit-learn 1.9
// (tests/reference/learn_logistic_newton_cg.py) on dense and sparse X, its
// contract, and newton-cholesky on sparse X.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <scilearn/core/parallel.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn.hpp>
#include <string>
#include <vector>

#include "linear_model_fixtures.hpp"
#include "support/expect.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(logistic_newton_cg)

using namespace scilearn;
using namespace scilearn::learn;

namespace {

using testing::normwise_error;

// "dir/name" of the manifest as tests/data/learn/dir/name.npy.
Matrix load(const std::string& path) {
  const auto slash = path.find('/');
  return testing::load_learn(path.substr(0, slash), path.substr(slash + 1));
}
Vector load_vector(const std::string& path) {
  const auto slash = path.find('/');
  return testing::load_learn_vector(path.substr(0, slash), path.substr(slash + 1));
}
Matrix reference(const std::string& name) { return testing::load_learn("logistic_newton_cg", name); }

struct Case {
  std::string name, X, y, w;
  double C = 1;
  bool fit_intercept = true;
  Index n_iter_tight = 0, n_iter_default = 0;
  [[nodiscard]] bool sparse() const { return X.find("sparse") != std::string::npos; }
};

std::vector<Case> cases() {
  std::vector<Case> out;
  for (const auto& row : testing::read_manifest("learn/logistic_newton_cg/cases.csv")) {
    out.push_back({row.at(0), row.at(1), row.at(2), row.at(3),
                   row.at(4) == "inf" ? std::numeric_limits<double>::infinity() : std::stod(row.at(4)),
                   row.at(5) == "1", std::stol(row.at(6)), std::stol(row.at(7))});
  }
  BOOST_REQUIRE(out.size() == 16);
  return out;
}

// Fits the case's data (CSR where scikit-learn had CSR, or `as_sparse`).
LogisticRegression fit(const Case& c, LogisticSolver solver, double tol, bool as_sparse) {
  LogisticRegression model(
      {.C = c.C, .tol = tol, .fit_intercept = c.fit_intercept, .solver = solver, .max_iter = 1000});
  const Matrix X = load(c.X);
  const Vector y = load_vector(c.y);
  const Vector w = c.w.empty() ? Vector() : load_vector(c.w);
  if (as_sparse)
    model.fit(CsrMatrix(X.sparseView()), y, w);
  else if (w.size())
    model.fit(X, y, w);
  else
    model.fit(X, y);
  return model;
}

}  // namespace

// At tol=1e-12 both sides stand at the minimizer: newton-cg converges
// superlinearly (the CG forcing term min(1/2, sqrt(|g|_1)) shrinks with the
// gradient), and the script checks scikit-learn's answer against its
// newton-cholesky to 1e-9. What remains is rounding amplified by the
// Hessian's condition number (up to about 1e6 for the ill cases): 1e-8, as
// for newton-cholesky. The last iterations act on objective changes and
// gradients near rounding (the line search's first trial step is 2.02 times
// the last change of the objective over the slope), so the iteration counts
// may differ by up to two (measured: up to two, y3_C0.01).
BOOST_AUTO_TEST_CASE(newton_cg_matches_scikit_learn_at_the_minimizer) {
  double worst = 0;
  for (const Case& c : cases()) {
    BOOST_TEST_CONTEXT(c.name) {
      const LogisticRegression model = fit(c, LogisticSolver::newton_cg, 1e-12, c.sparse());
      const double error = std::max(normwise_error(model.coef(), reference(c.name + "_coef")),
                                    normwise_error(model.intercept(), reference(c.name + "_intercept")));
      worst = std::max(worst, error);
      BOOST_TEST(error <= 1e-8);
      BOOST_TEST(std::abs(model.n_iter() - c.n_iter_tight) <= 2);
      BOOST_TEST_MESSAGE(c.name << ": n_iter " << model.n_iter() << " (scikit-learn " << c.n_iter_tight << "), error "
                                << error);
    }
  }
  BOOST_TEST_MESSAGE("newton-cg at tol=1e-12: largest normwise error " << worst);
}

// At the default tol=1e-4 the iteration stops short of the minimizer (up to
// 1e-2 away for the unpenalized multinomial). With one coefficient row the
// Hessian is non-singular and both sides take the same steps: the CG and line
// search see our gradients and Hessian products (summed in other orders) to
// rounding, which 1e-6 leaves room to grow through a few inexact CG solves;
// the same iteration count. With several rows the multinomial Hessian is
// singular (a common shift of the intercepts, and without penalty of each
// feature's coefficients, changes nothing), and CG amplifies rounding in its
// last steps: scikit-learn's own CG, given Hessian products perturbed by
// 1e-15 relative, ends with residuals 1e-3 apart (seen on y3_weighted), so
// the two paths may part and stop an iteration apart. There the answer must
// stand as close to the minimizer as scikit-learn's (within twice its
// distance).
BOOST_AUTO_TEST_CASE(newton_cg_takes_scikit_learns_steps) {
  for (const Case& c : cases()) {
    BOOST_TEST_CONTEXT(c.name) {
      const LogisticRegression model = fit(c, LogisticSolver::newton_cg, 1e-4, c.sparse());
      const Matrix theirs = reference(c.name + "_default_coef"), minimizer = reference(c.name + "_coef");
      if (model.coef().rows() == 1) {
        BOOST_TEST(model.n_iter() == c.n_iter_default);
        BOOST_TEST(normwise_error(model.coef(), theirs) <= 1e-6);
        BOOST_TEST(normwise_error(model.intercept(), reference(c.name + "_default_intercept")) <= 1e-6);
      } else {
        BOOST_TEST(std::abs(model.n_iter() - c.n_iter_default) <= 1);
        BOOST_TEST(normwise_error(model.coef(), minimizer) <= 2 * normwise_error(theirs, minimizer));
      }
      const double from_theirs = normwise_error(model.coef(), theirs);
      const double ours_to_minimizer = normwise_error(model.coef(), minimizer);
      const double theirs_to_minimizer = normwise_error(theirs, minimizer);
      BOOST_TEST_MESSAGE(c.name << " at tol=1e-4: n_iter " << model.n_iter() << " (scikit-learn " << c.n_iter_default
                                << "), from scikit-learn's " << from_theirs << ", from the minimizer "
                                << ours_to_minimizer << " (scikit-learn's " << theirs_to_minimizer << ")");
    }
  }
}

// Sparse and dense X give the same objective, gradients and Hessians up to
// the order of the sums: at the minimizer both agree to rounding times the
// Hessian's condition number (at most about 1e2 on these well-conditioned
// cases): 1e-10. newton-cholesky forms X^T D X from the sparse rows. Without
// penalty the multinomial minimizers form a line per feature (a common shift
// of its classes' coefficients changes nothing); newton-cholesky fixes the
// last class and centres, while newton-cg's CG drifts along that line by
// rounding, so its coefficients are compared centred.
BOOST_AUTO_TEST_CASE(sparse_x_gives_the_dense_answer) {
  const auto centred = [](const Matrix& coef) {
    return coef.rows() == 1 ? coef : Matrix(coef.rowwise() - coef.colwise().mean());
  };
  for (const Case& c : cases()) {
    if (c.name.find("ill") != std::string::npos) continue;
    for (const auto solver : {LogisticSolver::newton_cg, LogisticSolver::newton_cholesky}) {
      BOOST_TEST_CONTEXT(c.name << " " << enum_name(solver)) {
        const LogisticRegression dense = fit(c, solver, 1e-12, false), sparse = fit(c, solver, 1e-12, true);
        const bool free_shift = solver == LogisticSolver::newton_cg && std::isinf(c.C);
        const auto view = [&](const Matrix& coef) { return free_shift ? centred(coef) : coef; };
        BOOST_TEST(normwise_error(view(sparse.coef()), view(dense.coef())) <= 1e-10);
        if (!free_shift) BOOST_TEST(normwise_error(sparse.intercept(), dense.intercept()) <= 1e-10);
        BOOST_TEST(normwise_error(sparse.coef(), reference(c.name + "_coef")) <= 1e-8);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(l1_and_elastic_net_are_rejected_as_scikit_learn_does) {
  const Matrix X = load("logistic/X");
  const Vector y = load_vector("logistic/y3");
  const auto message = [&](const LogisticRegression::Params& params) {
    return testing::message_of<ValueError>([&] { LogisticRegression(params).fit(X, y); });
  };
  BOOST_TEST(message({.l1_ratio = 1, .solver = LogisticSolver::newton_cg})
                 .find("Solver newton-cg supports only 'l2' or None penalties, got l1 penalty.") != std::string::npos);
  BOOST_TEST(message({.l1_ratio = 0.5, .solver = LogisticSolver::newton_cg})
                 .find("Solver newton-cg supports only 'l2' or None penalties, got elasticnet penalty.") !=
             std::string::npos);
  BOOST_TEST(message({.dual = true, .solver = LogisticSolver::newton_cg})
                 .find("Solver newton-cg supports only dual=False, got dual=True") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(iteration_limit_warns_and_keeps_the_result) {
  const Matrix X = load("logistic/X");
  const Vector y = load_vector("logistic/y3");
  std::vector<Warning> seen;
  const ScopedWarningHandler keep([&](const Warning& w) { seen.push_back(w); });
  LogisticRegression model({.solver = LogisticSolver::newton_cg, .max_iter = 2});
  model.fit(X, y);
  BOOST_TEST(model.n_iter() == 2);
  BOOST_TEST(model.coef().allFinite());
  BOOST_TEST(model.coef().cwiseAbs().maxCoeff() > 0);
  BOOST_REQUIRE(seen.size() == 1);
  BOOST_TEST((seen[0].category == WarningCategory::convergence));
  BOOST_TEST(seen[0].message.find("newton-cg failed to converge at loss = ") != std::string::npos);
  BOOST_TEST(seen[0].message.find("Increase the number of iterations.") != std::string::npos);
  // max_iter = 0 keeps the start and warns, as scikit-learn's loop does.
  seen.clear();
  model.set_params(LogisticRegression::Params{.solver = LogisticSolver::newton_cg, .max_iter = 0}).fit(X, y);
  BOOST_TEST(model.n_iter() == 0);
  BOOST_TEST(model.coef().cwiseAbs().maxCoeff() == 0.0);
  BOOST_TEST(seen.size() == 1);
}

// From a converged fit the gradient test passes before any step.
BOOST_AUTO_TEST_CASE(warm_start_from_the_solution_takes_no_step) {
  const Matrix X = load("logistic/X");
  const Vector y = load_vector("logistic/y3");
  LogisticRegression model({.tol = 1e-10, .solver = LogisticSolver::newton_cg, .warm_start = true});
  model.fit(X, y);
  const Matrix coef = model.coef();
  BOOST_TEST(model.n_iter() > 0);
  model.fit(X, y);
  BOOST_TEST(model.n_iter() == 0);
  BOOST_TEST(normwise_error(model.coef(), coef) == 0.0);
}

// The Hessian products are summed over fixed chunks in chunk order, as the
// gradient: the thread count does not change a bit.
BOOST_AUTO_TEST_CASE(the_result_does_not_depend_on_the_thread_count) {
  Generator rng(12);
  const Matrix X = rng.standard_normal(20000, 4);
  Vector y(20000);
  for (Index i = 0; i < 20000; ++i) y(i) = static_cast<double>(static_cast<int>(std::abs(X(i, 0) + X(i, 1)) * 2) % 3);
  const int before = blas_num_threads();
  std::vector<Matrix> coefs;
  for (const int threads : {1, 2, 3}) {
    set_blas_num_threads(threads);
    LogisticRegression model({.solver = LogisticSolver::newton_cg});
    model.fit(X, y);
    coefs.push_back(model.coef());
  }
  set_blas_num_threads(before);
  BOOST_TEST((coefs[0] == coefs[1]));
  BOOST_TEST((coefs[0] == coefs[2]));
}

BOOST_AUTO_TEST_CASE(the_solver_by_name) {
  LogisticRegression model;
  model.set_params({{"solver", std::string("newton-cg")}});
  BOOST_TEST((model.params().solver == LogisticSolver::newton_cg));
  BOOST_TEST(std::get<std::string>(model.get_params().at("solver")) == "newton-cg");
}

BOOST_AUTO_TEST_SUITE_END()

// Ridge, RidgeClassifier, RidgeCV and RidgeClassifierCV against scikit-learn
// 1.9 (tests/reference/learn_ridge.py), on dense and sparse X, and their
// contract (errors, sparse = dense, multi-target = one target at a time).
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <scilearn/core/io.hpp>
#include <scilearn/core/parallel.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "support/expect.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(linear_model_ridge)

using namespace scilearn;
using namespace scilearn::learn;

namespace {

Matrix load(const std::string& name) {
  return io::load_npy<double>(testing::fixture_path("learn/ridge/" + name + ".npy"));
}
Vector load_vector(const std::string& name) {
  return io::load_npy_vector<double>(testing::fixture_path("learn/ridge/" + name + ".npy"));
}
CsrMatrix sparse(const Matrix& X) { return X.sparseView(); }

// Largest |a - b| relative to the largest |b| (at least 1).
double normwise_error(const Eigen::Ref<const Matrix>& a, const Eigen::Ref<const Matrix>& b) {
  BOOST_REQUIRE(a.rows() == b.rows());
  BOOST_REQUIRE(a.cols() == b.cols());
  return (a - b).cwiseAbs().maxCoeff() / std::max(1.0, b.cwiseAbs().maxCoeff());
}

RidgeSolver solver_of(const std::string& name) {
  Ridge model;
  model.set_params({{"solver", name}});
  return model.params().solver;
}

bool is_multi(const std::string& y) { return y == "Y"; }

std::string weights_of(const std::string& X) { return X == "Xs" ? "ws" : "w"; }
std::string test_of(const std::string& X) {
  if (X == "X_ill") return "X_test";
  return X + "_test";
}

}  // namespace

// Strictly convex: every solver's answer is the minimizer, which cholesky and
// svd reach to rounding (cond(X'X + alpha) eps <= 1e-9 on these data) and the
// iterative solvers at tol = 1e-12 to about 1e-10; 1e-6 (the task's bound)
// leaves room for the different order of their operations. positive (lbfgs)
// stops on L-BFGS-B's relative reduction test, both sides near the minimizer.
BOOST_AUTO_TEST_CASE(ridge_matches_scikit_learn) {
  const auto rows = testing::read_manifest("learn/ridge/ridge.csv");
  BOOST_REQUIRE(rows.size() >= 30);
  for (const auto& row : rows) {
    const std::string& name = row.at(0);
    BOOST_TEST_CONTEXT(name) {
      RidgeParams params;
      std::vector<double> alphas;
      std::stringstream alpha_text(row.at(3));
      for (std::string part; std::getline(alpha_text, part, ';');) alphas.push_back(std::stod(part));
      if (alphas.size() == 1)
        params.alpha = alphas[0];
      else
        params.alpha_per_target = alphas;
      params.fit_intercept = row.at(4) == "1";
      const bool weighted = row.at(5) == "1";
      params.solver = solver_of(row.at(6));
      const bool is_sparse = row.at(7) == "1";
      params.positive = row.at(8) == "1";
      params.tol = 1e-12;
      if (params.solver == RidgeSolver::lsqr) params.max_iter = 1000;
      if (params.solver == RidgeSolver::sag || params.solver == RidgeSolver::saga) params.max_iter = 100000;
      const Matrix X = load(row.at(1));
      const Matrix Xt = load(test_of(row.at(1)));
      const Vector w = weighted ? load_vector(weights_of(row.at(1))) : Vector();
      Ridge model(params);
      Matrix predicted;
      if (is_multi(row.at(2))) {
        const Matrix Y = load(row.at(2));
        if (is_sparse)
          model.fit(sparse(X), Y, w);
        else
          model.fit(X, Y, w);
        predicted = model.predict_targets(Xt);
      } else {
        const Vector y = load_vector(row.at(2));
        if (is_sparse) {
          model.fit(sparse(X), y, w);
          predicted = model.predict(sparse(Xt));
        } else {
          model.fit(X, y, w);
          predicted = model.predict(Xt);
        }
      }
      const double tol = params.positive ? 1e-5 : 1e-6;
      BOOST_TEST(normwise_error(model.coef(), load("ridge_" + name + "_coef")) < tol);
      BOOST_TEST(normwise_error(model.intercept(), load_vector("ridge_" + name + "_intercept")) < tol);
      Matrix expected = load("ridge_" + name + "_predict");
      if (expected.cols() != predicted.cols()) expected.resize(predicted.rows(), predicted.cols());
      BOOST_TEST(normwise_error(predicted, expected) < tol);
    }
  }
}

BOOST_AUTO_TEST_CASE(solver_and_iterations_as_scikit_learn) {
  const Matrix X = load("X");
  const Vector y = load_vector("y");
  BOOST_TEST(Ridge().fit(X, y).solver() == "cholesky");
  BOOST_TEST(Ridge().fit(X, y).n_iter().empty());
  BOOST_TEST(Ridge({.positive = true}).fit(X, y).solver() == "lbfgs");
  BOOST_TEST(Ridge().fit(sparse(load("Xs")), load_vector("ys")).solver() == "sparse_cg");
  const Ridge lsqr = Ridge({.solver = RidgeSolver::lsqr}).fit(X, y);
  BOOST_TEST(lsqr.n_iter().size() == 1u);
  BOOST_TEST(lsqr.n_iter()[0] >= 1);
  // scikit-learn fits sparse X with an intercept by sag only at max_iter None and tol > 1e-4.
  const CsrMatrix Xs = sparse(load("Xs"));
  const Vector ys = load_vector("ys");
  BOOST_TEST(Ridge({.max_iter = 50, .solver = RidgeSolver::sag}).fit(Xs, ys).solver() == "sparse_cg");
  int warnings = 0;
  const ScopedWarningHandler count([&](const Warning&) { ++warnings; });
  BOOST_TEST(Ridge({.tol = 1e-3, .solver = RidgeSolver::sag}).fit(Xs, ys).solver() == "sag");
  BOOST_TEST(warnings >= 1);
}

// Sparse X gives the dense answer (implicit centering), for every solver
// that accepts it; a multi-target fit equals one fit per column.
BOOST_AUTO_TEST_CASE(sparse_equals_dense_and_targets_are_independent) {
  const Matrix X = load("Xs");
  const Vector y = load_vector("ys"), w = load_vector("ws");
  const Ridge reference = Ridge({.solver = RidgeSolver::cholesky}).fit(X, y, w);
  for (const RidgeSolver s : {RidgeSolver::sparse_cg, RidgeSolver::lsqr}) {
    const Ridge model = Ridge({.tol = 1e-12, .solver = s}).fit(sparse(X), y, w);
    BOOST_TEST(normwise_error(model.coef(), reference.coef()) < 1e-8);
    BOOST_TEST(std::abs(model.intercept()(0) - reference.intercept()(0)) < 1e-8);
    const Ridge dense = Ridge({.tol = 1e-12, .solver = s}).fit(X, y, w);
    BOOST_TEST(normwise_error(dense.coef(), reference.coef()) < 1e-8);
  }
  const Matrix XY = load("X");
  const Matrix Y = load("Y");
  const Ridge multi = Ridge({.alpha_per_target = {0.1, 1.0, 10.0}}).fit(XY, Y);
  for (Index j = 0; j < 3; ++j) {
    const Ridge one =
        Ridge({.alpha = std::vector<double>{0.1, 1.0, 10.0}[static_cast<std::size_t>(j)]}).fit(XY, Vector(Y.col(j)));
    BOOST_TEST(normwise_error(multi.coef().row(j), one.coef()) < 1e-12);
  }
  BOOST_CHECK_THROW((void)multi.predict(XY), ValueError);
}

// CSC input converts to CSR once; the answer is the same.
BOOST_AUTO_TEST_CASE(csc_input_is_accepted) {
  const Matrix X = load("Xs");
  const Vector y = load_vector("ys");
  const CscMatrix Xc = X.sparseView();
  const Ridge a = Ridge({.tol = 1e-12}).fit(Xc, y);
  const Ridge b = Ridge({.tol = 1e-12}).fit(sparse(X), y);
  BOOST_TEST(normwise_error(a.coef(), b.coef()) == 0.0);
  BOOST_TEST(normwise_error(RidgeCV().fit(Xc, y).coef(), RidgeCV().fit(X, y).coef()) < 1e-10);
}

// The blocks of rows are summed in a fixed order and BLAS splits the output,
// not the sum: the coefficients do not depend on the thread count.
BOOST_AUTO_TEST_CASE(the_result_does_not_depend_on_the_thread_count) {
  Generator rng(7);
  const Matrix X = (rng.standard_normal(9000, 80).array() + 2.0).matrix();
  const Vector y = X * rng.standard_normal(80) + rng.standard_normal(9000);
  const Vector w = (rng.random(9000).array() + 0.5).matrix();
  const int before = blas_num_threads();
  set_blas_num_threads(1);
  const Ridge one = Ridge().fit(X, y, w);
  const RidgeCV cv_one = RidgeCV().fit(X, y);
  set_blas_num_threads(4);
  const Ridge four = Ridge().fit(X, y, w);
  const RidgeCV cv_four = RidgeCV().fit(X, y);
  set_blas_num_threads(before);
  BOOST_TEST(normwise_error(one.coef(), four.coef()) < 1e-13);
  BOOST_TEST(cv_one.alpha() == cv_four.alpha());
  BOOST_TEST(normwise_error(cv_one.coef(), cv_four.coef()) < 1e-12);
}

// alpha = 0 on a rank-deficient X (a constant column, zero once centered):
// the Cholesky factorization meets a zero pivot and the SVD (minimum-norm)
// solution is returned, as scikit-learn falls back.
BOOST_AUTO_TEST_CASE(failed_cholesky_falls_back_to_svd) {
  Matrix X = load("X");
  X.col(1).setConstant(5.0);
  const Vector y = load_vector("y");
  const Ridge chol = Ridge({.alpha = 0, .solver = RidgeSolver::cholesky}).fit(X, y);
  const Ridge svd = Ridge({.alpha = 0, .solver = RidgeSolver::svd}).fit(X, y);
  BOOST_TEST(chol.solver() == "svd");
  BOOST_TEST(normwise_error(chol.coef(), svd.coef()) < 1e-12);
  BOOST_TEST(std::abs(chol.coef()(0, 1)) < 1e-12);  // the minimum-norm solution ignores the zero column
}

BOOST_AUTO_TEST_CASE(invalid_input_is_rejected_as_scikit_learn_does) {
  const Matrix X = load("X");
  const Vector y = load_vector("y");
  const auto message = [&](RidgeParams params) {
    return testing::message_of<ValueError>([&] { Ridge(params).fit(X, y); });
  };
  BOOST_TEST(message({.alpha = -1}).find("alpha must be >= 0") != std::string::npos);
  BOOST_TEST(message({.solver = RidgeSolver::lbfgs}).find("only when positive=True") != std::string::npos);
  BOOST_TEST(message({.solver = RidgeSolver::svd, .positive = true}).find("does not support positive") !=
             std::string::npos);
  BOOST_TEST(message({.alpha_per_target = {1.0, 2.0}}).find("do not correspond: 2 != 1") != std::string::npos);
  BOOST_TEST(message({.tol = -1}).find("tol") != std::string::npos);
  BOOST_TEST(message({.max_iter = 0}).find("max_iter") != std::string::npos);
  const CsrMatrix Xs = sparse(X);
  BOOST_CHECK_THROW((void)Ridge({.solver = RidgeSolver::cholesky}).fit(Xs, y), ValueError);
  BOOST_CHECK_THROW((void)Ridge({.fit_intercept = false, .solver = RidgeSolver::svd}).fit(Xs, y), ValueError);
  BOOST_CHECK_THROW((void)Ridge().fit(X, y.head(10)), ValueError);
  BOOST_CHECK_THROW((void)Ridge().fit(Xs, y.head(10)), ValueError);
  BOOST_CHECK_THROW((void)Ridge().set_params({{"solver", std::string("newton-cg")}}), ValueError);
  BOOST_CHECK_THROW((void)Ridge({.solver = RidgeSolver::saga}).fit(Xs, y), ValueError);
  const Ridge fitted = Ridge().fit(X, y);
  BOOST_CHECK_THROW((void)fitted.predict(sparse(load("Xs"))), ValueError);
}

// fit and predict check X's finiteness inside their one pass over X (the
// normal equations' blocks of 4096 rows, the scores' column segments): a NaN
// or Inf in the first block or a later one, weighted or not, with or without
// intercept, is reported as check_X reports it, naming the entry.
BOOST_AUTO_TEST_CASE(non_finite_X_is_found_in_every_block) {
  Generator rng(7);
  const Matrix clean = rng.standard_normal(9000, 4);
  const Vector y = rng.standard_normal(9000);
  const Vector w = rng.random(9000).array() + 0.5;
  for (const double bad : {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity()})
    for (const Index row : {Index{0}, Index{4095}, Index{4096}, Index{8999}})
      for (const bool intercept : {true, false}) {
        Matrix X = clean;
        X(row, 2) = bad;
        const Ridge model({.fit_intercept = intercept});
        const std::string entry = cat("entry (", row, ", 2)");
        for (const Vector& weights : {Vector(), w}) {
          const std::string m = testing::message_of<ValueError>([&] { Ridge(model).fit(X, y, weights); });
          BOOST_TEST(m.find("Ridge.fit") != std::string::npos);
          BOOST_TEST(m.find(entry) != std::string::npos, m);
        }
        BOOST_CHECK_THROW((void)RidgeClassifier().fit(X, (y.array() > 0).cast<double>().matrix()), ValueError);
        const Ridge fitted = Ridge(model).fit(clean, y);
        const std::string m = testing::message_of<ValueError>([&] { (void)fitted.predict(X); });
        BOOST_TEST(m.find("Ridge.predict") != std::string::npos);
        BOOST_TEST(m.find(entry) != std::string::npos, m);
      }
}

// The normal equations are built on rows shifted by the first block's mean,
// not the exact mean (one pass instead of two); on data far from the origin
// (offset 1e6, spread 1) they must still give the minimizer: cholesky agrees
// with svd (on the exactly centered copy) to 1e-8, far inside what the
// uncentered X'X - n m m' could give (its cancellation loses about 12 of the
// 16 digits here).
BOOST_AUTO_TEST_CASE(shifted_normal_equations_stay_accurate_far_from_the_origin) {
  Generator rng(11);
  const Matrix X = (rng.standard_normal(10000, 6).array() + 1e6).matrix();
  const Vector y = (X.rowwise() - X.colwise().mean()) * rng.standard_normal(6) + rng.standard_normal(10000);
  const Vector w = rng.random(10000).array() + 0.5;
  for (const Vector& weights : {Vector(), w}) {
    const Ridge chol = Ridge({.alpha = 0.5, .solver = RidgeSolver::cholesky}).fit(X, y, weights);
    const Ridge svd = Ridge({.alpha = 0.5, .solver = RidgeSolver::svd}).fit(X, y, weights);
    BOOST_TEST(chol.solver() == "cholesky");
    BOOST_TEST(normwise_error(chol.coef(), svd.coef()) < 1e-8);
    BOOST_TEST(std::abs(chol.intercept()(0) - svd.intercept()(0)) < 1e-8 * std::abs(svd.intercept()(0)));
  }
  // The first block far from the weighted data: rows 0..4095 at 1e8 with
  // weight 0, the rest N(0, 1). The shifted sums cancel 16 digits; the pass
  // is redone at the means, and the answer is the weighted fit of the rest.
  Matrix Z(8192, 1);
  Z.topRows(4096).setConstant(1e8);
  Z.bottomRows(4096) = rng.standard_normal(4096, 1);
  Vector yz = 2.0 * Z.col(0) + 0.1 * rng.standard_normal(8192);
  Vector wz = Vector::Ones(8192);
  wz.head(4096).setZero();
  const Ridge chol = Ridge({.alpha = 0.5, .solver = RidgeSolver::cholesky}).fit(Z, yz, wz);
  const Ridge rest = Ridge({.alpha = 0.5, .solver = RidgeSolver::svd}).fit(Z.bottomRows(4096), yz.tail(4096));
  BOOST_TEST(std::abs(chol.coef()(0, 0) - rest.coef()(0, 0)) < 1e-9);
  BOOST_TEST(std::abs(chol.intercept()(0) - rest.intercept()(0)) < 1e-9);
}

// Decision values within 1e-6 relative (as Ridge); labels equal.
BOOST_AUTO_TEST_CASE(ridge_classifier_matches_scikit_learn) {
  const auto rows = testing::read_manifest("learn/ridge/classifier.csv");
  BOOST_REQUIRE(rows.size() == 8);
  for (const auto& row : rows) {
    const std::string& name = row.at(0);
    BOOST_TEST_CONTEXT(name) {
      RidgeClassifierParams params;
      params.alpha = std::stod(row.at(3));
      params.fit_intercept = row.at(4) == "1";
      const bool weighted = row.at(5) == "1";
      if (row.at(6) == "balanced") params.class_weight = "balanced";
      params.solver = solver_of(row.at(7));
      const bool is_sparse = row.at(8) == "1";
      params.tol = 1e-12;
      if (params.solver == RidgeSolver::lsqr) params.max_iter = 1000;
      const Matrix X = load(row.at(1));
      const Matrix Xt = load(test_of(row.at(1)));
      const Vector y = load_vector(row.at(2));
      const Vector w = weighted ? load_vector(weights_of(row.at(1))) : Vector();
      RidgeClassifier model(params);
      Matrix decision;
      Vector labels;
      if (is_sparse) {
        model.fit(sparse(X), y, w);
        decision = model.decision_function(sparse(Xt));
        labels = model.predict(sparse(Xt));
      } else {
        model.fit(X, y, w);
        decision = model.decision_function(Xt);
        labels = model.predict(Xt);
      }
      BOOST_TEST(model.classes() == load_vector("clf_" + name + "_classes"));
      BOOST_TEST(normwise_error(model.coef(), load("clf_" + name + "_coef")) < 1e-6);
      BOOST_TEST(normwise_error(model.intercept(), load_vector("clf_" + name + "_intercept")) < 1e-6);
      BOOST_TEST(normwise_error(decision, load("clf_" + name + "_decision")) < 1e-6);
      BOOST_TEST(labels == load_vector("clf_" + name + "_predict"));
    }
  }
}

BOOST_AUTO_TEST_CASE(ridge_classifier_rejects_bad_labels) {
  const Matrix X = load("X");
  const Vector one_class = Vector::Constant(X.rows(), 2.0);
  BOOST_TEST(testing::message_of<ValueError>([&] { RidgeClassifier().fit(X, one_class); }).find("at least 2 classes") !=
             std::string::npos);
  Vector continuous = load_vector("y");
  BOOST_TEST(testing::message_of<ValueError>([&] { RidgeClassifier().fit(X, continuous); }).find("Unknown label") !=
             std::string::npos);
  BOOST_CHECK_THROW((void)RidgeClassifier({.class_weight = "auto"}).fit(X, load_vector("y2")), ValueError);
}

// The leave-one-out errors are closed forms of one decomposition: cv_results
// within 1e-8 relative to their largest entry (eigen / SVD residuals carry
// ~cond eps), the chosen alpha equal, coef within 1e-6.
BOOST_AUTO_TEST_CASE(ridge_cv_matches_scikit_learn) {
  const auto rows = testing::read_manifest("learn/ridge/cv.csv");
  BOOST_REQUIRE(rows.size() >= 15);
  const Vector alphas = load_vector("alphas");
  for (const auto& row : rows) {
    const std::string& name = row.at(0);
    BOOST_TEST_CONTEXT(name) {
      RidgeCVParams params;
      params.alphas.assign(alphas.data(), alphas.data() + alphas.size());
      params.fit_intercept = row.at(3) == "1";
      const bool weighted = row.at(4) == "1";
      RidgeCV model;
      model.set_params({{"gcv_mode", row.at(5)}});
      params.gcv_mode = model.params().gcv_mode;
      const bool is_sparse = row.at(6) == "1";
      params.alpha_per_target = row.at(7) == "1";
      const bool kfold = row.at(8) != "none";
      if (kfold) params.cv = std::stoi(row.at(8));
      params.store_cv_results = !kfold;
      model.set_params(params);
      const Matrix X = load(row.at(1));
      const Vector w = weighted ? load_vector(weights_of(row.at(1))) : Vector();
      if (is_multi(row.at(2))) {
        model.fit(X, load(row.at(2)), w);
      } else if (is_sparse) {
        model.fit(sparse(X), load_vector(row.at(2)), w);
      } else {
        model.fit(X, load_vector(row.at(2)), w);
      }
      BOOST_TEST(model.alpha() == load_vector("cv_" + name + "_alpha"));
      BOOST_TEST(normwise_error(model.coef(), load("cv_" + name + "_coef")) < 1e-6);
      BOOST_TEST(normwise_error(model.intercept(), load_vector("cv_" + name + "_intercept")) < 1e-6);
      const Vector best = load_vector("cv_" + name + "_best_score");
      BOOST_TEST(normwise_error(model.best_score(), best) < 1e-8);
      if (!kfold) {
        const Matrix expected = load("cv_" + name + "_cv_results");
        BOOST_TEST((model.cv_results() - expected).cwiseAbs().maxCoeff() / expected.cwiseAbs().maxCoeff() < 1e-8);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(ridge_classifier_cv_matches_scikit_learn) {
  const auto rows = testing::read_manifest("learn/ridge/classifier_cv.csv");
  BOOST_REQUIRE(rows.size() == 5);
  const Vector alphas = load_vector("alphas");
  for (const auto& row : rows) {
    const std::string& name = row.at(0);
    BOOST_TEST_CONTEXT(name) {
      RidgeClassifierCVParams params;
      params.alphas.assign(alphas.data(), alphas.data() + alphas.size());
      const bool weighted = row.at(3) == "1";
      if (row.at(4) == "balanced") params.class_weight = "balanced";
      const bool is_sparse = row.at(5) == "1";
      const bool kfold = row.at(6) != "none";
      if (kfold) params.cv = std::stoi(row.at(6));
      params.store_cv_results = !kfold;
      RidgeClassifierCV model(params);
      const Matrix X = load(row.at(1));
      const Vector y = load_vector(row.at(2));
      const Vector w = weighted ? load_vector(weights_of(row.at(1))) : Vector();
      if (is_sparse) {
        model.fit(sparse(X), y, w);
        BOOST_TEST(model.predict(sparse(load(test_of(row.at(1))))) == load_vector("clfcv_" + name + "_predict"));
      } else {
        model.fit(X, y, w);
      }
      BOOST_TEST(model.alpha() == load_vector("clfcv_" + name + "_alpha")(0));
      BOOST_TEST(normwise_error(model.coef(), load("clfcv_" + name + "_coef")) < 1e-6);
      BOOST_TEST(normwise_error(model.intercept(), load_vector("clfcv_" + name + "_intercept")) < 1e-6);
      BOOST_TEST(std::abs(model.best_score() - load_vector("clfcv_" + name + "_best_score")(0)) < 1e-8);
      BOOST_TEST(model.predict(load(test_of(row.at(1)))) == load_vector("clfcv_" + name + "_predict"));
      if (!kfold) {
        const Matrix expected = load("clfcv_" + name + "_cv_results");
        BOOST_TEST((model.cv_results() - expected).cwiseAbs().maxCoeff() / expected.cwiseAbs().maxCoeff() < 1e-8);
      }
    }
  }
}

// The leave-one-out error is what refitting without the sample gives.
BOOST_AUTO_TEST_CASE(ridge_cv_residuals_are_leave_one_out_refits) {
  const Matrix X = load("X");
  const Vector y = load_vector("y"), w = load_vector("w");
  const RidgeCV cv = RidgeCV({.alphas = {0.5}, .store_cv_results = true}).fit(X, y, w);
  for (const Index i : {0, 17, 59}) {
    Matrix Xi(X.rows() - 1, X.cols());
    Vector yi(X.rows() - 1), wi(X.rows() - 1);
    for (Index r = 0, k = 0; r < X.rows(); ++r)
      if (r != i) {
        Xi.row(k) = X.row(r);
        yi(k) = y(r);
        wi(k++) = w(r);
      }
    const Ridge refit = Ridge({.alpha = 0.5}).fit(Xi, yi, wi);
    const double residual = y(i) - refit.predict(X.row(i))(0);
    // cv_results holds w_i (y_i - yhat_(-i))^2 (errors of the sqrt(w)-scaled problem).
    BOOST_TEST(std::abs(cv.cv_results()(i, 0) - w(i) * residual * residual) < 1e-10 * (1 + cv.cv_results()(i, 0)));
  }
}

BOOST_AUTO_TEST_CASE(ridge_cv_rejects_invalid_settings) {
  const Matrix X = load("X");
  const Vector y = load_vector("y");
  BOOST_CHECK_THROW((void)RidgeCV({.alphas = {}}).fit(X, y), ValueError);
  BOOST_CHECK_THROW((void)RidgeCV({.alphas = {1.0, 0.0}}).fit(X, y), ValueError);
  BOOST_CHECK_THROW((void)RidgeCV({.cv = 1}).fit(X, y), ValueError);
  BOOST_CHECK_THROW((void)RidgeCV({.cv = 3, .store_cv_results = true}).fit(X, y), ValueError);
  BOOST_CHECK_THROW((void)RidgeCV({.scoring = "r2"}).fit(X, y), ValueError);
  BOOST_CHECK_THROW((void)RidgeCV().fit(sparse(X), y.head(5)), ValueError);
  BOOST_TEST(RidgeCV().get_params().size() == 7u);
}

BOOST_AUTO_TEST_SUITE_END()

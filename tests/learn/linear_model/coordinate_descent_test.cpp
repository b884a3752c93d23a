// Lasso, ElasticNet, the paths, LassoCV / ElasticNetCV and the multi-task
// models against scikit-learn 1.9 (tests/reference/learn_coordinate_descent.py).
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <scilearn/core/io.hpp>
#include <scilearn/core/parallel.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn.hpp>
#include <string>
#include <vector>

#include "support/expect.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(coordinate_descent)

using namespace scilearn;
using namespace scilearn::learn;

namespace {

const std::string dir = "learn/coordinate_descent/";

Matrix load(const std::string& name) { return io::load_npy<double>(testing::fixture_path(dir + name + ".npy")); }
Vector load_vector(const std::string& name) {
  return io::load_npy_vector<double>(testing::fixture_path(dir + name + ".npy"));
}
double load_scalar(const std::string& name) { return load_vector(name)(0); }

CscMatrix sparse_of(const Matrix& X) { return X.sparseView(); }

// Largest |a - b| relative to the largest |b| (at least 1e-300).
double normwise_error(const Eigen::Ref<const Matrix>& a, const Eigen::Ref<const Matrix>& b) {
  BOOST_REQUIRE(a.rows() == b.rows());
  BOOST_REQUIRE(a.cols() == b.cols());
  return (a - b).cwiseAbs().maxCoeff() / std::max(1e-300, b.cwiseAbs().maxCoeff());
}

// scikit-learn's objective: (1 / (2 sum w)) sum w r^2 + alpha l1_ratio ||coef||_1
// + alpha (1 - l1_ratio) / 2 ||coef||^2 (rows of W for the L1 part with several targets).
double objective(const Matrix& X, const Matrix& Y, const Vector& w, const Matrix& coef, const Vector& intercept,
                 double alpha, double l1_ratio) {
  Matrix r = Y - X * coef.transpose();
  r.rowwise() -= intercept.transpose();
  const Vector weights = w.size() ? w : Vector::Ones(X.rows());
  const double loss = 0.5 * (weights.asDiagonal() * r.array().square().matrix()).sum() / weights.sum();
  const double l1 = coef.colwise().norm().sum();
  return loss + alpha * l1_ratio * l1 + 0.5 * alpha * (1 - l1_ratio) * coef.squaredNorm();
}

struct Case {
  std::string name, data;
  double alpha = 1, l1_ratio = 1;
  bool lasso = false, fit_intercept = true, positive = false, precompute = false, weighted = false, sparse = false,
       unique = true;
};

std::vector<Case> cases() {
  std::vector<Case> out;
  for (const auto& row : testing::read_manifest(dir + "cases.csv")) {
    Case c;
    c.name = row.at(0);
    c.data = row.at(1);
    c.alpha = std::stod(row.at(2));
    c.lasso = row.at(3) == "lasso";
    c.l1_ratio = c.lasso ? 1.0 : std::stod(row.at(3));
    c.fit_intercept = row.at(4) == "1";
    c.positive = row.at(5) == "1";
    c.precompute = row.at(6) == "1";
    c.weighted = row.at(7) == "1";
    c.sparse = row.at(8) == "1";
    c.unique = row.at(9) == "1";
    out.push_back(c);
  }
  BOOST_REQUIRE(out.size() == 20);
  return out;
}

struct Result {
  Vector coef;
  double intercept = 0, dual_gap = 0;
  Index n_iter = 0;
};

// Fits one case as ElasticNet or Lasso, dense or sparse.
Result fit_case(const Case& c, double tol, int max_iter, CdSelection selection = CdSelection::cyclic) {
  const Matrix X = load("X_" + c.data);
  const Vector y = load_vector("y_" + c.data);
  const Vector w = c.weighted ? load_vector("w_" + c.data) : Vector();
  auto run = [&](auto& model) {
    if (c.sparse)
      model.fit(sparse_of(X), y, w);
    else
      model.fit(X, y, w);
    return Result{model.coef(), model.intercept(), model.dual_gap(), model.n_iter()};
  };
  if (c.lasso) {
    Lasso model({.alpha = c.alpha,
                 .fit_intercept = c.fit_intercept,
                 .precompute = c.precompute,
                 .max_iter = max_iter,
                 .tol = tol,
                 .positive = c.positive,
                 .random_state = 3,
                 .selection = selection});
    return run(model);
  }
  ElasticNet model({.alpha = c.alpha,
                    .l1_ratio = c.l1_ratio,
                    .fit_intercept = c.fit_intercept,
                    .precompute = c.precompute,
                    .max_iter = max_iter,
                    .tol = tol,
                    .positive = c.positive,
                    .random_state = 3,
                    .selection = selection});
  return run(model);
}

double case_objective(const Case& c, const Result& r) {
  const Matrix X = load("X_" + c.data);
  const Vector y = load_vector("y_" + c.data);
  const Vector w = c.weighted ? load_vector("w_" + c.data) : Vector();
  return objective(X, y, w, r.coef.transpose(), Vector::Constant(1, r.intercept), c.alpha, c.l1_ratio);
}

}  // namespace

// At tol = 1e-12 both sides stand at the minimizer: the objective agrees to
// 1e-8 relative (it is flat there, so it matches to far below the
// coefficients' error), the coefficients to 1e-6 relative where the
// minimizer is unique (an elastic net always; these Lasso problems too, X
// being in general position), and the objective is never above scikit-learn's
// by more than rounding.
BOOST_AUTO_TEST_CASE(tight_fits_match_scikit_learn_objective_and_coefficients) {
  for (const Case& c : cases()) {
    const Result r = fit_case(c, 1e-12, 1000000);
    const double ours = case_objective(c, r), theirs = load_scalar(c.name + "_objective");
    BOOST_TEST_INFO(c.name << ": objective " << ours << " vs " << theirs);
    BOOST_TEST(std::abs(ours - theirs) <= 1e-8 * std::abs(theirs));
    if (c.unique) {
      BOOST_TEST_INFO(c.name);
      BOOST_TEST(normwise_error(r.coef, load_vector(c.name + "_coef")) <= 1e-6);
      BOOST_TEST(std::abs(r.intercept - load_scalar(c.name + "_intercept")) <=
                 1e-6 * std::max(1.0, std::abs(load_scalar(c.name + "_intercept"))));
    }
    if (c.positive) BOOST_TEST((r.coef.array() >= 0).all());
  }
}

// At the default tol the answer is wherever the stopping rule stopped, so it
// is checked by its certificate: the objective lies above the minimizer's
// (scikit-learn's tight fit) by at most the reported duality gap, which is at
// most tol ||y||^2 / n (y centered and weighted; rounding allowed: 1e-12
// relative). With the Gram matrix both sides run the same sweeps in the same
// order with the same screening: the same number of sweeps, and iterates
// that differ by rounding only (1e-9 relative). The dense and sparse solvers
// sweep a working set between full sweeps (scikit-learn does not), so their
// counts differ.
BOOST_AUTO_TEST_CASE(default_tolerance_stops_within_the_duality_gap) {
  for (const Case& c : cases()) {
    const Result r = fit_case(c, 1e-4, 1000);
    const double optimum = load_scalar(c.name + "_objective");
    const double ours = case_objective(c, r);
    const Vector y = load_vector("y_" + c.data);
    const Vector w = c.weighted ? load_vector("w_" + c.data) : Vector::Ones(y.size());
    const double y_mean = c.fit_intercept ? w.dot(y) / w.sum() : 0.0;
    const double y_norm2 = (y.array() - y_mean).square().matrix().dot(w) * static_cast<double>(y.size()) / w.sum();
    BOOST_TEST_INFO(c.name << ": objective " << ours << " vs " << optimum << ", gap " << r.dual_gap);
    BOOST_TEST(ours >= optimum - 1e-12 * optimum);
    BOOST_TEST(ours <= optimum + r.dual_gap + 1e-12 * optimum);
    BOOST_TEST(r.dual_gap <= 1e-4 * y_norm2 / static_cast<double>(y.size()) * (1 + 1e-12));
    if (c.precompute && !c.sparse) {
      BOOST_TEST(static_cast<double>(r.n_iter) == load_scalar(c.name + "_default_n_iter"));
      BOOST_TEST(normwise_error(r.coef, load_vector(c.name + "_default_coef")) <= 1e-9);
    }
  }
}

// Random selection visits the coordinates in another (our stream's) order:
// the same minimizer all the same.
BOOST_AUTO_TEST_CASE(random_selection_reaches_the_same_minimizer) {
  for (const Case& c : cases()) {
    if (c.name != "lasso_dense" && c.name != "enet_sparse_weighted" && c.name != "enet_wide") continue;
    const Result r = fit_case(c, 1e-12, 1000000, CdSelection::random);
    BOOST_TEST_INFO(c.name);
    BOOST_TEST(std::abs(case_objective(c, r) - load_scalar(c.name + "_objective")) <=
               1e-8 * load_scalar(c.name + "_objective"));
    BOOST_TEST(normwise_error(r.coef, load_vector(c.name + "_coef")) <= 1e-6);
  }
}

// The sparse solver centers implicitly: on the same data it agrees with the
// dense solver, which centers a copy (rounding only: 1e-10 relative).
BOOST_AUTO_TEST_CASE(sparse_and_dense_fits_agree) {
  const Matrix X = load("X_sparse");
  const Vector y = load_vector("y_sparse"), w = load_vector("w_sparse");
  for (const bool intercept : {true, false}) {
    ElasticNet dense({.alpha = 0.05, .fit_intercept = intercept, .max_iter = 100000, .tol = 1e-12});
    ElasticNet sparse = dense;
    dense.fit(X, y, w);
    sparse.fit(sparse_of(X), y, w);
    BOOST_TEST(normwise_error(sparse.coef(), dense.coef()) <= 1e-8);
    BOOST_TEST(std::abs(sparse.intercept() - dense.intercept()) <= 1e-8 * (1 + std::abs(dense.intercept())));
    const CsrMatrix rows = sparse_of(X);
    BOOST_TEST(normwise_error(sparse.predict(rows), dense.predict(X)) <= 1e-8);
  }
}

// precompute = true, false, "auto" and a given Gram matrix give the same fit.
BOOST_AUTO_TEST_CASE(every_precompute_choice_gives_the_same_fit) {
  const Matrix X = load("X_dense");
  const Vector y = load_vector("y_dense");
  const Vector ref = load_vector("lasso_no_intercept_coef");
  const Matrix gram = X.transpose() * X;
  for (const Precompute& pre : {Precompute(false), Precompute(true), Precompute("auto"), Precompute(gram)}) {
    Lasso model({.alpha = 0.1, .fit_intercept = false, .precompute = pre, .max_iter = 1000000, .tol = 1e-12});
    model.fit(X, y);
    BOOST_TEST(normwise_error(model.coef(), ref) <= 1e-6);
  }
  // With fit_intercept the given (uncentered) Gram matrix is recomputed, with a warning.
  std::vector<std::string> warnings;
  Lasso model({.alpha = 0.1, .precompute = gram, .max_iter = 1000000, .tol = 1e-12});
  {
    const ScopedWarningHandler capture([&](const Warning& w) { warnings.push_back(w.message); });
    model.fit(X, y);
  }
  BOOST_TEST(warnings.size() == 1u);
  BOOST_TEST(normwise_error(model.coef(), load_vector("lasso_dense_coef")) <= 1e-6);
}

// Lasso and ElasticNet check X's finiteness in enet_fit, with the column
// statistics where they take a pass over X (intercept, no weights), else
// before solving: every path reports a NaN or Inf as check_X does.
BOOST_AUTO_TEST_CASE(non_finite_X_is_rejected_on_every_path) {
  Matrix X = load("X_dense");
  const Vector y = load_vector("y_dense");
  const Vector w = Vector::LinSpaced(X.rows(), 0.5, 2.0);
  for (const double bad : {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity()}) {
    X(X.rows() - 1, 1) = bad;
    const std::string entry = cat("entry (", X.rows() - 1, ", 1)");
    for (const bool intercept : {true, false})
      for (const Precompute& pre : {Precompute(false), Precompute(true)})
        for (const Vector& weights : {Vector(), w}) {
          const std::string m = testing::message_of<ValueError>(
              [&] { Lasso({.alpha = 0.1, .fit_intercept = intercept, .precompute = pre}).fit(X, y, weights); });
          BOOST_TEST(m.find("Lasso.fit") != std::string::npos, m);
          BOOST_TEST(m.find(entry) != std::string::npos, m);
          BOOST_CHECK_THROW(ElasticNet({.fit_intercept = intercept, .precompute = pre}).fit(X, y, weights), ValueError);
        }
  }
}

// warm_start starts from the previous coefficients: at the same alpha the
// refit stops at once.
BOOST_AUTO_TEST_CASE(warm_start_continues_from_the_previous_fit) {
  const Matrix X = load("X_dense");
  const Vector y = load_vector("y_dense");
  Lasso model({.alpha = 0.1, .tol = 1e-8, .warm_start = true});
  model.fit(X, y);
  const Vector first = model.coef();
  model.fit(X, y);
  BOOST_TEST(model.n_iter() <= 1);
  BOOST_TEST(normwise_error(model.coef(), first) <= 1e-6);
}

BOOST_AUTO_TEST_CASE(paths_match_scikit_learn) {
  for (const auto& row : testing::read_manifest(dir + "paths.csv")) {
    const std::string name = row.at(0), data = row.at(1);
    const bool lasso = row.at(2) == "lasso", sparse = row.at(7) == "1";
    const Index n_alphas = std::stol(row.at(4));
    EnetPathOptions o;
    o.l1_ratio = std::stod(row.at(3));
    o.eps = std::stod(row.at(5));
    o.positive = row.at(6) == "1";
    o.tol = 1e-12;
    o.max_iter = 1000000;
    if (n_alphas == 0) {
      const Vector given = load_vector("given_alphas");
      o.alphas = std::vector<double>(given.begin(), given.end());
    } else {
      o.alphas = n_alphas;
    }
    const Matrix X = load("X_" + data);
    const Vector y = load_vector("y_" + data);
    EnetPathResult r;
    if (sparse)
      r = lasso ? lasso_path(sparse_of(X), y, o) : enet_path(sparse_of(X), y, o);
    else
      r = lasso ? lasso_path(X, y, o) : enet_path(X, y, o);
    BOOST_TEST_INFO(name);
    // The grid: alpha_max from X'y (a sum of n rounded terms) then numpy's
    // geomspace formula, so equal to a few ulps.
    BOOST_TEST(normwise_error(r.alphas, load_vector(name + "_alphas")) <= 1e-14);
    BOOST_TEST(normwise_error(r.coefs, load(name + "_coefs")) <= 1e-6);
    BOOST_TEST(r.dual_gaps.size() == r.alphas.size());
  }
}

BOOST_AUTO_TEST_CASE(cv_estimators_choose_scikit_learns_alpha) {
  for (const auto& row : testing::read_manifest(dir + "cv.csv")) {
    const std::string name = row.at(0), data = row.at(1);
    const bool lasso = row.at(2) == "lasso", weighted = row.at(6) == "1", sparse = row.at(7) == "1";
    const bool intercept = row.at(8) == "1";
    std::vector<double> ratios;
    for (std::size_t start = 0; start <= row.at(3).size();) {
      const auto end = std::min(row.at(3).find(';', start), row.at(3).size());
      ratios.push_back(std::stod(row.at(3).substr(start, end - start)));
      start = end + 1;
    }
    const Index n_alphas = std::stol(row.at(4));
    AlphaGrid alphas = n_alphas;
    if (n_alphas == 0) {
      const Vector given = load_vector("given_alphas");
      alphas = std::vector<double>(given.begin(), given.end());
    }
    const int folds = std::stoi(row.at(5));
    const Matrix X = load("X_" + data);
    const Vector y = load_vector("y_" + data);
    const Vector w = weighted ? load_vector("w_" + data) : Vector();
    EnetCVFitted f;
    if (lasso) {
      LassoCV model({.alphas = alphas, .fit_intercept = intercept, .max_iter = 1000000, .tol = 1e-12, .cv = folds});
      if (sparse)
        model.fit(sparse_of(X), y, w);
      else
        model.fit(X, y, w);
      f = model.fitted();
    } else {
      ElasticNetCV model({.l1_ratio = ratios,
                          .alphas = alphas,
                          .fit_intercept = intercept,
                          .max_iter = 1000000,
                          .tol = 1e-12,
                          .cv = folds});
      if (sparse)
        model.fit(sparse_of(X), y, w);
      else
        model.fit(X, y, w);
      f = model.fitted();
      BOOST_TEST(f.l1_ratio == load_scalar(name + "_l1_ratio_"));
    }
    BOOST_TEST_INFO(name);
    BOOST_TEST(f.alpha == load_scalar(name + "_alpha_"), boost::test_tools::tolerance(1e-14));
    BOOST_TEST(normwise_error(f.alphas, load(name + "_alphas_")) <= 1e-14);
    Matrix mse(static_cast<Index>(f.mse_path.size()) * f.mse_path.front().rows(), f.mse_path.front().cols());
    for (std::size_t r = 0; r < f.mse_path.size(); ++r)
      mse.middleRows(static_cast<Index>(r) * f.mse_path.front().rows(), f.mse_path.front().rows()) = f.mse_path[r];
    // Each MSE comes from a path solved to tol 1e-12: agreement to 1e-8.
    BOOST_TEST(normwise_error(mse, load(name + "_mse_path")) <= 1e-8);
    BOOST_TEST(normwise_error(f.coef, load_vector(name + "_coef")) <= 1e-6);
  }
}

// n_jobs runs the folds on several threads; every path is computed as on one.
BOOST_AUTO_TEST_CASE(cv_result_does_not_depend_on_the_thread_count) {
  const Matrix X = load("X_dense");
  const Vector y = load_vector("y_dense"), w = load_vector("w_dense");
  ElasticNetCV one({.l1_ratio = {0.3, 0.8}, .alphas = 10, .cv = 4, .n_jobs = 1});
  ElasticNetCV many({.l1_ratio = {0.3, 0.8}, .alphas = 10, .cv = 4, .n_jobs = 3});
  one.fit(X, y, w);
  many.fit(X, y, w);
  BOOST_TEST(one.alpha() == many.alpha());
  for (std::size_t r = 0; r < 2; ++r) BOOST_TEST((one.mse_path()[r] == many.mse_path()[r]));
  BOOST_TEST((one.coef() == many.coef()));
}

BOOST_AUTO_TEST_CASE(multi_task_models_match_scikit_learn) {
  const Matrix X = load("X_multi"), Y = load("Y_multi");
  const Vector w_all = load_vector("w_multi");
  for (const auto& row : testing::read_manifest(dir + "multitask.csv")) {
    const std::string name = row.at(0);
    const double alpha = std::stod(row.at(1));
    const bool lasso = row.at(2) == "lasso";
    const double l1_ratio = lasso ? 1.0 : std::stod(row.at(2));
    const bool intercept = row.at(3) == "1";
    const Vector w = row.at(4) == "1" ? w_all : Vector();
    auto run = [&](double tol, int max_iter) -> MultiTaskFitted {
      if (lasso) {
        MultiTaskLasso m({.alpha = alpha, .fit_intercept = intercept, .max_iter = max_iter, .tol = tol});
        return m.fit(X, Y, w).fitted();
      }
      MultiTaskElasticNet m(
          {.alpha = alpha, .l1_ratio = l1_ratio, .fit_intercept = intercept, .max_iter = max_iter, .tol = tol});
      return m.fit(X, Y, w).fitted();
    };
    const MultiTaskFitted tight = run(1e-12, 1000000);
    BOOST_TEST_INFO(name);
    const double theirs = load_scalar(name + "_objective");
    BOOST_TEST(std::abs(objective(X, Y, w, tight.coef, tight.intercept, alpha, l1_ratio) - theirs) <= 1e-8 * theirs);
    BOOST_TEST(normwise_error(tight.coef, load(name + "_coef")) <= 1e-6);
    BOOST_TEST(normwise_error(tight.intercept, load_vector(name + "_intercept")) <= 1e-6);
    const MultiTaskFitted standard = run(1e-4, 1000);
    BOOST_TEST(static_cast<double>(standard.n_iter) == load_scalar(name + "_default_n_iter"));
    BOOST_TEST(normwise_error(standard.coef, load(name + "_default_coef")) <= 1e-9);
  }
}

BOOST_AUTO_TEST_CASE(multi_task_refuses_one_dimensional_targets_through_the_interface) {
  const Matrix X = load("X_multi");
  const Vector y = load("Y_multi").col(0);
  MultiTaskLasso model;
  Estimator& e = model;
  BOOST_CHECK_THROW(e.fit(X, y), ValueError);
  // A vector passed to the typed fit is a one-column Y.
  model.fit(X, y);
  BOOST_TEST(model.coef().rows() == 1);
  BOOST_TEST(model.predict(X).size() == X.rows());
  // save / load keeps the model.
  const auto path = testing::scratch_dir("learn_cd") / "mt.scl";
  save(model, path);
  const auto loaded = scilearn::learn::load(path);
  BOOST_TEST((loaded->predict(X) == model.predict(X)));
}

BOOST_AUTO_TEST_CASE(bad_parameters_are_rejected_with_the_numbers) {
  const Matrix X = load("X_dense");
  const Vector y = load_vector("y_dense");
  BOOST_TEST(testing::message_of<ValueError>([&] { Lasso({.alpha = -1}).fit(X, y); }).find("-1") != std::string::npos);
  BOOST_CHECK_THROW(ElasticNet({.l1_ratio = 1.5}).fit(X, y), ValueError);
  BOOST_CHECK_THROW(Lasso({.max_iter = 0}).fit(X, y), ValueError);
  BOOST_CHECK_THROW(Lasso({.tol = -1}).fit(X, y), ValueError);
  BOOST_CHECK_THROW((void)lasso_path(X, y, {.eps = 0}), ValueError);
  BOOST_CHECK_THROW((void)enet_path(X, y, {.l1_ratio = 0}), ValueError);
  BOOST_CHECK_THROW(LassoCV({.cv = 1}).fit(X, y), ValueError);
  BOOST_CHECK_THROW(Lasso({.fit_intercept = false, .precompute = Matrix(Matrix::Identity(3, 3))}).fit(X, y),
                    ValueError);
  Lasso fitted;
  fitted.fit(X, y);
  const CsrMatrix wrong = sparse_of(Matrix::Ones(2, 3));
  BOOST_CHECK_THROW((void)fitted.predict(wrong), ValueError);
  // The parameter types round-trip through get_params / set_params.
  Lasso copy;
  copy.set_params(Lasso({.precompute = "auto"}).get_params());
  BOOST_TEST((copy.params().precompute.kind() == Precompute::Kind::automatic));
  LassoCV cv;
  cv.set_params(LassoCV({.alphas = {0.1, 0.2}}).get_params());
  BOOST_TEST(cv.params().alphas.is_list());
}

BOOST_AUTO_TEST_CASE(max_iter_reached_warns_and_keeps_the_iterate) {
  const Matrix X = load("X_ill");
  const Vector y = load_vector("y_ill");
  std::vector<Warning> warnings;
  Lasso model({.alpha = 1e-4, .max_iter = 2, .tol = 1e-12});
  {
    const ScopedWarningHandler capture([&](const Warning& w) { warnings.push_back(w); });
    model.fit(X, y);
  }
  BOOST_TEST(warnings.size() == 1u);
  BOOST_TEST((warnings.front().category == WarningCategory::convergence));
  BOOST_TEST(model.n_iter() == 2);
  BOOST_TEST(model.coef().allFinite());
}

BOOST_AUTO_TEST_SUITE_END()

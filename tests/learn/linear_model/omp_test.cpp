// orthogonal_mp and OrthogonalMatchingPursuit against scikit-learn 1.9
// (tests/reference/learn_bayes_lars.py): the same support, exactly, and the
// least squares coefficients on it.
#include <boost/test/unit_test.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn.hpp>

#include "learn/linear_model/bayes_lars_fixtures.hpp"
#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(linear_model_omp)

using namespace scilearn;
using namespace scilearn::learn;
using namespace scilearn::testing::bayes_lars;

namespace {

// The coefficients are a least squares solve on the support, through a
// Cholesky factor of its Gram matrix (condition number below 1e4 here): 1e-9.
constexpr double tol = 1e-9;

std::vector<Index> support(const Vector& coef) {
  std::vector<Index> out;
  for (Index j = 0; j < coef.size(); ++j)
    if (coef(j) != 0) out.push_back(j);
  return out;
}

void check(const Vector& coef, Index n_iter, const std::string& name) {
  BOOST_TEST_INFO(name);
  const Vector expected = vector(name + "_coef");
  BOOST_TEST(support(coef) == support(expected), boost::test_tools::per_element());
  BOOST_TEST(relative_error(coef, expected) <= tol);
  BOOST_TEST(n_iter == static_cast<Index>(scalar(name + "_n_iter")));
}

}  // namespace

BOOST_AUTO_TEST_CASE(orthogonal_mp_matches_scikit_learn) {
  const Matrix Xd = matrix("Xd"), Xw = matrix("Xw"), X = matrix("X");
  const Vector yd = vector("yd"), yw = vector("yw"), y = vector("y");
  auto r = orthogonal_mp(Xd, yd, {.n_nonzero_coefs = 3, .precompute = false});
  check(r.coef, r.n_iter, "omp_k3_x");
  r = orthogonal_mp(Xd, yd, {.n_nonzero_coefs = 3, .precompute = true});
  check(r.coef, r.n_iter, "omp_k3_gram");
  r = orthogonal_mp(Xw, yw, {.tol = 0.5});
  check(r.coef, r.n_iter, "omp_tol_x");
  r = orthogonal_mp(Xw, yw);
  check(r.coef, r.n_iter, "omp_default_x");
  // tol out of reach: every atom, then "ended prematurely".
  int warnings = 0;
  {
    ScopedWarningHandler count([&](const Warning&) { ++warnings; });
    r = orthogonal_mp(X, y, {.tol = 5.0, .precompute = true});
  }
  check(r.coef, r.n_iter, "omp_tol_gram");
  BOOST_TEST(warnings == 1);
}

BOOST_AUTO_TEST_CASE(orthogonal_mp_gram_equals_the_gram_path) {
  const Matrix Xd = matrix("Xd");
  const Vector yd = vector("yd");
  const auto r = orthogonal_mp_gram(Xd.transpose() * Xd, Xd.transpose() * yd, {.n_nonzero_coefs = 3});
  check(r.coef, r.n_iter, "omp_k3_gram");
  BOOST_CHECK_THROW((void)orthogonal_mp_gram(Xd.transpose() * Xd, Xd.transpose() * yd, {.tol = 1.0}), ValueError);
}

BOOST_AUTO_TEST_CASE(orthogonal_matching_pursuit_matches_scikit_learn) {
  struct Case {
    std::string name, X, y;
    OrthogonalMatchingPursuit::Params params;
  };
  const std::vector<Case> cases = {
      {"ompe_default", "Xd", "yd", {}},
      {"ompe_k4", "X", "y", {.n_nonzero_coefs = 4}},
      {"ompe_tol", "X", "y", {.tol = 20.0, .precompute = false}},
      {"ompe_wide", "Xw", "yw", {.n_nonzero_coefs = 5, .fit_intercept = false}},
  };
  for (const auto& c : cases) {
    OrthogonalMatchingPursuit model(c.params);
    model.fit(matrix(c.X), vector(c.y));
    check(model.coef(), model.n_iter(), c.name);
    BOOST_TEST(std::abs(model.intercept() - scalar(c.name + "_intercept")) <=
               tol * std::max(1.0, std::abs(scalar(c.name + "_intercept"))));
    BOOST_TEST(model.n_nonzero_coefs() == static_cast<Index>(scalar(c.name + "_n_nonzero_coefs")));
  }
}

BOOST_AUTO_TEST_CASE(multi_target_fit_matches_scikit_learn) {
  const Matrix Xd = matrix("Xd"), Y = matrix("Y2");
  OrthogonalMatchingPursuit model({.n_nonzero_coefs = 3});
  model.fit(Xd, Y);
  const Matrix expected = matrix("multi_omp_coef");
  for (Index t = 0; t < 2; ++t) {
    BOOST_TEST_INFO("target " << t);
    BOOST_TEST(support(model.coef_targets().row(t).transpose()) == support(expected.row(t).transpose()),
               boost::test_tools::per_element());
  }
  BOOST_TEST(relative_error(model.coef_targets(), expected) <= tol);
  BOOST_TEST(relative_error(model.intercept_targets(), vector("multi_omp_intercept")) <= tol);
  BOOST_TEST(model.n_iter_targets() == std::vector<Index>({3, 3}), boost::test_tools::per_element());
  BOOST_TEST(model.predict_targets(Xd).cols() == 2);
  BOOST_CHECK_THROW((void)model.predict(Xd), ValueError);
}

BOOST_AUTO_TEST_CASE(omp_recovers_an_exact_sparse_signal_for_several_seeds) {
  // y = X w with 3 non-zero weights of 40 on 50 samples: OMP with 3 atoms
  // finds them and the weights to rounding; with tol it stops there too.
  for (const std::uint64_t seed : {1u, 2u, 3u}) {
    Generator rng(seed);
    const Matrix X = rng.standard_normal(50, 40);
    Vector w = Vector::Zero(40);
    w(3) = 2.0;
    w(17) = -1.5;
    w(31) = 1.0;
    const Vector y = X * w;
    BOOST_TEST_INFO("seed " << seed);
    for (const bool gram : {false, true}) {
      const auto r = orthogonal_mp(X, y, {.n_nonzero_coefs = 3, .precompute = gram});
      BOOST_TEST((r.coef - w).cwiseAbs().maxCoeff() <= 1e-12);
      const auto t = orthogonal_mp(X, y, {.tol = 1e-20, .precompute = gram});
      BOOST_TEST(t.n_iter == 3);
    }
  }
}

BOOST_AUTO_TEST_CASE(bad_atom_counts_are_rejected) {
  const Matrix X = matrix("X");
  const Vector y = vector("y");
  BOOST_CHECK_THROW((void)orthogonal_mp(X, y, {.n_nonzero_coefs = 0}), ValueError);
  BOOST_CHECK_THROW((void)orthogonal_mp(X, y, {.n_nonzero_coefs = 7}), ValueError);
  BOOST_CHECK_THROW((void)orthogonal_mp(X, y, {.tol = -1.0}), ValueError);
  BOOST_CHECK_THROW(OrthogonalMatchingPursuit({.n_nonzero_coefs = 9}).fit(X, y), ValueError);
}

BOOST_AUTO_TEST_SUITE_END()

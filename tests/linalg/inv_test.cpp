#include <boost/test/unit_test.hpp>
#include <limits>
#include <scilearn/core/warnings.hpp>
#include <scilearn/linalg/inv.hpp>
#include <string>

#include "linalg_testing.hpp"

BOOST_AUTO_TEST_SUITE(inv)

using namespace scilearn;
using linalg::AssumeA;

// LAPACK's test ratio for an inverse (xGET03): ||I - a x||_1 / (n ||a||_1 ||x||_1 eps).
template <class S>
double inverse_ratio(const MatrixT<S>& a, const MatrixT<S>& x) {
  const Index n = a.rows();
  const auto norm1 = [](const MatrixT<S>& m) { return static_cast<double>(m.cwiseAbs().colwise().sum().maxCoeff()); };
  const double eps = std::numeric_limits<typename Eigen::NumTraits<S>::Real>::epsilon();
  return norm1(MatrixT<S>::Identity(n, n) - a * x) / (static_cast<double>(n) * norm1(a) * norm1(x) * eps);
}

template <class S>
void check_case(const std::vector<std::string>& f) {
  BOOST_TEST_CONTEXT("case " << f[0]) {
    const MatrixT<S> a = testing::load_fixture<S>("linalg/basic", f[0] + "_a");
    const MatrixT<S> x_ref = testing::load_fixture<S>("linalg/basic", f[0] + "_x");
    const AssumeA assume = f[2] == "gen"   ? AssumeA::gen
                           : f[2] == "sym" ? AssumeA::sym
                           : f[2] == "her" ? AssumeA::her
                                           : AssumeA::pos;
    const bool lower = f[3] == "1";
    const MatrixT<S> passed = assume == AssumeA::gen ? a : testing::corrupt_ignored_triangle<S>(a, lower);
    const MatrixT<S> x = linalg::inv(passed, {.assume_a = assume, .lower = lower});
    BOOST_TEST(inverse_ratio<S>(a, x) < 30.0);
    // Both inverses are within ~n eps cond of the exact one (each has a small
    // residual), so they agree to twice that.
    const double eps = std::numeric_limits<typename Eigen::NumTraits<S>::Real>::epsilon();
    const double rel = static_cast<double>((x - x_ref).cwiseAbs().colwise().sum().maxCoeff() /
                                           x_ref.cwiseAbs().colwise().sum().maxCoeff());
    BOOST_TEST(rel <= 2 * 30 * static_cast<double>(a.rows()) * eps * std::stod(f[4]));
  }
}

BOOST_AUTO_TEST_CASE(matches_scipy_for_every_type_and_structure) {
  const auto rows = testing::read_manifest("linalg/basic/inv_cases.csv");
  BOOST_TEST_REQUIRE(rows.size() == 32u);
  for (const auto& f : rows) {
    testing::with_scalar(f[1][0], [&](auto scalar) { check_case<typename decltype(scalar)::type>(f); });
  }
}

BOOST_AUTO_TEST_CASE(hilbert_inverse_is_exact_integers_up_to_rounding) {
  // The inverse of the Hilbert matrix of order 5 has known integer entries;
  // cond_1 ~ 9.4e5 allows ~1e-10 relative error.
  Matrix h(5, 5);
  for (Index i = 0; i < 5; ++i)
    for (Index j = 0; j < 5; ++j) h(i, j) = 1.0 / static_cast<double>(i + j + 1);
  const Matrix exact{{25, -300, 1050, -1400, 630},
                     {-300, 4800, -18900, 26880, -12600},
                     {1050, -18900, 79380, -117600, 56700},
                     {-1400, 26880, -117600, 179200, -88200},
                     {630, -12600, 56700, -88200, 44100}};
  for (AssumeA assume : {AssumeA::gen, AssumeA::sym, AssumeA::pos}) {
    const Matrix x = linalg::inv(h, {.assume_a = assume});
    BOOST_TEST(((x - exact).cwiseAbs().maxCoeff() / exact.cwiseAbs().maxCoeff()) < 1e-9);
  }
}

BOOST_AUTO_TEST_CASE(singular_and_indefinite_matrices_are_linalg_errors) {
  const Matrix singular{{1, 2}, {2, 4}};
  BOOST_CHECK_THROW((void)linalg::inv(singular), LinAlgError);
  Matrix big = Matrix::Ones(150, 150);  // LAPACK path: rank one
  BOOST_CHECK_THROW((void)linalg::inv(big), LinAlgError);
  const Matrix indefinite{{1, 2}, {2, 1}};
  BOOST_CHECK_THROW((void)linalg::inv(indefinite, {.assume_a = AssumeA::pos}), LinAlgError);
  BOOST_CHECK_NO_THROW((void)linalg::inv(indefinite, {.assume_a = AssumeA::sym}));
}

BOOST_AUTO_TEST_CASE(ill_conditioned_matrix_warns) {
  Matrix h(14, 14);
  for (Index i = 0; i < 14; ++i)
    for (Index j = 0; j < 14; ++j) h(i, j) = 1.0 / static_cast<double>(i + j + 1);
  int warnings = 0;
  ScopedWarningHandler count([&](const Warning& w) { warnings += w.category == WarningCategory::linalg; });
  (void)linalg::inv(h);
  BOOST_TEST(warnings == 1);
}

BOOST_AUTO_TEST_CASE(errors_empty_and_inputs_untouched) {
  BOOST_CHECK_THROW((void)linalg::inv(Matrix::Ones(2, 3)), ValueError);
  Matrix a = Matrix::Identity(2, 2);
  a(1, 0) = std::numeric_limits<double>::quiet_NaN();
  BOOST_CHECK_THROW((void)linalg::inv(a), ValueError);
  BOOST_TEST(linalg::inv(Matrix(0, 0)).size() == 0);
  std::srand(9);
  const Matrix m0 = Matrix::Random(150, 150);
  Matrix m = m0;
  (void)linalg::inv(m);
  BOOST_TEST((m == m0));
}

BOOST_AUTO_TEST_SUITE_END()

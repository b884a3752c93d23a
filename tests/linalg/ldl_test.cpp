#include <boost/test/unit_test.hpp>
#include <limits>
#include <scilearn/core/warnings.hpp>
#include <scilearn/linalg/ldl.hpp>
#include <string>
#include <vector>

#include "linalg_testing.hpp"
#include "support/expect.hpp"

namespace {

using namespace scilearn;
using testing::eps;
using testing::factorization_ratio;
using testing::max_rel_diff;
using testing::message_of;
using testing::residual_ratio;

const std::string kDir = "linalg/qr";

// One ldl row of tests/data/linalg/qr/cases.csv (tests/reference/linalg_qr.py).
struct Case {
  std::string name;
  char dtype;
  bool lower;
  bool hermitian;
};

std::vector<Case> read_cases() {
  std::vector<Case> cases;
  for (const auto& f : testing::read_manifest_kind(kDir + "/cases.csv", "ldl", 9, 4))
    cases.push_back({f[0], f[2][0], f[4] == "1", f[5] == "1"});
  return cases;
}

template <class S>
MatrixT<S> load(const std::string& name) {
  return testing::load_fixture<S>(kDir, name);
}

// lu d lu^H (hermitian) or lu d lu^T.
template <class S>
MatrixT<S> product(const linalg::LdlResult<S>& f, bool hermitian) {
  if (hermitian) return f.lu * f.d * f.lu.adjoint();
  return f.lu * f.d * f.lu.transpose();
}

// The structure SciPy documents: lu(perm, all) unit triangular, d block
// diagonal with 1 x 1 and 2 x 2 blocks (Hermitian ones when hermitian).
template <class S>
void check_structure(const linalg::LdlResult<S>& f, bool lower, bool hermitian) {
  const Index n = f.lu.rows();
  const MatrixT<S> t = f.lu(f.perm, Eigen::all);  // NumPy's lu[perm, :]
  BOOST_TEST(t.diagonal().isOnes(0));
  for (Index j = 0; j < n; ++j)
    for (Index i = 0; i < n; ++i)
      if (lower ? i < j : i > j) BOOST_TEST(t(i, j) == S(0));
  for (Index j = 0; j < n; ++j) {
    for (Index i = 0; i < n; ++i) {
      if (std::abs(i - j) > 1) BOOST_TEST(f.d(i, j) == S(0));
      if (std::abs(i - j) == 1) {
        const S mirror = hermitian ? Eigen::numext::conj(f.d(j, i)) : f.d(j, i);
        BOOST_TEST(f.d(i, j) == mirror);
      }
    }
  }
  // Blocks do not overlap: no row has entries on both sides of the diagonal.
  for (Index i = 1; i + 1 < n; ++i) BOOST_TEST((f.d(i, i - 1) == S(0) || f.d(i, i + 1) == S(0)));
}

template <class S>
void check_case(const Case& c) {
  BOOST_TEST_CONTEXT("case " << c.name) {
    const MatrixT<S> a = load<S>(c.name + "_a");  // the ignored triangle holds 1e3 (+ 1e3 i)
    const MatrixT<S> heff = load<S>(c.name + "_heff");
    const linalg::LdlResult<S> f = linalg::ldl(a, {.lower = c.lower, .hermitian = c.hermitian});
    const IndexVector perm_ref = testing::load_index_fixture(kDir, c.name + "_perm");
    // Bunch-Kaufman's choices (block sizes, interchanges) compare ratios of
    // entries against a fixed constant: the same LAPACK algorithm makes the
    // same choices unless a ratio lies within rounding of it.
    BOOST_TEST((f.perm == perm_ref));
    // Entries of lu and d carry O(n eps) relative error times the element
    // growth, which Bunch-Kaufman keeps small, times cond(a) (factor_tolerance).
    const double tol = testing::factor_tolerance<S>(heff);
    BOOST_TEST(max_rel_diff<S>(f.lu, load<S>(c.name + "_lu")) <= tol);
    BOOST_TEST(max_rel_diff<S>(f.d, load<S>(c.name + "_d")) <= tol);
    const bool hermitian = c.hermitian && Eigen::NumTraits<S>::IsComplex;
    check_structure<S>(f, c.lower, hermitian);
    BOOST_TEST(factorization_ratio<S>(heff, product<S>(f, hermitian)) <= 30.0);
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ldl)

BOOST_AUTO_TEST_CASE(matches_scipy_on_every_reference_case) {
  for (const Case& c : read_cases()) {
    testing::with_scalar(c.dtype, [&]<class S>(std::type_identity<S>) { check_case<S>(c); });
  }
}

BOOST_AUTO_TEST_CASE(docstring_example_is_exact) {
  // SciPy's docstring: the upper triangle of a, lower = false.
  const Matrix a{{2, -1, 3}, {0, 2, 0}, {0, 0, 1}};
  const auto [lu, d, perm] = linalg::ldl(a, {.lower = false});
  BOOST_TEST((lu == Matrix{{0, 0, 1}, {0, 1, -0.5}, {1, 1, 1.5}}));
  BOOST_TEST((d == Matrix{{-5, 0, 0}, {0, 1.5, 0}, {0, 0, 2}}));
  BOOST_TEST((perm == IndexVector{{2, 1, 0}}));
}

BOOST_AUTO_TEST_CASE(a_singular_matrix_is_factored_without_error) {
  // As SciPy: ?sytrf's info > 0 is not an error for ldl().
  const auto [lu, d, perm] = linalg::ldl(Matrix::Zero(3, 3));
  BOOST_TEST((lu == Matrix::Identity(3, 3)));
  BOOST_TEST(d.isZero(0));
  BOOST_TEST((perm == IndexVector{{0, 1, 2}}));
}

BOOST_AUTO_TEST_CASE(empty_and_one_by_one_matrices) {
  const auto [lu, d, perm] = linalg::ldl(MatrixT<std::complex<double>>(0, 0));
  BOOST_TEST(lu.size() == 0);
  BOOST_TEST(d.size() == 0);
  BOOST_TEST(perm.size() == 0);
  const auto one = linalg::ldl(MatrixT<float>{{-3.0f}});
  BOOST_TEST((one.lu == MatrixT<float>{{1.0f}}));
  BOOST_TEST((one.d == MatrixT<float>{{-3.0f}}));
  const linalg::LDL<double> obj(Matrix(0, 0));
  BOOST_TEST(obj.solve(Matrix(0, 2)).cols() == 2);
  BOOST_TEST(obj.rcond() == 1.0);
}

BOOST_AUTO_TEST_CASE(a_non_real_hermitian_diagonal_warns_as_scipys_complex_warning) {
  using C = std::complex<double>;
  const MatrixT<C> a{{C(1, 1), C(2, 0)}, {C(2, 0), C(3, 0)}};
  std::vector<Warning> seen;
  {
    ScopedWarningHandler record([&](const Warning& w) { seen.push_back(w); });
    const auto f = linalg::ldl(a);
    // ?hetrf uses the real part only: the factors are those of real(a).
    BOOST_TEST(factorization_ratio<C>(MatrixT<C>{{C(1, 0), C(2, 0)}, {C(2, 0), C(3, 0)}}, product<C>(f, true)) <= 30.0);
    (void)linalg::ldl(a, {.hermitian = false});  // complex symmetric: the diagonal is what it is
  }
  BOOST_TEST_REQUIRE(seen.size() == 1u);
  BOOST_TEST((seen[0].category == WarningCategory::runtime));
  BOOST_TEST(seen[0].message ==
             "ldl: the imaginary parts of the diagonal are ignored; use hermitian = false to factor a complex "
             "symmetric matrix");
}

BOOST_AUTO_TEST_CASE(non_square_input_is_a_value_error) {
  BOOST_TEST(message_of<ValueError>([] { (void)linalg::ldl(Matrix::Identity(2, 3)); }) ==
             "ldl: a is 2x3, expected a square matrix");
  BOOST_TEST(message_of<ValueError>([] { (void)linalg::LDL<float>(MatrixT<float>::Identity(3, 2)); }) ==
             "LDL::compute: a is 3x2, expected a square matrix");
}

BOOST_AUTO_TEST_CASE(nan_or_inf_is_a_value_error_unless_unchecked) {
  Matrix a = Matrix::Identity(3, 3);
  a(0, 2) = std::numeric_limits<double>::quiet_NaN();  // in the triangle lower = true ignores
  BOOST_TEST(message_of<ValueError>([&] { (void)linalg::ldl(a); }) ==
             "ldl: a must contain only finite values, but entry (0, 2) is nan");
  BOOST_CHECK_THROW((void)linalg::LDL<double>(a), ValueError);
  // Unchecked, as SciPy: the ignored triangle does not matter.
  const auto f = linalg::ldl(a, {.check_finite = false});
  BOOST_TEST((f.lu == Matrix::Identity(3, 3)));
  BOOST_TEST((f.d == Matrix::Identity(3, 3)));
}

BOOST_AUTO_TEST_CASE(inputs_are_not_modified) {
  std::srand(23);
  const Matrix m = Matrix::Random(6, 6);
  const Matrix a0 = m + m.transpose();
  const Matrix b0 = Matrix::Random(6, 2);
  Matrix a = a0;
  Matrix b = b0;
  for (bool lower : {false, true}) {
    (void)linalg::ldl(a, {.lower = lower});
    (void)linalg::LDL<double>(a, {.lower = lower}).solve(b);
  }
  BOOST_TEST((a == a0));
  BOOST_TEST((b == b0));
}

// Order 200: above ?sytrf's block size (64), the blocked ?lasyf path.
template <class S>
void check_large() {
  std::srand(29);
  const Index n = 200;
  const MatrixT<S> m = MatrixT<S>::Random(n, n);
  for (bool hermitian : {true, false}) {
    BOOST_TEST_CONTEXT("hermitian " << hermitian) {
      const bool conj = hermitian && Eigen::NumTraits<S>::IsComplex;
      const MatrixT<S> a = conj ? MatrixT<S>(m + m.adjoint()) : MatrixT<S>(m + m.transpose());
      for (bool lower : {true, false}) {
        const auto f = linalg::ldl(a, {.lower = lower, .hermitian = hermitian});
        check_structure<S>(f, lower, conj);
        // Bunch-Kaufman's growth is modest on random matrices; LAPACK's own
        // test (xSYT01) uses the same ratio with threshold 30.
        BOOST_TEST(factorization_ratio<S>(a, product<S>(f, conj)) <= 30.0);
        const MatrixT<S> b = MatrixT<S>::Random(n, 2);
        const linalg::LDL<S> obj(a, {.lower = lower, .hermitian = hermitian});
        BOOST_TEST(residual_ratio<S>(a, obj.solve(b), b) <= 30.0);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(large_matrices_have_small_backward_error) {
  check_large<float>();
  check_large<double>();
  check_large<std::complex<float>>();
  check_large<std::complex<double>>();
}

// ---- linalg::LDL, the factorization object --------------------------------

template <class S>
void check_object() {
  std::srand(31);
  const MatrixT<S> m = MatrixT<S>::Random(7, 7);
  for (bool hermitian : {true, false}) {
    const bool conj = hermitian && Eigen::NumTraits<S>::IsComplex;
    const MatrixT<S> a = conj ? MatrixT<S>(m + m.adjoint()) : MatrixT<S>(m + m.transpose());
    for (bool lower : {true, false}) {
      BOOST_TEST_CONTEXT("hermitian " << hermitian << ", lower " << lower) {
        linalg::LDL<S> ldl;
        const linalg::LdlOptions options{.lower = lower, .hermitian = hermitian};
        BOOST_TEST((&ldl.compute(testing::corrupt_ignored_triangle<S>(a, lower), options) == &ldl));
        BOOST_TEST((ldl.info() == linalg::LdlInfo::success));
        const VectorT<S> b = VectorT<S>::Random(7);
        const VectorT<S> x = ldl.solve(b);  // a vector in, a vector out
        BOOST_TEST(residual_ratio<S>(a, x, b) <= 30.0);
        const auto f = ldl.factors();
        const auto g = linalg::ldl(a, options);
        BOOST_TEST((f.lu == g.lu));
        BOOST_TEST((f.d == g.d));
        BOOST_TEST((f.perm == g.perm));
        BOOST_TEST(ldl.rcond() > 0);
        BOOST_TEST(ldl.rcond() <= 1);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(object_solves_and_factors_as_ldl_does) {
  check_object<float>();
  check_object<double>();
  check_object<std::complex<float>>();
  check_object<std::complex<double>>();
}

BOOST_AUTO_TEST_CASE(object_rcond_estimates_the_reciprocal_condition_number) {
  const Matrix h{{1, 1.0 / 2, 1.0 / 3}, {1.0 / 2, 1.0 / 3, 1.0 / 4}, {1.0 / 3, 1.0 / 4, 1.0 / 5}};  // hilbert(3)
  // NumPy: 1 / cond(hilbert(3), 1) = 1 / 748; ?sycon's estimate is exact here.
  BOOST_TEST(linalg::LDL<double>(h).rcond() == 1.0 / 748.0, boost::test_tools::tolerance(1e-12));
  // An indefinite one: [[0, 1], [1, 0]] is its own inverse, cond_1 = 1.
  BOOST_TEST(linalg::LDL<double>(Matrix{{0, 1}, {1, 0}}).rcond() == 1.0, boost::test_tools::tolerance(1e-15));
}

BOOST_AUTO_TEST_CASE(object_reports_a_singular_matrix_through_info) {
  const linalg::LDL<double> ldl(Matrix{{1, 1}, {1, 1}});
  BOOST_TEST((ldl.info() == linalg::LdlInfo::singular));
  BOOST_TEST(message_of<LinAlgError>([&] { (void)ldl.solve(Vector::Ones(2)); }) ==
             "LDL::solve: matrix is singular (D(1, 1) is exactly zero)");
  BOOST_TEST(ldl.rcond() == 0.0);
  const auto f = ldl.factors();  // still valid, as ldl()'s
  BOOST_TEST(factorization_ratio<double>(Matrix{{1, 1}, {1, 1}}, product<double>(f, false)) <= 30.0);
}

BOOST_AUTO_TEST_CASE(object_rejects_mismatched_or_non_finite_b) {
  const linalg::LDL<double> ldl(Matrix::Identity(3, 3));
  BOOST_TEST(message_of<ValueError>([&] { (void)ldl.solve(Vector::Ones(2)); }) ==
             "LDL::solve: a is 3x3 but b has 2 rows");
  Vector b = Vector::Ones(3);
  b(2) = std::numeric_limits<double>::infinity();
  BOOST_CHECK_THROW((void)ldl.solve(b), ValueError);
  BOOST_CHECK_NO_THROW((void)linalg::LDL<double>(Matrix::Identity(3, 3), {.check_finite = false}).solve(b));
}

BOOST_AUTO_TEST_CASE(object_used_before_compute_is_a_not_fitted_error) {
  const linalg::LDL<std::complex<float>> ldl;
  BOOST_TEST(message_of<NotFittedError>([&] { (void)ldl.solve(VectorT<std::complex<float>>::Ones(2)); }) ==
             "LDL::solve: compute() has not been called");
  BOOST_CHECK_THROW((void)ldl.info(), NotFittedError);
  BOOST_CHECK_THROW((void)ldl.rcond(), NotFittedError);
  BOOST_CHECK_THROW((void)ldl.factors(), NotFittedError);
}

BOOST_AUTO_TEST_CASE(object_keeps_its_factor_when_compute_throws) {
  linalg::LDL<double> ldl(Matrix{{-4.0}});
  BOOST_CHECK_THROW(ldl.compute(Matrix::Ones(2, 3)), ValueError);
  BOOST_TEST(ldl.solve(Vector{{8.0}})(0) == -2.0);
}

BOOST_AUTO_TEST_SUITE_END()

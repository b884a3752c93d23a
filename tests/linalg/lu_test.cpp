#include <boost/test/unit_test.hpp>
#include <limits>
#include <scilearn/core/warnings.hpp>
#include <scilearn/linalg/lu.hpp>
#include <string>
#include <vector>

#include "linalg_testing.hpp"
#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(lu)

using namespace scilearn;
using testing::message_of;

template <class S>
using Real = typename Eigen::NumTraits<S>::Real;

const std::string kDir = "linalg/decomp";

// One row of tests/data/linalg/decomp/cases.csv (tests/reference/linalg_decomp.py).
struct Case {
  std::string name;
  char dtype;
  int trans;
  bool warns;
  double cond_1;
};

std::vector<Case> read_cases(const std::string& kind) {
  std::vector<Case> cases;
  for (const auto& f : testing::read_manifest(kDir + "/cases.csv")) {
    BOOST_TEST_REQUIRE(f.size() == 8u);
    if (f[1] == kind) cases.push_back({f[0], f[2][0], std::stoi(f[4]), f[5] == "1", std::stod(f[7])});
  }
  BOOST_TEST_REQUIRE(cases.size() >= 10u);
  return cases;
}

template <class S>
MatrixT<S> load(const std::string& name) {
  return testing::load_fixture<S>(kDir, name);
}

IndexVector load_indices(const std::string& name) { return load<double>(name).col(0).cast<int>(); }

using testing::eps;
using testing::factorization_ratio;
using testing::max_rel_diff;
using testing::norm1;
using testing::residual_ratio;

template <class S>
MatrixT<S> op(const MatrixT<S>& a, int trans) {
  if (trans == 0) return a;
  if (trans == 1) return a.transpose();
  return a.adjoint();
}

// The inverse permutation of p: q[p[i]] = i.
IndexVector inverse(const IndexVector& p) {
  IndexVector q(p.size());
  for (Index i = 0; i < p.size(); ++i) q(p(i)) = static_cast<int>(i);
  return q;
}

// Partial pivoting picks the largest entry of each column of the Schur
// complement: the first rank(a) choices are decided by the data, those after
// by rounding noise (an exactly singular a), which BLAS kernels round differently.
template <class S>
bool pivots_agree(const MatrixT<S>& a, const IndexVector& ours, const IndexVector& scipy) {
  const Index r = testing::numerical_rank<S>(a);
  return ours.size() == scipy.size() && ours.head(r) == scipy.head(r);
}

template <class S>
void check_lu_case(const Case& c) {
  BOOST_TEST_CONTEXT("case " << c.name) {
    const MatrixT<S> a = load<S>(c.name + "_a");
    const auto [p, p_indices, l, pl, u] = linalg::lu(a);
    // The same pivot choices as SciPy, up to a's numerical rank (see
    // pivots_agree). a = l[p_indices] u: row k of l u is a's row inverse(p_indices)[k].
    BOOST_TEST(pivots_agree<S>(a, inverse(p_indices), inverse(load_indices(c.name + "_p"))));
    // Two backward-stable results with the same pivots agree to a few ulps of
    // the data times cond(a) (testing::factor_tolerance).
    const double tol = testing::factor_tolerance<S>(a);
    BOOST_TEST(max_rel_diff<S>(l, load<S>(c.name + "_l")) <= tol);
    BOOST_TEST(max_rel_diff<S>(u, load<S>(c.name + "_u")) <= tol);
    BOOST_TEST(factorization_ratio<S>(a, p.template cast<S>() * l * u) <= 30.0);

    const auto permuted = linalg::lu(a, {.permute_l = true});
    BOOST_TEST(max_rel_diff<S>(permuted.pl, load<S>(c.name + "_pl")) <= tol);
    BOOST_TEST(factorization_ratio<S>(a, permuted.pl * permuted.u) <= 30.0);
  }
}

BOOST_AUTO_TEST_CASE(lu_matches_scipy_on_every_reference_case) {
  for (const Case& c : read_cases("lu")) {
    testing::with_scalar(c.dtype, [&]<class S>(std::type_identity<S>) { check_lu_case<S>(c); });
  }
}

template <class S>
void check_lu_solve_case(const Case& c) {
  BOOST_TEST_CONTEXT("case " << c.name) {
    const MatrixT<S> a = load<S>(c.name + "_a");
    int warnings = 0;
    ScopedWarningHandler count([&](const Warning& w) { warnings += w.category == WarningCategory::linalg; });
    const linalg::LuFactor<S> f = linalg::lu_factor(a);
    BOOST_TEST(warnings == (c.warns ? 1 : 0));
    BOOST_TEST(pivots_agree<S>(a, f.piv, load_indices(c.name + "_piv")));
    const double tol = testing::factor_tolerance<S>(a);
    BOOST_TEST(max_rel_diff<S>(f.lu, load<S>(c.name + "_lu")) <= tol);

    const MatrixT<S> b = load<S>(c.name + "_b");
    MatrixT<S> x;
    if (testing::is_vector_fixture(kDir, c.name + "_b")) {
      const VectorT<S> bv = b.col(0);
      VectorT<S> xv =
          linalg::lu_solve(f, bv, {.trans = static_cast<linalg::Trans>(c.trans)});  // a vector in, a vector out
      x = xv;
    } else {
      x = linalg::lu_solve(f, b, {.trans = static_cast<linalg::Trans>(c.trans)});
    }
    if (c.warns) {  // exactly singular: like SciPy, x is not finite
      BOOST_TEST(!x.allFinite());
      return;
    }
    BOOST_TEST(residual_ratio<S>(op<S>(a, c.trans), x, b) <= 30.0);
    const MatrixT<S> x_ref = load<S>(c.name + "_x");
    const double rel = norm1<S>(x - x_ref) / norm1<S>(x_ref);
    BOOST_TEST(rel <= 2 * 30 * static_cast<double>(a.rows()) * eps<S>() * c.cond_1);
  }
}

BOOST_AUTO_TEST_CASE(lu_factor_and_lu_solve_match_scipy_on_every_reference_case) {
  for (const Case& c : read_cases("lu_solve")) {
    testing::with_scalar(c.dtype, [&]<class S>(std::type_identity<S>) { check_lu_solve_case<S>(c); });
  }
}

BOOST_AUTO_TEST_CASE(docstring_example_is_exact) {
  const Matrix a{{1, 2}, {3, 4}};
  const auto [p, p_indices, l, pl, u] = linalg::lu(a);
  BOOST_TEST((p == Matrix{{0, 1}, {1, 0}}));
  BOOST_TEST((p_indices == IndexVector{{1, 0}}));
  BOOST_TEST((l - Matrix{{1, 0}, {1.0 / 3, 1}}).cwiseAbs().maxCoeff() < 1e-15);
  BOOST_TEST((u - Matrix{{3, 4}, {0, 2.0 / 3}}).cwiseAbs().maxCoeff() < 1e-15);
  BOOST_TEST(pl.size() == 0);
}

BOOST_AUTO_TEST_CASE(options_select_which_factors_are_built) {
  const Matrix a{{1, 2}, {3, 4}, {5, 6}};
  const auto indices_only = linalg::lu(a, {.p_indices = true});
  BOOST_TEST(indices_only.p.size() == 0);
  BOOST_TEST((indices_only.p_indices == IndexVector{{1, 2, 0}}));  // SciPy's answer for this a
  BOOST_TEST(indices_only.l.rows() == 3);
  BOOST_TEST(indices_only.l.cols() == 2);
  BOOST_TEST(indices_only.u.rows() == 2);
  const auto permuted = linalg::lu(a, {.permute_l = true});
  BOOST_TEST(permuted.p.size() == 0);
  BOOST_TEST(permuted.l.size() == 0);
  BOOST_TEST((permuted.pl - Matrix{{0.2, 1}, {0.6, 0.5}, {1, 0}}).cwiseAbs().maxCoeff() < 1e-15);
}

BOOST_AUTO_TEST_CASE(complex_input_gives_a_real_permutation_matrix) {
  using C = std::complex<double>;
  const MatrixT<C> a{{C(1, 1), C(2, 0)}, {C(3, -1), C(0, 4)}};
  const auto r = linalg::lu(a);
  static_assert(std::is_same_v<decltype(r.p), Matrix>);
  BOOST_TEST(factorization_ratio<C>(a, r.p.cast<C>() * r.l * r.u) <= 30.0);
}

BOOST_AUTO_TEST_CASE(inputs_are_not_modified) {
  std::srand(11);
  const Matrix a0 = Matrix::Random(6, 6);
  const Vector b0 = Vector::Random(6);
  Matrix a = a0;
  Vector b = b0;
  (void)linalg::lu(a);
  const auto f = linalg::lu_factor(a);
  const auto f0 = f;
  (void)linalg::lu_solve(f, b, {.trans = linalg::Trans::T});
  linalg::LU<double> lu(a);
  (void)lu.solve(b);
  BOOST_TEST((a == a0));
  BOOST_TEST((b == b0));
  BOOST_TEST((f.lu == f0.lu));
}

BOOST_AUTO_TEST_CASE(singular_matrix_is_factored_silently_by_lu) {
  int warnings = 0;
  ScopedWarningHandler count([&](const Warning&) { ++warnings; });
  const Matrix a{{1, 2}, {2, 4}};
  const auto r = linalg::lu(a);
  BOOST_TEST(warnings == 0);
  BOOST_TEST(r.u(1, 1) == 0.0);
  BOOST_TEST(factorization_ratio<double>(a, r.p * r.l * r.u) <= 30.0);
}

BOOST_AUTO_TEST_CASE(lu_factor_warns_with_scipys_message_on_an_exact_zero_pivot) {
  std::vector<std::string> messages;
  ScopedWarningHandler record([&](const Warning& w) { messages.push_back(w.message); });
  const auto f = linalg::lu_factor(Matrix{{1, 2}, {2, 4}});
  BOOST_TEST_REQUIRE(messages.size() == 1u);
  BOOST_TEST(messages[0] == "lu_factor: Diagonal number 2 is exactly zero. Singular matrix.");
  BOOST_TEST((f.piv == IndexVector{{1, 1}}));  // SciPy: array([1, 1])
}

BOOST_AUTO_TEST_CASE(rectangular_lu_factor_has_min_m_n_pivots) {
  const auto f = linalg::lu_factor(Matrix{{1, 2, 3}, {4, 5, 6}});
  BOOST_TEST((f.piv == IndexVector{{1, 1}}));  // SciPy: array([1, 1])
  BOOST_TEST((f.lu - Matrix{{4, 5, 6}, {0.25, 0.75, 1.5}}).cwiseAbs().maxCoeff() < 1e-15);
}

BOOST_AUTO_TEST_CASE(one_by_one_matrix) {
  const auto r = linalg::lu(Matrix{{3.0}});
  BOOST_TEST((r.p == Matrix{{1.0}}));
  BOOST_TEST((r.l == Matrix{{1.0}}));
  BOOST_TEST((r.u == Matrix{{3.0}}));
  BOOST_TEST(linalg::lu_solve(linalg::lu_factor(Matrix{{4.0}}), Vector{{2.0}})(0) == 0.5);
}

// SciPy 1.17.1: p 0 x 0 (p_indices empty) whatever m is, l m x 0, u 0 x n.
BOOST_AUTO_TEST_CASE(empty_inputs_give_scipys_shapes) {
  for (auto [m, n] : {std::pair<Index, Index>{0, 0}, {3, 0}, {0, 3}}) {
    BOOST_TEST_CONTEXT(m << "x" << n) {
      const auto r = linalg::lu(Matrix(m, n));
      BOOST_TEST(r.p.rows() == 0);
      BOOST_TEST(r.p.cols() == 0);
      BOOST_TEST(r.p_indices.size() == 0);
      BOOST_TEST(r.l.rows() == m);
      BOOST_TEST(r.l.cols() == 0);
      BOOST_TEST(r.u.rows() == 0);
      BOOST_TEST(r.u.cols() == n);
      BOOST_TEST(linalg::lu(Matrix(m, n), {.permute_l = true}).pl.rows() == m);
      const auto f = linalg::lu_factor(Matrix(m, n));
      BOOST_TEST(f.lu.rows() == m);
      BOOST_TEST(f.lu.cols() == n);
      BOOST_TEST(f.piv.size() == 0);
    }
  }
  const auto f = linalg::lu_factor(Matrix(0, 0));
  BOOST_TEST(linalg::lu_solve(f, Matrix(0, 3)).cols() == 3);
  BOOST_TEST(linalg::lu_solve(linalg::lu_factor(Matrix::Identity(2, 2)), Matrix(2, 0)).rows() == 2);
}

BOOST_AUTO_TEST_CASE(nan_or_inf_is_a_value_error_unless_unchecked) {
  Matrix a = Matrix::Identity(3, 3);
  a(2, 1) = std::numeric_limits<double>::quiet_NaN();
  BOOST_TEST(message_of<ValueError>([&] { (void)linalg::lu(a); }) ==
             "lu: a must contain only finite values, but entry (2, 1) is nan");
  BOOST_CHECK_THROW(linalg::lu_factor(a), ValueError);
  BOOST_CHECK_THROW((void)linalg::LU<double>{a}, ValueError);
  BOOST_CHECK_NO_THROW(linalg::lu(a, {.check_finite = false}));
  Vector b = Vector::Ones(3);
  b(0) = std::numeric_limits<double>::infinity();
  const auto f = linalg::lu_factor(Matrix::Identity(3, 3));
  BOOST_CHECK_THROW(linalg::lu_solve(f, b), ValueError);
  // Unchecked: no exception and no crash; IEEE arithmetic carries Inf / NaN through.
  BOOST_TEST(!linalg::lu_solve(f, b, {.check_finite = false}).allFinite());
}

BOOST_AUTO_TEST_CASE(lu_solve_rejects_bad_shapes_pivots_and_trans) {
  const auto f = linalg::lu_factor(Matrix::Identity(3, 3));
  BOOST_TEST(message_of<ValueError>([&] { (void)linalg::lu_solve(f, Vector::Ones(4)); }) ==
             "lu_solve: lu is 3x3 but b has 4 rows");
  BOOST_TEST(message_of<ValueError>([&] {
               (void)linalg::lu_solve(linalg::lu_factor(Matrix{{1, 2, 3}, {4, 5, 6}}), Vector::Ones(2));
             }) == "lu_solve: lu is 2x3, expected a square matrix");
  BOOST_TEST(message_of<ValueError>([&] {
               (void)linalg::lu_solve(f, Vector::Ones(3), {.trans = static_cast<linalg::Trans>(3)});
             }) == "lu_solve: trans is 3, expected 0 (a x = b), 1 (a^T x = b) or 2 (a^H x = b)");
  auto bad = f;
  bad.piv(1) = 3;
  BOOST_TEST(message_of<ValueError>([&] { (void)linalg::lu_solve(bad, Vector::Ones(3)); }) ==
             "lu_solve: piv(1) is 3, expected an index in [0, 3)");
  bad.piv.resize(2);
  BOOST_TEST(message_of<ValueError>([&] { (void)linalg::lu_solve(bad, Vector::Ones(3)); }) ==
             "lu_solve: lu is 3x3 but piv has 2 entries");
}

BOOST_AUTO_TEST_CASE(large_random_systems_have_small_backward_error) {
  for (unsigned seed : {1u, 2u}) {
    std::srand(seed);  // Eigen's Random() draws from std::rand
    const Matrix a = Matrix::Random(300, 300);
    const Matrix b = Matrix::Random(300, 3);
    const auto f = linalg::lu_factor(a);
    for (int trans : {0, 1}) {
      BOOST_TEST(residual_ratio<double>(op<double>(a, trans),
                                        linalg::lu_solve(f, b, {.trans = static_cast<linalg::Trans>(trans)}),
                                        b) <= 30.0);
    }
    const auto r = linalg::lu(a, {.permute_l = true});
    BOOST_TEST(factorization_ratio<double>(a, r.pl * r.u) <= 30.0);
  }
}

// ---- linalg::LU, the factorization object ---------------------------------

BOOST_AUTO_TEST_CASE(object_solves_as_lu_solve_does) {
  using C = std::complex<float>;
  std::srand(5);
  const MatrixT<C> a = MatrixT<C>::Random(7, 7);
  const MatrixT<C> b = MatrixT<C>::Random(7, 2);
  linalg::LU<C> lu;
  BOOST_TEST((&lu.compute(a) == &lu));  // compute() returns *this
  BOOST_TEST((lu.info() == linalg::LuInfo::success));
  for (int trans : {0, 1, 2}) {
    BOOST_TEST((lu.solve(b, static_cast<linalg::Trans>(trans)) ==
                linalg::lu_solve(lu.factor(), b, {.trans = static_cast<linalg::Trans>(trans)})));
    BOOST_TEST(residual_ratio<C>(op<C>(a, trans), lu.solve(b, static_cast<linalg::Trans>(trans)), b) <= 30.0);
  }
  const auto f = linalg::lu_factor(a);
  BOOST_TEST((lu.matrixLU() == f.lu));
  BOOST_TEST((lu.pivots() == f.piv));
}

BOOST_AUTO_TEST_CASE(object_rcond_estimates_the_reciprocal_condition_number) {
  const Matrix h{{1, 1.0 / 2, 1.0 / 3}, {1.0 / 2, 1.0 / 3, 1.0 / 4}, {1.0 / 3, 1.0 / 4, 1.0 / 5}};  // hilbert(3)
  // NumPy: 1 / cond(hilbert(3), 1) = 1 / 748.0000000000027; ?gecon is exact on this matrix.
  BOOST_TEST(linalg::LU<double>(h).rcond() == 1.0 / 748.0, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(linalg::LU<double>(Matrix::Identity(4, 4)).rcond() == 1.0);
}

BOOST_AUTO_TEST_CASE(object_reports_a_singular_matrix_through_info) {
  const linalg::LU<double> lu(Matrix{{1, 2}, {2, 4}});
  BOOST_TEST((lu.info() == linalg::LuInfo::singular));
  BOOST_TEST(lu.rcond() == 0.0);
  BOOST_TEST(lu.matrixLU()(1, 1) == 0.0);  // the factors remain available
  BOOST_TEST(message_of<LinAlgError>([&] { (void)lu.solve(Vector::Ones(2)); }) ==
             "LU::solve: matrix is singular (U(1, 1) is exactly zero)");
}

BOOST_AUTO_TEST_CASE(object_used_before_compute_is_a_not_fitted_error) {
  const linalg::LU<double> lu;
  BOOST_TEST(message_of<NotFittedError>([&] { (void)lu.solve(Vector::Ones(2)); }) ==
             "LU::solve: compute() has not been called");
  BOOST_CHECK_THROW((void)lu.info(), NotFittedError);
  BOOST_CHECK_THROW((void)lu.rcond(), NotFittedError);
  BOOST_CHECK_THROW((void)lu.matrixLU(), NotFittedError);
}

BOOST_AUTO_TEST_CASE(object_rejects_a_non_square_matrix_and_keeps_its_factor) {
  linalg::LU<double> lu(Matrix{{2.0}});
  BOOST_TEST(message_of<ValueError>([&] { lu.compute(Matrix::Ones(2, 3)); }) ==
             "LU::compute: a is 2x3, expected a square matrix");
  BOOST_TEST(lu.solve(Vector{{4.0}})(0) == 2.0);
  BOOST_TEST(message_of<ValueError>([&] { (void)lu.solve(Vector::Ones(2)); }) ==
             "LU::solve: lu is 1x1 but b has 2 rows");
}

BOOST_AUTO_TEST_CASE(object_of_an_empty_matrix_solves_empty_systems) {
  const linalg::LU<double> lu(Matrix(0, 0));
  BOOST_TEST((lu.info() == linalg::LuInfo::success));
  BOOST_TEST(lu.solve(Matrix(0, 2)).cols() == 2);
  BOOST_TEST(lu.rcond() == 1.0);
}

BOOST_AUTO_TEST_SUITE_END()

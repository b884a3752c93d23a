#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <limits>
#include <scilearn/linalg/hessenberg.hpp>
#include <scilearn/linalg/schur.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "linalg_testing.hpp"
#include "schur_testing.hpp"
#include "support/expect.hpp"

using namespace scilearn;
using testing::Complex;
using testing::eps;
using testing::factorization_ratio;
using testing::is_schur_form;
using testing::max_rel_diff;
using testing::message_of;
using testing::norm1;
using testing::orthogonality_ratio;
using testing::Real;

namespace {

const std::string& kDir = testing::kSchurDir;
using Case = testing::SchurCase;

// The script's `custom` sort: |w - 1| < 1.5.
bool custom_select(Complex w) { return std::abs(w - 1.0) < 1.5; }

linalg::SchurSort sort_of(const std::string& sort) {
  if (sort == "lhp") return linalg::SortRegion::lhp;
  if (sort == "rhp") return linalg::SortRegion::rhp;
  if (sort == "iuc") return linalg::SortRegion::iuc;
  if (sort == "ouc") return linalg::SortRegion::ouc;
  if (sort == "custom") return custom_select;
  BOOST_TEST_REQUIRE(sort == "none");
  return {};
}

// SciPy's schur regions, restated independently of the implementation.
bool satisfies(const std::string& sort, Complex w) {
  if (sort == "lhp") return w.real() < 0;
  if (sort == "rhp") return w.real() >= 0;
  if (sort == "iuc") return std::abs(w) <= 1;
  if (sort == "ouc") return std::abs(w) > 1;
  return custom_select(w);
}

// The defining properties of a Schur factorization a = z t z^H. Thresholds
// are LAPACK's own test ratio (30, its test suite's THRESH for ?gees and
// ?hseqr): backward stability makes both ratios O(1).
template <class S>
void check_schur_factors(const MatrixT<S>& a, const MatrixT<S>& t, const MatrixT<S>& z) {
  BOOST_TEST(t.rows() == a.rows());
  BOOST_TEST(z.rows() == a.rows());
  BOOST_TEST(is_schur_form<S>(t));
  BOOST_TEST(orthogonality_ratio<S>(z) <= 30.0);
  if (norm1<S>(a) > 0) {
    BOOST_TEST(factorization_ratio<S>(a, z * t * z.adjoint()) <= 30.0);
  } else {
    BOOST_TEST(t.isZero(0));
  }
}

// Eigenvalues may move by cond(w) times the backward error, n eps ||a||;
// random matrices have eigenvalue condition numbers well below 1e3.
template <class S>
double eigenvalue_tolerance(const Case& c, double anorm) {
  const double relative = c.eig_tol > 0 ? c.eig_tol : 1e3 * static_cast<double>(c.n) * eps<S>();
  return relative * std::max(anorm, 1.0);
}

template <class S, linalg::SchurOutput Output>
void check_schur_case(const Case& c) {
  using Out = linalg::detail::schur_scalar_t<S, Output>;
  BOOST_TEST_CONTEXT("case " << c.name) {
    const MatrixT<S> a = testing::load_schur_fixture<S>(c.name + "_a");
    const MatrixT<Out> a_out = a.template cast<Out>();
    const linalg::SchurResult<Out> r = linalg::schur<Output>(a, {.sort = sort_of(c.sort)});
    check_schur_factors<Out>(a_out, r.t, r.z);
    BOOST_TEST(r.sdim == c.sdim);

    const std::vector<Complex> w = testing::schur_eigenvalues<Out>(r.t);
    BOOST_TEST_REQUIRE(w.size() == static_cast<std::size_t>(c.n));
    if (c.sort != "none") {
      for (Index i = 0; i < c.n; ++i) BOOST_TEST(satisfies(c.sort, w[i]) == (i < r.sdim), "eigenvalue " << i);
    }
    const auto split = w.begin() + std::min(r.sdim, c.n);
    const double tol = eigenvalue_tolerance<S>(c, norm1<S>(a));
    BOOST_TEST(testing::same_spectrum({w.begin(), split}, testing::load_eigenvalues(kDir, c.name + "_wsel"), tol));
    BOOST_TEST(testing::same_spectrum({split, w.end()}, testing::load_eigenvalues(kDir, c.name + "_wrest"), tol));

    // SciPy's own factors pass the same checks: they are not stricter than
    // the conventions SciPy follows.
    if (testing::has_schur_fixture(c.name + "_t"))
      check_schur_factors<Out>(a_out, testing::load_schur_fixture<Out>(c.name + "_t"),
                               testing::load_schur_fixture<Out>(c.name + "_z"));
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(schur)

BOOST_AUTO_TEST_CASE(matches_scipy_on_every_reference_case) {
  for (const Case& c : testing::read_schur_cases("schur")) {
    testing::with_scalar(c.dtype, [&]<class S>(std::type_identity<S>) {
      if (c.output == 'c') {
        check_schur_case<S, linalg::SchurOutput::complex>(c);
      } else {
        check_schur_case<S, linalg::SchurOutput::real>(c);
      }
    });
  }
}

BOOST_AUTO_TEST_CASE(docstring_example) {
  const Matrix a{{0, 2, 2}, {0, 1, 2}, {1, 0, 1}};
  const auto [t, z, sdim] = linalg::schur(a);
  BOOST_TEST(t(0, 0) == 2.65896708, boost::test_tools::tolerance(1e-8));  // the one real eigenvalue
  BOOST_TEST(sdim == 0);
  const auto c = linalg::schur<linalg::SchurOutput::complex>(a);
  BOOST_TEST(testing::is_upper_triangular<Complex>(c.t));
  const auto s = linalg::schur(a, {.sort = linalg::SortRegion::lhp});
  BOOST_TEST(s.sdim == 2);  // the pair -0.3295 +- 0.8023i
  BOOST_TEST(s.t(2, 2) == 2.65896708, boost::test_tools::tolerance(1e-8));
}

BOOST_AUTO_TEST_CASE(large_random_matrices_have_small_backward_error) {
  std::srand(5);
  const Index n = 150;  // ?hseqr's multishift code with aggressive early deflation
  const Matrix a = Matrix::Random(n, n);
  for (const linalg::SchurSort& sort : {linalg::SchurSort{}, linalg::SchurSort{linalg::SortRegion::iuc}}) {
    const auto r = linalg::schur(a, {.sort = sort});
    check_schur_factors<double>(a, r.t, r.z);
    if (!sort.sorts()) continue;
    BOOST_TEST(r.sdim > 0);
    const auto w = testing::schur_eigenvalues<double>(r.t);
    for (Index i = 0; i < r.sdim; ++i) BOOST_TEST(std::abs(w[i]) <= 1.0);
    for (Index i = r.sdim; i < n; ++i) BOOST_TEST(std::abs(w[i]) > 1.0);
  }
  const MatrixT<Complex> ac = MatrixT<Complex>::Random(n, n);
  const auto rc = linalg::schur(ac, {.sort = linalg::SortRegion::rhp});
  check_schur_factors<Complex>(ac, rc.t, rc.z);
}

BOOST_AUTO_TEST_CASE(predicate_sees_eigenvalues_in_double_precision) {
  const MatrixT<float> a{{1, 0, 0}, {0, -2, 0}, {0, 0, 3}};
  std::vector<Complex> seen;
  const auto r = linalg::schur(a, {.sort = [&](Complex w) {
                                 seen.push_back(w);
                                 return w.real() > 2;
                               }});
  BOOST_TEST(r.sdim == 1);
  BOOST_TEST(r.t(0, 0) == 3.0f);
  BOOST_TEST(seen.size() >= 3u);  // once per eigenvalue, again when LAPACK checks the reordering
}

BOOST_AUTO_TEST_CASE(a_predicate_may_itself_compute_a_schur_form) {
  std::srand(9);
  const Matrix a = Matrix::Random(6, 6);
  const auto nested = linalg::schur(a, {.sort = [](Complex w) {
                                      // The eigenvalue of [[Re w, 0], [0, 0]] that is not zero, by a nested call.
                                      const Matrix m{{w.real(), 0.0}, {0.0, 0.0}};
                                      const Matrix t = linalg::schur(m).t;
                                      return t(0, 0) + t(1, 1) < 0;
                                    }});
  const auto plain = linalg::schur(a, {.sort = linalg::SortRegion::lhp});
  BOOST_TEST(nested.sdim == plain.sdim);
  BOOST_TEST(max_rel_diff<double>(nested.t.cwiseAbs(), plain.t.cwiseAbs()) <= 10 * eps<double>());
}

BOOST_AUTO_TEST_CASE(an_exception_from_the_predicate_propagates) {
  std::srand(11);
  const MatrixT<std::complex<float>> a = MatrixT<std::complex<float>>::Random(4, 4);
  BOOST_TEST(message_of<std::runtime_error>([&] {
               (void)linalg::schur(a, {.sort = [](Complex) -> bool { throw std::runtime_error("predicate failed"); }});
             }) == "predicate failed");
  // The failure leaves no state behind: the next call sorts normally.
  const auto r = linalg::schur(a, {.sort = linalg::SortRegion::ouc});
  check_schur_factors<std::complex<float>>(a, r.t, r.z);
}

BOOST_AUTO_TEST_CASE(a_selection_that_changes_after_reordering_is_a_linalg_error) {
  // ?gees evaluates the predicate once to reorder and once more to check; a
  // predicate that selects nothing, then the last eigenvalue only, fails the
  // check (LAPACK info = n + 2: "leading eigenvalues do not satisfy the sort
  // condition"), as SciPy's schur reports for such a callable.
  const Matrix a{{1, 0, 0}, {0, 2, 0}, {0, 0, 3}};
  int calls = 0;
  BOOST_TEST(message_of<LinAlgError>([&] {
               (void)linalg::schur(a, {.sort = [&](Complex) { return ++calls == 6; }});
             }) == "schur: leading eigenvalues do not satisfy the sort condition after reordering");
}

BOOST_AUTO_TEST_CASE(inputs_are_not_modified) {
  std::srand(13);
  const Matrix a0 = Matrix::Random(5, 5);
  Matrix a = a0;
  (void)linalg::schur(a);
  (void)linalg::schur(a, {.sort = linalg::SortRegion::lhp});
  (void)linalg::schur<linalg::SchurOutput::complex>(a);
  const auto [t, z, sdim] = linalg::schur(a);
  const Matrix t0 = t;
  const Matrix z0 = z;
  (void)linalg::rsf2csf(t, z);
  (void)linalg::hessenberg(a, {.calc_q = true});
  BOOST_TEST((a == a0));
  BOOST_TEST((t == t0));
  BOOST_TEST((z == z0));
}

BOOST_AUTO_TEST_CASE(empty_and_one_by_one_matrices) {
  const auto e = linalg::schur(Matrix(0, 0), {.sort = linalg::SortRegion::lhp});
  BOOST_TEST(e.t.size() == 0);
  BOOST_TEST(e.z.size() == 0);
  BOOST_TEST(e.sdim == 0);
  BOOST_TEST(linalg::schur<linalg::SchurOutput::complex>(MatrixT<float>(0, 0)).t.size() == 0);
  const auto one = linalg::schur(Matrix{{-4.0}}, {.sort = linalg::SortRegion::lhp});
  BOOST_TEST((one.t == Matrix{{-4.0}}));
  BOOST_TEST((one.z == Matrix{{1.0}}));
  BOOST_TEST(one.sdim == 1);
  const auto c = linalg::rsf2csf(Matrix(0, 0), Matrix(0, 0));
  BOOST_TEST(c.t.size() == 0);
  BOOST_TEST(c.z.size() == 0);
}

BOOST_AUTO_TEST_CASE(non_square_or_non_finite_input_is_a_value_error) {
  BOOST_TEST(message_of<ValueError>([] { (void)linalg::schur(Matrix::Ones(2, 3)); }) ==
             "schur: a is 2x3, expected a square matrix");
  Matrix a = Matrix::Identity(3, 3);
  a(1, 2) = std::numeric_limits<double>::infinity();
  BOOST_TEST(message_of<ValueError>([&] { (void)linalg::schur(a); }) ==
             "schur: a must contain only finite values, but entry (1, 2) is inf");
  BOOST_CHECK_THROW(linalg::schur<linalg::SchurOutput::complex>(a), ValueError);
  // Unchecked, the scan is skipped and LAPACK runs on the Inf.
  BOOST_CHECK_NO_THROW(linalg::schur(Matrix::Identity(3, 3), {.check_finite = false}));
}

// ---- rsf2csf ----------------------------------------------------------------

namespace {

template <class S>
void check_rsf2csf_case(const Case& c) {
  using C = std::complex<Real<S>>;
  BOOST_TEST_CONTEXT("case " << c.name) {
    const MatrixT<S> t = testing::load_schur_fixture<S>(c.name + "_t");
    const MatrixT<S> z = testing::load_schur_fixture<S>(c.name + "_z");
    const auto [tc, zc] = linalg::rsf2csf(t, z);
    // The same rotations on the same input as SciPy: equal up to rounding,
    // which the 2 x 2 eigenvalue (closed form here, ?geev there) and n
    // rotations each perturb by a few eps.
    const double tol = 100.0 * static_cast<double>(c.n) * eps<S>();
    BOOST_TEST(max_rel_diff<C>(tc, testing::load_schur_fixture<C>(c.name + "_tc")) <= tol);
    BOOST_TEST(max_rel_diff<C>(zc, testing::load_schur_fixture<C>(c.name + "_zc")) <= tol);
    BOOST_TEST(testing::is_upper_triangular<C>(tc));
    BOOST_TEST(orthogonality_ratio<C>(zc) <= 30.0);
    const MatrixT<C> a = (z * t * z.transpose()).template cast<C>();
    BOOST_TEST(factorization_ratio<C>(a, zc * tc * zc.adjoint()) <= 30.0);
  }
}

}  // namespace

BOOST_AUTO_TEST_CASE(rsf2csf_matches_scipy) {
  for (const Case& c : testing::read_schur_cases("rsf2csf")) {
    testing::with_scalar(c.dtype, [&]<class S>(std::type_identity<S>) { check_rsf2csf_case<S>(c); });
  }
}

BOOST_AUTO_TEST_CASE(rsf2csf_of_a_schur_form_keeps_the_eigenvalues) {
  std::srand(19);
  const MatrixT<float> a = MatrixT<float>::Random(9, 9);
  const auto [t, z, sdim] = linalg::schur(a);
  const auto [tc, zc] = linalg::rsf2csf(t, z);
  using C = std::complex<float>;
  BOOST_TEST(testing::is_upper_triangular<C>(tc));
  BOOST_TEST(factorization_ratio<C>(a.cast<C>(), zc * tc * zc.adjoint()) <= 30.0);
  const double tol = 1e3 * 9 * eps<float>() * norm1<float>(a);
  BOOST_TEST(testing::same_spectrum(testing::schur_eigenvalues<C>(tc), testing::schur_eigenvalues<float>(t), tol));
  // Complex input is triangular already: nothing to do.
  const auto again = linalg::rsf2csf(tc, zc);
  BOOST_TEST((again.t == tc));
  BOOST_TEST((again.z == zc));
}

BOOST_AUTO_TEST_CASE(rsf2csf_rejects_bad_shapes_and_non_finite_input) {
  BOOST_TEST(message_of<ValueError>([] { (void)linalg::rsf2csf(Matrix::Ones(2, 3), Matrix::Identity(2, 2)); }) ==
             "rsf2csf: t is 2x3, expected a square matrix");
  BOOST_TEST(message_of<ValueError>([] { (void)linalg::rsf2csf(Matrix::Identity(2, 2), Matrix::Ones(3, 2)); }) ==
             "rsf2csf: z is 3x2, expected a square matrix");
  BOOST_TEST(message_of<ValueError>([] { (void)linalg::rsf2csf(Matrix::Identity(2, 2), Matrix::Identity(3, 3)); }) ==
             "rsf2csf: t is 2x2 but z is 3x3, expected the same order");
  Matrix t = Matrix::Identity(2, 2);
  t(0, 1) = std::numeric_limits<double>::quiet_NaN();
  BOOST_CHECK_THROW(linalg::rsf2csf(t, Matrix::Identity(2, 2)), ValueError);
  BOOST_CHECK_NO_THROW(linalg::rsf2csf(t, Matrix::Identity(2, 2), {.check_finite = false}));
}

BOOST_AUTO_TEST_SUITE_END()

// ---- hessenberg ---------------------------------------------------------------

BOOST_AUTO_TEST_SUITE(hessenberg)

namespace {

template <class S>
bool is_upper_hessenberg(const MatrixT<S>& h) {
  for (Index j = 0; j < h.cols(); ++j)
    for (Index i = j + 2; i < h.rows(); ++i)
      if (h(i, j) != S(0)) return false;
  return true;
}

template <class S>
void check_hessenberg_case(const Case& c) {
  BOOST_TEST_CONTEXT("case " << c.name) {
    const MatrixT<S> a = testing::load_schur_fixture<S>(c.name + "_a");
    const auto [h, q] = linalg::hessenberg(a, {.calc_q = true});
    const auto [h_only, no_q] = linalg::hessenberg(a);
    BOOST_TEST((h_only == h));
    BOOST_TEST(no_q.size() == 0);
    BOOST_TEST(is_upper_hessenberg<S>(h));
    BOOST_TEST(orthogonality_ratio<S>(q) <= 30.0);
    BOOST_TEST(factorization_ratio<S>(a, q * h * q.adjoint()) <= 30.0);
    // Householder reduction with LAPACK's reflector convention determines h
    // and q; rounding differs from SciPy's by a few eps per reflector.
    const double tol = 100.0 * static_cast<double>(c.n) * eps<S>();
    BOOST_TEST(max_rel_diff<S>(h, testing::load_schur_fixture<S>(c.name + "_h")) <= tol);
    if (testing::has_schur_fixture(c.name + "_q"))
      BOOST_TEST(max_rel_diff<S>(q, testing::load_schur_fixture<S>(c.name + "_q")) <= tol);
    if (c.n <= 2) {  // SciPy returns these as they are, with q = I
      BOOST_TEST((h == a));
      BOOST_TEST((q == MatrixT<S>::Identity(c.n, c.n)));
    }
  }
}

}  // namespace

BOOST_AUTO_TEST_CASE(matches_scipy_on_every_reference_case) {
  for (const Case& c : testing::read_schur_cases("hessenberg")) {
    testing::with_scalar(c.dtype, [&]<class S>(std::type_identity<S>) { check_hessenberg_case<S>(c); });
  }
}

BOOST_AUTO_TEST_CASE(large_matrices_use_the_blocked_reduction) {
  std::srand(23);
  const Index n = 200;  // above ?gehrd's crossover (128) to its blocked code
  using C = std::complex<double>;
  const MatrixT<C> a = MatrixT<C>::Random(n, n);
  const auto [h, q] = linalg::hessenberg(a, {.calc_q = true});
  BOOST_TEST(is_upper_hessenberg<C>(h));
  BOOST_TEST(orthogonality_ratio<C>(q) <= 30.0);
  BOOST_TEST(factorization_ratio<C>(a, q * h * q.adjoint()) <= 30.0);
}

BOOST_AUTO_TEST_CASE(docstring_example) {
  const Matrix a{{2, 5, 8, 7}, {5, 2, 2, 8}, {7, 5, 6, 6}, {5, 4, 4, 8}};
  const auto [h, q] = linalg::hessenberg(a, {.calc_q = true});
  BOOST_TEST(h(2, 0) == 0.0);
  BOOST_TEST(h(3, 0) == 0.0);
  BOOST_TEST(h(3, 1) == 0.0);
  BOOST_TEST(factorization_ratio<double>(a, q * h * q.transpose()) <= 30.0);
  // SciPy: h[0, 0] = 2 (the first row and column are only rotated), h[1, 0] = -sqrt(5^2 + 7^2 + 5^2).
  BOOST_TEST(h(0, 0) == 2.0, boost::test_tools::tolerance(1e-14));
  BOOST_TEST(h(1, 0) == -std::sqrt(99.0), boost::test_tools::tolerance(1e-14));
}

BOOST_AUTO_TEST_CASE(empty_and_invalid_input) {
  const auto e = linalg::hessenberg(MatrixT<std::complex<float>>(0, 0), {.calc_q = true});
  BOOST_TEST(e.h.size() == 0);
  BOOST_TEST(e.q.size() == 0);
  BOOST_TEST(message_of<ValueError>([] { (void)linalg::hessenberg(Matrix::Ones(3, 2)); }) ==
             "hessenberg: a is 3x2, expected a square matrix");
  Matrix a = Matrix::Identity(3, 3);
  a(2, 2) = std::numeric_limits<double>::quiet_NaN();
  BOOST_TEST(message_of<ValueError>([&] { (void)linalg::hessenberg(a); }) ==
             "hessenberg: a must contain only finite values, but entry (2, 2) is nan");
  BOOST_CHECK_NO_THROW(linalg::hessenberg(a, {.check_finite = false}));
}

BOOST_AUTO_TEST_SUITE_END()

#include <Eigen/LU>
#include <boost/test/unit_test.hpp>
#include <limits>
#include <scilearn/linalg/eigh.hpp>
#include <string>

#include "eig_testing.hpp"
#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(eigh)

using namespace scilearn;
using linalg::EighDriver;
using testing::EigCase;
using testing::eigenpair_ratio;
using testing::eigenvalue_ratio;
using testing::eps;
using testing::message_of;
using testing::norm1;
using testing::orthonormality_ratio;

EighDriver driver_of(const std::string& name) {
  if (name == "ev") return EighDriver::ev;
  if (name == "evd") return EighDriver::evd;
  if (name == "evr") return EighDriver::evr;
  if (name == "evx") return EighDriver::evx;
  if (name == "gv") return EighDriver::gv;
  if (name == "gvd") return EighDriver::gvd;
  BOOST_TEST_REQUIRE(name == "gvx");
  return EighDriver::gvx;
}

// The options SciPy was called with for case c.
linalg::EighOptions options_of(const EigCase& c) {
  linalg::EighOptions o{.lower = c.lower, .type = c.type};
  if (!c.driver.empty()) o.driver = driver_of(c.driver);
  if (c.select == 'i') o.subset_by_index = {{static_cast<Index>(c.lo), static_cast<Index>(c.hi)}};
  if (c.select == 'v') o.subset_by_value = {{c.lo, c.hi}};
  return o;
}

template <class S>
void check_standard(const EigCase& c) {
  BOOST_TEST_CONTEXT("case " << c.name) {
    const MatrixT<S> heff = testing::load_eig<S>(c, "heff");
    const MatrixT<S> a = testing::corrupt_ignored_triangle<S>(heff, c.lower);  // what SciPy was given
    const Matrix w_ref = testing::load_fixture<double>(testing::kEigDir, c.name + "_w");
    const Index n = a.rows();
    const linalg::EighOptions options = options_of(c);
    const auto [w, v] = linalg::eigh(a, options);
    BOOST_TEST(eigenvalue_ratio(w, w_ref, c.scale, n) <= 30.0);
    BOOST_TEST(v.rows() == n);
    BOOST_TEST(v.cols() == w.size());
    BOOST_TEST(eigenpair_ratio<S>(heff, v, w) <= 30.0);
    BOOST_TEST(orthonormality_ratio<S>(v, MatrixT<S>::Identity(n, n), 1.0) <= 30.0);
    // Without vectors LAPACK may take another path (e.g. ?sterf): same values up to rounding.
    BOOST_TEST(eigenvalue_ratio(linalg::eigvalsh(a, options), w_ref, c.scale, n) <= 30.0);
    auto values_only = options;
    values_only.eigvals_only = true;
    const auto r = linalg::eigh(a, values_only);
    BOOST_TEST(r.v.size() == 0);
    BOOST_TEST(eigenvalue_ratio(r.w, w_ref, c.scale, n) <= 30.0);
  }
}

BOOST_AUTO_TEST_CASE(standard_problem_matches_scipy_with_orthonormal_vectors) {
  for (const EigCase& c : testing::read_eig_cases("eigh", 40)) {
    testing::with_scalar(c.dtype, [&]<class S>(std::type_identity<S>) { check_standard<S>(c); });
  }
}

// LAPACK's xSGT01 ratios for the three generalized problems, and the
// normalization each type guarantees (v^H b v = I, or v^H b^-1 v = I for type 3).
template <class S>
void check_generalized(const EigCase& c) {
  BOOST_TEST_CONTEXT("case " << c.name) {
    const MatrixT<S> aeff = testing::load_eig<S>(c, "heff");
    const MatrixT<S> beff = testing::load_eig<S>(c, "beff");
    const MatrixT<S> a = testing::corrupt_ignored_triangle<S>(aeff, c.lower);
    const MatrixT<S> b = testing::corrupt_ignored_triangle<S>(beff, c.lower);
    const Matrix w_ref = testing::load_fixture<double>(testing::kEigDir, c.name + "_w");
    const Index n = a.rows();
    const linalg::EighOptions options = options_of(c);
    // Type 1 goes through b's Cholesky factor, and LAPACK's error bound for it
    // (Users' Guide, "Error Bounds for the Generalized Symmetric Definite
    // Eigenproblem") is eps cond(b) (||a|| / ||b|| + |w_i|): the fixture's
    // scale ||a|| ||b^-1|| plus the |w_i| cond(b) term, which dominates for an
    // ill-conditioned b.
    const double wmax_ref = w_ref.size() ? w_ref.cwiseAbs().maxCoeff() : 0.0;
    const double scale = c.type == 1 ? c.scale + wmax_ref * testing::cond2<S>(beff) : c.scale;
    const auto [w, v] = linalg::eigh(a, b, options);
    BOOST_TEST(eigenvalue_ratio(w, w_ref, scale, n) <= 30.0);
    BOOST_TEST(v.cols() == w.size());
    const MatrixT<S> d = w.template cast<S>().asDiagonal();
    const double na = norm1<S>(aeff);
    const double nb = norm1<S>(beff);
    const double nv = norm1<S>(v);
    const double unit = static_cast<double>(n) * eps<S>();
    if (c.type == 1) {
      const double wmax = w.size() ? static_cast<double>(w.cwiseAbs().maxCoeff()) : 0.0;
      BOOST_TEST(norm1<S>(aeff * v - beff * v * d) / (unit * (na + wmax * nb) * nv) <= 30.0);
    } else {
      const MatrixT<S> product = c.type == 2 ? MatrixT<S>(aeff * beff) : MatrixT<S>(beff * aeff);
      BOOST_TEST(norm1<S>(product * v - v * d) / (unit * na * nb * nv) <= 30.0);
    }
    if (c.type == 3) {
      const MatrixT<S> binv = testing::widen(beff).inverse().template cast<S>();  // in double: see testing::widen
      BOOST_TEST(orthonormality_ratio<S>(v, binv, norm1<S>(binv) * nv * nv) <= 30.0);
    } else {
      BOOST_TEST(orthonormality_ratio<S>(v, beff, nb * nv * nv) <= 30.0);
    }
    BOOST_TEST(eigenvalue_ratio(linalg::eigvalsh(a, b, options), w_ref, scale, n) <= 30.0);
  }
}

BOOST_AUTO_TEST_CASE(generalized_problem_matches_scipy_for_each_type_and_driver) {
  for (const EigCase& c : testing::read_eig_cases("eigh_gen", 28)) {
    testing::with_scalar(c.dtype, [&]<class S>(std::type_identity<S>) { check_generalized<S>(c); });
  }
}

template <class S>
void check_not_positive_definite(const EigCase& c) {
  BOOST_TEST_CONTEXT("case " << c.name) {
    const MatrixT<S> a = testing::load_eig<S>(c, "a");
    const MatrixT<S> b = testing::load_eig<S>(c, "b");
    const std::string expected = "eigh: The leading minor of order " + std::to_string(c.error) +
                                 " of B is not positive definite. The factorization of B could not be completed "
                                 "and no eigenvalues or eigenvectors were computed.";
    BOOST_TEST(message_of<LinAlgError>([&] { (void)linalg::eigh(a, b); }) == expected);
    for (EighDriver d : {EighDriver::gv, EighDriver::gvd, EighDriver::gvx}) {
      BOOST_TEST(message_of<LinAlgError>([&] { (void)linalg::eigh(a, b, {.driver = d}); }) == expected);
    }
    BOOST_CHECK_THROW(linalg::eigvalsh(a, b), LinAlgError);
  }
}

BOOST_AUTO_TEST_CASE(b_not_positive_definite_names_the_same_minor_as_scipy) {
  for (const EigCase& c : testing::read_eig_cases("eigh_fail", 2)) {
    testing::with_scalar(c.dtype, [&]<class S>(std::type_identity<S>) { check_not_positive_definite<S>(c); });
  }
}

template <class S>
void check_every_driver_agrees() {
  using R = testing::Real<S>;
  std::srand(29);
  const Index n = 9;
  const MatrixT<S> m = MatrixT<S>::Random(n, n);
  const MatrixT<S> a = m + m.adjoint();
  const MatrixT<S> b = m * m.adjoint() + static_cast<R>(n) * MatrixT<S>::Identity(n, n);
  const VectorT<R> w = linalg::eigvalsh(a, {.driver = EighDriver::ev});
  const VectorT<R> wb = linalg::eigvalsh(a, b, {.driver = EighDriver::gv});
  const double tol = 30.0 * static_cast<double>(n) * eps<S>();
  for (bool eigvals_only : {false, true}) {
    for (EighDriver d : {EighDriver::ev, EighDriver::evd, EighDriver::evr, EighDriver::evx}) {
      const auto r = linalg::eigh(a, {.eigvals_only = eigvals_only, .driver = d});
      BOOST_TEST(static_cast<double>((r.w - w).cwiseAbs().maxCoeff()) <= tol * norm1<S>(a));
      BOOST_TEST(r.v.size() == (eigvals_only ? 0 : n * n));
    }
    for (EighDriver d : {EighDriver::gv, EighDriver::gvd, EighDriver::gvx}) {
      const auto r = linalg::eigh(a, b, {.eigvals_only = eigvals_only, .driver = d});
      BOOST_TEST(static_cast<double>((r.w - wb).cwiseAbs().maxCoeff()) <= tol * norm1<S>(a));
      BOOST_TEST(r.v.size() == (eigvals_only ? 0 : n * n));
    }
  }
}

BOOST_AUTO_TEST_CASE(every_driver_gives_the_same_eigenvalues_with_and_without_vectors) {
  check_every_driver_agrees<float>();
  check_every_driver_agrees<double>();
  check_every_driver_agrees<std::complex<float>>();
  check_every_driver_agrees<std::complex<double>>();
}

BOOST_AUTO_TEST_CASE(docstring_examples_hold) {
  const Matrix a{{2, 1}, {1, 2}};
  const auto [w, v] = linalg::eigh(a);
  BOOST_TEST(w(0) == 1.0, boost::test_tools::tolerance(1e-15));
  BOOST_TEST(w(1) == 3.0, boost::test_tools::tolerance(1e-15));
  const Vector top = linalg::eigh(a, {.eigvals_only = true, .subset_by_index = {{1, 1}}}).w;
  BOOST_TEST(top.size() == 1);
  BOOST_TEST(top(0) == 3.0, boost::test_tools::tolerance(1e-15));
  const Vector wg = linalg::eigh(Matrix{{2, 0}, {0, 6}}, Matrix{{1, 0}, {0, 2}}).w;
  BOOST_TEST(wg(0) == 2.0, boost::test_tools::tolerance(1e-15));
  BOOST_TEST(wg(1) == 3.0, boost::test_tools::tolerance(1e-15));
  // SciPy's docstring: the eigenvalues of this matrix below 10.
  const Matrix s{
      {34, -4, -10, -7, 2}, {-4, 7, 2, 12, 0}, {-10, 2, 44, 2, -19}, {-7, 12, 2, 79, -34}, {2, 0, -19, -34, 29}};
  const Vector below = linalg::eigvalsh(s, {.subset_by_value = {{-std::numeric_limits<double>::infinity(), 10}}});
  BOOST_TEST(below.size() == 2);
  BOOST_TEST(below(0) == 6.69199443e-07, boost::test_tools::tolerance(1e-6));
  BOOST_TEST(below(1) == 9.11938152, boost::test_tools::tolerance(1e-8));
}

BOOST_AUTO_TEST_CASE(inputs_are_not_modified) {
  std::srand(5);
  const Matrix m = Matrix::Random(7, 7);
  const Matrix a0 = m + m.transpose();
  const Matrix b0 = m * m.transpose() + Matrix::Identity(7, 7);
  Matrix a = a0;
  Matrix b = b0;
  for (EighDriver d : {EighDriver::ev, EighDriver::evd, EighDriver::evr, EighDriver::evx}) {
    (void)linalg::eigh(a, {.driver = d});
    (void)linalg::eigh(a, {.lower = false, .eigvals_only = true, .driver = d});
  }
  for (EighDriver d : {EighDriver::gv, EighDriver::gvd, EighDriver::gvx}) {
    for (int type : {1, 2, 3}) (void)linalg::eigh(a, b, {.type = type, .driver = d});
  }
  BOOST_TEST((a == a0));
  BOOST_TEST((b == b0));
}

BOOST_AUTO_TEST_CASE(empty_matrix_gives_empty_results_as_scipy) {
  const auto r = linalg::eigh(Matrix(0, 0));
  BOOST_TEST(r.w.size() == 0);
  BOOST_TEST(r.v.rows() == 0);
  BOOST_TEST(r.v.cols() == 0);
  // SciPy returns before looking at b, the subset or the driver.
  BOOST_TEST(linalg::eigh(Matrix(0, 0), Matrix::Identity(3, 3)).w.size() == 0);
  BOOST_TEST(linalg::eigvalsh(MatrixT<std::complex<float>>(0, 0), {.subset_by_index = {{0, 5}}}).size() == 0);
}

BOOST_AUTO_TEST_CASE(an_empty_value_subset_gives_no_eigenpairs) {
  const Matrix a{{2, 1, 0}, {1, 2, 1}, {0, 1, 2}};
  for (EighDriver d : {EighDriver::evr, EighDriver::evx}) {
    const auto r = linalg::eigh(a, {.subset_by_value = {{10, 20}}, .driver = d});
    BOOST_TEST(r.w.size() == 0);
    BOOST_TEST(r.v.rows() == 3);  // SciPy: shape (3, 0)
    BOOST_TEST(r.v.cols() == 0);
  }
  BOOST_TEST(linalg::eigh(a, Matrix::Identity(3, 3), {.subset_by_value = {{10, 20}}}).w.size() == 0);
}

BOOST_AUTO_TEST_CASE(bad_shapes_and_values_are_value_errors_with_scipy_messages) {
  const Matrix a = Matrix::Identity(3, 3);
  BOOST_TEST(message_of<ValueError>([] { (void)linalg::eigh(Matrix::Ones(2, 3)); }) ==
             "eigh: a is 2x3, expected a square matrix");
  BOOST_TEST(message_of<ValueError>([&] { (void)linalg::eigh(a, Matrix::Identity(4, 4)); }) ==
             "eigh: wrong b dimensions (4, 4), should be (3, 3)");
  BOOST_TEST(message_of<ValueError>([&] { (void)linalg::eigh(a, Matrix::Identity(3, 2)); }) ==
             "eigh: b is 3x2, expected a square matrix");
  Matrix nan_a = a;
  nan_a(0, 2) = std::numeric_limits<double>::quiet_NaN();  // in the ignored triangle: still checked, as SciPy
  BOOST_TEST(message_of<ValueError>([&] { (void)linalg::eigh(nan_a); }) ==
             "eigh: a must contain only finite values, but entry (0, 2) is nan");
  BOOST_TEST(linalg::eigh(nan_a, {.check_finite = false}).w.isApprox(Vector::Ones(3)));
  Matrix inf_b = a;
  inf_b(1, 1) = std::numeric_limits<double>::infinity();
  BOOST_CHECK_THROW(linalg::eigvalsh(a, inf_b), ValueError);
  BOOST_TEST(message_of<ValueError>([&] { (void)linalg::eigh(a, a, {.type = 4}); }) ==
             "eigh: \"type\" keyword only accepts 1, 2, and 3 (got 4)");
  BOOST_TEST(linalg::eigh(a, {.type = 4}).w.size() == 3);  // ignored without b, as SciPy
  BOOST_TEST(message_of<ValueError>([&] {
               (void)linalg::eigh(a, {.subset_by_index = {{0, 1}}, .subset_by_value = {{0, 1}}});
             }) == "eigh: Either index or value subset can be requested.");
  BOOST_TEST(message_of<ValueError>([&] {
               (void)linalg::eigh(a, {.subset_by_index = {{2, 1}}});
             }) ==
             "eigh: Requested eigenvalue indices are not valid. Valid range is [0, 2] and start <= end, but "
             "start=2, end=1 is given");
  BOOST_CHECK_THROW(linalg::eigh(a, {.subset_by_index = {{0, 3}}}), ValueError);
  BOOST_CHECK_THROW(linalg::eigh(a, {.subset_by_index = {{-1, 0}}}), ValueError);
  BOOST_TEST(message_of<ValueError>([&] {
               (void)linalg::eigh(a, {.subset_by_value = {{10, 10}}});
             }) ==
             "eigh: Requested eigenvalue bounds are not valid. Valid range is (-inf, inf) and low < high, but "
             "low=10, high=10 is given");
  BOOST_CHECK_THROW(linalg::eigh(a, {.subset_by_value = {{std::nan(""), 1}}}), ValueError);
}

BOOST_AUTO_TEST_CASE(a_driver_that_does_not_fit_the_problem_is_a_value_error) {
  const Matrix a = Matrix::Identity(3, 3);
  BOOST_TEST(message_of<ValueError>([&] { (void)linalg::eigh(a, {.driver = EighDriver::gvd}); }) ==
             "eigh: gvd requires input b array to be supplied for generalized eigenvalue problems.");
  BOOST_TEST(message_of<ValueError>([&] { (void)linalg::eigvalsh(a, a, {.driver = EighDriver::ev}); }) ==
             "eigvalsh: \"ev\" does not accept input b array for standard eigenvalue problems.");
  BOOST_TEST(message_of<ValueError>([&] {
               (void)linalg::eigh(a, {.subset_by_index = {{0, 1}}, .driver = EighDriver::evd});
             }) == "eigh: \"evd\" cannot compute subsets of eigenvalues");
  for (EighDriver d : {EighDriver::ev, EighDriver::evd}) {
    BOOST_CHECK_THROW(linalg::eigh(a, {.subset_by_value = {{0, 1}}, .driver = d}), ValueError);
  }
  for (EighDriver d : {EighDriver::gv, EighDriver::gvd}) {
    BOOST_CHECK_THROW(linalg::eigh(a, a, {.subset_by_index = {{0, 0}}, .driver = d}), ValueError);
  }
  BOOST_TEST(message_of<ValueError>([&] { (void)linalg::eigh(a, {.driver = static_cast<EighDriver>(42)}); }) ==
             "eigh: unknown driver value 42");
}

BOOST_AUTO_TEST_CASE(unchecked_nan_makes_the_generalized_drivers_fail_to_converge) {
  // With check_finite off, NaN reaches LAPACK; ?sygv / ?sygvd's QR iteration
  // then reports info in 1..n, which must become a LinAlgError naming the driver's failure.
  Matrix a = Matrix::Identity(4, 4);
  a(1, 0) = a(0, 1) = std::numeric_limits<double>::quiet_NaN();
  a(2, 3) = a(3, 2) = 1;
  const Matrix b = Matrix::Identity(4, 4);
  const std::string gv =
      message_of<LinAlgError>([&] { (void)linalg::eigh(a, b, {.check_finite = false, .driver = EighDriver::gv}); });
  BOOST_TEST(gv.rfind("eigh: The algorithm failed to converge; ", 0) == 0);
  const std::string gvd =
      message_of<LinAlgError>([&] { (void)linalg::eigh(a, b, {.check_finite = false, .driver = EighDriver::gvd}); });
  BOOST_TEST(gvd.rfind("eigh: The algorithm failed to compute an eigenvalue while working on the submatrix", 0) == 0);
}

BOOST_AUTO_TEST_CASE(upper_and_lower_triangles_give_the_same_answer) {
  using C = std::complex<double>;
  std::srand(41);
  const MatrixT<C> m = MatrixT<C>::Random(6, 6);
  const MatrixT<C> h = m + m.adjoint();
  const Vector lower = linalg::eigvalsh(testing::corrupt_ignored_triangle<C>(h, true));
  const Vector upper = linalg::eigvalsh(testing::corrupt_ignored_triangle<C>(h, false), {.lower = false});
  BOOST_TEST(static_cast<double>((lower - upper).cwiseAbs().maxCoeff()) <= 30 * 6 * eps<C>() * norm1<C>(h));
}

BOOST_AUTO_TEST_SUITE_END()

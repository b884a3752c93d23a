#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <scilearn/linalg/eig.hpp>
#include <string>
#include <vector>

#include "eig_testing.hpp"
#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(eig)

using namespace scilearn;
using testing::EigCase;
using testing::eps;
using testing::message_of;
using testing::norm1;
using Cd = std::complex<double>;

// Chordal distance |x - y| / (sqrt(1 + |x|^2) sqrt(1 + |y|^2)), with infinity
// as a point: the metric in which generalized eigenvalues are well posed
// (Stewart and Sun, Matrix Perturbation Theory, VI.1).
double chordal(Cd x, Cd y) {
  const bool xi = std::isinf(x.real()) || std::isinf(x.imag());
  const bool yi = std::isinf(y.real()) || std::isinf(y.imag());
  if (xi && yi) return 0.0;
  if (xi) return 1.0 / std::sqrt(1.0 + std::norm(y));
  if (yi) return 1.0 / std::sqrt(1.0 + std::norm(x));
  return std::abs(x - y) / (std::sqrt(1.0 + std::norm(x)) * std::sqrt(1.0 + std::norm(y)));
}

// Matches each reference eigenvalue to the nearest unused one of w (LAPACK's
// order may differ between builds) and returns the largest distance, each
// in units of its own bound n eps scale kappa_i; absolute distance for the
// standard problem, chordal for the generalized one.
template <class R>
double matched_ratio(const VectorT<std::complex<R>>& w, const VectorT<Cd>& ref, const Vector& kappa, double scale,
                     bool generalized) {
  BOOST_TEST_REQUIRE(w.size() == ref.size());
  const auto n = static_cast<double>(ref.size());
  std::vector<bool> used(static_cast<std::size_t>(w.size()), false);
  double worst = 0.0;
  for (Index i = 0; i < ref.size(); ++i) {
    Index best = -1;
    double best_distance = std::numeric_limits<double>::infinity();
    for (Index j = 0; j < w.size(); ++j) {
      const Cd wj(static_cast<double>(w(j).real()), static_cast<double>(w(j).imag()));
      const double distance = generalized ? chordal(wj, ref(i)) : std::abs(wj - ref(i));
      if (!used[static_cast<std::size_t>(j)] && distance < best_distance) {
        best = j;
        best_distance = distance;
      }
    }
    BOOST_TEST_REQUIRE(best >= 0);
    used[static_cast<std::size_t>(best)] = true;
    worst = std::max(worst, best_distance / (n * eps<R>() * scale * std::max(1.0, kappa(i))));
  }
  return worst;
}

// Every column has unit 2-norm (to rounding).
template <class C>
bool unit_columns(const MatrixT<C>& v) {
  for (Index j = 0; j < v.cols(); ++j) {
    if (std::abs(static_cast<double>(v.col(j).norm()) - 1.0) > 30.0 * static_cast<double>(v.rows()) * eps<C>()) {
      return false;
    }
  }
  return true;
}

// ?geev's normalization: a largest component (to within rounding) is real.
template <class C>
bool largest_component_real(const MatrixT<C>& v) {
  for (Index j = 0; j < v.cols(); ++j) {
    const auto largest = v.col(j).cwiseAbs().maxCoeff();
    bool found = false;
    for (Index i = 0; i < v.rows(); ++i)
      found |= v(i, j).imag() == 0 && v(i, j).real() != 0 && std::abs(v(i, j)) >= largest * 0.999f;
    if (!found) return false;
  }
  return true;
}

// A real matrix's complex eigenvalues and vectors come in conjugate pairs,
// positive imaginary part first (unpacked from LAPACK's packed columns): the
// vectors exactly, the eigenvalues exactly for ?geev and to rounding for
// ?ggev (the pair's alpha are conjugate, its two beta may differ in the last bit).
template <class R>
void check_conjugate_pairs(const linalg::EigResult<R>& r, bool generalized) {
  for (Index j = 0; j < r.w.size(); ++j) {
    if (r.w(j).imag() == 0) continue;
    BOOST_TEST_REQUIRE(j + 1 < r.w.size());
    BOOST_TEST(r.w(j).imag() > 0);
    BOOST_TEST(std::abs(r.w(j + 1) - std::conj(r.w(j))) <= (generalized ? 4 * eps<R>() * std::abs(r.w(j)) : 0.0));
    BOOST_TEST((r.vr.col(j + 1) == r.vr.col(j).conjugate()));
    if (r.vl.size() != 0) BOOST_TEST((r.vl.col(j + 1) == r.vl.col(j).conjugate()));
    ++j;
  }
}

template <class S>
void check_standard(const EigCase& c) {
  using R = testing::Real<S>;
  using C = std::complex<R>;
  BOOST_TEST_CONTEXT("case " << c.name) {
    const MatrixT<S> a = testing::load_eig<S>(c, "a");
    const VectorT<Cd> w_ref = testing::load_eig<Cd>(c, "w").col(0);
    const Vector kappa = testing::load_fixture<double>(testing::kEigDir, c.name + "_kappa").col(0);
    const Index n = a.rows();
    const auto r = linalg::eig(a, {.left = true});
    // |w - w_ref| <= n eps ||a||_2 kappa (first-order perturbation bound), 30 x for both sides' rounding.
    BOOST_TEST(matched_ratio<R>(r.w, w_ref, kappa, c.scale, false) <= 30.0);
    BOOST_TEST(matched_ratio<R>(linalg::eigvals(a), w_ref, kappa, c.scale, false) <= 30.0);
    // LAPACK's xGET22 ratios: ||a vr - vr diag(w)|| / (n eps ||a|| ||vr||), and the left analogue.
    const MatrixT<C> ac = a.template cast<C>();
    const double unit = static_cast<double>(n) * eps<S>() * norm1<C>(ac);
    BOOST_TEST(norm1<C>(ac * r.vr - r.vr * r.w.asDiagonal()) / (unit * norm1<C>(r.vr)) <= 30.0);
    BOOST_TEST(norm1<C>(ac.adjoint() * r.vl - r.vl * r.w.conjugate().asDiagonal()) / (unit * norm1<C>(r.vl)) <= 30.0);
    BOOST_TEST(unit_columns(r.vr));
    BOOST_TEST(unit_columns(r.vl));
    BOOST_TEST(largest_component_real(r.vr));
    BOOST_TEST(largest_component_real(r.vl));
    if constexpr (!Eigen::NumTraits<S>::IsComplex) check_conjugate_pairs(r, false);
  }
}

BOOST_AUTO_TEST_CASE(standard_problem_matches_scipy_with_small_residuals) {
  for (const EigCase& c : testing::read_eig_cases("eig", 8)) {
    testing::with_scalar(c.dtype, [&]<class S>(std::type_identity<S>) { check_standard<S>(c); });
  }
}

template <class S>
void check_generalized(const EigCase& c) {
  using R = testing::Real<S>;
  using C = std::complex<R>;
  BOOST_TEST_CONTEXT("case " << c.name) {
    const MatrixT<S> a = testing::load_eig<S>(c, "a");
    const MatrixT<S> b = testing::load_eig<S>(c, "b");
    const VectorT<Cd> w_ref = testing::load_eig<Cd>(c, "w").col(0);
    const Vector kappa = testing::load_fixture<double>(testing::kEigDir, c.name + "_kappa").col(0);
    const Index n = a.rows();
    const auto r = linalg::eig(a, b, {.left = true, .homogeneous_eigvals = true});
    BOOST_TEST(matched_ratio<R>(r.w, w_ref, kappa, c.scale, true) <= 30.0);
    BOOST_TEST(matched_ratio<R>(linalg::eigvals(a, b), w_ref, kappa, c.scale, true) <= 30.0);
    // LAPACK's xGET52 ratio per eigenpair: ||beta a x - alpha b x|| / (n eps (|beta| ||a|| + |alpha| ||b||)).
    const MatrixT<C> ac = a.template cast<C>();
    const MatrixT<C> bc = b.template cast<C>();
    BOOST_TEST(r.w_homogeneous.rows() == 2);
    for (Index j = 0; j < n; ++j) {
      const C alpha = r.w_homogeneous(0, j);
      const C beta = r.w_homogeneous(1, j);
      const double unit =
          static_cast<double>(n) * eps<S>() * (std::abs(beta) * norm1<C>(ac) + std::abs(alpha) * norm1<C>(bc));
      const MatrixT<C> right = beta * ac * r.vr.col(j) - alpha * bc * r.vr.col(j);
      const MatrixT<C> left =
          std::conj(beta) * ac.adjoint() * r.vl.col(j) - std::conj(alpha) * bc.adjoint() * r.vl.col(j);
      BOOST_TEST(norm1<C>(right) / unit <= 30.0);
      BOOST_TEST(norm1<C>(left) / unit <= 30.0);
      if (beta != C(0)) BOOST_TEST(std::abs(r.w(j) - alpha / beta) <= 4 * eps<S>() * std::abs(r.w(j)));
    }
    BOOST_TEST(unit_columns(r.vr));  // SciPy rescales ?ggev's vectors to unit 2-norm
    BOOST_TEST(unit_columns(r.vl));
    if constexpr (!Eigen::NumTraits<S>::IsComplex) check_conjugate_pairs(r, true);
  }
}

BOOST_AUTO_TEST_CASE(generalized_problem_matches_scipy_with_small_residuals) {
  for (const EigCase& c : testing::read_eig_cases("eig_gen", 5)) {
    testing::with_scalar(c.dtype, [&]<class S>(std::type_identity<S>) { check_generalized<S>(c); });
  }
}

BOOST_AUTO_TEST_CASE(docstring_examples_match_scipy) {
  const Matrix a{{0, -1}, {1, 0}};
  const auto r = linalg::eig(a);
  BOOST_TEST((r.w == VectorT<Cd>{{Cd(0, 1), Cd(0, -1)}}));
  const double h = std::sqrt(0.5);
  BOOST_TEST((r.vr - MatrixT<Cd>{{Cd(h, 0), Cd(h, 0)}, {Cd(0, -h), Cd(0, h)}}).norm() <= 1e-15);
  BOOST_TEST(r.vl.size() == 0);
  BOOST_TEST(r.w_homogeneous.size() == 0);
  // SciPy's docstring: the normalized left eigenvectors.
  const auto l = linalg::eig(a, {.left = true, .right = false});
  BOOST_TEST((l.vl - MatrixT<Cd>{{Cd(-h, 0), Cd(-h, 0)}, {Cd(0, h), Cd(0, -h)}}).norm() <= 1e-15);
  BOOST_TEST(l.vr.size() == 0);
  const VectorT<Cd> wg = linalg::eigvals(a, Matrix{{0, 1}, {1, 1}});
  BOOST_TEST(std::abs(wg(0) - 1.0) <= 1e-15);
  BOOST_TEST(std::abs(wg(1) + 1.0) <= 1e-15);
  const Matrix d{{3, 0, 0}, {0, 8, 0}, {0, 0, 7}};
  BOOST_TEST((linalg::eig(d, {.right = false, .homogeneous_eigvals = true}).w_homogeneous ==
              MatrixT<Cd>{{3, 8, 7}, {1, 1, 1}}));
}

BOOST_AUTO_TEST_CASE(a_singular_pencil_follows_scipys_infinity_and_nan_rules) {
  const Matrix a{{1, 0}, {0, 0}};
  const Matrix b = Matrix::Zero(2, 2);
  for (const VectorT<Cd>& w :
       {linalg::eigvals(a, b), VectorT<Cd>(linalg::eigvals(a.cast<Cd>().eval(), b.cast<Cd>().eval()))}) {
    BOOST_TEST((w(0) == Cd(std::numeric_limits<double>::infinity(), 0)));  // alpha != 0, beta = 0
    BOOST_TEST(std::isnan(w(1).real()));                                   // alpha = beta = 0
    BOOST_TEST(w(1).imag() == 0.0);                                        // every alpha real: NaN + 0i, as SciPy
  }
  const auto r = linalg::eig(a, b, {.homogeneous_eigvals = true});
  BOOST_TEST(r.w_homogeneous.row(1).isZero(0));
}

BOOST_AUTO_TEST_CASE(vectors_are_complex_even_when_every_eigenvalue_is_real) {
  const Matrix a{{2, 1}, {1, 2}};
  const auto r = linalg::eig(a);
  BOOST_TEST(r.vr.imag().isZero(0));
  BOOST_TEST(r.w.imag().isZero(0));
  const Matrix v = r.vr.real();
  BOOST_TEST(((a * v - v * r.w.real().asDiagonal()).norm() <= 1e-15));
}

BOOST_AUTO_TEST_CASE(only_what_is_asked_is_computed) {
  std::srand(8);
  const MatrixT<std::complex<float>> a = MatrixT<std::complex<float>>::Random(5, 5);
  const auto none = linalg::eig(a, {.right = false});
  BOOST_TEST(none.w.size() == 5);
  BOOST_TEST(none.vl.size() == 0);
  BOOST_TEST(none.vr.size() == 0);
  const auto both = linalg::eig(a, a.adjoint().eval(), {.left = true});
  BOOST_TEST(both.vl.rows() == 5);
  BOOST_TEST(both.vr.cols() == 5);
  // SciPy 1.17.1 normalizes only the first left vector when right=False (it
  // loops over the rows of the unused vr); all of them are unit vectors here.
  const auto left_only = linalg::eig(a, a.adjoint().eval(), {.left = true, .right = false});
  BOOST_TEST(unit_columns(left_only.vl));
  BOOST_TEST(left_only.vr.size() == 0);
}

BOOST_AUTO_TEST_CASE(empty_matrix_gives_empty_results_as_scipy) {
  const auto r = linalg::eig(Matrix(0, 0), {.left = true, .homogeneous_eigvals = true});
  BOOST_TEST(r.w.size() == 0);
  BOOST_TEST(r.vl.size() == 0);
  BOOST_TEST(r.vr.size() == 0);
  BOOST_TEST(r.w_homogeneous.rows() == 2);  // SciPy: shape (2, 0)
  BOOST_TEST(r.w_homogeneous.cols() == 0);
  BOOST_TEST(linalg::eigvals(Matrix(0, 0), Matrix::Identity(3, 3)).size() == 0);  // b not looked at, as SciPy
}

BOOST_AUTO_TEST_CASE(bad_input_is_a_value_error) {
  BOOST_TEST(message_of<ValueError>([] { (void)linalg::eig(Matrix::Ones(2, 3)); }) ==
             "eig: a is 2x3, expected a square matrix");
  BOOST_TEST(message_of<ValueError>([] { (void)linalg::eig(Matrix::Identity(3, 3), Matrix::Identity(2, 2)); }) ==
             "eig: a and b must have the same shape (a is 3x3, b is 2x2)");
  BOOST_TEST(message_of<ValueError>([] { (void)linalg::eigvals(Matrix::Identity(3, 3), Matrix::Ones(3, 2)); }) ==
             "eigvals: b is 3x2, expected a square matrix");
  Matrix a = Matrix::Identity(3, 3);
  a(1, 2) = std::numeric_limits<double>::infinity();
  BOOST_TEST(message_of<ValueError>([&] { (void)linalg::eigvals(a); }) ==
             "eigvals: a must contain only finite values, but entry (1, 2) is inf");
  BOOST_CHECK_THROW(linalg::eig(Matrix::Identity(3, 3), a), ValueError);
}

BOOST_AUTO_TEST_CASE(unchecked_nan_is_a_value_error_from_lapacks_balancing) {
  // OpenBLAS 0.3.21's ?gebal rejects this one (argument 3) once it meets the NaN while scaling.
  Matrix a = Matrix::Identity(4, 4);
  a(1, 0) = a(0, 1) = std::numeric_limits<double>::quiet_NaN();
  a(2, 3) = a(3, 2) = 1;
  const std::string message = message_of<ValueError>([&] { (void)linalg::eig(a, {.check_finite = false}); });
  BOOST_TEST(message.rfind("eig: LAPACK geev rejected argument ", 0) == 0);
  BOOST_TEST(message.find("holds NaN or Inf (check_finite was off)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(inputs_are_not_modified) {
  std::srand(23);
  const Matrix a0 = Matrix::Random(6, 6);
  const Matrix b0 = Matrix::Random(6, 6);
  Matrix a = a0;
  Matrix b = b0;
  (void)linalg::eig(a, {.left = true});
  (void)linalg::eig(a, b, {.left = true});
  (void)linalg::eigvals(a);
  (void)linalg::eigvals(a, b);
  BOOST_TEST((a == a0));
  BOOST_TEST((b == b0));
}

BOOST_AUTO_TEST_SUITE_END()

#include <boost/test/unit_test.hpp>
#include <limits>
#include <scilearn/linalg/solve_triangular.hpp>
#include <string>

#include "linalg_testing.hpp"
#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(solve_triangular)

using namespace scilearn;
using linalg::SolveTriangularOptions;
using linalg::Trans;

// The triangle that the options select, as the matrix LAPACK solves with.
template <class S>
MatrixT<S> effective_matrix(const MatrixT<S>& a, const SolveTriangularOptions& o) {
  MatrixT<S> t = o.lower ? MatrixT<S>(a.template triangularView<Eigen::Lower>())
                         : MatrixT<S>(a.template triangularView<Eigen::Upper>());
  if (o.unit_diagonal) t.diagonal().setOnes();
  return o.trans == Trans::N ? t : o.trans == Trans::T ? MatrixT<S>(t.transpose()) : MatrixT<S>(t.adjoint());
}

template <class S>
void check_case(const std::vector<std::string>& f) {
  const std::string& name = f[0];
  BOOST_TEST_CONTEXT("case " << name) {
    const std::string dir = "linalg/basic";
    const MatrixT<S> a = testing::load_fixture<S>(dir, name + "_a");
    const MatrixT<S> b = testing::load_fixture<S>(dir, name + "_b");
    const MatrixT<S> x_ref = testing::load_fixture<S>(dir, name + "_x");
    const SolveTriangularOptions o{
        .trans = static_cast<Trans>(std::stoi(f[3])), .lower = f[2] == "1", .unit_diagonal = f[4] == "1"};
    const MatrixT<S> x = linalg::solve_triangular(a, b, o);
    const MatrixT<S> op = effective_matrix<S>(a, o);
    BOOST_TEST(testing::residual_ratio<S>(op, x, b) < 30.0);
    // Triangular solves are backward stable (Higham 2002, Thm 8.5); these
    // matrices are diagonally dominant (cond_1 < 2), so both answers agree to
    // a few eps relative.
    const double eps = std::numeric_limits<typename Eigen::NumTraits<S>::Real>::epsilon();
    const double rel = static_cast<double>((x - x_ref).cwiseAbs().maxCoeff() / x_ref.cwiseAbs().maxCoeff());
    BOOST_TEST(rel <= 100 * eps);
  }
}

BOOST_AUTO_TEST_CASE(matches_scipy_for_every_type_triangle_trans_and_diagonal) {
  const auto rows = testing::read_manifest("linalg/basic/triangular_cases.csv");
  BOOST_TEST_REQUIRE(rows.size() == 48u);
  for (const auto& f : rows) {
    testing::with_scalar(f[1][0], [&](auto scalar) { check_case<typename decltype(scalar)::type>(f); });
  }
}

BOOST_AUTO_TEST_CASE(docstring_example) {
  const Matrix a{{3, 0, 0}, {1, 2, 0}, {1, 1, 1}};
  const Vector x = linalg::solve_triangular(a, Vector{{3, 5, 4}}, {.lower = true});
  BOOST_TEST((x - Vector{{1, 2, 1}}).cwiseAbs().maxCoeff() < 1e-15);
}

BOOST_AUTO_TEST_CASE(zero_on_the_diagonal_is_a_linalg_error_naming_it) {
  const Matrix a{{1, 2, 3}, {0, 0, 1}, {0, 0, 4}};
  BOOST_TEST(testing::message_of<LinAlgError>([&] { (void)linalg::solve_triangular(a, Vector::Ones(3)); }) ==
             "solve_triangular: singular matrix: resolution failed at diagonal 1");
  // With unit_diagonal the zero is never read.
  BOOST_CHECK_NO_THROW((void)linalg::solve_triangular(a, Vector::Ones(3), {.unit_diagonal = true}));
}

BOOST_AUTO_TEST_CASE(bad_shapes_and_values_are_value_errors) {
  BOOST_CHECK_THROW((void)linalg::solve_triangular(Matrix::Identity(3, 4), Vector::Ones(3)), ValueError);
  BOOST_TEST(testing::message_of<ValueError>([] {
               (void)linalg::solve_triangular(Matrix::Identity(3, 3), Vector::Ones(2));
             }) == "solve_triangular: a is 3x3 but b has 2 rows");
  Matrix a = Matrix::Identity(3, 3);
  a(2, 0) = std::numeric_limits<double>::quiet_NaN();  // in the ignored triangle: still rejected, as SciPy
  BOOST_CHECK_THROW((void)linalg::solve_triangular(a, Vector::Ones(3)), ValueError);
  BOOST_CHECK_NO_THROW((void)linalg::solve_triangular(a, Vector::Ones(3), {.check_finite = false}));
}

BOOST_AUTO_TEST_CASE(inputs_are_not_modified_and_blocks_are_read_in_place) {
  std::srand(3);
  Matrix big = Matrix::Random(10, 10);
  big.diagonal().array() += 10;
  const Matrix big0 = big;
  const Matrix b0 = Matrix::Random(6, 2);
  Matrix b = b0;
  // A 6x6 block (outer stride 10) goes to LAPACK with its leading dimension.
  const Matrix x = linalg::solve_triangular(big.block(2, 3, 6, 6), b, {.trans = Trans::T});
  const Matrix op = Matrix(big0.block(2, 3, 6, 6).triangularView<Eigen::Upper>()).transpose();
  BOOST_TEST(testing::residual_ratio<double>(op, x, b0) < 30.0);
  BOOST_TEST((big == big0));
  BOOST_TEST((b == b0));
}

BOOST_AUTO_TEST_CASE(empty_inputs_give_empty_results) {
  BOOST_TEST(linalg::solve_triangular(Matrix(0, 0), Matrix(0, 2)).cols() == 2);
  BOOST_TEST(linalg::solve_triangular(Matrix::Identity(3, 3), Matrix(3, 0)).cols() == 0);
}

BOOST_AUTO_TEST_SUITE_END()

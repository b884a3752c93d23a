#include <boost/test/unit_test.hpp>
#include <scilearn/linalg/special_matrices.hpp>
#include <string>

#include "banded_testing.hpp"
#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(special_matrices)

using namespace scilearn;
using testing::message_of;
using CMatrix = MatrixT<std::complex<double>>;

Matrix expected(const std::string& name) { return testing::load_banded<double>(name + "_out"); }
CMatrix expected_complex(const std::string& name) { return testing::load_banded<std::complex<double>>(name + "_out"); }

// A 0 x 0 SciPy result is stored as a 0 x 0 .npy; compare shapes first.
bool same(const Matrix& x, const Matrix& ref) { return x.rows() == ref.rows() && x.cols() == ref.cols() && x == ref; }

BOOST_AUTO_TEST_CASE(integer_builders_are_exact) {
  for (const Index n : {0, 1, 4, 9}) BOOST_TEST(same(linalg::hilbert(n), expected("hilbert_" + std::to_string(n))));
  // invhilbert against SciPy's exact=True (int64): every entry below 2^63, the
  // correctly rounded double of the exact integer.
  for (const Index n : {0, 1, 2, 5, 10, 13, 14}) {
    BOOST_TEST_CONTEXT("invhilbert " << n) {
      BOOST_TEST(same(linalg::invhilbert(n), expected("invhilbert_" + std::to_string(n) + "_exact")));
    }
  }
  const std::pair<const char*, linalg::PascalKind> kinds[] = {{"symmetric", linalg::PascalKind::symmetric},
                                                              {"lower", linalg::PascalKind::lower},
                                                              {"upper", linalg::PascalKind::upper}};
  for (const Index n : {0, 1, 5, 34}) {
    for (const auto& [name, kind] : kinds) {
      BOOST_TEST_CONTEXT("pascal " << n << " " << name) {
        BOOST_TEST(same(linalg::pascal(n, kind), expected("pascal_" + std::to_string(n) + "_" + name)));
      }
    }
  }
  for (const Index n : {1, 2, 8, 16}) BOOST_TEST(same(linalg::hadamard(n), expected("hadamard_" + std::to_string(n))));
}

BOOST_AUTO_TEST_CASE(invhilbert_beyond_int64_matches_scipy_floats) {
  // SciPy's exact=False multiplies rounded binomials (a few roundings); here
  // the product is exact then rounded once, so they agree to a few ulps.
  for (const Index n : {20, 40}) {
    const Matrix ref = expected("invhilbert_" + std::to_string(n));
    const Matrix h = linalg::invhilbert(n);
    BOOST_TEST(
        ((h - ref).cwiseAbs().array() <= 8 * std::numeric_limits<double>::epsilon() * ref.cwiseAbs().array()).all());
  }
  // It is the inverse: hilbert(n) invhilbert(n) = I up to cond(hilbert) eps (n = 6: cond ~ 1.5e7).
  const Matrix product = linalg::hilbert(6) * linalg::invhilbert(6);
  BOOST_TEST((product - Matrix::Identity(6, 6)).cwiseAbs().maxCoeff() <= 1e-8);
  // Overflow to +-inf for large n, as SciPy 1.17.1: its first infinite entries
  // at n = 204, and 66506 of them at n = 300.
  BOOST_TEST(linalg::invhilbert(203).allFinite());
  BOOST_TEST(!linalg::invhilbert(204).allFinite());
  const Matrix big = linalg::invhilbert(300);
  BOOST_TEST(big.array().isInf().count() == 66506);
  BOOST_TEST(!big.hasNaN());
}

BOOST_AUTO_TEST_CASE(dft_matches_scipy) {
  const std::pair<const char*, linalg::DftScale> scales[] = {
      {"None", linalg::DftScale::none}, {"sqrtn", linalg::DftScale::sqrtn}, {"n", linalg::DftScale::n}};
  for (const Index n : {0, 1, 5, 8}) {
    for (const auto& [name, scale] : scales) {
      BOOST_TEST_CONTEXT("dft " << n << " " << name) {
        const CMatrix ref = expected_complex("dft_" + std::to_string(n) + "_" + name);
        const CMatrix m = linalg::dft(n, scale);
        BOOST_TEST_REQUIRE((m.rows() == ref.rows() && m.cols() == ref.cols()));
        // SciPy raises omega to the power k (error growing with k); here the
        // angle is reduced first. Both within a few n eps of exp(-2 pi i jk/n).
        if (n > 0) BOOST_TEST((m - ref).cwiseAbs().maxCoeff() <= 4 * n * std::numeric_limits<double>::epsilon());
      }
    }
  }
  const CMatrix u = linalg::dft(8, linalg::DftScale::sqrtn);
  BOOST_TEST((u * u.adjoint() - CMatrix::Identity(8, 8)).cwiseAbs().maxCoeff() <= 1e-15 * 8 * 4);
}

BOOST_AUTO_TEST_CASE(helmert_matches_scipy) {
  for (const Index n : {1, 2, 5}) {
    BOOST_TEST_CONTEXT("helmert " << n) {
      BOOST_TEST(same(linalg::helmert(n, true), expected("helmert_" + std::to_string(n) + "_full")));
      BOOST_TEST(same(linalg::helmert(n), expected("helmert_" + std::to_string(n))));
    }
  }
  const Matrix h = linalg::helmert(7, true);
  BOOST_TEST((h * h.transpose() - Matrix::Identity(7, 7)).cwiseAbs().maxCoeff() <= 1e-15 * 7 * 4);
}

BOOST_AUTO_TEST_CASE(generic_builders_match_scipy) {
  const Vector c = testing::load_banded<double>("in_c");
  const Vector r = testing::load_banded<double>("in_r");
  const VectorT<std::complex<double>> cz = testing::load_banded<std::complex<double>>("in_cz");
  BOOST_TEST(same(linalg::toeplitz(c, r), expected("toeplitz_c_r")));
  BOOST_TEST(same(linalg::toeplitz(c), expected("toeplitz_c")));
  BOOST_TEST((linalg::toeplitz(cz) == expected_complex("toeplitz_cz")));  // Hermitian only if c(0) is real
  BOOST_TEST(same(linalg::circulant(c), expected("circulant_c")));
  BOOST_TEST((linalg::circulant(cz) == expected_complex("circulant_cz")));
  BOOST_TEST(same(linalg::hankel(c, r), expected("hankel_c_r")));
  BOOST_TEST(same(linalg::hankel(c), expected("hankel_c")));
  BOOST_TEST(same(linalg::companion(c), expected("companion_c")));
  BOOST_TEST(same(linalg::leslie(c, r), expected("leslie_c_r")));
  BOOST_TEST(same(linalg::fiedler(c), expected("fiedler_c")));
  const Matrix fz = linalg::fiedler(cz);  // |a_i - a_j| is real
  BOOST_TEST((fz - expected("fiedler_cz")).cwiseAbs().maxCoeff() <= 4e-16 * 4);
  const Matrix a = c * Eigen::RowVector2d{1.0, -2.0};
  const Matrix b = r * Eigen::RowVector3d{1.0, 0.5, 3.0};
  BOOST_TEST(same(linalg::kron(a, b), expected("kron_cr")));
  BOOST_TEST(
      same(linalg::block_diag(a, Matrix(0, 2), Matrix{{7.0}}, Matrix(r * r.transpose())), expected("block_diag_cr")));
}

BOOST_AUTO_TEST_CASE(docstring_examples_are_exact) {
  BOOST_TEST(
      (linalg::toeplitz(Vector{{1, 2, 3}}, Vector{{1, 4, 5, 6}}) == Matrix{{1, 4, 5, 6}, {2, 1, 4, 5}, {3, 2, 1, 4}}));
  BOOST_TEST((linalg::toeplitz(Vector{{1, 2, 3}}) == Matrix{{1, 2, 3}, {2, 1, 2}, {3, 2, 1}}));
  BOOST_TEST((linalg::circulant(Vector{{1, 2, 3}}) == Matrix{{1, 3, 2}, {2, 1, 3}, {3, 2, 1}}));
  BOOST_TEST(
      (linalg::hankel(Vector{{1, 2, 3}}, Vector{{4, 7, 7, 8}}) == Matrix{{1, 2, 3, 7}, {2, 3, 7, 7}, {3, 7, 7, 8}}));
  BOOST_TEST((linalg::companion(Vector{{1, -10, 31, -30}}) == Matrix{{10, -31, 30}, {1, 0, 0}, {0, 1, 0}}));
  BOOST_TEST((linalg::block_diag(std::vector<Matrix>{Matrix{{1, 0}, {0, 1}}, Matrix{{3, 4, 5}}}) ==
              Matrix{{1, 0, 0, 0, 0}, {0, 1, 0, 0, 0}, {0, 0, 3, 4, 5}}));
  BOOST_TEST(
      (linalg::kron(Matrix{{1, 2}, {3, 4}}, Matrix{{1, 1, 1}}) == Matrix{{1, 1, 1, 2, 2, 2}, {3, 3, 3, 4, 4, 4}}));
  BOOST_TEST((linalg::fiedler(Vector{{1, 4, 12}}) == Matrix{{0, 3, 11}, {3, 0, 8}, {11, 8, 0}}));
  BOOST_TEST((linalg::invhilbert(2) == Matrix{{4, -6}, {-6, 12}}));
  BOOST_TEST((linalg::pascal(3) == Matrix{{1, 1, 1}, {1, 2, 3}, {1, 3, 6}}));
  BOOST_TEST((linalg::hadamard(2) == Matrix{{1, 1}, {1, -1}}));
  const Matrix l = linalg::leslie(Vector{{0.1, 2.0, 1.0, 0.1}}, Vector{{0.2, 0.8, 0.7}});
  BOOST_TEST((l == Matrix{{0.1, 2.0, 1.0, 0.1}, {0.2, 0, 0, 0}, {0, 0.8, 0, 0}, {0, 0, 0.7, 0}}));
}

BOOST_AUTO_TEST_CASE(builders_work_for_integer_and_row_vector_input) {
  const Eigen::RowVector3i c{1, 2, 3};
  const Eigen::MatrixXi t = linalg::toeplitz(c);
  BOOST_TEST((t == Eigen::MatrixXi{{1, 2, 3}, {2, 1, 2}, {3, 2, 1}}));
  const Matrix m = linalg::companion(Eigen::VectorXi{{2, 4, 6}});  // integer in, double out (SciPy: float)
  BOOST_TEST((m == Matrix{{-2, -3}, {1, 0}}));
  BOOST_TEST((linalg::fiedler(Eigen::VectorXi{{3, -1}}) == Eigen::MatrixXi{{0, 4}, {4, 0}}));
}

BOOST_AUTO_TEST_CASE(empty_inputs_as_scipy) {
  BOOST_TEST(linalg::toeplitz(Vector(0)).size() == 0);
  BOOST_TEST((linalg::toeplitz(Vector::Ones(2), Vector(0)).rows() == 2));
  BOOST_TEST(linalg::circulant(Vector(0)).size() == 0);
  BOOST_TEST((linalg::hankel(Vector::Ones(2), Vector(0)).rows() == 2));
  BOOST_TEST(linalg::fiedler(Vector(0)).size() == 0);
  const Matrix none = linalg::block_diag(std::vector<Matrix>{});
  BOOST_TEST((none.rows() == 1 && none.cols() == 0));  // SciPy's block_diag(): shape (1, 0)
  BOOST_TEST(linalg::kron(Matrix(0, 2), Matrix::Ones(2, 2)).cols() == 4);
}

BOOST_AUTO_TEST_CASE(invalid_arguments_are_value_errors) {
  BOOST_TEST(message_of<ValueError>([] { (void)linalg::hadamard(6); }) ==
             "hadamard: n must be a positive integer and a power of 2, got 6");
  BOOST_CHECK_THROW((void)linalg::hadamard(0), ValueError);
  BOOST_TEST(message_of<ValueError>([] { (void)linalg::hilbert(-1); }) == "hilbert: n must be non-negative, got -1");
  BOOST_CHECK_THROW((void)linalg::invhilbert(-2), ValueError);
  BOOST_CHECK_THROW((void)linalg::pascal(-1), ValueError);
  BOOST_CHECK_THROW((void)linalg::dft(-1), ValueError);
  BOOST_TEST(message_of<ValueError>([] { (void)linalg::helmert(0); }) == "helmert: n must be at least 1, got 0");
  BOOST_TEST(message_of<ValueError>([] { (void)linalg::companion(Vector{{1.0}}); }) ==
             "companion: a has 1 entries; it must have at least 2");
  BOOST_TEST(message_of<ValueError>([] {
               (void)linalg::companion(Vector{{0.0, 1.0}});
             }) == "companion: the first coefficient a(0) must not be zero");
  BOOST_TEST(message_of<ValueError>([] {
               (void)linalg::leslie(Vector{{1.0, 2.0}}, Vector{{1.0, 2.0}});
             }) == "leslie: f has 2 entries and s 2; s must have one entry less than f");
  BOOST_TEST(message_of<ValueError>([] { (void)linalg::leslie(Vector{{1.0}}, Vector(0)); }) ==
             "leslie: s must have at least 1 entry");
  BOOST_TEST(message_of<ValueError>([] { (void)linalg::toeplitz(Matrix::Ones(2, 2)); }) ==
             "toeplitz: c is 2x2, expected a vector");
}

BOOST_AUTO_TEST_SUITE_END()

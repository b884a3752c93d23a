#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <scilearn/linalg/norm.hpp>
#include <string>

#include "svd_cases.hpp"

BOOST_AUTO_TEST_SUITE(norm)

using namespace scilearn;
using linalg::NormOrder;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// The orders of cases.csv's norm columns, in order.
const NormOrder kMatrixOrders[] = {NormOrder(), NormOrder::nuc(), 1, -1, 2, -2, kInf, -kInf};

// |x - ref| <= tol |ref|, with exact zeros and infinities required exactly.
bool close(double x, double ref, double tol) {
  if (ref == 0 || std::isinf(ref)) return x == ref;
  return std::abs(x - ref) <= tol * std::abs(ref);
}

NormOrder parse_order(const std::string& label) {
  if (label == "none") return {};
  if (label == "inf") return kInf;
  if (label == "-inf") return -kInf;
  return std::stod(label);
}

}  // namespace

// Sums (fro, 1, -1, inf, -inf) carry a relative error of at most max(m, n)
// eps (recursive or pairwise summation of |a_ij|, both here and in NumPy);
// 10x that bounds the difference. The 2-norm, -2 and nuc are singular values,
// accurate to p(m, n) eps s_max in absolute terms (see svd_test.cpp).
BOOST_AUTO_TEST_CASE(matrix_norms_match_scipy) {
  testing::for_each_svd_case([](const testing::SvdCase& c, auto scalar) {
    using S = typename decltype(scalar)::type;
    const MatrixT<S> a = testing::load_fixture<S>(testing::kSvdDir, c.name + "_a");
    const double sum_tol = 10.0 * static_cast<double>(std::max(c.m, c.n)) * testing::eps<S>();
    const double s_max = c.norms[4];
    const double sv_tol = sum_tol * s_max;
    for (std::size_t i = 0; i < 8; ++i) {
      BOOST_TEST_CONTEXT("order column " << i) {
        const double x = static_cast<double>(linalg::norm(a, kMatrixOrders[i]));
        const double ref = c.norms[i];
        if (i == 1) {
          BOOST_TEST(std::abs(x - ref) <= static_cast<double>(std::min(c.m, c.n)) * sv_tol);
        } else if (i == 4 || i == 5) {
          BOOST_TEST(std::abs(x - ref) <= sv_tol);
        } else {
          BOOST_TEST(close(x, ref, sum_tol));
        }
      }
    }
    BOOST_TEST(linalg::norm(a, NormOrder::fro()) == linalg::norm(a));
  });
}

// cond's accuracy is its own conditioning times the norms': the smallest
// singular value is known to p(m, n) eps s_max, i.e. relatively to
// p(m, n) eps cond. Rank-deficient cases are skipped: their s_min is rounding
// noise (cond ~ 1 / eps) and differs between LAPACK builds.
BOOST_AUTO_TEST_CASE(cond_matches_numpy) {
  testing::for_each_svd_case([](const testing::SvdCase& c, auto scalar) {
    using S = typename decltype(scalar)::type;
    const MatrixT<S> a = testing::load_fixture<S>(testing::kSvdDir, c.name + "_a");
    if (c.kind == "zero") {
      for (const NormOrder p : {NormOrder(), NormOrder(2), NormOrder(-2)}) BOOST_TEST(std::isinf(linalg::cond(a, p)));
      return;
    }
    if (c.rank < std::min(c.m, c.n)) return;
    const double kappa = c.conds[0];
    const double tol = 10.0 * static_cast<double>(std::max(c.m, c.n)) * testing::eps<S>() * kappa;
    BOOST_TEST(close(static_cast<double>(linalg::cond(a)), kappa, tol));
    BOOST_TEST(close(static_cast<double>(linalg::cond(a, 2)), kappa, tol));
    BOOST_TEST(close(static_cast<double>(linalg::cond(a, -2)), c.conds[1], tol));
    if (c.m != c.n) return;
    // Norms of a and of its inverse (backward-stable LU: relative error of the
    // inverse O(n eps cond)): 100 n eps cond.
    const NormOrder inverse_orders[] = {1, NormOrder::fro(), kInf, NormOrder::nuc(), -1, -kInf};
    for (std::size_t i = 0; i < 6; ++i) {
      BOOST_TEST_CONTEXT("p column " << i + 2) {
        BOOST_TEST(close(static_cast<double>(linalg::cond(a, inverse_orders[i])), c.conds[i + 2], 10.0 * tol));
      }
    }
  });
}

// Vector norms are sums of |x_i|^p: relative error a few n eps (pow adds a
// few ulps), 10 n eps bounds the difference from NumPy.
BOOST_AUTO_TEST_CASE(vector_norms_match_scipy) {
  const auto rows = testing::read_manifest(std::string(testing::kSvdDir) + "/vector_cases.csv");
  BOOST_TEST_REQUIRE(rows.size() == 88u);
  for (const auto& f : rows) {
    BOOST_TEST_CONTEXT(f[0] << " ord " << f[2]) {
      testing::with_scalar(f[1][0], [&](auto scalar) {
        using S = typename decltype(scalar)::type;
        const VectorT<S> x = testing::load_fixture<S>(testing::kSvdDir, f[0] + "_x");
        const double ref = std::stod(f[3]);
        const double got = static_cast<double>(linalg::norm(x, parse_order(f[2])));
        BOOST_TEST(close(got, ref, 10.0 * static_cast<double>(x.size()) * testing::eps<S>()));
        // A row vector, or a row of a matrix, is a vector too.
        const Eigen::Matrix<S, 1, Eigen::Dynamic> row = x.transpose();
        BOOST_TEST(close(static_cast<double>(linalg::norm(row, parse_order(f[2]))), ref,
                         10.0 * static_cast<double>(x.size()) * testing::eps<S>()));
      });
    }
  }
}

BOOST_AUTO_TEST_CASE(closed_forms) {
  const Vector x{{3, 0, -4}};
  BOOST_TEST(linalg::norm(x) == 5.0);
  BOOST_TEST(linalg::norm(x, 1) == 7.0);
  BOOST_TEST(linalg::norm(x, 0) == 2.0);
  BOOST_TEST(linalg::norm(x, kInf) == 4.0);
  BOOST_TEST(linalg::norm(x, -kInf) == 0.0);
  BOOST_TEST(linalg::norm(x, -1) == 0.0);  // a zero entry: sum of 1/|x_i| is inf
  const Matrix a{{1, 2}, {3, 4}};
  BOOST_TEST(linalg::norm(a) == std::sqrt(30.0), boost::test_tools::tolerance(1e-15));
  BOOST_TEST(linalg::norm(a, 1) == 6.0);
  BOOST_TEST(linalg::norm(a, -1) == 4.0);
  BOOST_TEST(linalg::norm(a, kInf) == 7.0);
  BOOST_TEST(linalg::norm(a, -kInf) == 3.0);
  // A matrix with one column is a matrix (SciPy's 2-D array), not a vector.
  const Matrix column = x;
  BOOST_TEST(linalg::norm(column, 1) == 7.0);
  BOOST_TEST(linalg::norm(column, kInf) == 4.0);
  BOOST_CHECK_THROW((void)linalg::norm(column, 0), ValueError);
  // The result has the real type of the scalar.
  static_assert(std::is_same_v<decltype(linalg::norm(Eigen::MatrixXcf(2, 2))), float>);
  static_assert(std::is_same_v<decltype(linalg::cond(Eigen::MatrixXcd(2, 2))), double>);
  const Eigen::VectorXcd z{{std::complex<double>(3, 4)}};
  BOOST_TEST(linalg::norm(z, 1) == 5.0);
}

BOOST_AUTO_TEST_CASE(no_overflow_in_the_sum_of_squares) {
  // NumPy's sqrt(sum(x^2)) overflows here; the scaled sums do not.
  const Vector big{{1e200, 1e200}};
  BOOST_TEST(linalg::norm(big) == std::sqrt(2.0) * 1e200, boost::test_tools::tolerance(1e-15));
  BOOST_TEST(linalg::norm(big, 3) == std::cbrt(2.0) * 1e200, boost::test_tools::tolerance(1e-14));
  const Matrix m = Matrix::Constant(2, 2, 1e200);
  BOOST_TEST(linalg::norm(m) == 2e200, boost::test_tools::tolerance(1e-15));
  const Vector tiny{{1e-200, 1e-200}};
  BOOST_TEST(linalg::norm(tiny) == std::sqrt(2.0) * 1e-200, boost::test_tools::tolerance(1e-15));
}

BOOST_AUTO_TEST_CASE(empty_inputs_as_scipy) {
  // SciPy 1.17.1 / NumPy 2.4: 0 for every order, except a minimum over no values.
  const Vector e(0);
  for (const NormOrder o : {NormOrder(), NormOrder(1), NormOrder(0), NormOrder(kInf), NormOrder(3)}) {
    BOOST_TEST(linalg::norm(e, o) == 0.0);
  }
  BOOST_TEST(std::isinf(linalg::norm(e, -1)));  // 0^(1/p) for p < 0
  BOOST_CHECK_THROW((void)linalg::norm(e, -kInf), ValueError);
  const Matrix e30(3, 0);
  const Matrix e03(0, 3);
  const Matrix e00(0, 0);
  for (const NormOrder o :
       {NormOrder(), NormOrder::fro(), NormOrder::nuc(), NormOrder(1), NormOrder(2), NormOrder(kInf)}) {
    BOOST_TEST(linalg::norm(e30, o) == 0.0);
    BOOST_TEST(linalg::norm(e00, o) == 0.0);
  }
  BOOST_CHECK_THROW((void)linalg::norm(e30, -1), ValueError);  // no columns
  BOOST_TEST(linalg::norm(e03, -1) == 0.0);                    // three empty columns
  BOOST_TEST(linalg::norm(e30, -kInf) == 0.0);
  BOOST_CHECK_THROW((void)linalg::norm(e03, -kInf), ValueError);  // no rows
  BOOST_CHECK_THROW((void)linalg::norm(e30, -2), ValueError);
  BOOST_CHECK_THROW((void)linalg::norm(e00, -2), ValueError);
  // cond: NumPy's LinAlgError "cond is not defined on empty arrays".
  BOOST_CHECK_THROW((void)linalg::cond(e00), LinAlgError);
  BOOST_CHECK_THROW((void)linalg::cond(e30, 1), LinAlgError);
}

BOOST_AUTO_TEST_CASE(singular_matrices_have_infinite_cond) {
  const Matrix s{{1, 2}, {2, 4}};
  for (const NormOrder p :
       {NormOrder(1), NormOrder(-1), NormOrder(kInf), NormOrder(-kInf), NormOrder::fro(), NormOrder::nuc()}) {
    BOOST_TEST(std::isinf(linalg::cond(s, p)));
    BOOST_TEST(std::isinf(linalg::cond(Matrix::Zero(3, 3), p)));
  }
  BOOST_TEST(linalg::cond(s) > 1e15);  // s_min is rounding noise, as NumPy's 4.8e16
  BOOST_TEST(linalg::cond(s, -2) < 1e-15);
  // A rectangular a has a 2-norm condition number.
  const Matrix r = Matrix::Ones(3, 2) + Matrix::Identity(3, 2);
  BOOST_TEST(linalg::cond(r) == 3.316624790355401, boost::test_tools::tolerance(1e-14));  // NumPy's
  const Matrix d{{1, 0}, {0, 1e-3}};
  BOOST_TEST(linalg::cond(d, 1) == 1000.0, boost::test_tools::tolerance(1e-14));
}

BOOST_AUTO_TEST_CASE(inputs_are_not_modified) {
  const Matrix a = Matrix::Random(5, 5);
  const Matrix original = a;
  (void)linalg::norm(a, 2);
  (void)linalg::norm(a, NormOrder::nuc());
  (void)linalg::cond(a);
  (void)linalg::cond(a, 1);
  BOOST_TEST((a == original));
}

BOOST_AUTO_TEST_CASE(errors) {
  const Vector x{{1, 2}};
  BOOST_CHECK_THROW((void)linalg::norm(x, NormOrder::fro()), ValueError);
  BOOST_CHECK_THROW((void)linalg::norm(x, NormOrder::nuc()), ValueError);
  BOOST_CHECK_THROW((void)linalg::norm(x, std::numeric_limits<double>::quiet_NaN()), ValueError);
  const Matrix a = Matrix::Identity(2, 2);
  for (const double p : {0.0, 3.0, 0.5, std::numeric_limits<double>::quiet_NaN()}) {
    BOOST_CHECK_THROW((void)linalg::norm(a, p), ValueError);
    BOOST_CHECK_THROW((void)linalg::cond(a, p), ValueError);
  }
  Matrix bad = a;
  bad(0, 1) = std::numeric_limits<double>::infinity();
  BOOST_CHECK_THROW((void)linalg::norm(bad), ValueError);
  BOOST_CHECK_THROW((void)linalg::cond(bad), ValueError);
  BOOST_TEST(std::isinf(linalg::norm(bad, 1, /*check_finite=*/false)));
  Vector bad_x = x;
  bad_x(1) = std::numeric_limits<double>::quiet_NaN();
  BOOST_CHECK_THROW((void)linalg::norm(bad_x), ValueError);
  // The inverse-based orders need a square a (NumPy raises LinAlgError here).
  BOOST_CHECK_THROW((void)linalg::cond(Matrix::Ones(3, 2), 1), ValueError);
  BOOST_CHECK_THROW((void)linalg::cond(Matrix::Ones(3, 2), NormOrder::fro()), ValueError);
}

BOOST_AUTO_TEST_SUITE_END()

// eigh() and svd() on real matrices of order 1 to 8, which they hand to the
// Jacobi methods (linalg/src/jacobi_small.hpp) instead of LAPACK: the same
// answers as SciPy's LAPACK, the same contract (ascending / descending order,
// orthonormal vectors, triangle read, inputs untouched), and LAPACK's answer
// where the Jacobi methods step aside.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <scilearn/linalg/eigh.hpp>
#include <scilearn/linalg/svd.hpp>
#include <string>
#include <vector>

#include "eig_testing.hpp"
#include "jacobi_small.hpp"
#include "support/expect.hpp"
#include "svd_cases.hpp"

BOOST_AUTO_TEST_SUITE(small_order)

using namespace scilearn;
using testing::eps;
using testing::norm1;

namespace {

const std::string kDir = "linalg/small";

struct SmallCase {
  std::string name;
  char dtype;
  bool lower;
  double scale;  // ||a||_2
};

// The cases of one kind; tests/reference/linalg_small.py writes 50 eigh and 32 svd cases.
std::vector<SmallCase> read_cases(const std::string& kind) {
  std::vector<SmallCase> cases;
  for (const auto& f : testing::read_manifest_kind(kDir + "/cases.csv", kind, 5, kind == "eigh" ? 50 : 32)) {
    cases.push_back({f[0], f[2][0], f[3] == "1", std::stod(f[4])});
  }
  return cases;
}

// LAPACK's test ratio ||a v - v diag(w)||_1 / (n eps ||a||_1) (xSYT21), 0 for a zero a.
template <class R>
double eigenpair_ratio(const MatrixT<R>& a, const MatrixT<R>& v, const VectorT<R>& w) {
  const double anorm = norm1<R>(a);
  const MatrixT<R> r = a * v - v * w.asDiagonal();
  return anorm == 0 ? norm1<R>(r) : norm1<R>(r) / (static_cast<double>(a.rows()) * eps<R>() * anorm);
}

// Each eigenvalue of a backward stable solver is within O(n eps ||a||_2) of the
// exact one (Weyl), SciPy's too: they differ by at most twice that. 30 is
// LAPACK's own acceptance ratio.
template <class R>
double value_ratio(const VectorT<R>& x, const Matrix& ref, const SmallCase& c) {
  BOOST_TEST_REQUIRE(x.size() == ref.rows());
  const double diff = (x.template cast<double>() - ref.col(0)).cwiseAbs().maxCoeff();
  if (c.scale == 0) return diff;
  return diff / (static_cast<double>(ref.rows()) * eps<R>() * c.scale);
}

template <class R>
void check_eigh(const SmallCase& c) {
  BOOST_TEST_CONTEXT("case " << c.name) {
    const MatrixT<R> a = testing::load_fixture<R>(kDir, c.name + "_a");
    const MatrixT<R> heff = testing::load_fixture<R>(kDir, c.name + "_heff");
    const Matrix w_ref = testing::load_fixture<double>(kDir, c.name + "_w");
    const Index n = a.rows();
    const MatrixT<R> original = a;
    const auto [w, v] = linalg::eigh(a, {.lower = c.lower});
    BOOST_TEST(value_ratio<R>(w, w_ref, c) <= 30.0);
    for (Index i = 1; i < n; ++i) BOOST_TEST(w(i - 1) <= w(i));
    BOOST_TEST_REQUIRE(v.rows() == n);
    BOOST_TEST_REQUIRE(v.cols() == n);
    BOOST_TEST(eigenpair_ratio<R>(heff, v, w) <= 30.0);
    BOOST_TEST(testing::orthonormality_ratio<R>(v) <= 30.0);
    // What eigh returned is the Jacobi method's answer (it did not step aside).
    VectorT<R> wj;
    MatrixT<R> vj;
    const bool applied = linalg::detail::jacobi_eigh<R>(a, c.lower, true, wj, vj);
    BOOST_TEST(applied);
    if (applied) BOOST_TEST(((wj == w) && (vj == v)));
    BOOST_TEST(value_ratio<R>(linalg::eigvalsh(a, {.lower = c.lower}), w_ref, c) <= 30.0);
    const auto values_only = linalg::eigh(a, {.lower = c.lower, .eigvals_only = true});
    BOOST_TEST(values_only.v.size() == 0);
    BOOST_TEST(value_ratio<R>(values_only.w, w_ref, c) <= 30.0);
    // LAPACK (a driver named) on the same input: the same eigenvalues.
    const auto lapack = linalg::eigh(a, {.lower = c.lower, .driver = linalg::EighDriver::evr});
    BOOST_TEST(value_ratio<R>(lapack.w, w_ref, c) <= 30.0);
    BOOST_TEST((a == original));
  }
}

template <class R>
void check_svd(const SmallCase& c) {
  BOOST_TEST_CONTEXT("case " << c.name) {
    const MatrixT<R> a = testing::load_fixture<R>(kDir, c.name + "_a");
    const Matrix s_ref = testing::load_fixture<double>(kDir, c.name + "_s");
    const Index n = a.rows();
    const MatrixT<R> original = a;
    for (const bool full : {true, false}) {
      const auto [u, s, vh] = linalg::svd(a, {.full_matrices = full});
      BOOST_TEST(value_ratio<R>(s, s_ref, c) <= 30.0);
      for (Index i = 1; i < n; ++i) BOOST_TEST(s(i) <= s(i - 1));
      BOOST_TEST(s.minCoeff() >= 0);
      BOOST_TEST_REQUIRE(u.rows() == n);
      BOOST_TEST_REQUIRE(u.cols() == n);
      BOOST_TEST_REQUIRE(vh.rows() == n);
      BOOST_TEST_REQUIRE(vh.cols() == n);
      BOOST_TEST(testing::orthonormality_ratio<R>(u) <= 30.0);
      BOOST_TEST(testing::orthonormality_ratio<R>(MatrixT<R>(vh.transpose())) <= 30.0);
      VectorT<R> sj;
      MatrixT<R> uj;
      MatrixT<R> vhj;
      const bool applied = linalg::detail::jacobi_svd<R>(a, true, sj, uj, vhj);  // svd's answer is Jacobi's
      BOOST_TEST(applied);
      if (applied) BOOST_TEST(((sj == s) && (uj == u) && (vhj == vh)));
      const MatrixT<R> product = u * s.asDiagonal() * vh;
      if (norm1<R>(a) == 0) {
        BOOST_TEST(product.cwiseAbs().maxCoeff() == 0);
      } else {
        BOOST_TEST(testing::factorization_ratio<R>(a, product) <= 30.0);
      }
    }
    const auto values_only = linalg::svd(a, {.compute_uv = false});
    BOOST_TEST((values_only.u.size() == 0 && values_only.vh.size() == 0));
    BOOST_TEST(value_ratio<R>(values_only.s, s_ref, c) <= 30.0);
    BOOST_TEST(value_ratio<R>(linalg::svdvals(a), s_ref, c) <= 30.0);
    const auto lapack = linalg::svd(a, {.compute_uv = false, .lapack_driver = linalg::SvdDriver::gesvd});
    BOOST_TEST(value_ratio<R>(lapack.s, s_ref, c) <= 30.0);
    BOOST_TEST((a == original));
  }
}

template <class F>
void for_real_scalar(char code, F&& f) {
  if (code == 'f') {
    f(std::type_identity<float>{});
  } else {
    BOOST_TEST_REQUIRE(code == 'd');
    f(std::type_identity<double>{});
  }
}

}  // namespace

BOOST_AUTO_TEST_CASE(eigh_matches_scipy_with_orthonormal_vectors) {
  for (const SmallCase& c : read_cases("eigh")) {
    for_real_scalar(c.dtype, [&]<class R>(std::type_identity<R>) { check_eigh<R>(c); });
  }
}

BOOST_AUTO_TEST_CASE(svd_matches_scipy_with_orthonormal_factors) {
  for (const SmallCase& c : read_cases("svd")) {
    for_real_scalar(c.dtype, [&]<class R>(std::type_identity<R>) { check_svd<R>(c); });
  }
}

BOOST_AUTO_TEST_CASE(closed_forms) {
  // [[2, 1], [1, 2]]: eigenvalues 1 and 3, vectors (1, -1) / sqrt 2 and (1, 1) / sqrt 2.
  const auto [w, v] = linalg::eigh(Matrix{{2, 1}, {1, 2}});
  BOOST_TEST(std::abs(w(0) - 1.0) <= 4 * eps<double>());
  BOOST_TEST(std::abs(w(1) - 3.0) <= 4 * eps<double>());
  BOOST_TEST(std::abs(std::abs(v(0, 1)) - std::sqrt(0.5)) <= 4 * eps<double>());
  BOOST_TEST(v(0, 0) * v(1, 0) < 0);
  BOOST_TEST(v(0, 1) * v(1, 1) > 0);
  // [[3, 0], [4, 5]]: singular values sqrt 45 and sqrt 5.
  const Vector s = linalg::svdvals(Matrix{{3, 0}, {4, 5}});
  BOOST_TEST(std::abs(s(0) - std::sqrt(45.0)) <= 8 * eps<double>());
  BOOST_TEST(std::abs(s(1) - std::sqrt(5.0)) <= 8 * eps<double>());
  // A diagonal matrix needs no rotation: its entries, sorted.
  const auto d = linalg::eigh(Matrix(Vector{{4, -2, 0, 1}}.asDiagonal()));
  BOOST_TEST((d.w == Vector{{-2, 0, 1, 4}}));
  BOOST_TEST((d.v.cwiseAbs() == Matrix{{0, 0, 0, 1}, {1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}}));
}

BOOST_AUTO_TEST_CASE(a_zero_matrix_gets_orthonormal_singular_vectors) {
  const auto [u, s, vh] = linalg::svd(Matrix::Zero(3, 3));
  BOOST_TEST((s.array() == 0).all());
  BOOST_TEST(testing::orthonormality_ratio<double>(u) <= 30.0);
  BOOST_TEST(testing::orthonormality_ratio<double>(Matrix(vh.transpose())) <= 30.0);
}

BOOST_AUTO_TEST_CASE(subnormal_entries_give_lapacks_answer) {
  // Entries near the smallest subnormal: squares underflow even after scaling
  // to [1/2, 1) would be exact, so this checks the scaling keeps them; the
  // reference is LAPACK's (driver named) on the same matrix.
  const double tiny = std::numeric_limits<double>::denorm_min();
  const Matrix a = Matrix{{3, 1, 0}, {1, 2, 1}, {0, 1, 5}} * (64 * tiny);
  const auto jacobi = linalg::eigh(a);
  const auto lapack = linalg::eigh(a, {.driver = linalg::EighDriver::ev});
  BOOST_TEST(jacobi.w.isApprox(lapack.w, 1e-2));  // a has 7-bit entries: only 7 bits mean anything
  BOOST_TEST(testing::orthonormality_ratio<double>(jacobi.v) <= 30.0);
  const Vector s = linalg::svdvals(a);
  const Vector s_lapack = linalg::svd(a, {.compute_uv = false, .lapack_driver = linalg::SvdDriver::gesvd}).s;
  BOOST_TEST(s.isApprox(s_lapack, 1e-2));
}

BOOST_AUTO_TEST_CASE(the_jacobi_methods_step_aside_where_they_do_not_apply) {
  Vector w;
  Matrix v;
  Matrix u;
  const Matrix beyond = Matrix::Identity(linalg::detail::kJacobiMaxOrder + 1, linalg::detail::kJacobiMaxOrder + 1);
  BOOST_TEST(!linalg::detail::jacobi_eigh<double>(beyond, true, true, w, v));
  BOOST_TEST(!linalg::detail::jacobi_svd<double>(beyond, true, w, u, v));
  BOOST_TEST(!linalg::detail::jacobi_svd<double>(Matrix::Ones(3, 2), true, w, u, v));  // not square
  Matrix nan = Matrix::Identity(3, 3);
  nan(2, 1) = std::numeric_limits<double>::quiet_NaN();
  BOOST_TEST(!linalg::detail::jacobi_eigh<double>(nan, true, true, w, v));
  BOOST_TEST(!linalg::detail::jacobi_svd<double>(nan, false, w, u, v));
  // A float column 1e-35 of the largest: its entries are near the subnormal
  // range, too few digits to normalize into u; LAPACK answers, within its contract.
  MatrixT<float> graded = MatrixT<float>::Identity(3, 3);
  graded(2, 2) = 1e-35F;
  graded(0, 2) = 3e-36F;
  VectorT<float> sf;
  MatrixT<float> uf;
  MatrixT<float> vhf;
  BOOST_TEST(!linalg::detail::jacobi_svd<float>(graded, true, sf, uf, vhf));
  const auto lapack = linalg::svd(graded);
  BOOST_TEST(testing::orthonormality_ratio<float>(lapack.u) <= 30.0);
  BOOST_TEST(testing::factorization_ratio<float>(graded, MatrixT<float>(lapack.u * lapack.s.asDiagonal() * lapack.vh)) <= 30.0);
  // The NaN sits in the triangle that is not read: the upper one is fine.
  BOOST_TEST(linalg::detail::jacobi_eigh<double>(nan, false, true, w, v));
  BOOST_TEST((w == Vector::Ones(3)));
}

BOOST_AUTO_TEST_CASE(non_finite_entries_unchecked_behave_as_lapack) {
  // With check_finite off, the Jacobi methods step aside for LAPACK, whose
  // behaviour stands: gesdd refuses a NaN with a ValueError.
  Matrix a{{1, 2}, {3, 4}};
  a(1, 0) = std::numeric_limits<double>::quiet_NaN();
  BOOST_TEST(testing::message_of<ValueError>([&] { (void)linalg::svd(a, {.check_finite = false}); }).find("NaN") !=
             std::string::npos);
  Matrix sym{{1, 2}, {2, 4}};
  sym(1, 1) = std::numeric_limits<double>::infinity();
  const auto unchecked = linalg::eigh(sym, {.check_finite = false});
  BOOST_TEST(!unchecked.w.allFinite());
}

BOOST_AUTO_TEST_SUITE_END()

#include <Eigen/Cholesky>
#include <Eigen/QR>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <optional>
#include <scilearn/linalg/lstsq.hpp>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

#include "linalg_testing.hpp"
#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(lstsq)

using namespace scilearn;
using linalg::LstsqDriver;
using linalg::LstsqOptions;

constexpr LstsqDriver kDrivers[] = {LstsqDriver::gelsd, LstsqDriver::gelsy, LstsqDriver::gelss};

template <class S>
using Real = typename Eigen::NumTraits<S>::Real;

// One row of tests/data/linalg/lstsq/cases.csv (tests/reference/linalg_lstsq.py).
struct Case {
  std::string name;
  char dtype;
  std::string driver;
  std::optional<double> cond;
  Index rank;
  double cond_eff;
  std::vector<double> residues;
  std::vector<double> s;
};

std::vector<double> split_numbers(const std::string& cell) {
  std::vector<double> out;
  std::stringstream in(cell);
  for (std::string item; std::getline(in, item, ';');) out.push_back(std::stod(item));
  return out;
}

std::vector<Case> read_cases() {
  std::vector<Case> cases;
  for (auto f : testing::read_manifest("linalg/lstsq/cases.csv")) {
    if (f.size() == 7) f.emplace_back();  // an empty last cell (no s)
    BOOST_TEST_REQUIRE(f.size() == 8u);
    cases.push_back({f[0], f[1][0], f[2], f[3].empty() ? std::nullopt : std::optional<double>(std::stod(f[3])),
                     std::stol(f[4]), std::stod(f[5]), split_numbers(f[6]), split_numbers(f[7])});
  }
  BOOST_TEST_REQUIRE(cases.size() == 72u);
  return cases;
}

template <class S>
MatrixT<S> load(const std::string& name) {
  return testing::load_fixture<S>("linalg/lstsq", name);
}

LstsqDriver parse_driver(const std::string& name) {
  if (name == "gelsd") return LstsqDriver::gelsd;
  if (name == "gelsy") return LstsqDriver::gelsy;
  BOOST_TEST_REQUIRE(name == "gelss");
  return LstsqDriver::gelss;
}

template <class S>
void check_case(const Case& c) {
  BOOST_TEST_CONTEXT("case " << c.name << " " << c.driver) {
    const MatrixT<S> a = load<S>(c.name + "_a");
    const MatrixT<S> b = load<S>(c.name + "_b");
    const MatrixT<S> x_ref = load<S>(c.name + "_x_" + c.driver);
    const LstsqOptions options{.cond = c.cond, .lapack_driver = parse_driver(c.driver)};

    MatrixT<S> x;
    VectorT<Real<S>> residues;
    VectorT<Real<S>> s;
    Index rank = -1;
    if (testing::is_vector_fixture("linalg/lstsq", c.name + "_b")) {
      const VectorT<S> bv = b.col(0);
      auto result = linalg::lstsq(a, bv, options);
      static_assert(std::is_same_v<decltype(result.x), VectorT<S>>, "a vector b gives a vector x");
      x = result.x;
      residues = result.residues;
      s = result.s;
      rank = result.rank;
    } else {
      auto result = linalg::lstsq(a, b, options);
      x = result.x;
      residues = result.residues;
      s = result.s;
      rank = result.rank;
    }
    BOOST_TEST(rank == c.rank);
    BOOST_TEST_REQUIRE(x.rows() == a.cols());
    BOOST_TEST_REQUIRE(x.cols() == b.cols());

    // Least-squares perturbation theory: a backward-stable solution is within
    // ~ max(m, n) eps cond^2 of the exact one (cond: of the rank-r part), and so is SciPy's.
    const double eps = std::numeric_limits<Real<S>>::epsilon();
    const double size = static_cast<double>(std::max(a.rows(), a.cols()));
    const double x_err = static_cast<double>((x - x_ref).norm() / x_ref.norm());
    BOOST_TEST(x_err <= 10 * size * eps * c.cond_eff * c.cond_eff);

    // Singular values are perfectly conditioned: |ds| <= eps ||a||_2.
    BOOST_TEST_REQUIRE(s.size() == static_cast<Index>(c.s.size()));
    for (Index i = 0; i < s.size(); ++i) {
      BOOST_TEST(std::abs(static_cast<double>(s(i)) - c.s[static_cast<std::size_t>(i)]) <= 10 * size * eps * c.s[0]);
    }

    // Residues: SciPy's values, and independently ||b - a x||^2 per column.
    BOOST_TEST_REQUIRE(residues.size() == static_cast<Index>(c.residues.size()));
    for (Index j = 0; j < residues.size(); ++j) {
      const double b_norm2 = static_cast<double>(b.col(j).squaredNorm());
      const double direct = static_cast<double>((b.col(j) - a * x.col(j)).squaredNorm());
      const double tol = 10 * size * eps * c.cond_eff * b_norm2;
      BOOST_TEST(std::abs(static_cast<double>(residues(j)) - c.residues[static_cast<std::size_t>(j)]) <= tol);
      BOOST_TEST(std::abs(static_cast<double>(residues(j)) - direct) <= tol);
    }
  }
}

BOOST_AUTO_TEST_CASE(matches_scipy_on_every_reference_case) {
  for (const Case& c : read_cases()) {
    testing::with_scalar(c.dtype, [&](auto scalar) { check_case<typename decltype(scalar)::type>(c); });
  }
}

BOOST_AUTO_TEST_CASE(docstring_example) {
  const Matrix a{{1, 1}, {1, 2}, {1, 3}};
  const Vector y{{1, 2, 2}};
  auto [x, residues, rank, s] = linalg::lstsq(a, y);
  BOOST_TEST((x - Vector{{2.0 / 3.0, 0.5}}).cwiseAbs().maxCoeff() < 1e-15);
  BOOST_TEST_REQUIRE(residues.size() == 1);
  BOOST_TEST(std::abs(residues(0) - 1.0 / 6.0) < 1e-15);
  BOOST_TEST(rank == 2);
  BOOST_TEST(s.size() == 2);
}

// Rank-deficient: every driver returns the minimum-norm solution. For
// a = [[1, 1], [1, 1]] and b = [2, 2] the solutions are x0 + x1 = 2, the shortest (1, 1).
BOOST_AUTO_TEST_CASE(rank_deficient_gives_the_minimum_norm_solution_with_every_driver) {
  const Matrix a{{1, 1}, {1, 1}};
  const Vector b{{2, 2}};
  for (LstsqDriver driver : kDrivers) {
    BOOST_TEST_CONTEXT("driver " << static_cast<int>(driver)) {
      const auto r = linalg::lstsq(a, b, {.lapack_driver = driver});
      BOOST_TEST(r.rank == 1);
      BOOST_TEST((r.x - Vector{{1, 1}}).cwiseAbs().maxCoeff() < 1e-14);
      BOOST_TEST(r.residues.size() == 0);  // m == n: no residues
    }
  }
}

// Wide (m < n): the minimum-norm solution of the underdetermined system is
// a^H (a a^H)^-1 b.
BOOST_AUTO_TEST_CASE(wide_system_gives_the_minimum_norm_solution) {
  std::srand(11);
  const Matrix a = Matrix::Random(3, 6);
  const Matrix b = Matrix::Random(3, 2);
  const Matrix expected = a.transpose() * (a * a.transpose()).ldlt().solve(b);
  for (LstsqDriver driver : kDrivers) {
    const auto r = linalg::lstsq(a, b, {.lapack_driver = driver});
    BOOST_TEST(r.rank == 3);
    BOOST_TEST((r.x - expected).cwiseAbs().maxCoeff() < 1e-12);
    BOOST_TEST(r.residues.size() == 0);
  }
}

// Tall, full rank: x solves the normal equations a^T a x = a^T b.
BOOST_AUTO_TEST_CASE(tall_full_rank_solves_the_normal_equations) {
  std::srand(12);
  const Matrix a = Matrix::Random(40, 5);
  const Matrix b = Matrix::Random(40, 3);
  const Matrix expected = (a.transpose() * a).ldlt().solve(a.transpose() * b);
  for (LstsqDriver driver : kDrivers) {
    const auto r = linalg::lstsq(a, b, {.lapack_driver = driver});
    BOOST_TEST((r.x - expected).cwiseAbs().maxCoeff() < 1e-12);
    BOOST_TEST(r.rank == 5);
    // SciPy: residues for gelsd / gelss only.
    BOOST_TEST(r.residues.size() == (driver == LstsqDriver::gelsy ? 0 : 3));
    BOOST_TEST(r.s.size() == (driver == LstsqDriver::gelsy ? 0 : 5));
  }
}

// SciPy's default cond is the machine epsilon of the scalar (np.finfo.eps),
// not LAPACK's unit roundoff eps / 2: a singular value of 0.7 eps relative to
// the largest counts as zero.
BOOST_AUTO_TEST_CASE(default_cond_is_the_machine_epsilon_of_the_scalar) {
  const double eps = std::numeric_limits<double>::epsilon();
  const Matrix below{{1, 0}, {0, 0.7 * eps}};
  const Matrix above{{1, 0}, {0, 1.5 * eps}};
  const Vector b{{1, 1}};
  for (LstsqDriver driver : {LstsqDriver::gelsd, LstsqDriver::gelss}) {
    BOOST_TEST(linalg::lstsq(below, b, {.lapack_driver = driver}).rank == 1);
    BOOST_TEST(linalg::lstsq(above, b, {.lapack_driver = driver}).rank == 2);
  }
  const float feps = std::numeric_limits<float>::epsilon();
  const Eigen::MatrixXf fbelow{{1, 0}, {0, 0.7f * feps}};
  const Eigen::MatrixXf fabove{{1, 0}, {0, 1.5f * feps}};
  const Eigen::VectorXf fb{{1, 1}};
  BOOST_TEST(linalg::lstsq(fbelow, fb).rank == 1);
  BOOST_TEST(linalg::lstsq(fabove, fb).rank == 2);
}

BOOST_AUTO_TEST_CASE(cond_sets_the_effective_rank) {
  const Matrix a{{1, 0}, {0, 1e-5}, {0, 0}};
  const Vector b{{1, 1, 1}};
  for (LstsqDriver driver : kDrivers) {
    const auto truncated = linalg::lstsq(a, b, {.cond = 1e-3, .lapack_driver = driver});
    BOOST_TEST(truncated.rank == 1);
    BOOST_TEST(truncated.x(1) == 0.0);
    BOOST_TEST(truncated.residues.size() == 0);  // rank < n: no residues
    const auto full = linalg::lstsq(a, b, {.cond = 1e-7, .lapack_driver = driver});
    BOOST_TEST(full.rank == 2);
    BOOST_TEST(std::abs(full.x(1) - 1e5) < 1e-6);
  }
}

BOOST_AUTO_TEST_CASE(a_vector_b_gives_a_vector_x_and_a_matrix_b_a_matrix_x) {
  const Eigen::MatrixXf a{{2, 0}, {0, 4}, {0, 0}};
  const auto v = linalg::lstsq(a, Eigen::VectorXf{{2, 4, 1}});
  static_assert(std::is_same_v<decltype(v.x), Eigen::VectorXf>);
  static_assert(std::is_same_v<decltype(v.residues), Eigen::VectorXf>);
  BOOST_TEST((v.x - Eigen::VectorXf{{1, 1}}).cwiseAbs().maxCoeff() < 1e-6f);
  BOOST_TEST(std::abs(v.residues(0) - 1.0f) < 1e-6f);
  const auto m = linalg::lstsq(a, Eigen::MatrixXf{{2}, {4}, {1}});
  static_assert(std::is_same_v<decltype(m.x), Eigen::MatrixXf>);
  BOOST_TEST(m.x.cols() == 1);
}

BOOST_AUTO_TEST_CASE(complex_residues_are_real) {
  using C = std::complex<double>;
  const MatrixT<C> a{{C(1, 1)}, {C(0, 0)}};
  const VectorT<C> b{{C(1, 1), C(0, 3)}};
  const auto r = linalg::lstsq(a, b);
  static_assert(std::is_same_v<decltype(r.residues), Vector>);
  BOOST_TEST(std::abs(r.x(0) - C(1, 0)) < 1e-15);
  BOOST_TEST(std::abs(r.residues(0) - 9.0) < 1e-14);
}

BOOST_AUTO_TEST_CASE(inputs_are_not_modified) {
  std::srand(13);
  for (auto [m, n] : {std::pair<Index, Index>{9, 4}, {4, 9}, {6, 6}}) {
    const Matrix a0 = Matrix::Random(m, n);
    const Matrix b0 = Matrix::Random(m, 2);
    for (LstsqDriver driver : kDrivers) {
      Matrix a = a0;
      Matrix b = b0;
      (void)linalg::lstsq(a, b, {.lapack_driver = driver});
      BOOST_TEST((a == a0));
      BOOST_TEST((b == b0));
    }
  }
}

BOOST_AUTO_TEST_CASE(row_mismatch_is_a_value_error_naming_the_shapes) {
  const std::string message =
      testing::message_of<ValueError>([] { (void)linalg::lstsq(Matrix::Ones(3, 2), Matrix::Ones(4, 2)); });
  BOOST_TEST(message == "lstsq: a is 3x2 but b is 4x2 (b needs 3 rows)");
}

BOOST_AUTO_TEST_CASE(nan_or_inf_is_a_value_error_unless_unchecked) {
  Matrix a = Matrix::Identity(3, 2);
  Vector b = Vector::Ones(3);
  a(1, 1) = std::numeric_limits<double>::quiet_NaN();
  BOOST_CHECK_THROW(linalg::lstsq(a, b), ValueError);
  a(1, 1) = 1;
  b(2) = std::numeric_limits<double>::infinity();
  BOOST_CHECK_THROW(linalg::lstsq(a, b), ValueError);
  // Unchecked: no crash. LAPACK either fails to converge (LinAlgError) or
  // returns non-finite numbers; both are acceptable.
  for (LstsqDriver driver : kDrivers) {
    try {
      const auto r = linalg::lstsq(a, b, {.check_finite = false, .lapack_driver = driver});
      BOOST_TEST(!r.x.allFinite());
    } catch (const LinAlgError&) {
    }
  }
}

// A tall problem whose plain working-precision solution loses most digits
// to the O(eps cond^2 ||r|| / (||a|| ||x||)) term: cond(a) = 1e3 (singular
// values logspace(0, -3)) and a residual 30 times b's fitted part.
template <class S>
std::pair<MatrixT<S>, MatrixT<S>> large_residual_problem() {
  using W = testing::Wide<S>;
  std::srand(21);
  const Index m = 30;
  const Index n = 5;
  auto random_unitary = [](Index k) {
    return MatrixT<W>(Eigen::HouseholderQR<MatrixT<W>>(MatrixT<W>::Random(k, k)).householderQ());
  };
  const MatrixT<W> u = random_unitary(m);
  const MatrixT<W> v = random_unitary(n);
  Vector sigma(n);
  for (Index i = 0; i < n; ++i) sigma(i) = std::pow(10.0, -3.0 * static_cast<double>(i) / static_cast<double>(n - 1));
  const MatrixT<W> a = u.leftCols(n) * sigma.template cast<W>().asDiagonal() * v.adjoint();
  // Fitted part a x (||x|| ~ 1) plus a residual orthogonal to a's range.
  const MatrixT<W> b = a * MatrixT<W>::Random(n, 2) + 30.0 * u.rightCols(m - n) * MatrixT<W>::Random(m - n, 2);
  return {a.template cast<S>(), b.template cast<S>()};
}

template <class S>
void check_refinement() {
  const auto [a, b] = large_residual_problem<S>();
  // The exact solution of the rounded problem, to ~1e-10 (double, cond^2 1e6).
  const MatrixT<testing::Wide<S>> x_ref =
      Eigen::ColPivHouseholderQR<MatrixT<testing::Wide<S>>>(testing::widen(a)).solve(testing::widen(b));
  auto error = [&](const MatrixT<S>& x) {
    return static_cast<double>((testing::widen(x) - x_ref).cwiseAbs().maxCoeff() / x_ref.cwiseAbs().maxCoeff());
  };
  const double cond = testing::cond2<S>(a);
  for (LstsqDriver driver : kDrivers) {
    BOOST_TEST_CONTEXT("driver " << static_cast<int>(driver)) {
      const auto plain = linalg::lstsq(a, b, {.lapack_driver = driver});
      const auto refined = linalg::lstsq(a, b, {.lapack_driver = driver, .refine = 3});
      BOOST_TEST_MESSAGE("cond " << cond << " plain " << error(plain.x) << " refined " << error(refined.x));
      BOOST_TEST(error(plain.x) > 1e-3);  // the problem is hard: eps cond^2 30 ~ 2 predicts the loss
      BOOST_TEST(error(refined.x) <= 10 * testing::eps<S>());  // measured: 0.2 - 0.3 eps
      BOOST_TEST(refined.rank == plain.rank);
      BOOST_TEST((refined.s == plain.s));
      BOOST_TEST(refined.residues.size() == plain.residues.size());
      if (refined.residues.size() > 0) {  // recomputed for the refined x
        const Vector rss =
            (testing::widen(b) - testing::widen(a) * testing::widen(refined.x)).colwise().squaredNorm().transpose();
        BOOST_TEST((refined.residues.template cast<double>() - rss).cwiseAbs().maxCoeff() <=
                   10 * testing::eps<S>() * rss.maxCoeff());
      }
    }
  }
}

// In float, with a double reference (NIST's certified values test double).
BOOST_AUTO_TEST_CASE(refinement_recovers_the_digits_the_working_precision_loses) {
  check_refinement<float>();
  check_refinement<std::complex<float>>();
}

// Refinement needs full column rank: rank-deficient and wide problems keep
// the driver's minimum-norm solution; a negative count is a ValueError.
BOOST_AUTO_TEST_CASE(refinement_leaves_rank_deficient_and_wide_problems_alone) {
  const Matrix deficient{{1, 1}, {1, 1}, {1, 1}, {1, 1}};  // rank 1 for every driver: no rounding
  const Vector b{{2, 2, 1, 3}};
  std::srand(22);
  const Matrix wide = Matrix::Random(2, 4);
  for (LstsqDriver driver : kDrivers) {
    BOOST_TEST((linalg::lstsq(deficient, b, {.lapack_driver = driver, .refine = 2}).x ==
                linalg::lstsq(deficient, b, {.lapack_driver = driver}).x));
    BOOST_TEST((linalg::lstsq(wide, Vector{{1, 2}}, {.lapack_driver = driver, .refine = 2}).x ==
                linalg::lstsq(wide, Vector{{1, 2}}, {.lapack_driver = driver}).x));
  }
  BOOST_TEST(testing::message_of<ValueError>([&] { (void)linalg::lstsq(deficient, b, {.refine = -1}); }) ==
             "lstsq: refine must be >= 0, got -1");
}

BOOST_AUTO_TEST_CASE(unknown_driver_is_a_value_error) {
  BOOST_CHECK_THROW(
      linalg::lstsq(Matrix::Identity(2, 2), Vector::Ones(2), {.lapack_driver = static_cast<LstsqDriver>(7)}),
      ValueError);
}

// SciPy 1.17: an empty a gives x = 0 of shape n x k, rank 0 and no singular
// values; the residues are the squared column norms of b when n == 0, else empty.
BOOST_AUTO_TEST_CASE(empty_a_behaves_as_scipy) {
  for (LstsqDriver driver : kDrivers) {
    const auto r00 = linalg::lstsq(Matrix(0, 0), Vector(0), {.lapack_driver = driver});
    BOOST_TEST(r00.x.size() == 0);
    BOOST_TEST_REQUIRE(r00.residues.size() == 1);  // SciPy: the scalar 0.0
    BOOST_TEST(r00.residues(0) == 0.0);
    BOOST_TEST(r00.rank == 0);
    BOOST_TEST(r00.s.size() == 0);

    const auto r03 = linalg::lstsq(Matrix(0, 3), Matrix(0, 2), {.lapack_driver = driver});
    BOOST_TEST((r03.x == Matrix::Zero(3, 2)));
    BOOST_TEST(r03.residues.size() == 0);
    BOOST_TEST(r03.rank == 0);

    const auto r30 = linalg::lstsq(Matrix(3, 0), Matrix::Ones(3, 2), {.lapack_driver = driver});
    BOOST_TEST(r30.x.rows() == 0);
    BOOST_TEST(r30.x.cols() == 2);
    BOOST_TEST((r30.residues == Vector::Constant(2, 3.0)));
    BOOST_TEST(r30.s.size() == 0);
  }
}

// No right-hand side (k == 0): SciPy 1.17 passes nrhs = 0 to LAPACK, which
// rejects it; here x is n x 0, and rank and s still describe a.
BOOST_AUTO_TEST_CASE(no_right_hand_side_gives_an_empty_x_and_still_the_rank) {
  const Matrix a{{1, 0}, {0, 2}, {0, 0}};
  const auto r = linalg::lstsq(a, Matrix(3, 0));
  BOOST_TEST(r.x.rows() == 2);
  BOOST_TEST(r.x.cols() == 0);
  BOOST_TEST(r.rank == 2);
  BOOST_TEST((r.s - Vector{{2, 1}}).cwiseAbs().maxCoeff() < 1e-15);
  BOOST_TEST(r.residues.size() == 0);
}

BOOST_AUTO_TEST_SUITE_END()

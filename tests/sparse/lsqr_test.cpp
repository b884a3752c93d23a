// lsqr and lsmr against SciPy 1.17 (tests/reference/sparse_lsqr.py): the same
// istop, the same iteration count within a small margin, x within a tolerance
// derived from the conditioning, and the result fields; plus bad input.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/io.hpp>
#include <scilearn/sparse/lsqr.hpp>
#include <string>

#include "problems.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(lsqr)

using namespace scilearn;
using namespace scilearn::sparse;

namespace {

std::filesystem::path file(const std::string& name) { return testing::fixture_path("sparse/lsqr/" + name + ".npy"); }

CscMatrix load_csc(const std::string& name, Index rows, Index cols) {
  const Vector data = io::load_npy_vector<double>(file(name + "_data"));
  const auto indices = io::load_npy_vector<std::int32_t>(file(name + "_indices"));
  const auto indptr = io::load_npy_vector<std::int32_t>(file(name + "_indptr"));
  return Eigen::Map<const CscMatrix>(rows, cols, data.size(), indptr.data(), indices.data(), data.data());
}

CscMatrix problem(const std::string& name) {
  if (name == "over") return load_csc(name, 120, 40);
  if (name == "under") return load_csc(name, 30, 60);
  return load_csc(name, 100, 30);
}

struct Case {
  std::string name, problem;
  double damp, atol, btol, conlim;
  int iter_lim;
  bool x0_ones, calc_var;
  double cond, xnorm_exact;
  std::vector<std::string> cells;
  [[nodiscard]] double num(std::size_t i) const { return std::stod(cells.at(i)); }
};

Case parse(const std::vector<std::string>& c) {
  return {c[0],
          c[1],
          std::stod(c[2]),
          std::stod(c[3]),
          std::stod(c[4]),
          std::stod(c[5]),
          std::stoi(c[6]),
          c[7] == "ones",
          c[8] == "1",
          std::stod(c[9]),
          std::stod(c[10]),
          c};
}

// A with counted products, as the reference script counts SciPy's.
LinearOperator counted(const CscMatrix& a, const std::shared_ptr<int>& count) {
  return {a.rows(), a.cols(),
          [&a, count](const VectorView& x, VectorRef y) {
            ++*count;
            y.noalias() = a * x;
          },
          [&a](const VectorView& x, VectorRef y) { y.noalias() = a.transpose() * x; }};
}

// How far x may be from SciPy's x. Converged (istop 1, 2, 4, 5): both stop with
// ||A^T r|| <= atol ||A|| ||r|| or ||r|| <= btol ||b|| + atol ||A|| ||x||, so each is
// within about cond(A)^2 max(atol, btol) ||x*|| of the exact x* (the normal
// equations' error bound); 10x for the estimates' slack. Otherwise both
// stopped at the same step; the bidiagonalization loses orthogonality, so
// rounding differences grow like cond(A)^2 over the steps: 1e4 eps cond(A)^2
// (measured: 4e-3 relative on the cond 1e5 problem after 200 steps).
double x_tolerance(const Case& c, int istop) {
  constexpr double eps = std::numeric_limits<double>::epsilon();
  if (istop == 1 || istop == 2 || istop == 4 || istop == 5) {
    return 10 * c.cond * c.cond * std::max(c.atol, c.btol) * c.xnorm_exact;
  }
  return 1e4 * eps * c.cond * c.cond * c.xnorm_exact;
}

// Whether the norm estimates can be compared with SciPy's: the same step, a
// well-conditioned A, and a Krylov space not exhausted. Past that, the
// estimates sum alpha^2 and beta^2 of a bidiagonalization whose rounding
// differences grow step by step (measured on "over" with x0: anorm equal to
// 1e-15 at step 20, 5e-7 at step 28, 3e-5 at step 29).
bool estimates_comparable(const Case& c, int itn, int itn_ref, const CscMatrix& a) {
  return itn == itn_ref && c.cond < 10 && itn < std::min(a.rows(), a.cols());
}

// Relative agreement of the estimates where comparable (measured at most 3.3e-5),
// and of the condition estimates, a ratio of extreme rotation values that the
// last steps move most (measured at most 1.5e-3).
constexpr double estimate_rtol = 1e-4;
constexpr double cond_rtol = 1e-2;

// The residual norms agree to 1e-4 relative (measured at most 2.2e-5 on the
// cond 1e5 problem), or to rounding level when the system is consistent.
bool same_residual(double ours, double ref, double b_norm) {
  return std::abs(ours - ref) <= 1e-4 * ref + 1e-10 * b_norm;
}

constexpr int margin = 2;  // iterations; rounding can move the step where a test passes

}  // namespace

BOOST_AUTO_TEST_CASE(lsqr_matches_scipy) {
  int checked = 0;
  for (const auto& cells : testing::read_manifest("sparse/lsqr/cases.csv")) {
    BOOST_TEST_REQUIRE(cells.size() == 28u);
    const Case c = parse(cells);
    BOOST_TEST_CONTEXT(c.name) {
      const CscMatrix a = problem(c.problem);
      const Vector b = io::load_npy_vector<double>(file(c.problem + "_b"));
      auto count = std::make_shared<int>(0);
      const LsqrResult r = sparse::lsqr(counted(a, count), b,
                                        {.damp = c.damp,
                                         .atol = c.atol,
                                         .btol = c.btol,
                                         .conlim = c.conlim,
                                         .iter_lim = c.iter_lim,
                                         .calc_var = c.calc_var,
                                         .x0 = c.x0_ones ? Vector::Ones(a.cols()) : Vector()});
      const Vector x_ref = io::load_npy_vector<double>(file(c.name + "_lsqr_x"));
      const int istop = static_cast<int>(c.num(11)), itn = static_cast<int>(c.num(12));
      const double dx = (r.x - x_ref).norm();
      BOOST_TEST_MESSAGE(c.name << " lsqr: istop " << r.istop << " (" << istop << "), itn " << r.itn << " (" << itn
                                << "), products " << *count << " (" << c.num(13) << "), |x - x_scipy| " << dx
                                << " (tolerance " << x_tolerance(c, istop) << ")");
      BOOST_TEST(r.istop == istop);
      BOOST_TEST(std::abs(r.itn - itn) <= margin);
      BOOST_TEST(std::abs(*count - static_cast<int>(c.num(13))) <= margin);
      BOOST_TEST(dx <= x_tolerance(c, istop));
      // r1norm is ||b - A x|| (its estimate), r2norm adds damp^2 ||x||^2.
      const double true_r = (b - a * r.x).norm();
      BOOST_TEST(std::abs(r.r1norm - true_r) <= 1e-6 * true_r + 1e-12 * b.norm());
      BOOST_TEST(std::abs(r.r2norm - std::hypot(true_r, c.damp * r.x.norm())) <= 1e-6 * r.r2norm + 1e-12 * b.norm());
      // The objective agrees closely even where the iterates drift apart.
      BOOST_TEST(same_residual(r.r1norm, c.num(14), b.norm()), r.r1norm << " vs SciPy " << c.num(14));
      if (estimates_comparable(c, r.itn, itn, a)) {
        BOOST_TEST(std::abs(r.anorm - c.num(16)) <= estimate_rtol * c.num(16));
        BOOST_TEST(std::abs(r.acond - c.num(17)) <= cond_rtol * c.num(17));
        BOOST_TEST(std::abs(r.arnorm - c.num(18)) <= estimate_rtol * c.num(16) * c.num(14));
        BOOST_TEST(std::abs(r.xnorm - c.num(19)) <= estimate_rtol * c.num(19));
      }
      if (c.calc_var) {
        // var sums (w_k / rho_k)^2 over all steps, the late, drifting ones included.
        const Vector var_ref = io::load_npy_vector<double>(file(c.name + "_lsqr_var"));
        BOOST_TEST((r.var - var_ref).norm() <= estimate_rtol * var_ref.norm());
      }
      ++checked;
    }
  }
  BOOST_TEST(checked == 8);
}

BOOST_AUTO_TEST_CASE(lsmr_matches_scipy) {
  int checked = 0;
  for (const auto& cells : testing::read_manifest("sparse/lsqr/cases.csv")) {
    const Case c = parse(cells);
    BOOST_TEST_CONTEXT(c.name) {
      const CscMatrix a = problem(c.problem);
      const Vector b = io::load_npy_vector<double>(file(c.problem + "_b"));
      auto count = std::make_shared<int>(0);
      const LsmrResult r = sparse::lsmr(counted(a, count), b,
                                        {.damp = c.damp,
                                         .atol = c.atol,
                                         .btol = c.btol,
                                         .conlim = c.conlim,
                                         .maxiter = c.iter_lim,
                                         .x0 = c.x0_ones ? Vector::Ones(a.cols()) : Vector()});
      const Vector x_ref = io::load_npy_vector<double>(file(c.name + "_lsmr_x"));
      const int istop = static_cast<int>(c.num(20)), itn = static_cast<int>(c.num(21));
      const double dx = (r.x - x_ref).norm();
      BOOST_TEST_MESSAGE(c.name << " lsmr: istop " << r.istop << " (" << istop << "), itn " << r.itn << " (" << itn
                                << "), products " << *count << " (" << c.num(22) << "), |x - x_scipy| " << dx
                                << " (tolerance " << x_tolerance(c, istop) << ")");
      BOOST_TEST(r.istop == istop);
      BOOST_TEST(std::abs(r.itn - itn) <= margin);
      BOOST_TEST(std::abs(*count - static_cast<int>(c.num(22))) <= margin);
      BOOST_TEST(dx <= x_tolerance(c, istop));
      // normr estimates ||b - A x|| (with damp: of the stacked problem).
      const double true_r = std::hypot((b - a * r.x).norm(), c.damp * r.x.norm());
      BOOST_TEST(std::abs(r.normr - true_r) <= 1e-6 * true_r + 1e-12 * b.norm());
      BOOST_TEST(std::abs(r.normx - r.x.norm()) <= 1e-14 * r.normx);
      BOOST_TEST(same_residual(r.normr, c.num(23), b.norm()), r.normr << " vs SciPy " << c.num(23));
      if (estimates_comparable(c, r.itn, itn, a)) {
        BOOST_TEST(std::abs(r.normar - c.num(24)) <= estimate_rtol * c.num(25) * c.num(23));
        BOOST_TEST(std::abs(r.normA - c.num(25)) <= estimate_rtol * c.num(25));
        BOOST_TEST(std::abs(r.condA - c.num(26)) <= cond_rtol * c.num(26));
      }
      ++checked;
    }
  }
  BOOST_TEST(checked == 8);
}

BOOST_AUTO_TEST_CASE(consistent_square_system_is_solved_by_both) {
  const CsrMatrix a = testing::convection_diffusion(4);
  const Vector x_true = Vector::LinSpaced(16, -1, 1);
  const Vector b = a * x_true;
  const LsqrResult r = sparse::lsqr(a, b, {.atol = 1e-12, .btol = 1e-12});
  const LsmrResult q = sparse::lsmr(a, b, {.atol = 1e-12, .btol = 1e-12, .maxiter = 100});
  BOOST_TEST(r.istop == 1);
  BOOST_TEST(q.istop == 1);
  // cond(A) < 10 here: x within 100 * 1e-12 relative.
  BOOST_TEST((r.x - x_true).norm() <= 1e-10 * x_true.norm());
  BOOST_TEST((q.x - x_true).norm() <= 1e-10 * x_true.norm());
}

BOOST_AUTO_TEST_CASE(zero_rhs_returns_zero_at_once) {
  const CsrMatrix a = testing::poisson2d(3);
  const LsqrResult r = sparse::lsqr(a, Vector::Zero(9));
  const LsmrResult q = sparse::lsmr(a, Vector::Zero(9));
  BOOST_TEST(r.istop == 0);
  BOOST_TEST(r.itn == 0);
  BOOST_TEST(r.x.norm() == 0.0);
  BOOST_TEST(q.istop == 0);
  BOOST_TEST(q.x.norm() == 0.0);
}

BOOST_AUTO_TEST_CASE(bad_input_throws_value_error) {
  const CsrMatrix a = testing::poisson2d(3);
  const Vector b = testing::rhs(9);
  const LinearOperator no_transpose(9, 9, [&a](const VectorView& x, VectorRef y) { y = a * x; });
  BOOST_CHECK_THROW((void)sparse::lsqr(no_transpose, b), ValueError);
  BOOST_CHECK_THROW((void)sparse::lsmr(no_transpose, b), ValueError);
  BOOST_CHECK_THROW((void)sparse::lsqr(a, Vector(testing::rhs(8))), ValueError);
  BOOST_CHECK_THROW((void)sparse::lsmr(a, b, {.x0 = Vector::Ones(8)}), ValueError);
  Vector bad = b;
  bad(2) = std::numeric_limits<double>::quiet_NaN();
  BOOST_CHECK_THROW((void)sparse::lsqr(a, bad), ValueError);
  BOOST_CHECK_THROW((void)sparse::lsmr(a, bad), ValueError);
  BOOST_CHECK_THROW((void)sparse::lsqr(a, b, {.damp = -1}), ValueError);
  BOOST_CHECK_THROW((void)sparse::lsqr(a, b, {.atol = -1e-6}), ValueError);
  BOOST_CHECK_THROW((void)sparse::lsmr(a, b, {.btol = std::numeric_limits<double>::infinity()}), ValueError);
  BOOST_CHECK_THROW((void)sparse::lsmr(a, b, {.conlim = -1}), ValueError);
  BOOST_CHECK_THROW((void)sparse::lsqr(a, b, {.iter_lim = -3}), ValueError);
  // conlim = inf is allowed (no limit).
  BOOST_TEST(sparse::lsqr(a, b, {.conlim = std::numeric_limits<double>::infinity()}).istop == 1);
}

BOOST_AUTO_TEST_SUITE_END()

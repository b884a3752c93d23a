// eigsh, eigs and svds against SciPy 1.17 (tests/reference/sparse_eigen.py,
// whose values the script also checks against a dense eigensolver), plus the
// defining equations of the pairs, the options and the errors.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <complex>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/sparse/eigensolvers.hpp>
#include <scilearn/sparse/factorized.hpp>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "problems.hpp"
#include "support/expect.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(eigensolvers)

using namespace scilearn;
using namespace scilearn::sparse;

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

using testing::numbers;

CsrMatrix problem(const std::string& name, int size) {
  if (name == "poisson") return testing::poisson2d(size);
  if (name == "laplacian") return testing::grid_laplacian(size);
  if (name == "convdiff") return testing::convection_diffusion(size);
  if (name == "rotating") return testing::rotating_five_point(size);
  if (name == "rect") return testing::rectangular(60, 40);
  if (name == "rect_t") return CsrMatrix(testing::rectangular(60, 40).transpose());
  throw std::invalid_argument("unknown problem " + name);
}

/// Each wanted value has its own computed value within atol, comparing
/// (real, |imag|): where k cuts a conjugate pair, either member may be kept.
bool same_values(std::vector<std::complex<double>> got, const std::vector<std::complex<double>>& want, double atol) {
  if (got.size() != want.size()) return false;
  for (auto& g : got) g = {g.real(), std::abs(g.imag())};
  for (const auto& w0 : want) {
    const std::complex<double> w{w0.real(), std::abs(w0.imag())};
    std::size_t best = 0;
    for (std::size_t i = 1; i < got.size(); ++i) {
      if (std::abs(got[i] - w) < std::abs(got[best] - w)) best = i;
    }
    if (std::abs(got[best] - w) > atol) return false;
    got.erase(got.begin() + static_cast<std::ptrdiff_t>(best));
  }
  return true;
}

double norm1(const CsrMatrix& a) { return Matrix(a).cwiseAbs().colwise().sum().maxCoeff(); }

}  // namespace

// ARPACK with tol = 0 converges Ritz values to about eps ||A|| (SciPy too), so
// both sides agree to a few hundred eps ||A||: 1e-9 ||A|| leaves room for the
// different starting vectors. Residuals ||A v - lambda v|| of the Ritz vectors
// are of the same order; 1e-8 ||A|| is loose and still rules out wrong pairs.
BOOST_AUTO_TEST_CASE(matches_scipy_and_the_defining_equations) {
  const auto rows = testing::read_manifest("sparse/eigen/cases.csv");
  BOOST_TEST_REQUIRE(rows.size() >= 14u);
  for (const auto& c : rows) {
    BOOST_TEST_REQUIRE(c.size() == 9u);
    BOOST_TEST_CONTEXT(c[0]) {
      const std::string function = c[1];
      const CsrMatrix a = problem(c[2], std::stoi(c[3]));
      const int k = std::stoi(c[4]);
      const std::string which = c[5];
      const std::optional<double> sigma = c[6].empty() ? std::nullopt : std::optional(std::stod(c[6]));
      const std::vector<double> re = numbers(c[7]), im = numbers(c[8]);
      std::vector<std::complex<double>> want;
      for (std::size_t i = 0; i < re.size(); ++i) want.emplace_back(re[i], im[i]);
      const double scale = std::max(1.0, norm1(a));
      std::vector<std::complex<double>> got;
      if (function == "eigsh") {
        const EigshWhich w = which == "LM"   ? EigshWhich::LM
                             : which == "SM" ? EigshWhich::SM
                             : which == "LA" ? EigshWhich::LA
                             : which == "SA" ? EigshWhich::SA
                                             : EigshWhich::BE;
        const EigshResult r = eigsh(a, k, {.sigma = sigma, .which = w});
        BOOST_TEST(r.success());
        BOOST_TEST(r.nconv >= k);
        BOOST_TEST(r.eigenvalues.size() == k);
        for (Index i = 1; i < r.eigenvalues.size(); ++i) BOOST_TEST(r.eigenvalues(i - 1) <= r.eigenvalues(i));
        for (Index i = 0; i < r.eigenvalues.size(); ++i) got.emplace_back(r.eigenvalues(i), 0.0);
        const Matrix residual = a * r.eigenvectors - r.eigenvectors * r.eigenvalues.asDiagonal();
        BOOST_TEST(residual.colwise().norm().maxCoeff() <= 1e-8 * scale);
        BOOST_TEST((r.eigenvectors.transpose() * r.eigenvectors - Matrix::Identity(k, k)).norm() <= 1e-10);
        const EigshResult values_only = eigsh(a, k, {.sigma = sigma, .which = w, .return_eigenvectors = false});
        BOOST_TEST(values_only.eigenvectors.size() == 0);
        BOOST_TEST((values_only.eigenvalues - r.eigenvalues).cwiseAbs().maxCoeff() <= 1e-9 * scale);
      } else if (function == "eigs") {
        const EigsWhich w = which == "LM" ? EigsWhich::LM : which == "SM" ? EigsWhich::SM : EigsWhich::SR;
        const EigsResult r = eigs(a, k, {.sigma = sigma, .which = w});
        BOOST_TEST(r.success());
        BOOST_TEST(r.eigenvalues.size() == k);
        for (Index i = 0; i < r.eigenvalues.size(); ++i) got.push_back(r.eigenvalues(i));
        const EigsResult values_only = eigs(a, k, {.sigma = sigma, .which = w, .return_eigenvectors = false});
        BOOST_TEST(values_only.eigenvectors.size() == 0);
        std::vector<std::complex<double>> only;
        for (Index i = 0; i < values_only.eigenvalues.size(); ++i) only.push_back(values_only.eigenvalues(i));
        BOOST_TEST(same_values(only, want, 1e-9 * scale));
        const Eigen::MatrixXcd ac = Matrix(a).cast<std::complex<double>>();
        for (Index i = 0; i < r.eigenvectors.cols(); ++i) {
          const Eigen::VectorXcd z = r.eigenvectors.col(i);
          BOOST_TEST(std::abs(z.norm() - 1.0) <= 1e-12);
          BOOST_TEST((ac * z - r.eigenvalues(i) * z).norm() <= 1e-8 * scale);
        }
      } else {
        const SvdsResult r = svds(a, k, {.which = which == "LM" ? SvdsWhich::LM : SvdsWhich::SM});
        BOOST_TEST(r.success());
        BOOST_TEST(r.s.size() == k);
        for (Index i = 1; i < r.s.size(); ++i) BOOST_TEST(r.s(i - 1) <= r.s(i));
        for (Index i = 0; i < r.s.size(); ++i) got.emplace_back(r.s(i), 0.0);
        const SvdsResult values_only =
            svds(a, k, {.which = which == "LM" ? SvdsWhich::LM : SvdsWhich::SM, .return_singular_vectors = false});
        BOOST_TEST(values_only.u.size() == 0);
        BOOST_TEST((values_only.s - r.s).cwiseAbs().maxCoeff() <= 1e-9 * scale);
        BOOST_TEST(r.u.rows() == a.rows());
        BOOST_TEST(r.vh.cols() == a.cols());
        BOOST_TEST((r.u.transpose() * r.u - Matrix::Identity(k, k)).norm() <= 1e-10);
        BOOST_TEST((r.vh * r.vh.transpose() - Matrix::Identity(k, k)).norm() <= 1e-10);
        BOOST_TEST((a * r.vh.transpose() - r.u * r.s.asDiagonal()).norm() <= 1e-8 * scale);
        BOOST_TEST((Matrix(a.transpose() * r.u) - r.vh.transpose() * r.s.asDiagonal()).norm() <= 1e-8 * scale);
      }
      BOOST_TEST(same_values(got, want, 1e-9 * scale));
    }
  }
}

BOOST_AUTO_TEST_CASE(matrix_free_and_user_shift_invert_agree_with_the_matrix) {
  const CsrMatrix a = testing::poisson2d(15);
  const EigshResult direct = eigsh(a, 4, {.sigma = 0.0});
  // Matrix-free A with the user's own (A - sigma I)^-1, as SciPy's OPinv.
  const Factorized solve = factorized(a);
  const LinearOperator opinv(a.rows(), a.cols(), [&](const VectorView& x, VectorRef y) { y = solve(x); });
  const LinearOperator matrix_free(a.rows(), a.cols(), [&](const VectorView& x, VectorRef y) { y = a * x; });
  const EigshResult user = eigsh(matrix_free, 4, {.sigma = 0.0, .OPinv = opinv});
  BOOST_TEST((direct.eigenvalues - user.eigenvalues).cwiseAbs().maxCoeff() <= 1e-12);
  const EigshResult plain = eigsh(matrix_free, 3, {.which = EigshWhich::LA});
  const EigshResult csc = eigsh(CscMatrix(a), 3, {.which = EigshWhich::LA});
  BOOST_TEST((plain.eigenvalues - csc.eigenvalues).cwiseAbs().maxCoeff() <= 1e-12);
}

BOOST_AUTO_TEST_CASE(starting_vector_is_reproducible) {
  const CsrMatrix a = testing::poisson2d(12);
  const EigshResult r1 = eigsh(a, 3, {.seed = 7});
  const EigshResult r2 = eigsh(a, 3, {.seed = 7});
  BOOST_TEST(r1.nops == r2.nops);
  BOOST_TEST((r1.eigenvectors - r2.eigenvectors).norm() == 0.0);
  // Not Vector::Ones: on this grid it is orthogonal to every mode with an even index.
  Vector v0(a.rows());
  for (Index i = 0; i < v0.size(); ++i) v0(i) = 1.0 + static_cast<double>(i % 7);
  const EigshResult given = eigsh(a, 3, {.v0 = v0});
  BOOST_TEST((given.eigenvalues - r1.eigenvalues).cwiseAbs().maxCoeff() <= 1e-12);
}

BOOST_AUTO_TEST_CASE(iteration_limit_returns_the_converged_pairs_with_a_flag) {
  const CsrMatrix a = testing::poisson2d(20);
  const EigshResult r = eigsh(a, 4, {.which = EigshWhich::SA, .ncv = 9, .maxiter = 1});
  BOOST_TEST(r.info == 1);
  BOOST_TEST(!r.success());
  BOOST_TEST(r.nconv < 4);
  BOOST_TEST(r.eigenvalues.size() == r.nconv);
  BOOST_TEST(r.eigenvectors.cols() == r.nconv);
  BOOST_TEST(r.message.find("no convergence") != std::string::npos);
  const EigsResult g = eigs(testing::convection_diffusion(12), 4, {.which = EigsWhich::SR, .ncv = 10, .maxiter = 1});
  BOOST_TEST(g.info == 1);
  BOOST_TEST(g.eigenvalues.size() <= g.nconv + 1);
  const Eigen::MatrixXcd ac = Matrix(testing::convection_diffusion(12)).cast<std::complex<double>>();
  for (Index i = 0; i < g.eigenvectors.cols(); ++i) {  // the converged pairs are good pairs
    BOOST_TEST((ac * g.eigenvectors.col(i) - g.eigenvalues(i) * g.eigenvectors.col(i)).norm() <= 1e-8 * 8);
  }
}

BOOST_AUTO_TEST_CASE(bad_input_throws_value_error) {
  const CsrMatrix a = testing::poisson2d(5);  // 25 x 25
  const auto msg = [](auto&& f) { return testing::message_of<ValueError>(f); };
  BOOST_TEST(msg([&] { (void)eigsh(testing::rectangular(6, 5), 2); }).find("square") != std::string::npos);
  BOOST_TEST(msg([&] { (void)eigsh(a, 0); }).find("k = 0") != std::string::npos);
  BOOST_CHECK_THROW((void)eigsh(a, 25), ValueError);
  BOOST_CHECK_THROW((void)eigs(a, 24), ValueError);  // eigs needs k < n - 1
  BOOST_TEST(msg([&] { (void)eigsh(a, 4, {.ncv = 4}); }).find("ncv") != std::string::npos);
  BOOST_CHECK_THROW((void)eigsh(a, 4, {.ncv = 26}), ValueError);
  BOOST_CHECK_THROW((void)eigs(a, 4, {.ncv = 5}), ValueError);  // eigs needs ncv > k + 1
  BOOST_CHECK_THROW((void)eigsh(a, 2, {.maxiter = -1}), ValueError);
  BOOST_CHECK_THROW((void)eigsh(a, 2, {.tol = -1.0}), ValueError);
  BOOST_CHECK_THROW((void)eigsh(a, 2, {.tol = nan}), ValueError);
  BOOST_CHECK_THROW((void)eigsh(a, 2, {.v0 = Vector::Ones(24)}), ValueError);
  BOOST_CHECK_THROW((void)eigsh(a, 2, {.v0 = Vector::Zero(25)}), ValueError);
  Vector v0 = Vector::Ones(25);
  v0(3) = nan;
  BOOST_CHECK_THROW((void)eigsh(a, 2, {.v0 = v0}), ValueError);
  BOOST_CHECK_THROW((void)eigsh(a, 2, {.sigma = nan}), ValueError);
  BOOST_TEST(msg([&] { (void)eigsh(a, 2, {.OPinv = LinearOperator(a)}); }).find("OPinv") != std::string::npos);
  BOOST_CHECK_THROW((void)eigsh(a, 2, {.sigma = 0.0, .OPinv = identity_operator(24)}), ValueError);
  BOOST_CHECK_THROW((void)eigsh(a, 1, {.which = EigshWhich::BE}), ValueError);
  const LinearOperator free(a.rows(), a.cols(), [&](const VectorView& x, VectorRef y) { y = a * x; });
  BOOST_TEST(msg([&] { (void)eigsh(free, 2, {.sigma = 1.0}); }).find("OPinv") != std::string::npos);
  CsrMatrix with_nan = a;
  with_nan.coeffRef(2, 3) = nan;
  BOOST_TEST(msg([&] { (void)eigsh(with_nan, 2); }).find("(2, 3)") != std::string::npos);
  BOOST_CHECK_THROW((void)eigs(with_nan, 2), ValueError);
  // svds
  const CsrMatrix r = testing::rectangular(12, 8);
  BOOST_CHECK_THROW((void)svds(r, 8), ValueError);
  BOOST_CHECK_THROW((void)svds(r, 0), ValueError);
  BOOST_CHECK_THROW((void)svds(LinearOperator(0, 3, [](const VectorView&, VectorRef) {}), 1), ValueError);
  const LinearOperator no_transpose(12, 8, [&](const VectorView& x, VectorRef y) { y = r * x; });
  BOOST_TEST(msg([&] { (void)svds(no_transpose, 2); }).find("rmatvec") != std::string::npos);
  BOOST_CHECK_THROW((void)svds(r, 2, {.v0 = Vector::Ones(12)}), ValueError);  // v0 has min(m, n) entries
  BOOST_CHECK_THROW((void)svds(r, 2, {.which = static_cast<SvdsWhich>(7)}), ValueError);
  BOOST_CHECK_THROW((void)svds(r, 2, {.ncv = 2}), ValueError);
  // ARPACK cannot be re-entered: an operator that runs eigsh itself is refused.
  const LinearOperator nested(25, 25, [&](const VectorView& x, VectorRef y) {
    (void)eigsh(a, 2);
    y = a * x;
  });
  BOOST_TEST(msg([&] { (void)eigsh(nested, 2); }).find("re-entered") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(numerical_trouble_is_reported) {
  const CsrMatrix a = testing::poisson2d(6);
  const LinearOperator produces_nan(a.rows(), a.cols(), [](const VectorView&, VectorRef y) { y.setConstant(nan); });
  BOOST_TEST(testing::message_of<ValueError>([&] { (void)eigsh(produces_nan, 2); }).find("finite") !=
             std::string::npos);
  const LinearOperator throws(a.rows(), a.cols(), [](const VectorView&, VectorRef) {
    throw std::runtime_error("user failure");
  });
  BOOST_CHECK_THROW((void)eigs(throws, 2), std::runtime_error);
  // sigma = 0 on diag(0, 1, ..., 9): A - sigma I is exactly singular, for Cholesky and LU.
  std::vector<Triplet> t;
  for (int i = 1; i < 10; ++i) t.emplace_back(i, i, i);
  CsrMatrix singular(10, 10);
  singular.setFromTriplets(t.begin(), t.end());
  BOOST_CHECK_THROW((void)eigsh(singular, 2, {.sigma = 0.0}), LinAlgError);
  BOOST_CHECK_THROW((void)eigs(singular, 2, {.sigma = 0.0}), LinAlgError);
}

BOOST_AUTO_TEST_SUITE_END()

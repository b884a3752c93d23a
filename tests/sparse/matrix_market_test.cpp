// Small "real" matrices read from Matrix Market files (3-D Poisson, a weighted
// grid-graph Laplacian, a 40-bus susceptance matrix, 3-D convection-diffusion;
// tests/reference/sparse_matrix_market.py wrote them with SciPy's mmwrite),
// solved and analysed as SciPy does on them.
#include <boost/test/unit_test.hpp>
#include <scilearn/core/io/matrix_market.hpp>
#include <scilearn/sparse/cholesky.hpp>
#include <scilearn/sparse/csgraph.hpp>
#include <scilearn/sparse/eigensolvers.hpp>
#include <scilearn/sparse/krylov.hpp>
#include <scilearn/sparse/preconditioners.hpp>
#include <scilearn/sparse/spsolve.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "problems.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(matrix_market)

using namespace scilearn;
using namespace scilearn::sparse;

namespace {

Vector numbers(const std::string& text) {
  std::istringstream in(text);
  std::vector<double> v;
  for (double x; in >> x;) v.push_back(x);
  return Eigen::Map<const Vector>(v.data(), static_cast<Index>(v.size()));
}

}  // namespace

// These matrices have cond < 1e5; a backward-stable direct solve agrees with
// SciPy's to about cond eps, so 1e-10 relative is a wide margin. Iteration
// counts of the same Krylov method on the same system may differ by rounding
// by one or two; eigenvalues as in eigensolvers_test (1e-9 ||A||).
BOOST_AUTO_TEST_CASE(solves_and_analyses_like_scipy) {
  const auto rows = testing::read_manifest("sparse/mtx/cases.csv");
  BOOST_TEST_REQUIRE(rows.size() == 4u);
  for (const auto& c : rows) {
    BOOST_TEST_REQUIRE(c.size() == 8u);
    BOOST_TEST_CONTEXT(c[0]) {
      const CscMatrix a = io::mmread_sparse(testing::fixture_path("sparse/mtx/" + c[0] + ".mtx"));
      const bool spd = c[1] == "symmetric";
      BOOST_TEST(a.rows() == std::stol(c[2]));
      BOOST_TEST(a.nonZeros() == std::stol(c[3]));
      const Vector b = testing::rhs(a.rows());
      const Vector want = numbers(c[7]);
      const Vector x = spsolve(a, b);
      BOOST_TEST((x - want).norm() <= 1e-10 * want.norm());
      int iterations = 0;
      if (spd) {
        BOOST_TEST((Cholesky(a).solve(b) - want).norm() <= 1e-10 * want.norm());
        const KrylovResult r = cg(a, b, {.rtol = 1e-10, .M = jacobi(a), .callback = [&](const Vector&) { ++iterations; }});
        BOOST_TEST(r.success());
        const double norm = Matrix(a).cwiseAbs().colwise().sum().maxCoeff();
        const EigshResult e = eigsh(a, 4, {.sigma = 0.0});
        BOOST_TEST((e.eigenvalues - numbers(c[6])).cwiseAbs().maxCoeff() <= 1e-9 * norm);
      } else {
        const KrylovResult r = gmres(a, b, {.rtol = 1e-10, .M = jacobi(a), .callback_type = GmresCallbackType::pr_norm,
                                            .pr_norm_callback = [&](double) { ++iterations; }});
        BOOST_TEST(r.success());
      }
      BOOST_TEST(std::abs(iterations - std::stoi(c[4])) <= 2);
      BOOST_TEST(csgraph::connected_components(CsrMatrix(a), false).n_components == std::stoi(c[5]));
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

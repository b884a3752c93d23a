// amd and colamd: valid permutations that reduce the fill of the factor they
// order for (counted by CHOLMOD with its natural ordering, and by UMFPACK's
// solve staying exact on the reordered system).
#include <boost/test/unit_test.hpp>
#include <numeric>
#include <scilearn/core/errors.hpp>
#include <scilearn/sparse/cholesky.hpp>
#include <scilearn/sparse/orderings.hpp>
#include <scilearn/sparse/qr.hpp>
#include <vector>

#include "problems.hpp"

BOOST_AUTO_TEST_SUITE(orderings)

using namespace scilearn;
using namespace scilearn::sparse;

namespace {

bool is_permutation(const std::vector<Index>& p, Index n) {
  std::vector<Index> sorted = p;
  std::sort(sorted.begin(), sorted.end());
  std::vector<Index> identity(static_cast<std::size_t>(n));
  std::iota(identity.begin(), identity.end(), Index{0});
  return sorted == identity;
}

/// P A P^T with row / column p[k] of A moved to k.
CscMatrix symmetric_permute(const CscMatrix& a, const std::vector<Index>& p) {
  std::vector<Index> position(p.size());
  for (std::size_t k = 0; k < p.size(); ++k) position[static_cast<std::size_t>(p[k])] = static_cast<Index>(k);
  std::vector<Triplet> t;
  for (Index j = 0; j < a.outerSize(); ++j) {
    for (CscMatrix::InnerIterator it(a, j); it; ++it) {
      t.emplace_back(static_cast<int>(position[static_cast<std::size_t>(it.row())]),
                     static_cast<int>(position[static_cast<std::size_t>(it.col())]), it.value());
    }
  }
  CscMatrix out(a.rows(), a.cols());
  out.setFromTriplets(t.begin(), t.end());
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(amd_reduces_cholesky_fill) {
  const CscMatrix a = testing::poisson2d(30);
  const std::vector<Index> p = amd(a);
  BOOST_TEST(is_permutation(p, a.rows()));
  const Index natural = Cholesky(a, {.ordering = CholeskyOrdering::natural}).L().nonZeros();
  const CscMatrix reordered = symmetric_permute(a, p);
  const Index ordered = Cholesky(reordered, {.ordering = CholeskyOrdering::natural}).L().nonZeros();
  BOOST_TEST_MESSAGE("nnz(L): natural " << natural << ", AMD " << ordered);
  BOOST_TEST(ordered * 2 < natural);  // a 30 x 30 grid: band fill 27 000 against under 13 500
  // the reordered system solves to the same answer
  const Vector b = testing::rhs(a.rows());
  Vector pb(a.rows());
  for (Index k = 0; k < a.rows(); ++k) pb(k) = b(p[static_cast<std::size_t>(k)]);
  const Vector y = Cholesky(reordered).solve(pb);
  const Vector x = Cholesky(a).solve(b);
  for (Index k = 0; k < a.rows(); ++k) BOOST_TEST(std::abs(y(k) - x(p[static_cast<std::size_t>(k)])) <= 1e-12 * x.norm());
}

BOOST_AUTO_TEST_CASE(colamd_orders_columns_of_any_shape) {
  const CscMatrix a = CscMatrix(testing::rectangular(60, 40));
  const std::vector<Index> q = colamd(a);
  BOOST_TEST(is_permutation(q, 40));
  const CscMatrix square = testing::convection_diffusion(12);
  const std::vector<Index> qs = colamd(square);
  BOOST_TEST(is_permutation(qs, 144));
  // QR of A Q with the natural ordering fills no more than of A itself
  CscMatrix permuted(square.rows(), square.cols());
  std::vector<Triplet> t;
  for (Index k = 0; k < square.cols(); ++k) {
    for (CscMatrix::InnerIterator it(square, qs[static_cast<std::size_t>(k)]); it; ++it) {
      t.emplace_back(static_cast<int>(it.row()), static_cast<int>(k), it.value());
    }
  }
  permuted.setFromTriplets(t.begin(), t.end());
  const Index natural = qr(square, {.ordering = QrOrdering::natural}).R.nonZeros();
  const Index ordered = qr(permuted, {.ordering = QrOrdering::natural}).R.nonZeros();
  BOOST_TEST_MESSAGE("nnz(R): natural " << natural << ", COLAMD " << ordered);
  BOOST_TEST(ordered < natural);
}

BOOST_AUTO_TEST_CASE(edge_cases) {
  BOOST_CHECK_THROW((void)amd(CscMatrix(3, 4)), ValueError);
  BOOST_TEST(amd(CscMatrix(0, 0)).empty());
  BOOST_TEST(colamd(CscMatrix(5, 0)).empty());
  const std::vector<Index> empty_pattern = amd(CscMatrix(4, 4));  // no entries: any order
  BOOST_TEST(is_permutation(empty_pattern, 4));
}

BOOST_AUTO_TEST_SUITE_END()

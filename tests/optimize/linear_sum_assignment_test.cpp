#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <random>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/io/npy.hpp>
#include <scilearn/optimize/linear_sum_assignment.hpp>
#include <string>
#include <vector>

#include "support/expect.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(linear_sum_assignment)

using namespace scilearn;
using scilearn::optimize::LinearSumAssignmentResult;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Checks what linear_sum_assignment promises of any result on cost (one pair
// per row or column of the smaller side, rows ascending, columns distinct,
// every chosen entry allowed) and returns its total, summed in row order.
double checked_total(const Matrix& cost, const LinearSumAssignmentResult& r) {
  const Index n = std::min(cost.rows(), cost.cols());
  BOOST_REQUIRE_EQUAL(r.row_ind.size(), n);
  BOOST_REQUIRE_EQUAL(r.col_ind.size(), n);
  std::vector<bool> used(static_cast<std::size_t>(cost.cols()), false);
  double total = 0;
  for (Index k = 0; k < n; ++k) {
    const int i = r.row_ind(k);
    const int j = r.col_ind(k);
    BOOST_REQUIRE(i >= 0 && i < cost.rows());
    BOOST_REQUIRE(j >= 0 && j < cost.cols());
    if (k > 0) BOOST_REQUIRE_LT(r.row_ind(k - 1), i);
    BOOST_REQUIRE_MESSAGE(!used[static_cast<std::size_t>(j)], "column " << j << " assigned twice");
    used[static_cast<std::size_t>(j)] = true;
    BOOST_REQUIRE_MESSAGE(std::isfinite(cost(i, j)), "forbidden entry (" << i << ", " << j << ") chosen");
    total += cost(i, j);
  }
  return total;
}

// Totals of two optimal assignments: the same up to rounding of the sums.
bool same_total(double a, double b, double scale) { return std::abs(a - b) <= 1e-12 * std::max(1.0, scale); }

double abs_total(const Matrix& cost, const LinearSumAssignmentResult& r) {
  double s = 0;
  for (Index k = 0; k < r.row_ind.size(); ++k) s += std::abs(cost(r.row_ind(k), r.col_ind(k)));
  return s;
}

// The best total over every complete assignment, by enumeration: each
// permutation of the larger side's indices, its first min(rows, cols) entries
// matched to the smaller side. +-inf when none is allowed.
double brute_force_best(const Matrix& cost, bool maximize) {
  const bool tall = cost.rows() > cost.cols();
  const Index small = std::min(cost.rows(), cost.cols());
  const Index large = std::max(cost.rows(), cost.cols());
  std::vector<Index> perm(static_cast<std::size_t>(large));
  std::iota(perm.begin(), perm.end(), Index{0});
  double best = maximize ? -kInf : kInf;
  do {
    double total = 0;
    for (Index k = 0; k < small; ++k) {
      const Index other = perm[static_cast<std::size_t>(k)];
      total += tall ? cost(other, k) : cost(k, other);
    }
    best = maximize ? std::max(best, total) : std::min(best, total);
  } while (std::next_permutation(perm.begin(), perm.end()));
  return best;
}

// Portable uniform numbers from a 64-bit Mersenne twister (its raw output is
// specified by the standard; its distributions are not).
class Draw {
 public:
  explicit Draw(std::uint64_t seed) : engine_(seed) {}
  double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  int below(int k) { return static_cast<int>(engine_() % static_cast<std::uint64_t>(k)); }

 private:
  std::mt19937_64 engine_;
};

int col(const std::vector<std::string>& header_less_row, int k) {
  return std::stoi(header_less_row.at(static_cast<std::size_t>(k)));
}

}  // namespace

BOOST_AUTO_TEST_CASE(scipy_documentation_example) {
  const Matrix cost{{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
  const auto r = optimize::linear_sum_assignment(cost);
  BOOST_TEST(r.row_ind == (IndexVector(3) << 0, 1, 2).finished());
  BOOST_TEST(r.col_ind == (IndexVector(3) << 1, 0, 2).finished());
  BOOST_TEST(checked_total(cost, r) == 5.0);
}

// Every fixture of tests/reference/optimize_assignment.py: SciPy's optimal
// total is reached (to rounding, or exactly where the assignment is SciPy's);
// infeasible problems throw as SciPy does.
BOOST_AUTO_TEST_CASE(optimal_total_matches_scipy_on_fixtures) {
  const auto rows = testing::read_manifest("optimize/assignment/cases.csv");
  BOOST_REQUIRE_GE(rows.size(), 75U);
  int feasible = 0;
  int identical = 0;
  int infeasible = 0;
  std::string different;  // cases where another optimal assignment than SciPy's was found (ties)
  for (const auto& row : rows) {
    const std::string id = row.at(0);
    const std::string kind = row.at(1);
    const bool maximize = col(row, 4) == 1;
    const Matrix cost = io::load_npy<double>(testing::fixture_path("optimize/assignment/cost_" + id + ".npy"));
    BOOST_TEST_CONTEXT("case " << id << " (" << kind << ", " << cost.rows() << "x" << cost.cols()
                               << (maximize ? ", maximize" : "") << ")") {
      BOOST_REQUIRE_EQUAL(cost.rows(), col(row, 2));
      BOOST_REQUIRE_EQUAL(cost.cols(), col(row, 3));
      if (col(row, 5) == 0) {
        const std::string message =
            testing::message_of<ValueError>([&] { (void)optimize::linear_sum_assignment(cost, maximize); });
        BOOST_TEST(message.find("cost matrix is infeasible") != std::string::npos, message);
        ++infeasible;
        continue;
      }
      LinearSumAssignmentResult scipy;
      scipy.row_ind =
          io::load_npy_vector<double>(testing::fixture_path("optimize/assignment/row_" + id + ".npy")).cast<int>();
      scipy.col_ind =
          io::load_npy_vector<double>(testing::fixture_path("optimize/assignment/col_" + id + ".npy")).cast<int>();
      const double scipy_total = checked_total(cost, scipy);
      BOOST_TEST(same_total(scipy_total, std::stod(row.at(6)), abs_total(cost, scipy)));

      const auto ours = optimize::linear_sum_assignment(cost, maximize);
      const double total = checked_total(cost, ours);
      if (ours.col_ind == scipy.col_ind && ours.row_ind == scipy.row_ind) {
        BOOST_TEST(total == scipy_total);  // same pairs, same order: the same double
        ++identical;
      } else {
        different += " " + id + " (" + kind + ")";
        BOOST_TEST(same_total(total, scipy_total, abs_total(cost, scipy)),
                   "total " << total << " but SciPy's " << scipy_total);
      }
      ++feasible;
    }
  }
  BOOST_TEST_MESSAGE("linear_sum_assignment: " << feasible << " feasible fixtures (" << identical
                                               << " with SciPy's exact assignment), " << infeasible
                                               << " infeasible; other optimal pairs than SciPy's in" << different);
  BOOST_TEST(infeasible >= 5);
}

// All shapes up to 7x7, uniform and tied integer costs, with and without
// forbidden entries, min and max: the total equals the best over all
// complete assignments, and the problems with none throw "infeasible".
BOOST_AUTO_TEST_CASE(brute_force_over_all_assignments_agrees_up_to_7x7) {
  Draw draw(7);
  int checked = 0;
  int infeasible = 0;
  for (Index n = 1; n <= 7; ++n) {
    for (Index m = 1; m <= 7; ++m) {
      for (int kind = 0; kind < 4; ++kind) {
        for (const bool maximize : {false, true}) {
          Matrix cost(n, m);
          for (Index j = 0; j < m; ++j) {
            for (Index i = 0; i < n; ++i) {
              cost(i, j) = kind % 2 == 0 ? draw.uniform() * 10 - 5 : draw.below(3);
              if (kind >= 2 && draw.uniform() < 0.45) cost(i, j) = maximize ? -kInf : kInf;
            }
          }
          BOOST_TEST_CONTEXT(n << "x" << m << " kind " << kind << (maximize ? " maximize" : "") << "\n" << cost) {
            const double best = brute_force_best(cost, maximize);
            if (std::isinf(best)) {
              const std::string message =
                  testing::message_of<ValueError>([&] { (void)optimize::linear_sum_assignment(cost, maximize); });
              BOOST_TEST(message.find("cost matrix is infeasible") != std::string::npos, message);
              ++infeasible;
            } else {
              const auto r = optimize::linear_sum_assignment(cost, maximize);
              const double total = checked_total(cost, r);
              BOOST_TEST(same_total(total, best, abs_total(cost, r)), "total " << total << ", best " << best);
            }
            ++checked;
          }
        }
      }
    }
  }
  BOOST_TEST_MESSAGE("linear_sum_assignment: " << checked << " brute-force problems, " << infeasible
                                               << " of them infeasible");
  BOOST_TEST(infeasible > 0);
}

BOOST_AUTO_TEST_CASE(maximize_is_minimize_of_the_negated_costs) {
  Draw draw(11);
  Matrix cost(9, 14);
  for (Index j = 0; j < cost.cols(); ++j) {
    for (Index i = 0; i < cost.rows(); ++i) cost(i, j) = draw.uniform();
  }
  const auto max = optimize::linear_sum_assignment(cost, true);
  const auto min = optimize::linear_sum_assignment(-cost);
  BOOST_TEST(checked_total(cost, max) == -checked_total(-cost, min));
  BOOST_TEST(max.col_ind == min.col_ind);
}

BOOST_AUTO_TEST_CASE(rectangular_assigns_the_smaller_side) {
  // Wide: every row; tall: every column, row_ind ascending.
  const Matrix wide{{5, 1, 9, 9}, {1, 9, 9, 0}};
  const auto w = optimize::linear_sum_assignment(wide);
  BOOST_TEST(w.row_ind == (IndexVector(2) << 0, 1).finished());
  BOOST_TEST(w.col_ind == (IndexVector(2) << 1, 3).finished());
  const Matrix tall = wide.transpose();
  const auto t = optimize::linear_sum_assignment(tall);
  BOOST_TEST(t.row_ind == (IndexVector(2) << 1, 3).finished());
  BOOST_TEST(t.col_ind == (IndexVector(2) << 0, 1).finished());
}

BOOST_AUTO_TEST_CASE(forbidden_entries_are_avoided_and_a_tall_forbidden_row_stays_free) {
  const Matrix cost{{kInf, 1, kInf}, {2, kInf, kInf}, {kInf, kInf, 3}};
  const auto r = optimize::linear_sum_assignment(cost);
  BOOST_TEST(r.col_ind == (IndexVector(3) << 1, 0, 2).finished());
  const Matrix tall{{1, 2}, {kInf, kInf}, {3, 1}};
  const auto t = optimize::linear_sum_assignment(tall);
  BOOST_TEST(t.row_ind == (IndexVector(2) << 0, 2).finished());
  BOOST_TEST(t.col_ind == (IndexVector(2) << 0, 1).finished());
  // -inf is a forbidden pair when maximizing (SciPy negates the matrix).
  const Matrix gains{{-kInf, 1}, {1, -kInf}};
  const auto g = optimize::linear_sum_assignment(gains, true);
  BOOST_TEST(g.col_ind == (IndexVector(2) << 1, 0).finished());
}

BOOST_AUTO_TEST_CASE(infeasible_matrix_throws) {
  const Matrix cost{{kInf, kInf}, {1, 2}};
  const std::string message = testing::message_of<ValueError>([&] { (void)optimize::linear_sum_assignment(cost); });
  BOOST_TEST(message.find("linear_sum_assignment: cost matrix is infeasible") == 0U, message);
  // Two rows that can only take the same column.
  const Matrix clash{{1, kInf, kInf}, {2, kInf, kInf}, {1, 2, 3}};
  BOOST_CHECK_THROW((void)optimize::linear_sum_assignment(clash), ValueError);
  const Matrix gains{{-kInf, -kInf}, {1, 2}};
  BOOST_CHECK_THROW((void)optimize::linear_sum_assignment(gains, true), ValueError);
}

BOOST_AUTO_TEST_CASE(nan_and_unbounded_infinities_are_rejected) {
  const auto expect_invalid = [](const Matrix& cost, bool maximize, const std::string& where) {
    const std::string message =
        testing::message_of<ValueError>([&] { (void)optimize::linear_sum_assignment(cost, maximize); });
    BOOST_TEST(message.find("linear_sum_assignment: cost matrix contains invalid numeric entries") == 0U, message);
    BOOST_TEST(message.find(where) != std::string::npos, message);
  };
  expect_invalid(Matrix{{1, 2}, {kNaN, 3}}, false, "entry (1, 0) is nan");
  expect_invalid(Matrix{{1, 2}, {kNaN, 3}}, true, "entry (1, 0) is nan");
  expect_invalid(Matrix{{1, -kInf, 3}}, false, "entry (0, 1) is -inf");
  expect_invalid(Matrix{{1}, {2}, {kInf}}, true, "entry (2, 0) is inf");
  // NaN even where no assignment would use it, and in an otherwise infeasible matrix.
  expect_invalid(Matrix{{kInf, kInf}, {kInf, kNaN}}, false, "entry (1, 1) is nan");
}

BOOST_AUTO_TEST_CASE(empty_matrix_gives_empty_result) {
  for (const auto& [rows, cols] : {std::pair<Index, Index>{0, 0}, {0, 3}, {4, 0}}) {
    const auto r = optimize::linear_sum_assignment(Matrix(rows, cols));
    BOOST_TEST(r.row_ind.size() == 0);
    BOOST_TEST(r.col_ind.size() == 0);
    const auto m = optimize::linear_sum_assignment(Matrix(rows, cols), true);
    BOOST_TEST(m.row_ind.size() == 0);
  }
}

BOOST_AUTO_TEST_CASE(strided_and_row_major_input_is_read_unchanged) {
  Draw draw(3);
  Matrix big(12, 10);
  for (Index j = 0; j < big.cols(); ++j) {
    for (Index i = 0; i < big.rows(); ++i) big(i, j) = static_cast<double>(draw.below(5));
  }
  const Matrix before = big;
  const Matrix block = big.block(2, 1, 8, 6);  // a copy, for the reference answer
  const auto from_block = optimize::linear_sum_assignment(big.block(2, 1, 8, 6));
  const auto from_copy = optimize::linear_sum_assignment(block);
  BOOST_TEST(from_block.row_ind == from_copy.row_ind);
  BOOST_TEST(from_block.col_ind == from_copy.col_ind);
  const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> row_major = block;
  const auto from_row_major = optimize::linear_sum_assignment(row_major);
  BOOST_TEST(from_row_major.col_ind == from_copy.col_ind);
  BOOST_TEST((big == before));
}

BOOST_AUTO_TEST_SUITE_END()

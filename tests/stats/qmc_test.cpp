#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstdint>
#include <iostream>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/io.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/stats/qmc.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "support/expect.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(qmc)

using namespace scilearn;
namespace q = scilearn::stats::qmc;

namespace {

Matrix load(const std::string& name) {
  return io::load_npy<double>(testing::fixture_path("stats/qmc/" + name + ".npy"));
}

// Counts the warnings raised while it lives.
struct WarningCounter {
  int count = 0;
  ScopedWarningHandler handler{[this](const Warning& w) { count += w.category == WarningCategory::user; }};
};

// The calls of a manifest row: "r:8 f:3" is random(8) then fast_forward(3).
std::vector<std::pair<char, Index>> calls_of(const std::string& text) {
  std::vector<std::pair<char, Index>> calls;
  std::istringstream in(text);
  for (std::string call; in >> call;) calls.emplace_back(call[0], std::stoll(call.substr(2)));
  return calls;
}

// Whether every coordinate has exactly one point in each [k/n, (k+1)/n),
// tested with exact comparisons against k / n.
bool latin(const Matrix& x) {
  const Index n = x.rows();
  for (Index j = 0; j < x.cols(); ++j) {
    Vector column = x.col(j);
    std::sort(column.begin(), column.end());
    for (Index k = 0; k < n; ++k) {
      if (!(column(k) >= static_cast<double>(k) / static_cast<double>(n) &&
            column(k) < static_cast<double>(k + 1) / static_cast<double>(n))) {
        return false;
      }
    }
  }
  return true;
}

// Whether the n = 2^m points of columns a and b form a (0, m, 2)-net in base
// 2: every box [i 2^-k, (i+1) 2^-k) x [j 2^-(m-k), (j+1) 2^-(m-k)) holds
// exactly one point. The points are multiples of 2^-bits, so x 2^k is exact.
bool net_0m2(const Matrix& x, Index a, Index b, int m) {
  const Index n = Index{1} << m;
  for (int k = 0; k <= m; ++k) {
    std::vector<int> count(static_cast<std::size_t>(n), 0);
    for (Index i = 0; i < x.rows(); ++i) {
      const auto u = static_cast<Index>(std::floor(std::ldexp(x(i, a), k)));
      const auto v = static_cast<Index>(std::floor(std::ldexp(x(i, b), m - k)));
      ++count[static_cast<std::size_t>(u * (Index{1} << (m - k)) + v)];
    }
    if (!std::all_of(count.begin(), count.end(), [](int c) { return c == 1; })) return false;
  }
  return true;
}

bool in_unit_interval(const Matrix& x) { return (x.array() >= 0).all() && (x.array() < 1).all(); }

}  // namespace

// Unscrambled Sobol' and Halton points against SciPy 1.17
// (tests/reference/stats_qmc.py), exactly: the same integers scaled by the
// same power of two (Sobol'), the same digit sums in the same order (Halton).
// Covers d = 1 .. 300, bits 0, 10, 30, 40 and 64 (all 2^10 points 10 bits
// allow), draws continued across calls and fast_forward; the first draw of a
// size that is not a power of two warns (UserWarning), as SciPy's, and only it.
BOOST_AUTO_TEST_CASE(unscrambled_sobol_and_halton_equal_scipy) {
  Index compared = 0;
  for (const auto& row : testing::read_manifest("stats/qmc/engines.csv")) {
    BOOST_TEST_CONTEXT(row[0]) {
      const Index d = std::stoll(row[1]);
      const bool sobol = row[0].starts_with("sobol");
      q::Sobol s(d, {.scramble = false, .bits = sobol ? std::stoi(row[2]) : 30});
      q::Halton h(d, {.scramble = false});
      q::QMCEngine& engine = sobol ? static_cast<q::QMCEngine&>(s) : h;
      const auto calls = calls_of(row[3]);
      WarningCounter warnings;
      std::vector<Matrix> parts;
      for (const auto& [kind, n] : calls) {
        if (kind == 'r') {
          parts.push_back(engine.random(n));
        } else {
          engine.fast_forward(n);
        }
      }
      const bool warns = sobol && calls[0].first == 'r' && (calls[0].second & (calls[0].second - 1)) != 0;
      BOOST_TEST(warnings.count == (warns ? 1 : 0));
      const Matrix expected = load(row[0]);
      Index at = 0;
      for (const Matrix& part : parts) {
        BOOST_TEST_REQUIRE(part.cols() == expected.cols());
        BOOST_TEST((part == expected.middleRows(at, part.rows())));
        at += part.rows();
      }
      BOOST_TEST(at == expected.rows());
      compared += expected.size();
    }
  }
  std::cout << "qmc engines: " << compared << " unscrambled coordinates equal to SciPy's\n";
}

// Boost.Random's copy of the Joe-Kuo table against SciPy's, dimension by
// dimension: point 2^j is v_j XOR v_(j-1), so points 1, 2, 4, .., 2^14 of all
// 3667 dimensions fix every initial direction number m_1 .. m_15 (15 is the
// largest degree in the table).
BOOST_AUTO_TEST_CASE(sobol_direction_numbers_equal_scipy_in_every_dimension) {
  const Matrix expected = load("sobol_all_dims");
  BOOST_TEST_REQUIRE(expected.cols() == q::Sobol::max_dimension);
  const q::Sobol start(q::Sobol::max_dimension, {.scramble = false});
  for (int j = 0; j < 15; ++j) {
    q::Sobol engine = start;
    engine.fast_forward(Index{1} << j);
    const Matrix point = engine.random(1);
    BOOST_TEST((point == expected.row(j)), "point 2^" << j);
  }
}

// Fast-forwarding jumps to a point directly; stepping there gives the same point.
BOOST_AUTO_TEST_CASE(sobol_fast_forward_equals_drawing) {
  const WarningCounter quiet;  // random(37) warns
  for (const bool scramble : {false, true}) {
    q::Sobol a(7, {.scramble = scramble, .seed = 5}), b = a;
    (void)a.random(37);
    const Matrix next = a.random(11);
    b.fast_forward(37);
    BOOST_TEST((b.random(11) == next));
    BOOST_TEST(b.num_generated() == 48);
  }
}

// The discrepancies against SciPy 1.17 on fixed samples (the documentation's
// example, uniform ones with n up to 200 and d up to 10, Sobol' and Halton
// points, points on 0 and 1, a single point), plain and iterative, and
// update_discrepancy. The sums run in SciPy's order with the same roundings,
// so the values agree bitwise here; the tolerance, 1e-13 relative (absolute
// below 0.01), leaves room for a pow() that differs in the last bit on another
// C library, amplified by the cancellation of terms up to (19/12)^10 ~ 99.
BOOST_AUTO_TEST_CASE(discrepancy_matches_scipy) {
  double worst = 0;
  int rows = 0;
  for (const auto& c : testing::read_manifest("stats/qmc/values.csv")) {
    BOOST_TEST_CONTEXT(c[0] << " " << c[1] << " " << c[2]) {
      const Matrix sample = load(c[0]);
      const double expected = std::stod(c[3]);
      double ours = 0;
      if (c[1] == "discrepancy") {
        const std::string method = c[2].substr(0, c[2].find(':'));
        const q::DiscrepancyMethod m = method == "CD"   ? q::DiscrepancyMethod::cd
                                       : method == "WD" ? q::DiscrepancyMethod::wd
                                       : method == "MD" ? q::DiscrepancyMethod::md
                                                        : q::DiscrepancyMethod::l2_star;
        ours = q::discrepancy(sample, {.iterative = c[2].back() == '1', .method = m});
      } else {
        const Matrix head = sample.topRows(sample.rows() - 1);
        const Vector last = sample.row(sample.rows() - 1).transpose();
        ours = q::update_discrepancy(last, head, q::discrepancy(head, {.iterative = true}));
      }
      const double error = std::abs(ours - expected) / std::max(std::abs(expected), 1e-2);
      worst = std::max(worst, error);
      BOOST_TEST(error <= 1e-13, ours << " against " << expected);
      ++rows;
    }
  }
  BOOST_TEST(rows == 62);
  std::cout << "qmc discrepancy: " << rows << " values, largest relative difference " << worst << "\n";
}

// update_discrepancy adds a point: it equals the discrepancy of the n + 1
// points computed from scratch.
BOOST_AUTO_TEST_CASE(update_discrepancy_equals_recomputing) {
  const Matrix sample = q::Halton(3, {.seed = 2}).random(40);
  const Matrix head = sample.topRows(39);
  const double updated =
      q::update_discrepancy(sample.row(39).transpose(), head, q::discrepancy(head, {.iterative = true}));
  BOOST_TEST(updated == q::discrepancy(sample), boost::test_tools::tolerance(1e-12));
}

// scale against SciPy: the same multiply and add (divide) per entry, exactly.
BOOST_AUTO_TEST_CASE(scale_matches_scipy) {
  const Matrix sample = load("scale_sample");
  const Vector lower = (Vector(3) << -2.0, 0.5, 1e-3).finished(), upper = (Vector(3) << 3.0, 0.75, 1e4).finished();
  const Matrix forward = q::scale(sample, lower, upper);
  BOOST_TEST((forward == load("scale_forward")));
  BOOST_TEST((q::scale(forward, lower, upper, true) == load("scale_reverse")));
  BOOST_TEST(
      (q::scale(sample, Vector::Constant(1, -1.0), (Vector(3) << 1, 2, 4).finished()) == load("scale_broadcast")));
}

// integers against SciPy on unscrambled engines: the same floor(x (u - l) + l).
BOOST_AUTO_TEST_CASE(integers_match_scipy) {
  using Ints = Eigen::VectorX<std::int64_t>;
  const Ints lower = (Ints(3) << 0, -5, 100).finished(), upper = (Ints(3) << 10, 5, 103).finished();
  BOOST_TEST((q::Halton(3, {.scramble = false}).integers(lower, upper, 50).cast<double>() == load("integers_halton")));
  BOOST_TEST((q::Halton(3, {.scramble = false}).integers(lower, upper, 50, true).cast<double>() ==
              load("integers_halton_endpoint")));
  BOOST_TEST((q::Sobol(2, {.scramble = false}).integers(Ints::Zero(1), Ints::Constant(1, 7), 16).cast<double>() ==
              load("integers_sobol")));
  q::Halton engine(3, {.seed = 1});
  BOOST_CHECK_THROW((void)engine.integers(lower, Ints::Zero(2)), ValueError);
  BOOST_CHECK_THROW((void)engine.integers(upper, lower), ValueError);
  BOOST_TEST((engine.integers(lower, lower, 4, true) == lower.transpose().replicate(4, 1)));  // [l, l]
}

BOOST_AUTO_TEST_CASE(latin_hypercube_centres_equal_scipy) {
  for (const std::uint64_t seed : {1, 2, 3}) {
    Matrix sample = q::LatinHypercube(3, {.scramble = false, .seed = seed}).random(10);
    for (Index j = 0; j < sample.cols(); ++j) std::sort(sample.col(j).begin(), sample.col(j).end());
    BOOST_TEST((sample == load("lhs_centres_sorted")));
  }
}

// Scrambled Sobol' points (LMS + shift) keep the net: for n = 2^m every
// coordinate has one point in each [k/n, (k+1)/n), and the first two
// coordinates form a (0, m, 2)-net, as unscrambled; they lie in [0, 1), differ
// from the unscrambled points and between seeds, and repeat for a seed and
// after reset(). Several seeds.
BOOST_AUTO_TEST_CASE(scrambled_sobol_keeps_the_net_property) {
  const Matrix plain = q::Sobol(6, {.scramble = false}).random_base2(9);
  BOOST_TEST(latin(plain));
  BOOST_TEST(net_0m2(plain, 0, 1, 9));
  for (const std::uint64_t seed : {1, 7, 12345, 987654321}) {
    BOOST_TEST_CONTEXT("seed " << seed) {
      q::Sobol engine(6, {.seed = seed});
      const Matrix x = engine.random_base2(9);
      BOOST_TEST(in_unit_interval(x));
      BOOST_TEST(latin(x));
      BOOST_TEST(net_0m2(x, 0, 1, 9));
      BOOST_TEST(!(x == plain));
      BOOST_TEST((x == q::Sobol(6, {.seed = seed}).random_base2(9)));
      BOOST_TEST(!(x == q::Sobol(6, {.seed = seed + 1}).random_base2(9)));
      engine.reset();
      const Matrix first = engine.random(256);
      BOOST_TEST((first == x.topRows(256)));
      BOOST_TEST((engine.random_base2(8) == x.bottomRows(256)));  // 256 + 256: still a power of two
      // With 64 bits the points are still distinct multiples of 2^-64 in [0, 1).
      BOOST_TEST(latin(q::Sobol(3, {.bits = 64, .seed = seed}).random_base2(7)));
    }
  }
}

// Scrambling keeps the quality: over 200 seeds SciPy's scrambled CD of 256
// points in 5 dimensions lies within 0.90-0.97 of the unscrambled set's, a
// plain Monte Carlo sample's 12-50 times it; ours stays within 0.75-1.25.
BOOST_AUTO_TEST_CASE(scrambled_sobol_discrepancy_is_close_to_unscrambled) {
  const double plain = q::discrepancy(q::Sobol(5, {.scramble = false}).random_base2(8));
  double mean = 0;
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    const double ratio = q::discrepancy(q::Sobol(5, {.seed = seed}).random_base2(8)) / plain;
    BOOST_TEST(ratio > 0.75);
    BOOST_TEST(ratio < 1.25);
    mean += ratio / 20;
  }
  std::cout << "qmc: scrambled / unscrambled Sobol' CD, mean over 20 seeds " << mean << "\n";
}

// The digital shift makes each point uniform on [0, 1)^d: over 4000 seeds the
// first point's coordinates average 1/2 (standard error 1 / sqrt(12 * 4000)).
BOOST_AUTO_TEST_CASE(scrambled_sobol_first_point_is_uniform) {
  Vector mean = Vector::Zero(3);
  for (std::uint64_t seed = 0; seed < 4000; ++seed) mean += q::Sobol(3, {.seed = seed}).random(1).row(0).transpose();
  mean /= 4000;
  BOOST_TEST((mean.array() - 0.5).abs().maxCoeff() < 5 / std::sqrt(12.0 * 4000));
}

// Scrambled Halton points: in [0, 1); the first b^k points of the coordinate
// in base b have one point in each [i b^-k, (i+1) b^-k), as unscrambled (the
// permutations act on whole digits); a lower CD than unscrambled (SciPy's
// ratio over 200 seeds: 0.45-0.69); repeatable per seed.
BOOST_AUTO_TEST_CASE(scrambled_halton_keeps_its_strata) {
  const double plain = q::discrepancy(q::Halton(5, {.scramble = false}).random(256));
  for (const std::uint64_t seed : {3, 4, 99}) {
    BOOST_TEST_CONTEXT("seed " << seed) {
      q::Halton engine(3, {.seed = seed});
      const Matrix x = engine.random(125);
      BOOST_TEST(in_unit_interval(x));
      BOOST_TEST(latin(x.topLeftCorner(64, 1)));  // base 2
      BOOST_TEST(latin(x.block(0, 1, 81, 1)));    // base 3
      BOOST_TEST(latin(x.block(0, 2, 125, 1)));   // base 5
      engine.reset();
      BOOST_TEST((engine.random(125) == x));
      BOOST_TEST(!(x == q::Halton(3, {.seed = seed + 1}).random(125)));
      const double ratio = q::discrepancy(q::Halton(5, {.seed = seed}).random(256)) / plain;
      BOOST_TEST(ratio > 0.3);
      BOOST_TEST(ratio < 0.9);
      // Many digits: a large base and a far index stay below 1.
      q::Halton far(60, {.seed = seed});
      far.fast_forward(Index{1} << 40);
      BOOST_TEST(in_unit_interval(far.random(50)));
    }
  }
  const Matrix unscrambled = q::Halton(3, {.scramble = false}).random(125);
  BOOST_TEST(latin(unscrambled.topLeftCorner(64, 1)));
  BOOST_TEST(latin(unscrambled.block(0, 2, 125, 1)));
}

// Latin hypercube samples: one point per stratum in every coordinate, for
// any n; unscrambled at the centres (2k + 1) / 2n; strength 2 adds one point
// per coarse p x p cell of every pair of coordinates. Repeat per seed and
// after reset(); differ between seeds.
BOOST_AUTO_TEST_CASE(latin_hypercube_is_latin) {
  for (const std::uint64_t seed : {11, 12, 13}) {
    BOOST_TEST_CONTEXT("seed " << seed) {
      q::LatinHypercube engine(4, {.seed = seed});
      for (const Index n : {1, 2, 7, 100}) {
        const Matrix x = engine.random(n);
        BOOST_TEST(in_unit_interval(x));
        BOOST_TEST(latin(x));
      }
      engine.reset();
      BOOST_TEST((engine.random(1) == q::LatinHypercube(4, {.seed = seed}).random(1)));
      BOOST_TEST(
          !(q::LatinHypercube(4, {.seed = seed}).random(9) == q::LatinHypercube(4, {.seed = seed + 1}).random(9)));
      const Matrix centres = q::LatinHypercube(3, {.scramble = false, .seed = seed}).random(8);
      BOOST_TEST(latin(centres));
      const Eigen::ArrayXXd half = (centres.array() * 16 + 1) / 2;  // an integer for odd multiples of 1/16
      BOOST_TEST((half.round() == half).all());

      for (const Index p : {2, 3, 5, 7}) {
        for (const bool scramble : {true, false}) {
          const Index d = p + 1, n = p * p;
          const Matrix x = q::LatinHypercube(d, {.scramble = scramble, .strength = 2, .seed = seed}).random(n);
          BOOST_TEST(in_unit_interval(x));
          BOOST_TEST(latin(x));
          for (Index a = 0; a < d; ++a) {
            for (Index b = a + 1; b < d; ++b) {
              std::vector<int> count(static_cast<std::size_t>(n), 0);
              for (Index i = 0; i < n; ++i) {
                const auto u = static_cast<Index>(std::floor(x(i, a) * static_cast<double>(n))) / p;
                const auto v = static_cast<Index>(std::floor(x(i, b) * static_cast<double>(n))) / p;
                ++count[static_cast<std::size_t>(u * p + v)];
              }
              BOOST_TEST(std::all_of(count.begin(), count.end(), [](int c) { return c == 1; }),
                         "p " << p << " columns " << a << ", " << b);
            }
          }
        }
      }
    }
  }
}

// The example of docs/stats.md, with the values of SciPy's documentation.
BOOST_AUTO_TEST_CASE(documentation_example) {
  q::Sobol plain(2, {.scramble = false});
  const Matrix x = plain.random_base2(3);
  const Matrix head = (Matrix(4, 2) << 0, 0, 0.5, 0.5, 0.75, 0.25, 0.25, 0.75).finished();
  BOOST_TEST((x.topRows(4) == head));
  BOOST_TEST(q::discrepancy(x) == 0.013882107204860938, boost::test_tools::tolerance(1e-14));
  q::Sobol engine(5, {.seed = 42});
  const Matrix u = engine.random_base2(10);
  BOOST_TEST(latin(u));
  const Matrix y = q::scale(u, Vector::Constant(5, -1.0), Vector::Constant(5, 1.0));
  BOOST_TEST(((y.array() >= -1).all() && (y.array() < 1).all()));
}

// An engine of dimension 0 gives n x 0 samples, as SciPy's.
BOOST_AUTO_TEST_CASE(zero_dimensions_give_empty_points) {
  BOOST_TEST(q::Sobol(0).random(4).rows() == 4);
  BOOST_TEST(q::Sobol(0).random(4).cols() == 0);
  BOOST_TEST(q::Halton(0).random(3).cols() == 0);
  BOOST_TEST(q::LatinHypercube(0).random(3).cols() == 0);
  BOOST_TEST(q::Sobol(2).random(0).rows() == 0);
}

BOOST_AUTO_TEST_CASE(engines_reject_bad_input) {
  BOOST_CHECK_THROW(q::Sobol(-1), ValueError);
  BOOST_CHECK_THROW(q::Halton(-1), ValueError);
  BOOST_CHECK_THROW(q::LatinHypercube(-1), ValueError);
  const std::string dim = testing::message_of<ValueError>([] { q::Sobol(q::Sobol::max_dimension + 1); });
  BOOST_TEST(dim.find("3667") != std::string::npos, dim);
  BOOST_CHECK_THROW(q::Sobol(2, {.bits = 65}), ValueError);
  BOOST_CHECK_THROW(q::Sobol(2, {.bits = -1}), ValueError);
  BOOST_CHECK_THROW(q::LatinHypercube(2, {.strength = 3}), ValueError);
  BOOST_CHECK_THROW((void)q::Sobol(2).random(-1), ValueError);
  BOOST_CHECK_THROW((void)q::Halton(2).random(-1), ValueError);
  BOOST_CHECK_THROW(q::Halton(2).fast_forward(-1), ValueError);
  BOOST_CHECK_THROW(q::Sobol(2).fast_forward(-1), ValueError);

  // At most 2^bits points.
  q::Sobol small(2, {.scramble = false, .bits = 2});
  BOOST_TEST(small.random(4).rows() == 4);
  const std::string full = testing::message_of<ValueError>([&] { (void)small.random(1); });
  BOOST_TEST(full.find("2**2 = 4") != std::string::npos, full);
  BOOST_CHECK_THROW(q::Sobol(2, {.bits = 3}).fast_forward(9), ValueError);
  BOOST_CHECK_THROW((void)q::Sobol(2, {.bits = 3}).random_base2(4), ValueError);
  BOOST_TEST(q::Sobol(2, {.bits = 0}).random(1).norm() == 0);

  // random_base2 keeps the total a power of two.
  q::Sobol sobol(2, {.seed = 1});
  (void)sobol.random_base2(2);
  BOOST_CHECK_THROW((void)sobol.random_base2(1), ValueError);  // 4 + 2
  BOOST_TEST(sobol.random_base2(2).rows() == 4);               // 4 + 4
  BOOST_CHECK_THROW((void)sobol.random_base2(-1), ValueError);

  // The balance warning: only a first draw that is not a power of two.
  WarningCounter warnings;
  (void)q::Sobol(2, {.seed = 1}).random(8);
  BOOST_TEST(warnings.count == 0);
  q::Sobol odd(2, {.seed = 1});
  (void)odd.random(5);
  (void)odd.random(3);
  BOOST_TEST(warnings.count == 1);

  // Strength 2: n must be p^2 with p prime, and d <= p + 1.
  for (const Index n : {0, 1, 8, 16, 24}) {
    BOOST_CHECK_THROW((void)q::LatinHypercube(2, {.strength = 2}).random(n), ValueError);
  }
  const std::string close =
      testing::message_of<ValueError>([] { (void)q::LatinHypercube(2, {.strength = 2}).random(30); });
  BOOST_TEST(close.find("25 and 49") != std::string::npos, close);
  BOOST_CHECK_THROW((void)q::LatinHypercube(5, {.strength = 2}).random(9), ValueError);
  BOOST_TEST(q::LatinHypercube(4, {.strength = 2}).random(9).rows() == 9);
}

BOOST_AUTO_TEST_CASE(discrepancy_and_scale_reject_bad_input) {
  const Matrix ok = Matrix::Constant(3, 2, 0.5);
  BOOST_CHECK_THROW((void)q::discrepancy(Matrix(0, 2)), ValueError);
  BOOST_CHECK_THROW((void)q::discrepancy(Matrix(3, 0)), ValueError);
  for (const double bad : {1.2, -0.1, std::numeric_limits<double>::quiet_NaN()}) {
    Matrix x = ok;
    x(1, 1) = bad;
    BOOST_CHECK_THROW((void)q::discrepancy(x), ValueError);
    BOOST_CHECK_THROW((void)q::update_discrepancy(Vector::Constant(2, 0.5), x, 0.0), ValueError);
    BOOST_CHECK_THROW((void)q::update_discrepancy(Vector::Constant(2, bad), ok, 0.0), ValueError);
    BOOST_CHECK_THROW((void)q::scale(x, Vector::Zero(2), Vector::Ones(2)), ValueError);
  }
  BOOST_CHECK_THROW((void)q::update_discrepancy(Vector::Constant(3, 0.5), ok, 0.0), ValueError);
  BOOST_TEST(q::discrepancy(ok) >= 0);  // the edge values 0 and 1 are in the hypercube
  BOOST_TEST(q::discrepancy(Matrix::Ones(2, 2), {.method = q::DiscrepancyMethod::l2_star}) > 0);

  BOOST_CHECK_THROW((void)q::scale(ok, Vector::Zero(3), Vector::Ones(3)), ValueError);  // wrong length
  BOOST_CHECK_THROW((void)q::scale(ok, Vector::Zero(2), Vector::Zero(2)), ValueError);  // l == u
  BOOST_CHECK_THROW((void)q::scale(ok, Vector::Ones(2), Vector::Zero(2)), ValueError);  // l > u
  BOOST_CHECK_THROW((void)q::scale(ok, Vector::Constant(2, std::numeric_limits<double>::quiet_NaN()), Vector::Ones(2)),
                    ValueError);
  BOOST_CHECK_THROW((void)q::scale(Matrix(0, 2), Vector::Zero(2), Vector::Ones(2)), ValueError);
  BOOST_CHECK_THROW((void)q::scale(Matrix::Constant(1, 2, 3.0), Vector::Zero(2), Vector::Ones(2), true), ValueError);
  BOOST_TEST(
      (q::scale(Matrix::Constant(1, 2, 3.0), Vector::Zero(2), Vector::Constant(2, 4), true).array() == 0.75).all());
}

BOOST_AUTO_TEST_SUITE_END()

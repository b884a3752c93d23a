// COO conversion, random, bmat, find, eliminate_zeros, diagonal, sum, mean,
// norm and indexing. Reference values come from SciPy 1.17
// (tests/reference/sparse_formats.py); sums, means, the 1 / inf norms and
// the vector norms of order 0, 1, 2 and +-inf are compared bit for bit, since
// ops.cpp adds in SciPy's order; the Frobenius norm (SciPy: BLAS ddot) and
// the general p-norms (NumPy's pow may be a SIMD kernel) to 8 eps relative.
#include <Eigen/SVD>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/io/npy.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/sparse/construct.hpp>
#include <scilearn/sparse/coo.hpp>
#include <scilearn/sparse/indexing.hpp>
#include <scilearn/sparse/npz.hpp>
#include <scilearn/sparse/ops.hpp>
#include <scilearn/sparse/random.hpp>
#include <set>
#include <string>

#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(formats)

using namespace scilearn;
using namespace scilearn::sparse;

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();
constexpr double eps = std::numeric_limits<double>::epsilon();

std::filesystem::path file(const std::string& name) { return testing::fixture_path("sparse/formats/" + name); }
Vector load_vector(const std::string& name) { return io::load_npy_vector<double>(file(name + ".npy")); }

// Bitwise equality of two vectors (NaN equal to NaN, -0.0 equal to 0.0).
bool same(const Vector& a, const Vector& b) {
  if (a.size() != b.size()) return false;
  for (Index i = 0; i < a.size(); ++i) {
    if (!(a(i) == b(i) || (std::isnan(a(i)) && std::isnan(b(i))))) return false;
  }
  return true;
}

double max_rel_error(const Vector& a, const Vector& b) {
  double worst = 0;
  for (Index i = 0; i < a.size(); ++i) {
    if (a(i) == b(i)) continue;
    worst = std::max(worst, std::abs(a(i) - b(i)) / std::abs(b(i)));
  }
  return worst;
}

// The scalars.csv row `quantity`: column 1 for CSR, 2 for CSC.
double scalar(const std::string& matrix, const std::string& quantity, int column) {
  for (const auto& row : testing::read_manifest("sparse/formats/" + matrix + "_scalars.csv")) {
    if (row[0] == quantity) return std::stod(row[static_cast<std::size_t>(column)]);
  }
  throw std::runtime_error("no " + quantity + " in " + matrix + "_scalars.csv");
}

bool canonical(const CsrMatrix& a) {
  if (!a.isCompressed()) return false;
  for (Index i = 0; i < a.rows(); ++i) {
    for (Index p = a.outerIndexPtr()[i] + 1; p < a.outerIndexPtr()[i + 1]; ++p) {
      if (a.innerIndexPtr()[p] <= a.innerIndexPtr()[p - 1]) return false;
    }
  }
  return true;
}

bool identical(const CsrMatrix& a, const CsrMatrix& b) {
  if (a.rows() != b.rows() || a.cols() != b.cols() || a.nonZeros() != b.nonZeros()) return false;
  CsrMatrix x = a, y = b;
  x.makeCompressed();
  y.makeCompressed();
  return std::equal(x.outerIndexPtr(), x.outerIndexPtr() + x.rows() + 1, y.outerIndexPtr()) &&
         std::equal(x.innerIndexPtr(), x.innerIndexPtr() + x.nonZeros(), y.innerIndexPtr()) &&
         std::equal(x.valuePtr(), x.valuePtr() + x.nonZeros(), y.valuePtr());
}

CooMatrix random_coo(Index m, Index n, std::size_t count, std::uint64_t seed) {
  Generator rng(seed);
  CooMatrix c;
  c.shape = {m, n};
  for (std::size_t k = 0; k < count; ++k) {
    c.row.push_back(static_cast<int>(rng.integers(0, m)));
    c.col.push_back(static_cast<int>(rng.integers(0, n)));
    c.data.push_back(rng.standard_normal());
  }
  return c;
}

CsrMatrix via_triplets(const CooMatrix& c) {
  std::vector<Triplet> t;
  for (std::size_t k = 0; k < c.data.size(); ++k) t.emplace_back(c.row[k], c.col[k], c.data[k]);
  CsrMatrix a(c.shape.first, c.shape.second);
  a.setFromTriplets(t.begin(), t.end());
  return a;
}

}  // namespace

// ------------------------------------------------------------------ COO

BOOST_AUTO_TEST_CASE(coo_tocsr_sums_duplicates_and_keeps_explicit_zeros) {
  const CooMatrix c{.shape = {3, 4}, .row = {2, 0, 2, 1, 0, 1}, .col = {3, 1, 3, 0, 1, 2},
                    .data = {1.5, 2.0, -0.5, 0.0, 0.25, 4.0}};
  const CsrMatrix a = c.tocsr();
  BOOST_TEST(a.nonZeros() == 4);  // (0,1), (1,0) stored zero, (1,2), (2,3)
  BOOST_TEST(canonical(a));
  BOOST_TEST(a.coeff(0, 1) == 2.25);
  BOOST_TEST(a.coeff(2, 3) == 1.0);
  BOOST_TEST(a.coeff(1, 2) == 4.0);
  const CscMatrix b = c.tocsc();
  BOOST_TEST((Matrix(b) - Matrix(a)).norm() == 0.0);
  BOOST_TEST(b.nonZeros() == 4);
}

BOOST_AUTO_TEST_CASE(coo_tocsr_equals_set_from_triplets_bitwise) {
  // Short rows (one counting sort plus sorts of each row) and long rows (the
  // transposed double counting sort), many repeats: both strategies sum
  // repeats in entry order, as Eigen's setFromTriplets does.
  for (const std::uint64_t seed : {1U, 2U, 3U}) {
    // 6 per row (insertion sorts), 50 (std::sort of rows past 32), 250 and 3000 (transposed).
    for (const auto& [m, n, count] : {std::tuple{500, 400, 3000}, std::tuple{100, 5000, 5000},
                                      std::tuple{20, 60, 5000}, std::tuple{3, 2000, 9000}}) {
      const CooMatrix c = random_coo(m, n, static_cast<std::size_t>(count), seed);
      const CsrMatrix a = c.tocsr();
      BOOST_TEST(canonical(a));
      BOOST_TEST(identical(a, via_triplets(c)));
      const CsrMatrix from_csc = CsrMatrix(c.tocsc());
      BOOST_TEST(identical(from_csc, a));
    }
  }
}

BOOST_AUTO_TEST_CASE(coo_checks_its_arrays) {
  BOOST_CHECK_THROW((void)CooMatrix({.shape = {2, 2}, .row = {0}, .col = {0, 1}, .data = {1.0}}).tocsr(), ValueError);
  BOOST_CHECK_THROW((void)CooMatrix({.shape = {2, 2}, .row = {2}, .col = {0}, .data = {1.0}}).tocsr(), ValueError);
  BOOST_CHECK_THROW((void)CooMatrix({.shape = {2, 2}, .row = {0}, .col = {-1}, .data = {1.0}}).tocsc(), ValueError);
  BOOST_CHECK_THROW((void)CooMatrix({.shape = {-1, 2}}).tocsr(), ValueError);
  BOOST_CHECK_THROW((void)CooMatrix({.shape = {Index{1} << 32, 2}}).tocsr(), ValueError);
  BOOST_TEST(CooMatrix({.shape = {0, 0}}).tocsr().nonZeros() == 0);
}

BOOST_AUTO_TEST_CASE(tocoo_lists_stored_entries_in_storage_order) {
  const CooMatrix c{.shape = {2, 3}, .row = {1, 0, 1}, .col = {0, 2, 2}, .data = {1.0, 0.0, 3.0}};
  const CooMatrix r = tocoo(c.tocsr());
  BOOST_TEST(r.row == (std::vector<int>{0, 1, 1}));
  BOOST_TEST(r.col == (std::vector<int>{2, 0, 2}));
  BOOST_TEST(r.data == (std::vector<double>{0.0, 1.0, 3.0}));
  const CooMatrix s = tocoo(c.tocsc());
  BOOST_TEST(s.col == (std::vector<int>{0, 2, 2}));
  BOOST_TEST(s.row == (std::vector<int>{1, 0, 1}));
  BOOST_TEST(identical(s.tocsr(), c.tocsr()));
}

// ------------------------------------------------------------------ random

BOOST_AUTO_TEST_CASE(random_has_round_density_mn_distinct_entries_in_unit_interval) {
  for (const std::uint64_t seed : {0U, 1U, 42U}) {
    for (const auto& [m, n, density] : {std::tuple{30, 40, 0.1}, std::tuple{7, 3, 0.9}, std::tuple{100, 1, 0.5},
                                        std::tuple{1000, 2000, 0.001}, std::tuple{5, 5, 1.0}}) {
      const CsrMatrix a = sparse::random(m, n, density, seed);
      BOOST_TEST(a.rows() == m);
      BOOST_TEST(a.cols() == n);
      BOOST_TEST(a.nonZeros() == static_cast<Index>(std::nearbyint(density * m * n)));
      BOOST_TEST(canonical(a));  // sorted, hence distinct, positions
      const Eigen::Map<const Vector> v(a.valuePtr(), a.nonZeros());
      BOOST_TEST((v.array() >= 0.0).all());
      BOOST_TEST((v.array() < 1.0).all());
    }
  }
  // Python's round: halves to even.
  BOOST_TEST(sparse::random(1, 5, 0.5, 1).nonZeros() == 2);
  BOOST_TEST(sparse::random(1, 7, 0.5, 1).nonZeros() == 4);
  BOOST_TEST(sparse::random(4, 4, 0.0, 1).nonZeros() == 0);
  BOOST_TEST(sparse::random(0, 4, 0.5, 1).rows() == 0);
}

BOOST_AUTO_TEST_CASE(random_is_reproducible_from_its_seed) {
  BOOST_TEST(identical(sparse::random(50, 60, 0.2, 7), sparse::random(50, 60, 0.2, 7)));
  BOOST_TEST(identical(sparse::random(9, 9, 0.8, 7), sparse::random(9, 9, 0.8, 7)));
  BOOST_TEST(!identical(sparse::random(50, 60, 0.2, 7), sparse::random(50, 60, 0.2, 8)));
  const CscMatrix c = sparse::random(50, 60, 0.2, 7);  // format='csc': the same matrix
  BOOST_TEST(identical(CsrMatrix(c), sparse::random(50, 60, 0.2, 7)));
}

BOOST_AUTO_TEST_CASE(random_places_entries_uniformly) {
  // 5 of 20 positions, 4000 seeds: each position is taken 1000 times on
  // average (binomial, sd 27); 6 sd is never reached by chance here. The
  // dense path (density > 1/2) is checked the same way.
  for (const double density : {0.25, 0.75}) {
    std::vector<int> hits(20, 0);
    for (std::uint64_t seed = 0; seed < 4000; ++seed) {
      const CsrMatrix a = sparse::random(4, 5, density, seed);
      for (Index i = 0; i < 4; ++i) {
        for (CsrMatrix::InnerIterator it(a, i); it; ++it) ++hits[static_cast<std::size_t>(i * 5 + it.col())];
      }
    }
    const double expected = 4000 * density, sd = std::sqrt(4000 * density * (1 - density));
    for (const int h : hits) BOOST_TEST(std::abs(h - expected) < 6 * sd);
  }
}

BOOST_AUTO_TEST_CASE(random_rejects_bad_arguments) {
  BOOST_CHECK_THROW((void)sparse::random(3, 3, -0.1, 1), ValueError);
  BOOST_CHECK_THROW((void)sparse::random(3, 3, 1.5, 1), ValueError);
  BOOST_CHECK_THROW((void)sparse::random(3, 3, std::nan(""), 1), ValueError);
  BOOST_CHECK_THROW((void)sparse::random(-1, 3, 0.5, 1), ValueError);
  BOOST_CHECK_THROW((void)sparse::random(1 << 30, 1 << 30, 0.5, 1), ValueError);  // 2^59 entries
}

// ------------------------------------------------------------------ bmat

BOOST_AUTO_TEST_CASE(bmat_places_blocks_and_fills_missing_ones_with_zeros) {
  Matrix da(2, 3), db(2, 2), dc(1, 2);
  da << 1, 0, 2, 0, 3, 0;
  db << 0, 4, 5, 0;
  dc << 6, 7;
  const CsrMatrix A = da.sparseView(), B = db.sparseView(), C = dc.sparseView();
  const CsrMatrix k = bmat({{A, B}, {std::nullopt, C}});
  Matrix expected = Matrix::Zero(3, 5);
  expected.block(0, 0, 2, 3) = da;
  expected.block(0, 3, 2, 2) = db;
  expected.block(2, 3, 1, 2) = dc;
  BOOST_TEST((Matrix(k) - expected).norm() == 0.0);
  BOOST_TEST(canonical(k));
  // An all-None block row has height 0, an all-None block column width 0.
  const CsrMatrix z = bmat({{A, std::nullopt}, {std::nullopt, std::nullopt}});
  BOOST_TEST(z.rows() == 2);
  BOOST_TEST(z.cols() == 3);
}

BOOST_AUTO_TEST_CASE(bmat_names_the_block_with_the_wrong_shape) {
  const CsrMatrix A(2, 3), B(2, 2), C(3, 2);
  BOOST_TEST(bmat({{A, B}, {std::nullopt, C}}).rows() == 5);
  try {
    (void)bmat({{A, C}});
    BOOST_FAIL("no error");
  } catch (const ValueError& e) {
    BOOST_TEST(std::string(e.what()) ==
               "bmat: blocks[0,:] has incompatible row dimensions. Got blocks[0,1].shape[0] == 3, expected 2.");
  }
  try {
    (void)bmat({{A}, {C}});
    BOOST_FAIL("no error");
  } catch (const ValueError& e) {
    BOOST_TEST(std::string(e.what()) ==
               "bmat: blocks[:,0] has incompatible column dimensions. Got blocks[1,0].shape[1] == 2, expected 3.");
  }
  BOOST_CHECK_THROW((void)bmat({}), ValueError);
  BOOST_CHECK_THROW((void)bmat({{A, B}, {A}}), ValueError);
}

// ------------------------------------------------------------------ find, eliminate_zeros, diagonal

BOOST_AUTO_TEST_CASE(find_matches_scipy_and_skips_explicit_zeros) {
  const CsrMatrix a = load_npz(file("a.npz"));
  for (const FindResult& r : {find(a), find(CscMatrix(a))}) {
    BOOST_TEST(r.I == io::load_npy_vector<std::int32_t>(file("a_find_I.npy")));
    BOOST_TEST(r.J == io::load_npy_vector<std::int32_t>(file("a_find_J.npy")));
    BOOST_TEST(same(r.V, load_vector("a_find_V")));
    BOOST_TEST(r.V.size() == a.nonZeros() - 3);  // the fixture's 3 explicit zeros
  }
}

BOOST_AUTO_TEST_CASE(eliminate_zeros_returns_a_copy_without_stored_zeros) {
  const CooMatrix c{.shape = {2, 3}, .row = {0, 0, 1, 1}, .col = {0, 2, 1, 2}, .data = {0.0, 1.0, std::nan(""), -0.0}};
  const CsrMatrix a = c.tocsr();
  const CsrMatrix b = eliminate_zeros(a);
  BOOST_TEST(a.nonZeros() == 4);  // the input is not modified
  BOOST_TEST(b.nonZeros() == 2);  // 1.0 and NaN stay
  BOOST_TEST(std::isnan(b.coeff(1, 1)));
  BOOST_TEST(eliminate_zeros(c.tocsc()).nonZeros() == 2);
}

BOOST_AUTO_TEST_CASE(diagonal_matches_scipy) {
  const CsrMatrix a = load_npz(file("a.npz"));
  for (const Index k : {0, 3, -2, 299, -11, 11}) {
    const std::string name = "a_diag_" + (k < 0 ? "m" + std::to_string(-k) : std::to_string(k));
    BOOST_TEST(same(diagonal(a, k), load_vector(name)));
    BOOST_TEST(same(diagonal(CscMatrix(a), k), load_vector(name)));
  }
  BOOST_TEST(diagonal(a, 300).size() == 0);  // outside: empty, as SciPy
  BOOST_TEST(diagonal(a, -12).size() == 0);
}

// ------------------------------------------------------------------ sum, mean

BOOST_AUTO_TEST_CASE(sums_and_means_match_scipy_bitwise) {
  for (const std::string name : {"a", "at"}) {
    const CsrMatrix a = load_npz(file(name + ".npz"));
    const CscMatrix c = a;
    for (const int axis : {0, 1}) {
      const std::string s = std::to_string(axis);
      BOOST_TEST(same(sum(a, axis), load_vector(name + "_sum" + s)), name << " sum axis " << axis);
      BOOST_TEST(same(mean(a, axis), load_vector(name + "_mean" + s)), name << " mean axis " << axis);
      BOOST_TEST(same(sum(c, axis), load_vector(name + "_csc_sum" + s)), name << " csc sum axis " << axis);
      BOOST_TEST(same(mean(c, axis), load_vector(name + "_csc_mean" + s)), name << " csc mean axis " << axis);
      BOOST_TEST(same(sum(a, axis - 2), sum(a, axis)));  // negative axes as NumPy
    }
    BOOST_TEST(sum(a) == scalar(name, "sum", 1));
    BOOST_TEST(sum(c) == scalar(name, "sum", 2));
    BOOST_TEST(mean(a) == scalar(name, "mean", 1));
    BOOST_TEST(mean(c) == scalar(name, "mean", 2));
  }
}

BOOST_AUTO_TEST_CASE(sum_and_mean_reject_bad_axes_and_empty_means) {
  const CsrMatrix a = sparse::random(3, 4, 0.5, 1);
  BOOST_CHECK_THROW((void)sum(a, 2), ValueError);
  BOOST_CHECK_THROW((void)sum(a, -3), ValueError);
  BOOST_CHECK_THROW((void)mean(a, 2), ValueError);
  BOOST_CHECK_THROW((void)mean(CsrMatrix(0, 0)), ValueError);
  BOOST_CHECK_THROW((void)mean(CsrMatrix(0, 3), 0), ValueError);
  BOOST_TEST(mean(CsrMatrix(0, 3), 1).size() == 0);
  BOOST_TEST(sum(CsrMatrix(0, 0)) == 0.0);
  BOOST_TEST(sum(CsrMatrix(2, 3), 0) == Vector::Zero(3));
}

// ------------------------------------------------------------------ norm

BOOST_AUTO_TEST_CASE(matrix_norms_match_scipy) {
  for (const std::string name : {"a", "at"}) {
    const CsrMatrix a = load_npz(file(name + ".npz"));
    const CscMatrix c = a;
    for (const int column : {1, 2}) {
      const auto n = [&](auto ord) { return column == 1 ? norm(a, ord) : norm(c, ord); };
      BOOST_TEST(n(1.0) == scalar(name, "norm_1", column));
      BOOST_TEST(n(-1.0) == scalar(name, "norm_-1", column));
      BOOST_TEST(n(inf) == scalar(name, "norm_inf", column));
      BOOST_TEST(n(-inf) == scalar(name, "norm_-inf", column));
      const double fro = scalar(name, "norm_fro", column);
      BOOST_TEST(std::abs(n("fro") - fro) <= 8 * eps * fro);
      BOOST_TEST(std::abs((column == 1 ? norm(a) : norm(c)) - fro) <= 8 * eps * fro);
    }
  }
}

BOOST_AUTO_TEST_CASE(vector_norms_match_scipy) {
  const double ords[] = {inf, -inf, 0, 1, 2, -1, 0.5, 3};
  for (const std::string name : {"a", "at"}) {
    const CsrMatrix a = load_npz(file(name + ".npz"));
    for (const int axis : {0, 1}) {
      const Matrix expected = io::load_npy<double>(file(name + "_norms" + std::to_string(axis) + ".npy"));
      for (Index k = 0; k < 8; ++k) {
        const double ord = ords[k];
        for (const Vector& got : {norm(a, ord, axis), norm(CscMatrix(a), ord, axis)}) {
          const Vector want = expected.row(k).transpose();
          if (ord == -1 || ord == 0.5 || ord == 3) {
            BOOST_TEST(max_rel_error(got, want) <= 8 * eps, name << " ord " << ord << " axis " << axis);
          } else {
            BOOST_TEST(same(got, want), name << " ord " << ord << " axis " << axis);
          }
        }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(norm_rejects_what_scipy_rejects) {
  const CsrMatrix a = sparse::random(3, 4, 0.5, 1);
  // The 2-norm (svds, k = 1) against a dense SVD's largest singular value:
  // ARPACK at tol = 0 converges it to about eps ||A||.
  const double two = Eigen::JacobiSVD<Matrix>(Matrix(a)).singularValues()(0);
  BOOST_TEST(std::abs(norm(a, 2.0) - two) <= 1e-12 * two);
  BOOST_TEST(std::abs(norm(CscMatrix(a), 2.0) - two) <= 1e-12 * two);
  BOOST_CHECK_THROW((void)norm(a, -2.0), ValueError);
  BOOST_CHECK_THROW((void)norm(a, 3.0), ValueError);
  BOOST_CHECK_THROW((void)norm(a, "nuc"), ValueError);
  BOOST_CHECK_THROW((void)norm(a, 2.0, 2), ValueError);
  BOOST_CHECK_THROW((void)norm(CsrMatrix(2, 0), 1.0), ValueError);  // max over no columns
  BOOST_TEST(norm(CsrMatrix(2, 0), inf) == 0.0);
  BOOST_CHECK_THROW((void)norm(CsrMatrix(2, 0), -inf, 1), ValueError);
  BOOST_TEST(norm(CsrMatrix(0, 0)) == 0.0);
}

// ------------------------------------------------------------------ indexing

BOOST_AUTO_TEST_CASE(indexing_matches_scipy) {
  const CsrMatrix b = load_npz(file("b.npz"));
  const CscMatrix bc = b;
  const auto check = [&](const std::string& name, const Indexer& rows, const Indexer& cols) {
    const Matrix expected = io::load_npy<double>(file("b_index_" + name + ".npy"));
    const CsrMatrix r = sparse::index(b, rows, cols);
    const CscMatrix rc = sparse::index(bc, rows, cols);
    BOOST_TEST(r.rows() == expected.rows(), name);
    BOOST_TEST(r.cols() == expected.cols(), name);
    BOOST_TEST((Matrix(r) - expected).norm() == 0.0, name);
    BOOST_TEST(canonical(r), name);
    BOOST_TEST(identical(CsrMatrix(rc), r), name);
  };
  check("rows", {3, 0, -1, 3}, all);
  check("cols", all, {5, 2, 2, -1, 0});
  check("both", {8, 1, 1}, {12, 0, 7});
  check("slices", Slice{.start = 1, .stop = 9, .step = 3}, Slice{.step = -2});
  check("negative_slice", Slice{.start = -2, .step = -3}, Slice{.start = 2, .stop = -2});
  check("empty_slice", Slice{.start = 5, .stop = 2}, all);
  check("rows_and_slice", {2, -9}, Slice{.start = 10, .stop = 3, .step = -1});
  // Explicit zeros are copied like any stored entry.
  BOOST_TEST(sparse::index(b, all, all).nonZeros() == b.nonZeros());
}

BOOST_AUTO_TEST_CASE(indexing_agrees_with_the_dense_definition) {
  for (const std::uint64_t seed : {3U, 4U}) {
    const CsrMatrix a = sparse::random(40, 30, 0.2, seed);
    const Matrix d = a;
    Generator rng(seed);
    std::vector<Index> rows, cols;
    for (int k = 0; k < 25; ++k) rows.push_back(rng.integers(-40, 40));
    for (int k = 0; k < 35; ++k) cols.push_back(rng.integers(-30, 30));
    Matrix expected(25, 35);
    for (Index i = 0; i < 25; ++i) {
      for (Index j = 0; j < 35; ++j) {
        const Index r = rows[static_cast<std::size_t>(i)], c = cols[static_cast<std::size_t>(j)];
        expected(i, j) = d(r < 0 ? r + 40 : r, c < 0 ? c + 30 : c);
      }
    }
    const CsrMatrix got = sparse::index(a, rows, cols);
    BOOST_TEST((Matrix(got) - expected).norm() == 0.0);
    BOOST_TEST(canonical(got));
    BOOST_TEST((Matrix(sparse::index(CscMatrix(a), rows, cols)) - expected).norm() == 0.0);
  }
}

BOOST_AUTO_TEST_CASE(slices_resolve_as_python) {
  using V = std::vector<Index>;
  const auto r = [](Slice s, Index n = 10) { return Indexer(s).resolve(n, "test", "rows"); };
  BOOST_TEST(r({.start = -3}) == (V{7, 8, 9}));
  BOOST_TEST(r({.start = 8, .stop = 2, .step = -3}) == (V{8, 5}));
  BOOST_TEST(r({.step = -4}) == (V{9, 5, 1}));
  BOOST_TEST(r({.start = -100, .stop = 100}).size() == 10);
  BOOST_TEST(r({.start = 100, .step = -1}).size() == 10);
  BOOST_TEST(r({.stop = -100, .step = -1}).size() == 10);
  BOOST_TEST(r({.start = 3, .stop = 3}).empty());
  BOOST_TEST(r({.step = std::numeric_limits<Index>::max()}) == (V{0}));
  BOOST_TEST(r({.step = std::numeric_limits<Index>::min()}) == (V{9}));
  BOOST_TEST(r({.start = std::numeric_limits<Index>::min(), .stop = std::numeric_limits<Index>::max()}).size() == 10);
  BOOST_TEST(r({}, 0).empty());
  BOOST_CHECK_THROW((void)r({.step = 0}), ValueError);
}

BOOST_AUTO_TEST_CASE(indexing_rejects_out_of_range_indices) {
  const CsrMatrix a = sparse::random(4, 5, 0.5, 1);
  BOOST_CHECK_THROW((void)sparse::index(a, {4}), ValueError);
  BOOST_CHECK_THROW((void)sparse::index(a, {-5}), ValueError);
  BOOST_CHECK_THROW((void)sparse::index(a, all, {5}), ValueError);
  BOOST_CHECK_THROW((void)sparse::index(CscMatrix(a), all, {-6}), ValueError);
  BOOST_TEST(sparse::index(a, {-4}).rows() == 1);
  BOOST_TEST(sparse::index(a, {}).rows() == 0);
}

BOOST_AUTO_TEST_CASE(operations_accept_uncompressed_matrices) {
  // Eigen's uncompressed mode (after insert()) has gaps in its storage.
  const CsrMatrix a = sparse::random(30, 20, 0.3, 9);
  CsrMatrix u = a;
  u.uncompress();
  BOOST_TEST(!u.isCompressed());
  BOOST_TEST(sum(u) == sum(a));
  BOOST_TEST(same(sum(u, 1), sum(a, 1)));
  BOOST_TEST(same(mean(u, 0), mean(a, 0)));
  BOOST_TEST(norm(u) == norm(a));
  BOOST_TEST(same(norm(u, 3.0, 1), norm(a, 3.0, 1)));
  BOOST_TEST(same(diagonal(u, 1), diagonal(a, 1)));
  BOOST_TEST(identical(sparse::index(u, {4, 1}, {0, 19, 3}), sparse::index(a, {4, 1}, {0, 19, 3})));
  BOOST_TEST(identical(eliminate_zeros(u), a));
  BOOST_TEST(find(u).V == find(a).V);
  BOOST_TEST(identical(tocoo(u).tocsr(), a));
}

BOOST_AUTO_TEST_SUITE_END()

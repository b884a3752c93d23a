#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <limits>
#include <scilearn/linalg/lstsq.hpp>
#include <scilearn/linalg/qr.hpp>
#include <string>
#include <vector>

#include "linalg_testing.hpp"
#include "support/expect.hpp"

namespace {

using namespace scilearn;
using testing::eps;
using testing::factorization_ratio;
using testing::max_rel_diff;
using testing::message_of;
using testing::norm1;

const std::string kDir = "linalg/qr";

// One row of tests/data/linalg/qr/cases.csv (tests/reference/linalg_qr.py).
struct Case {
  std::string name;
  char dtype;
  bool pivoting;
  Index rank;
  bool left;       // qr_multiply: q @ c (else c @ q)
  bool conjugate;  // qr_multiply
};

std::vector<Case> read_cases(const std::string& kind) {
  std::vector<Case> cases;
  for (const auto& f : testing::read_manifest_kind(kDir + "/cases.csv", kind, 9, 4))
    cases.push_back({f[0], f[2][0], f[3] == "1", std::stoi(f[6]), f[7] == "1", f[8] == "1"});
  return cases;
}

template <class S>
MatrixT<S> load(const std::string& name) {
  return testing::load_fixture<S>(kDir, name);
}

// The unit-modulus factor that makes x real and non-negative (1 for x == 0).
template <class S>
S phase_of(S x) {
  const auto magnitude = std::abs(x);
  return magnitude == 0 ? S(1) : S(x / magnitude);
}

// LAPACK's orthogonality ratio (xQRT01): ||q^H q - I||_1 / (rows eps), O(1) for
// Householder QR; LAPACK's own tests accept < 30. For a q with orthonormal
// rows (rq), pass q^H.
template <class S>
double orthogonality_ratio(const MatrixT<S>& q) {
  const MatrixT<S> gram = q.adjoint() * q;
  const Index rows = std::max<Index>(q.rows(), 1);
  return norm1<S>(gram - MatrixT<S>::Identity(gram.rows(), gram.cols())) / (static_cast<double>(rows) * eps<S>());
}

// a's columns in the order p (NumPy's a[:, p]).
template <class S>
MatrixT<S> permute_columns(const MatrixT<S>& a, const IndexVector& p) {
  return a(Eigen::all, p);
}

template <class S>
bool is_upper_trapezoidal(const MatrixT<S>& r) {
  for (Index j = 0; j < r.cols(); ++j)
    for (Index i = j + 1; i < r.rows(); ++i)
      if (r(i, j) != S(0)) return false;
  return true;
}

// Compares q r with SciPy's. Both are unique only up to a unit-modulus factor
// per pair (column i of q, row i of r), fixed here by making r(i, i) real
// non-negative, and (rank-deficient a) only for the first `rank` pairs.
// Tolerance: LAPACK computes r with backward error O(max(m, n) eps ||a||), so
// r's entries agree to about 10 max(m, n) eps relative to the largest; column
// j of q is determined by a's first j + 1 (pivoted) columns, and its error
// grows with their condition, about |r(0, 0)| / |r(j, j)| (pivoting orders
// the diagonal so).
template <class S>
void check_against_reference(const MatrixT<S>& q, const MatrixT<S>& r, const IndexVector& order, const MatrixT<S>& q_ref,
                             const MatrixT<S>& r_ref, const IndexVector& order_ref, Index rank) {
  const double tol = 100.0 * static_cast<double>(std::max(r.rows(), r.cols())) * eps<S>();
  BOOST_TEST_REQUIRE(r.rows() == r_ref.rows());
  BOOST_TEST_REQUIRE(r.cols() == r_ref.cols());
  MatrixT<S> r_top = r.topRows(rank);
  MatrixT<S> r_ref_top = r_ref.topRows(rank);
  for (Index i = 0; i < rank; ++i) {
    const S d = phase_of(r(i, i));
    const S d_ref = phase_of(r_ref(i, i));
    r_top.row(i) *= Eigen::numext::conj(d);
    r_ref_top.row(i) *= Eigen::numext::conj(d_ref);
    if (q.size() == 0) continue;
    const double growth = static_cast<double>(std::abs(r(0, 0)) / std::abs(r(i, i)));
    BOOST_TEST(max_rel_diff<S>(q.col(i) * d, q_ref.col(i) * d_ref) <= tol * growth, "column " << i << " of q");
  }
  // Row i of r holds q_i^H a[:, order]; the pivots beyond the rank may differ
  // (they choose among columns of rounding-error size), so compare each row
  // with a's columns back in their own order.
  MatrixT<S> r_unpermuted(rank, r.cols());
  MatrixT<S> r_ref_unpermuted(rank, r.cols());
  r_unpermuted(Eigen::all, order) = r_top;
  r_ref_unpermuted(Eigen::all, order_ref) = r_ref_top;
  BOOST_TEST(max_rel_diff<S>(r_unpermuted, r_ref_unpermuted) <= tol);
}

template <class S>
void check_qr_case(const Case& c) {
  BOOST_TEST_CONTEXT("case " << c.name) {
    const MatrixT<S> a = load<S>(c.name + "_a");
    const Index m = a.rows();
    const Index n = a.cols();
    const Index k = std::min(m, n);
    for (linalg::QrMode mode : {linalg::QrMode::full, linalg::QrMode::economic}) {
      const bool full = mode == linalg::QrMode::full;
      BOOST_TEST_CONTEXT((full ? "full" : "economic")) {
        const auto [q, r, p, tau] = linalg::qr(a, {.mode = mode, .pivoting = c.pivoting});
        BOOST_TEST(q.rows() == m);
        BOOST_TEST(q.cols() == (full ? m : k));
        BOOST_TEST(r.rows() == (full ? m : k));
        BOOST_TEST(r.cols() == n);
        BOOST_TEST(tau.size() == 0);
        BOOST_TEST(is_upper_trapezoidal<S>(r));
        BOOST_TEST(orthogonality_ratio<S>(q) <= 30.0);
        IndexVector order = IndexVector::LinSpaced(n, 0, static_cast<int>(n) - 1);
        IndexVector order_ref = order;
        if (c.pivoting) {
          const IndexVector p_ref = testing::load_index_fixture(kDir, c.name + "_p");
          order_ref = p_ref;
          BOOST_TEST_REQUIRE(p.size() == n);
          // Beyond the rank, the pivots choose among columns of rounding-error size.
          BOOST_TEST((p.head(c.rank) == p_ref.head(c.rank)));
          order = p;
          IndexVector sorted = p;
          std::sort(sorted.begin(), sorted.end());
          BOOST_TEST((sorted == IndexVector::LinSpaced(n, 0, static_cast<int>(n) - 1)));
          // Non-increasing up to the rounding of ?geqp3's column norms (beyond
          // the rank the diagonal is rounding error and may be in any order).
          for (Index i = 1; i < c.rank; ++i)
            BOOST_TEST(std::abs(r(i, i)) <= std::abs(r(i - 1, i - 1)) * (1 + 10 * eps<S>()));
        } else {
          BOOST_TEST(p.size() == 0);
        }
        BOOST_TEST(factorization_ratio<S>(permute_columns<S>(a, order), q * r) <= 30.0);
        check_against_reference<S>(q, r, order, load<S>(c.name + (full ? "_q" : "_qe")),
                                   load<S>(c.name + (full ? "_r" : "_re")), order_ref, c.rank);
      }
    }
    // mode r: full's r, without q; raw: LAPACK's compact form, and economic r.
    const auto full = linalg::qr(a, {.pivoting = c.pivoting});
    const auto only_r = linalg::qr(a, {.mode = linalg::QrMode::r, .pivoting = c.pivoting});
    BOOST_TEST((only_r.r == full.r));
    BOOST_TEST((only_r.p == full.p));
    BOOST_TEST(only_r.q.size() == 0);
    const auto raw = linalg::qr(a, {.mode = linalg::QrMode::raw, .pivoting = c.pivoting});
    BOOST_TEST(raw.q.rows() == m);
    BOOST_TEST(raw.q.cols() == n);
    BOOST_TEST(raw.tau.size() == k);
    BOOST_TEST((raw.r == full.r.topRows(k)));
    BOOST_TEST((MatrixT<S>(raw.q.template triangularView<Eigen::Upper>()).topRows(k) == raw.r));
  }
}

template <class S>
void check_rq_case(const Case& c) {
  BOOST_TEST_CONTEXT("case " << c.name) {
    const MatrixT<S> a = load<S>(c.name + "_a");
    const Index m = a.rows();
    const Index n = a.cols();
    const Index k = std::min(m, n);
    const double tol = 100.0 * static_cast<double>(std::max(m, n)) * eps<S>();
    for (linalg::RqMode mode : {linalg::RqMode::full, linalg::RqMode::economic}) {
      const bool full = mode == linalg::RqMode::full;
      BOOST_TEST_CONTEXT((full ? "full" : "economic")) {
        const auto [r, q] = linalg::rq(a, {.mode = mode});
        const Index r_cols = full ? n : k;
        BOOST_TEST_REQUIRE(r.rows() == m);
        BOOST_TEST_REQUIRE(r.cols() == r_cols);
        BOOST_TEST_REQUIRE(q.rows() == (full ? n : k));
        BOOST_TEST_REQUIRE(q.cols() == n);
        BOOST_TEST(orthogonality_ratio<S>(MatrixT<S>(q.adjoint())) <= 30.0);
        BOOST_TEST(factorization_ratio<S>(a, r * q) <= 30.0);
        // SciPy's triu(r, r_cols - m): zero below the diagonal ending in the
        // bottom-right corner.
        for (Index j = 0; j < r_cols; ++j)
          for (Index i = std::max<Index>(0, j - (r_cols - m) + 1); i < m; ++i) BOOST_TEST(r(i, j) == S(0));
        // Unique up to a unit-modulus factor per pair (column r_cols - k + i
        // of r, row q.rows() - k + i of q): make r's "diagonal" real non-negative.
        MatrixT<S> r_n = r;
        MatrixT<S> r_ref = load<S>(c.name + (full ? "_r" : "_re"));
        MatrixT<S> q_n = q.bottomRows(k);
        MatrixT<S> q_ref = load<S>(c.name + (full ? "_q" : "_qe")).bottomRows(k);
        for (Index i = 0; i < k; ++i) {
          const Index row = m - k + i;
          const Index col = r_cols - k + i;
          const S d = phase_of(r_n(row, col));
          const S d_ref = phase_of(r_ref(row, col));
          r_n.col(col) *= Eigen::numext::conj(d);
          r_ref.col(col) *= Eigen::numext::conj(d_ref);
          q_n.row(i) *= d;
          q_ref.row(i) *= d_ref;
        }
        BOOST_TEST(max_rel_diff<S>(r_n, r_ref) <= tol);
        BOOST_TEST(max_rel_diff<S>(q_n, q_ref) <= tol);
      }
    }
    const auto only_r = linalg::rq(a, {.mode = linalg::RqMode::r});
    BOOST_TEST((only_r.r == linalg::rq(a).r));
    BOOST_TEST(only_r.q.size() == 0);
  }
}

template <class S>
void check_qr_multiply_case(const Case& c) {
  BOOST_TEST_CONTEXT("case " << c.name) {
    const MatrixT<S> a = load<S>(c.name + "_a");
    const MatrixT<S> cm = load<S>(c.name + "_c");
    const linalg::QrMultiplyOptions options{
        .mode = c.left ? linalg::QrMultiplyMode::left : linalg::QrMultiplyMode::right,
        .pivoting = c.pivoting,
        .conjugate = c.conjugate};
    const bool vector = testing::is_vector_fixture(kDir, c.name + "_c");
    MatrixT<S> cq;
    MatrixT<S> r;
    IndexVector p;
    if (vector) {
      const VectorT<S> cv = cm.col(0);
      const auto out = linalg::qr_multiply(a, cv, options);  // a vector in, a vector out
      cq = out.cq;
      r = out.r;
      p = out.p;
    } else {
      const auto out = linalg::qr_multiply(a, cm, options);
      cq = out.cq;
      r = out.r;
      p = out.p;
    }
    // The same LAPACK routines as SciPy's, with ?larfg's deterministic sign
    // convention: cq and r agree with SciPy's as computed, not only up to signs.
    const MatrixT<S> cq_ref = load<S>(c.name + "_cq");
    const double tol = 100.0 * static_cast<double>(std::max(a.rows(), a.cols())) * eps<S>();
    BOOST_TEST_REQUIRE(cq.rows() == cq_ref.rows());  // a 1-D result is loaded as a column
    BOOST_TEST_REQUIRE(cq.cols() == cq_ref.cols());
    BOOST_TEST(max_rel_diff<S>(cq, cq_ref) <= tol);
    BOOST_TEST(max_rel_diff<S>(r, load<S>(c.name + "_r")) <= tol);
    if (c.pivoting) BOOST_TEST((p == testing::load_index_fixture(kDir, c.name + "_p")));
    // The defining equation, with qr()'s economic q.
    const auto e = linalg::qr(a, {.mode = linalg::QrMode::economic, .pivoting = c.pivoting});
    BOOST_TEST((r == e.r));
    const MatrixT<S> q = c.conjugate ? MatrixT<S>(e.q.conjugate()) : e.q;
    // SciPy's 1-D c is a row for c @ q.
    const MatrixT<S> expected = c.left   ? MatrixT<S>(q * cm)
                                : vector ? MatrixT<S>((cm.transpose() * q).transpose())
                                         : MatrixT<S>(cm * q);
    BOOST_TEST(max_rel_diff<S>(cq, expected) <= tol);
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(qr)

BOOST_AUTO_TEST_CASE(qr_matches_scipy_on_every_reference_case) {
  for (const Case& c : read_cases("qr")) {
    testing::with_scalar(c.dtype, [&]<class S>(std::type_identity<S>) { check_qr_case<S>(c); });
  }
}

BOOST_AUTO_TEST_CASE(rq_matches_scipy_on_every_reference_case) {
  for (const Case& c : read_cases("rq")) {
    testing::with_scalar(c.dtype, [&]<class S>(std::type_identity<S>) { check_rq_case<S>(c); });
  }
}

BOOST_AUTO_TEST_CASE(qr_multiply_matches_scipy_on_every_reference_case) {
  for (const Case& c : read_cases("qr_multiply")) {
    testing::with_scalar(c.dtype, [&]<class S>(std::type_identity<S>) { check_qr_multiply_case<S>(c); });
  }
}

BOOST_AUTO_TEST_CASE(qr_multiply_docstring_example) {
  const Matrix a{{1, 3, 3}, {2, 3, 2}, {2, 3, 3}, {1, 3, 2}};
  const auto [qc, r, p] = linalg::qr_multiply(a, Matrix(2 * Matrix::Identity(4, 4)), {.pivoting = true});
  const double tol = 16 * std::numeric_limits<double>::epsilon();
  BOOST_TEST(max_rel_diff<double>(qc, Matrix{{-1, 1, -1}, {-1, -1, 1}, {-1, -1, -1}, {-1, 1, 1}}) <= tol);
  BOOST_TEST(max_rel_diff<double>(r, Matrix{{-6, -3, -5}, {0, -1, 0}, {0, 0, -1}}) <= tol);
  BOOST_TEST((p == IndexVector{{1, 0, 2}}));
}

BOOST_AUTO_TEST_CASE(qr_multiply_errors_and_empty_c) {
  const Matrix a = Matrix::Ones(3, 2);
  BOOST_TEST(message_of<ValueError>([&] {
               (void)linalg::qr_multiply(a, Matrix::Ones(3, 2), {.mode = linalg::QrMultiplyMode::left});
             }) == "qr_multiply: a is 3x2 and c is 3x2, expected c with min(m, n) = 2 rows for q @ c");
  BOOST_TEST(message_of<ValueError>([&] { (void)linalg::qr_multiply(a, Matrix::Ones(3, 2)); }) ==
             "qr_multiply: a is 3x2 and c is 3x2, expected c with 3 columns for c @ q");
  BOOST_TEST(message_of<ValueError>([&] {
               (void)linalg::qr_multiply(a, Matrix::Ones(2, 3), {.mode = linalg::QrMultiplyMode{4}});
             }) == "qr_multiply: mode is 4, expected left or right");
  Matrix c = Matrix::Ones(2, 3);
  c(1, 2) = std::numeric_limits<double>::quiet_NaN();
  BOOST_TEST(message_of<ValueError>([&] { (void)linalg::qr_multiply(a, c); }) ==
             "qr_multiply: c must contain only finite values, but entry (1, 2) is nan");
  Matrix bad_a = a;
  bad_a(0, 0) = std::numeric_limits<double>::infinity();
  BOOST_CHECK_THROW((void)linalg::qr_multiply(bad_a, Matrix::Ones(2, 3)), ValueError);
  // Empty c: SciPy 1.17.1 returns empty_like(c), c's own shape.
  const auto left = linalg::qr_multiply(a, Matrix(2, 0), {.mode = linalg::QrMultiplyMode::left});
  BOOST_TEST(left.cq.rows() == 2);
  BOOST_TEST(left.cq.cols() == 0);
  BOOST_TEST(left.r.rows() == 2);
  const auto right = linalg::qr_multiply(a, Matrix(0, 3));
  BOOST_TEST(right.cq.rows() == 0);
  BOOST_TEST(right.cq.cols() == 3);
  // An m x 0 a (SciPy 1.17.1 fails inside f2py here): c q with q m x 0 is p x 0.
  const auto none = linalg::qr_multiply(Matrix(3, 0), Matrix::Ones(2, 3));
  BOOST_TEST(none.cq.rows() == 2);
  BOOST_TEST(none.cq.cols() == 0);
}

BOOST_AUTO_TEST_CASE(docstring_examples) {
  const Matrix a{{3, 1}, {4, 2}};
  const auto [q, r, p, tau] = linalg::qr(a);
  const double tol = 4 * std::numeric_limits<double>::epsilon();
  BOOST_TEST(max_rel_diff<double>(q, Matrix{{-0.6, -0.8}, {-0.8, 0.6}}) <= tol);
  BOOST_TEST(max_rel_diff<double>(r, Matrix{{-5, -2.2}, {0, 0.4}}) <= tol);
  BOOST_TEST(p.size() == 0);
  BOOST_TEST(tau.size() == 0);
  const auto f = linalg::qr(Matrix{{1, 3}, {2, 4}}, {.mode = linalg::QrMode::r, .pivoting = true});
  BOOST_TEST(max_rel_diff<double>(f.r, Matrix{{-5, -2.2}, {0, 0.4}}) <= tol);
  BOOST_TEST((f.p == IndexVector{{1, 0}}));

  const Matrix b{{1, 2, 3}, {4, 5, 6}};
  const auto [r2, q2] = linalg::rq(b);
  BOOST_TEST(r2.rows() == 2);
  BOOST_TEST(r2.cols() == 3);
  BOOST_TEST(r2.col(0).isZero(0));
  BOOST_TEST(factorization_ratio<double>(b, r2 * q2) <= 30.0);
  const auto e = linalg::rq(b, {.mode = linalg::RqMode::economic});
  // SciPy: r = {{0.83743579, -3.64673845}, {0, -8.77496439}}
  BOOST_TEST(max_rel_diff<double>(e.r, Matrix{{0.83743579, -3.64673845}, {0, -8.77496439}}) <= 1e-8);
  BOOST_TEST(e.q.rows() == 2);
  BOOST_TEST(e.q.cols() == 3);
}

// SciPy 1.17.1's shapes for empty input (tests/reference/linalg_qr.py's
// docstring lists how they were obtained): full / r keep a's shape for r and
// give the m x m identity as q; economic / raw give m x k and k x n.
BOOST_AUTO_TEST_CASE(empty_input_has_scipys_shapes) {
  for (const auto& [m, n] : std::vector<std::pair<Index, Index>>{{0, 0}, {3, 0}, {0, 3}}) {
    BOOST_TEST_CONTEXT(m << "x" << n) {
      const MatrixT<std::complex<float>> a(m, n);
      const Index k = std::min(m, n);
      const auto full = linalg::qr(a, {.pivoting = true});
      BOOST_TEST((full.q == MatrixT<std::complex<float>>::Identity(m, m)));
      BOOST_TEST(full.r.rows() == m);
      BOOST_TEST(full.r.cols() == n);
      BOOST_TEST((full.p == IndexVector::LinSpaced(n, 0, static_cast<int>(n) - 1)));
      const auto econ = linalg::qr(a, {.mode = linalg::QrMode::economic});
      BOOST_TEST(econ.q.rows() == m);
      BOOST_TEST(econ.q.cols() == k);
      BOOST_TEST(econ.r.rows() == k);
      BOOST_TEST(econ.r.cols() == n);
      BOOST_TEST(econ.p.size() == 0);
      const auto only_r = linalg::qr(a, {.mode = linalg::QrMode::r});
      BOOST_TEST(only_r.r.rows() == m);
      BOOST_TEST(only_r.r.cols() == n);
      const auto raw = linalg::qr(a, {.mode = linalg::QrMode::raw});
      BOOST_TEST(raw.q.rows() == m);
      BOOST_TEST(raw.q.cols() == n);
      BOOST_TEST(raw.tau.size() == k);
      BOOST_TEST(raw.r.rows() == k);
      BOOST_TEST(raw.r.cols() == n);

      const auto rq_full = linalg::rq(a);
      BOOST_TEST(rq_full.r.rows() == m);
      BOOST_TEST(rq_full.r.cols() == n);
      BOOST_TEST((rq_full.q == MatrixT<std::complex<float>>::Identity(n, n)));
      const auto rq_econ = linalg::rq(a, {.mode = linalg::RqMode::economic});
      BOOST_TEST(rq_econ.r.rows() == m);
      BOOST_TEST(rq_econ.r.cols() == k);
      BOOST_TEST(rq_econ.q.rows() == k);
      BOOST_TEST(rq_econ.q.cols() == n);
    }
  }
}

BOOST_AUTO_TEST_CASE(one_by_one) {
  const auto [q, r, p, tau] = linalg::qr(Matrix{{-2.0}}, {.pivoting = true});
  BOOST_TEST(std::abs(q(0, 0)) == 1.0);
  BOOST_TEST(q(0, 0) * r(0, 0) == -2.0);
  BOOST_TEST((p == IndexVector{{0}}));
}

// Above LAPACK's crossover (order 128), ?geqrf / ?geqp3 / ?gerqf and the
// ?orgqr / ?orgrq that form q run blocked; too big for a fixture, so checked
// by the defining properties alone, for each scalar type.
template <class S>
void check_large() {
  std::srand(11);
  for (const auto& [m, n] : std::vector<std::pair<Index, Index>>{{300, 200}, {150, 260}}) {
    BOOST_TEST_CONTEXT(m << "x" << n) {
      const MatrixT<S> a = MatrixT<S>::Random(m, n);
      for (bool pivoting : {false, true}) {
        const auto [q, r, p, tau] = linalg::qr(a, {.pivoting = pivoting});
        BOOST_TEST(orthogonality_ratio<S>(q) <= 30.0);
        const MatrixT<S> ap = pivoting ? permute_columns<S>(a, p) : a;
        BOOST_TEST(factorization_ratio<S>(ap, q * r) <= 30.0);
      }
      const auto [r, q] = linalg::rq(a);
      BOOST_TEST(orthogonality_ratio<S>(MatrixT<S>(q.adjoint())) <= 30.0);
      BOOST_TEST(factorization_ratio<S>(a, r * q) <= 30.0);
    }
  }
}

BOOST_AUTO_TEST_CASE(large_matrices_are_orthogonal_and_backward_stable) {
  check_large<float>();
  check_large<double>();
  check_large<std::complex<float>>();
  check_large<std::complex<double>>();
}

BOOST_AUTO_TEST_CASE(rank_deficient_pivoting_reveals_the_rank) {
  std::srand(5);
  const Matrix a = Matrix::Random(9, 3) * Matrix::Random(3, 7);  // rank 3
  const auto [q, r, p, tau] = linalg::qr(a, {.mode = linalg::QrMode::economic, .pivoting = true});
  const double scale = std::abs(r(0, 0));
  for (Index i = 0; i < 3; ++i) BOOST_TEST(std::abs(r(i, i)) > 1e-3 * scale);
  // The trailing diagonal is rounding error: O(n eps ||a||).
  for (Index i = 3; i < 7; ++i) BOOST_TEST(std::abs(r(i, i)) <= 100 * 9 * eps<double>() * scale);
  BOOST_TEST(factorization_ratio<double>(permute_columns<double>(a, p), q * r) <= 30.0);
}

BOOST_AUTO_TEST_CASE(inputs_are_not_modified) {
  std::srand(13);
  const MatrixT<std::complex<double>> a0 = MatrixT<std::complex<double>>::Random(6, 4);
  MatrixT<std::complex<double>> a = a0;
  for (linalg::QrMode mode : {linalg::QrMode::full, linalg::QrMode::economic, linalg::QrMode::r, linalg::QrMode::raw})
    for (bool pivoting : {false, true}) (void)linalg::qr(a, {.mode = mode, .pivoting = pivoting});
  for (linalg::RqMode mode : {linalg::RqMode::full, linalg::RqMode::economic, linalg::RqMode::r})
    (void)linalg::rq(a, {.mode = mode});
  const MatrixT<std::complex<double>> c0 = MatrixT<std::complex<double>>::Random(4, 3);
  MatrixT<std::complex<double>> c = c0;
  (void)linalg::qr_multiply(a, c, {.mode = linalg::QrMultiplyMode::left, .conjugate = true});
  BOOST_TEST((c == c0));
  const VectorT<std::complex<double>> b0 = VectorT<std::complex<double>>::Random(6);
  VectorT<std::complex<double>> b = b0;
  (void)linalg::QR<std::complex<double>>(a, {.pivoting = true}).solve(b);
  BOOST_TEST((a == a0));
  BOOST_TEST((b == b0));
}

BOOST_AUTO_TEST_CASE(expressions_and_maps_are_accepted) {
  const Matrix a{{1, 2}, {3, 4}, {5, 6}};
  const auto f = linalg::qr(a.transpose() * 2.0);  // an expression: evaluated first
  BOOST_TEST(factorization_ratio<double>(Matrix(a.transpose() * 2.0), f.q * f.r) <= 30.0);
  const auto g = linalg::rq(a.topRows(2));  // a block
  BOOST_TEST(factorization_ratio<double>(Matrix(a.topRows(2)), g.r * g.q) <= 30.0);
}

BOOST_AUTO_TEST_CASE(nan_or_inf_is_a_value_error_unless_unchecked) {
  Matrix a = Matrix::Identity(3, 2);
  a(2, 1) = std::numeric_limits<double>::infinity();
  BOOST_TEST(message_of<ValueError>([&] { (void)linalg::qr(a); }) ==
             "qr: a must contain only finite values, but entry (2, 1) is inf");
  BOOST_TEST(message_of<ValueError>([&] { (void)linalg::rq(a); }) ==
             "rq: a must contain only finite values, but entry (2, 1) is inf");
  BOOST_CHECK_THROW((void)linalg::QR<double>(a), ValueError);
  // Unchecked: LAPACK propagates the Inf (the result is unspecified), no throw.
  BOOST_CHECK_NO_THROW((void)linalg::qr(a, {.check_finite = false}));
  BOOST_CHECK_NO_THROW((void)linalg::rq(a, {.check_finite = false}));
}

BOOST_AUTO_TEST_CASE(an_unknown_mode_is_a_value_error) {
  BOOST_TEST(message_of<ValueError>([] { (void)linalg::qr(Matrix::Identity(2, 2), {.mode = linalg::QrMode{7}}); }) ==
             "qr: mode is 7, expected full, economic, r or raw");
  BOOST_TEST(message_of<ValueError>([] { (void)linalg::rq(Matrix::Identity(2, 2), {.mode = linalg::RqMode{5}}); }) ==
             "rq: mode is 5, expected full, economic or r");
}

// ---- linalg::QR, the factorization object ---------------------------------

template <class S>
void check_object_solve() {
  std::srand(17);
  const MatrixT<S> a = MatrixT<S>::Random(9, 5);
  const MatrixT<S> b = MatrixT<S>::Random(9, 3);
  const double cond = 100;  // a generous bound for a random 9 x 5 matrix
  for (bool pivoting : {false, true}) {
    BOOST_TEST_CONTEXT("pivoting " << pivoting) {
      linalg::QR<S> qr;
      BOOST_TEST((&qr.compute(a, {.pivoting = pivoting}) == &qr));  // compute() returns *this
      BOOST_TEST((qr.info() == linalg::QrInfo::success));
      const MatrixT<S> x = qr.solve(b);
      BOOST_TEST(x.rows() == 5);
      BOOST_TEST(x.cols() == 3);
      // The least-squares solution, as lstsq's (an independent SVD-based driver).
      const MatrixT<S> x_ref = linalg::lstsq(a, b).x;
      BOOST_TEST(max_rel_diff<S>(x, x_ref) <= 100 * 9 * eps<S>() * cond * cond);
      // The residual is orthogonal to a's range (the normal equations).
      const MatrixT<S> normal = a.adjoint() * (b - a * x);
      BOOST_TEST(norm1<S>(normal) <= 100 * 9 * eps<S>() * norm1<S>(a) * (norm1<S>(a) * norm1<S>(x) + norm1<S>(b)));
      const auto full = linalg::qr(a, {.pivoting = pivoting});
      BOOST_TEST((qr.matrixQ() == full.q));
      BOOST_TEST((qr.matrixR() == full.r));
      BOOST_TEST(
          (qr.factors(linalg::QrMode::raw).q == linalg::qr(a, {.mode = linalg::QrMode::raw, .pivoting = pivoting}).q));
      if (pivoting) {
        BOOST_TEST((qr.permutation() == full.p));
      } else {
        BOOST_TEST((qr.permutation() == IndexVector::LinSpaced(5, 0, 4)));
      }
      const VectorT<S> bv = b.col(0);
      const VectorT<S> xv = qr.solve(bv);  // a vector in, a vector out
      BOOST_TEST(max_rel_diff<S>(MatrixT<S>(xv), MatrixT<S>(x.col(0))) <= 10 * eps<S>());
    }
  }
}

BOOST_AUTO_TEST_CASE(object_solves_least_squares_problems) {
  check_object_solve<float>();
  check_object_solve<double>();
  check_object_solve<std::complex<float>>();
  check_object_solve<std::complex<double>>();
}

BOOST_AUTO_TEST_CASE(object_solves_square_systems) {
  std::srand(19);
  const Matrix a = Matrix::Random(6, 6) + 6 * Matrix::Identity(6, 6);
  const Vector b = Vector::Random(6);
  const Vector x = linalg::QR<double>(a, {.pivoting = true}).solve(b);
  BOOST_TEST(testing::residual_ratio<double>(a, x, b) <= 30.0);
}

BOOST_AUTO_TEST_CASE(object_reports_an_exactly_rank_deficient_matrix) {
  Matrix a = Matrix::Ones(4, 3);
  a.col(0).setZero();  // r(0, 0) = 0 exactly without pivoting
  const linalg::QR<double> qr(a);
  BOOST_TEST((qr.info() == linalg::QrInfo::rank_deficient));
  BOOST_TEST(message_of<LinAlgError>([&] { (void)qr.solve(Vector::Ones(4)); }) ==
             "QR::solve: a is rank deficient (r(0, 0) is exactly zero)");
  BOOST_TEST(factorization_ratio<double>(a, qr.matrixQ() * qr.matrixR()) <= 30.0);  // the factors are still valid
}

BOOST_AUTO_TEST_CASE(object_rejects_wide_matrices_and_mismatched_b_in_solve) {
  const linalg::QR<double> wide(Matrix::Random(2, 3));
  BOOST_TEST(message_of<ValueError>([&] { (void)wide.solve(Vector::Ones(2)); }) ==
             "QR::solve: a is 2x3, solve needs at least as many rows as columns (lstsq gives the minimum-norm "
             "solution)");
  const linalg::QR<double> tall(Matrix::Random(4, 2));
  BOOST_TEST(message_of<ValueError>([&] { (void)tall.solve(Vector::Ones(3)); }) ==
             "QR::solve: a is 4x2 but b has 3 rows");
  Vector nan = Vector::Ones(4);
  nan(1) = std::numeric_limits<double>::quiet_NaN();
  BOOST_CHECK_THROW((void)tall.solve(nan), ValueError);
  BOOST_CHECK_NO_THROW((void)linalg::QR<double>(Matrix::Random(4, 2), {.check_finite = false}).solve(nan));
}

BOOST_AUTO_TEST_CASE(object_handles_empty_shapes) {
  const linalg::QR<double> none(Matrix(3, 0));
  BOOST_TEST(none.solve(Vector::Ones(3)).size() == 0);
  BOOST_TEST(none.solve(Matrix::Ones(3, 2)).cols() == 2);
  const linalg::QR<double> some(Matrix::Identity(3, 2));
  BOOST_TEST(some.solve(Matrix(3, 0)).rows() == 2);
  BOOST_TEST(some.solve(Matrix(3, 0)).cols() == 0);
}

BOOST_AUTO_TEST_CASE(object_used_before_compute_is_a_not_fitted_error) {
  const linalg::QR<float> qr;
  BOOST_TEST(message_of<NotFittedError>([&] { (void)qr.solve(VectorT<float>::Ones(2)); }) ==
             "QR::solve: compute() has not been called");
  BOOST_CHECK_THROW((void)qr.info(), NotFittedError);
  BOOST_CHECK_THROW((void)qr.matrixQ(), NotFittedError);
  BOOST_CHECK_THROW((void)qr.permutation(), NotFittedError);
}

BOOST_AUTO_TEST_CASE(object_keeps_its_factor_when_compute_throws) {
  linalg::QR<double> qr(Matrix{{2.0}});
  Matrix bad = Matrix::Ones(2, 2);
  bad(0, 0) = std::numeric_limits<double>::quiet_NaN();
  BOOST_CHECK_THROW(qr.compute(bad), ValueError);
  BOOST_TEST(qr.solve(Vector{{8.0}})(0) == 4.0);
}

BOOST_AUTO_TEST_SUITE_END()

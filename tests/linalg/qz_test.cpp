#include <Eigen/LU>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <limits>
#include <scilearn/linalg/qz.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "linalg_testing.hpp"
#include "schur_testing.hpp"
#include "support/expect.hpp"

using namespace scilearn;
using testing::Complex;
using testing::eps;
using testing::factorization_ratio;
using testing::message_of;
using testing::norm1;
using testing::orthogonality_ratio;
using testing::Real;

namespace {

const std::string& kDir = testing::kSchurDir;
using Case = testing::SchurCase;

// A generalized eigenvalue alpha / beta, kept as the pair (beta = 0: infinite).
struct Pair {
  Complex alpha;
  Complex beta;
};

// The chordal distance between alpha1 / beta1 and alpha2 / beta2: at most 1,
// defined for infinite eigenvalues too (Stewart and Sun, Matrix Perturbation
// Theory, VI.1.3), and how LAPACK's tests compare generalized eigenvalues.
double chordal(const Pair& x, const Pair& y) {
  const double nx = std::hypot(std::abs(x.alpha), std::abs(x.beta));
  const double ny = std::hypot(std::abs(y.alpha), std::abs(y.beta));
  return std::abs(x.alpha * y.beta - y.alpha * x.beta) / (nx * ny);
}

bool same_pairs(const std::vector<Pair>& ours, const std::vector<Pair>& ref, double tol) {
  // Encode each pair as an index into `ours` to reuse the multiset matcher.
  std::vector<Complex> ids(ours.size());
  for (std::size_t i = 0; i < ours.size(); ++i) ids[i] = Complex(static_cast<double>(i), 0);
  std::vector<Complex> ref_ids(ref.size());
  for (std::size_t i = 0; i < ref.size(); ++i) ref_ids[i] = Complex(static_cast<double>(i), 0);
  return testing::same_spectrum(ids, ref_ids, tol, [&](Complex mine, Complex theirs) {
    return chordal(ours[static_cast<std::size_t>(mine.real())], ref[static_cast<std::size_t>(theirs.real())]);
  });
}

// The eigenvalues of the generalized Schur form (aa, bb), in its order; a
// real 2 x 2 block gives the two eigenvalues of bb_block^-1 aa_block.
template <class S>
std::vector<Pair> pencil_eigenvalues(const MatrixT<S>& aa, const MatrixT<S>& bb) {
  std::vector<Pair> w;
  const Index n = aa.rows();
  for (Index i = 0; i < n; ++i) {
    if (i + 1 < n && aa(i + 1, i) != S(0)) {
      const Eigen::Matrix<Complex, 2, 2> m =
          bb.block(i, i, 2, 2).template cast<Complex>().inverse() * aa.block(i, i, 2, 2).template cast<Complex>();
      for (Complex v : testing::eigenvalues_2x2(m(0, 0), m(0, 1), m(1, 0), m(1, 1))) w.push_back({v, 1.0});
      ++i;
    } else {
      w.push_back({Complex(aa(i, i)), Complex(bb(i, i))});
    }
  }
  return w;
}

std::vector<Pair> load_pairs(const std::string& name) {
  const std::vector<Complex> alpha = testing::load_eigenvalues(kDir, name + "_alpha");
  const std::vector<Complex> beta = testing::load_eigenvalues(kDir, name + "_beta");
  std::vector<Pair> w;
  for (std::size_t i = 0; i < alpha.size(); ++i) w.push_back({alpha[i], beta[i]});
  return w;
}

// The script's `custom` sort: |alpha - beta| < 1.5 |beta|.
bool custom_select(Complex alpha, Complex beta) { return std::abs(alpha - beta) < 1.5 * std::abs(beta); }

linalg::QzSort sort_of(const std::string& sort) {
  if (sort == "lhp") return linalg::SortRegion::lhp;
  if (sort == "rhp") return linalg::SortRegion::rhp;
  if (sort == "iuc") return linalg::SortRegion::iuc;
  if (sort == "ouc") return linalg::SortRegion::ouc;
  BOOST_TEST_REQUIRE(sort == "custom");
  return custom_select;
}

// SciPy's ordqz regions (_lhp, _rhp, _iuc, _ouc), restated independently.
bool satisfies(const std::string& sort, Pair p) {
  if (sort == "custom") return custom_select(p.alpha, p.beta);
  if (p.beta == 0.0) return sort == "ouc" && p.alpha != 0.0;
  const Complex w = p.alpha / p.beta;
  if (sort == "lhp") return w.real() < 0;
  if (sort == "rhp") return w.real() > 0;
  if (sort == "iuc") return std::abs(w) < 1;
  return std::abs(w) > 1;
}

// Generalized Schur form as ?gges / ?tgsen return it: bb upper triangular;
// aa upper triangular (complex) or quasi upper triangular without two
// consecutive 2 x 2 blocks (real), where each 2 x 2 block of aa faces a
// diagonal 2 x 2 block of bb; bb's diagonal real and non-negative outside
// those blocks. (?gges also makes the diagonal of bb's 2 x 2 blocks
// positive, but ?tgsen's swaps do not keep that, in SciPy's ordqz too.)
template <class S>
bool is_generalized_schur_form(const MatrixT<S>& aa, const MatrixT<S>& bb) {
  if (!testing::is_upper_triangular<S>(bb)) return false;
  const Index n = aa.rows();
  for (Index j = 0; j < n; ++j)
    for (Index i = j + (Eigen::NumTraits<S>::IsComplex ? 1 : 2); i < n; ++i)
      if (aa(i, j) != S(0)) return false;
  for (Index i = 0; i < n; ++i) {
    if (i + 1 < n && aa(i + 1, i) != S(0)) {
      if (i + 2 < n && aa(i + 2, i + 1) != S(0)) return false;
      if (bb(i, i + 1) != S(0)) return false;
      ++i;
    } else if (Eigen::numext::imag(bb(i, i)) != 0 || Eigen::numext::real(bb(i, i)) < 0) {
      return false;
    }
  }
  return true;
}

// The defining properties of a = q aa z^H, b = q bb z^H. 30 is LAPACK's
// test threshold for ?gges (xGET51 / xGET54 ratios): backward stability makes
// these ratios O(1).
template <class S>
void check_pencil_factors(const MatrixT<S>& a, const MatrixT<S>& b, const MatrixT<S>& aa, const MatrixT<S>& bb,
                          const MatrixT<S>& q, const MatrixT<S>& z) {
  BOOST_TEST(is_generalized_schur_form<S>(aa, bb));
  BOOST_TEST(orthogonality_ratio<S>(q) <= 30.0);
  BOOST_TEST(orthogonality_ratio<S>(z) <= 30.0);
  BOOST_TEST(factorization_ratio<S>(a, q * aa * z.adjoint()) <= 30.0);
  BOOST_TEST(factorization_ratio<S>(b, q * bb * z.adjoint()) <= 30.0);
}

// The chordal distance moves by the eigenvalue's condition times the
// backward error n eps ||(a, b)||; the random pencils' conditions stay well
// below 1e3.
template <class S>
double pair_tolerance(const Case& c) {
  return 1e3 * static_cast<double>(c.n) * eps<S>();
}

// A reference pencil (a, b), and the same converted to Out, the scalar of the result.
template <class S, class Out>
struct Pencil {
  MatrixT<S> a;
  MatrixT<S> b;
  MatrixT<Out> a_out;
  MatrixT<Out> b_out;
};

template <class S, class Out>
Pencil<S, Out> load_pencil(const std::string& name) {
  Pencil<S, Out> p{testing::load_schur_fixture<S>(name + "_a"), testing::load_schur_fixture<S>(name + "_b"), {}, {}};
  p.a_out = p.a.template cast<Out>();
  p.b_out = p.b.template cast<Out>();
  return p;
}

template <class S, linalg::SchurOutput Output>
void check_qz_case(const Case& c) {
  using Out = linalg::detail::schur_scalar_t<S, Output>;
  BOOST_TEST_CONTEXT("case " << c.name) {
    const auto [a, b, a_out, b_out] = load_pencil<S, Out>(c.name);
    const auto [aa, bb, q, z] = linalg::qz<Output>(a, b);
    check_pencil_factors<Out>(a_out, b_out, aa, bb, q, z);
    BOOST_TEST(same_pairs(pencil_eigenvalues<Out>(aa, bb), load_pairs(c.name), pair_tolerance<S>(c)));
    if (testing::has_schur_fixture(c.name + "_aa")) {  // SciPy's own factors pass the same checks
      check_pencil_factors<Out>(a_out, b_out, testing::load_schur_fixture<Out>(c.name + "_aa"),
                                testing::load_schur_fixture<Out>(c.name + "_bb"),
                                testing::load_schur_fixture<Out>(c.name + "_q"),
                                testing::load_schur_fixture<Out>(c.name + "_z"));
    }
  }
}

template <class S, linalg::SchurOutput Output>
void check_ordqz_case(const Case& c) {
  using Out = linalg::detail::schur_scalar_t<S, Output>;
  BOOST_TEST_CONTEXT("case " << c.name) {
    const auto [a, b, a_out, b_out] = load_pencil<S, Out>(c.name);
    const linalg::OrdqzResult<Out> r = linalg::ordqz<Output>(a, b, {.sort = sort_of(c.sort)});
    check_pencil_factors<Out>(a_out, b_out, r.aa, r.bb, r.q, r.z);
    BOOST_TEST_REQUIRE(r.alpha.size() == c.n);
    BOOST_TEST_REQUIRE(r.beta.size() == c.n);

    std::vector<Pair> w;
    for (Index j = 0; j < c.n; ++j) w.push_back({Complex(r.alpha(j)), Complex(r.beta(j))});
    // alpha and beta are the diagonal of (aa, bb) where it has 1 x 1 blocks.
    const auto from_forms = pencil_eigenvalues<Out>(r.aa, r.bb);
    for (Index j = 0; j < c.n; ++j) {
      const bool in_block = (j + 1 < c.n && r.aa(j + 1, j) != Out(0)) || (j > 0 && r.aa(j, j - 1) != Out(0));
      if (!in_block) {
        BOOST_TEST(w[j].alpha == Complex(r.aa(j, j)));
        BOOST_TEST(w[j].beta == Complex(r.bb(j, j)));
      }
      BOOST_TEST(chordal(w[j], from_forms[j]) <= pair_tolerance<S>(c), "eigenvalue " << j);
    }
    // The selected eigenvalues lead, as many as SciPy selects, and they are SciPy's.
    Index selected = 0;
    while (selected < c.n && satisfies(c.sort, w[selected])) ++selected;
    for (Index j = selected; j < c.n; ++j) BOOST_TEST(!satisfies(c.sort, w[j]), "eigenvalue " << j);
    BOOST_TEST(selected == c.sdim);
    const std::vector<Pair> ref = load_pairs(c.name);
    const double tol = pair_tolerance<S>(c);
    BOOST_TEST(same_pairs({w.begin(), w.begin() + selected}, {ref.begin(), ref.begin() + c.sdim}, tol));
    BOOST_TEST(same_pairs({w.begin() + selected, w.end()}, {ref.begin() + c.sdim, ref.end()}, tol));
  }
}

template <class F>
void for_each_case(const std::string& kind, F&& check) {
  for (const Case& c : testing::read_schur_cases(kind)) {
    testing::with_scalar(c.dtype, [&]<class S>(std::type_identity<S>) {
      if (c.output == 'c') {
        if constexpr (!Eigen::NumTraits<S>::IsComplex) check.template operator()<S, linalg::SchurOutput::complex>(c);
      } else {
        check.template operator()<S, linalg::SchurOutput::real>(c);
      }
    });
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(qz)

BOOST_AUTO_TEST_CASE(qz_matches_scipy_on_every_reference_case) {
  for_each_case("qz", []<class S, linalg::SchurOutput Output>(const Case& c) { check_qz_case<S, Output>(c); });
}

BOOST_AUTO_TEST_CASE(ordqz_matches_scipy_on_every_reference_case) {
  for_each_case("ordqz", []<class S, linalg::SchurOutput Output>(const Case& c) { check_ordqz_case<S, Output>(c); });
}

BOOST_AUTO_TEST_CASE(docstring_examples) {
  const Matrix a{{1, 2, -1}, {5, 5, 5}, {2, 4, -8}};
  const Matrix b{{1, 1, -3}, {3, 1, -1}, {5, 6, -2}};
  const auto [aa, bb, q, z] = linalg::qz(a, b);
  check_pencil_factors<double>(a, b, aa, bb, q, z);
  const auto c = linalg::qz<linalg::SchurOutput::complex>(a, b);
  BOOST_TEST(testing::is_upper_triangular<Complex>(c.aa));

  const Matrix d{{-1, 0, 0}, {0, 2, 0}, {0, 0, -3}};
  const auto r = linalg::ordqz(d, Matrix::Identity(3, 3), {.sort = linalg::SortRegion::rhp});
  BOOST_TEST(std::abs(r.alpha(0) / r.beta(0) - 2.0) <= 10 * eps<double>());
  BOOST_TEST(r.alpha(1).real() / r.beta(1) < 0);
  // The default sort is 'lhp', as SciPy's.
  const auto l = linalg::ordqz(d, Matrix::Identity(3, 3));
  BOOST_TEST(l.alpha(0).real() / l.beta(0) < 0);
  BOOST_TEST(l.alpha(1).real() / l.beta(1) < 0);
  BOOST_TEST(std::abs(l.alpha(2) / l.beta(2) - 2.0) <= 10 * eps<double>());
}

BOOST_AUTO_TEST_CASE(complex_output_is_qz_of_the_complex_input) {
  std::srand(29);
  const MatrixT<float> a = MatrixT<float>::Random(5, 5);
  const MatrixT<float> b = MatrixT<float>::Random(5, 5);
  using C = std::complex<float>;
  const auto x = linalg::qz<linalg::SchurOutput::complex>(a, b);
  const auto y = linalg::qz(MatrixT<C>(a.cast<C>()), MatrixT<C>(b.cast<C>()));
  BOOST_TEST((x.aa == y.aa));
  BOOST_TEST((x.z == y.z));
  // Complex input ignores the output argument, as SciPy.
  const auto w = linalg::qz<linalg::SchurOutput::complex>(MatrixT<C>(a.cast<C>()), MatrixT<C>(b.cast<C>()));
  BOOST_TEST((w.bb == y.bb));
}

BOOST_AUTO_TEST_CASE(large_random_pencils_have_small_backward_error) {
  std::srand(31);
  const Index n = 150;
  const Matrix a = Matrix::Random(n, n);
  const Matrix b = Matrix::Random(n, n);
  const auto r = linalg::ordqz(a, b, {.sort = linalg::SortRegion::ouc});
  check_pencil_factors<double>(a, b, r.aa, r.bb, r.q, r.z);
  Index selected = 0;
  while (selected < n && std::abs(r.alpha(selected) / r.beta(selected)) > 1) ++selected;
  BOOST_TEST(selected > 0);
  for (Index j = selected; j < n; ++j) BOOST_TEST(std::abs(r.alpha(j) / r.beta(j)) <= 1.0);
}

BOOST_AUTO_TEST_CASE(a_user_predicate_sees_alpha_and_beta_and_may_throw) {
  const MatrixT<float> a{{1, 0, 0}, {0, 4, 0}, {0, 0, 9}};
  const MatrixT<float> b{{1, 0, 0}, {0, 2, 0}, {0, 0, 3}};
  std::vector<Pair> seen;
  const auto r = linalg::ordqz(a, b, {.sort = [&](Complex alpha, Complex beta) {
                                 seen.push_back({alpha, beta});
                                 return (alpha / beta).real() > 2.5;  // the eigenvalue 3
                               }});
  BOOST_TEST(seen.size() == 3u);  // once per eigenvalue
  BOOST_TEST(std::abs(r.alpha(0) / r.beta(0) - 3.0f) <= 10 * eps<float>());
  BOOST_TEST(message_of<std::runtime_error>([&] {
               (void)linalg::ordqz(a, b, {.sort = [](Complex, Complex) -> bool { throw std::runtime_error("no"); }});
             }) == "no");
}

BOOST_AUTO_TEST_CASE(inputs_are_not_modified) {
  std::srand(37);
  const MatrixT<Complex> a0 = MatrixT<Complex>::Random(4, 4);
  const MatrixT<Complex> b0 = MatrixT<Complex>::Random(4, 4);
  MatrixT<Complex> a = a0;
  MatrixT<Complex> b = b0;
  (void)linalg::qz(a, b);
  (void)linalg::ordqz(a, b, {.sort = linalg::SortRegion::iuc});
  BOOST_TEST((a == a0));
  BOOST_TEST((b == b0));
}

BOOST_AUTO_TEST_CASE(empty_pencils_give_empty_results) {
  // SciPy 1.17.1 fails inside its LAPACK wrapper (lwork = 0) here; empty
  // results follow schur() and hessenberg().
  const auto r = linalg::qz(Matrix(0, 0), Matrix(0, 0));
  BOOST_TEST(r.aa.size() + r.bb.size() + r.q.size() + r.z.size() == 0);
  const auto o = linalg::ordqz<linalg::SchurOutput::complex>(MatrixT<float>(0, 0), MatrixT<float>(0, 0));
  BOOST_TEST(o.aa.size() + o.bb.size() + o.q.size() + o.z.size() + o.alpha.size() + o.beta.size() == 0);
}

BOOST_AUTO_TEST_CASE(bad_shapes_and_non_finite_input_are_value_errors) {
  BOOST_TEST(message_of<ValueError>([] { (void)linalg::qz(Matrix::Ones(2, 3), Matrix::Ones(2, 3)); }) ==
             "qz: a is 2x3, expected a square matrix");
  BOOST_TEST(message_of<ValueError>([] { (void)linalg::qz(Matrix::Ones(2, 2), Matrix::Ones(2, 1)); }) ==
             "qz: b is 2x1, expected a square matrix");
  BOOST_TEST(message_of<ValueError>([] { (void)linalg::ordqz(Matrix::Ones(2, 2), Matrix::Ones(3, 3)); }) ==
             "ordqz: a is 2x2 but b is 3x3, expected the same order");
  Matrix b = Matrix::Identity(3, 3);
  b(0, 2) = -std::numeric_limits<double>::infinity();
  BOOST_TEST(message_of<ValueError>([&] { (void)linalg::qz(Matrix::Identity(3, 3), b); }) ==
             "qz: b must contain only finite values, but entry (0, 2) is -inf");
  BOOST_CHECK_THROW(linalg::ordqz(Matrix::Identity(3, 3), b), ValueError);
  BOOST_CHECK_NO_THROW(linalg::qz(Matrix::Identity(3, 3), Matrix::Identity(3, 3), {.check_finite = false}));
}

BOOST_AUTO_TEST_SUITE_END()

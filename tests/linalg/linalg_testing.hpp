#pragma once
// What the linalg suites share: reading the SciPy fixtures of tests/reference/
// linalg_*.py (real arrays as NAME.npy, complex ones as NAME_re.npy and
// NAME_im.npy in float64, manifests as CSV) and LAPACK's residual test ratio.

#include <Eigen/SVD>
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <limits>
#include <scilearn/core/io.hpp>
#include <scilearn/core/types.hpp>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

#include "support/fixtures.hpp"

namespace scilearn::testing {

/// Calls f(std::type_identity<S>{}) with S the scalar type that a manifest's
/// dtype code names, as NumPy's type characters: 'f' float, 'd' double,
/// 'c' std::complex<float>, 'z' std::complex<double> (NumPy's 'F' and 'D').
template <class F>
void with_scalar(char code, F&& f) {
  switch (code) {
    case 'f': f(std::type_identity<float>{}); break;
    case 'd': f(std::type_identity<double>{}); break;
    case 'c': f(std::type_identity<std::complex<float>>{}); break;
    case 'z': f(std::type_identity<std::complex<double>>{}); break;
    default: BOOST_FAIL("unknown dtype code '" << code << "' in a manifest");
  }
}

/// The rows of the manifest tests/data/<relative> whose second column (the
/// reference scripts' `kind`) is `kind`. Requires each to have `columns` cells
/// and at least `at_least` of them, so that a stale manifest fails loudly.
inline std::vector<std::vector<std::string>> read_manifest_kind(const std::string& relative, const std::string& kind,
                                                                std::size_t columns, std::size_t at_least) {
  std::vector<std::vector<std::string>> rows;
  for (auto& cells : read_manifest(relative)) {
    BOOST_TEST_REQUIRE(cells.size() == columns);
    if (cells[1] == kind) rows.push_back(std::move(cells));
  }
  BOOST_TEST_REQUIRE(rows.size() >= at_least);
  return rows;
}

/// True when the fixture dir/name is stored complex (as _re / _im files).
inline bool is_complex_fixture(const std::string& dir, const std::string& name) {
  return !std::filesystem::exists(fixture_path(dir) / (name + ".npy"));
}

/// The fixture dir/name as a matrix of S (a 1-D array becomes a column).
template <class S>
MatrixT<S> load_fixture(const std::string& dir, const std::string& name) {
  if constexpr (Eigen::NumTraits<S>::IsComplex) {
    const Matrix re = io::load_npy<double>(fixture_path(dir + "/" + name + "_re.npy"));
    const Matrix im = io::load_npy<double>(fixture_path(dir + "/" + name + "_im.npy"));
    using R = typename S::value_type;
    MatrixT<S> out(re.rows(), re.cols());
    for (Index k = 0; k < re.size(); ++k) out.data()[k] = S(static_cast<R>(re.data()[k]), static_cast<R>(im.data()[k]));
    return out;
  } else {
    return io::load_npy<double>(fixture_path(dir + "/" + name + ".npy")).cast<S>();
  }
}

/// The fixture dir/name (indices saved as float64, 1-D) as 0-based indices.
inline IndexVector load_index_fixture(const std::string& dir, const std::string& name) {
  return load_fixture<double>(dir, name).col(0).cast<int>();
}

/// True when the fixture was saved 1-D (a vector), false when 2-D.
inline bool is_vector_fixture(const std::string& dir, const std::string& name) {
  const std::string file = name + (is_complex_fixture(dir, name) ? "_re.npy" : ".npy");
  return io::npy_info(fixture_path(dir + "/" + file)).shape.size() == 1;
}

/// The corruption the reference scripts apply before calling SciPy with
/// sym / her / pos: the triangle that must not be read is overwritten with
/// 1e3 (1e3 + 1e3i for complex), a value that would change any answer.
template <class S>
MatrixT<S> corrupt_ignored_triangle(MatrixT<S> a, bool lower) {
  S ignored(1e3);
  if constexpr (Eigen::NumTraits<S>::IsComplex) ignored = S(1e3, 1e3);
  for (Index j = 0; j < a.cols(); ++j)
    for (Index i = 0; i < a.rows(); ++i)
      if (lower ? i < j : i > j) a(i, j) = ignored;
  return a;
}

/// The real type of S.
template <class S>
using Real = typename Eigen::NumTraits<S>::Real;

/// S with its real type widened to double: float -> double,
/// std::complex<float> -> std::complex<double>.
template <class S>
using Wide = std::conditional_t<Eigen::NumTraits<S>::IsComplex, std::complex<double>, double>;

/// m in double precision. Tests verify in double: residuals are then exact
/// enough to judge a float result, and Eigen 3.4.0's std::complex<float>
/// kernels (LU, Hessenberg) are avoided: their SSE code loads a 4-byte aligned
/// complex<float> scalar as a double, a misaligned load that UBSan reports.
template <class S>
MatrixT<Wide<S>> widen(const MatrixT<S>& m) {
  return m.template cast<Wide<S>>();
}

/// Machine epsilon of S's real type.
template <class S>
double eps() {
  return std::numeric_limits<Real<S>>::epsilon();
}

/// The 1-norm (largest column sum), 0 for an empty matrix.
template <class S>
double norm1(const MatrixT<S>& m) {
  return m.size() == 0 ? 0.0 : static_cast<double>(m.cwiseAbs().colwise().sum().maxCoeff());
}

/// LAPACK's test ratio for a factorization (xGET01, xPOT01):
/// ||a - product||_1 / (max(m, n) eps ||a||_1), O(1) for a backward-stable one.
template <class S>
double factorization_ratio(const MatrixT<S>& a, const MatrixT<S>& product) {
  return norm1<S>(a - product) / (static_cast<double>(std::max(a.rows(), a.cols())) * eps<S>() * norm1<S>(a));
}

/// Largest entry of x - ref, relative to ref's largest entry (at least 1).
template <class S>
double max_rel_diff(const MatrixT<S>& x, const MatrixT<S>& ref) {
  return static_cast<double>((x - ref).cwiseAbs().maxCoeff()) /
         std::max(1.0, static_cast<double>(ref.cwiseAbs().maxCoeff()));
}

/// The singular values of a, descending, computed in double by Eigen (a
/// reference independent of the LAPACK under test).
template <class S>
Vector singular_values_in_double(const MatrixT<S>& a) {
  return Eigen::JacobiSVD<MatrixT<Wide<S>>>(widen(a)).singularValues();
}

/// The 2-norm condition number of a (rectangular allowed), computed in double;
/// infinite for a rank-deficient one.
template <class S>
double cond2(const MatrixT<S>& a) {
  if (a.size() == 0) return 1.0;
  const Vector s = singular_values_in_double<S>(a);
  return s(s.size() - 1) == 0.0 ? std::numeric_limits<double>::infinity() : s(0) / s(s.size() - 1);
}

/// The numerical rank of a: singular values above max(m, n) eps(S) s_max
/// (NumPy's matrix_rank rule), computed in double.
template <class S>
Index numerical_rank(const MatrixT<S>& a) {
  if (a.size() == 0) return 0;
  const Vector s = singular_values_in_double<S>(a);
  const double cutoff = static_cast<double>(std::max(a.rows(), a.cols())) * eps<S>() * s(0);
  return (s.array() > cutoff).count();
}

/// Tolerance for a factor of a (LU, Cholesky, LDL) compared entry by entry
/// with SciPy's, in max_rel_diff's units. Both are backward stable (O(n eps)
/// backward error), but a factor's forward error is that times cond(a)
/// (Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., Thm 9.15
/// for LU, Thm 10.8 for Cholesky): two BLAS kernels that round differently
/// give factors that differ that much. For an ill-conditioned a the entries
/// say little and the backward-error ratio (factorization_ratio) is the test.
template <class S>
double factor_tolerance(const MatrixT<S>& a) {
  return 100.0 * static_cast<double>(std::max(a.rows(), a.cols())) * eps<S>() * std::max(1.0, cond2<S>(a));
}

/// LAPACK's test ratio for a solve: ||b - op_a x||_1 / (||op_a||_1 ||x||_1 n eps).
/// Backward stability makes it O(1); LAPACK's own test suite accepts < 30.
template <class S>
double residual_ratio(const MatrixT<S>& op_a, const MatrixT<S>& x, const MatrixT<S>& b) {
  return norm1<S>(b - op_a * x) / (norm1<S>(op_a) * norm1<S>(x) * static_cast<double>(op_a.rows()) * eps<S>());
}

}  // namespace scilearn::testing

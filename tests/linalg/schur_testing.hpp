#pragma once
// What the Schur and QZ suites share: checks of the properties that define a
// (generalized) Schur form, since the forms themselves are not unique, and
// the comparison of spectra as multisets.

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <complex>
#include <filesystem>
#include <limits>
#include <scilearn/core/types.hpp>
#include <string>
#include <vector>

#include "linalg_testing.hpp"

namespace scilearn::testing {

using Complex = std::complex<double>;

/// Where tests/reference/linalg_schur.py writes its fixtures.
inline const std::string kSchurDir = "linalg/schur";

/// One row of tests/data/linalg/schur/cases.csv.
struct SchurCase {
  std::string name;
  char dtype;
  char output;  ///< 'r' real, 'c' complex
  std::string sort;
  Index sdim;
  Index n;
  double eig_tol;  ///< 0: the suite's default tolerance
};

/// The cases of one kind (schur, rsf2csf, hessenberg, qz, ordqz); at least 3.
inline std::vector<SchurCase> read_schur_cases(const std::string& kind) {
  std::vector<SchurCase> cases;
  for (const auto& f : read_manifest(kSchurDir + "/cases.csv")) {
    BOOST_TEST_REQUIRE(f.size() == 8u);
    if (f[1] == kind)
      cases.push_back({f[0], f[2][0], f[3][0], f[4], std::stoi(f[5]), std::stoi(f[6]), std::stod(f[7])});
  }
  BOOST_TEST_REQUIRE(cases.size() >= 3u);
  return cases;
}

/// The fixture <name> of linalg/schur as a matrix of S.
template <class S>
MatrixT<S> load_schur_fixture(const std::string& name) {
  return load_fixture<S>(kSchurDir, name);
}

/// Whether linalg/schur has the fixture <name> (real or complex).
inline bool has_schur_fixture(const std::string& name) {
  return std::filesystem::exists(fixture_path(kSchurDir) / (name + ".npy")) ||
         std::filesystem::exists(fixture_path(kSchurDir) / (name + "_re.npy"));
}

/// LAPACK's orthogonality test ratio (xORT01 / xUNT01): ||q^H q - I||_1 / (n eps),
/// O(1) for a product of Householder reflections or Givens rotations.
template <class S>
double orthogonality_ratio(const MatrixT<S>& q) {
  const Index n = q.cols();
  if (n == 0) return 0.0;
  const MatrixT<S> defect = q.adjoint() * q - MatrixT<S>::Identity(n, n);
  return norm1<S>(defect) / (static_cast<double>(n) * eps<S>());
}

/// Whether t is in Schur form as LAPACK returns it: complex, upper triangular
/// (exact zeros below the diagonal); real, quasi upper triangular, exact
/// zeros below the first subdiagonal, no two consecutive non-zero
/// subdiagonal entries, and each 2 x 2 block standardized (equal diagonal
/// entries, off-diagonal entries of opposite signs: a complex pair).
template <class S>
bool is_schur_form(const MatrixT<S>& t) {
  const Index n = t.rows();
  for (Index j = 0; j < n; ++j)
    for (Index i = j + (Eigen::NumTraits<S>::IsComplex ? 1 : 2); i < n; ++i)
      if (t(i, j) != S(0)) return false;
  if constexpr (!Eigen::NumTraits<S>::IsComplex) {
    for (Index i = 0; i + 1 < n; ++i) {
      if (t(i + 1, i) == S(0)) continue;
      if (i + 2 < n && t(i + 2, i + 1) != S(0)) return false;
      if (t(i, i) != t(i + 1, i + 1) || t(i, i + 1) * t(i + 1, i) >= 0) return false;
    }
  }
  return true;
}

/// Upper triangular: exact zeros below the diagonal.
template <class S>
bool is_upper_triangular(const MatrixT<S>& t) {
  for (Index j = 0; j < t.cols(); ++j)
    for (Index i = j + 1; i < t.rows(); ++i)
      if (t(i, j) != S(0)) return false;
  return true;
}

/// The eigenvalues of the 2 x 2 matrix m, both roots of its characteristic polynomial.
inline std::vector<Complex> eigenvalues_2x2(Complex a, Complex b, Complex c, Complex d) {
  const Complex mid = (a + d) / 2.0;
  const Complex delta = std::sqrt((a - d) * (a - d) / 4.0 + b * c);
  return {mid + delta, mid - delta};
}

/// The eigenvalues on t's diagonal (and of its 2 x 2 blocks), in t's order.
template <class S>
std::vector<Complex> schur_eigenvalues(const MatrixT<S>& t) {
  std::vector<Complex> w;
  const Index n = t.rows();
  for (Index i = 0; i < n; ++i) {
    if (i + 1 < n && t(i + 1, i) != S(0)) {
      for (Complex v :
           eigenvalues_2x2(Complex(t(i, i)), Complex(t(i, i + 1)), Complex(t(i + 1, i)), Complex(t(i + 1, i + 1))))
        w.push_back(v);
      ++i;
    } else {
      w.emplace_back(t(i, i));
    }
  }
  return w;
}

/// A fixture of eigenvalues (stored complex) as a list.
inline std::vector<Complex> load_eigenvalues(const std::string& dir, const std::string& name) {
  const MatrixT<Complex> w = load_fixture<Complex>(dir, name);
  return {w.data(), w.data() + w.size()};
}

/// Whether ours and ref are the same multiset up to tol: each of ref's values
/// is matched to a distinct value of ours at distance <= tol (greedy, nearest first).
template <class Distance>
bool same_spectrum(std::vector<Complex> ours, const std::vector<Complex>& ref, double tol, Distance distance) {
  if (ours.size() != ref.size()) return false;
  for (const Complex& r : ref) {
    auto best = std::min_element(ours.begin(), ours.end(),
                                 [&](const Complex& x, const Complex& y) { return distance(x, r) < distance(y, r); });
    if (distance(*best, r) > tol) return false;
    ours.erase(best);
  }
  return true;
}

inline bool same_spectrum(const std::vector<Complex>& ours, const std::vector<Complex>& ref, double tol) {
  return same_spectrum(ours, ref, tol, [](Complex x, Complex y) { return std::abs(x - y); });
}

}  // namespace scilearn::testing

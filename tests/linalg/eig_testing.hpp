#pragma once
// What the eigenvalue suites (eigh_test.cpp, eig_test.cpp, eig_banded_test.cpp)
// share: the manifest of tests/reference/linalg_eig.py and the test ratios
// of LAPACK's own eigenvalue tests.

#include <string>
#include <vector>

#include "linalg_testing.hpp"

namespace scilearn::testing {

inline const std::string kEigDir = "linalg/eig";

/// One row of tests/data/linalg/eig/cases.csv (see the script's docstring).
struct EigCase {
  std::string name;
  char dtype;
  bool lower;
  std::string driver;  // "" for SciPy's default
  int type;
  char select;  // 'a', 'i' (by index), 'v' (by value)
  double lo;
  double hi;
  Index error;
  double scale;  // the norm that bounds the eigenvalue error
};

/// The cases of one kind; at least `minimum` of them, so a broken script cannot
/// leave a suite testing nothing.
inline std::vector<EigCase> read_eig_cases(const std::string& kind, std::size_t minimum) {
  std::vector<EigCase> cases;
  for (const auto& f : read_manifest(kEigDir + "/cases.csv")) {
    BOOST_TEST_REQUIRE(f.size() == 11u);
    if (f[1] != kind) continue;
    cases.push_back({f[0], f[2][0], f[3] == "1", f[4], std::stoi(f[5]), f[6][0], std::stod(f[7]), std::stod(f[8]),
                     std::stoi(f[9]), std::stod(f[10])});
  }
  BOOST_TEST_REQUIRE(cases.size() >= minimum);
  return cases;
}

/// The fixture <case>_<suffix> as a matrix of S.
template <class S>
MatrixT<S> load_eig(const EigCase& c, const std::string& suffix) {
  return load_fixture<S>(kEigDir, c.name + "_" + suffix);
}

/// Largest eigenvalue difference to SciPy's, in units of n eps scale. Weyl's
/// theorem bounds a Hermitian eigenvalue's change by the 2-norm of the
/// perturbation, and both LAPACKs are backward stable (perturbation of order
/// n eps ||a||_2), so the ratio is O(1); LAPACK's own tests accept 30.
template <class R>
double eigenvalue_ratio(const VectorT<R>& w, const Matrix& w_ref, double scale, Index n) {
  if (w.size() != w_ref.size()) {
    BOOST_ERROR("eigenvalue count " << w.size() << ", SciPy's " << w_ref.size());
    return 1e300;
  }
  if (w.size() == 0) return 0.0;
  const double diff = (w.template cast<double>() - w_ref.col(0)).cwiseAbs().maxCoeff();
  return diff / (static_cast<double>(n) * eps<R>() * scale);
}

/// LAPACK's xSYT22 ratio for m eigenpairs of a Hermitian a:
/// ||a v - v diag(w)||_1 / (n eps ||a||_1) (v has unit columns).
template <class S>
double eigenpair_ratio(const MatrixT<S>& a, const MatrixT<S>& v, const VectorT<Real<S>>& w) {
  const MatrixT<S> r = a * v - v * w.template cast<S>().asDiagonal();
  return norm1<S>(r) / (static_cast<double>(a.rows()) * eps<S>() * norm1<S>(a));
}

/// ||v^H m v - I||_1 / (n eps scale): 0 up to rounding when v is m-orthonormal
/// (m = I for a standard problem, b for a generalized one; scale bounds the
/// rounding: 1 for I, ||b|| ||v||^2 for b).
template <class S>
double orthonormality_ratio(const MatrixT<S>& v, const MatrixT<S>& m, double scale) {
  const MatrixT<S> g = v.adjoint() * m * v - MatrixT<S>::Identity(v.cols(), v.cols());
  return norm1<S>(g) / (static_cast<double>(std::max<Index>(v.rows(), 1)) * eps<S>() * scale);
}

}  // namespace scilearn::testing

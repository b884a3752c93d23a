#pragma once
// What the SVD-based suites share (svd, norm, pinv, subspaces): the cases of
// tests/reference/linalg_svd.py (tests/data/linalg/svd/cases.csv) and the
// orthonormality test ratio.

#include <string>
#include <vector>

#include "linalg_testing.hpp"

namespace scilearn::testing {

inline constexpr const char* kSvdDir = "linalg/svd";

/// One row of cases.csv: a matrix and SciPy's / NumPy's scalar results on it.
struct SvdCase {
  std::string name;
  char dtype = 'd';
  Index m = 0;
  Index n = 0;
  std::string kind;
  Index rank = 0;
  /// norm(a, ord) for ord = None, 'nuc', 1, -1, 2, -2, inf, -inf.
  std::vector<double> norms;
  /// cond(a, p) for p = None, -2, then (square, full rank; else 0) 1, 'fro',
  /// inf, 'nuc', -1, -inf.
  std::vector<double> conds;
  Index null_cols = 0;
  Index orth_cols = 0;
  double procrustes_scale = 0;
};

inline std::vector<SvdCase> read_svd_cases() {
  std::vector<SvdCase> cases;
  for (const auto& f : read_manifest(std::string(kSvdDir) + "/cases.csv")) {
    SvdCase c;
    c.name = f[0];
    c.dtype = f[1][0];
    c.m = std::stol(f[2]);
    c.n = std::stol(f[3]);
    c.kind = f[4];
    c.rank = std::stol(f[5]);
    for (int i = 0; i < 8; ++i) c.norms.push_back(std::stod(f[6 + i]));
    for (int i = 0; i < 8; ++i) c.conds.push_back(std::stod(f[14 + i]));
    c.null_cols = std::stol(f[22]);
    c.orth_cols = std::stol(f[23]);
    c.procrustes_scale = std::stod(f[24]);
    cases.push_back(std::move(c));
  }
  return cases;
}

/// Calls f(case, std::type_identity<S>{}) for every case, S its scalar type,
/// inside a Boost.Test context naming the case; requires the 34 cases the
/// script writes (a missing fixture directory must not pass silently).
template <class F>
void for_each_svd_case(F&& f) {
  const auto cases = read_svd_cases();
  BOOST_TEST_REQUIRE(cases.size() == 34u);
  for (const SvdCase& c : cases) {
    BOOST_TEST_CONTEXT("case " << c.name) {
      with_scalar(c.dtype, [&](auto scalar) { f(c, scalar); });
    }
  }
}

/// LAPACK's orthonormality test ratio (xORT01): ||q^H q - I||_1 / (rows eps)
/// for the columns of q; O(1) for a matrix from a backward-stable
/// orthogonalization (LAPACK's own tests accept < 30).
template <class S>
double orthonormality_ratio(const MatrixT<S>& q) {
  const MatrixT<S> gram = q.adjoint() * q - MatrixT<S>::Identity(q.cols(), q.cols());
  return norm1<S>(gram) / (static_cast<double>(std::max<Index>(1, q.rows())) * eps<S>());
}

/// The projector q q^H onto the span of q's columns: unique where q is not.
template <class S>
MatrixT<S> projector(const MatrixT<S>& q) {
  return q * q.adjoint();
}

}  // namespace scilearn::testing

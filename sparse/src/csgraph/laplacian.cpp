// The graph Laplacian, as SciPy's _laplacian_sparse / _laplacian_dense.
#include <cmath>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/sparse/csgraph.hpp>
#include <vector>

#include "csgraph/graph.hpp"

namespace scilearn::sparse::csgraph {

namespace {

// SciPy's degrees w (sums over axis 0, or axis 1 with use_out_degree, minus
// the diagonal) turned into the returned diag: w, or sqrt(w) with 1 where
// w == 0 when normed. isolated[i] is w_i == 0.
Vector scale(Vector w, bool normed, std::vector<char>& isolated) {
  isolated.assign(static_cast<std::size_t>(w.size()), 0);
  if (!normed) return w;
  for (Index i = 0; i < w.size(); ++i) {
    isolated[static_cast<std::size_t>(i)] = w(i) == 0;
    w(i) = w(i) == 0 ? 1.0 : std::sqrt(w(i));
  }
  return w;
}

}  // namespace

LaplacianResult laplacian(const CsrMatrix& csgraph, const LaplacianOptions& options) {
  detail::check_square("laplacian", csgraph);
  detail::check_weights("laplacian", detail::Csr(csgraph), true);
  CsrMatrix m = csgraph;
  if (options.symmetrized) m = CsrMatrix(csgraph + CsrMatrix(csgraph.transpose()));
  const Index n = m.rows();
  Vector w = Vector::Zero(n);
  for (Index i = 0; i < n; ++i) {
    for (CsrMatrix::InnerIterator it(m, i); it; ++it) {
      if (it.col() != i) w(options.use_out_degree ? i : it.col()) += it.value();
    }
  }
  std::vector<char> isolated;
  LaplacianResult result;
  result.diag = scale(w, options.normed, isolated);
  std::vector<Triplet> t;
  t.reserve(static_cast<std::size_t>(m.nonZeros() + n));
  for (Index i = 0; i < n; ++i) {
    for (CsrMatrix::InnerIterator it(m, i); it; ++it) {
      if (it.col() == i) continue;
      const double v = options.normed ? -(it.value() / result.diag(i) / result.diag(it.col())) : -it.value();
      t.emplace_back(static_cast<int>(i), static_cast<int>(it.col()), v);
    }
    const double d = options.normed ? (isolated[static_cast<std::size_t>(i)] ? 0.0 : 1.0) : w(i);
    t.emplace_back(static_cast<int>(i), static_cast<int>(i), d);
  }
  result.laplacian.resize(n, n);
  result.laplacian.setFromTriplets(t.begin(), t.end());
  return result;
}

DenseLaplacianResult laplacian(const Eigen::Ref<const Matrix>& csgraph, const LaplacianOptions& options) {
  detail::check_square("laplacian", csgraph);
  if (csgraph.hasNaN()) throw ValueError("laplacian: the graph holds NaN");
  Matrix m = csgraph;
  if (options.symmetrized) m += csgraph.transpose();
  m.diagonal().setZero();
  const Vector w = options.use_out_degree ? Vector(m.rowwise().sum()) : Vector(m.colwise().sum().transpose());
  std::vector<char> isolated;
  DenseLaplacianResult result;
  result.diag = scale(w, options.normed, isolated);
  if (options.normed) {
    for (Index j = 0; j < m.cols(); ++j) {
      for (Index i = 0; i < m.rows(); ++i) m(i, j) = -(m(i, j) / result.diag(j) / result.diag(i));
    }
    for (Index i = 0; i < m.rows(); ++i) m(i, i) = isolated[static_cast<std::size_t>(i)] ? 0.0 : 1.0;
  } else {
    m = -m;
    m.diagonal() = w;
  }
  result.laplacian = std::move(m);
  return result;
}

}  // namespace scilearn::sparse::csgraph

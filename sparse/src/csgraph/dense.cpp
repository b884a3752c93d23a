// Dense graphs: SciPy's csgraph_from_dense / csgraph_to_dense, and the dense
// overloads, which convert with SciPy's rule (0, inf and NaN are non-edges)
// and call the sparse algorithm.
#include <algorithm>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/sparse/csgraph.hpp>
#include <vector>

#include "csgraph/graph.hpp"

namespace scilearn::sparse::csgraph {

CsrMatrix csgraph_from_dense(const Eigen::Ref<const Matrix>& graph, double null_value, bool nan_null,
                             bool infinity_null) {
  detail::check_square("csgraph_from_dense", graph);
  const int n = static_cast<int>(graph.rows());
  std::vector<int> indptr(static_cast<std::size_t>(n) + 1, 0), indices;
  std::vector<double> data;
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j) {
      const double w = graph(i, j);
      const bool null = w == null_value || (nan_null && std::isnan(w)) || (infinity_null && std::isinf(w));
      if (!null) {
        if (indices.size() >= static_cast<std::size_t>(std::numeric_limits<int>::max())) {
          throw ValueError("csgraph_from_dense: more than 2^31 - 1 edges do not fit 32-bit indices");
        }
        indices.push_back(j);
        data.push_back(w);
      }
    }
    indptr[static_cast<std::size_t>(i) + 1] = static_cast<int>(indices.size());
  }
  return detail::make_csr(n, n, indptr, indices, data);
}

Matrix csgraph_to_dense(const CsrMatrix& csgraph, double null_value) {
  detail::check_square("csgraph_to_dense", csgraph);
  const detail::Csr g(csgraph);
  Matrix dense = Matrix::Constant(g.rows, g.rows, null_value);
  // Two stored entries at one position (possible in a Map): the smaller wins, as SciPy's.
  std::vector<char> seen(static_cast<std::size_t>(g.rows), 0);
  for (int i = 0; i < g.rows; ++i) {
    for (int e = g.begin(i); e < g.end(i); ++e) {
      const int j = g.indices[e];
      dense(i, j) = seen[j] ? std::min(dense(i, j), g.data[e]) : g.data[e];
      seen[j] = 1;
    }
    for (int e = g.begin(i); e < g.end(i); ++e) seen[g.indices[e]] = 0;
  }
  return dense;
}

ConnectedComponentsResult connected_components(const Eigen::Ref<const Matrix>& csgraph, bool directed,
                                               Connection connection) {
  return connected_components(csgraph_from_dense(csgraph), directed, connection);
}

ShortestPathResult shortest_path(const Eigen::Ref<const Matrix>& csgraph, const ShortestPathOptions& options) {
  return shortest_path(csgraph_from_dense(csgraph), options);
}

TraversalResult breadth_first_order(const Eigen::Ref<const Matrix>& csgraph, Index i_start, bool directed) {
  return breadth_first_order(csgraph_from_dense(csgraph), i_start, directed);
}

TraversalResult depth_first_order(const Eigen::Ref<const Matrix>& csgraph, Index i_start, bool directed) {
  return depth_first_order(csgraph_from_dense(csgraph), i_start, directed);
}

CsrMatrix minimum_spanning_tree(const Eigen::Ref<const Matrix>& csgraph) {
  return minimum_spanning_tree(csgraph_from_dense(csgraph));
}

}  // namespace scilearn::sparse::csgraph

#pragma once
/// \file
/// Graph algorithms on sparse matrices, as scipy.sparse.csgraph (SciPy 1.17):
/// connected components, shortest paths (Dijkstra, Bellman-Ford, Johnson,
/// Floyd-Warshall), breadth- and depth-first traversal, minimum spanning tree,
/// graph Laplacian, reverse Cuthill-McKee ordering, maximum bipartite
/// matching and maximum flow.
///
/// A graph with N nodes is an N x N CsrMatrix (a CscMatrix converts
/// implicitly): entry (i, j) is an edge from i to j with that weight. As in
/// SciPy, every *stored* entry is an edge, explicit zeros included (an edge of
/// weight 0); for shortest paths a stored +inf is no edge. Dense overloads
/// follow SciPy's rule for dense input: 0, +inf and NaN are non-edges
/// (csgraph_from_dense). With `directed = false`, an edge may be walked both
/// ways (i -> j along G(i, j) or G(j, i); the lighter one counts).
///
/// Predecessor arrays use SciPy's -9999 (`NULL_IDX`) for "none"; unreachable
/// distances are +inf. Weights are never modified.
///
///     sparse::CsrMatrix g = ...;                       // 10^5 nodes, 10^6 edges
///     auto r = csgraph::dijkstra(g, {.indices = std::vector<Index>{0, 7},
///                                    .return_predecessors = true});
///     // r.dist_matrix: 2 x N; r.predecessors(0, j): the node before j on 0 -> j
///
/// Differences from SciPy (all documented at the function): dijkstra throws
/// ValueError on negative weights (SciPy 1.17 warns and may return wrong
/// distances); NaN weights throw ValueError wherever weights are read;
/// maximum_flow rejects negative capacities; negative source indices are not
/// wrapped around. Sources are processed one after the other (no threads).

#include <cstdint>
#include <limits>
#include <optional>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/types.hpp>
#include <scilearn/sparse/types.hpp>
#include <vector>

namespace scilearn::sparse::csgraph {

/// SciPy's marker for "no predecessor" (the source itself, an unreachable node).
inline constexpr int NULL_IDX = -9999;

/// A shortest-path problem with a cycle of negative total weight
/// (scipy.sparse.csgraph.NegativeCycleError). A ValueError, so a
/// `catch (const ValueError&)` takes it too.
class NegativeCycleError : public ValueError {
 public:
  /// \param message names the function and a node on (or reached from) the cycle.
  explicit NegativeCycleError(const std::string& message) : ValueError(message) {}
};

// ---------------------------------------------------------------------------
// Conversion

/// The graph of a dense matrix (scipy.sparse.csgraph.csgraph_from_dense):
/// entries equal to `null_value`, and (when asked) +-inf and NaN, are non-edges;
/// every other entry is a stored edge.
/// Throws: ValueError when `graph` is not square. Complexity: O(N^2).
[[nodiscard]] CsrMatrix csgraph_from_dense(const Eigen::Ref<const Matrix>& graph, double null_value = 0.0,
                                           bool nan_null = true, bool infinity_null = true);

/// The dense form of a graph (scipy.sparse.csgraph.csgraph_to_dense): non-edges
/// become `null_value`; stored entries keep their weight (explicit zeros stay 0).
/// Throws: ValueError when `csgraph` is not square. Complexity: O(N^2 + nnz).
[[nodiscard]] Matrix csgraph_to_dense(const CsrMatrix& csgraph, double null_value = 0.0);

// ---------------------------------------------------------------------------
// Connected components

/// Which kind of connectivity `connected_components` uses on a directed graph.
enum class Connection {
  weak,   ///< i and j are connected by a path ignoring edge directions
  strong  ///< there is a directed path i -> j and one j -> i
};

/// What `connected_components` returns: SciPy's (n_components, labels).
struct ConnectedComponentsResult {
  int n_components = 0;    ///< number of components
  Eigen::VectorXi labels;  ///< labels[i]: the component of node i, in [0, n_components)
};

/// The connected components of a graph (scipy.sparse.csgraph.connected_components).
/// Labels are numbered as SciPy numbers them: weak / undirected components in
/// the order of their smallest node; strong components in the order Pearce's
/// algorithm (Pearce 2005, SciPy's iterative version) completes them.
/// Parameters: directed — false treats every edge as undirected (then
/// `connection` is ignored). Edge weights are not read.
/// Throws: ValueError when the graph is not square. Complexity: O(N + nnz).
[[nodiscard]] ConnectedComponentsResult connected_components(const CsrMatrix& csgraph, bool directed = true,
                                                             Connection connection = Connection::weak);
/// As above, for a dense graph (0, inf and NaN are non-edges).
[[nodiscard]] ConnectedComponentsResult connected_components(const Eigen::Ref<const Matrix>& csgraph,
                                                             bool directed = true,
                                                             Connection connection = Connection::weak);

// ---------------------------------------------------------------------------
// Shortest paths

/// The algorithm of `shortest_path` (SciPy's method strings).
enum class Method {
  automatic,  ///< 'auto': D (J with negative weights) when nnz < N^2 / 4 or indices are given, else FW
  FW,         ///< 'FW': Floyd-Warshall, O(N^3), dense
  D,          ///< 'D': Dijkstra with an indexed heap, O(I (N + nnz) log N)
  BF,         ///< 'BF': Bellman-Ford, O(I N nnz), negative weights allowed
  J           ///< 'J': Johnson (Bellman-Ford potentials, then Dijkstra), negative weights allowed
};

/// Options of `shortest_path` (SciPy's parameters and defaults; `overwrite` has
/// no meaning here: the input is never modified).
struct ShortestPathOptions {
  Method method = Method::automatic;
  bool directed = true;             ///< false: an edge may be walked both ways
  bool return_predecessors = false;
  bool unweighted = false;          ///< count edges instead of summing weights
  std::optional<std::vector<Index>> indices{};  ///< sources; all N nodes when empty (not allowed with FW)
};

/// Options of `bellman_ford`, `johnson` and `floyd_warshall` (SciPy's
/// parameters; floyd_warshall takes no `indices`).
struct PathOptions {
  bool directed = true;
  std::optional<std::vector<Index>> indices{};  ///< sources; all N nodes when empty
  bool return_predecessors = false;
  bool unweighted = false;
};

/// Options of `dijkstra` (SciPy's parameters and defaults).
struct DijkstraOptions {
  bool directed = true;
  std::optional<std::vector<Index>> indices{};  ///< sources; all N nodes when empty
  bool return_predecessors = false;
  bool unweighted = false;
  /// Largest distance computed (>= 0): nodes farther than `limit` get +inf and
  /// NULL_IDX (a node at exactly `limit` is kept, as SciPy's).
  double limit = std::numeric_limits<double>::infinity();
  /// Only the distance from the nearest source (one row), and which source it is.
  bool min_only = false;
};

/// What the shortest-path functions return (SciPy's tuple, named).
struct ShortestPathResult {
  /// dist_matrix(k, j): the length of a shortest path from source k (the k-th
  /// of `indices`, or node k) to node j; +inf when j is unreachable; 0 on the
  /// source. With min_only: one row, the minimum over the sources.
  Matrix dist_matrix;
  /// Same shape: the node before j on that path, NULL_IDX for the source and
  /// unreachable nodes. Empty unless return_predecessors.
  Eigen::MatrixXi predecessors;
  /// With min_only and return_predecessors: sources(j) is the source whose path
  /// reaches j (NULL_IDX if none); empty otherwise.
  Eigen::VectorXi sources;
};

/// Shortest path lengths (scipy.sparse.csgraph.shortest_path); dispatches to
/// the method chosen (see Method for 'auto', which follows SciPy's rule).
/// Throws: ValueError when the graph is not square, holds NaN, a source is
/// outside [0, N), or indices are given with FW; NegativeCycleError when a
/// negative cycle is found (FW, BF, J; an undirected graph with a negative
/// edge has one); ValueError when D is asked for with negative weights.
/// Complexity: that of the method.
[[nodiscard]] ShortestPathResult shortest_path(const CsrMatrix& csgraph, const ShortestPathOptions& options = {});
/// As above, for a dense graph (0, inf and NaN are non-edges).
[[nodiscard]] ShortestPathResult shortest_path(const Eigen::Ref<const Matrix>& csgraph,
                                               const ShortestPathOptions& options = {});

/// Dijkstra's algorithm from each source (scipy.sparse.csgraph.dijkstra), with
/// an indexed 4-ary heap. Ties between equally short paths may pick another
/// (equally short) predecessor than SciPy's Fibonacci heap.
/// Throws: ValueError for a non-square graph, NaN or negative weights (unless
/// unweighted; SciPy 1.17 only warns and may return wrong answers), a source
/// outside [0, N), or limit < 0 / NaN.
/// Complexity: O(I (N + nnz) log N) for I sources; memory O(I N).
[[nodiscard]] ShortestPathResult dijkstra(const CsrMatrix& csgraph, const DijkstraOptions& options = {});

/// The Bellman-Ford algorithm from each source (scipy.sparse.csgraph.bellman_ford),
/// sweeping nodes and edges in SciPy's order; negative weights allowed.
/// Throws: ValueError as dijkstra (negative weights allowed); NegativeCycleError
/// when a negative cycle is reachable from a source (a negative self-loop is one).
/// Complexity: O(I N nnz) worst case, O(I nnz) per sweep until nothing changes.
[[nodiscard]] ShortestPathResult bellman_ford(const CsrMatrix& csgraph, const PathOptions& options = {});

/// Johnson's algorithm (scipy.sparse.csgraph.johnson): Bellman-Ford potentials
/// h from a virtual source, then Dijkstra on the weights w + h(i) - h(j) >= 0;
/// distances are corrected back (so they may differ from Bellman-Ford's in the
/// last bits). Throws: as bellman_ford, NegativeCycleError for any negative
/// cycle in the graph. Complexity: O(N nnz) + I Dijkstra runs.
[[nodiscard]] ShortestPathResult johnson(const CsrMatrix& csgraph, const PathOptions& options = {});

/// The Floyd-Warshall algorithm (scipy.sparse.csgraph.floyd_warshall) on the
/// dense N x N distance matrix; self-loops are ignored (the diagonal starts at
/// 0), as SciPy's. Results equal SciPy's bitwise (same update order).
/// Throws: ValueError for a non-square graph, NaN, or indices given;
/// NegativeCycleError when the diagonal ends negative.
/// Complexity: O(N^3) time, O(N^2) memory.
[[nodiscard]] ShortestPathResult floyd_warshall(const CsrMatrix& csgraph, const PathOptions& options = {});

// ---------------------------------------------------------------------------
// Traversal

/// What `breadth_first_order` / `depth_first_order` return.
struct TraversalResult {
  Eigen::VectorXi node_array;    ///< the nodes reached from i_start, in visiting order (i_start first)
  Eigen::VectorXi predecessors;  ///< N entries: the parent in the search tree, NULL_IDX for i_start and unreached nodes
};

/// Breadth-first order from i_start (scipy.sparse.csgraph.breadth_first_order):
/// neighbors in stored order (undirected: row i of G, then row i of Gᵀ).
/// Edge weights are not read. Throws: ValueError for a non-square graph or
/// i_start outside [0, N). Complexity: O(N + nnz).
[[nodiscard]] TraversalResult breadth_first_order(const CsrMatrix& csgraph, Index i_start, bool directed = true);
/// As above, for a dense graph (0, inf and NaN are non-edges).
[[nodiscard]] TraversalResult breadth_first_order(const Eigen::Ref<const Matrix>& csgraph, Index i_start,
                                                  bool directed = true);

/// Depth-first order from i_start (scipy.sparse.csgraph.depth_first_order):
/// always descends into the first unvisited neighbor in stored order
/// (undirected: row i of G, then row i of Gᵀ). Iterative (no recursion limit).
/// Throws: as breadth_first_order. Complexity: O(N + nnz).
[[nodiscard]] TraversalResult depth_first_order(const CsrMatrix& csgraph, Index i_start, bool directed = true);
/// As above, for a dense graph (0, inf and NaN are non-edges).
[[nodiscard]] TraversalResult depth_first_order(const Eigen::Ref<const Matrix>& csgraph, Index i_start,
                                                bool directed = true);

/// The tree of a predecessor array (scipy.sparse.csgraph.reconstruct_path): the
/// N x N CSR matrix with an entry (p, j) = G(p, j) for every j with parent p.
/// Undirected: the smaller of G(p, j) and G(j, p), where 0 (absent or an
/// explicit zero) counts as +inf, as SciPy's.
/// Throws: ValueError for a non-square graph, NaN, predecessors of another
/// length or a parent outside [0, N) other than NULL_IDX. Complexity: O(N + nnz).
[[nodiscard]] CsrMatrix reconstruct_path(const CsrMatrix& csgraph, const Eigen::Ref<const Eigen::VectorXi>& predecessors,
                                         bool directed = true);

/// The breadth-first search tree from i_start (scipy.sparse.csgraph.breadth_first_tree):
/// reconstruct_path of breadth_first_order's predecessors.
/// Throws: as breadth_first_order, and ValueError for NaN weights. Complexity: O(N + nnz).
[[nodiscard]] CsrMatrix breadth_first_tree(const CsrMatrix& csgraph, Index i_start, bool directed = true);

/// The depth-first search tree from i_start (scipy.sparse.csgraph.depth_first_tree).
/// Throws: as breadth_first_tree. Complexity: O(N + nnz).
[[nodiscard]] CsrMatrix depth_first_tree(const CsrMatrix& csgraph, Index i_start, bool directed = true);

// ---------------------------------------------------------------------------
// Minimum spanning tree

/// A minimum spanning tree (forest, for a disconnected graph) of the undirected
/// graph (scipy.sparse.csgraph.minimum_spanning_tree), by Kruskal's algorithm
/// over the stored entries sorted stably by weight, as SciPy's: each tree edge
/// is kept once, at the position (i, j) where it is stored (of two stored
/// orientations of equal weight, the one stored first); zero-weight edges are
/// dropped from the result, as SciPy's eliminate_zeros does.
/// Throws: ValueError for a non-square graph or NaN weights.
/// Complexity: O(nnz log nnz).
[[nodiscard]] CsrMatrix minimum_spanning_tree(const CsrMatrix& csgraph);
/// As above, for a dense graph (0, inf and NaN are non-edges).
[[nodiscard]] CsrMatrix minimum_spanning_tree(const Eigen::Ref<const Matrix>& csgraph);

// ---------------------------------------------------------------------------
// Laplacian

/// Options of `laplacian` (SciPy's parameters and defaults; `copy`, `form` and
/// `dtype` have no counterpart).
struct LaplacianOptions {
  bool normed = false;          ///< the symmetrically normalized Laplacian D^-1/2 L D^-1/2
  bool use_out_degree = false;  ///< degrees from row sums (out-degree) instead of column sums (in-degree)
  bool symmetrized = false;     ///< use G + Gᵀ
};

/// What `laplacian` returns for a sparse graph.
struct LaplacianResult {
  CsrMatrix laplacian;  ///< -G off the diagonal (scaled when normed), the degrees on it (all N stored)
  Vector diag;          ///< SciPy's return_diag output: the degrees, or their square roots (1 where 0) when normed
};
/// What `laplacian` returns for a dense graph.
struct DenseLaplacianResult {
  Matrix laplacian;  ///< as LaplacianResult::laplacian
  Vector diag;       ///< as LaplacianResult::diag
};

/// The graph Laplacian L = D - G (scipy.sparse.csgraph.laplacian): the
/// diagonal of G is ignored; D holds the in-degrees (column sums) by default.
/// Normed: L(i, j) = -G(i, j) / (d_i d_j) with d = sqrt(degree) (1 for an
/// isolated node), and 1 on the diagonal (0 for isolated nodes).
/// Throws: ValueError for a non-square graph or NaN weights. Complexity: O(N + nnz).
[[nodiscard]] LaplacianResult laplacian(const CsrMatrix& csgraph, const LaplacianOptions& options = {});
/// As above, for a dense matrix (every entry is a weight, as SciPy's dense laplacian).
/// Throws: ValueError for a non-square matrix or NaN. Complexity: O(N^2).
[[nodiscard]] DenseLaplacianResult laplacian(const Eigen::Ref<const Matrix>& csgraph,
                                             const LaplacianOptions& options = {});

// ---------------------------------------------------------------------------
// Reordering

/// The reverse Cuthill-McKee permutation (scipy.sparse.csgraph.reverse_cuthill_mckee):
/// perm such that G(perm, perm) has a small bandwidth. Without symmetric_mode
/// the pattern of G + Gᵀ is used (entries that cancel to 0 are dropped, as
/// SciPy's sparse sum drops them). Each component starts from a node of least
/// degree; SciPy picks among equal degrees with NumPy's unstable argsort, we
/// pick the smallest index, so on ties the permutation (not its quality) may
/// differ from SciPy's. Weights are otherwise not read.
/// Throws: ValueError for a non-square graph. Complexity: O(N log N + nnz).
[[nodiscard]] Eigen::VectorXi reverse_cuthill_mckee(const CsrMatrix& graph, bool symmetric_mode = false);

// ---------------------------------------------------------------------------
// Matching and flow

/// Which side `maximum_bipartite_matching` reports.
enum class PermType {
  row,    ///< one entry per column: the row matched to it
  column  ///< one entry per row: the column matched to it
};

/// A maximum matching of the bipartite graph rows x columns whose edges are the
/// stored entries of an m x n `graph` (scipy.sparse.csgraph.maximum_bipartite_matching),
/// by Hopcroft-Karp (1973). Unmatched vertices get -1. Its size equals SciPy's;
/// when several maximum matchings exist, the one returned may differ.
/// Values are not read. Complexity: O(nnz (m + n)) in the worst case (each
/// phase is a breadth-first and a depth-first search over the edges; few
/// phases are needed in practice).
[[nodiscard]] Eigen::VectorXi maximum_bipartite_matching(const CsrMatrix& graph, PermType perm_type = PermType::row);

/// The algorithm of `maximum_flow`.
enum class FlowMethod {
  dinic,        ///< Dinic (1970): level graph and blocking flows, O(N^2 E)
  edmonds_karp  ///< Edmonds-Karp (1972): shortest augmenting paths, O(N E^2)
};

/// What `maximum_flow` returns (scipy.sparse.csgraph.MaximumFlowResult).
struct MaximumFlowResult {
  std::int64_t flow_value = 0;  ///< the value of a maximum flow
  /// The flow, skew-symmetric (flow(j, i) = -flow(i, j)), stored on the pattern
  /// of G plus Gᵀ as SciPy's `flow` attribute (zeros stored).
  CsrMatrix flow;
};

/// A maximum flow from `source` to `sink` (scipy.sparse.csgraph.maximum_flow);
/// capacities are the stored entries of `csgraph`, which must be integers.
/// Throws: ValueError for a non-square graph, capacities that are not integers
/// in [0, 2^31) (SciPy requires an integer dtype; it does not check the sign),
/// source == sink, or source / sink outside [0, N).
/// Complexity: O(N^2 nnz) (dinic), O(N nnz^2) (edmonds_karp); flows are summed in 64 bits.
[[nodiscard]] MaximumFlowResult maximum_flow(const CsrMatrix& csgraph, Index source, Index sink,
                                             FlowMethod method = FlowMethod::dinic);

}  // namespace scilearn::sparse::csgraph

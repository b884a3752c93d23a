// scipy.sparse.csgraph against SciPy 1.17 (tests/reference/sparse_csgraph.py)
// and against closed forms on small hand-made graphs: shortest paths of every
// method, components, traversals, trees, Laplacians, RCM, matching and flow,
// plus the errors and the SciPy conventions (explicit zeros, -9999, +inf).
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/io.hpp>
#include <scilearn/sparse/csgraph.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support/expect.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(csgraph)

using namespace scilearn;
using namespace scilearn::sparse;
using namespace scilearn::sparse::csgraph;

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();
constexpr double nan = std::numeric_limits<double>::quiet_NaN();

std::filesystem::path file(const std::string& name) {
  return testing::fixture_path("sparse/csgraph/" + name + ".npy");
}

Eigen::MatrixXi load_int(const std::string& name) { return io::load_npy<std::int32_t>(file(name)); }
Eigen::VectorXi load_int_vector(const std::string& name) { return io::load_npy_vector<std::int32_t>(file(name)); }

// The fixture graph `name` (SciPy's CSR arrays, sorted indices).
CsrMatrix graph(const std::string& name) {
  static const auto shapes = [] {
    std::map<std::string, std::pair<Index, Index>> s;
    for (const auto& c : testing::read_manifest("sparse/csgraph/graphs.csv")) {
      s[c.at(0)] = {std::stol(c.at(1)), std::stol(c.at(2))};
    }
    return s;
  }();
  const auto [rows, cols] = shapes.at(name);
  const Vector data = io::load_npy_vector<double>(file(name + "_data"));
  const Eigen::VectorXi indices = load_int_vector(name + "_indices");
  const Eigen::VectorXi indptr = load_int_vector(name + "_indptr");
  return Eigen::Map<const CsrMatrix>(rows, cols, data.size(), indptr.data(), indices.data(), data.data());
}

// A sparse result stored as rows (i, j, value): equal entry by entry (within
// rtol), the same set of stored positions.
bool same_entries(const CsrMatrix& a, const std::string& name, double rtol) {
  const Matrix expected = io::load_npy<double>(file(name));
  if (expected.rows() != a.nonZeros()) {
    BOOST_TEST_MESSAGE(name << ": " << a.nonZeros() << " stored entries, SciPy " << expected.rows());
    return false;
  }
  Index k = 0;
  for (Index i = 0; i < a.outerSize(); ++i) {
    for (CsrMatrix::InnerIterator it(a, i); it; ++it, ++k) {
      const double v = expected(k, 2);
      const bool same_value = it.value() == v || std::abs(it.value() - v) <= rtol * std::abs(v);
      if (it.row() != expected(k, 0) || it.col() != expected(k, 1) || !same_value) {
        BOOST_TEST_MESSAGE(name << ": entry " << k << " is (" << it.row() << ", " << it.col() << ", " << it.value()
                                << "), SciPy (" << expected(k, 0) << ", " << expected(k, 1) << ", " << v << ")");
        return false;
      }
    }
  }
  return true;
}

CsrMatrix from_dense(const Matrix& d) { return d.sparseView(); }

std::optional<std::vector<Index>> parse_indices(const std::string& text) {
  if (text.empty()) return std::nullopt;
  std::istringstream in(text);
  std::vector<Index> out;
  for (Index i; in >> i;) out.push_back(i);
  return out;
}

// The weight of the lightest edge p -> j (either way when undirected; 1 when
// unweighted), if there is one; +inf entries are no edges.
std::optional<double> edge(const CsrMatrix& g, Index p, Index j, bool directed, bool unweighted) {
  std::optional<double> best;
  auto consider = [&](Index a, Index b) {
    for (CsrMatrix::InnerIterator it(g, a); it; ++it) {
      if (it.col() == b && it.value() != inf) {
        const double w = unweighted ? 1.0 : it.value();
        if (!best || w < *best) best = w;
      }
    }
  };
  consider(p, j);
  if (!directed) consider(j, p);
  return best;
}

// Where shortest paths are not unique, any predecessor on a shortest path is
// right: pred(j) is NULL_IDX exactly for sources and unreachable nodes, and
// otherwise dist(pred(j)) + w(pred(j), j) == dist(j).
void check_predecessors_valid(const CsrMatrix& g, const Vector& dist, const Eigen::VectorXi& pred,
                              const std::set<Index>& sources, bool directed, bool unweighted) {
  for (Index j = 0; j < dist.size(); ++j) {
    if (sources.count(j) || dist(j) == inf) {
      BOOST_TEST(pred(j) == NULL_IDX);
      continue;
    }
    BOOST_TEST_REQUIRE(pred(j) >= 0);
    const auto w = edge(g, pred(j), j, directed, unweighted);
    BOOST_TEST_REQUIRE(w.has_value());
    BOOST_TEST(std::abs(dist(pred(j)) + *w - dist(j)) <= 1e-12 * (1 + std::abs(dist(j))));
  }
}

// Distances agree: the same +inf pattern, finite values within 1e-12 relative
// (Johnson's correction d - h(s) + h(j) rounds differently from SciPy's).
bool same_distances(const Matrix& ours, const Matrix& ref) {
  if (ours.rows() != ref.rows() || ours.cols() != ref.cols()) return false;
  for (Index i = 0; i < ref.rows(); ++i) {
    for (Index j = 0; j < ref.cols(); ++j) {
      const double a = ours(i, j), b = ref(i, j);
      if (a == b) continue;
      if (std::isinf(a) || std::isinf(b) || std::abs(a - b) > 1e-12 * (1 + std::abs(b))) {
        BOOST_TEST_MESSAGE("(" << i << ", " << j << "): " << a << " vs SciPy " << b);
        return false;
      }
    }
  }
  return true;
}

Method method_of(const std::string& m) {
  if (m == "FW") return Method::FW;
  if (m == "D") return Method::D;
  if (m == "BF") return Method::BF;
  if (m == "J") return Method::J;
  return Method::automatic;
}

ShortestPathResult run_case(const CsrMatrix& g, const std::vector<std::string>& c) {
  const std::string& function = c[2];
  const bool directed = c[4] == "1", unweighted = c[5] == "1";
  const auto indices = parse_indices(c[6]);
  if (function == "shortest_path") {
    return shortest_path(g, {.method = method_of(c[3]),
                             .directed = directed,
                             .return_predecessors = true,
                             .unweighted = unweighted,
                             .indices = indices});
  }
  if (function == "dijkstra") {
    return dijkstra(g, {.directed = directed,
                        .indices = indices,
                        .return_predecessors = true,
                        .unweighted = unweighted,
                        .limit = std::stod(c[7]),
                        .min_only = c[8] == "1"});
  }
  const PathOptions options{
      .directed = directed, .indices = indices, .return_predecessors = true, .unweighted = unweighted};
  if (function == "bellman_ford") return bellman_ford(g, options);
  if (function == "johnson") return johnson(g, options);
  return floyd_warshall(g, options);
}

// Bandwidth of the symmetric pattern `s` reordered by perm.
Index bandwidth(const CsrMatrix& s, const Eigen::VectorXi& perm) {
  Eigen::VectorXi position(perm.size());
  for (Index k = 0; k < perm.size(); ++k) position(perm(k)) = static_cast<int>(k);
  Index b = 0;
  for (Index i = 0; i < s.outerSize(); ++i) {
    for (CsrMatrix::InnerIterator it(s, i); it; ++it) {
      b = std::max<Index>(b, std::abs(position(it.row()) - position(it.col())));
    }
  }
  return b;
}

// The flow is skew-symmetric, within the capacities, conserved at every node
// but s and t, and its value leaves s.
void check_flow(const CsrMatrix& cap, const MaximumFlowResult& r, Index s, Index t) {
  const Matrix f = Matrix(r.flow), c = Matrix(cap);
  BOOST_TEST((f + f.transpose()).cwiseAbs().maxCoeff() == 0.0);
  BOOST_TEST(((c - f).array() >= 0).all());
  const Vector out = f.rowwise().sum();
  for (Index v = 0; v < f.rows(); ++v) {
    if (v != s && v != t) BOOST_TEST(out(v) == 0.0);
  }
  BOOST_TEST(out(s) == static_cast<double>(r.flow_value));
  BOOST_TEST(out(t) == -static_cast<double>(r.flow_value));
  BOOST_TEST((f.array() == f.array().floor()).all());
}

// The graph of CLRS figure 26.1 (maximum flow 23 from 0 to 5).
CsrMatrix clrs_network() {
  Matrix d = Matrix::Zero(6, 6);
  d(0, 1) = 16, d(0, 2) = 13, d(1, 3) = 12, d(2, 1) = 4, d(2, 4) = 14;
  d(3, 2) = 9, d(3, 5) = 20, d(4, 3) = 7, d(4, 5) = 4;
  return from_dense(d);
}

}  // namespace

// ---------------------------------------------------------------------------
// Against SciPy

BOOST_AUTO_TEST_CASE(shortest_paths_match_scipy) {
  int checked = 0;
  for (const auto& c : testing::read_manifest("sparse/csgraph/shortest_path.csv")) {
    BOOST_TEST_REQUIRE(c.size() == 11u);
    BOOST_TEST_CONTEXT(c[0]) {
      const CsrMatrix g = graph(c[1]);
      const CsrMatrix before = g;
      if (c[10] == "NegativeCycleError") {
        BOOST_CHECK_THROW((void)run_case(g, c), NegativeCycleError);
        ++checked;
        continue;
      }
      const ShortestPathResult r = run_case(g, c);
      const Matrix dist = io::load_npy<double>(file(c[0] + "_dist"));
      const Eigen::MatrixXi pred = load_int(c[0] + "_pred");
      BOOST_TEST(same_distances(r.dist_matrix, dist));
      BOOST_TEST_REQUIRE(r.predecessors.rows() == pred.rows());
      BOOST_TEST_REQUIRE(r.predecessors.cols() == pred.cols());
      const bool min_only = c[8] == "1";
      if (c[9] == "1") {
        BOOST_TEST((r.predecessors == pred));
      } else {
        const auto indices = parse_indices(c[6]);
        for (Index k = 0; k < dist.rows(); ++k) {
          std::set<Index> sources;
          if (min_only) {
            sources.insert(indices->begin(), indices->end());
          } else {
            sources.insert(indices ? (*indices)[static_cast<std::size_t>(k)] : k);
          }
          check_predecessors_valid(g, dist.row(k).transpose(), r.predecessors.row(k).transpose(), sources,
                                   c[4] == "1", c[5] == "1");
        }
      }
      if (min_only) BOOST_TEST((r.sources == load_int_vector(c[0] + "_sources")));
      BOOST_TEST((Matrix(g - before).cwiseAbs().maxCoeff() == 0.0));  // input untouched
      ++checked;
    }
  }
  BOOST_TEST(checked == 31);
}

BOOST_AUTO_TEST_CASE(connected_components_label_as_scipy) {
  int checked = 0;
  for (const auto& c : testing::read_manifest("sparse/csgraph/components.csv")) {
    BOOST_TEST_CONTEXT(c[0]) {
      const auto r = connected_components(graph(c[1]), c[2] == "1",
                                          c[3] == "strong" ? Connection::strong : Connection::weak);
      BOOST_TEST(r.n_components == std::stoi(c[4]));
      BOOST_TEST((r.labels == load_int_vector(c[0] + "_labels")));
      ++checked;
    }
  }
  BOOST_TEST(checked == 12);
}

BOOST_AUTO_TEST_CASE(traversals_and_trees_match_scipy) {
  int checked = 0;
  for (const auto& c : testing::read_manifest("sparse/csgraph/traversal.csv")) {
    BOOST_TEST_CONTEXT(c[0]) {
      const CsrMatrix g = graph(c[1]);
      const Index start = std::stol(c[3]);
      const bool directed = c[4] == "1";
      const bool bfs = c[2] == "breadth_first";
      const TraversalResult r = bfs ? breadth_first_order(g, start, directed) : depth_first_order(g, start, directed);
      BOOST_TEST((r.node_array == load_int_vector(c[0] + "_nodes")));
      BOOST_TEST((r.predecessors == load_int_vector(c[0] + "_pred")));
      const CsrMatrix tree = bfs ? breadth_first_tree(g, start, directed) : depth_first_tree(g, start, directed);
      BOOST_TEST(same_entries(tree, c[0] + "_tree", 0.0));
      ++checked;
    }
  }
  BOOST_TEST(checked == 16);
}

BOOST_AUTO_TEST_CASE(minimum_spanning_tree_keeps_scipys_edges) {
  int checked = 0;
  for (const auto& c : testing::read_manifest("sparse/csgraph/mst.csv")) {
    BOOST_TEST_CONTEXT(c[0]) {
      const CsrMatrix tree = minimum_spanning_tree(graph(c[1]));
      BOOST_TEST(tree.nonZeros() == std::stol(c[2]));
      BOOST_TEST(same_entries(tree, c[0] + "_tree", 0.0));  // same edges, same orientation, exactly
      ++checked;
    }
  }
  BOOST_TEST(checked == 5);
}

BOOST_AUTO_TEST_CASE(laplacian_matches_scipy) {
  int checked = 0;
  for (const auto& c : testing::read_manifest("sparse/csgraph/laplacian.csv")) {
    BOOST_TEST_CONTEXT(c[0]) {
      const CsrMatrix g = graph(c[1]);
      const LaplacianOptions options{
          .normed = c[2] == "1", .use_out_degree = c[3] == "1", .symmetrized = c[4] == "1"};
      const LaplacianResult r = laplacian(g, options);
      // Degrees are sums in another order than SciPy's: a few ulps.
      const Matrix lap_ref = [&] {
        const Matrix t = io::load_npy<double>(file(c[0] + "_lap"));
        Matrix d = Matrix::Zero(g.rows(), g.cols());
        for (Index k = 0; k < t.rows(); ++k) d(static_cast<Index>(t(k, 0)), static_cast<Index>(t(k, 1))) = t(k, 2);
        return d;
      }();
      const Vector diag_ref = io::load_npy_vector<double>(file(c[0] + "_diag"));
      BOOST_TEST((Matrix(r.laplacian) - lap_ref).cwiseAbs().maxCoeff() <= 1e-13 * (1 + lap_ref.cwiseAbs().maxCoeff()));
      BOOST_TEST((r.diag - diag_ref).cwiseAbs().maxCoeff() <= 1e-13 * (1 + diag_ref.cwiseAbs().maxCoeff()));
      // The dense overload agrees with the sparse one.
      const DenseLaplacianResult d = laplacian(Matrix(g), options);
      BOOST_TEST((d.laplacian - lap_ref).cwiseAbs().maxCoeff() <= 1e-13 * (1 + lap_ref.cwiseAbs().maxCoeff()));
      BOOST_TEST((d.diag - diag_ref).cwiseAbs().maxCoeff() <= 1e-13 * (1 + diag_ref.cwiseAbs().maxCoeff()));
      ++checked;
    }
  }
  BOOST_TEST(checked == 20);
}

BOOST_AUTO_TEST_CASE(reverse_cuthill_mckee_follows_scipys_algorithm) {
  int checked = 0;
  for (const auto& c : testing::read_manifest("sparse/csgraph/rcm.csv")) {
    BOOST_TEST_CONTEXT(c[0]) {
      const CsrMatrix g = graph(c[1]);
      const bool symmetric_mode = c[2] == "1";
      const Eigen::VectorXi perm = reverse_cuthill_mckee(g, symmetric_mode);
      // SciPy's algorithm with ties broken by index (the reference script's re-run).
      BOOST_TEST((perm == load_int_vector(c[0] + "_stable")));
      if (c[6] == "1") BOOST_TEST((perm == load_int_vector(c[0] + "_perm")));  // no tie SciPy could break otherwise
      const CsrMatrix s = symmetric_mode ? g : CsrMatrix(g + CsrMatrix(g.transpose()));
      const Index ours = bandwidth(s, perm), scipy = std::stol(c[4]);
      BOOST_TEST_MESSAGE(c[0] << ": bandwidth " << c[3] << " -> " << ours << " (SciPy " << scipy << ")");
      BOOST_TEST(ours == std::stol(c[5]));
      BOOST_TEST(ours <= scipy + scipy / 20 + 1);  // measured: equal, or 34 vs 33
      ++checked;
    }
  }
  BOOST_TEST(checked == 5);
}

BOOST_AUTO_TEST_CASE(maximum_bipartite_matching_has_scipys_size) {
  int checked = 0;
  for (const auto& c : testing::read_manifest("sparse/csgraph/matching.csv")) {
    BOOST_TEST_CONTEXT(c[0]) {
      const CsrMatrix g = graph(c[1]);
      const bool by_row = c[2] == "row";
      const Eigen::VectorXi m = maximum_bipartite_matching(g, by_row ? PermType::row : PermType::column);
      BOOST_TEST(m.size() == (by_row ? g.cols() : g.rows()));
      std::set<int> used;
      int size = 0;
      for (Index k = 0; k < m.size(); ++k) {
        if (m(k) < 0) {
          BOOST_TEST(m(k) == -1);
          continue;
        }
        ++size;
        BOOST_TEST(used.insert(m(k)).second);  // each partner once
        const Index row = by_row ? m(k) : k, col = by_row ? k : m(k);
        BOOST_TEST(g.coeff(row, col) != 0.0);  // an edge (the fixtures store no zeros)
      }
      BOOST_TEST(size == std::stoi(c[3]));
      ++checked;
    }
  }
  BOOST_TEST(checked == 8);
}

BOOST_AUTO_TEST_CASE(maximum_flow_has_scipys_value_and_pattern) {
  int checked = 0;
  for (const auto& c : testing::read_manifest("sparse/csgraph/flow.csv")) {
    BOOST_TEST_CONTEXT(c[0]) {
      const CsrMatrix g = graph(c[1]);
      const Index s = std::stol(c[2]), t = std::stol(c[3]);
      const auto r = maximum_flow(g, s, t, c[4] == "dinic" ? FlowMethod::dinic : FlowMethod::edmonds_karp);
      BOOST_TEST(r.flow_value == std::stol(c[5]));
      check_flow(g, r, s, t);
      const Eigen::VectorXi indptr = load_int_vector(c[0] + "_flow_indptr");
      const Eigen::VectorXi indices = load_int_vector(c[0] + "_flow_indices");
      BOOST_TEST_REQUIRE(r.flow.nonZeros() == indices.size());
      BOOST_TEST((Eigen::Map<const Eigen::VectorXi>(r.flow.outerIndexPtr(), indptr.size()) == indptr));
      BOOST_TEST((Eigen::Map<const Eigen::VectorXi>(r.flow.innerIndexPtr(), indices.size()) == indices));
      ++checked;
    }
  }
  BOOST_TEST(checked == 10);
}

// ---------------------------------------------------------------------------
// Closed forms

BOOST_AUTO_TEST_CASE(shortest_paths_on_a_path_graph_are_prefix_sums) {
  // 0 -1-> 1 -2-> 2 -3-> 3; node 4 unreachable.
  Matrix d = Matrix::Zero(5, 5);
  d(0, 1) = 1, d(1, 2) = 2, d(2, 3) = 3;
  const CsrMatrix g = from_dense(d);
  for (const Method m : {Method::automatic, Method::FW, Method::D, Method::BF, Method::J}) {
    const auto r = shortest_path(g, {.method = m, .return_predecessors = true});
    BOOST_TEST(r.dist_matrix(0, 3) == 6.0);
    BOOST_TEST(r.dist_matrix(1, 3) == 5.0);
    BOOST_TEST(r.dist_matrix(3, 0) == inf);
    BOOST_TEST(r.dist_matrix(0, 4) == inf);
    BOOST_TEST(r.dist_matrix(4, 4) == 0.0);
    BOOST_TEST(r.predecessors(0, 3) == 2);
    BOOST_TEST(r.predecessors(0, 0) == NULL_IDX);
    BOOST_TEST(r.predecessors(0, 4) == NULL_IDX);
    const auto u = shortest_path(g, {.method = m, .directed = false, .unweighted = true});
    BOOST_TEST(u.dist_matrix(3, 0) == 3.0);
  }
  // Without return_predecessors none are computed.
  BOOST_TEST(dijkstra(g).predecessors.size() == 0);
  // The dense overload: zeros are non-edges.
  BOOST_TEST((shortest_path(Matrix(d)).dist_matrix == shortest_path(g).dist_matrix));
}

BOOST_AUTO_TEST_CASE(dijkstra_limit_keeps_nodes_at_exactly_the_limit) {
  Matrix d = Matrix::Zero(3, 3);
  d(0, 1) = 1, d(1, 2) = 2;
  const CsrMatrix g = from_dense(d);
  const auto at = dijkstra(g, {.indices = std::vector<Index>{0}, .return_predecessors = true, .limit = 3});
  BOOST_TEST(at.dist_matrix(0, 2) == 3.0);
  const auto below = dijkstra(g, {.indices = std::vector<Index>{0}, .return_predecessors = true, .limit = 2.9});
  BOOST_TEST(below.dist_matrix(0, 2) == inf);
  BOOST_TEST(below.predecessors(0, 2) == NULL_IDX);
  BOOST_TEST(below.dist_matrix(0, 1) == 1.0);
}

BOOST_AUTO_TEST_CASE(explicit_zeros_are_edges_and_inf_entries_are_not) {
  // Stored entries: (0, 1) = 0, (1, 2) = +inf.
  std::vector<Triplet> t{{0, 1, 0.0}, {1, 2, inf}};
  CsrMatrix g(3, 3);
  g.setFromTriplets(t.begin(), t.end());
  BOOST_TEST_REQUIRE(g.nonZeros() == 2);
  const auto r = dijkstra(g, {.return_predecessors = true});
  BOOST_TEST(r.dist_matrix(0, 1) == 0.0);
  BOOST_TEST(r.predecessors(0, 1) == 0);
  BOOST_TEST(r.dist_matrix(1, 2) == inf);
  BOOST_TEST(r.predecessors(1, 2) == NULL_IDX);
  BOOST_TEST(floyd_warshall(g).dist_matrix(0, 1) == 0.0);
  // Traversal and components see both stored entries as edges.
  BOOST_TEST(connected_components(g).n_components == 1);
  BOOST_TEST(breadth_first_order(g, 0).node_array.size() == 3);
}

BOOST_AUTO_TEST_CASE(connected_components_of_two_cycles_and_a_tail) {
  // Strong components {0, 1, 2} and {3, 4}; 5 -> 0 hangs off; 6 alone.
  Matrix d = Matrix::Zero(7, 7);
  d(0, 1) = d(1, 2) = d(2, 0) = 1;
  d(3, 4) = d(4, 3) = 1;
  d(5, 0) = 1;
  const CsrMatrix g = from_dense(d);
  const auto weak = connected_components(g);
  BOOST_TEST(weak.n_components == 3);
  BOOST_TEST((weak.labels == Eigen::VectorXi{{0, 0, 0, 1, 1, 0, 2}}));
  const auto strong = connected_components(g, true, Connection::strong);
  BOOST_TEST(strong.n_components == 4);
  BOOST_TEST(strong.labels(0) == strong.labels(1));
  BOOST_TEST(strong.labels(1) == strong.labels(2));
  BOOST_TEST(strong.labels(3) == strong.labels(4));
  BOOST_TEST(std::set<int>({strong.labels(0), strong.labels(3), strong.labels(5), strong.labels(6)}).size() == 4u);
  BOOST_TEST((connected_components(Matrix(d)).labels == weak.labels));
}

BOOST_AUTO_TEST_CASE(negative_weights_need_bellman_ford_or_johnson) {
  // 0 -> 1 (4), 0 -> 2 (5), 2 -> 1 (-3): the shortest 0 -> 1 is 2 via 2.
  Matrix d = Matrix::Zero(3, 3);
  d(0, 1) = 4, d(0, 2) = 5, d(2, 1) = -3;
  const CsrMatrix g = from_dense(d);
  BOOST_TEST(bellman_ford(g).dist_matrix(0, 1) == 2.0);
  BOOST_TEST(johnson(g).dist_matrix(0, 1) == 2.0);
  BOOST_TEST(floyd_warshall(g).dist_matrix(0, 1) == 2.0);
  BOOST_TEST(shortest_path(g, {.indices = std::vector<Index>{0}}).dist_matrix(0, 1) == 2.0);  // auto: J
  const std::string message = testing::message_of<ValueError>([&] { (void)dijkstra(g); });
  BOOST_TEST(message.find("negative") != std::string::npos);
  BOOST_TEST(dijkstra(g, {.unweighted = true}).dist_matrix(0, 1) == 1.0);  // weights not read
  // Undirected, a negative edge is a negative cycle.
  BOOST_CHECK_THROW((void)bellman_ford(g, {.directed = false}), NegativeCycleError);
  BOOST_CHECK_THROW((void)johnson(g, {.directed = false}), NegativeCycleError);
  BOOST_CHECK_THROW((void)floyd_warshall(g, {.directed = false}), NegativeCycleError);
  // A negative self-loop is a cycle for Bellman-Ford and Johnson; FW ignores self-loops, as SciPy's.
  Matrix loop = Matrix::Zero(2, 2);
  loop(0, 0) = -1, loop(0, 1) = 1;
  BOOST_CHECK_THROW((void)bellman_ford(from_dense(loop)), NegativeCycleError);
  BOOST_CHECK_THROW((void)johnson(from_dense(loop)), NegativeCycleError);
  BOOST_TEST(floyd_warshall(from_dense(loop)).dist_matrix(0, 1) == 1.0);
  // NegativeCycleError is a ValueError.
  BOOST_CHECK_THROW((void)bellman_ford(from_dense(loop)), ValueError);
}

BOOST_AUTO_TEST_CASE(traversal_orders_on_a_small_tree) {
  // 0 -> 1, 0 -> 2, 1 -> 3, 2 -> 4, 4 -> 0 (back edge)
  Matrix d = Matrix::Zero(5, 5);
  d(0, 1) = 1, d(0, 2) = 2, d(1, 3) = 3, d(2, 4) = 4, d(4, 0) = 5;
  const CsrMatrix g = from_dense(d);
  const auto bfs = breadth_first_order(g, 0);
  BOOST_TEST((bfs.node_array == Eigen::VectorXi{{0, 1, 2, 3, 4}}));
  BOOST_TEST((bfs.predecessors == Eigen::VectorXi{{NULL_IDX, 0, 0, 1, 2}}));
  const auto dfs = depth_first_order(g, 0);
  BOOST_TEST((dfs.node_array == Eigen::VectorXi{{0, 1, 3, 2, 4}}));
  const auto from4 = breadth_first_order(g, 4);
  BOOST_TEST((from4.node_array == Eigen::VectorXi{{4, 0, 1, 2, 3}}));
  // Undirected from 3: 3's only neighbour is 1 (through Gᵀ).
  BOOST_TEST(depth_first_order(g, 3, false).node_array(1) == 1);
  const CsrMatrix tree = breadth_first_tree(g, 0);
  BOOST_TEST(tree.nonZeros() == 4);
  BOOST_TEST(tree.coeff(2, 4) == 4.0);
  BOOST_TEST(tree.coeff(4, 0) == 0.0);
}

BOOST_AUTO_TEST_CASE(minimum_spanning_tree_of_a_triangle_drops_the_heaviest_edge) {
  Matrix d(3, 3);
  d << 0, 2, 1, 2, 0, 1, 1, 1, 0;  // SciPy's docstring-style example: keeps (0, 2) and (1, 2)
  const CsrMatrix tree = minimum_spanning_tree(Matrix(d));
  BOOST_TEST(tree.nonZeros() == 2);
  BOOST_TEST(tree.coeff(0, 2) == 1.0);
  BOOST_TEST(tree.coeff(1, 2) == 1.0);
}

BOOST_AUTO_TEST_CASE(laplacian_of_a_path) {
  Matrix d = Matrix::Zero(3, 3);
  d(0, 1) = d(1, 0) = 1, d(1, 2) = d(2, 1) = 2;
  const auto r = laplacian(from_dense(d));
  Matrix expected(3, 3);
  expected << 1, -1, 0, -1, 3, -2, 0, -2, 2;
  BOOST_TEST((Matrix(r.laplacian) - expected).cwiseAbs().maxCoeff() == 0.0);
  BOOST_TEST((r.diag - Vector{{1.0, 3.0, 2.0}}).cwiseAbs().maxCoeff() == 0.0);
  // Normed, with an isolated node: diagonal 1, 1, 0.
  Matrix e = Matrix::Zero(3, 3);
  e(0, 1) = e(1, 0) = 4;
  const auto n = laplacian(from_dense(e), {.normed = true});
  BOOST_TEST(n.laplacian.coeff(0, 1) == -1.0);
  BOOST_TEST(n.laplacian.coeff(2, 2) == 0.0);
  BOOST_TEST((n.diag - Vector{{2.0, 2.0, 1.0}}).cwiseAbs().maxCoeff() == 0.0);
}

BOOST_AUTO_TEST_CASE(reverse_cuthill_mckee_restores_a_scrambled_path) {
  // A path 0 - 1 - ... - 9 with its labels scrambled: RCM gives bandwidth 1.
  const std::vector<int> label{3, 7, 0, 9, 5, 1, 8, 2, 6, 4};
  std::vector<Triplet> t;
  for (int k = 0; k + 1 < 10; ++k) {
    t.emplace_back(label[k], label[k + 1], 1.0);
    t.emplace_back(label[k + 1], label[k], 1.0);
  }
  CsrMatrix g(10, 10);
  g.setFromTriplets(t.begin(), t.end());
  const Eigen::VectorXi perm = reverse_cuthill_mckee(g, true);
  BOOST_TEST(bandwidth(g, perm) == 1);
  // An entry and its transpose that cancel are no edge without symmetric_mode.
  Matrix d = Matrix::Zero(3, 3);
  d(0, 1) = 1, d(1, 0) = -1, d(1, 2) = 1;
  const Eigen::VectorXi p = reverse_cuthill_mckee(from_dense(d));
  BOOST_TEST(p(2) == 0);  // 0 is isolated (degree 0): the first seed, last after reversal
}

BOOST_AUTO_TEST_CASE(maximum_flow_of_the_clrs_network_is_23) {
  const CsrMatrix g = clrs_network();
  for (const FlowMethod m : {FlowMethod::dinic, FlowMethod::edmonds_karp}) {
    const auto r = maximum_flow(g, 0, 5, m);
    BOOST_TEST(r.flow_value == 23);
    check_flow(g, r, 0, 5);
    BOOST_TEST(maximum_flow(g, 5, 0, m).flow_value == 0);
  }
}

BOOST_AUTO_TEST_CASE(maximum_bipartite_matching_of_a_perfect_pairing) {
  // Rows 0..2, columns 0..2; edges allow only the matching r -> (r + 1) mod 3 plus distractors.
  Matrix d = Matrix::Zero(3, 3);
  d(0, 1) = d(1, 2) = d(2, 0) = 1;
  d(0, 2) = 1;
  const Eigen::VectorXi by_column = maximum_bipartite_matching(from_dense(d), PermType::column);
  BOOST_TEST((by_column == Eigen::VectorXi{{1, 2, 0}}));
  const Eigen::VectorXi by_row = maximum_bipartite_matching(from_dense(d), PermType::row);
  BOOST_TEST((by_row == Eigen::VectorXi{{2, 0, 1}}));
  // A wide graph: one row, two columns.
  Matrix w = Matrix::Zero(1, 2);
  w(0, 1) = 1;
  BOOST_TEST((maximum_bipartite_matching(from_dense(w)) == Eigen::VectorXi{{-1, 0}}));
}

BOOST_AUTO_TEST_CASE(uncompressed_and_csc_inputs_work) {
  CsrMatrix g(4, 4);
  g.insert(0, 1) = 1.0;
  g.insert(1, 2) = 1.0;
  g.insert(2, 3) = 1.0;
  BOOST_TEST_REQUIRE(!g.isCompressed());
  BOOST_TEST(dijkstra(g).dist_matrix(0, 3) == 3.0);
  BOOST_TEST(connected_components(g).n_components == 1);
  const CscMatrix c = g;
  BOOST_TEST(shortest_path(c).dist_matrix(0, 3) == 3.0);
}

BOOST_AUTO_TEST_CASE(csgraph_from_dense_follows_scipys_null_rule) {
  Matrix d(2, 2);
  d << 0, nan, inf, 2;
  const CsrMatrix g = csgraph_from_dense(d);
  BOOST_TEST(g.nonZeros() == 1);
  BOOST_TEST(g.coeff(1, 1) == 2.0);
  BOOST_TEST(csgraph_from_dense(d, -1.0, false, false).nonZeros() == 4);
  const Matrix back = csgraph_to_dense(g, inf);
  BOOST_TEST(back(0, 0) == inf);
  BOOST_TEST(back(1, 1) == 2.0);
}

// ---------------------------------------------------------------------------
// Errors

BOOST_AUTO_TEST_CASE(bad_input_throws_value_error) {
  const CsrMatrix rect(2, 3);
  const std::string message = testing::message_of<ValueError>([&] { (void)dijkstra(rect); });
  BOOST_TEST(message.find("(2, 3)") != std::string::npos);
  BOOST_CHECK_THROW((void)connected_components(rect), ValueError);
  BOOST_CHECK_THROW((void)minimum_spanning_tree(rect), ValueError);
  BOOST_CHECK_THROW((void)laplacian(rect), ValueError);
  BOOST_CHECK_THROW((void)reverse_cuthill_mckee(rect), ValueError);
  BOOST_CHECK_THROW((void)maximum_flow(rect, 0, 1), ValueError);
  BOOST_CHECK_THROW((void)shortest_path(Matrix::Zero(2, 3)), ValueError);

  const CsrMatrix g = clrs_network();
  BOOST_CHECK_THROW((void)dijkstra(g, {.indices = std::vector<Index>{6}}), ValueError);
  BOOST_CHECK_THROW((void)dijkstra(g, {.indices = std::vector<Index>{-1}}), ValueError);
  BOOST_CHECK_THROW((void)bellman_ford(g, {.indices = std::vector<Index>{6}}), ValueError);
  BOOST_CHECK_THROW((void)dijkstra(g, {.limit = -1}), ValueError);
  BOOST_CHECK_THROW((void)dijkstra(g, {.limit = nan}), ValueError);
  BOOST_CHECK_THROW((void)floyd_warshall(g, {.indices = std::vector<Index>{0}}), ValueError);
  BOOST_CHECK_THROW((void)shortest_path(g, {.method = Method::FW, .indices = std::vector<Index>{0}}), ValueError);
  BOOST_CHECK_THROW((void)breadth_first_order(g, 6), ValueError);
  BOOST_CHECK_THROW((void)depth_first_order(g, -1), ValueError);
  BOOST_CHECK_THROW((void)maximum_flow(g, 0, 0), ValueError);
  BOOST_CHECK_THROW((void)maximum_flow(g, 0, 6), ValueError);

  CsrMatrix with_nan = g;
  with_nan.coeffRef(0, 1) = nan;
  for (const Method m : {Method::automatic, Method::FW, Method::D, Method::BF, Method::J}) {
    BOOST_CHECK_THROW((void)shortest_path(with_nan, {.method = m}), ValueError);
  }
  BOOST_CHECK_THROW((void)minimum_spanning_tree(with_nan), ValueError);
  BOOST_CHECK_THROW((void)laplacian(with_nan), ValueError);
  BOOST_CHECK_THROW((void)breadth_first_tree(with_nan, 0), ValueError);

  CsrMatrix fractional = g;
  fractional.coeffRef(0, 1) = 1.5;
  BOOST_CHECK_THROW((void)maximum_flow(fractional, 0, 5), ValueError);
  CsrMatrix negative = g;
  negative.coeffRef(0, 1) = -1;
  BOOST_CHECK_THROW((void)maximum_flow(negative, 0, 5), ValueError);
}

BOOST_AUTO_TEST_CASE(empty_graph_gives_empty_results) {
  const CsrMatrix g(0, 0);
  BOOST_TEST(connected_components(g).n_components == 0);
  BOOST_TEST(shortest_path(g).dist_matrix.size() == 0);
  BOOST_TEST(minimum_spanning_tree(g).nonZeros() == 0);
  BOOST_TEST(reverse_cuthill_mckee(g).size() == 0);
  BOOST_TEST(laplacian(g).laplacian.rows() == 0);
}

BOOST_AUTO_TEST_SUITE_END()

"""SciPy's scipy.sparse.csgraph on small seeded random graphs, for
tests/sparse/csgraph_test.cpp.

Graphs are written as CSR arrays (NAME_data.npy float64, NAME_indices.npy
and NAME_indptr.npy int32, sorted indices) and listed in graphs.csv with
their size. Each case of a manifest names a graph, the options, and SciPy's
answer in CASE_*.npy:

- shortest_path.csv: shortest_path (every method) / dijkstra / bellman_ford /
  johnson / floyd_warshall, directed and undirected, weighted and
  unweighted, source subsets, dijkstra's limit and min_only; the outcome
  ("ok" or "NegativeCycleError"); `unique` says whether every shortest path
  is unique (random real weights), so predecessors must equal SciPy's.
- components.csv: connected_components (n_components; labels in CASE_labels.npy).
- traversal.csv: breadth_first_order / depth_first_order (CASE_nodes.npy,
  CASE_pred.npy) and the trees (CASE_tree.npy: rows (i, j, value)).
- mst.csv: minimum_spanning_tree (CASE_tree.npy: rows (i, j, value)).
- laplacian.csv: laplacian (CASE_lap.npy: rows (i, j, value) of the stored entries, CASE_diag.npy).
- rcm.csv: reverse_cuthill_mckee (CASE_perm.npy), the bandwidth of SciPy's
  ordering, SciPy's algorithm re-run here with degree ties broken by node
  index (CASE_stable.npy, its bandwidth), and `exact`: whether the two agree
  (SciPy picks among equal degrees with NumPy's unstable argsort).
- matching.csv: maximum_bipartite_matching: the matching size.
- flow.csv: maximum_flow: the flow value, and SciPy's flow matrix pattern
  (CASE_flow_indptr.npy, CASE_flow_indices.npy).

Run: .venv/bin/python tests/reference/sparse_csgraph.py
"""

import csv
from pathlib import Path

import numpy as np
import scipy
import scipy.sparse as sp
from scipy.sparse import csgraph

OUT = Path(__file__).resolve().parents[1] / "data" / "sparse" / "csgraph"


def write_csv(name, header, rows):
    with open(OUT / name, "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


GRAPHS = {}


def add_graph(name, a):
    a = sp.csr_matrix(a)
    a.sort_indices()
    GRAPHS[name] = a
    np.save(OUT / f"{name}_data.npy", a.data.astype(np.float64))
    np.save(OUT / f"{name}_indices.npy", a.indices.astype(np.int32))
    np.save(OUT / f"{name}_indptr.npy", a.indptr.astype(np.int32))
    return a


def random_graph(rng, n, density, low, high, integer=False):
    """A directed graph with about density n^2 edges, no self-loops, weights in [low, high)."""
    mask = rng.random((n, n)) < density
    np.fill_diagonal(mask, False)
    rows, cols = np.nonzero(mask)
    if integer:
        w = rng.integers(low, high, size=rows.size).astype(float)
    else:
        w = rng.uniform(low, high, size=rows.size)
    return sp.csr_matrix((w, (rows, cols)), shape=(n, n))


def graphs():
    rng = np.random.default_rng(20260311)
    # Random real weights: all shortest paths unique. Nodes 40..44 isolated.
    g = random_graph(rng, 45, 0.08, 0.5, 10.0).tolil()
    g[40:, :] = 0
    g[:, 40:] = 0
    add_graph("rand", sp.csr_matrix(g))
    # Negative weights without a negative cycle: w = u + p_i - p_j with u > 0.
    a = random_graph(rng, 35, 0.1, 0.2, 5.0).tocoo()
    p = rng.uniform(0, 6, size=35)
    add_graph("neg", sp.csr_matrix((a.data + p[a.row] - p[a.col], (a.row, a.col)), shape=a.shape))
    # A negative cycle 3 -> 4 -> 5 -> 3 (weight -1) reachable from 0, and a
    # part (6, 7) that does not reach it.
    add_graph("negcycle", sp.csr_matrix(
        ([1.0, 2.0, 1.0, -3.0, 1.0, 1.0], ([0, 1, 3, 4, 5, 6], [1, 3, 4, 5, 3, 7])), shape=(8, 8)))
    # Explicit zeros are edges of weight 0 (and +inf a non-edge for shortest paths).
    add_graph("zeros", sp.csr_matrix(
        (np.array([0.0, 2.0, 0.0, np.inf, 1.0]), np.array([1, 2, 3, 0, 3]), np.array([0, 2, 3, 4, 5, 5])),
        shape=(5, 5)))
    # Sparse directed graph with several strong and weak components.
    add_graph("comp", random_graph(rng, 80, 0.018, 1.0, 2.0))
    add_graph("comp_dense", random_graph(rng, 30, 0.06, 1.0, 2.0))
    # Integer weights with many ties, stored in both orientations with
    # different weights in places: MST tie-breaking and orientation.
    t = random_graph(rng, 40, 0.12, 1, 5, integer=True)
    add_graph("ties", t)
    # Symmetric sparse pattern for RCM (a scrambled 2-D grid plus random edges).
    nx = 7
    grid = sp.kron(sp.eye(nx), sp.diags([1.0, 1.0], [-1, 1], shape=(nx, nx), dtype=float)) + \
        sp.kron(sp.diags([1.0, 1.0], [-1, 1], shape=(nx, nx), dtype=float), sp.eye(nx))
    perm = rng.permutation(nx * nx)
    grid = sp.csr_matrix(grid)[perm][:, perm]
    add_graph("grid", grid + sp.eye(nx * nx))
    add_graph("rcm_rand", random_graph(rng, 60, 0.03, 1.0, 2.0))
    # Bipartite graphs (m x n).
    add_graph("bip_wide", random_graph(rng, 40, 0.06, 1.0, 2.0)[:30, :])
    add_graph("bip_tall", random_graph(rng, 40, 0.05, 1.0, 2.0)[:, :25])
    # Integer capacities.
    add_graph("cap", random_graph(rng, 40, 0.12, 1, 20, integer=True))
    add_graph("cap_sparse", random_graph(rng, 80, 0.03, 1, 4, integer=True))
    write_csv("graphs.csv", ["name", "rows", "cols"], [[k, v.shape[0], v.shape[1]] for k, v in GRAPHS.items()])


def shortest_paths():
    rows = []
    # case, graph, function, method, directed, unweighted, indices ("" = all), limit, min_only, unique
    specs = [
        ("d_rand", "rand", "dijkstra", "", 1, 0, "0 3 17 41", "inf", 0, 1),
        ("d_rand_undirected", "rand", "dijkstra", "", 0, 0, "1 2 39", "inf", 0, 1),
        ("d_rand_all", "rand", "dijkstra", "", 1, 0, "", "inf", 0, 1),
        ("d_rand_limit", "rand", "dijkstra", "", 1, 0, "0 5 9", "6.5", 0, 1),
        ("d_rand_min_only", "rand", "dijkstra", "", 1, 0, "0 5 9", "inf", 1, 1),
        ("d_rand_min_only_undirected", "rand", "dijkstra", "", 0, 0, "4 8", "inf", 1, 1),
        ("d_rand_unweighted", "rand", "dijkstra", "", 1, 1, "0 7", "inf", 0, 0),
        ("d_zeros", "zeros", "dijkstra", "", 1, 0, "", "inf", 0, 0),
        ("sp_auto_rand", "rand", "shortest_path", "auto", 1, 0, "", "inf", 0, 1),
        ("sp_auto_neg", "neg", "shortest_path", "auto", 1, 0, "", "inf", 0, 1),
        ("sp_auto_neg_indices", "neg", "shortest_path", "auto", 1, 0, "2 11", "inf", 0, 1),
        ("sp_D_rand_indices", "rand", "shortest_path", "D", 0, 0, "3 30", "inf", 0, 1),
        ("sp_FW_rand", "rand", "shortest_path", "FW", 1, 0, "", "inf", 0, 1),
        ("sp_FW_rand_undirected", "rand", "shortest_path", "FW", 0, 0, "", "inf", 0, 1),
        ("sp_FW_unweighted", "rand", "shortest_path", "FW", 1, 1, "", "inf", 0, 0),
        ("sp_BF_neg", "neg", "shortest_path", "BF", 1, 0, "", "inf", 0, 1),
        ("sp_J_neg", "neg", "shortest_path", "J", 1, 0, "", "inf", 0, 1),
        ("sp_J_rand_undirected", "rand", "shortest_path", "J", 0, 0, "0 1 2", "inf", 0, 1),
        ("sp_BF_unweighted_undirected", "neg", "shortest_path", "BF", 0, 1, "0 4", "inf", 0, 0),
        ("fw_neg", "neg", "floyd_warshall", "", 1, 0, "", "inf", 0, 1),
        ("bf_neg_indices", "neg", "bellman_ford", "", 1, 0, "5 6 30", "inf", 0, 1),
        ("j_neg_indices", "neg", "johnson", "", 1, 0, "5 6 30", "inf", 0, 1),
        ("bf_zeros", "zeros", "bellman_ford", "", 1, 0, "", "inf", 0, 0),
        ("fw_zeros", "zeros", "floyd_warshall", "", 1, 0, "", "inf", 0, 0),
        ("j_zeros", "zeros", "johnson", "", 0, 0, "", "inf", 0, 0),
        ("bf_negcycle", "negcycle", "bellman_ford", "", 1, 0, "0", "inf", 0, 1),
        ("bf_negcycle_unreached", "negcycle", "bellman_ford", "", 1, 0, "6 7", "inf", 0, 1),
        ("j_negcycle", "negcycle", "johnson", "", 1, 0, "6", "inf", 0, 1),
        ("fw_negcycle", "negcycle", "floyd_warshall", "", 1, 0, "", "inf", 0, 1),
        ("bf_neg_undirected", "neg", "bellman_ford", "", 0, 0, "0", "inf", 0, 1),
        ("sp_FW_neg_undirected", "neg", "shortest_path", "FW", 0, 0, "", "inf", 0, 1),
    ]
    for case, graph, function, method, directed, unweighted, indices, limit, min_only, unique in specs:
        g = GRAPHS[graph]
        idx = [int(i) for i in indices.split()] if indices else None
        kwargs = dict(directed=bool(directed), unweighted=bool(unweighted), return_predecessors=True)
        if function != "floyd_warshall":
            kwargs["indices"] = idx
        if function == "shortest_path":
            kwargs["method"] = method
        if function == "dijkstra":
            kwargs["limit"] = float(limit)
            kwargs["min_only"] = bool(min_only)
        outcome = "ok"
        try:
            out = getattr(csgraph, function)(g, **kwargs)
        except csgraph.NegativeCycleError:
            outcome = "NegativeCycleError"
        if outcome == "ok":
            dist, pred = out[0], out[1]
            np.save(OUT / f"{case}_dist.npy", np.atleast_2d(dist).astype(np.float64))
            np.save(OUT / f"{case}_pred.npy", np.atleast_2d(pred).astype(np.int32))
            if len(out) == 3:
                np.save(OUT / f"{case}_sources.npy", out[2].astype(np.int32))
        rows.append([case, graph, function, method, directed, unweighted, indices, limit, min_only, unique, outcome])
    write_csv("shortest_path.csv", ["case", "graph", "function", "method", "directed", "unweighted", "indices",
                                    "limit", "min_only", "unique", "outcome"], rows)


def components():
    rows = []
    for graph in ("comp", "comp_dense", "rand", "ties"):
        for directed, connection in ((1, "weak"), (1, "strong"), (0, "weak")):
            case = f"cc_{graph}_{'directed' if directed else 'undirected'}_{connection}"
            n, labels = csgraph.connected_components(GRAPHS[graph], directed=bool(directed), connection=connection)
            np.save(OUT / f"{case}_labels.npy", labels.astype(np.int32))
            rows.append([case, graph, directed, connection, n])
    write_csv("components.csv", ["case", "graph", "directed", "connection", "n_components"], rows)


def traversal():
    rows = []
    for graph, start in (("comp", 3), ("rand", 0), ("ties", 5), ("zeros", 0)):
        for kind in ("breadth_first", "depth_first"):
            for directed in (1, 0):
                case = f"{kind}_{graph}_{start}_{'directed' if directed else 'undirected'}"
                nodes, pred = getattr(csgraph, f"{kind}_order")(GRAPHS[graph], start, directed=bool(directed))
                tree = getattr(csgraph, f"{kind}_tree")(GRAPHS[graph], start, directed=bool(directed))
                np.save(OUT / f"{case}_nodes.npy", nodes.astype(np.int32))
                np.save(OUT / f"{case}_pred.npy", pred.astype(np.int32))
                save_triplets(OUT / f"{case}_tree.npy", tree)
                rows.append([case, graph, kind, start, directed])
    write_csv("traversal.csv", ["case", "graph", "kind", "start", "directed"], rows)


def mst():
    rows = []
    for graph in ("ties", "rand", "comp", "neg", "zeros"):
        case = f"mst_{graph}"
        tree = csgraph.minimum_spanning_tree(GRAPHS[graph])
        save_triplets(OUT / f"{case}_tree.npy", tree)
        rows.append([case, graph, tree.nnz])
    write_csv("mst.csv", ["case", "graph", "nnz"], rows)


def laplacians():
    rows = []
    for graph in ("rand", "neg", "comp_dense"):
        for normed in (0, 1):
            for out_degree in (0, 1):
                for symmetrized in (0, 1):
                    if graph == "neg" and normed:
                        continue  # negative degrees: sqrt of a negative number
                    case = f"lap_{graph}_{normed}{out_degree}{symmetrized}"
                    lap, diag = csgraph.laplacian(GRAPHS[graph], normed=bool(normed), return_diag=True,
                                                  use_out_degree=bool(out_degree), symmetrized=bool(symmetrized))
                    save_triplets(OUT / f"{case}_lap.npy", lap)
                    np.save(OUT / f"{case}_diag.npy", np.asarray(diag, dtype=np.float64))
                    rows.append([case, graph, normed, out_degree, symmetrized])
    write_csv("laplacian.csv", ["case", "graph", "normed", "use_out_degree", "symmetrized"], rows)


def save_triplets(path, a):
    """A sparse result as rows (i, j, value), row-major order (explicit entries kept)."""
    coo = sp.csr_matrix(a).tocoo()
    order = np.lexsort((coo.col, coo.row))
    np.save(path, np.column_stack([coo.row[order], coo.col[order], coo.data[order]]).astype(np.float64).reshape(-1, 3))


def bandwidth(a):
    coo = sp.coo_matrix(a)
    return int(np.max(np.abs(coo.row - coo.col))) if coo.nnz else 0


def rcm_stable(a, symmetric_mode):
    """SciPy's algorithm with degree ties broken by node index."""
    if not symmetric_mode:
        a = a + a.T
    a = sp.csr_matrix(a)
    n = a.shape[0]
    degree = np.diff(a.indptr).astype(np.int64)
    for i in range(n):
        if i in a.indices[a.indptr[i]:a.indptr[i + 1]]:
            degree[i] += 1
    visited = np.zeros(n, bool)
    order = []
    for seed in np.argsort(degree, kind="stable"):
        if visited[seed]:
            continue
        visited[seed] = True
        order.append(seed)
        head = len(order) - 1
        while head < len(order):
            v = order[head]
            first = len(order)
            for w in a.indices[a.indptr[v]:a.indptr[v + 1]]:
                if not visited[w]:
                    visited[w] = True
                    order.append(w)
            order[first:] = sorted(order[first:], key=lambda x: degree[x])
            head += 1
    return np.array(order[::-1])


def rcm():
    rows = []
    for graph, symmetric_mode in (("grid", 1), ("grid", 0), ("rcm_rand", 0), ("comp", 0), ("rand", 0)):
        case = f"rcm_{graph}_{symmetric_mode}"
        g = GRAPHS[graph]
        perm = csgraph.reverse_cuthill_mckee(g, symmetric_mode=bool(symmetric_mode))
        np.save(OUT / f"{case}_perm.npy", perm.astype(np.int32))
        s = g if symmetric_mode else g + g.T
        stable = rcm_stable(g, bool(symmetric_mode))
        np.save(OUT / f"{case}_stable.npy", stable.astype(np.int32))
        exact = int(np.array_equal(perm, stable))
        rows.append([case, graph, symmetric_mode, bandwidth(s), bandwidth(s[perm][:, perm]),
                     bandwidth(s[stable][:, stable]), exact])
    write_csv("rcm.csv", ["case", "graph", "symmetric_mode", "bandwidth_before", "bandwidth_scipy",
                          "bandwidth_stable", "exact"], rows)


def matching():
    rows = []
    for graph in ("bip_wide", "bip_tall", "comp", "rand"):
        for perm_type in ("row", "column"):
            case = f"match_{graph}_{perm_type}"
            m = csgraph.maximum_bipartite_matching(GRAPHS[graph], perm_type=perm_type)
            rows.append([case, graph, perm_type, int(np.sum(m >= 0))])
    write_csv("matching.csv", ["case", "graph", "perm_type", "size"], rows)


def flow():
    rows = []
    for graph, s, t in (("cap", 0, 39), ("cap", 5, 17), ("cap_sparse", 0, 1), ("cap_sparse", 7, 60), ("ties", 2, 30)):
        g = GRAPHS[graph].astype(np.int32)  # integer capacities, as maximum_flow requires
        for method in ("dinic", "edmonds_karp"):
            case = f"flow_{graph}_{s}_{t}_{method}"
            r = csgraph.maximum_flow(g, s, t, method=method)
            np.save(OUT / f"{case}_flow_indptr.npy", r.flow.indptr.astype(np.int32))
            np.save(OUT / f"{case}_flow_indices.npy", r.flow.indices.astype(np.int32))
            rows.append([case, graph, s, t, method, int(r.flow_value)])
    write_csv("flow.csv", ["case", "graph", "source", "sink", "method", "flow_value"], rows)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*"):
        old.unlink()
    graphs()
    shortest_paths()
    components()
    traversal()
    mst()
    laplacians()
    rcm()
    matching()
    flow()
    print(f"scipy {scipy.__version__}: wrote {len(list(OUT.glob('*')))} files to {OUT}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""scipy.sparse.csgraph.dijkstra from 10 sources on the random graph of bench/sparse/dijkstra_bench.cpp.

Usage: sparse_dijkstra.py --data-dir DIR --case CASE [--repetitions R] [--min-time S]

Cases: nodes100000 (10^6 edges, the compare row), nodes10000 (a quick run).

The call: dijkstra(G, directed=True, indices=[0, N/10, ..., 9N/10]).
Accuracy: the largest violation of Bellman's equations, relative to the
largest distance, as our side computes it.
"""

import numpy as np
import scipy.sparse.csgraph

import sparse_data

NODES = {"nodes100000": 100000, "nodes10000": 10000}


def bellman_error(g, d, sources):
    coo = g.tocoo()
    worst = 0.0
    for k, s in enumerate(sources):
        dk = d[k]
        if dk[s] != 0:
            return 1.0
        reach = np.isfinite(dk[coo.row])
        best = np.full(g.shape[0], np.inf)
        np.minimum.at(best, coo.col[reach], dk[coo.row[reach]] + coo.data[reach])
        mask = np.isfinite(dk)
        mask[s] = False
        largest = dk[np.isfinite(dk)].max()
        worst = max(worst, float(np.abs(dk[mask] - best[mask]).max() / largest))
    return worst


def main():
    args = sparse_data.parse_args(__doc__, list(NODES))
    n = NODES[args.case]
    g = sparse_data.load_csr(args.data_dir / f"sparse_graph_{n}")
    sources = [k * (n // 10) for k in range(10)]
    out = {}

    def call():
        out["d"] = scipy.sparse.csgraph.dijkstra(g, directed=True, indices=sources)

    def accuracy():
        return bellman_error(g, out["d"], sources)

    sparse_data.report(args, call, accuracy)


if __name__ == "__main__":
    main()

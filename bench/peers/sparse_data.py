"""Inputs and accuracy metrics shared by the sparse peer scripts (bench/peers/sparse_*.py).

The inputs are the .npy files that bench/sparse/*_bench.cpp write (--write-data);
the metrics are those of bench/sparse/sparse_bench.hpp, by the same formulas.
"""

import numpy as np
import scipy.sparse

import peer_timing


def load_csr(folder):
    """The square csr_array of folder/{indptr,indices,data}.npy (int32 indices, as SciPy's own)."""
    indptr = np.load(folder / "indptr.npy")
    indices = np.load(folder / "indices.npy")
    data = np.load(folder / "data.npy")
    n = len(indptr) - 1
    assert indices.shape == data.shape == (indptr[-1],), (indices.shape, data.shape, indptr[-1])
    return scipy.sparse.csr_array((data, indices, indptr), shape=(n, n))


def poisson(data_dir, side):
    """(A, b) of the 2-D Poisson workload sparse_poisson_SIDE (spsolve_bench.cpp)."""
    folder = data_dir / f"sparse_poisson_{side}"
    a = load_csr(folder)
    b = np.load(folder / "b.npy")
    assert a.shape == (side * side, side * side) and b.shape == (side * side,), (a.shape, b.shape)
    return a, b


def relative_residual_2norm(a, x, b):
    """||a x - b||_2 / ||b||_2."""
    return float(np.linalg.norm(b - a @ x) / np.linalg.norm(b))


def relative_difference(y, y_ref):
    """max_i |y_i - y_ref_i| / ||y_ref||_inf."""
    return float(np.abs(y - y_ref).max() / np.abs(y_ref).max())


# The options and the report every peer script shares (peer_timing.py).
parse_args = peer_timing.parse_args
report = peer_timing.report

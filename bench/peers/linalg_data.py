"""Inputs and accuracy metrics shared by the linalg peer scripts (bench/peers/linalg_*.py).

The inputs are the .npy files that bench/linalg/*_bench.cpp write (--write-data);
the metrics are those of bench/linalg/linalg_bench.hpp, by the same formulas.
"""

import numpy as np

import peer_timing

SYSTEMS = 100_000  # matrices in every small-matrix batch


def batch_cases(*orders):
    """The case names of the batches of these orders: batchN_loop and batchN_stacked."""
    return [f"batch{n}_{layout}" for n in orders for layout in ("loop", "stacked")]


def parse_batch_case(case):
    """'batch16_loop' -> (16, False); 'batch4_stacked' -> (4, True)."""
    order, layout = case.removeprefix("batch").split("_")
    return int(order), layout == "stacked"


def load_batch(folder, order, name="a.npy"):
    """The stacked (100000 order, order) matrices of folder/name as a contiguous (100000, order, order) array."""
    a = np.load(folder / name)
    assert a.shape == (SYSTEMS * order, order), a.shape
    return np.ascontiguousarray(a.reshape(SYSTEMS, order, order))


def load_case(args, single, batch_prefix):
    """The input of a case that is one matrix or a batch: (a, stacked).

    Case n2000: folder `single` (say "solve_n2000") of --data-dir, one call on
    the whole matrix (stacked is True); case batchN_loop / batchN_stacked: the
    100 000 matrices of folder "{batch_prefix}_NxN_batch", shape (100000, N, N).
    """
    if not args.case.startswith("batch"):
        return np.load(args.data_dir / single / "a.npy"), True
    n, stacked = parse_batch_case(args.case)
    return load_batch(args.data_dir / f"{batch_prefix}_{n}x{n}_batch", n), stacked


def inf_norm(a):
    """||a||_inf, the largest row sum, over the last two axes."""
    return np.abs(a).sum(axis=-1).max(axis=-1)


def one_norm(a):
    """||a||_1, the largest column sum, over the last two axes."""
    return np.abs(a).sum(axis=-2).max(axis=-1)


def inverse_residual(a, x):
    """||a x - I||_inf / (||a||_inf ||x||_inf), over the last two axes."""
    return inf_norm(a @ x - np.eye(a.shape[-1])) / (inf_norm(a) * inf_norm(x))


def orthogonality(q):
    """||q^T q - I||_1: how far the columns of q are from orthonormal, over the last two axes."""
    return one_norm(np.swapaxes(q, -1, -2) @ q - np.eye(q.shape[-1]))


# The options and the report every peer script shares (peer_timing.py).
parse_args = peer_timing.parse_args
report = peer_timing.report

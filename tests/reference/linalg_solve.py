#!/usr/bin/env python3
"""Reference solutions of scipy.linalg.solve for tests/linalg/solve_test.cpp.

Writes tests/data/linalg/solve/: for each case, the effective matrix
(<case>_a.npy: the symmetric / Hermitian matrix that the chosen triangle
defines), the right-hand side (<case>_b.npy, 1-D or 2-D as passed to SciPy)
and SciPy's solution (<case>_x.npy); complex arrays are stored as two float64
arrays, <name>_re.npy and <name>_im.npy. cases.csv lists one case per row:
name, dtype, assume_a, lower, transposed, cond_1 (NumPy's 1-norm condition
number of the effective matrix), warns (1 if SciPy raised LinAlgWarning).

For sym / her / pos the triangle that must be ignored is overwritten with
IGNORED (a value that would change the answer if it were read) before SciPy
sees it; the C++ test does the same, so both solve the same input.

Run with the pinned peers: .venv/bin/python3 tests/reference/linalg_solve.py
"""
import pathlib
import warnings

import numpy as np
import scipy
import scipy.linalg

import fixture_io
from fixture_io import DTYPES, random_matrix

OUT = pathlib.Path(__file__).resolve().parents[1] / "data" / "linalg" / "solve"
IGNORED = 1.0e3  # plus 1e3j for complex matrices
N = 6



def effective_matrix(rng, dtype, assume_a, n=N):
    m = random_matrix(rng, dtype, n, n)
    if assume_a == "gen":
        return m
    if assume_a == "sym":
        return (m + m.T).astype(dtype)
    if assume_a == "her":
        return (m + m.conj().T).astype(dtype)
    return (m @ m.conj().T + n * np.eye(n)).astype(dtype)  # pos: well-conditioned SPD / HPD


def corrupt_ignored_triangle(a, lower):
    a = a.copy()
    value = IGNORED + (1j * IGNORED if np.iscomplexobj(a) else 0)
    n = a.shape[0]
    idx = np.triu_indices(n, 1) if lower else np.tril_indices(n, -1)
    a[idx] = value
    return a



def main():
    fixture_io.fresh_dir(OUT)
    rng = np.random.default_rng(20261122)
    rows = []

    def add(name, dtype_code, assume_a, lower, transposed, a_eff, b, a_passed=None):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            x = scipy.linalg.solve(a_eff if a_passed is None else a_passed, b, assume_a=assume_a,
                                   lower=lower, transposed=transposed)
        warned = any(issubclass(w.category, scipy.linalg.LinAlgWarning) for w in caught)
        fixture_io.save(OUT, f"{name}_a", a_eff)
        fixture_io.save(OUT, f"{name}_b", b)
        fixture_io.save(OUT, f"{name}_x", x)
        cond = np.linalg.cond(a_eff.astype(np.complex128 if np.iscomplexobj(a_eff) else np.float64), 1)
        rows.append([name, dtype_code, assume_a, int(lower), int(transposed), f"{cond:.17g}", int(warned)])

    for code, dtype in DTYPES.items():
        complex_ = np.issubdtype(dtype, np.complexfloating)
        for transposed in ([False] if complex_ else [False, True]):  # SciPy: no transposed complex solve
            for b_1d in (True, False):
                a = effective_matrix(rng, dtype, "gen")
                b = random_matrix(rng, dtype, N, 1)[:, 0] if b_1d else random_matrix(rng, dtype, N, 3)
                add(f"gen_{code}_t{int(transposed)}_{'v' if b_1d else 'm'}", code, "gen", False, transposed, a, b)
        for assume_a in ("sym", "her", "pos"):
            for lower in (False, True):
                a = effective_matrix(rng, dtype, assume_a)
                b_1d = not lower  # vary the right-hand side's shape too
                b = random_matrix(rng, dtype, N, 1)[:, 0] if b_1d else random_matrix(rng, dtype, N, 3)
                add(f"{assume_a}_{code}_l{int(lower)}", code, assume_a, lower, False, a, b,
                    corrupt_ignored_triangle(a, lower))

    # Order 200: above the size where solve() switches from Eigen's LU to LAPACK's.
    for transposed in (False, True):
        a = rng.standard_normal((200, 200))
        b = rng.standard_normal((200, 2))
        add(f"gen_d_n200_t{int(transposed)}", "d", "gen", False, transposed, a, b)

    # Order 100: above LAPACK's block size (64), so ?sytrf / ?hetrf / ?potrf run
    # their blocked code with the workspace from the size query.
    for assume_a, code, lower in (("sym", "d", False), ("sym", "c", True), ("her", "z", True), ("pos", "d", True)):
        a = effective_matrix(rng, DTYPES[code], assume_a, 100)
        b = random_matrix(rng, DTYPES[code], 100, 2)
        add(f"{assume_a}_{code}_n100_l{int(lower)}", code, assume_a, lower, False, a, b,
            corrupt_ignored_triangle(a, lower))

    # Hilbert matrix of order 14: cond_1 ~ 1e19 > 1/eps, so SciPy warns.
    hilbert = scipy.linalg.hilbert(14)
    add("gen_d_hilbert14", "d", "gen", False, False, hilbert, np.ones(14))

    fixture_io.write_manifest(OUT / "cases.csv", ["name", "dtype", "assume_a", "lower", "transposed", "cond_1", "warns"], rows)
    print(f"scipy {scipy.__version__}, numpy {np.__version__}: wrote {len(rows)} cases to {OUT}")


if __name__ == "__main__":
    main()

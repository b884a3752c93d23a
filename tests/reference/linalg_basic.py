#!/usr/bin/env python3
"""Reference values of scipy.linalg.solve_triangular, scipy.linalg.det,
numpy.linalg.slogdet and scipy.linalg.inv for tests/linalg/solve_triangular_test.cpp,
det_test.cpp and inv_test.cpp.

Writes tests/data/linalg/basic/: per case the input matrix <case>_a.npy (the
full matrix passed to the peer; for solve_triangular the ignored triangle holds
IGNORED), <case>_b.npy and <case>_x.npy (solve_triangular), and the scalar
results in cases.csv. Complex arrays are stored as <name>_re.npy / _im.npy.

Run with the pinned peers: .venv/bin/python3 tests/reference/linalg_basic.py
"""
import csv
import pathlib

import numpy as np
import scipy
import scipy.linalg

import fixture_io
from fixture_io import DTYPES, random_matrix

OUT = pathlib.Path(__file__).resolve().parents[1] / "data" / "linalg" / "basic"
IGNORED = 1.0e3




def main():
    fixture_io.fresh_dir(OUT)
    rng = np.random.default_rng(20261123)
    tri_rows, det_rows = [], []

    # solve_triangular: each scalar type, both triangles, each trans, unit diagonal.
    for code, dtype in DTYPES.items():
        for lower in (False, True):
            for trans in (0, 1, 2):
                for unit in (False, True):
                    n = 7
                    t = random_matrix(rng, dtype, n, n)
                    t[np.diag_indices(n)] += (3 * n) * np.ones(n, dtype)  # well conditioned
                    ignored = np.triu_indices(n, 1) if lower else np.tril_indices(n, -1)
                    t[ignored] = IGNORED
                    if unit:
                        t[np.diag_indices(n)] = IGNORED  # must not be read either
                    b = random_matrix(rng, dtype, n, 2)
                    x = scipy.linalg.solve_triangular(t, b, trans=trans, lower=lower, unit_diagonal=unit)
                    name = f"tri_{code}_l{int(lower)}_t{trans}_u{int(unit)}"
                    fixture_io.save(OUT, f"{name}_a", t)
                    fixture_io.save(OUT, f"{name}_b", b)
                    fixture_io.save(OUT, f"{name}_x", x)
                    tri_rows.append([name, code, int(lower), trans, int(unit)])

    # det and slogdet: random, with a permutation that is odd, singular, tiny.
    for code, dtype in DTYPES.items():
        for kind in ("random", "odd_permutation", "singular", "scaled"):
            n = 6
            a = random_matrix(rng, dtype, n, n)
            if kind == "odd_permutation":
                a = np.eye(n, dtype=dtype)[[1, 0, 2, 3, 4, 5]] * dtype(2)
            elif kind == "singular":
                a[:, 3] = a[:, 1]
                a[:, 3] = 0
            elif kind == "scaled":
                a = (a * dtype(1e-3)).astype(dtype)
            det = scipy.linalg.det(a)
            sign, logabsdet = np.linalg.slogdet(a)
            name = f"det_{code}_{kind}"
            fixture_io.save(OUT, f"{name}_a", a)
            det_rows.append([name, code, f"{complex(det).real:.17g}", f"{complex(det).imag:.17g}",
                             f"{complex(sign).real:.17g}", f"{complex(sign).imag:.17g}", f"{float(logabsdet):.17g}"])

    # inv: each scalar type and structure; sym / her / pos with the ignored
    # triangle overwritten, as for solve. Order 150 runs LAPACK's getri path.
    inv_rows = []
    for code, dtype in DTYPES.items():
        for assume_a in ("gen", "sym", "her", "pos"):
            for lower in ((False,) if assume_a == "gen" else (False, True)):
                for n in ((6, 150) if assume_a == "gen" else (6,)):
                    m = random_matrix(rng, dtype, n, n)
                    a = {"gen": m, "sym": m + m.T, "her": m + m.conj().T,
                         "pos": m @ m.conj().T + n * np.eye(n)}[assume_a].astype(dtype)
                    passed = a.copy()
                    if assume_a != "gen":
                        ignored = np.triu_indices(n, 1) if lower else np.tril_indices(n, -1)
                        passed[ignored] = IGNORED + (1j * IGNORED if np.iscomplexobj(a) else 0)
                    x = scipy.linalg.inv(passed, assume_a=assume_a, lower=lower)
                    name = f"inv_{code}_{assume_a}_l{int(lower)}_n{n}"
                    fixture_io.save(OUT, f"{name}_a", a)
                    fixture_io.save(OUT, f"{name}_x", x)
                    cond = np.linalg.cond(a.astype(np.complex128 if np.iscomplexobj(a) else np.float64), 1)
                    inv_rows.append([name, code, assume_a, int(lower), f"{cond:.17g}"])
    fixture_io.write_manifest(OUT / "inv_cases.csv", ["name", "dtype", "assume_a", "lower", "cond_1"], inv_rows)

    fixture_io.write_manifest(OUT / "triangular_cases.csv", ["name", "dtype", "lower", "trans", "unit_diagonal"], tri_rows)
    fixture_io.write_manifest(OUT / "det_cases.csv", ["name", "dtype", "det_re", "det_im", "sign_re", "sign_im", "logabsdet"], det_rows)
    print(f"scipy {scipy.__version__}, numpy {np.__version__}: wrote {len(tri_rows)} + {len(det_rows)} cases to {OUT}")


if __name__ == "__main__":
    main()

"""SciPy's expm_multiply(A, B) on matrices of tests/sparse/problems.hpp
(exactly representable entries, built the same way by the test) scaled by
exactly representable factors: small and large ||A||_1 (the two ways of
choosing the Taylor degree), symmetric and not, a vector and a 3-column B.
Each result is also checked here against scipy.linalg.expm(A) @ B.

Writes tests/data/sparse/expm_multiply/cases.csv: name, problem, nx, scale,
columns of B, then exp(scale A) B column by column; and grid.csv, SciPy's
time-grid form expm_multiply(scale A, B, start, stop, num, endpoint) (its
Algorithm 5.2, each of its three branches: q <= s, q a multiple of s, q not a
multiple of s): name, problem, nx, scale, columns of B, start, stop, num,
endpoint, then the points one after another, each column by column.

Run: .venv/bin/python tests/reference/sparse_expm_multiply.py
"""

import csv
from pathlib import Path

import numpy as np
import scipy
import scipy.linalg
from scipy.sparse.linalg import expm_multiply

from sparse_krylov import problem

OUT = Path(__file__).resolve().parents[1] / "data" / "sparse" / "expm_multiply"

CASES = [
    # name, problem, nx, scale, columns of B
    ("heat_small", "poisson", 8, -0.125, 1),
    ("heat_unit", "poisson", 8, -1.0, 1),
    ("heat_large", "poisson", 8, -20.0, 1),
    ("convdiff", "convdiff", 7, -0.5, 1),
    ("convdiff_block", "convdiff", 7, -4.0, 3),
    ("growth", "convdiff", 6, 0.25, 2),
]


GRID_CASES = [
    # name, problem, nx, scale, columns of B, start, stop, num, endpoint
    ("heat_few_points", "poisson", 8, -20.0, 1, 0.0, 1.0, 4, True),       # q <= s
    ("heat_many_points", "poisson", 8, -0.125, 1, 0.0, 1.0, 41, True),    # q > s, q % s == 0
    ("heat_uneven", "poisson", 8, -2.0, 2, 0.0, 2.0, 10, True),           # q > s, q % s != 0
    ("convdiff_open_end", "convdiff", 7, -0.5, 3, 0.0, 2.0, 6, False),
    ("growth_offset", "convdiff", 6, 0.25, 1, 0.5, 1.5, 5, True),
]


def rhs(n, k):
    """B(i, j) = 1 + (i + 3 j) mod 5: exactly representable."""
    i, j = np.meshgrid(np.arange(n), np.arange(k), indexing="ij")
    return 1.0 + (i + 3 * j) % 5


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    rows = []
    for name, prob, nx, scale, k in CASES:
        a = (scale * problem(prob, nx)).tocsr()
        b = rhs(a.shape[0], k)
        x = expm_multiply(a, b)
        ref = scipy.linalg.expm(a.toarray()) @ b
        assert np.abs(x - ref).max() <= 1e-12 * np.abs(ref).max(), name
        rows.append([name, prob, nx, repr(scale), k, " ".join(repr(float(v)) for v in x.ravel(order="F"))])
    grid_rows = []
    for name, prob, nx, scale, k, start, stop, num, endpoint in GRID_CASES:
        a = (scale * problem(prob, nx)).tocsr()
        b = rhs(a.shape[0], k)
        x = expm_multiply(a, b if k > 1 else b[:, 0], start=start, stop=stop, num=num, endpoint=endpoint)
        x = x.reshape(num, a.shape[0], k)
        times = np.linspace(start, stop, num, endpoint=endpoint)
        for point, t in zip(x, times):
            ref = scipy.linalg.expm(t * a.toarray()) @ b
            assert np.abs(point - ref).max() <= 1e-12 * np.abs(ref).max(), (name, t)
        values = np.concatenate([point.ravel(order="F") for point in x])
        grid_rows.append([name, prob, nx, repr(scale), k, repr(start), repr(stop), num, int(endpoint),
                          " ".join(repr(float(v)) for v in values)])
    with open(OUT / "grid.csv", "w", newline="") as f:
        f.write(f"# scipy {scipy.__version__}: name,problem,nx,scale,columns of B,start,stop,num,endpoint,"
                "the points in turn, each column-major\n")
        csv.writer(f, lineterminator="\n").writerows(grid_rows)
    with open(OUT / "cases.csv", "w", newline="") as f:
        f.write(f"# scipy {scipy.__version__}: name,problem,nx,scale,columns of B,expm_multiply(scale A, B) "
                "column-major\n")
        csv.writer(f, lineterminator="\n").writerows(rows)


if __name__ == "__main__":
    main()

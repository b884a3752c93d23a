"""SciPy's onenormest with t = 1 (Hager's method: deterministic, started from
the vector of ones) on the matrices of tests/sparse/onenormest_test.cpp, built
from exactly representable entries as the test builds them, and their exact
1-norms. With t > 1 SciPy starts from unseeded random columns, so only t = 1
can be compared value for value.

Writes tests/data/sparse/onenormest/cases.csv.

Run: .venv/bin/python tests/reference/sparse_onenormest.py
"""

import csv
from pathlib import Path

import numpy as np
import scipy
from scipy.sparse.linalg import onenormest

from sparse_krylov import problem

OUT = Path(__file__).resolve().parents[1] / "data" / "sparse" / "onenormest"


def uneven(nx):
    """Convection-diffusion with column j scaled by 1 + (7919 j mod 101) / 10."""
    a = problem("convdiff", nx).tocoo()
    a.data = a.data * (1.0 + ((a.col * 7919) % 101) / 10.0)
    return a.tocsr()


CASES = {
    "poisson_20": lambda: problem("poisson", 20),
    "scaled_15": lambda: problem("scaled", 15),
    "convdiff_12": lambda: problem("convdiff", 12),
    "uneven_15": lambda: uneven(15),
}


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    rows = []
    for name, make in CASES.items():
        a = make()
        rows.append([name, repr(float(onenormest(a, t=1))), repr(float(abs(a).sum(axis=0).max()))])
    with open(OUT / "cases.csv", "w", newline="") as f:
        f.write(f"# scipy {scipy.__version__}: name,onenormest(A, t=1),||A||_1\n")
        csv.writer(f, lineterminator="\n").writerows(rows)


if __name__ == "__main__":
    main()

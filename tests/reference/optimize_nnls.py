"""SciPy's nnls on random problems: tall, square and wide, full rank and rank
deficient, with right-hand sides that make some bounds active. Writes A, b, x
and rnorm per case under tests/data/optimize/nnls/ (cases.csv lists them) for
tests/optimize/nnls_test.cpp.

Run: .venv/bin/python tests/reference/optimize_nnls.py
"""

import csv
from pathlib import Path

import numpy as np
import scipy
from scipy.optimize import nnls

OUT = Path(__file__).resolve().parents[1] / "data" / "optimize" / "nnls"


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(20261206)
    rows = []
    shapes = [(20, 5), (50, 10), (10, 10), (100, 30), (8, 12), (30, 6)]
    for k, (m, n) in enumerate(shapes):
        a = rng.standard_normal((m, n))
        if k == 5:  # rank deficient: a repeated column
            a[:, 3] = a[:, 1]
        b = rng.standard_normal(m)
        x, rnorm = nnls(a, b)
        name = f"case{k}_{m}x{n}"
        np.save(OUT / f"{name}_a.npy", a)
        np.save(OUT / f"{name}_b.npy", b)
        np.save(OUT / f"{name}_x.npy", x)
        rows.append([name, m, n, repr(float(rnorm)), int(np.sum(x > 0)), int(np.linalg.matrix_rank(a))])
    with open(OUT / "cases.csv", "w", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["name", "m", "n", "rnorm", "positive", "rank"])
        w.writerows(rows)
    print(f"scipy {scipy.__version__}: {len(rows)} cases written to {OUT}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Reference eigenvalues and singular values from scipy.linalg for matrices of
order 1 to 8, where eigh() and svd() run the Jacobi methods instead of LAPACK
(tests/linalg/small_order_test.cpp).

Writes tests/data/linalg/small/. cases.csv lists one case per row: name, kind
('eigh' or 'svd'), dtype ('f' or 'd'), lower (eigh: the triangle SciPy read),
scale (||a||_2, which bounds the error of a backward stable solver's
eigenvalues (Weyl) and singular values). Per case: <name>_a, the matrix SciPy
was given (eigh: the triangle that must be ignored holds IGNORED), and SciPy's
<name>_w (eigh) or <name>_s (svd). For eigh also <name>_heff, the symmetric
matrix that the read triangle defines.

The matrices: random ones of each order, repeated, clustered and zero
eigenvalues / singular values, rank-deficient, diagonal out of order, graded
(entries over 12 to 28 decades), and scaled near the ends of the floating-point range, where the
Jacobi methods' scaling must keep every rotation finite.

Run with the pinned peers (SciPy 1.17.1): .venv/bin/python3 tests/reference/linalg_small.py
"""
import pathlib

import numpy as np
import scipy
import scipy.linalg

import fixture_io
from fixture_io import DTYPES

OUT = pathlib.Path(__file__).resolve().parents[1] / "data" / "linalg" / "small"


def orthogonal(rng, n):
    q, r = np.linalg.qr(rng.standard_normal((n, n)))
    return q * np.sign(np.diag(r))


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.npy"):
        old.unlink()
    rng = np.random.default_rng(20261207)
    rows = []

    def save(name, array):
        fixture_io.save(OUT, name, np.asarray(array).astype(np.float64))

    def add_eigh(name, code, heff, lower=True):
        heff = np.asarray(heff, dtype=DTYPES[code])
        a = fixture_io.with_ignored_triangle(heff, lower)
        w = scipy.linalg.eigh(a, lower=lower, eigvals_only=True)
        rows.append([name, "eigh", code, int(lower), repr(float(np.linalg.norm(heff.astype(np.float64), 2)))])
        save(f"{name}_a", a)
        save(f"{name}_heff", heff)
        save(f"{name}_w", w)

    def add_svd(name, code, a):
        a = np.asarray(a, dtype=DTYPES[code])
        s = scipy.linalg.svd(a, compute_uv=False)
        rows.append([name, "svd", code, 1, repr(float(np.linalg.norm(a.astype(np.float64), 2)))])
        save(f"{name}_a", a)
        save(f"{name}_s", s)

    for code, big, small in (("f", 1e30, 1e-30), ("d", 1e300, 1e-300)):
        for n in range(1, 9):
            g = rng.standard_normal((n, n))
            add_eigh(f"eigh_{code}_random{n}_lower", code, g + g.T, lower=True)
            add_eigh(f"eigh_{code}_random{n}_upper", code, g + g.T, lower=False)
            add_svd(f"svd_{code}_random{n}", code, rng.standard_normal((n, n)))
        q = orthogonal(rng, 8)
        add_eigh(f"eigh_{code}_clustered8", code, q @ np.diag([1.0, 1.0 + 1e-10, 1.0 + 2e-10, 2.0, 2.0, 3.0, -1.0, 0.0]) @ q.T)
        g = rng.standard_normal((8, 8))
        add_eigh(f"eigh_{code}_graded8", code, np.diag(np.logspace(0, -14, 8)) @ (g + g.T) @ np.diag(np.logspace(0, -14, 8)))
        add_svd(f"svd_{code}_rank3_order8", code, rng.standard_normal((8, 3)) @ rng.standard_normal((3, 8)))
        q = orthogonal(rng, 4)
        add_eigh(f"eigh_{code}_repeated", code, q @ np.diag([1.0, 1.0, 2.0, 2.0]) @ q.T)
        add_eigh(f"eigh_{code}_zero", code, np.zeros((4, 4)))
        add_eigh(f"eigh_{code}_diagonal", code, np.diag([3.0, -1.0, 2.0, 0.0]))
        v = rng.standard_normal(4)
        add_eigh(f"eigh_{code}_rank1", code, np.outer(v, v))
        g = rng.standard_normal((4, 4))
        d = np.diag([1.0, 1e-4, 1e-8, 1e-12])
        add_eigh(f"eigh_{code}_graded", code, d @ (g + g.T) @ d)
        g = rng.standard_normal((4, 4))
        add_eigh(f"eigh_{code}_huge", code, big * (g + g.T))
        add_eigh(f"eigh_{code}_tiny", code, small * (g + g.T))

        add_svd(f"svd_{code}_rank2", code, rng.standard_normal((4, 2)) @ rng.standard_normal((2, 4)))
        add_svd(f"svd_{code}_zero", code, np.zeros((4, 4)))
        z = rng.standard_normal((4, 4))
        z[:, 1] = 0.0
        add_svd(f"svd_{code}_zero_column", code, z)
        add_svd(f"svd_{code}_identity", code, np.eye(3))
        add_svd(f"svd_{code}_graded", code, rng.standard_normal((4, 4)) @ np.diag([1.0, 1e-4, 1e-8, 1e-12]))
        add_svd(f"svd_{code}_huge", code, big * rng.standard_normal((4, 4)))
        add_svd(f"svd_{code}_tiny", code, small * rng.standard_normal((4, 4)))

    fixture_io.write_manifest(OUT / "cases.csv", ["name", "kind", "dtype", "lower", "scale"], rows)
    print(f"scipy {scipy.__version__}, numpy {np.__version__}: wrote {len(rows)} cases to {OUT}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Reference LU and Cholesky decompositions of scipy.linalg for
tests/linalg/lu_test.cpp and tests/linalg/cholesky_test.cpp.

Writes tests/data/linalg/decomp/. cases.csv lists one case per row:
name, kind, dtype, lower, trans, warns (1 if SciPy raised LinAlgWarning),
error_order (the leading minor SciPy's cholesky names, 0 if none), cond_1
(NumPy's 1-norm condition number of a, square cases only, else 0). Per kind:

- lu: <name>_a, and scipy.linalg.lu's <name>_p (p_indices=True: row
  indices), <name>_l, <name>_u, <name>_pl (permute_l=True).
- lu_solve: <name>_a, lu_factor's <name>_lu and <name>_piv, the right-hand
  side <name>_b (1-D or 2-D as passed) and lu_solve's <name>_x for `trans`.
- cholesky: <name>_a as passed to SciPy (the triangle that must be ignored
  is overwritten with fixture_io.IGNORED, a value that would change the answer if read),
  <name>_heff (the Hermitian matrix the read triangle defines), cholesky's
  <name>_c, cho_factor's <name>_cf, <name>_b and cho_solve's <name>_x.
- cholesky_fail: <name>_a, which SciPy's cholesky rejects (error_order).

Complex arrays are stored as two float64 arrays, <name>_re.npy and <name>_im.npy.

Run with the pinned peers (SciPy 1.17.1): .venv/bin/python3 tests/reference/linalg_decomp.py
"""
import pathlib
import re
import warnings

import numpy as np
import scipy
import scipy.linalg

import fixture_io
from fixture_io import DTYPES, random_matrix

OUT = pathlib.Path(__file__).resolve().parents[1] / "data" / "linalg" / "decomp"


def save(name, array):
    fixture_io.save_float64(OUT, name, array)


def cond_1(a):
    if a.shape[0] != a.shape[1]:
        return 0.0
    return float(np.linalg.cond(a.astype(np.complex128 if np.iscomplexobj(a) else np.float64), 1))


def caught_linalg_warning(caught):
    return int(any(issubclass(w.category, scipy.linalg.LinAlgWarning) for w in caught))


def main():
    fixture_io.fresh_dir(OUT)
    rng = np.random.default_rng(20261123)
    rows = []

    def row(name, kind, code, a, lower=0, trans=0, warns=0, error_order=0):
        rows.append([name, kind, code, int(lower), trans, warns, error_order, f"{cond_1(a):.17g}"])

    def add_lu(name, code, a):
        p, l, u = scipy.linalg.lu(a, p_indices=True)
        pl, u2 = scipy.linalg.lu(a, permute_l=True)
        assert np.array_equal(u, u2)
        for suffix, array in (("a", a), ("p", p), ("l", l), ("u", u), ("pl", pl)):
            save(f"{name}_{suffix}", array)
        row(name, "lu", code, a)

    def add_lu_solve(name, code, a, b, trans):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            lu, piv = scipy.linalg.lu_factor(a)
        x = scipy.linalg.lu_solve((lu, piv), b, trans=trans)
        for suffix, array in (("a", a), ("lu", lu), ("piv", piv), ("b", b), ("x", x)):
            save(f"{name}_{suffix}", array)
        row(name, "lu_solve", code, a, trans=trans, warns=caught_linalg_warning(caught))

    def add_cholesky(name, code, heff, lower, b):
        passed = fixture_io.with_ignored_triangle(heff, lower)
        c = scipy.linalg.cholesky(passed, lower=lower)
        cf, lower_out = scipy.linalg.cho_factor(passed, lower=lower)
        assert lower_out == lower
        x = scipy.linalg.cho_solve((cf, lower), b)
        for suffix, array in (("a", passed), ("heff", heff), ("c", c), ("cf", cf), ("b", b), ("x", x)):
            save(f"{name}_{suffix}", array)
        row(name, "cholesky", code, heff, lower=lower)

    def add_cholesky_fail(name, code, a, lower=False):
        try:
            scipy.linalg.cholesky(a, lower=lower)
        except scipy.linalg.LinAlgError as e:
            order = int(re.match(r"(\d+)-th leading minor", str(e)).group(1))
        else:
            raise AssertionError(f"{name}: SciPy factored it")
        save(f"{name}_a", a)
        row(name, "cholesky_fail", code, a, lower=lower, error_order=order)

    for code, dtype in DTYPES.items():
        # lu: square, tall and wide
        for m, n in ((5, 5), (7, 4), (4, 7)):
            add_lu(f"lu_{code}_{m}x{n}", code, random_matrix(rng, dtype, m, n))
        # lu_factor / lu_solve: each trans, vector and matrix right-hand sides
        for trans in (0, 1, 2):
            a = random_matrix(rng, dtype, 6, 6)
            b = random_matrix(rng, dtype, 6, 1)[:, 0] if trans != 1 else random_matrix(rng, dtype, 6, 3)
            add_lu_solve(f"lus_{code}_t{trans}", code, a, b, trans)
        # cholesky / cho_factor / cho_solve: each triangle
        for lower in (False, True):
            m = random_matrix(rng, dtype, 6, 6)
            heff = (m @ m.conj().T + 6 * np.eye(6)).astype(dtype)
            b = random_matrix(rng, dtype, 6, 1)[:, 0] if lower else random_matrix(rng, dtype, 6, 2)
            add_cholesky(f"cho_{code}_l{int(lower)}", code, heff, lower, b)

    # Order 72: above LAPACK's block size (64), so the blocked ?getrf / ?potrf run.
    add_lu("lu_d_72x66", "d", random_matrix(rng, np.float64, 72, 66))
    add_lu_solve("lus_z_n72_t0", "z", random_matrix(rng, np.complex128, 72, 72),
                 random_matrix(rng, np.complex128, 72, 2), 0)
    m = random_matrix(rng, np.float64, 72, 72)
    add_cholesky("cho_d_n72_l1", "d", m @ m.T + 72 * np.eye(72), True, random_matrix(rng, np.float64, 72, 2))

    # Structured: a singular matrix (rank 2; lu() factors it silently, lu_factor
    # warns), and the Hilbert matrix (cond_1 ~ 1e16 at order 12; SciPy's
    # lu_factor does not warn about ill-conditioning, only exact singularity).
    singular = np.outer([1.0, 2.0, 3.0, 4.0], [1.0, 1.0, 2.0, 0.5]) + np.outer([0.0, 1.0, 0.0, 1.0],
                                                                            [1.0, 0.0, 1.0, 0.0])
    add_lu("lu_d_singular", "d", singular)
    add_lu_solve("lus_d_singular", "d", singular, np.ones(4), 0)
    add_lu("lu_d_hilbert12", "d", scipy.linalg.hilbert(12))
    add_lu_solve("lus_d_hilbert12", "d", scipy.linalg.hilbert(12), np.ones(12), 0)
    add_cholesky("cho_d_hilbert12_l0", "d", scipy.linalg.hilbert(12), False, np.ones(12))

    # Not positive definite: SciPy names the order of the failing leading minor.
    add_cholesky_fail("chofail_d_indefinite", "d", np.diag([4.0, 1.0, -2.0, 3.0]) + 0.1 * np.ones((4, 4)))
    add_cholesky_fail("chofail_z_indefinite_l1", "z",
                      np.array([[2.0, 1j, 0.0], [-1j, 2.0, 3.0], [0.0, 3.0, 1.0]]), lower=True)
    add_cholesky_fail("chofail_d_hilbert14", "d", scipy.linalg.hilbert(14))  # rounding defeats order 13
    add_cholesky_fail("chofail_f_hilbert10", "f", scipy.linalg.hilbert(10).astype(np.float32))

    fixture_io.write_manifest(OUT / "cases.csv", ["name", "kind", "dtype", "lower", "trans", "warns", "error_order", "cond_1"], rows)
    print(f"scipy {scipy.__version__}, numpy {np.__version__}: wrote {len(rows)} cases to {OUT}")


if __name__ == "__main__":
    main()

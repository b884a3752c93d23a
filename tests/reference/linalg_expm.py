#!/usr/bin/env python3
"""Reference matrix exponentials of scipy.linalg for tests/linalg/expm_test.cpp.

Writes tests/data/linalg/expm/. cases.csv lists one case per row:
name, kind, dtype, m, s, kappa. Per kind:

- expm: <name>_a and scipy.linalg.expm's <name>_x. m and s are the Pade
  degree and number of squarings SciPy's pick_pade_structure chose (0 and 0
  for the diagonal fast path), so that the suite can see every degree covered.
- frechet: <name>_a, <name>_e and expm_frechet's <name>_x (expm) and
  <name>_l (the derivative). m is the degree Table 6.1 of Al-Mohy and Higham
  selects from ||a||_1 (13 when scaled), s the squarings.
- trig: <name>_a and cosm's <name>_cos, sinm's <name>_sin, tanm's <name>_tan.

kappa is the relative condition number of the exponential, expm_cond (the
Frobenius-norm condition number, computed in double precision from the
stored a; for trig cases that of expm(1j a)): the suite's tolerances are
multiples of kappa times the unit roundoff.

Complex arrays are stored as two float64 arrays, <name>_re.npy and <name>_im.npy.

Run with the pinned peers (SciPy 1.17.1): .venv/bin/python3 tests/reference/linalg_expm.py
"""
import math
import pathlib

import numpy as np
import scipy
import scipy.linalg
from scipy.linalg._matfuncs_expm import pick_pade_structure

import fixture_io
from fixture_io import DTYPES, random_matrix

OUT = pathlib.Path(__file__).resolve().parents[1] / "data" / "linalg" / "expm"

# Table 6.1 bounds of expm_frechet for degrees 3, 5, 7, 9 and 13.
FRECHET_BOUNDS = {3: 1.08e-2, 5: 2.00e-1, 7: 7.83e-1, 9: 1.78e0, 13: 4.74e0}


def save(name, array):
    array = np.asarray(array)
    fixture_io.save(OUT, name, array if np.iscomplexobj(array) else array.astype(np.float64))


def wide(a):
    return a.astype(np.complex128 if np.iscomplexobj(a) else np.float64)


def kappa(a):
    return float(scipy.linalg.expm_cond(wide(a)))


def degree(a):
    """SciPy's (m, s) for expm(a); (0, 0) for the diagonal fast path."""
    if not np.any(a - np.diag(np.diag(a))):
        return 0, 0
    work = np.empty((5,) + a.shape, dtype=a.dtype)
    work[0] = a
    m, s = pick_pade_structure(work)
    return int(m), int(s)


def scaled_to_degree(rng, dtype, n, m, s_min=0):
    """A random n x n matrix scaled until SciPy picks degree m (with >= s_min squarings)."""
    base = random_matrix(rng, dtype, n, n)
    for t in np.geomspace(1e-6, 1e3, 2000):
        a = (t * base).astype(dtype)
        got_m, got_s = degree(a)
        if got_m == m and got_s >= s_min:
            return a
    raise AssertionError(f"no scale gives degree {m}")


def main():
    fixture_io.fresh_dir(OUT)
    rng = np.random.default_rng(20261124)
    rows = []

    def add_expm(name, code, a):
        m, s = degree(a)
        save(f"{name}_a", a)
        save(f"{name}_x", scipy.linalg.expm(a))
        rows.append([name, "expm", code, m, s, f"{kappa(a):.17g}"])

    def add_frechet(name, code, a, e):
        norm = np.linalg.norm(wide(a), 1)
        m = next((k for k in (3, 5, 7, 9) if norm <= FRECHET_BOUNDS[k]), 13)
        s = max(0, math.ceil(math.log2(norm / FRECHET_BOUNDS[13]))) if m == 13 else 0
        x, l = scipy.linalg.expm_frechet(a, e)
        for suffix, array in (("a", a), ("e", e), ("x", x), ("l", l)):
            save(f"{name}_{suffix}", array)
        rows.append([name, "frechet", code, m, s, f"{kappa(a):.17g}"])

    def add_trig(name, code, a):
        for suffix, array in (("a", a), ("cos", scipy.linalg.cosm(a)), ("sin", scipy.linalg.sinm(a)),
                              ("tan", scipy.linalg.tanm(a))):
            save(f"{name}_{suffix}", array)
        rows.append([name, "trig", code, 0, 0, f"{kappa(1j * wide(a)):.17g}"])

    for code, dtype in DTYPES.items():
        # Every Pade degree, then degree 13 with several squarings.
        for m in (3, 5, 7, 9, 13):
            add_expm(f"expm_{code}_m{m}", code, scaled_to_degree(rng, dtype, 6, m))
        add_expm(f"expm_{code}_squared", code, scaled_to_degree(rng, dtype, 7, 13, s_min=4))
        # Triangular with squarings (exact diagonals recomputed), both triangles.
        upper = np.triu(random_matrix(rng, dtype, 6, 6)) * 3
        add_expm(f"expm_{code}_upper", code, upper.astype(dtype))
        add_expm(f"expm_{code}_lower", code, (np.tril(random_matrix(rng, dtype, 6, 6)) * 3).astype(dtype))
        # Nilpotent (strictly upper triangular): the series ends at a^4.
        add_expm(f"expm_{code}_nilpotent", code, np.triu(random_matrix(rng, dtype, 5, 5), 1))
        # Diagonal (entrywise exp), 1 x 1, and a non-normal 2 x 2.
        add_expm(f"expm_{code}_diag", code, np.diag(random_matrix(rng, dtype, 4, 1)[:, 0] * 2))
        add_expm(f"expm_{code}_1x1", code, random_matrix(rng, dtype, 1, 1))
        add_expm(f"expm_{code}_2x2", code, np.array([[1.0, 2.0], [-1.0, 3.0]]).astype(dtype))

        # expm_frechet: each degree of Table 6.1, then scaled degree 13.
        for m, t in ((3, 0.5), (5, 0.5), (7, 0.5), (9, 0.5), (13, 3.0)):
            a = random_matrix(rng, dtype, 5, 5)
            a = (a * (t * FRECHET_BOUNDS[m] / np.linalg.norm(wide(a), 1))).astype(dtype)
            add_frechet(f"frechet_{code}_m{m}", code, a, random_matrix(rng, dtype, 5, 5))

        # cosm / sinm / tanm: a small norm and one that needs squarings.
        for label, t in (("small", 0.3), ("large", 2.0)):
            add_trig(f"trig_{code}_{label}", code, (random_matrix(rng, dtype, 5, 5) * t / math.sqrt(5)).astype(dtype))

    # Order 40: every power and product through BLAS's blocked kernels.
    add_expm("expm_d_n40", "d", (random_matrix(rng, np.float64, 40, 40) * 0.5))
    add_expm("expm_z_n40", "z", (random_matrix(rng, np.complex128, 40, 40) * 0.4))

    fixture_io.write_manifest(OUT / "cases.csv", ["name", "kind", "dtype", "m", "s", "kappa"], rows)
    print(f"scipy {scipy.__version__}, numpy {np.__version__}: wrote {len(rows)} cases to {OUT}")


if __name__ == "__main__":
    main()

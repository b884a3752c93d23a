#!/usr/bin/env python3
"""Reference solutions of scipy.linalg.solve_continuous_are and
solve_discrete_are for tests/linalg/riccati_test.cpp.

Writes tests/data/linalg/riccati/. cases.csv lists one case per row:
name, kind (care / dare), dtype (d or z: SciPy solves in 64 bits), has_e,
has_s, balanced, error (empty, or the start of SciPy's LinAlgError message).

With e, the reference x is SciPy's unbalanced solution (balanced=False) even
where the case asks for balancing: SciPy 1.17.1 multiplies its subspace basis
by the unbalanced e after balancing the pencil, so its balanced generalized
path fails its own symmetry test or returns a wrong x. The solution of the
equation does not depend on balancing, so the unbalanced one is the reference.
Per case: <name>_a, _b, _q, _r, _e and _s when present, and SciPy's
solution <name>_x unless SciPy raised.

Complex arrays are stored as two float64 arrays, <name>_re.npy and <name>_im.npy.

Run with the pinned peers (SciPy 1.17.1): .venv/bin/python3 tests/reference/linalg_riccati.py
"""
import pathlib

import numpy as np
import scipy.linalg

import fixture_io
from fixture_io import random_matrix

OUT = pathlib.Path(__file__).resolve().parents[1] / "data" / "linalg" / "riccati"
SOLVERS = {"care": scipy.linalg.solve_continuous_are, "dare": scipy.linalg.solve_discrete_are}


def hermitian_psd(rng, dtype, m, shift):
    c = random_matrix(rng, dtype, m, m)
    return c.conj().T @ c + shift * np.eye(m)


def main():
    fixture_io.fresh_dir(OUT)
    rng = np.random.default_rng(20261122)
    rows = []

    def case(name, kind, a, b, q, r, e=None, s=None, balanced=True):
        dtype = "z" if any(np.iscomplexobj(m) for m in (a, b, q, r, e, s) if m is not None) else "d"
        arrays = {"a": a, "b": b, "q": q, "r": r, "e": e, "s": s}
        for key, value in arrays.items():
            if value is not None:
                fixture_io.save(OUT, f"{name}_{key}", np.asarray(value, dtype=complex if dtype == "z" else float))
        error = ""
        try:
            x = SOLVERS[kind](a, b, q, r, e=e, s=s, balanced=balanced and e is None)
            fixture_io.save(OUT, f"{name}_x", x)
        except np.linalg.LinAlgError as err:
            error = str(err).split(" ")[0] + " " + str(err).split(" ")[1]
        rows.append([name, kind, dtype, int(e is not None), int(s is not None), int(balanced), error])

    for kind in ("care", "dare"):
        # The double integrator (continuous: x = [[sqrt 3, 1], [1, sqrt 3]]).
        a = np.array([[0.0, 1.0], [0.0, 0.0]]) if kind == "care" else np.array([[1.0, 1.0], [0.0, 1.0]])
        case(f"{kind}_integrator", kind, a, np.array([[0.0], [1.0]]), np.eye(2), np.eye(1))
        for dtype, code in ((np.float64, "d"), (np.complex128, "z")):
            m, n = 5, 2
            a = random_matrix(rng, dtype, m, m)
            if kind == "dare":
                a = a / (1.5 * np.abs(np.linalg.eigvals(a)).max())  # some eigenvalues in, some out after shift
                a = a + 0.8 * np.eye(m)
            b = random_matrix(rng, dtype, m, n)
            q = hermitian_psd(rng, dtype, m, 0.5)
            r = hermitian_psd(rng, dtype, n, 1.0)
            case(f"{kind}_{code}_plain", kind, a, b, q, r)
            case(f"{kind}_{code}_unbalanced", kind, a, b, q, r, balanced=False)
            e = np.eye(m, dtype=dtype) + 0.2 * random_matrix(rng, dtype, m, m)
            s = 0.1 * random_matrix(rng, dtype, m, n)
            case(f"{kind}_{code}_general", kind, a, b, q, r, e=e, s=s)
            case(f"{kind}_{code}_e_only", kind, a, b, q, r, e=e)
            case(f"{kind}_{code}_s_only", kind, a, b, q, r, s=s)
        # Badly scaled states (1e-3 .. 1e3): what balancing is for.
        m, n = 4, 1
        d = np.diag(10.0 ** np.array([-3.0, -1.0, 1.0, 3.0]))
        a0 = random_matrix(rng, np.float64, m, m) / 3
        a = d @ a0 @ np.linalg.inv(d)
        b = d @ random_matrix(rng, np.float64, m, n)
        q = np.linalg.inv(d) @ np.eye(m) @ np.linalg.inv(d)
        case(f"{kind}_badly_scaled", kind, a, b, q, np.eye(n))
        # A larger one: blocked LAPACK paths in the QR and QZ.
        m, n = 24, 4
        a = random_matrix(rng, np.float64, m, m) / np.sqrt(m)
        if kind == "dare":
            a = 0.9 * a
        case(f"{kind}_order24", kind, a, random_matrix(rng, np.float64, m, n), hermitian_psd(rng, np.float64, m, 1.0),
             np.eye(n))
        # (a, b) not stabilizable: no stabilizing solution exists.
        unstable = np.diag([1.0, -1.0]) if kind == "care" else np.diag([2.0, 0.5])
        case(f"{kind}_not_stabilizable", kind, unstable, np.zeros((2, 1)), np.eye(2), np.eye(1))

    fixture_io.write_manifest(OUT / "cases.csv", ["name", "kind", "dtype", "has_e", "has_s", "balanced", "error"],
                              rows)


if __name__ == "__main__":
    main()

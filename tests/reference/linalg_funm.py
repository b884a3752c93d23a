#!/usr/bin/env python3
"""Reference matrix functions of scipy.linalg (sqrtm, logm, funm,
fractional_matrix_power) for tests/linalg/matrix_functions_test.cpp.

Writes tests/data/linalg/funm/. cases.csv lists one case per row:
name, kind, dtype, n, t, func, is_real, errest, tol, input.

- kind: sqrtm, logm, funm or fmp (fractional_matrix_power).
- t: the power (fmp only, else 0).
- func: funm's scalar function, which the C++ test mirrors: exp, cos or sqrt
  (NumPy's principal complex square root); '-' for the other kinds.
- is_real: 1 when SciPy returned a real array.
- errest: funm's error estimate (disp=False), else 0.
- tol: the accepted relative Frobenius distance to SciPy's value, in units of
  n eps of the dtype (0: the test's default); larger for the cases whose
  function value is ill-conditioned (defective or nearly singular input).
- input: the input matrix's fixture, <input>_a (shared by the cases on it).

Arrays: <input>_a (input) and <name>_x (SciPy's value); complex arrays are
stored as two float64 arrays, <name>_re.npy and <name>_im.npy.

Run with the pinned peers (SciPy 1.17.1): .venv/bin/python3 tests/reference/linalg_funm.py
"""
import pathlib
import warnings

import numpy as np
import scipy
import scipy.linalg

import fixture_io
from fixture_io import DTYPES, random_matrix

OUT = pathlib.Path(__file__).resolve().parents[1] / "data" / "linalg" / "funm"
FUNCS = {"exp": np.exp, "cos": np.cos, "sqrt": np.sqrt}


def save(name, array):
    array = np.asarray(array)
    fixture_io.save(OUT, name, array if np.iscomplexobj(array) else array.astype(np.float64))


def rotation(theta):
    return np.array([[np.cos(theta), -np.sin(theta)], [np.sin(theta), np.cos(theta)]])


def with_spectrum(rng, eigenvalues, dtype):
    """q diag(eigenvalues) q^T with q a random orthogonal (unitary) matrix."""
    n = len(eigenvalues)
    q, _ = np.linalg.qr(random_matrix(rng, np.complex128 if np.iscomplexobj(dtype(0)) else np.float64, n, n))
    return (q @ np.diag(eigenvalues) @ q.conj().T).astype(dtype)


def inputs(rng, code):
    """The test matrices for one dtype: (name, matrix, tol)."""
    dtype = DTYPES[code]
    cases = []
    for n in (1, 3, 5, 8):
        cases.append((f"random{n}", random_matrix(rng, dtype, n, n), 0))
    b = random_matrix(rng, dtype, 6, 6)
    cases.append(("spd6", (b @ b.conj().T + 6 * np.eye(6)).astype(dtype), 0))
    # Negative eigenvalues. For complex dtypes they are moved off the real
    # axis: exactly on the branch cut, rounding would pick the branch.
    negative = [-1.0, -2.5, 0.5, 3.0] if code in "fd" else [-1.0 + 0.1j, -2.5 - 0.2j, 0.5, 3.0]
    cases.append(("negative4", with_spectrum(rng, negative, dtype), 0))
    cases.append(("rotation2", rotation(2.0).astype(dtype), 0))
    cases.append(("triu_negative3", np.array([[-2.0, 1.0, 0.5], [0, 3.0, -1.0], [0, 0, 0.5]], dtype=dtype), 0))
    cases.append(("near_identity5", (np.eye(5) + 1e-3 * random_matrix(rng, np.float64, 5, 5)).astype(dtype), 0))
    # Jordan-like: a close pair of eigenvalues, ill-conditioned for every function.
    cases.append(("close_pair3", np.array([[2.0, 1.0, 0.0], [0.0, 2.0 + 1e-3, 1.0], [0.0, 0.0, 5.0]], dtype=dtype), 100))
    if code == "d":
        # One case past the small orders (a strongly diagonally dominant spectrum near 4).
        cases.append(("large64", (4 * np.eye(64) + random_matrix(rng, dtype, 64, 64) / 8).astype(dtype), 0))
    return cases


def main():
    fixture_io.fresh_dir(OUT)
    rng = np.random.default_rng(20261122)
    rows = []

    def record(name, kind, code, a, x, t=0, func="-", errest=0.0, tol=0):
        # The input is stored once per matrix and dtype: <input>_a.
        matrix = name.split("_", 2)[-1] if kind == "funm" else name.split("_", 1)[-1]
        if not (OUT / f"{matrix}_a.npy").exists() and not (OUT / f"{matrix}_a_re.npy").exists():
            save(f"{matrix}_a", a)
        save(f"{name}_x", x)
        rows.append([name, kind, code, a.shape[0], repr(float(t)), func, int(not np.iscomplexobj(x)),
                     repr(float(errest)), tol, matrix])

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for code in DTYPES:
            for base, a, tol in inputs(rng, code):
                record(f"sqrtm_{base}_{code}", "sqrtm", code, a, scipy.linalg.sqrtm(a), tol=tol)
                record(f"logm_{base}_{code}", "logm", code, a, scipy.linalg.logm(a), tol=tol)
                for func in ("exp", "cos") if base != "large64" else ():
                    x, err = scipy.linalg.funm(a, FUNCS[func], disp=False)
                    # funm's recurrence divides by eigenvalue gaps: close_pair3's is 1e-3.
                    record(f"funm_{func}_{base}_{code}", "funm", code, a, x, func=func, errest=err,
                           tol=max(tol, 1000 if base == "close_pair3" else 0))
                for k, t in enumerate((0.5, 1 / 3, -0.5, 2.5, -1.7, 3)):
                    if base.startswith("random") and base != "random5" and k > 1:
                        continue
                    if base == "large64" and k > 1:
                        break
                    x = scipy.linalg.fractional_matrix_power(a, t)
                    record(f"fmp{k}_{base}_{code}", "fmp", code, a, x, t=t, tol=tol)
            # Singular input: sqrtm warns; logm replaces the zero eigenvalue by
            # 1e-20; fractional_matrix_power takes funm's route for t > 0 and
            # returns NaN for t < 0.
            dtype = DTYPES[code]
            singular = np.array([[1.0, 2.0, 0.0], [2.0, 4.0, 0.0], [1.0, 0.0, 3.0]], dtype=dtype)
            record(f"sqrtm_singular3_{code}", "sqrtm", code, singular, scipy.linalg.sqrtm(singular))
            for k, t in enumerate((0.5, 1.5, -0.5)):
                x = scipy.linalg.fractional_matrix_power(singular, t)
                record(f"fmp{k}_singular3_{code}", "fmp", code, singular, x, t=t, tol=1000)
            x, err = scipy.linalg.funm(singular, np.sqrt, disp=False)
            record(f"funm_sqrt_singular3_{code}", "funm", code, singular, x, func="sqrt", errest=err)
            # Defective: funm's recurrence meets a zero gap (errest 1, a wrong
            # value that the test checks only against SciPy's).
            defective = np.array([[1.0, 2.0], [0.0, 1.0]], dtype=dtype)
            x, err = scipy.linalg.funm(defective, np.exp, disp=False)
            record(f"funm_exp_defective2_{code}", "funm", code, defective, x, func="exp", errest=err)
            record(f"sqrtm_defective2_{code}", "sqrtm", code, defective, scipy.linalg.sqrtm(defective))
            record(f"logm_defective2_{code}", "logm", code, defective, scipy.linalg.logm(defective))

    fixture_io.write_manifest(OUT / "cases.csv", ["name", "kind", "dtype", "n", "t", "func", "is_real", "errest", "tol", "input"],
                              rows)
    print(f"{len(rows)} cases, scipy {scipy.__version__}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Reference band, Toeplitz and circulant solvers and special matrices of
scipy.linalg for tests/linalg/banded_test.cpp, toeplitz_test.cpp and
special_matrices_test.cpp.

Writes tests/data/linalg/banded/. cases.csv lists one case per row:
name, kind, dtype, l, u, lower, error_order (the leading minor SciPy names, 0
if none), cond_1 (NumPy's 1-norm condition number of the dense matrix, 0 where
there is none). The tests rebuild dense matrices from band storage or c / r. Per kind:

- solve_banded: <name>_ab (band storage with l and u), <name>_b (1-D or 2-D as passed), solve_banded's <name>_x.
- solve_banded_fail: <name>_ab, <name>_b, which SciPy rejects as singular.
- solveh_banded: <name>_ab (upper or lower form), <name>_b,
  solveh_banded's <name>_x; cholesky_banded's <name>_c and cho_solve_banded's
  <name>_xc (the same system through the factor).
- solveh_banded_fail: <name>_ab, <name>_b (error_order: SciPy's minor).
- solve_toeplitz: <name>_c, <name>_r (only when passed; else r = conj(c)),
  <name>_b, <name>_x (lower = 1 marks r omitted).
- solve_toeplitz_fail: <name>_c, <name>_r, <name>_b (Singular principal minor).
- solve_circulant: <name>_c, <name>_b, <name>_x; lower = 1
  marks singular='lstsq' on a singular matrix.
- builder: <name> is the function and its arguments, the array <name>_out
  (see BUILDERS below; integer results are exact in float64).

Complex arrays are stored as two float64 arrays, <name>_re.npy and <name>_im.npy.

Run with the pinned peers (SciPy 1.17.1): .venv/bin/python3 tests/reference/linalg_banded.py
"""
import pathlib

import numpy as np
import scipy
import scipy.linalg as sl

import fixture_io
from fixture_io import DTYPES, random_matrix

OUT = pathlib.Path(__file__).resolve().parents[1] / "data" / "linalg" / "banded"


def save(name, array):
    array = np.asarray(array)
    fixture_io.save(OUT, name, array if np.iscomplexobj(array) else array.astype(np.float64))


def cond_1(a):
    return float(np.linalg.cond(a.astype(np.complex128 if np.iscomplexobj(a) else np.float64), 1))


def dense_from_band(ab, l, u):
    n = ab.shape[1]
    a = np.zeros((n, n), dtype=ab.dtype)
    for j in range(n):
        for i in range(max(0, j - u), min(n, j + l + 1)):
            a[i, j] = ab[u + i - j, j]
    return a


def band_from_dense(a, l, u, fill):
    """Band storage of a; the unused corners hold `fill` (never read by LAPACK)."""
    n = a.shape[0]
    ab = np.full((l + u + 1, n), fill, dtype=a.dtype)
    for j in range(n):
        for i in range(max(0, j - u), min(n, j + l + 1)):
            ab[u + i - j, j] = a[i, j]
    return ab


def random_band(rng, dtype, n, l, u):
    a = random_matrix(rng, dtype, n, n)
    mask = np.triu(np.tril(np.ones((n, n)), u), -l)
    return (a * mask).astype(dtype)


def hermitian_pd_band(rng, dtype, n, kd):
    m = random_band(rng, dtype, n, kd, kd)
    h = (m + m.conj().T) / 2 + (2 * kd + 2) * np.eye(n)  # diagonally dominant: positive definite
    return h.astype(dtype)


def rhs(rng, dtype, n, k):
    b = random_matrix(rng, dtype, n, max(k, 1))
    return b[:, 0] if k == 0 else b


def main():
    fixture_io.fresh_dir(OUT)
    rng = np.random.default_rng(20261122)
    rows = []

    def row(name, kind, code, l=0, u=0, lower=0, error_order=0, cond=0.0):
        rows.append([name, kind, code, l, u, int(lower), error_order, f"{cond:.17g}"])

    def add_solve_banded(name, code, a, l, u, b):
        ab = band_from_dense(a, l, u, 0)
        x = sl.solve_banded((l, u), ab, b)
        for suffix, array in (("ab", ab), ("b", b), ("x", x)):
            save(f"{name}_{suffix}", array)
        row(name, "solve_banded", code, l, u, cond=cond_1(a))

    def add_solveh_banded(name, code, a, kd, lower, b):
        ab = band_from_dense(a, kd, 0, 0) if lower else band_from_dense(a, 0, kd, 0)
        x = sl.solveh_banded(ab, b, lower=lower)
        c = sl.cholesky_banded(ab, lower=lower)
        xc = sl.cho_solve_banded((c, lower), b)
        for suffix, array in (("ab", ab), ("b", b), ("x", x), ("c", c), ("xc", xc)):
            save(f"{name}_{suffix}", array)
        row(name, "solveh_banded", code, kd, 0, lower, cond=cond_1(a))

    for code, dtype in DTYPES.items():
        for (l, u, n, k) in ((1, 1, 6, 0), (1, 1, 5, 2), (2, 1, 7, 2), (0, 2, 6, 0), (3, 0, 6, 1), (0, 0, 4, 0)):
            a = random_band(rng, dtype, n, l, u) + 3 * np.eye(n, dtype=dtype)
            add_solve_banded(f"sb_{code}_l{l}u{u}_n{n}_k{k}", code, a.astype(dtype), l, u, rhs(rng, dtype, n, k))
        for kd, lower, k in ((1, False, 0), (1, True, 2), (2, False, 2), (3, True, 0), (0, False, 0)):
            a = hermitian_pd_band(rng, dtype, 7, kd)
            add_solveh_banded(f"shb_{code}_kd{kd}_l{int(lower)}_k{k}", code, a, kd, lower, rhs(rng, dtype, 7, k))

    # n = 1 with extra band rows (SciPy reads the diagonal from row u, gh-8906).
    ab = np.array([[7.0], [2.0], [9.0]])
    x = sl.solve_banded((1, 1), ab, np.array([4.0]))
    for suffix, array in (("ab", ab), ("b", np.array([4.0])), ("x", x)):
        save(f"sb_d_n1_{suffix}", array)
    row("sb_d_n1", "solve_banded", "d", 1, 1, cond=1.0)

    # Order 80: above LAPACK's block size (gbtrf blocks at nb = 32; pbtrf at 32).
    a = random_band(rng, np.float64, 80, 5, 4) + 6 * np.eye(80)
    add_solve_banded("sb_d_l5u4_n80_k2", "d", a, 5, 4, rhs(rng, np.float64, 80, 2))
    a = random_band(rng, np.complex128, 80, 33, 40) + 30 * np.eye(80)
    add_solve_banded("sb_z_l33u40_n80_k1", "z", a, 33, 40, rhs(rng, np.complex128, 80, 1))
    add_solveh_banded("shb_d_kd40_n80", "d", hermitian_pd_band(rng, np.float64, 80, 40), 40, True,
                      rhs(rng, np.float64, 80, 2))
    # Ill-conditioned but positive definite: the Hilbert matrix as a full band.
    h = sl.hilbert(8)
    add_solveh_banded("shb_d_hilbert8", "d", h, 7, False, np.ones(8))

    # Singular: gtsv (l = u = 1) and gbsv.
    for name, l, u, a in (("sbf_d_gtsv", 1, 1, np.array([[1.0, 2, 0], [2, 4, 0], [0, 1, 1]])),
                          ("sbf_z_gbsv", 2, 1, np.array([[1, 1j, 0, 0], [2, 2j, 1, 0], [3, 3j, 2, 1], [0, 0, 1, 5]]))):
        ab = band_from_dense(a, l, u, 0)
        try:
            sl.solve_banded((l, u), ab, np.ones(a.shape[0]))
        except sl.LinAlgError as e:
            assert str(e) == "singular matrix"
        else:
            raise AssertionError(name)
        save(f"{name}_ab", ab)
        save(f"{name}_b", np.ones(a.shape[0], dtype=a.dtype))
        row(name, "solve_banded_fail", "d" if name.endswith("gtsv") else "z", l, u)

    # Not positive definite: ptsv (kd = 1) and pbsv, each triangle.
    import re
    for name, code, kd, lower, a in (
            ("shbf_d_ptsv", "d", 1, False, np.array([[2.0, 1, 0], [1, -1, 1], [0, 1, 2]])),
            ("shbf_z_ptsv_l1", "z", 1, True, np.array([[2.0, 1j, 0, 0], [-1j, 2, 3, 0], [0, 3, 1, 0], [0, 0, 0, 1]])),
            ("shbf_d_pbsv_l1", "d", 2, True, np.diag([4.0, 1, 3, -2, 5]) + 0.1 * np.triu(np.tril(np.ones((5, 5)), 2), -2)),
            ("shbf_f_pbsv", "f", 2, False, np.array([[1.0, 2, 0], [2, 1, 2], [0, 2, 1]], dtype=np.float32))):
        ab = band_from_dense(a, kd, 0, 0) if lower else band_from_dense(a, 0, kd, 0)
        try:
            sl.solveh_banded(ab, np.ones(a.shape[0]), lower=lower)
        except sl.LinAlgError as e:
            order = int(re.match(r"(\d+)th leading minor", str(e)).group(1))
        else:
            raise AssertionError(name)
        try:
            sl.cholesky_banded(ab, lower=lower)
        except sl.LinAlgError as e:
            assert int(re.match(r"(\d+)-th leading minor", str(e)).group(1)) == order or kd == 1, name
        save(f"{name}_ab", ab)
        save(f"{name}_b", np.ones(a.shape[0], dtype=a.dtype))
        row(name, "solveh_banded_fail", code, kd, 0, lower, error_order=order)

    # ---- Toeplitz ----
    def add_toeplitz(name, code, c, r, b):
        x = sl.solve_toeplitz(c if r is None else (c, r), b)
        a = sl.toeplitz(c, r)
        for suffix, array in (("c", c), ("b", b), ("x", x)):
            save(f"{name}_{suffix}", array)
        if r is not None:
            save(f"{name}_r", r)
        row(name, "solve_toeplitz", code, lower=int(r is None), cond=cond_1(a))

    for code, dtype in DTYPES.items():
        n = 6
        c = random_matrix(rng, dtype, n, 1)[:, 0]
        c[0] += 4  # well away from a singular leading minor
        r = random_matrix(rng, dtype, n, 1)[:, 0]
        add_toeplitz(f"st_{code}_cr_k0", code, c, r, rhs(rng, dtype, n, 0))
        add_toeplitz(f"st_{code}_cr_k2", code, c, r, rhs(rng, dtype, n, 2))
        # r omitted: Hermitian (c[0] real) positive definite, an autocorrelation.
        t = np.exp(-0.5 * np.arange(n)).astype(dtype)
        if np.iscomplexobj(t):
            t = (t * np.exp(0.3j * np.arange(n))).astype(dtype)
        add_toeplitz(f"st_{code}_c_k1", code, t, None, rhs(rng, dtype, n, 1))
    c = rng.standard_normal(70)
    c[0] = 30.0
    add_toeplitz("st_d_n70", "d", c, rng.standard_normal(70), rng.standard_normal(70))
    # The Hilbert matrix is Hankel, not Toeplitz; KMS matrix rho^|i-j| is an ill-conditioned Toeplitz one.
    add_toeplitz("st_d_kms_0p999", "d", 0.999 ** np.arange(8), None, np.ones(8))
    for name, c, r in (("stf_d_zero_diag", np.array([0.0, 1.0]), np.array([0.0, 1.0])),
                       ("stf_d_minor2", np.array([1.0, 1.0, 2.0]), np.array([1.0, 1.0, 3.0]))):
        try:
            sl.solve_toeplitz((c, r), np.ones(len(c)))
        except sl.LinAlgError as e:
            assert str(e) == "Singular principal minor"
        else:
            raise AssertionError(name)
        for suffix, array in (("c", c), ("r", r), ("b", np.ones(len(c)))):
            save(f"{name}_{suffix}", array)
        row(name, "solve_toeplitz_fail", "d")

    # ---- circulant ----
    def add_circulant(name, code, c, b, lstsq=False):
        x = sl.solve_circulant(c, b, singular="lstsq" if lstsq else "raise")
        a = sl.circulant(c)
        for suffix, array in (("c", c), ("b", b), ("x", x)):
            save(f"{name}_{suffix}", array)
        row(name, "solve_circulant", code, lower=int(lstsq), cond=0.0 if lstsq else cond_1(a))

    for code, dtype in DTYPES.items():
        for n, k in ((5, 0), (8, 2), (7, 1)):
            c = random_matrix(rng, dtype, n, 1)[:, 0]
            c[0] += 3
            add_circulant(f"sc_{code}_n{n}_k{k}", code, c, rhs(rng, dtype, n, k))
    add_circulant("sc_d_n97", "d", rng.standard_normal(97) + np.eye(97)[0] * 10, rng.standard_normal(97))
    # Singular: c = [1, -1, 1, -1] has eigenvalue 0 at frequencies 0 and 2; lstsq.
    add_circulant("sc_d_singular_lstsq", "d", np.array([1.0, -1.0, 1.0, -1.0]), np.array([1.0, 2.0, 3.0, 4.0]), True)
    add_circulant("sc_z_singular_lstsq", "z", np.array([2.0, 1j, 0, -1j]), rhs(rng, np.complex128, 4, 0), True)
    add_circulant("sc_d_ones_lstsq", "d", np.ones(5), np.arange(5.0), True)

    # ---- builders: name, function output ----
    def builder(name, out):
        save(f"{name}_out", np.asarray(out))
        row(name, "builder", "z" if np.iscomplexobj(out) else "d")

    for n in (0, 1, 4, 9):
        builder(f"hilbert_{n}", sl.hilbert(n))
    for n in (0, 1, 2, 5, 10, 13, 14):
        builder(f"invhilbert_{n}_exact", sl.invhilbert(n, exact=True).astype(np.float64))
    for n in (20, 40):
        builder(f"invhilbert_{n}", sl.invhilbert(n))
    for n in (0, 1, 5, 34):
        for kind in ("symmetric", "lower", "upper"):
            builder(f"pascal_{n}_{kind}", sl.pascal(n, kind=kind).astype(np.float64))
    for n in (1, 2, 8, 16):
        builder(f"hadamard_{n}", sl.hadamard(n))
    for n in (0, 1, 5, 8):
        for scale in (None, "sqrtn", "n"):
            builder(f"dft_{n}_{scale}", sl.dft(n, scale=scale))
    for n in (1, 2, 5):
        builder(f"helmert_{n}_full", sl.helmert(n, full=True))
        builder(f"helmert_{n}", sl.helmert(n))

    # The generic builders, on inputs the test rebuilds from these arrays.
    c = np.array([1.0, 2.0, 3.0, -4.0])
    r = np.array([9.0, 5.0, 6.0])
    cz = np.array([1 + 1j, 2 - 1j, 3j])
    for name, array in (("in_c", c), ("in_r", r), ("in_cz", cz)):
        save(name, array)
    builder("toeplitz_c_r", sl.toeplitz(c, r))
    builder("toeplitz_c", sl.toeplitz(c))
    builder("toeplitz_cz", sl.toeplitz(cz))
    builder("circulant_c", sl.circulant(c))
    builder("circulant_cz", sl.circulant(cz))
    builder("hankel_c_r", sl.hankel(c, r))
    builder("hankel_c", sl.hankel(c))
    builder("companion_c", sl.companion(c))
    builder("leslie_c_r", sl.leslie(c, r))
    builder("fiedler_c", sl.fiedler(c))
    builder("fiedler_cz", sl.fiedler(cz))
    builder("kron_cr", np.kron(np.outer(c, [1.0, -2.0]), np.outer(r, [1.0, 0.5, 3.0])))
    builder("block_diag_cr", sl.block_diag(np.outer(c, [1.0, -2.0]), np.zeros((0, 2)), [[7.0]], np.outer(r, r)))

    fixture_io.write_manifest(OUT / "cases.csv",
                              ["name", "kind", "dtype", "l", "u", "lower", "error_order", "cond_1"], rows)
    print(f"scipy {scipy.__version__}, numpy {np.__version__}: wrote {len(rows)} cases to {OUT}")


if __name__ == "__main__":
    main()

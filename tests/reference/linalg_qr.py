#!/usr/bin/env python3
"""Reference QR, RQ and LDL decompositions of scipy.linalg for
tests/linalg/qr_test.cpp and tests/linalg/ldl_test.cpp.

Writes tests/data/linalg/qr/. cases.csv lists one case per row:
name, kind, dtype, pivoting (qr, qr_multiply), lower (ldl), hermitian (ldl),
rank (the exact rank of a by construction; qr only, else 0), left and
conjugate (qr_multiply). Per kind:

- qr: <name>_a, and scipy.linalg.qr's full <name>_q, <name>_r, the economic
  <name>_qe, <name>_re, and <name>_p (pivoting only). Q and R are unique only
  up to the signs (phases) of Q's first k columns and R's first k rows, and
  for a rank-deficient a only in R's first `rank` rows; the C++ side compares
  accordingly.
- qr_multiply: <name>_a, <name>_c (1-D or 2-D as passed) and
  scipy.linalg.qr_multiply's <name>_cq, <name>_r and <name>_p (pivoting only).
- rq: <name>_a, and scipy.linalg.rq's full <name>_r, <name>_q and economic
  <name>_re, <name>_qe.
- ldl: <name>_a as passed to SciPy (the triangle that must be ignored is
  overwritten with fixture_io.IGNORED), <name>_heff (the matrix the read triangle
  defines), and scipy.linalg.ldl's <name>_lu, <name>_d, <name>_perm.

Complex arrays are stored as two float64 arrays, <name>_re.npy and <name>_im.npy.

Run with the pinned peers (SciPy 1.17.1): .venv/bin/python3 tests/reference/linalg_qr.py
"""
import pathlib

import numpy as np
import scipy
import scipy.linalg

import fixture_io
from fixture_io import DTYPES, random_matrix

OUT = pathlib.Path(__file__).resolve().parents[1] / "data" / "linalg" / "qr"


def save(name, array):
    fixture_io.save_float64(OUT, name, array)


def low_rank(rng, dtype, m, n, rank):
    return (random_matrix(rng, np.complex128 if np.issubdtype(dtype, np.complexfloating) else np.float64, m, rank)
            @ random_matrix(rng, dtype, rank, n)).astype(dtype)


def main():
    fixture_io.fresh_dir(OUT)
    rng = np.random.default_rng(20261124)
    rows = []

    def add_qr(name, code, a, pivoting, rank):
        full = scipy.linalg.qr(a, pivoting=pivoting)
        econ = scipy.linalg.qr(a, mode="economic", pivoting=pivoting)
        arrays = {"a": a, "q": full[0], "r": full[1], "qe": econ[0], "re": econ[1]}
        if pivoting:
            assert np.array_equal(full[2], econ[2])
            arrays["p"] = full[2]
        for suffix, array in arrays.items():
            save(f"{name}_{suffix}", array)
        rows.append([name, "qr", code, int(pivoting), 0, 0, rank, 0, 0])

    def add_rq(name, code, a):
        r, q = scipy.linalg.rq(a)
        re, qe = scipy.linalg.rq(a, mode="economic")
        for suffix, array in (("a", a), ("r", r), ("q", q), ("re", re), ("qe", qe)):
            save(f"{name}_{suffix}", array)
        rows.append([name, "rq", code, 0, 0, 0, 0, 0, 0])

    def add_qr_multiply(name, code, a, c, left, pivoting, conjugate):
        out = scipy.linalg.qr_multiply(a, c, mode="left" if left else "right", pivoting=pivoting,
                                       conjugate=conjugate)
        arrays = {"a": a, "c": c, "cq": out[0], "r": out[1]}
        if pivoting:
            arrays["p"] = out[2]
        for suffix, array in arrays.items():
            save(f"{name}_{suffix}", array)
        rows.append([name, "qr_multiply", code, int(pivoting), 0, 0, 0, int(left), int(conjugate)])

    def add_ldl(name, code, heff, lower, hermitian):
        passed = fixture_io.with_ignored_triangle(heff, lower)
        lu, d, perm = scipy.linalg.ldl(passed, lower=lower, hermitian=hermitian)
        for suffix, array in (("a", passed), ("heff", heff), ("lu", lu), ("d", d), ("perm", perm)):
            save(f"{name}_{suffix}", array)
        rows.append([name, "ldl", code, 0, int(lower), int(hermitian), 0, 0, 0])

    for code, dtype in DTYPES.items():
        # qr: square, tall and wide; without and with pivoting; full and deficient rank
        for m, n in ((5, 5), (7, 4), (4, 7)):
            for pivoting in (False, True):
                add_qr(f"qr_{code}_{m}x{n}_p{int(pivoting)}", code, random_matrix(rng, dtype, m, n), pivoting, min(m, n))
        add_qr(f"qr_{code}_6x5_rank3_p1", code, low_rank(rng, dtype, 6, 5, 3), True, 3)
        add_qr(f"qr_{code}_4x6_rank2_p0", code, low_rank(rng, dtype, 4, 6, 2), False, 2)
        # qr_multiply: tall and wide, left and right, 2-D and 1-D c
        conj = code in "cz"
        add_qr_multiply(f"qrm_{code}_6x4_left", code, random_matrix(rng, dtype, 6, 4), random_matrix(rng, dtype, 4, 2),
                        True, False, False)
        add_qr_multiply(f"qrm_{code}_6x4_right_p1", code, random_matrix(rng, dtype, 6, 4),
                        random_matrix(rng, dtype, 3, 6), False, True, conj)
        add_qr_multiply(f"qrm_{code}_4x6_left_vec", code, random_matrix(rng, dtype, 4, 6),
                        random_matrix(rng, dtype, 4, 1)[:, 0], True, False, conj)
        add_qr_multiply(f"qrm_{code}_4x6_right_vec", code, random_matrix(rng, dtype, 4, 6),
                        random_matrix(rng, dtype, 4, 1)[:, 0], False, False, False)
        # rq: square, tall and wide
        for m, n in ((5, 5), (7, 4), (4, 7)):
            add_rq(f"rq_{code}_{m}x{n}", code, random_matrix(rng, dtype, m, n))
        # ldl: both triangles; symmetric and (complex) Hermitian; indefinite, so
        # that Bunch-Kaufman picks 2 x 2 blocks and interchanges
        for lower in (True, False):
            for hermitian in ((True, False) if code in "cz" else (True,)):
                m = random_matrix(rng, dtype, 7, 7)
                heff = m + (m.conj().T if hermitian else m.T)
                if hermitian:
                    heff[np.diag_indices(7)] = heff.diagonal().real
                add_ldl(f"ldl_{code}_l{int(lower)}_h{int(hermitian)}", code, heff.astype(dtype), lower, hermitian)

    # Above sytrf's block size (64): the blocked ?lasyf path. (QR's blocked
    # paths start at order 128, too big for a fixture: the C++ suite checks
    # them by orthogonality and backward error.)
    m = random_matrix(rng, np.float64, 70, 70)
    add_ldl("ldl_d_n70_l1", "d", m + m.T, True, True)

    # Structured: zero diagonal (2 x 2 pivots from the first step), a singular
    # (rank 2) and an ill-conditioned (Hilbert) matrix; the last two also for qr.
    perm3 = np.array([[0.0, 1.0, 2.0], [1.0, 0.0, 3.0], [2.0, 3.0, 0.0]])
    add_ldl("ldl_d_zero_diagonal_l1", "d", perm3, True, True)
    add_ldl("ldl_d_zero_diagonal_l0", "d", perm3, False, True)
    singular = np.outer([1.0, 2.0, 3.0, 4.0], [1.0, 2.0, 3.0, 4.0]) - np.outer([0.0, 1.0, 0.0, 1.0],
                                                                            [0.0, 1.0, 0.0, 1.0])
    add_ldl("ldl_d_singular", "d", singular, True, True)
    add_ldl("ldl_d_hilbert10", "d", scipy.linalg.hilbert(10), False, True)
    add_qr("qr_d_hilbert10_p1", "d", scipy.linalg.hilbert(10), True, 10)

    fixture_io.write_manifest(OUT / "cases.csv", ["name", "kind", "dtype", "pivoting", "lower", "hermitian", "rank", "left",
                                             "conjugate"],
                              rows)
    print(f"scipy {scipy.__version__}, numpy {np.__version__}: wrote {len(rows)} cases to {OUT}")


if __name__ == "__main__":
    main()

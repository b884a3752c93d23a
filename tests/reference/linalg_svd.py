#!/usr/bin/env python3
"""Reference values of scipy.linalg.svd, svdvals, pinv, norm, null_space, orth,
subspace_angles, orthogonal_procrustes, polar and of numpy.linalg.cond and
matrix_rank for tests/linalg/svd_test.cpp, norm_test.cpp, pinv_test.cpp and
subspaces_test.cpp.

Writes tests/data/linalg/svd/. cases.csv lists one matrix a per row: name,
dtype, m, n, kind, then SciPy's / NumPy's results on it: rank (pinv's
return_rank, = matrix_rank's), the matrix norms (None, 'nuc', 1, -1, 2, -2,
inf, -inf), cond for None, -2 and (square, full rank only, else 0) 1, 'fro',
inf, 'nuc', -1, -inf, the null_space and orth column counts, and
orthogonal_procrustes's scale. Per case:

- <name>_a: the matrix; <name>_s: svdvals(a);
- <name>_pinv: pinv(a);
- <name>_null, <name>_orth: null_space(a), orth(a) (bases are not unique:
  the C++ side compares the projectors z z^H, q q^H);
- <name>_polar_u, <name>_polar_p, <name>_polar_pl: polar(a) (right) and the
  left polar's p (u is unique only for full rank; the test knows);
- <name>_b, <name>_angles: a second matrix with a's rows and
  subspace_angles(a, b);
- <name>_pb, <name>_pr: b for orthogonal_procrustes(a, b) (a rotated a plus
  noise) and its r.

Order 80 x 60 cases (double, complex double) reach LAPACK's blocked paths;
they store only a, s and the scalars. vector_cases.csv: name, dtype, ord, the
vector norm of <name>_x (ord "none" is None).

Complex arrays are stored as two float64 arrays, <name>_re.npy and <name>_im.npy.

Run with the pinned peers (SciPy 1.17.1): .venv/bin/python3 tests/reference/linalg_svd.py
"""
import pathlib

import numpy as np
import scipy
import scipy.linalg as sl

import fixture_io
from fixture_io import DTYPES, random_matrix

OUT = pathlib.Path(__file__).resolve().parents[1] / "data" / "linalg" / "svd"


def f17(x):
    return f"{float(x):.17g}"


def with_singular_values(rng, dtype, m, n, s):
    """U diag(s) V^H with random unitary U, V (QR of Gaussian matrices)."""
    u, _ = np.linalg.qr(random_matrix(rng, np.complex128 if np.iscomplexobj(dtype(0)) else np.float64, m, m))
    v, _ = np.linalg.qr(random_matrix(rng, np.complex128 if np.iscomplexobj(dtype(0)) else np.float64, n, n))
    d = np.zeros((m, n))
    d[: len(s), : len(s)] = np.diag(s)
    return (u @ d @ v.conj().T).astype(dtype)


def check_rank_is_clear(name, a, rank, rtol):
    """Asserts the kept and the dropped singular values are far from the cut-off,
    so that a different LAPACK build's rounding cannot change the rank."""
    s = np.linalg.svd(a.astype(np.complex128 if np.iscomplexobj(a) else np.float64), compute_uv=False)
    cut = rtol * s[0]
    assert all(x > 10 * cut for x in s[:rank]), (name, s, cut)
    exact_zero_noise = s[rank:]
    assert all(x < cut / 3 for x in exact_zero_noise), (name, s, cut)


def main():
    fixture_io.fresh_dir(OUT)
    rng = np.random.default_rng(20261124)
    rows = []
    for code, dtype in DTYPES.items():
        complex_type = np.iscomplexobj(dtype(0))
        cases = [
            ("square", random_matrix(rng, dtype, 6, 6)),
            ("tall", random_matrix(rng, dtype, 8, 5)),
            ("wide", random_matrix(rng, dtype, 4, 7)),
            ("rank3", (random_matrix(rng, dtype, 7, 3) @ random_matrix(rng, dtype, 3, 5)).astype(dtype)),
            ("prescribed", with_singular_values(rng, dtype, 8, 6, np.logspace(0, -4, 6))),
            # Hilbert: cond 1.5e10 at order 8 (double), 1.6e4 at order 4 (float),
            # so that the float rank is not a coin toss at the cut-off.
            ("hilbert", sl.hilbert(4 if code in "fc" else 8).astype(dtype) * (dtype(1 + 1j) if complex_type else 1)),
            ("zero", np.zeros((3, 4), dtype)),
            ("column", random_matrix(rng, dtype, 5, 1)),
        ]
        if code in "dz":
            cases.append(("large", random_matrix(rng, dtype, 80, 60)))
        for kind, a in cases:
            name = f"{kind}_{code}"
            m, n = a.shape
            s = sl.svdvals(a)
            p, rank = sl.pinv(a, return_rank=True)
            assert rank == np.linalg.matrix_rank(a)
            real = np.finfo(s.dtype)
            if kind != "zero":
                check_rank_is_clear(name, a, rank, max(m, n) * real.eps)
            fixture_io.save(OUT, f"{name}_a", a)
            fixture_io.save(OUT, f"{name}_s", s)
            norms = [sl.norm(a, o) for o in (None, "nuc", 1, -1, 2, -2, np.inf, -np.inf)]
            full_square = m == n and rank == n
            with np.errstate(all="ignore"):
                conds = [np.linalg.cond(a, p_) for p_ in (None, -2)]
                conds += [np.linalg.cond(a, p_) if full_square else 0.0 for p_ in (1, "fro", np.inf, "nuc", -1, -np.inf)]
            null = sl.null_space(a)
            q = sl.orth(a)
            b = random_matrix(rng, dtype, m, 3)
            rot, _ = np.linalg.qr(random_matrix(rng, np.complex128 if complex_type else np.float64, n, n))
            pb = (a @ rot + 1e-2 * random_matrix(rng, dtype, m, n)).astype(dtype)
            pr, scale = sl.orthogonal_procrustes(a, pb)
            if kind != "large":
                fixture_io.save(OUT, f"{name}_pinv", p)
                fixture_io.save(OUT, f"{name}_null", null)
                fixture_io.save(OUT, f"{name}_orth", q)
                pu, pp = sl.polar(a)
                fixture_io.save(OUT, f"{name}_polar_u", pu)
                fixture_io.save(OUT, f"{name}_polar_p", pp)
                fixture_io.save(OUT, f"{name}_polar_pl", sl.polar(a, "left")[1])
                fixture_io.save(OUT, f"{name}_b", b)
                fixture_io.save(OUT, f"{name}_angles", sl.subspace_angles(a, b))
                fixture_io.save(OUT, f"{name}_pb", pb)
                fixture_io.save(OUT, f"{name}_pr", pr)
            rows.append([name, code, m, n, kind, int(rank)] + [f17(x) for x in norms + conds] +
                        [null.shape[1], q.shape[1], f17(scale)])
    header = ["name", "dtype", "m", "n", "kind", "rank", "norm_none", "norm_nuc", "norm_1", "norm_m1", "norm_2",
              "norm_m2", "norm_inf", "norm_minf", "cond_none", "cond_m2", "cond_1", "cond_fro", "cond_inf", "cond_nuc",
              "cond_m1", "cond_minf", "null_cols", "orth_cols", "procrustes_scale"]
    fixture_io.write_manifest(OUT / "cases.csv", header, rows)

    # Vector norms: every order on a vector with one zero entry (ord 0, negative
    # orders give 0) and on one without (negative orders finite).
    vec_rows = []
    orders = [("none", None), ("2", 2), ("1", 1), ("0", 0), ("inf", np.inf), ("-inf", -np.inf), ("3", 3),
              ("0.5", 0.5), ("-1", -1), ("-2", -2), ("-0.5", -0.5)]
    for code, dtype in DTYPES.items():
        for kind in ("with_zero", "nonzero"):
            x = random_matrix(rng, dtype, 7, 1)[:, 0]
            if kind == "with_zero":
                x[2] = 0
            name = f"vec_{kind}_{code}"
            fixture_io.save(OUT, f"{name}_x", x)
            for label, o in orders:
                with np.errstate(divide="ignore"):
                    vec_rows.append([name, code, label, f17(sl.norm(x, o))])
    fixture_io.write_manifest(OUT / "vector_cases.csv", ["name", "dtype", "ord", "norm"], vec_rows)
    print(f"scipy {scipy.__version__}, numpy {np.__version__}: wrote {len(rows)} + {len(vec_rows)} cases to {OUT}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Reference results of scipy.linalg.lstsq for tests/linalg/lstsq_test.cpp.

Writes tests/data/linalg/lstsq/. Each problem (a shape, a rank, a scalar type)
is solved by SciPy with each LAPACK driver: <problem>_a.npy and <problem>_b.npy
(1-D or 2-D, as passed to SciPy) hold the input, <problem>_x_<driver>.npy the
solution; complex arrays are stored as two float64 arrays, <name>_re.npy and
<name>_im.npy. cases.csv lists one (problem, driver) per row:
name, dtype, driver, cond (the cond passed to SciPy; empty for None), rank,
cond_eff (s[0] / s[rank - 1] of the matrix, for the test's tolerance),
residues and s (SciPy's, ';'-separated with 17 digits; empty when SciPy
returns an empty array or None).

The matrices have prescribed singular values (in [1, 10], and exact zeros for
the rank-deficient ones) so that the answer is well defined and the
tolerance can be stated; rank-deficient problems pass an explicit cond far
above rounding level and far below the smallest nonzero singular value, so
the rank cannot depend on the LAPACK build.

Run with the pinned peers: .venv/bin/python3 tests/reference/linalg_lstsq.py
"""
import pathlib

import numpy as np
import scipy
import scipy.linalg

import fixture_io
from fixture_io import DTYPES

OUT = pathlib.Path(__file__).resolve().parents[1] / "data" / "linalg" / "lstsq"
DRIVERS = ("gelsd", "gelsy", "gelss")
# name, m, n, rank, k (None: 1-D b), cond
PROBLEMS = (
    ("square", 5, 5, 5, 2, None),
    ("tall_v", 9, 4, 4, None, None),
    ("tall_m", 9, 4, 4, 3, None),
    ("wide_v", 4, 7, 4, None, None),
    ("rankdef_tall", 9, 5, 3, 2, 1e-3),
    ("rankdef_wide", 5, 8, 2, None, 1e-3),
)


def random_matrix(rng, complex_, m, n):
    x = rng.standard_normal((m, n))
    if complex_:
        x = x + 1j * rng.standard_normal((m, n))
    return x


def orthonormal(rng, complex_, m):
    q, _ = np.linalg.qr(random_matrix(rng, complex_, m, m))
    return q


def prescribed(rng, complex_, m, n, rank):
    """U diag(s) V^H with s in [1, 10] for the first `rank` values, 0 after."""
    s = np.zeros(min(m, n))
    s[:rank] = np.linspace(10.0, 1.0, rank)
    sigma = np.zeros((m, n))
    sigma[: len(s), : len(s)] = np.diag(s)
    return orthonormal(rng, complex_, m) @ sigma @ orthonormal(rng, complex_, n).conj().T



def joined(values):
    if values is None:
        return ""
    return ";".join(f"{float(v):.17g}" for v in np.atleast_1d(values))


def main():
    fixture_io.fresh_dir(OUT)
    rng = np.random.default_rng(20261123)
    rows = []
    for code, dtype in DTYPES.items():
        complex_ = np.issubdtype(dtype, np.complexfloating)
        for problem, m, n, rank, k, cond in PROBLEMS:
            name = f"{problem}_{code}"
            a = prescribed(rng, complex_, m, n, rank).astype(dtype)
            b = random_matrix(rng, complex_, m, 1 if k is None else k).astype(dtype)
            if k is None:
                b = b[:, 0]
            fixture_io.save(OUT, f"{name}_a", a)
            fixture_io.save(OUT, f"{name}_b", b)
            s_exact = np.linalg.svd(a.astype(np.complex128 if complex_ else np.float64), compute_uv=False)
            for driver in DRIVERS:
                x, residues, scipy_rank, s = scipy.linalg.lstsq(a, b, cond=cond, lapack_driver=driver)
                assert scipy_rank == rank, (name, driver, scipy_rank)
                fixture_io.save(OUT, f"{name}_x_{driver}", x)
                rows.append([name, code, driver, "" if cond is None else repr(cond), scipy_rank,
                             f"{s_exact[0] / s_exact[rank - 1]:.17g}",
                             joined(residues if np.size(residues) else None), joined(s)])

    fixture_io.write_manifest(OUT / "cases.csv", ["name", "dtype", "driver", "cond", "rank", "cond_eff", "residues", "s"], rows)
    print(f"scipy {scipy.__version__}, numpy {np.__version__}: wrote {len(rows)} cases to {OUT}")


if __name__ == "__main__":
    main()

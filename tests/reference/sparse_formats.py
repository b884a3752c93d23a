"""SciPy's find, diagonal, sum, mean, norm and indexing on fixed matrices, for
tests/sparse/formats_test.cpp.

a.npz: 12 x 300 CSR, about 50% standard-normal entries scaled by 10^U(-6, 6)
(so that the order of additions shows in the last bits), with a few explicit
zeros. Rows hold ~150 entries (NumPy's pairwise summation recurses past 128),
columns ~6. at.npz is its transpose (300 x 12, so CSC slices are long too).
For both, the script saves SciPy's results as .npy, read back by the C++ test:
  NAME_sum0 / _sum1 / _mean0 / _mean1   A.sum(axis) / A.mean(axis) of the CSR
  NAME_csc_sum0 / ... / _csc_mean1      the same on A.tocsc() (other order of additions)
  NAME_norms0 / _norms1                 norm(A, ord, axis) for ord in ORDS, one row each
  a_find_I / _J / _V                    find(A) (for a only)
  NAME_diag_K                           A.diagonal(k) for k in DIAGONALS
  NAME_scalars.csv                      sum, mean, norms fro / 1 / -1 / inf / -inf, for CSR and CSC
b.npz: 9 x 13 CSR for indexing; b_index_CASE.npy holds B[rows, cols].toarray().

Run: .venv/bin/python tests/reference/sparse_formats.py
"""

import csv
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from scipy.sparse.linalg import norm

OUT = Path(__file__).resolve().parents[1] / "data" / "sparse" / "formats"
ORDS = [np.inf, -np.inf, 0, 1, 2, -1, 0.5, 3]
DIAGONALS = [0, 3, -2, 299, -11, 11]

# name: (rows, cols) as Python index expressions, evaluated on B
INDEX_CASES = {
    "rows": ([3, 0, -1, 3], slice(None)),
    "cols": (slice(None), [5, 2, 2, -1, 0]),
    "both": ([8, 1, 1], [12, 0, 7]),
    "slices": (slice(1, 9, 3), slice(None, None, -2)),
    "negative_slice": (slice(-2, None, -3), slice(2, -2)),
    "empty_slice": (slice(5, 2), slice(None)),
    "rows_and_slice": ([2, -9], slice(10, 3, -1)),
}


def scaled_normal(rng, n):
    return rng.standard_normal(n) * 10.0 ** rng.uniform(-6, 6, n)


def write_reductions(name, a):
    csc = a.tocsc()
    for prefix, m in ((name, a), (f"{name}_csc", csc)):
        for axis in (0, 1):
            np.save(OUT / f"{prefix}_sum{axis}.npy", np.asarray(m.sum(axis=axis)).ravel())
            np.save(OUT / f"{prefix}_mean{axis}.npy", np.asarray(m.mean(axis=axis)).ravel())
    for axis in (0, 1):
        with np.errstate(divide="ignore"):
            rows = [norm(a, o, axis=axis) for o in ORDS]
        np.save(OUT / f"{name}_norms{axis}.npy", np.array(rows, dtype=float))
    if name == "a":
        i, j, v = sp.find(a)
        np.save(OUT / f"{name}_find_I.npy", i.astype(np.int32))
        np.save(OUT / f"{name}_find_J.npy", j.astype(np.int32))
        np.save(OUT / f"{name}_find_V.npy", v)
    for k in DIAGONALS:
        np.save(OUT / f"{name}_diag_{k}.npy".replace("-", "m"), a.diagonal(k))
    with open(OUT / f"{name}_scalars.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["quantity", "csr", "csc"])
        w.writerow(["sum", repr(float(a.sum())), repr(float(csc.sum()))])
        w.writerow(["mean", repr(float(a.mean())), repr(float(csc.mean()))])
        for o, label in (("fro", "fro"), (1, "1"), (-1, "-1"), (np.inf, "inf"), (-np.inf, "-inf")):
            w.writerow([f"norm_{label}", repr(float(norm(a, o))), repr(float(norm(csc, o)))])


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*"):
        old.unlink()
    rng = np.random.default_rng(7)
    a = sp.random(12, 300, density=0.5, format="csr", rng=rng)
    a.data = scaled_normal(rng, a.nnz)
    a.data[[5, 100, 1500]] = 0.0  # explicit zeros
    assert a.has_canonical_format
    sp.save_npz(OUT / "a.npz", a)
    write_reductions("a", a)
    at = a.T.tocsr()
    sp.save_npz(OUT / "at.npz", at)
    write_reductions("at", at)

    b = sp.random(9, 13, density=0.5, format="csr", rng=rng)
    b.data = np.round(rng.standard_normal(b.nnz), 3)
    b.data[2] = 0.0
    sp.save_npz(OUT / "b.npz", b)
    for case, (rows, cols) in INDEX_CASES.items():
        r = b[rows, :] if cols == slice(None) else (b[:, cols] if rows == slice(None) else b[rows, :][:, cols])
        np.save(OUT / f"b_index_{case}.npy", r.toarray())


if __name__ == "__main__":
    main()

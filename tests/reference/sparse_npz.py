"""scipy.sparse .npz files for tests/sparse/npz_test.cpp.

1. Files written by SciPy's save_npz that load_npz must read exactly: CSR, CSC
   and COO, compressed (SciPy's default) and stored, a csr_array (with
   _is_array.npy), int64 indices, float32 data, unsorted / repeated indices
   (non-canonical, which loads with repeats summed), an empty matrix. Each
   NAME.npz comes with NAME_dense.npy (A.toarray(), the expected matrix) and a
   row in files.csv: name, rows, cols, the stored entries after loading
   (repeats summed, explicit zeros kept).
2. Malformed files, built with np.savez as a hostile or broken writer would:
   decreasing indptr, an index outside the shape, a short indptr, more
   indices than data, a negative or huge shape, complex data, an unsupported
   format ('dia'), a missing member, an archive with no format at all.
   Listed in bad.csv with a word the FormatError message must contain.
3. The files scilearn's save_npz wrote (scilearn_csr_stored.npz, stored, and
   scilearn_csc_deflated.npz, compressed; npz_test.cpp writes them again and
   compares): checked here to load in SciPy as the matrix ours_matrix() below,
   which the C++ test builds the same way. Regenerate them with
   `build/dev/tests/sparse/tests_sparse --run_test=npz` after setting
   SCILEARN_WRITE_NPZ_FIXTURES=1, then run this script.

Run: .venv/bin/python tests/reference/sparse_npz.py
"""

import csv
from pathlib import Path

import numpy as np
import scipy
import scipy.sparse as sp

OUT = Path(__file__).resolve().parents[1] / "data" / "sparse" / "npz"


def ours_matrix():
    """7 x 5: (i*5 + j) / 2 - 3 where (i + 2 j) % 3 != 0, and an explicit zero at (1, 1)."""
    rows, cols, vals = [], [], []
    for i in range(7):
        for j in range(5):
            if (i + 2 * j) % 3 != 0 or (i, j) == (1, 1):
                rows.append(i)
                cols.append(j)
                vals.append(0.0 if (i, j) == (1, 1) else (i * 5 + j) * 0.5 - 3)
    return sp.csr_matrix((vals, (rows, cols)), shape=(7, 5))


def example(rng):
    """6 x 9 with about 40% entries, standard normal values, and an explicit zero."""
    a = sp.random(6, 9, density=0.4, format="csr", rng=rng)
    a.data = rng.standard_normal(a.nnz)
    a.data[3] = 0.0
    return a


def canonical_nnz(a):
    b = sp.csr_matrix(a, copy=True)
    b.sum_duplicates()
    return b.nnz


def write_good(rng):
    rows = []

    def save(name, a, compressed=True, dense=None):
        sp.save_npz(OUT / f"{name}.npz", a, compressed=compressed)
        np.save(OUT / f"{name}_dense.npy", a.toarray() if dense is None else dense)
        rows.append([name, a.shape[0], a.shape[1], canonical_nnz(a)])

    a = example(rng)
    save("scipy_csr", a)
    save("scipy_csc", a.tocsc())
    save("scipy_csr_stored", a, compressed=False)
    save("scipy_csr_array", sp.csr_array(a))
    b = a.copy()
    b.indices = b.indices.astype(np.int64)
    b.indptr = b.indptr.astype(np.int64)
    save("scipy_csr_int64", b)
    save("scipy_csr_float32", a.astype(np.float32))
    # COO with repeats, in no particular order; values that sum exactly.
    coo = sp.coo_matrix(([1.5, 2.0, -0.5, 4.0, 0.25, 8.0], ([2, 0, 2, 4, 0, 1], [3, 1, 3, 0, 1, 4])), shape=(5, 6))
    save("scipy_coo", coo)
    # CSR with unsorted and repeated column indices in row 0 and row 2.
    nc = sp.csr_matrix((np.array([1.0, 2.0, 0.5, 3.0, 0.25, 4.0, 0.75]), np.array([3, 0, 3, 1, 2, 0, 2]),
                        np.array([0, 3, 4, 7])), shape=(3, 4))
    assert not nc.has_canonical_format
    save("scipy_csr_noncanonical", nc)
    save("scipy_empty", sp.csr_matrix((0, 4)))
    # SciPy before 1.0 stored the format as a unicode string ('<U3'); SciPy still reads it.
    u = sp.csr_matrix(a)
    np.savez_compressed(OUT / "scipy_format_unicode.npz", format=np.array("csr"), shape=np.array(u.shape),
                        data=u.data, indices=u.indices, indptr=u.indptr)
    assert (sp.load_npz(OUT / "scipy_format_unicode.npz") != u).nnz == 0
    np.save(OUT / "scipy_format_unicode_dense.npy", u.toarray())
    rows.append(["scipy_format_unicode", u.shape[0], u.shape[1], u.nnz])
    save("scipy_csc_no_entries", sp.csc_matrix((3, 5)))
    with open(OUT / "files.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "rows", "cols", "nnz"])
        w.writerows(rows)


def write_bad():
    """np.savez_compressed with arrays as SciPy names them, broken one way each."""
    good = dict(format=b"csr", shape=np.array([3, 4]), data=np.array([1.0, 2.0, 3.0]),
                indices=np.array([0, 2, 1], dtype=np.int32), indptr=np.array([0, 2, 2, 3], dtype=np.int32))
    cases = [
        ("bad_indptr_decreasing", dict(indptr=np.array([0, 2, 1, 3], dtype=np.int32)), "decreases"),
        ("bad_indptr_start", dict(indptr=np.array([1, 2, 2, 3], dtype=np.int32)), "start at 0"),
        ("bad_indptr_length", dict(indptr=np.array([0, 2, 3], dtype=np.int32)), "indptr has"),
        ("bad_indptr_past_indices", dict(indptr=np.array([0, 2, 2, 5], dtype=np.int32)), "only"),
        ("bad_index_out_of_range", dict(indices=np.array([0, 4, 1], dtype=np.int32)), "outside"),
        ("bad_index_negative", dict(indices=np.array([0, -1, 1], dtype=np.int32)), "outside"),
        ("bad_indices_data_length", dict(data=np.array([1.0, 2.0])), "indices and data"),
        ("bad_shape_negative", dict(shape=np.array([-3, 4])), "non-negative"),
        ("bad_shape_three", dict(shape=np.array([3, 4, 1])), "two"),
        ("bad_shape_huge", dict(shape=np.array([3, 2**40])), "exceeds"),
        ("bad_complex_data", dict(data=np.array([1.0, 2.0, 3.0]) * (1 + 1j)), "dtype"),
        ("bad_format_dia", dict(format=b"dia"), "not supported"),
        ("bad_format_dtype", dict(format=np.array([1, 2, 3])), "dtype"),
        ("bad_data_2d_3x3", dict(data=np.ones((3, 3))), "not a vector"),
    ]
    rows = []
    for name, change, word in cases:
        arrays = dict(good)
        arrays.update(change)
        np.savez_compressed(OUT / f"{name}.npz", **arrays)
        rows.append([name, word])
    missing = dict(good)
    del missing["indices"]
    np.savez_compressed(OUT / "bad_missing_indices.npz", **missing)
    rows.append(["bad_missing_indices", "no member 'indices.npy'"])
    np.savez_compressed(OUT / "bad_not_sparse.npz", x=np.arange(4.0))
    rows.append(["bad_not_sparse", "format.npy"])
    # A huge COO shape that the 64-bit types accept but no machine can allocate.
    np.savez_compressed(OUT / "bad_coo_huge_shape.npz", format=b"coo", shape=np.array([2**62, 3]),
                        data=np.array([1.0]), row=np.array([0]), col=np.array([0]))
    rows.append(["bad_coo_huge_shape", "exceeds"])
    with open(OUT / "bad.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "message"])
        w.writerows(rows)


def check_ours():
    expected = ours_matrix()
    for name, fmt in (("scilearn_csr_stored", "csr"), ("scilearn_csc_deflated", "csc")):
        path = OUT / f"{name}.npz"
        if not path.exists():
            print(f"{path.name}: not written yet (see the docstring)")
            continue
        got = sp.load_npz(path)
        assert got.format == fmt, (name, got.format)
        assert got.shape == expected.shape and got.nnz == expected.nnz, (name, got.shape, got.nnz)
        assert got.has_canonical_format
        assert np.array_equal(got.toarray(), expected.toarray()), name
        assert np.array_equal(got.asformat("csr").indices, expected.indices), name
        with np.load(path) as z:
            assert sorted(z.files) == ["data", "format", "indices", "indptr", "shape"], z.files
            assert z["data"].dtype == np.float64 and z["indices"].dtype == np.int32
            assert z["shape"].dtype == np.int64 and z["format"].dtype == np.dtype("S3")
        print(f"{path.name}: SciPy {scipy.__version__} reads it as the expected {fmt} matrix")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for old in list(OUT.glob("scipy_*")) + list(OUT.glob("bad_*")):
        old.unlink()
    rng = np.random.default_rng(20240611)
    write_good(rng)
    write_bad()
    check_ours()


if __name__ == "__main__":
    main()

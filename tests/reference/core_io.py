#!/usr/bin/env python3
"""Fixtures for tests/core/io/{npy,csv,matrix_market}_test.cpp, written by NumPy
and SciPy so that our readers are checked against an independent writer.

Every array's content follows a formula the C++ tests repeat, so a test checks
values, not just shapes:

    grid(i, j)     = 10 * i + j + 0.25          float64 / float32 (exact in both)
    int_grid(i, j) = 10 * i + j - 7             int32
    big_grid(i, j) = (10 * i + j - 7) * 2**33 + 1   int64 (beyond int32, exact in float64)

Output in tests/data/core/io/:

* npy_<dtype>_<order>_<rows>x<cols>.npy   np.save of 2-D arrays, dtype one of
  f8 f4 i4 i8 (grid / int_grid / big_grid), order c or f;
* npy_be_<dtype>_<order>_3x4.npy          the same data big-endian ('>f8', ...);
* npy_f8_1d_5.npy, npy_i8_1d_5.npy        1-D (5,): grid(i, 0), big_grid(i, 0);
* npy_f8_0d.npy (3.5), npy_i4_0d.npy (-7) 0-d arrays;
* npy_f8_row_1x4.npy, npy_f8_col_4x1.npy  2-D vectors: grid(0, j), grid(i, 0);
* npy_f8_empty_0x3.npy                    shape (0, 3);
* npy_f8_v2_3x4.npy, npy_f8_v3_3x4.npy    format versions 2.0 and 3.0 (grid, C order);
* npy_f8_special_4.npy                    [nan, inf, -inf, -0.0];
* npy_f8_3d_2x2x2.npy                     3-D (rejected by load_npy);
* npy_u1_2x2.npy, npy_c16_2.npy, npy_bool_3.npy, npy_f2_2.npy, npy_struct_2.npy
                                          dtypes scilearn does not read;
* csv_numpy_header_3x4.csv                np.savetxt of grid with a header a,b,c,d;
* mm_coordinate_real_general.mtx          scipy.io.mmwrite of a 4x5 sparse matrix
  with entries (0,0)=1/3, (1,2)=-2.5e-300, (3,4)=1e300, (2,1)=7 and (3,0)=-0.125;
* mm_coordinate_real_symmetric.mtx        4x4 symmetric: (0,0)=2, (1,0)=(0,1)=-1,
  (3,1)=(1,3)=0.5, (2,2)=1/7;
* mm_coordinate_real_skew.mtx             4x4 skew-symmetric: (1,0)=3=-(0,1), (3,2)=-1.5=-(2,3);
* mm_coordinate_integer_general.mtx       3x3 int64: (0,1)=5, (2,0)=-9, (2,2)=123456789012;
* mm_coordinate_pattern_general.mtx       3x4 pattern: (0,0), (1,3), (2,1);
* mm_array_real_general.mtx               dense 3x4 grid;
* mm_array_real_symmetric.mtx             dense 3x3 [[4,1,2],[1,5,3],[2,3,6]].

Run with the pinned peers: .venv/bin/python3 tests/reference/core_io.py
"""

import pathlib

import numpy as np
import scipy.io
import scipy.sparse

OUT = pathlib.Path(__file__).resolve().parent.parent / "data" / "core" / "io"


def grid(rows, cols):
    return np.array([[10 * i + j + 0.25 for j in range(cols)] for i in range(rows)], dtype=np.float64)


def int_grid(rows, cols):
    return np.array([[10 * i + j - 7 for j in range(cols)] for i in range(rows)], dtype=np.int32)


def big_grid(rows, cols):
    return np.array([[(10 * i + j - 7) * 2**33 + 1 for j in range(cols)] for i in range(rows)], dtype=np.int64)


CONTENT = {
    "f8": lambda r, c: grid(r, c),
    "f4": lambda r, c: grid(r, c).astype(np.float32),
    "i4": int_grid,
    "i8": big_grid,
}


def save(name, array):
    np.save(OUT / name, array)


def write_npy():
    for dtype, make in CONTENT.items():
        for order in ("c", "f"):
            for rows, cols in ((3, 4), (1, 1)):
                array = make(rows, cols)
                array = np.asfortranarray(array) if order == "f" else np.ascontiguousarray(array)
                save(f"npy_{dtype}_{order}_{rows}x{cols}.npy", array)
            array = make(3, 4).astype(">" + dtype)
            array = np.asfortranarray(array) if order == "f" else np.ascontiguousarray(array)
            save(f"npy_be_{dtype}_{order}_3x4.npy", array)
    save("npy_f8_1d_5.npy", grid(5, 1)[:, 0].copy())
    save("npy_i8_1d_5.npy", big_grid(5, 1)[:, 0].copy())
    save("npy_f8_0d.npy", np.array(3.5))
    save("npy_i4_0d.npy", np.array(-7, dtype=np.int32))
    save("npy_f8_row_1x4.npy", grid(1, 4))
    save("npy_f8_col_4x1.npy", grid(4, 1))
    save("npy_f8_empty_0x3.npy", np.zeros((0, 3)))
    for version in ((2, 0), (3, 0)):
        with open(OUT / f"npy_f8_v{version[0]}_3x4.npy", "wb") as f:
            np.lib.format.write_array(f, grid(3, 4), version=version)
    save("npy_f8_special_4.npy", np.array([np.nan, np.inf, -np.inf, -0.0]))
    save("npy_f8_3d_2x2x2.npy", np.arange(8, dtype=np.float64).reshape(2, 2, 2))
    save("npy_u1_2x2.npy", np.ones((2, 2), dtype=np.uint8))
    save("npy_c16_2.npy", np.array([1 + 2j, 3 - 4j]))
    save("npy_bool_3.npy", np.array([True, False, True]))
    save("npy_f2_2.npy", np.array([1.0, 2.0], dtype=np.float16))
    save("npy_struct_2.npy", np.zeros(2, dtype=[("x", "<f8"), ("y", "<i4")]))


def write_csv():
    np.savetxt(OUT / "csv_numpy_header_3x4.csv", grid(3, 4), delimiter=",", fmt="%.17g", header="a,b,c,d",
               comments="")


def coo(shape, entries, dtype=np.float64):
    rows, cols, values = zip(*entries)
    return scipy.sparse.coo_matrix((np.array(values, dtype=dtype), (rows, cols)), shape=shape)


def write_matrix_market():
    general = coo((4, 5), [(0, 0, 1 / 3), (1, 2, -2.5e-300), (3, 4, 1e300), (2, 1, 7.0), (3, 0, -0.125)])
    scipy.io.mmwrite(OUT / "mm_coordinate_real_general.mtx", general, comment="written by scipy.io.mmwrite")
    symmetric = coo((4, 4), [(0, 0, 2.0), (1, 0, -1.0), (0, 1, -1.0), (3, 1, 0.5), (1, 3, 0.5), (2, 2, 1 / 7)])
    scipy.io.mmwrite(OUT / "mm_coordinate_real_symmetric.mtx", symmetric, symmetry="symmetric")
    skew = coo((4, 4), [(1, 0, 3.0), (0, 1, -3.0), (3, 2, -1.5), (2, 3, 1.5)])
    scipy.io.mmwrite(OUT / "mm_coordinate_real_skew.mtx", skew, symmetry="skew-symmetric")
    integer = coo((3, 3), [(0, 1, 5), (2, 0, -9), (2, 2, 123456789012)], dtype=np.int64)
    scipy.io.mmwrite(OUT / "mm_coordinate_integer_general.mtx", integer)
    pattern = coo((3, 4), [(0, 0, 1.0), (1, 3, 1.0), (2, 1, 1.0)])
    scipy.io.mmwrite(OUT / "mm_coordinate_pattern_general.mtx", pattern, field="pattern")
    scipy.io.mmwrite(OUT / "mm_array_real_general.mtx", grid(3, 4))
    dense_symmetric = np.array([[4.0, 1.0, 2.0], [1.0, 5.0, 3.0], [2.0, 3.0, 6.0]])
    scipy.io.mmwrite(OUT / "mm_array_real_symmetric.mtx", dense_symmetric, symmetry="symmetric")
    # Check that SciPy reads back what it wrote, so the fixtures mean what the docstring says.
    assert scipy.io.mminfo(OUT / "mm_coordinate_real_skew.mtx")[5] == "skew-symmetric"
    assert scipy.io.mminfo(OUT / "mm_array_real_symmetric.mtx")[5] == "symmetric"
    assert np.array_equal(scipy.io.mmread(OUT / "mm_coordinate_real_general.mtx").toarray(), general.toarray())


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    write_npy()
    write_csv()
    write_matrix_market()


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Reference eigenvalues from scipy.linalg for tests/linalg/eigh_test.cpp,
eig_test.cpp and eig_banded_test.cpp.

Writes tests/data/linalg/eig/. cases.csv lists one case per row: name, kind,
dtype, lower, driver ('' for SciPy's default), type (generalized eigh),
select ('a', 'i' by index, 'v' by value), lo, hi (the subset: 0-based
indices or the interval (lo, hi]), error (the leading minor of b that
eigh_fail's SciPy error names), scale (the norm that bounds the eigenvalue
error, see below). Per kind:

- eigh / eigh_gen: <name>_heff, the Hermitian matrix (for eigh_gen also
  <name>_beff, positive definite), and SciPy's eigenvalues <name>_w. SciPy
  was given them with the triangle that must be ignored overwritten with
  IGNORED (tests/linalg/linalg_testing.hpp's corrupt_ignored_triangle
  rebuilds that input). scale: ||heff||_2 (Weyl: a backward stable
  solver's eigenvalues are within O(n eps ||a||_2)); generalized type 1:
  ||a||_2 ||b^-1||_2, types 2 and 3: ||a||_2 ||b||_2.
- eigh_fail: <name>_a, <name>_b where b is not positive definite; error is
  the order of the leading minor SciPy's message names.
- eig / eig_gen: <name>_a (and <name>_b), SciPy's <name>_w (for eig_gen with
  an infinite eigenvalue: inf + 0j as SciPy), and <name>_kappa, each
  eigenvalue's condition number that multiplies its error bound (unit
  left and right vectors y, x from SciPy's eig with left=True):
  1 / |y^H x|, bounding |w - w'| by eps ||a||_2 kappa; generalized (Stewart
  and Sun, VI.2): 1 / sqrt(|y^H a x|^2 + |y^H b x|^2), bounding the chordal
  distance of w and w' by eps (||a||_2 + ||b||_2) kappa. scale: ||a||_2
  (generalized: ||a||_2 + ||b||_2).
- eig_banded: <name>_ab (band storage; the unused corner holds IGNORED),
  <name>_heff, <name>_w. scale as eigh.
- eigh_tridiagonal: <name>_d, <name>_e, <name>_w. scale as eigh.

Subsets by value take their bounds halfway between eigenvalues, so no
eigenvalue lies near a bound. Complex arrays are stored as two float64
arrays, <name>_re.npy and <name>_im.npy.

Run with the pinned peers (SciPy 1.17.1): .venv/bin/python3 tests/reference/linalg_eig.py
"""
import pathlib
import re

import numpy as np
import scipy
import scipy.linalg

import fixture_io
from fixture_io import DTYPES, random_matrix

OUT = pathlib.Path(__file__).resolve().parents[1] / "data" / "linalg" / "eig"
IGNORED = 1.0e3  # plus 1e3j for complex matrices


def save(name, array):
    array = np.asarray(array)
    fixture_io.save(OUT, name, array if np.iscomplexobj(array) else array.astype(np.float64))


def hermitian(rng, dtype, n, eigenvalues=None):
    """A random Hermitian matrix, with the given eigenvalues if any."""
    m = random_matrix(rng, dtype, n, n).astype(np.complex128 if np.iscomplexobj(np.empty(0, dtype)) else np.float64)
    if eigenvalues is None:
        h = (m + m.conj().T) / 2
    else:
        q, _ = np.linalg.qr(m)
        h = (q * np.asarray(eigenvalues)) @ q.conj().T
        h = (h + h.conj().T) / 2
    return h.astype(dtype)


def positive_definite(rng, dtype, n, shift):
    m = random_matrix(rng, dtype, n, n)
    return (m @ m.conj().T + shift * np.eye(n)).astype(dtype)


def corrupt(heff, lower):
    """heff with the triangle that must not be read overwritten with IGNORED."""
    passed = heff.copy()
    n = heff.shape[0]
    value = IGNORED + (1j * IGNORED if np.iscomplexobj(heff) else 0)
    passed[np.triu_indices(n, 1) if lower else np.tril_indices(n, -1)] = value
    return passed


def norm2(a):
    return float(np.linalg.norm(a.astype(np.complex128), 2))


def midpoints(w, i, j):
    """The interval from halfway between w[i-1] and w[i] to halfway between w[j] and w[j+1]."""
    w = np.sort(np.asarray(w, dtype=np.float64))
    lo = (w[i - 1] + w[i]) / 2 if i > 0 else w[0] - 1.0
    hi = (w[j] + w[j + 1]) / 2 if j + 1 < len(w) else w[-1] + 1.0
    return float(lo), float(hi)


def main():
    fixture_io.fresh_dir(OUT)
    rng = np.random.default_rng(20261122)
    rows = []

    def row(name, kind, code, lower=1, driver="", type_=1, select="a", lo=0.0, hi=0.0, error=0, scale=0.0):
        rows.append([name, kind, code, int(lower), driver, type_, select, repr(lo), repr(hi), error, f"{scale:.17g}"])

    def subset_kwargs(select, lo, hi):
        if select == "i":
            return {"subset_by_index": [int(lo), int(hi)]}
        if select == "v":
            return {"subset_by_value": [lo, hi]}
        return {}

    def add_eigh(name, code, heff, lower=True, driver=None, select="a", lo=0.0, hi=0.0):
        passed = corrupt(heff, lower)
        w, v = scipy.linalg.eigh(passed, lower=lower, driver=driver, **subset_kwargs(select, lo, hi))
        for suffix, array in (("heff", heff), ("w", w)):
            save(f"{name}_{suffix}", array)
        row(name, "eigh", code, lower, driver or "", 1, select, lo, hi, scale=norm2(heff))

    def add_eigh_gen(name, code, aeff, beff, type_=1, lower=True, driver=None, select="a", lo=0.0, hi=0.0):
        a, b = corrupt(aeff, lower), corrupt(beff, lower)
        w, v = scipy.linalg.eigh(a, b, lower=lower, type=type_, driver=driver, **subset_kwargs(select, lo, hi))
        for suffix, array in (("heff", aeff), ("beff", beff), ("w", w)):
            save(f"{name}_{suffix}", array)
        bscale = norm2(np.linalg.inv(beff.astype(np.complex128))) if type_ == 1 else norm2(beff)
        row(name, "eigh_gen", code, lower, driver or "", type_, select, lo, hi, scale=norm2(aeff) * bscale)

    def add_eigh_fail(name, code, a, b, lower=True):
        try:
            scipy.linalg.eigh(a, b, lower=lower)
        except scipy.linalg.LinAlgError as e:
            order = int(re.match(r"The leading minor of order (\d+) of B", str(e)).group(1))
        else:
            raise AssertionError(f"{name}: SciPy solved it")
        save(f"{name}_a", a)
        save(f"{name}_b", b)
        row(name, "eigh_fail", code, lower, error=order)

    def add_eig(name, code, a, b=None):
        if b is None:
            w, vl, vr = scipy.linalg.eig(a, left=True, right=True)
            scale = norm2(a)
        else:
            w, vl, vr = scipy.linalg.eig(a, b, left=True, right=True)
            scale = norm2(a) + norm2(b)
        vl = vl / np.linalg.norm(vl, axis=0)
        vr = vr / np.linalg.norm(vr, axis=0)
        with np.errstate(divide="ignore"):
            if b is None:
                kappa = 1.0 / np.abs(np.einsum("ij,ij->j", vl.conj(), vr))
            else:
                ya = np.abs(np.einsum("ij,ij->j", vl.conj(), a @ vr))
                yb = np.abs(np.einsum("ij,ij->j", vl.conj(), b @ vr))
                kappa = 1.0 / np.hypot(ya, yb)
        save(f"{name}_a", a)
        if b is not None:
            save(f"{name}_b", b)
        save(f"{name}_w", w.astype(np.complex128))
        save(f"{name}_kappa", kappa)
        row(name, "eig" if b is None else "eig_gen", code, scale=scale)

    def add_eig_banded(name, code, heff, u, lower, select="a", lo=0.0, hi=0.0):
        n = heff.shape[0]
        ab = np.full((u + 1, n), IGNORED + (1j * IGNORED if np.iscomplexobj(heff) else 0), dtype=heff.dtype)
        for j in range(n):
            for i in range(n):
                if lower and 0 <= i - j <= u:
                    ab[i - j, j] = heff[i, j]
                elif not lower and 0 <= j - i <= u:
                    ab[u + i - j, j] = heff[i, j]
        select_range = None if select == "a" else ([int(lo), int(hi)] if select == "i" else [lo, hi])
        w, v = scipy.linalg.eig_banded(ab, lower=lower, select=select, select_range=select_range)
        for suffix, array in (("ab", ab), ("heff", heff), ("w", w)):
            save(f"{name}_{suffix}", array)
        row(name, "eig_banded", code, lower, "", 1, select, lo, hi, scale=norm2(heff))

    def add_tridiagonal(name, code, d, e, driver, select="a", lo=0.0, hi=0.0, eigvals_only=False):
        select_range = None if select == "a" else ([int(lo), int(hi)] if select == "i" else [lo, hi])
        out = scipy.linalg.eigh_tridiagonal(d, e, eigvals_only=eigvals_only, select=select,
                                            select_range=select_range, lapack_driver=driver)
        w = out if eigvals_only else out[0]
        for suffix, array in (("d", d), ("e", e), ("w", w)):
            save(f"{name}_{suffix}", array)
        t = np.diag(d.astype(np.float64)) + np.diag(e.astype(np.float64), 1) + np.diag(e.astype(np.float64), -1)
        row(name, "eigh_tridiagonal", code, 1, driver, 1, select, lo, hi, scale=norm2(t))

    n = 6
    for code, dtype in DTYPES.items():
        # eigh: each triangle, each driver, subsets by index and by value
        for lower in (True, False):
            add_eigh(f"eigh_{code}_l{int(lower)}", code, hermitian(rng, dtype, n), lower)
        for driver in ("ev", "evd", "evr", "evx"):
            add_eigh(f"eigh_{code}_{driver}", code, hermitian(rng, dtype, n), True, driver)
        for driver in ("evr", "evx"):
            add_eigh(f"eigh_{code}_{driver}_index", code, hermitian(rng, dtype, n), False, driver, "i", 1, 3)
            h = hermitian(rng, dtype, n)
            lo, hi = midpoints(scipy.linalg.eigvalsh(h), 2, 4)
            add_eigh(f"eigh_{code}_{driver}_value", code, h, True, driver, "v", lo, hi)
        # generalized: each type, each driver, a subset with gvx (SciPy's default for subsets)
        for type_ in (1, 2, 3):
            add_eigh_gen(f"eighg_{code}_t{type_}", code, hermitian(rng, dtype, n),
                         positive_definite(rng, dtype, n, n), type_, lower=type_ != 2)
        for driver in ("gv", "gvd", "gvx"):
            add_eigh_gen(f"eighg_{code}_{driver}", code, hermitian(rng, dtype, n),
                         positive_definite(rng, dtype, n, n), 1, True, driver)
        add_eigh_gen(f"eighg_{code}_index", code, hermitian(rng, dtype, n), positive_definite(rng, dtype, n, n),
                     1, False, None, "i", 2, 5)
        # eig: random (a real one has complex pairs), and generalized
        add_eig(f"eig_{code}_random", code, random_matrix(rng, dtype, n, n))
        add_eig(f"eig_{code}_gen", code, random_matrix(rng, dtype, n, n), random_matrix(rng, dtype, n, n))
        # eig_banded: both forms, two off-diagonals; select by index and value
        for lower in (True, False):
            h = hermitian(rng, dtype, 7)
            band = np.triu(np.tril(h, 2), -2)
            add_eig_banded(f"band_{code}_l{int(lower)}", code, band, 2, lower)
        band = np.triu(np.tril(hermitian(rng, dtype, 7), 2), -2)
        add_eig_banded(f"band_{code}_index", code, band, 2, True, "i", 2, 4)
        band = np.triu(np.tril(hermitian(rng, dtype, 7), 1), -1)
        lo, hi = midpoints(scipy.linalg.eigvalsh(band), 1, 5)
        add_eig_banded(f"band_{code}_value", code, band, 1, False, "v", lo, hi)

    # eigh_tridiagonal (real only): every driver, both subsets with stebz and stemr
    for code in ("f", "d"):
        dtype = DTYPES[code]
        d = rng.standard_normal(7).astype(dtype)
        e = rng.standard_normal(6).astype(dtype)
        for driver in ("auto", "stemr", "stebz", "stev", "stevd"):
            add_tridiagonal(f"tri_{code}_{driver}", code, d, e, driver)
        add_tridiagonal(f"tri_{code}_sterf", code, d, e, "sterf", eigvals_only=True)
        w = np.sort(np.linalg.eigvalsh(np.diag(d.astype(np.float64)) + np.diag(e.astype(np.float64), 1)
                                       + np.diag(e.astype(np.float64), -1)))
        lo, hi = midpoints(w, 2, 5)
        for driver in ("stebz", "stemr"):
            add_tridiagonal(f"tri_{code}_{driver}_index", code, d, e, driver, "i", 1, 4)
            add_tridiagonal(f"tri_{code}_{driver}_value", code, d, e, driver, "v", lo, hi)

    # Structured and ill-conditioned cases (double, some complex):
    # repeated eigenvalues (vectors not unique: tested by residual and orthogonality)
    add_eigh("eigh_d_repeated", "d", hermitian(rng, np.float64, 6, [1.0, 1.0, 1.0, 2.0, 2.0, 1.0 + 1e-13]))
    add_eigh("eigh_z_repeated_evd", "z", hermitian(rng, np.complex128, 6, [-1.0, -1.0, 0.0, 0.0, 0.0, 5.0]),
             False, "evd")
    # Hilbert: eigenvalues from 1.7 down to 1e-10 (only absolutely accurate)
    add_eigh("eigh_d_hilbert8", "d", scipy.linalg.hilbert(8))
    # rank-deficient: rank 2 of order 6 (four zero eigenvalues)
    m = rng.standard_normal((6, 2))
    add_eigh("eigh_d_rank2_evx", "d", m @ m.T, True, "evx")
    # an ill-conditioned b (cond ~ 1e8) in the generalized problem
    q, _ = np.linalg.qr(rng.standard_normal((6, 6)))
    b_ill = (q * np.logspace(0, -8, 6)) @ q.T
    add_eigh_gen("eighg_d_ill_b", "d", hermitian(rng, np.float64, 6), (b_ill + b_ill.T) / 2)
    # order 80: LAPACK's blocked reductions (block size 32-64)
    add_eigh("eigh_d_n80", "d", hermitian(rng, np.float64, 80))
    add_eigh("eigh_z_n80_evd", "z", hermitian(rng, np.complex128, 80), False, "evd")
    add_eig("eig_d_n70", "d", rng.standard_normal((70, 70)))
    # a non-normal matrix with known real eigenvalues 1..6 (condition numbers ~1e3-1e5)
    t = np.triu(rng.standard_normal((6, 6)) * 30, 1) + np.diag(np.arange(1.0, 7.0))
    add_eig("eig_d_nonnormal", "d", q @ t @ q.T)
    # symmetric input to eig: every eigenvalue real
    add_eig("eig_d_symmetric", "d", hermitian(rng, np.float64, 5))
    add_eig("eig_z_hermitian", "z", hermitian(rng, np.complex128, 5))
    # singular b: one infinite eigenvalue (alpha != 0, beta = 0)
    add_eig("eig_d_gen_singular_b", "d", np.array([[2.0, 1.0, 0.0], [0.0, 5.0, 1.0], [1.0, 1.0, 3.0]]),
            np.diag([1.0, 1.0, 0.0]))
    # Wilkinson W7+ as a tridiagonal matrix: pairs of close eigenvalues
    add_tridiagonal("tri_d_wilkinson7", "d", np.abs(np.arange(7.0) - 3.0), np.ones(6), "stemr")
    add_tridiagonal("tri_d_wilkinson21_stebz", "d", np.abs(np.arange(21.0) - 10.0), np.ones(20), "stebz")

    # b not positive definite: SciPy names the leading minor of b
    add_eigh_fail("eighfail_d_indefinite", "d", np.eye(3), np.diag([1.0, -1.0, 1.0]))
    add_eigh_fail("eighfail_z_singular", "z", np.eye(3, dtype=np.complex128),
                  np.array([[2.0, 1j, 0.0], [-1j, 2.0, 0.0], [0.0, 0.0, 0.0]]))

    fixture_io.write_manifest(OUT / "cases.csv", ["name", "kind", "dtype", "lower", "driver", "type", "select", "lo",
                                                  "hi", "error", "scale"], rows)
    print(f"scipy {scipy.__version__}, numpy {np.__version__}: wrote {len(rows)} cases to {OUT}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Reference Schur, Hessenberg and QZ decompositions of scipy.linalg for
tests/linalg/schur_test.cpp and tests/linalg/qz_test.cpp, and solutions of
the Sylvester and Lyapunov equations for tests/linalg/matrix_equations_test.cpp.

Writes tests/data/linalg/schur/. cases.csv lists one case per row:
name, kind, dtype, output ('r' real, 'c' complex), sort, sdim, n, eig_tol. sort is
none, lhp, rhp, iuc, ouc or `custom`, a callable the C++ tests mirror:
schur: |w - 1| < 1.5; ordqz: |alpha - beta| < 1.5 |beta|. sdim is how many
eigenvalues SciPy placed in the leading block. eig_tol is how far (relative
to the norm of a) an eigenvalue of ours may be from SciPy's: 0 for the
default, which the C++ tests derive from n and eps, larger for the
defective and clustered spectra, whose eigenvalues are ill-conditioned.
Per kind:

- schur: <name>_a, SciPy's <name>_t and <name>_z (orders <= 8), and the
  eigenvalues of SciPy's t split at sdim: <name>_wsel (leading block, empty
  without sorting) and <name>_wrest (the rest), computed by eigvals on the blocks.
- rsf2csf: <name>_t and <name>_z (SciPy's real Schur form of a random matrix)
  and rsf2csf's <name>_tc and <name>_zc.
- hessenberg: <name>_a, hessenberg's <name>_h and (calc_q, orders <= 8) <name>_q.
- qz: <name>_a, <name>_b, SciPy's <name>_aa, <name>_bb, <name>_q, <name>_z
  (orders <= 8) and the generalized eigenvalues <name>_alpha, <name>_beta
  (from ordqz's gges + tgsen run, in SciPy's order; for qz, sort='lhp').
- ordqz: as qz, with ordqz's <name>_alpha and <name>_beta (sdim leading).

equations.csv lists the matrix equations: name, kind (sylvester, continuous,
discrete), dtype, method (discrete: auto for SciPy's default, direct or
bilinear; else none), warns (1 if SciPy warned). Per case <name>_a, <name>_b
(sylvester only), <name>_q and SciPy's solution <name>_x.

Complex arrays are stored as two float64 arrays, <name>_re.npy and <name>_im.npy.

Run with the pinned peers (SciPy 1.17.1): .venv/bin/python3 tests/reference/linalg_schur.py
"""
import pathlib
import warnings

import numpy as np
import scipy
import scipy.linalg

import fixture_io
from fixture_io import DTYPES, random_matrix

OUT = pathlib.Path(__file__).resolve().parents[1] / "data" / "linalg" / "schur"
SMALL = 8  # orders up to this store their factors; larger ones only eigenvalues


def schur_custom(x, y=None):
    w = x if y is None else x + 1j * y
    return abs(w - 1) < 1.5


def ordqz_custom(alpha, beta):
    return abs(alpha - beta) < 1.5 * abs(beta)


def save(name, array):
    array = np.asarray(array)
    fixture_io.save(OUT, name, array if np.iscomplexobj(array) else array.astype(np.float64))


def eigvals_of_blocks(t):
    return scipy.linalg.eigvals(t) if t.size else np.zeros(0)


def write_equations(rng):
    rows = []

    def add(name, kind, code, a, q, b=None, method="none"):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            if kind == "sylvester":
                x = scipy.linalg.solve_sylvester(a, b, q)
            elif kind == "continuous":
                x = scipy.linalg.solve_continuous_lyapunov(a, q)
            else:
                x = scipy.linalg.solve_discrete_lyapunov(a, q, method=None if method == "auto" else method)
        for suffix, array in (("a", a), ("b", b), ("q", q), ("x", x)):
            if array is not None:
                save(f"{name}_{suffix}", array)
        rows.append([name, kind, code, method, int(len(caught) > 0)])

    for code, dtype in DTYPES.items():
        # Shifted spectra keep a and -b (a and -a^H) apart: well-conditioned equations.
        a = random_matrix(rng, dtype, 4, 4) + 4 * np.eye(4, dtype=dtype)
        b = random_matrix(rng, dtype, 3, 3) + 3 * np.eye(3, dtype=dtype)
        add(f"syl_{code}", "sylvester", code, a, random_matrix(rng, dtype, 4, 3), b)
        a = random_matrix(rng, dtype, 5, 5) - 5 * np.eye(5, dtype=dtype)
        m = random_matrix(rng, dtype, 5, 5)
        add(f"clyap_{code}", "continuous", code, a, (m @ m.conj().T).astype(dtype))
        # Spectral radius about 1/2: a x a^H - x + q = 0 well conditioned.
        for n in (5, 12):
            a = (random_matrix(rng, dtype, n, n) / (2 * np.sqrt(n))).astype(dtype)
            add(f"dlyap_{code}_n{n}", "discrete", code, a, random_matrix(rng, dtype, n, n), method="auto")
    a = random_matrix(rng, np.float64, 12, 12) / (2 * np.sqrt(12))
    q = random_matrix(rng, np.float64, 12, 12)
    add("dlyap_d_n12_direct", "discrete", "d", a, q, method="direct")
    add("dlyap_d_n12_bilinear", "discrete", "d", a, q, method="bilinear")
    a = random_matrix(rng, np.complex128, 6, 6) / (2 * np.sqrt(6))
    add("dlyap_z_n6_bilinear", "discrete", "z", a, random_matrix(rng, np.complex128, 6, 6), method="bilinear")
    # Eigenvalues 1 and -1 sum to zero: ?trsyl perturbs, SciPy warns.
    add("clyap_d_singular", "continuous", "d", np.diag([1.0, -1.0, 2.0]), np.eye(3))
    # A larger equation, with 2 x 2 blocks in both Schur forms.
    a = random_matrix(rng, np.float64, 20, 20) + 6 * np.eye(20)
    b = random_matrix(rng, np.float64, 15, 15) + 6 * np.eye(15)
    add("syl_d_20x15", "sylvester", "d", a, random_matrix(rng, np.float64, 20, 15), b)
    fixture_io.write_manifest(OUT / "equations.csv", ["name", "kind", "dtype", "method", "warns"], rows)


def main():
    fixture_io.fresh_dir(OUT)
    rng = np.random.default_rng(20261124)
    rows = []

    eig_tol = {}

    def row(name, kind, code, output, sort, sdim, n):
        rows.append([name, kind, code, output, sort or "none", sdim, n, eig_tol.get(name, 0)])

    def add_schur(name, code, a, output="r", sort=None):
        sort_arg = schur_custom if sort == "custom" else sort
        result = scipy.linalg.schur(a, output="complex" if output == "c" else "real", sort=sort_arg)
        t, z = result[0], result[1]
        sdim = result[2] if sort else 0
        save(f"{name}_a", a)
        if a.shape[0] <= SMALL:
            save(f"{name}_t", t)
            save(f"{name}_z", z)
        save(f"{name}_wsel", eigvals_of_blocks(t[:sdim, :sdim]).astype(np.complex128))
        save(f"{name}_wrest", eigvals_of_blocks(t[sdim:, sdim:]).astype(np.complex128))
        row(name, "schur", code, output, sort, sdim, a.shape[0])

    def add_rsf2csf(name, code, a):
        t, z = scipy.linalg.schur(a)
        tc, zc = scipy.linalg.rsf2csf(t, z)
        for suffix, array in (("t", t), ("z", z), ("tc", tc), ("zc", zc)):
            save(f"{name}_{suffix}", array)
        row(name, "rsf2csf", code, "c", None, 0, a.shape[0])

    def add_hessenberg(name, code, a):
        h, q = scipy.linalg.hessenberg(a, calc_q=True)
        q = q.astype(a.dtype)  # SciPy's q for orders <= 2 is np.eye's float64 whatever a's dtype
        assert np.array_equal(h, scipy.linalg.hessenberg(a))
        for suffix, array in (("a", a), ("h", h)) + ((("q", q),) if a.shape[0] <= SMALL else ()):
            save(f"{name}_{suffix}", array)
        row(name, "hessenberg", code, "r", None, 0, a.shape[0])

    def add_pencil(name, kind, code, a, b, output="r", sort="lhp"):
        out = "complex" if output == "c" else "real"
        if kind == "qz":
            aa, bb, q, z = scipy.linalg.qz(a, b, output=out)
            sort = None
            _, _, alpha, beta, _, _ = scipy.linalg.ordqz(a, b, output=out)
            sdim = 0
        else:
            sort_arg = ordqz_custom if sort == "custom" else sort
            aa, bb, alpha, beta, q, z = scipy.linalg.ordqz(a, b, sort=sort_arg, output=out)
            select = scipy.linalg._decomp_qz._select_function(sort_arg)(alpha, beta)
            sdim = int(np.count_nonzero(select))
            assert np.all(select[:sdim]) and not np.any(select[sdim:]), f"{name}: SciPy's order"
        save(f"{name}_a", a)
        save(f"{name}_b", b)
        if a.shape[0] <= SMALL:
            for suffix, array in (("aa", aa), ("bb", bb), ("q", q), ("z", z)):
                save(f"{name}_{suffix}", array)
        save(f"{name}_alpha", np.asarray(alpha).astype(np.complex128))
        save(f"{name}_beta", np.asarray(beta).astype(np.complex128))
        row(name, kind, code, output, sort, sdim, a.shape[0])

    for code, dtype in DTYPES.items():
        real = code in "fd"
        # schur: every sort, real and (for real input) complex output
        for sort in (None, "lhp", "rhp", "iuc", "ouc", "custom"):
            add_schur(f"schur_{code}_{sort or 'none'}", code, random_matrix(rng, dtype, 6, 6), sort=sort)
        if real:
            for sort in (None, "iuc"):
                add_schur(f"schur_{code}_c_{sort or 'none'}", code, random_matrix(rng, dtype, 7, 7), "c", sort)
            add_rsf2csf(f"rsf_{code}", code, random_matrix(rng, dtype, 7, 7))
        # hessenberg: the orders SciPy returns as they are (1, 2) and reduced ones
        for n in (1, 2, 5, 8):
            add_hessenberg(f"hess_{code}_n{n}", code, random_matrix(rng, dtype, n, n))
        # qz and ordqz
        add_pencil(f"qz_{code}", "qz", code, random_matrix(rng, dtype, 6, 6), random_matrix(rng, dtype, 6, 6))
        if real:
            add_pencil(f"qz_{code}_c", "qz", code, random_matrix(rng, dtype, 5, 5), random_matrix(rng, dtype, 5, 5),
                       "c")
        for sort in ("lhp", "rhp", "iuc", "ouc", "custom"):
            add_pencil(f"ordqz_{code}_{sort}", "ordqz", code, random_matrix(rng, dtype, 6, 6),
                       random_matrix(rng, dtype, 6, 6), sort=sort)
        if real:
            add_pencil(f"ordqz_{code}_c_ouc", "ordqz", code, random_matrix(rng, dtype, 5, 5),
                       random_matrix(rng, dtype, 5, 5), "c", "ouc")

    # The example of SciPy's schur docstring (two complex eigenvalues).
    example = np.array([[0.0, 2.0, 2.0], [0.0, 1.0, 2.0], [1.0, 0.0, 1.0]])
    add_schur("schur_d_example", "d", example)
    add_schur("schur_d_example_lhp", "d", example, sort="lhp")
    add_rsf2csf("rsf_d_example", "d", example)

    # Order 80: above ?hseqr's crossover (75) to its multishift, aggressive
    # early deflation code.
    add_schur("schur_d_n80_lhp", "d", random_matrix(rng, np.float64, 80, 80), sort="lhp")
    add_hessenberg("hess_d_n80", "d", random_matrix(rng, np.float64, 80, 80))
    add_pencil("ordqz_d_n80_iuc", "ordqz", "d", random_matrix(rng, np.float64, 80, 80),
               random_matrix(rng, np.float64, 80, 80), sort="iuc")

    # Structured: symmetric (real spectrum), a Jordan block (defective, one
    # eigenvalue of multiplicity 5), singular (rank 2), already triangular,
    # the zero matrix, and an ill-conditioned companion matrix.
    m = random_matrix(rng, np.float64, 6, 6)
    add_schur("schur_d_symmetric_rhp", "d", m + m.T, sort="rhp")
    # A Jordan block of order 5 perturbed by eps moves its eigenvalue by eps^(1/5) ~ 7e-4.
    eig_tol["schur_d_jordan"] = 1e-2
    # Roots 1e-4 apart: eigenvalue condition ~ 1e8, so errors ~ 1e8 eps.
    eig_tol["schur_d_companion"] = 1e-6
    add_schur("schur_d_jordan", "d", 2.0 * np.eye(5) + np.diag(np.ones(4), 1))
    add_schur("schur_z_singular_ouc", "z", random_matrix(rng, np.complex128, 6, 2) @ random_matrix(rng, np.complex128,
                                                                                                   2, 6), sort="ouc")
    add_schur("schur_d_triangular_lhp", "d", np.triu(random_matrix(rng, np.float64, 6, 6)), sort="lhp")
    add_schur("schur_f_zero_lhp", "f", np.zeros((4, 4), np.float32), sort="lhp")
    add_schur("schur_d_companion", "d", scipy.linalg.companion(np.poly([0.5, 0.5001, 0.4999, -2.0, 3.0])).T)
    # Pencils with a singular b (infinite eigenvalues, beta = 0) and a
    # singular pair (both a and b share a null vector: alpha = beta = 0).
    a = random_matrix(rng, np.float64, 5, 5)
    b = np.diag([1.0, 2.0, 0.0, 3.0, 0.0])
    add_pencil("ordqz_d_infinite_ouc", "ordqz", "d", a, b, sort="ouc")
    add_pencil("ordqz_d_infinite_iuc", "ordqz", "d", a, b, sort="iuc")
    add_pencil("qz_d_infinite", "qz", "d", a, b)
    add_pencil("ordqz_z_infinite_ouc", "ordqz", "z", a.astype(np.complex128), b.astype(np.complex128), sort="ouc")

    write_equations(rng)
    fixture_io.write_manifest(OUT / "cases.csv", ["name", "kind", "dtype", "output", "sort", "sdim", "n", "eig_tol"], rows)
    print(f"scipy {scipy.__version__}, numpy {np.__version__}: wrote {len(rows)} cases to {OUT}")


if __name__ == "__main__":
    main()

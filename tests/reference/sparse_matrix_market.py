"""Small "real" matrices in Matrix Market files, written by SciPy's mmwrite
from known structures, and what SciPy computes on them, for
tests/sparse/matrix_market_test.cpp (which reads the files with
scilearn::io::mmread_sparse):

- poisson3d: the 7-point 3-D Poisson matrix on an 8 x 8 x 8 grid (SPD);
- laplacian: the Laplacian of a 16 x 16 grid graph with integer weights
  1 + (i + 2 j) mod 4 on its edges, plus 0.01 I (SPD);
- bus: the susceptance matrix B of a 40-bus network (a ring with 12 ties
  and a shunt at every fifth bus): B = sum over lines of b (e_i - e_j)(e_i - e_j)^T
  plus the shunts (SPD);
- convdiff3d: upwinded 3-D convection-diffusion on 6 x 6 x 6 (nonsymmetric).

For each: the solution of A x = b (b_k = 1 + k mod 5) by spsolve, the
iterations of cg (SPD) or gmres (nonsymmetric) to rtol 1e-10 with a Jacobi
preconditioner, the 4 smallest eigenvalues (SPD: eigsh, sigma = 0) and the
number of connected components.

Run: .venv/bin/python tests/reference/sparse_matrix_market.py
"""

import csv
from pathlib import Path

import numpy as np
import scipy
import scipy.io
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components
from scipy.sparse.linalg import LinearOperator, cg, eigsh, gmres, spsolve

OUT = Path(__file__).resolve().parents[1] / "data" / "sparse" / "mtx"


def seven_point(n, centre, coupling):
    """7-point stencil; coupling(axis, sign) is the coefficient to the neighbour."""
    idx = np.arange(n ** 3).reshape(n, n, n)
    rows, cols, vals = list(idx.ravel()), list(idx.ravel()), [centre] * n ** 3
    for axis in range(3):
        for sign in (-1, 1):
            src = idx
            dst = np.roll(idx, -sign, axis=axis)
            mask = np.ones_like(idx, dtype=bool)
            sl = [slice(None)] * 3
            sl[axis] = -1 if sign == 1 else 0
            mask[tuple(sl)] = False
            rows += list(src[mask])
            cols += list(dst[mask])
            vals += [coupling(axis, sign)] * int(mask.sum())
    return sp.csr_matrix((vals, (rows, cols)), shape=(n ** 3, n ** 3))


def grid_laplacian(n):
    rows, cols, vals = [], [], []
    for i in range(n):
        for j in range(n):
            k = i * n + j
            for kk, present in ((k + 1, j + 1 < n), (k + n, i + 1 < n)):
                if present:
                    w = 1.0 + (i + 2 * j) % 4
                    rows += [k, kk]
                    cols += [kk, k]
                    vals += [-w, -w]
    w = sp.csr_matrix((vals, (rows, cols)), shape=(n * n, n * n))
    return sp.csr_matrix(sp.diags(-np.asarray(w.sum(axis=1)).ravel() + 0.01) + w)


def bus(n):
    lines = [(i, (i + 1) % n, 10.0 + i % 7) for i in range(n)]
    lines += [(i, (i + 13) % n, 5.0 + i % 3) for i in range(0, n, 4)][:12]
    a = sp.lil_matrix((n, n))
    for i, j, b in lines:
        a[i, i] += b
        a[j, j] += b
        a[i, j] -= b
        a[j, i] -= b
    for i in range(0, n, 5):
        a[i, i] += 0.5
    return sp.csr_matrix(a)


MATRICES = {
    "poisson3d": (lambda: seven_point(8, 6.0, lambda axis, sign: -1.0), "symmetric"),
    "laplacian": (lambda: grid_laplacian(16), "symmetric"),
    "bus": (lambda: bus(40), "symmetric"),
    "convdiff3d": (lambda: seven_point(6, 6.0, lambda axis, sign: -1.0 - 0.3 * sign * (axis + 1) / 3), "general"),
}


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    rows = []
    for name, (make, symmetry) in MATRICES.items():
        a = make()
        a.sum_duplicates()
        scipy.io.mmwrite(OUT / f"{name}.mtx", a, symmetry=symmetry,
                         comment=f"{name}: written by tests/reference/sparse_matrix_market.py")
        a = scipy.io.mmread(OUT / f"{name}.mtx").tocsr()  # what the test reads
        n = a.shape[0]
        b = 1.0 + (np.arange(n) % 5)
        x = spsolve(a.tocsc(), b)
        jacobi = LinearOperator(a.shape, lambda v, d=a.diagonal(): v / d)
        count = [0]

        def tick(_):
            count[0] += 1

        if symmetry == "symmetric":
            _, info = cg(a, b, rtol=1e-10, M=jacobi, callback=tick)
            values = np.sort(eigsh(a, k=4, sigma=0, return_eigenvectors=False, rng=0))
        else:
            _, info = gmres(a, b, rtol=1e-10, M=jacobi, callback=tick, callback_type="pr_norm")
            values = np.array([])
        assert info == 0, name
        components = connected_components(a, directed=False)[0]
        rows.append([name, symmetry, n, a.nnz, count[0], components, " ".join(repr(float(v)) for v in values),
                     " ".join(repr(float(v)) for v in x)])
    with open(OUT / "cases.csv", "w", newline="") as f:
        f.write(f"# scipy {scipy.__version__}: name,symmetry,n,nnz,iterations (cg or gmres pr_norm),"
                "connected components,4 smallest eigenvalues,spsolve x\n")
        csv.writer(f, lineterminator="\n").writerows(rows)


if __name__ == "__main__":
    main()

"""Reference values for tests/gpu/sparse_test.cpp: scipy.sparse.linalg.cg on a
shifted 2-D Poisson matrix, with and without a Jacobi preconditioner. Writes
tests/data/gpu/:

* cg_shift.npy (900): the shift s of A = L + diag(s), L the 5-point Laplacian
  of a 30 x 30 grid (4 on the diagonal, -1 to each grid neighbour, unknowns
  numbered row by row), s uniform in [0, 10) so the diagonal varies and
  Jacobi matters;
* cg_b.npy (900): the right-hand side (standard normal);
* cg_x.npy, cg_x_jacobi.npy: cg(A, b, rtol=1e-8) without and with
  M = diag(A)^-1;
* cg_iterations.npy: [plain, jacobi], the iterations SciPy ran (callback calls).

Run: .venv/bin/python tests/reference/gpu_sparse.py
"""

from pathlib import Path

import numpy as np
import scipy.sparse as sp
from scipy.sparse.linalg import cg

OUT = Path(__file__).resolve().parents[1] / "data" / "gpu"


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(20261209)
    m = 30
    T = sp.diags([-1.0, 2.0, -1.0], [-1, 0, 1], shape=(m, m))
    L = sp.kronsum(T, T).tocsr()
    shift = rng.uniform(0.0, 10.0, m * m)
    A = (L + sp.diags(shift)).tocsr()
    b = rng.standard_normal(m * m)
    results = []
    for name, M in [("cg_x", None), ("cg_x_jacobi", sp.diags(1.0 / A.diagonal()))]:
        count = [0]

        def callback(xk, count=count):
            count[0] += 1

        x, info = cg(A, b, rtol=1e-8, M=M, callback=callback)
        assert info == 0
        np.save(OUT / f"{name}.npy", x)
        results.append(count[0])
    np.save(OUT / "cg_shift.npy", shift)
    np.save(OUT / "cg_b.npy", b)
    np.save(OUT / "cg_iterations.npy", np.array(results, dtype=np.int64))


if __name__ == "__main__":
    main()

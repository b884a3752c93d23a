"""SciPy's lsqr and lsmr (scipy.sparse.linalg) on random sparse least-squares
problems: overdetermined and inconsistent, damped, underdetermined and
consistent (the minimum-norm solution), badly conditioned with a condition
limit, an iteration limit, and a starting guess. Writes each matrix as CSC
arrays (NAME_data.npy, NAME_indices.npy as int32, NAME_indptr.npy as int32),
b, SciPy's x per method (and lsqr's var), and a manifest of options and result
fields plus the conditioning of A, for tests/sparse/lsqr_test.cpp.

Run: .venv/bin/python tests/reference/sparse_lsqr.py
"""

import csv
from pathlib import Path

import numpy as np
import scipy
import scipy.sparse as sp
from scipy.sparse.linalg import LinearOperator, lsmr, lsqr

OUT = Path(__file__).resolve().parents[1] / "data" / "sparse" / "lsqr"


def random_sparse(rng, m, n, density, col_scale=None):
    a = sp.random(m, n, density=density, format="lil", random_state=rng, data_rvs=rng.standard_normal)
    for j in range(min(m, n)):  # a non-zero "diagonal" for full rank
        a[j, j] = a[j, j] + 2.0
    a = a.tocsc()
    if col_scale is not None:
        a = sp.csc_matrix(a @ sp.diags(col_scale))
    a.sort_indices()
    return a


def save_csc(name, a):
    np.save(OUT / f"{name}_data.npy", a.data.astype(np.float64))
    np.save(OUT / f"{name}_indices.npy", a.indices.astype(np.int32))
    np.save(OUT / f"{name}_indptr.npy", a.indptr.astype(np.int32))


class Counted:
    """A as a LinearOperator that counts its products with A and A^T."""

    def __init__(self, a):
        self.a = a
        self.count = 0

    def operator(self):
        def matvec(x):
            self.count += 1
            return self.a @ x

        def rmatvec(x):
            return self.a.T @ x

        return LinearOperator(self.a.shape, matvec=matvec, rmatvec=rmatvec, dtype=float)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.npy"):
        old.unlink()
    rng = np.random.default_rng(20261207)
    problems = {
        "over": random_sparse(rng, 120, 40, 0.12),
        "under": random_sparse(rng, 30, 60, 0.15),
        "illcond": random_sparse(rng, 100, 30, 0.15, col_scale=10.0 ** np.linspace(0, 5, 30)),
    }
    rhs = {
        "over": rng.standard_normal(120),
        "under": None,  # consistent: b = A x_true
        "illcond": rng.standard_normal(100),
    }
    rhs["under"] = problems["under"] @ rng.standard_normal(60)
    for name, a in problems.items():
        save_csc(name, a)
        np.save(OUT / f"{name}_b.npy", rhs[name])
    # name, problem, damp, atol, btol, conlim, iter_lim (0: default), x0 (zero / ones), calc_var
    cases = [
        ("over_tight", "over", 0.0, 1e-10, 1e-10, 1e8, 0, "zero", True),
        ("over_default", "over", 0.0, 1e-6, 1e-6, 1e8, 0, "zero", False),
        ("over_damped", "over", 1.0, 1e-10, 1e-10, 1e8, 0, "zero", True),
        ("over_x0", "over", 0.0, 1e-10, 1e-10, 1e8, 0, "ones", False),
        ("over_iter_lim", "over", 0.0, 1e-10, 1e-10, 1e8, 5, "zero", False),
        ("under_min_norm", "under", 0.0, 1e-12, 1e-12, 1e8, 0, "zero", False),
        ("illcond_conlim", "illcond", 0.0, 1e-12, 1e-12, 1e3, 0, "zero", False),
        ("illcond_tight", "illcond", 0.0, 1e-12, 1e-12, 1e12, 200, "zero", False),
    ]
    rows = []
    for name, prob, damp, atol, btol, conlim, iter_lim, x0, calc_var in cases:
        a = problems[prob]
        b = rhs[prob]
        start = np.ones(a.shape[1]) if x0 == "ones" else None
        dense = a.toarray()
        s = np.linalg.svd(dense, compute_uv=False)
        cond = s[0] / s[-1]
        # The exact answer of the damped problem, for the tolerance derivation.
        stacked = np.vstack([dense, damp * np.eye(a.shape[1])])
        x_exact = np.linalg.lstsq(stacked, np.concatenate([b, np.zeros(a.shape[1])]), rcond=None)[0]
        counted = Counted(a)
        kw = {"damp": damp, "atol": atol, "btol": btol, "conlim": conlim, "x0": start}
        r = lsqr(counted.operator(), b, iter_lim=iter_lim or None, calc_var=calc_var, **kw)
        np.save(OUT / f"{name}_lsqr_x.npy", r[0])
        if calc_var:
            np.save(OUT / f"{name}_lsqr_var.npy", r[9])
        lsqr_products = counted.count
        counted = Counted(a)
        q = lsmr(counted.operator(), b, maxiter=iter_lim or None, **kw)
        np.save(OUT / f"{name}_lsmr_x.npy", q[0])
        rows.append([name, prob, damp, atol, btol, conlim, iter_lim, x0, int(calc_var), repr(float(cond)),
                     repr(float(np.linalg.norm(x_exact))),
                     int(r[1]), int(r[2]), lsqr_products, *(repr(float(v)) for v in r[3:9]),
                     int(q[1]), int(q[2]), counted.count, *(repr(float(v)) for v in q[3:8])])
    header = ["name", "problem", "damp", "atol", "btol", "conlim", "iter_lim", "x0", "calc_var", "cond", "xnorm_exact",
              "lsqr_istop", "lsqr_itn", "lsqr_products", "r1norm", "r2norm", "anorm", "acond", "arnorm", "xnorm",
              "lsmr_istop", "lsmr_itn", "lsmr_products", "normr", "normar", "normA", "condA", "normx"]
    with open(OUT / "cases.csv", "w", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    for r in rows:
        print(r)
    print(f"scipy {scipy.__version__}: {len(rows)} cases written to {OUT}")


if __name__ == "__main__":
    main()

"""SciPy's ARPACK eigensolvers (scipy.sparse.linalg eigsh, eigs, svds) on
matrices built from exactly representable entries, as tests/sparse/problems.hpp
builds them: 2-D Poisson, a grid-graph Laplacian (singular), upwinded
convection-diffusion (real spectrum) and a five-point stencil with
opposite-sign couplings (complex spectrum), and a rectangular sparse matrix
for svds. Each case's values are also checked here against a dense
eigensolver (numpy), so the fixture is not only ARPACK's word.

Writes tests/data/sparse/eigen/cases.csv for tests/sparse/eigensolvers_test.cpp:
name, function, problem, size, k, which, sigma ('' = none), then the values'
real parts and imaginary parts, each space-separated, sorted by (real, imag).

Run: .venv/bin/python tests/reference/sparse_eigen.py
"""

import csv
from pathlib import Path

import numpy as np
import scipy
import scipy.sparse as sp
from scipy.sparse.linalg import eigs, eigsh, svds

from sparse_krylov import five_point

OUT = Path(__file__).resolve().parents[1] / "data" / "sparse" / "eigen"


def grid_laplacian(nx):
    """The Laplacian D - W of the nx x nx grid graph (unit weights): singular, PSD."""
    w = five_point(nx, 0.0, 1.0, 1.0, 1.0, 1.0)
    w.eliminate_zeros()
    return sp.csr_matrix(sp.diags(np.asarray(w.sum(axis=1)).ravel()) - w)


def rectangular(m, n):
    """A(i, j) = ((7 i + 13 j) mod 11) - 5 where (i + 3 j) mod 5 == 0, else 0."""
    i, j = np.meshgrid(np.arange(m), np.arange(n), indexing="ij")
    a = np.where((i + 3 * j) % 5 == 0, ((7 * i + 13 * j) % 11) - 5.0, 0.0)
    return sp.csr_matrix(a)


def problem(name, size):
    if name == "poisson":
        return five_point(size, 4.0, -1.0, -1.0, -1.0, -1.0)
    if name == "laplacian":
        return grid_laplacian(size)
    if name == "convdiff":
        return five_point(size, 4.0, -1.3, -0.7, -1.2, -0.8)
    if name == "rotating":
        return five_point(size, 4.0, -1.3, 0.7, -1.2, -0.8)
    if name == "rect":
        return rectangular(60, 40)
    if name == "rect_t":
        return rectangular(60, 40).T.tocsr()
    raise ValueError(name)


CASES = [
    # name, function, problem, size, k, which, sigma
    ("poisson_lm", "eigsh", "poisson", 20, 6, "LM", None),
    ("poisson_sa", "eigsh", "poisson", 20, 4, "SA", None),
    ("poisson_la", "eigsh", "poisson", 20, 3, "LA", None),
    ("poisson_be", "eigsh", "poisson", 20, 5, "BE", None),
    ("poisson_sm", "eigsh", "poisson", 12, 3, "SM", None),
    ("poisson_sigma0", "eigsh", "poisson", 20, 6, "LM", 0.0),
    ("poisson_interior", "eigsh", "poisson", 20, 4, "LM", 1.0),
    ("laplacian_smallest", "eigsh", "laplacian", 15, 6, "LM", -1e-3),
    ("convdiff_lm", "eigs", "convdiff", 12, 6, "LM", None),
    ("convdiff_sr", "eigs", "convdiff", 12, 4, "SR", None),
    ("rotating_lm", "eigs", "rotating", 12, 5, "LM", None),
    ("rotating_sm", "eigs", "rotating", 12, 4, "SM", None),
    ("rotating_sigma", "eigs", "rotating", 12, 4, "LM", 1.5),
    ("rect_lm", "svds", "rect", 0, 4, "LM", None),
    ("rect_sm", "svds", "rect", 0, 3, "SM", None),
    ("rect_t_lm", "svds", "rect_t", 0, 4, "LM", None),
]


def dense_reference(function, a, k, which, sigma):
    """The k wanted values from a dense eigensolver / SVD."""
    d = a.toarray()
    if function == "svds":
        s = np.linalg.svd(d, compute_uv=False)
        return np.sort(s[:k] if which == "LM" else s[::-1][:k]).astype(complex)
    w = np.linalg.eigvalsh(d) if function == "eigsh" else np.linalg.eigvals(d)
    if sigma is not None:
        key = -np.abs(1.0 / (w - sigma))
    elif which == "LM":
        key = -np.abs(w)
    elif which == "SM":
        key = np.abs(w)
    elif which in ("LA", "LR"):
        key = -w.real
    elif which in ("SA", "SR"):
        key = w.real
    elif which == "BE":
        s = np.sort(w.real)
        return np.concatenate([s[:k // 2], s[len(s) - (k - k // 2):]]).astype(complex)
    else:
        raise ValueError(which)
    return w[np.argsort(key, kind="stable")[:k]].astype(complex)


def sort_complex(v):
    v = np.asarray(v, dtype=complex)
    return v[np.lexsort((v.imag, v.real))]


def same_values(got, want, atol):
    """Each wanted value has its own got value within atol, comparing (real, |imag|)."""
    left = list(got.real + 1j * np.abs(got.imag))
    for v in want.real + 1j * np.abs(want.imag):
        i = int(np.argmin(np.abs(np.array(left) - v)))
        if abs(left[i] - v) > atol:
            return False
        left.pop(i)
    return True


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    rows = []
    for name, function, prob, size, k, which, sigma in CASES:
        a = problem(prob, size)
        if function == "eigsh":
            w = eigsh(a, k=k, which=which, sigma=sigma, return_eigenvectors=False, rng=0)
        elif function == "eigs":
            w = eigs(a, k=k, which=which, sigma=sigma, return_eigenvectors=False, rng=0)
        else:
            w = svds(a, k=k, which=which, return_singular_vectors=False, rng=0)
        w = sort_complex(w)
        ref = sort_complex(dense_reference(function, a, k, which, sigma))
        scale = max(1.0, np.abs(ref).max())
        # Where k cuts a conjugate pair, either member may be kept: compare (real, |imag|).
        assert same_values(w, ref, 1e-9 * scale), (name, w, ref)
        rows.append([name, function, prob, size, k, which, "" if sigma is None else repr(sigma),
                     " ".join(repr(float(x)) for x in w.real), " ".join(repr(float(x)) for x in w.imag)])
    with open(OUT / "cases.csv", "w", newline="") as f:
        f.write(f"# scipy {scipy.__version__}: name,function,problem,size,k,which,sigma,real parts,imaginary parts\n")
        csv.writer(f, lineterminator="\n").writerows(rows)


if __name__ == "__main__":
    main()

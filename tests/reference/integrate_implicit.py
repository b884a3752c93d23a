#!/usr/bin/env python3
"""Reference runs of scipy.integrate.solve_ivp's implicit methods (Radau,
BDF) and of its finite-difference Jacobian num_jac, for
tests/integrate/implicit_test.cpp.

Writes tests/data/integrate/implicit/, numeric CSV files with a header (the
C++ side reads them with scilearn::io::load_csv):

runs.csv, one solve_ivp run a row:
    case, problem, method, rtol, atol, t0, t_end, jac, nsteps, calls, nfev,
    njev, nlu, status, t_last, y1..y8
  problem  see PROBLEMS below (the same table is in the C++ test)
  method   0 Radau, 1 BDF
  jac      1: the analytic Jacobian passed as jac; 0: finite differences
  nsteps   accepted steps, len(t) - 1
  calls    every call of fun, those of num_jac included (SciPy's nfev leaves
           them out; scilearn's nfev counts them, so this is what it is
           compared with)
  t_last, y1..y8  the last time reached and the solution there (NaN-padded
           past the problem's size)
references.csv, one accurate end value a row:
    problem, t_end, source, y1..y8
  source 0: published (the Test Set for IVP Solvers of Mazzia et al.,
         Bari; HIRES' for example from RADAU5 in 128-bit floating point at
         rtol = atol = 1.1e-18); 1: SciPy's Radau at rtol = 1e-13 with
         atol = 1e-6 times the problem's atol, checked here against LSODA at
         the same tolerances (the agreement is printed)
dense.csv, sol(t) of the dense-output runs:
    case, t, y1..y8   (case: the runs.csv case the interpolant belongs to)
num_jac.csv, two successive num_jac calls on HIRES at a fixed state:
    call, row, J_row (8 values), factor_row   (factor_row: the factor num_jac
    returns for column `row`)

The right-hand sides are written with the same operations in the same order
as the C++ copies, so both sides evaluate them to the same doubles.

Run with the pinned peers: .venv/bin/python3 tests/reference/integrate_implicit.py
"""
import pathlib

import numpy as np
from scipy.integrate import solve_ivp
from scipy.integrate._ivp.common import num_jac

import fixture_io

OUT = pathlib.Path(__file__).resolve().parents[1] / "data" / "integrate" / "implicit"
WIDTH = 8  # the largest problem size: y columns per row


def rober(t, y):
    """Robertson's chemical kinetics (Hairer & Wanner 1996, IV.1)."""
    return np.array([-0.04 * y[0] + 1e4 * y[1] * y[2],
                     0.04 * y[0] - 1e4 * y[1] * y[2] - 3e7 * y[1] * y[1],
                     3e7 * y[1] * y[1]])


def rober_jac(t, y):
    return np.array([[-0.04, 1e4 * y[2], 1e4 * y[1]],
                     [0.04, -1e4 * y[2] - 6e7 * y[1], -1e4 * y[1]],
                     [0.0, 6e7 * y[1], 0.0]])


def hires(t, y):
    """HIRES, Schaefer's high irradiance response of photomorphogenesis
    (Hairer & Wanner 1996, IV.10; the Test Set's `hires`)."""
    return np.array([
        -1.71 * y[0] + 0.43 * y[1] + 8.32 * y[2] + 0.0007,
        1.71 * y[0] - 8.75 * y[1],
        -10.03 * y[2] + 0.43 * y[3] + 0.035 * y[4],
        8.32 * y[1] + 1.71 * y[2] - 1.12 * y[3],
        -1.745 * y[4] + 0.43 * y[5] + 0.43 * y[6],
        -280 * y[5] * y[7] + 0.69 * y[3] + 1.71 * y[4] - 0.43 * y[5] + 0.69 * y[6],
        280 * y[5] * y[7] - 1.81 * y[6],
        -280 * y[5] * y[7] + 1.81 * y[6]])


def hires_jac(t, y):
    J = np.zeros((8, 8))
    J[0, :3] = [-1.71, 0.43, 8.32]
    J[1, :2] = [1.71, -8.75]
    J[2, 2:5] = [-10.03, 0.43, 0.035]
    J[3, 1:4] = [8.32, 1.71, -1.12]
    J[4, 4:7] = [-1.745, 0.43, 0.43]
    J[5, 3:8] = [0.69, 1.71, -0.43 - 280 * y[7], 0.69, -280 * y[5]]
    J[6, 5:8] = [280 * y[7], -1.81, 280 * y[5]]
    J[7, 5:8] = [-280 * y[7], 1.81, -280 * y[5]]
    return J


def orego(t, y):
    """The Oregonator, Field & Noyes' Belousov-Zhabotinskii model (Hairer &
    Wanner 1996, IV.1; the Test Set's `orego`)."""
    return np.array([77.27 * (y[1] + y[0] * (1 - 8.375e-6 * y[0] - y[1])),
                     (y[2] - (1 + y[0]) * y[1]) / 77.27,
                     0.161 * (y[0] - y[2])])


def vdp1000(t, y):
    """Van der Pol's oscillator with mu = 1000, MATLAB's vdp1000 form."""
    return np.array([y[1], 1000.0 * (1 - y[0] * y[0]) * y[1] - y[0]])


def prothero(t, y):
    """Prothero & Robinson's y' = L (y - cos t) - sin t, y = cos t, with L =
    1000: stiff when integrated backwards in time (the error decays as
    exp(L t) for decreasing t)."""
    return np.array([1000.0 * (y[0] - np.cos(t)) - np.sin(t)])


# code: (name, fun, jac, t0, y0)
PROBLEMS = {
    1: ("Robertson", rober, rober_jac, 0.0, [1.0, 0.0, 0.0]),
    2: ("HIRES", hires, hires_jac, 0.0, [1, 0, 0, 0, 0, 0, 0, 0.0057]),
    3: ("Oregonator", orego, None, 0.0, [1.0, 2.0, 3.0]),
    4: ("Van der Pol mu = 1000", vdp1000, None, 0.0, [2.0, 0.0]),
    5: ("Robertson, SciPy's regression test", rober, rober_jac, 0.0, [1e4, 0.0, 0.0]),
    6: ("Prothero-Robinson backwards", prothero, None, 0.0, [1.0]),
}

# The Test Set's reference solutions at its end times.
PUBLISHED = {
    1: (1e11, [0.2083340149701255e-7, 0.8333360770334713e-13, 0.9999999791665050]),
    2: (321.8122, [0.7371312573325668e-3, 0.1442485726316185e-3, 0.5888729740967575e-4,
                   0.1175651343283149e-2, 0.2386356198831331e-2, 0.6238968252742796e-2,
                   0.2849998395185769e-2, 0.2850001604814231e-2]),
    3: (360.0, [0.1000814870318523e1, 0.1228178521549917e4, 0.1320554942846706e3]),
}

METHODS = {0: "Radau", 1: "BDF"}

# (problem, method, rtol, atol, t_end, jac, dense): the runs the C++ side
# repeats. atol per problem: below rtol times the smallest size of any
# component that must be accurate (Robertson's y2 ends near 1e-13, HIRES'
# smallest component is 6e-5, the Oregonator's and Van der Pol's are near 1e-3
# at their smallest), so that rtol governs every component.
RUNS = [
    (1, 0, 1e-8, 1e-20, 1e11, 0, 0),
    (1, 1, 1e-8, 1e-20, 1e11, 0, 0),
    (2, 0, 1e-8, 1e-14, 321.8122, 0, 1),
    (2, 1, 1e-8, 1e-14, 321.8122, 0, 1),
    (2, 0, 1e-8, 1e-14, 321.8122, 1, 0),
    (2, 1, 1e-8, 1e-14, 321.8122, 1, 0),
    (3, 0, 1e-8, 1e-12, 360.0, 0, 0),
    (3, 1, 1e-8, 1e-12, 360.0, 0, 0),
    (4, 0, 1e-8, 1e-12, 3000.0, 0, 1),
    (4, 1, 1e-8, 1e-12, 3000.0, 0, 1),
    (5, 0, 1e-6, 1e-6, 1e8, 0, 0),
    (5, 1, 1e-6, 1e-6, 1e8, 0, 0),
    (1, 0, 1e-6, 1e-6, 1e11, 1, 0),
    (1, 1, 1e-6, 1e-6, 1e11, 1, 0),
    (6, 0, 1e-8, 1e-10, -10.0, 0, 1),
    (6, 1, 1e-8, 1e-10, -10.0, 0, 1),
    # SciPy's BDF gives up on Van der Pol at rtol = 1e-12: the step-size
    # failure and its message.
    (4, 1, 1e-12, 1e-14, 3000.0, 0, 0),
]

# The tight runs behind the unpublished references (source 1).
TIGHT = {4: 3000.0}


def padded(values):
    row = [float("nan")] * WIDTH
    row[:len(values)] = list(values)
    return row


def counted(fun):
    """fun, and a list whose one entry counts its calls."""
    calls = [0]

    def wrapped(t, y):
        calls[0] += 1
        return fun(t, y)

    return wrapped, calls


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    runs, dense = [], []
    for case, (problem, method, rtol, atol, t_end, use_jac, want_dense) in enumerate(RUNS, start=1):
        _, fun, jac, t0, y0 = PROBLEMS[problem]
        wrapped, calls = counted(fun)
        r = solve_ivp(wrapped, (t0, t_end), y0, method=METHODS[method], rtol=rtol, atol=atol,
                      jac=jac if use_jac else None, dense_output=bool(want_dense))
        runs.append([case, problem, method, rtol, atol, t0, t_end, use_jac, len(r.t) - 1, calls[0], r.nfev,
                     r.njev, r.nlu, r.status, r.t[-1]] + padded(r.y[:, -1]))
        print(f"case {case}: {PROBLEMS[problem][0]}, {METHODS[method]}, rtol {rtol}, jac {use_jac}: "
              f"{len(r.t) - 1} steps, {calls[0]} calls (nfev {r.nfev}), njev {r.njev}, nlu {r.nlu}, "
              f"status {r.status} at t = {r.t[-1]}")
        if want_dense:
            # Inside the span, at the span's ends, and half a step past its
            # end (extrapolation with the last piece).
            ts = np.concatenate([np.linspace(t0, t_end, 41)[1:-1],
                                 [t0, t_end, t_end + 0.5 * (r.t[-1] - r.t[-2])]])
            for t in ts:
                dense.append([case, t] + padded(r.sol(t)))

    references = []
    for problem, (t_end, y) in PUBLISHED.items():
        references.append([problem, t_end, 0] + padded(y))
    for problem, t_end in TIGHT.items():
        _, fun, _, t0, y0 = PROBLEMS[problem]
        atol = next(run[3] for run in RUNS if run[0] == problem) * 1e-6
        r = solve_ivp(fun, (t0, t_end), y0, method="Radau", rtol=1e-13, atol=atol)
        check = solve_ivp(fun, (t0, t_end), y0, method="LSODA", rtol=1e-13, atol=atol)
        agreement = np.max(np.abs(r.y[:, -1] - check.y[:, -1]) / np.abs(r.y[:, -1]))
        print(f"reference {PROBLEMS[problem][0]}: Radau vs LSODA at rtol 1e-13 differ by {agreement:.1e} (relative)")
        references.append([problem, t_end, 1] + padded(r.y[:, -1]))

    # num_jac at a HIRES state off the initial point, twice in a row (the
    # second call starts from the factors the first returned).
    y = np.array([0.7, 0.14, 0.06, 1.2, 2.4e-3, 6.2e-3, 0.0, 2.85e-3])
    f = hires(0.0, y)
    threshold = np.full(8, 1e-6)
    factor = None
    jac_rows = []
    for call in (1, 2):
        J, factor = num_jac(lambda t, Y: np.column_stack([hires(t, Y[:, k]) for k in range(Y.shape[1])]),
                            0.0, y, f, threshold, factor)
        for row in range(8):
            jac_rows.append([call, row] + list(J[row]) + [factor[row]])

    cols = [f"y{i}" for i in range(1, WIDTH + 1)]
    fixture_io.write_manifest(OUT / "runs.csv",
                              ["case", "problem", "method", "rtol", "atol", "t0", "t_end", "jac", "nsteps",
                               "calls", "nfev", "njev", "nlu", "status", "t_last"] + cols,
                              [[repr(float(v)) for v in row] for row in runs])
    fixture_io.write_manifest(OUT / "references.csv", ["problem", "t_end", "source"] + cols,
                              [[repr(float(v)) for v in row] for row in references])
    fixture_io.write_manifest(OUT / "dense.csv", ["case", "t"] + cols,
                              [[repr(float(v)) for v in row] for row in dense])
    fixture_io.write_manifest(OUT / "num_jac.csv", ["call", "row"] + [f"J{i}" for i in range(1, 9)] + ["factor"],
                              [[repr(float(v)) for v in row] for row in jac_rows])


if __name__ == "__main__":
    main()

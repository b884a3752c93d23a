"""SciPy's odeint (ODEPACK's LSODA) on the problems of
tests/integrate/odeint_test.cpp: the damped pendulum of SciPy's odeint
documentation at 101 times, and Van der Pol with mu = 100 (stiff) at 31
times, both with odeint's default tolerances. Our odeint runs a different
LSODA (see docs/integrate.md), so the test compares the solutions, not the
counts, with each other and with tight references (solve_ivp's DOP853 and
Radau at rtol 1e-13 and 1e-12), against which SciPy's odeint is off by
5e-7 (pendulum) and 9e-6 (Van der Pol).

Writes tests/data/integrate/odeint/{pendulum,vdp100}{,_ref}.npy (rows: times).

Run: .venv/bin/python tests/reference/integrate_odeint.py
"""

from pathlib import Path

import numpy as np
from scipy.integrate import odeint, solve_ivp

OUT = Path(__file__).resolve().parents[1] / "data" / "integrate" / "odeint"


def pendulum(y, t):
    return [y[1], -0.25 * y[1] - 5.0 * np.sin(y[0])]


def vdp100(y, t):
    return [y[1], 100.0 * (1 - y[0] * y[0]) * y[1] - y[0]]


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    t = np.linspace(0, 10, 101)
    np.save(OUT / "pendulum.npy", odeint(pendulum, [np.pi - 0.1, 0.0], t))
    r = solve_ivp(lambda s, y: pendulum(y, s), (0, 10), [np.pi - 0.1, 0.0], method="DOP853", rtol=1e-13, atol=1e-14,
                  t_eval=t)
    np.save(OUT / "pendulum_ref.npy", r.y.T)
    t = np.linspace(0, 300, 31)
    np.save(OUT / "vdp100.npy", odeint(vdp100, [2.0, 0.0], t, mxstep=5000))
    r = solve_ivp(lambda s, y: vdp100(y, s), (0, 300), [2.0, 0.0], method="Radau", rtol=1e-12, atol=1e-14, t_eval=t)
    np.save(OUT / "vdp100_ref.npy", r.y.T)


if __name__ == "__main__":
    main()

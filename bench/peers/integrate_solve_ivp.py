#!/usr/bin/env python3
"""scipy.integrate.solve_ivp on the five problems of bench/integrate/solve_ivp_bench.cpp.

Usage: integrate_solve_ivp.py --data-dir DIR --case CASE [--repetitions R] [--min-time S]

Cases: lorenz_rk45, arenstorf_dop853, robertson_bdf, robertson_radau,
vdp_lsoda: the same problems, methods, tolerances and t_eval as our side
(see the C++ file), and the same accuracy metrics by the same formulas.
--data-dir is accepted for bench/compare but unused: the problems need no
input files.
"""

import numpy as np
from scipy.integrate import solve_ivp

import peer_timing

ARENSTORF_T = 17.0652165601579625588917206249
ARENSTORF_Y0 = np.array([0.994, 0.0, 0.0, -2.00158510637908252240537862224])
LORENZ_REF_2 = np.array([-8.173499932242162, -9.562023686798803, 24.620702049679466])
ROBERTSON_REF = np.array([0.2083340149701255e-07, 0.8333360770334713e-13, 0.9999999791665050])
VDP_REF = np.array([-1.5106069367440011, 0.0011783800007311427])


def lorenz(t, y):
    return [10 * (y[1] - y[0]), y[0] * (28 - y[2]) - y[1], y[0] * y[1] - 8 / 3 * y[2]]


def arenstorf(t, y):
    mu, nu = 0.012277471, 1 - 0.012277471
    d1 = ((y[0] + mu) ** 2 + y[1] ** 2) ** 1.5
    d2 = ((y[0] - nu) ** 2 + y[1] ** 2) ** 1.5
    return [y[2], y[3], y[0] + 2 * y[3] - nu * (y[0] + mu) / d1 - mu * (y[0] - nu) / d2,
            y[1] - 2 * y[2] - nu * y[1] / d1 - mu * y[1] / d2]


def robertson(t, y):
    return [-0.04 * y[0] + 1e4 * y[1] * y[2], 0.04 * y[0] - 1e4 * y[1] * y[2] - 3e7 * y[1] ** 2, 3e7 * y[1] ** 2]


def van_der_pol(t, y):
    return [y[1], 1000 * (1 - y[0] ** 2) * y[1] - y[0]]


def max_error(y, ref, scale):
    return float(np.abs(y - ref).max() / scale)


CASES = {
    "lorenz_rk45": (lambda: solve_ivp(lorenz, (0, 100), [1.0, 1.0, 1.0], method="RK45", t_eval=[2.0, 100.0],
                                      rtol=1e-6, atol=1e-9),
                    lambda r: max_error(r.y[:, 0], LORENZ_REF_2, np.abs(LORENZ_REF_2).max())),
    "arenstorf_dop853": (lambda: solve_ivp(arenstorf, (0, ARENSTORF_T), ARENSTORF_Y0, method="DOP853", rtol=1e-10,
                                           atol=1e-12),
                         lambda r: max_error(r.y[:, -1], ARENSTORF_Y0, 1.0)),
    "robertson_bdf": (lambda: solve_ivp(robertson, (0, 1e11), [1.0, 0.0, 0.0], method="BDF", rtol=1e-8, atol=1e-14),
                      lambda r: float(np.abs((r.y[:, -1] - ROBERTSON_REF) / ROBERTSON_REF).max())),
    "robertson_radau": (lambda: solve_ivp(robertson, (0, 1e11), [1.0, 0.0, 0.0], method="Radau", rtol=1e-8,
                                          atol=1e-14),
                        lambda r: float(np.abs((r.y[:, -1] - ROBERTSON_REF) / ROBERTSON_REF).max())),
    "vdp_lsoda": (lambda: solve_ivp(van_der_pol, (0, 3000), [2.0, 0.0], method="LSODA", rtol=1e-8, atol=1e-10),
                  lambda r: max_error(r.y[:, -1], VDP_REF, np.abs(VDP_REF).max())),
}


def main():
    args = peer_timing.parse_args(__doc__, list(CASES))
    solve, metric = CASES[args.case]
    out = {}

    def call():
        out["r"] = solve()

    def accuracy():
        r = out["r"]
        return metric(r) if r.success else 1.0

    peer_timing.report(args, call, accuracy, evaluations=lambda: int(out["r"].nfev))


if __name__ == "__main__":
    main()

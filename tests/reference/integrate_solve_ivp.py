"""SciPy's solve_ivp with the explicit methods (RK23, RK45, DOP853) on the
problems of tests/integrate/solve_ivp_test.cpp: the accepted steps, the
solution at them, nfev, dense output, t_eval, and events. Our methods take the
same steps with the same step-size control, so the step times and the counts
are compared one for one.

Writes tests/data/integrate/solve_ivp/*.npy and cases.csv.

Run: .venv/bin/python tests/reference/integrate_solve_ivp.py
"""

import csv
from pathlib import Path

import numpy as np
import scipy
from scipy.integrate import solve_ivp

OUT = Path(__file__).resolve().parents[1] / "data" / "integrate" / "solve_ivp"
METHODS = ["RK23", "RK45", "DOP853"]


def lotka_volterra(t, y):
    return [1.5 * y[0] - y[0] * y[1], -3.0 * y[1] + y[0] * y[1]]


def decay(t, y):
    return -0.5 * y


def ball(t, y):
    return [y[1], -9.81]


def oscillator(t, y):
    return [y[1], -y[0]]


def ground(t, y):
    return y[0]


ground.terminal = True
ground.direction = -1


def apex(t, y):
    return y[1]


def crossing(t, y):
    return y[0]


crossing.terminal = 2

# Arenstorf's periodic orbit of the restricted three-body problem (Hairer,
# Norsett & Wanner 1993, Sec. II.0): period and start.
ARENSTORF_MU = 0.012277471
ARENSTORF_T = 17.0652165601579625588917206249
ARENSTORF_Y0 = [0.994, 0.0, 0.0, -2.00158510637908252240537862224]


def arenstorf(t, y):
    mu, nu = ARENSTORF_MU, 1 - ARENSTORF_MU
    d1 = ((y[0] + mu) ** 2 + y[1] ** 2) ** 1.5
    d2 = ((y[0] - nu) ** 2 + y[1] ** 2) ** 1.5
    return [y[2], y[3], y[0] + 2 * y[3] - nu * (y[0] + mu) / d1 - mu * (y[0] - nu) / d2,
            y[1] - 2 * y[2] - nu * y[1] / d1 - mu * y[1] / d2]


def lorenz(t, y):
    return [10 * (y[1] - y[0]), y[0] * (28 - y[2]) - y[1], y[0] * y[1] - 8 / 3 * y[2]]


DENSE_POINTS = np.array([0.0, 0.37, 1.0, 2.5, 7.77, 12.0, 15.0])


def save(name, array):
    np.save(OUT / f"{name}.npy", np.asarray(array, dtype=np.float64))


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.npy"):
        old.unlink()
    rows = []
    # Lotka-Volterra: the steps, the solution at them, and the dense output.
    for method in METHODS:
        r = solve_ivp(lotka_volterra, (0, 15), [10.0, 5.0], method=method, rtol=1e-6, atol=1e-9,
                      dense_output=True)
        save(f"lv_{method}_t", r.t)
        save(f"lv_{method}_y", r.y)
        save(f"lv_{method}_dense", r.sol(DENSE_POINTS))
        rows.append([f"lv_{method}", r.nfev, r.status])
    # Backwards in time, with max_step and first_step.
    r = solve_ivp(decay, (10, 0), [1.0], method="RK23", max_step=0.7, first_step=0.01)
    save("back_RK23_t", r.t)
    save("back_RK23_y", r.y)
    rows.append(["back_RK23", r.nfev, r.status])
    # t_eval forwards and backwards, with dense output.
    t_eval = np.linspace(0, 15, 31)
    r = solve_ivp(lotka_volterra, (0, 15), [10.0, 5.0], t_eval=t_eval, dense_output=True)
    save("teval_fwd_t", r.t)
    save("teval_fwd_y", r.y)
    save("teval_fwd_ts", r.sol.ts)
    rows.append(["teval_fwd", r.nfev, r.status])
    r = solve_ivp(lotka_volterra, (15, 0), [3.0, 2.0], t_eval=t_eval[::-1])
    save("teval_back_t", r.t)
    save("teval_back_y", r.y)
    rows.append(["teval_back", r.nfev, r.status])
    # Events: a ball thrown up lands (terminal, downwards) after its apex.
    r = solve_ivp(ball, (0, 10), [0.0, 10.0], events=[ground, apex], dense_output=True)
    save("ball_t", r.t)
    save("ball_y", r.y)
    for i, name in enumerate(["ground", "apex"]):
        save(f"ball_{name}_t", r.t_events[i])
        save(f"ball_{name}_y", r.y_events[i].T)  # n x events, as our y_events
    rows.append(["ball", r.nfev, r.status])
    # A terminal count of 2: y = sin t stops at its second zero after 0, t = 2 pi.
    r = solve_ivp(oscillator, (0.5, 20), [np.sin(0.5), np.cos(0.5)], method="DOP853", events=crossing,
                  rtol=1e-10, atol=1e-12)
    save("osc_t", r.t)
    save("osc_crossing_t", r.t_events[0])
    save("osc_crossing_y", r.y_events[0].T)
    rows.append(["osc", r.nfev, r.status])
    # Arenstorf over one period at rtol 1e-12: the steps' count.
    for method in ["RK45", "DOP853"]:
        r = solve_ivp(arenstorf, (0, ARENSTORF_T), ARENSTORF_Y0, method=method, rtol=1e-12, atol=1e-14)
        save(f"arenstorf_{method}_y", r.y[:, -1])
        rows.append([f"arenstorf_{method}", r.nfev, r.status])
    # Tight references (DOP853 at SciPy's smallest rtol): Lorenz at t = 2 and
    # Lotka-Volterra at t = 1. Two runs a decade of rtol apart differ by
    # 5e-13 (Lorenz) and less (Lotka-Volterra): the references are good to
    # about 1e-12 relative.
    r = solve_ivp(lorenz, (0, 2), [1.0, 1.0, 1.0], method="DOP853", rtol=2.3e-14, atol=1e-16)
    save("lorenz_ref", r.y[:, -1])
    r = solve_ivp(lotka_volterra, (0, 1), [10.0, 5.0], method="DOP853", rtol=2.3e-14, atol=1e-14)
    save("lv_ref_1", r.y[:, -1])
    with open(OUT / "cases.csv", "w", newline="") as f:
        f.write(f"# scipy {scipy.__version__}: case,nfev,status\n")
        csv.writer(f, lineterminator="\n").writerows(rows)


if __name__ == "__main__":
    main()

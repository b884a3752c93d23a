#!/usr/bin/env python3
"""scipy.optimize.curve_fit on the exponential decay of bench/optimize/curve_fit_bench.cpp.

Usage: optimize_curve_fit.py --data-dir DIR --case n10000 [--repetitions R] [--min-time S]

Fits y = a exp(-b x) + c to curve_fit_n10000/{x,y}.npy from p0 = (1, 1, 1)
(method 'lm', forward differences: SciPy's default). Prints one JSON object as
linalg_solve.py does, with `evaluations` (nfev); accuracy is the largest
relative distance of the parameters from the true (2.5, 1.3, 0.5).
"""

import numpy as np
from scipy.optimize import curve_fit

import peer_timing

TRUTH = np.array([2.5, 1.3, 0.5])


def decay(x, a, b, c):
    return a * np.exp(-b * x) + c


def main():
    args = peer_timing.parse_args(__doc__, ["n10000"])
    x = np.load(args.data_dir / "curve_fit_n10000" / "x.npy")
    y = np.load(args.data_dir / "curve_fit_n10000" / "y.npy")
    out = {}

    def call():
        out["popt"], _, out["info"], _, _ = curve_fit(decay, x, y, p0=np.ones(3), full_output=True)

    peer_timing.report(args, call, lambda: np.max(np.abs((out["popt"] - TRUTH) / TRUTH)),
                       evaluations=lambda: out["info"]["nfev"])


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""scipy.optimize.least_squares (method 'trf', its defaults) on the 27 NIST StRD
nonlinear problems from both starting points, as bench/optimize/nist_least_squares_bench.cpp.

Usage: optimize_nist.py --data-dir DIR --case all54 [--repetitions R] [--min-time S]

The files are read in place (../shared/data/nist/nonlinear) with the models of
tests/reference/optimize_nist.py. Prints one JSON object as linalg_solve.py
does; accuracy is the number of fits with fewer than 4 correct digits on some
certified parameter, and `evaluations` counts the residual function's calls
(finite-difference ones included, as the C++ side counts them).
"""

import sys
import warnings
from pathlib import Path

import numpy as np
from scipy.optimize import least_squares

import peer_timing

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests" / "reference"))
import optimize_nist  # noqa: E402  (the NIST models and reader the tests use)


def main():
    args = peer_timing.parse_args(__doc__, ["all54"])
    fits = []
    for name, f in optimize_nist.models().items():
        start1, start2, certified, y, x = optimize_nist.read(optimize_nist.DATA / f"{name}.dat")
        if name == "Nelson":
            y = np.log(y)
        else:
            x = x[0]
        fits.append((f, x, y, certified, (start1, start2)))
    out = {}

    def call():
        calls, below = 0, 0
        for f, x, y, certified, starts in fits:
            def residuals(b, f=f, x=x, y=y):
                nonlocal calls
                calls += 1
                return f(x, *b) - y
            for p0 in starts:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    r = least_squares(residuals, p0)
                below += optimize_nist.lre(r.x, certified) < 4
        out["calls"], out["below"] = calls, below

    peer_timing.report(args, call, lambda: out["below"], evaluations=lambda: out["calls"])


if __name__ == "__main__":
    main()

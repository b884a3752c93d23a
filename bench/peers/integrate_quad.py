#!/usr/bin/env python3
"""scipy.integrate.quad and nquad on the integrals of bench/integrate/quad_bench.cpp.

Usage: integrate_quad.py --data-dir DIR --case CASE [--repetitions R] [--min-time S]

Cases: quad_10_integrals (ten of QUADPACK's standard test integrals, one
scipy.integrate.quad call each with the default options, timed together),
nquad_3d (exp(-(x^2 + y^2 + z^2)) over the unit cube, scipy.integrate.nquad).
The integrands are plain Python functions of a float (math, as a SciPy user
writes a scalar integrand). Prints one JSON object as linalg_solve.py does,
plus `evaluations` (quad's neval summed, nquad's neval); the accuracy is the
largest relative error against the closed forms, as on our side. --data-dir
is accepted for the common interface; no files are read.
"""

import math

import scipy.integrate as si
import scipy.special as sc

import peer_timing

INF = math.inf
W = 10 * math.pi


def ten_integrals():
    """(f, a, b, options, exact) of the C++ side's ten_integrals(), in its order."""
    return [
        (lambda x: x**2.6 * math.log(1 / x), 0.0, 1.0, {}, 1 / 3.6**2),
        (lambda x: x**-0.9 * math.log(1 / x), 0.0, 1.0, {}, 100.0),
        (lambda x: 4 / (1 + x * x), 0.0, 1.0, {}, math.pi),
        (lambda x: math.exp(-x * x), -INF, INF, {}, math.sqrt(math.pi)),
        (lambda x: 1 / ((1 + x) * math.sqrt(x)), 0.0, INF, {}, math.pi),
        (lambda x: x**3 * math.log(abs((x * x - 1) * (x * x - 2))), 0.0, 3.0, {"points": [1.0, math.sqrt(2.0)]},
         61 * math.log(2) + 77 / 4 * math.log(7) - 27),
        (lambda x: 0.0 if x == 0 else math.log(x), 0.0, 1.0, {"weight": "sin", "wvar": W},
         -(0.57721566490153286061 + math.log(W) - sc.sici(W)[1]) / W),
        (lambda x: 0.0 if x <= 0 else 1 / math.sqrt(x), 0.0, INF, {"weight": "cos", "wvar": 1.0},
         math.sqrt(math.pi / 2)),
        (lambda x: math.exp(x), -1.0, 1.0, {"weight": "alg", "wvar": (-0.5, -0.5)}, math.pi * sc.i0(1.0)),
        (lambda x: 1 / (5 * x**3 + 6), -1.0, 5.0, {"weight": "cauchy", "wvar": 0.0}, math.log(125 / 631) / 18),
    ]


def main():
    args = peer_timing.parse_args(__doc__, ["quad_10_integrals", "nquad_3d"])
    out = {}
    if args.case == "quad_10_integrals":
        problems = ten_integrals()

        def call():
            values, evaluations = [], 0
            for f, a, b, options, _ in problems:
                value, _, info = si.quad(f, a, b, full_output=1, **options)[:3]
                values.append(value)
                evaluations += info["neval"]
            out["values"], out["evaluations"] = values, evaluations

        def accuracy():
            return max(abs(v - p[4]) / abs(p[4]) for v, p in zip(out["values"], problems))
    else:
        exact = (math.sqrt(math.pi) / 2 * math.erf(1)) ** 3

        def call():
            value, _, info = si.nquad(lambda x, y, z: math.exp(-(x * x + y * y + z * z)), [[0, 1]] * 3,
                                      full_output=True)
            out["value"], out["evaluations"] = value, info["neval"]

        def accuracy():
            return abs(out["value"] - exact) / exact

    peer_timing.report(args, call, accuracy, evaluations=lambda: out["evaluations"])


if __name__ == "__main__":
    main()

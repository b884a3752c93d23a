#!/usr/bin/env python3
"""Reference runs of scipy.integrate's quad, quad_vec, dblquad, tplquad,
nquad and fixed_quad for tests/integrate/quad_test.cpp.

Writes tests/data/integrate/quad/, CSV manifests with a header (no quoted
cells; the C++ side reads them with scilearn::testing::read_manifest):

quad.csv, one quad call a row:
    case, value, abserr, neval, ier, exact
  case   the name of the test integral; the same table (integrand, limits,
         options) is in the C++ test, under the same name (CASES below)
  exact  the integral's closed form (or, where marked, SciPy's quad of an
         equivalent unweighted integrand to 1e-14), nan for divergent ones
nquad.csv, one dblquad / tplquad / nquad call a row:
    case, value, abserr, neval, exact
  neval  nquad's full_output neval (-1 for dblquad / tplquad, which do not
         report it)
quad_vec.csv, one quad_vec call and one component a row:
    case, component, value, error, neval, status, exact
fixed_quad.csv:
    case, n, value, exact

The integrands are written with math (libm, as the C++ side's <cmath>).

Run with the pinned peers: .venv/bin/python3 tests/reference/integrate_quad.py
"""
import math
import pathlib
import warnings

import numpy as np
import scipy.integrate as si
import scipy.special as sc

import fixture_io

OUT = pathlib.Path(__file__).resolve().parents[1] / "data" / "integrate" / "quad"
EULER = 0.57721566490153286061


def log0(x):
    """log(x) with 0 at x = 0 (the Chebyshev moments of QAWO / QAWS evaluate
    f at the end points; QUADPACK's test programs define f so)."""
    return 0.0 if x == 0 else math.log(x)


def inv_sqrt0(x):
    return 0.0 if x <= 0 else 1 / math.sqrt(x)


def tight(f, a, b):
    """An 'exact' value where no closed form is at hand: SciPy's quad at 1e-14
    (it warns that roundoff stops it near there: the value is good to about
    1e-15, far inside the tests' tolerances)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", si.IntegrationWarning)
        return si.quad(f, a, b, epsabs=1e-14, epsrel=1e-14, limit=500)[0]


# name: (f, a, b, quad options, exact)
CASES = {
    # QUADPACK's classic: int_0^1 x^a log(1/x) = 1 / (a + 1)^2 (QAGS).
    "xlog_2.6": (lambda x: x**2.6 * math.log(1 / x), 0.0, 1.0, {}, 1 / 3.6**2),
    "xlog_-0.9": (lambda x: x**-0.9 * math.log(1 / x), 0.0, 1.0, {}, 100.0),
    "four_over": (lambda x: 4 / (1 + x * x), 0.0, 1.0, {}, math.pi),
    "sqrt_singular": (lambda x: 1 / math.sqrt(x), 0.0, 1.0, {}, 2.0),
    # QAGI.
    "gauss_both_inf": (lambda x: math.exp(-x * x), -math.inf, math.inf, {}, math.sqrt(math.pi)),
    "semi_inf": (lambda x: 1 / ((1 + x) * math.sqrt(x)), 0.0, math.inf, {}, math.pi),
    "exp_lower_inf": (lambda x: math.exp(x), -math.inf, 0.0, {}, 1.0),
    # QAGP: QUADPACK's qagp example, singular at 1 and sqrt(2).
    "qagp": (lambda x: x**3 * math.log(abs((x * x - 1) * (x * x - 2))), 0.0, 3.0,
             {"points": [1.0, math.sqrt(2.0)]},
             61 * math.log(2) + 77 / 4 * math.log(7) - 27),
    # QAWO: int_0^1 log(x) sin(10 pi x) = -(gamma + log(w) - Ci(w)) / w.
    "qawo_log_sin": (log0, 0.0, 1.0, {"weight": "sin", "wvar": 10 * math.pi},
                     -(EULER + math.log(10 * math.pi) - sc.sici(10 * math.pi)[1]) / (10 * math.pi)),
    # int_0^pi e^x cos(10 x) = (e^pi - 1) / 101.
    "qawo_exp_cos": (lambda x: math.exp(x), 0.0, math.pi, {"weight": "cos", "wvar": 10.0},
                     (math.exp(math.pi) - 1) / 101),
    # QAWF: int_0^inf cos(x) / sqrt(x) = sqrt(pi / 2); e^-x sin(2x) -> 2/5.
    "qawf_cos": (inv_sqrt0, 0.0, math.inf, {"weight": "cos", "wvar": 1.0}, math.sqrt(math.pi / 2)),
    "qawf_sin_exp": (lambda x: math.exp(-x), 0.0, math.inf, {"weight": "sin", "wvar": 2.0}, 0.4),
    # int_-inf^0 e^x cos(2x) = 1/5; e^x sin(2x) = -2/5 (SciPy maps to [0, inf)).
    "qawf_lower_cos": (lambda x: math.exp(x), -math.inf, 0.0, {"weight": "cos", "wvar": 2.0}, 0.2),
    "qawf_lower_sin": (lambda x: math.exp(x), -math.inf, 0.0, {"weight": "sin", "wvar": 2.0}, -0.4),
    # QAWS: int_-1^1 e^x / sqrt(1 - x^2) = pi I0(1).
    "qaws_alg": (lambda x: math.exp(x), -1.0, 1.0, {"weight": "alg", "wvar": (-0.5, -0.5)}, math.pi * sc.i0(1.0)),
    "qaws_loga": (lambda x: 1 / (1 + x), 0.0, 1.0, {"weight": "alg-loga", "wvar": (-0.5, 0.0)},
                  tight(lambda t: 2 * math.log(t * t) / (1 + t * t), 0.0, 1.0)),  # x = t^2
    "qaws_logb": (lambda x: math.cos(x), 0.0, 1.0, {"weight": "alg-logb", "wvar": (0.0, -0.5)},
                  tight(lambda t: 2 * math.cos(1 - t * t) * math.log(t * t), 0.0, 1.0)),  # 1 - x = t^2
    # int_0^1 log(x) log(1 - x) = 2 - pi^2 / 6.
    "qaws_log": (lambda x: 1.0, 0.0, 1.0, {"weight": "alg-log", "wvar": (0.0, 0.0)}, 2 - math.pi**2 / 6),
    # QAWC: PV int_-1^5 1 / (x (5 x^3 + 6)) = log(125 / 631) / 18 (QUADPACK's qawc example).
    "qawc": (lambda x: 1 / (5 * x**3 + 6), -1.0, 5.0, {"weight": "cauchy", "wvar": 0.0}, math.log(125 / 631) / 18),
    # Reversed limits: SciPy integrates over [b, a] and flips the sign.
    "reversed": (lambda x: 4 / (1 + x * x), 1.0, 0.0, {}, -math.pi),
    "reversed_inf": (lambda x: math.exp(-x), math.inf, 0.0, {}, -1.0),
    "reversed_cauchy": (lambda x: 1 / (5 * x**3 + 6), 5.0, -1.0, {"weight": "cauchy", "wvar": 0.0},
                        -math.log(125 / 631) / 18),
    # Failures: the limit reached (ier 1), a divergent integral.
    "limit_hit": (lambda x: x**-0.9 * math.log(1 / x), 0.0, 1.0, {"limit": 4}, 100.0),
    "divergent": (lambda x: 1 / x, 0.0, 1.0, {}, math.nan),
    # The limit reached in every routine with a subdivision limit.
    "limit_hit_qagp": (lambda x: x**-0.9 * math.log(1 / x), 0.0, 1.0, {"limit": 4, "points": [0.5]}, 100.0),
    "limit_hit_qagi": (lambda x: 1 / ((1 + x) * math.sqrt(x)), 0.0, math.inf, {"limit": 4}, math.pi),
    "limit_hit_qawo": (log0, 0.0, 1.0, {"weight": "sin", "wvar": 10 * math.pi, "limit": 3},
                       -(EULER + math.log(10 * math.pi) - sc.sici(10 * math.pi)[1]) / (10 * math.pi)),
    "limit_hit_qaws": (lambda x: math.sin(30 * x), -1.0, 1.0, {"weight": "alg", "wvar": (-0.5, -0.5), "limit": 3},
                       0.0),
    "limit_hit_qawc": (lambda x: math.exp(-50 * (x - 0.7)**2), 0.0, 1.0, {"weight": "cauchy", "wvar": 0.3, "limit": 3},
                       tight(lambda x: (math.exp(-50 * (x - 0.7)**2) - math.exp(-50 * 0.16)) / (x - 0.3), 0.0, 1.0)
                       + math.exp(-50 * 0.16) * math.log(0.7 / 0.3)),
    # Tighter tolerances.
    "tight_tol": (lambda x: math.exp(-x) * math.sin(5 * x), 0.0, 10.0, {"epsabs": 0.0, "epsrel": 1e-12},
                  (5 - math.exp(-10) * (math.sin(50) + 5 * math.cos(50))) / 26),
}


def run_quad():
    rows = []
    for name, (f, a, b, opts, exact) in CASES.items():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", si.IntegrationWarning)
            out = si.quad(f, a, b, full_output=1, **opts)
        value, abserr, info = out[0], out[1], out[2]
        ier = 0 if len(out) == 3 else _ier_of(out[3])
        rows.append([name, repr(value), repr(abserr), info["neval"], ier, repr(float(exact))])
    fixture_io.write_manifest(OUT / "quad.csv", ["case", "value", "abserr", "neval", "ier", "exact"], rows)


def _ier_of(message):
    """quad's ier from its full_output message (SciPy returns the message, not ier)."""
    starts = {"The maximum number of subdivisions": 1, "The occurrence of roundoff": 2,
              "Extremely bad integrand": 3, "The algorithm does not converge": 4,
              "The integral is probably divergent": 5}
    for prefix, ier in starts.items():
        if message.startswith(prefix):
            return ier
    raise ValueError(f"unexpected quad message: {message}")


def nquad_4d(x0, x1, x2, x3):
    return x0**2 + x1 * x2 - x3**3 + math.sin(x0) + (1 if (x0 - 0.2 * x3 - 0.5 - 0.25 * x1 > 0) else 0)


def run_multiple():
    rows = []
    v, e = si.dblquad(lambda y, x: x * y * y, 0, 2, 0, 1)
    rows.append(["dbl_const", repr(v), repr(e), -1, repr(2 / 3)])
    v, e = si.dblquad(lambda y, x: x * y, 0, 1, lambda x: 0, lambda x: 1 - x)
    rows.append(["dbl_curve", repr(v), repr(e), -1, repr(1 / 24)])
    v, e = si.tplquad(lambda z, y, x: x * y * z, 0, 1, lambda x: 0, lambda x: 1 - x,
                      lambda x, y: 0, lambda x, y: 1 - x - y)
    rows.append(["tpl_simplex", repr(v), repr(e), -1, repr(1 / 720)])
    # Gaussian over the unit cube: (sqrt(pi)/2 erf(1))^3.
    v, e, info = si.nquad(lambda x, y, z: math.exp(-(x * x + y * y + z * z)), [[0, 1]] * 3, full_output=True)
    rows.append(["nquad_gauss3", repr(v), repr(e), info["neval"], repr((math.sqrt(math.pi) / 2 * math.erf(1))**3)])
    # Ranges that are functions of the outer variables (SciPy's example): 1/96.
    v, e, info = si.nquad(lambda x, y: x * y, [lambda y: [0, 1 - 2 * y], [0, 0.5]], full_output=True)
    rows.append(["nquad_func_range", repr(v), repr(e), info["neval"], repr(1 / 96)])
    # SciPy's 4-D example with a break point that depends on the outer variables.
    def opts0(x1, x2, x3):
        return {"points": [0.2 * x3 + 0.5 + 0.25 * x1]}
    v, e, info = si.nquad(nquad_4d, [[0, 1], [-1, 1], [0.13, 0.8], [-0.15, 1]], opts=[opts0, {}, {}, {}],
                          full_output=True)
    rows.append(["nquad_4d_points", repr(v), repr(e), info["neval"], "nan"])
    fixture_io.write_manifest(OUT / "nquad.csv", ["case", "value", "abserr", "neval", "exact"], rows)


def run_quad_vec():
    rows = []
    alpha = np.linspace(0.0, 2.0, 5)
    def add(name, res, exact):
        value, err, info = res
        for k, (vk, ek) in enumerate(zip(np.atleast_1d(value), exact)):
            rows.append([name, k, repr(float(vk)), repr(float(err)), info.neval, info.status, repr(float(ek))])
    add("powers", si.quad_vec(lambda x: x**alpha, 0, 2, full_output=True), 2**(alpha + 1) / (alpha + 1))
    add("powers_max", si.quad_vec(lambda x: x**alpha, 0, 2, norm="max", full_output=True), 2**(alpha + 1) / (alpha + 1))
    add("powers_gk15", si.quad_vec(lambda x: x**alpha, 0, 2, quadrature="gk15", full_output=True),
        2**(alpha + 1) / (alpha + 1))
    add("powers_trapezoid", si.quad_vec(lambda x: x**alpha, 0, 2, quadrature="trapezoid", epsrel=1e-6,
                                        full_output=True), 2**(alpha + 1) / (alpha + 1))
    add("gauss_moments", si.quad_vec(lambda x: np.exp(-x * x) * np.array([1.0, x * x]), -np.inf, np.inf,
                                     full_output=True), [math.sqrt(math.pi), math.sqrt(math.pi) / 2])
    add("exp_semi", si.quad_vec(lambda x: np.array([math.exp(-x), math.exp(-2 * x)]), 0, np.inf,
                                full_output=True), [1.0, 0.5])
    add("exp_lower", si.quad_vec(lambda x: np.array([math.exp(x)]), -np.inf, 0, full_output=True), [1.0])
    add("kink_points", si.quad_vec(lambda x: np.array([abs(x - 0.3)]), 0, 1, points=[0.3], full_output=True),
        [0.3**2 / 2 + 0.7**2 / 2])
    add("reversed", si.quad_vec(lambda x: np.array([x * x]), 1, 0, full_output=True), [-1 / 3])
    add("limit_hit", si.quad_vec(lambda x: np.array([math.sin(1 / x) if x != 0 else 0.0]), 0, 1, limit=20,
                                 full_output=True), [0.5040670619069283])  # the sine integral form, see below
    fixture_io.write_manifest(OUT / "quad_vec.csv",
                              ["case", "component", "value", "error", "neval", "status", "exact"], rows)


def run_fixed_quad():
    rows = []
    for n in (1, 2, 5, 10, 30):
        v, _ = si.fixed_quad(np.sin, 0, math.pi, n=n)
        rows.append(["sin", n, repr(float(v)), repr(2.0)])
    v, _ = si.fixed_quad(lambda x: x**9, -1, 2, n=5)
    rows.append(["x9", 5, repr(float(v)), repr((2**10 - 1) / 10)])
    fixture_io.write_manifest(OUT / "fixed_quad.csv", ["case", "n", "value", "exact"], rows)


if __name__ == "__main__":
    # int_0^1 sin(1/x) dx = sin(1) - Ci(1), the exact value of quad_vec's limit_hit.
    assert abs(math.sin(1) - sc.sici(1.0)[1] - 0.5040670619069283) < 1e-15
    OUT.mkdir(parents=True, exist_ok=True)
    run_quad()
    run_multiple()
    run_quad_vec()
    run_fixed_quad()

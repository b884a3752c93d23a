"""SciPy's scipy.stats.qmc on what does not depend on NumPy's random stream:
unscrambled Sobol' points (several d and bits, continued draws, fast_forward,
and for every one of the 3667 dimensions our direction-number table covers the
points at indices 2^j, j = 0..14, which reveal each dimension's first 15
direction numbers), unscrambled Halton points, QMCEngine.integers (small and large d, a start
index past 0), the cell centres of an unscrambled LatinHypercube, the four
discrepancies (plain and iterative) and update_discrepancy on fixed samples,
and scale in both directions. Writes tests/data/stats/qmc/ for
tests/stats/qmc_test.cpp.

Run: .venv/bin/python tests/reference/stats_qmc.py
"""

import warnings
from pathlib import Path

import numpy as np
import scipy
from scipy.stats import qmc

from fixture_io import fresh_dir, write_manifest

OUT = Path(__file__).resolve().parents[1] / "data" / "stats" / "qmc"


def draw(engine, calls):
    """The points of a sequence of calls: "r:N" draws N, "f:N" skips N."""
    parts = []
    for call in calls:
        kind, n = call.split(":")
        if kind == "r":
            parts.append(engine.random(int(n)))
        else:
            engine.fast_forward(int(n))
    return np.vstack(parts)


def sobol_cases(save):
    """Rows: name, d, bits, the calls made (r:n draws, f:n skips), the fixture."""
    rows = []
    for name, d, bits, calls in (
        ("sobol_d1", 1, 30, ["r:256"]),
        ("sobol_d6", 6, 30, ["r:1024"]),
        ("sobol_d10_b10", 10, 10, ["r:1024"]),  # every point 10 bits allow
        ("sobol_d3_b64", 3, 64, ["r:64"]),
        ("sobol_d5_b40", 5, 40, ["r:32"]),
        ("sobol_d2_b0", 2, 0, ["r:1"]),
        ("sobol_d4_cont", 4, 30, ["r:3", "r:5", "r:8"]),  # 3 and 5 warn
        ("sobol_d4_ff", 4, 30, ["f:10", "r:6", "f:17", "r:4"]),
        ("sobol_d300_ff", 300, 30, ["f:1000", "r:8"]),
    ):
        engine = qmc.Sobol(d, scramble=False, bits=bits)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            save(name, draw(engine, calls))
        rows.append([name, d, bits, " ".join(calls)])
    # Every dimension: point 2^j is v_j ^ v_(j-1) (the Gray code of 2^j has
    # bits j and j - 1), so these 15 points fix m_1 .. m_15 of each dimension.
    d = 3667  # the dimensions of Boost.Random's Joe-Kuo table
    points = []
    for j in range(15):
        engine = qmc.Sobol(d, scramble=False)
        engine.fast_forward(2**j)
        points.append(engine.random(1))
    save("sobol_all_dims", np.vstack(points))
    return rows


def halton_cases(save):
    rows = []
    for name, d, calls in (
        ("halton_d1", 1, ["r:200"]),
        ("halton_d8", 8, ["r:500"]),
        ("halton_d200", 200, ["r:30"]),  # bases up to 1223
        ("halton_d5_cont", 5, ["r:7", "f:100", "r:9"]),
        ("halton_d3_far", 3, ["f:1000000", "r:5"]),
    ):
        save(name, draw(qmc.Halton(d, scramble=False), calls))
        rows.append([name, d, "", " ".join(calls)])
    return rows


def discrepancy_cases(save):
    rng = np.random.default_rng(20260117)
    samples = {
        # the example of SciPy's documentation
        "doc": np.array([[1, 3], [2, 6], [3, 2], [4, 5], [5, 1], [6, 4]]) / 7.0,
        "uniform_20x3": rng.random((20, 3)),
        "sobol_64x5": qmc.Sobol(5, scramble=False).random(64),
        "halton_50x2": qmc.Halton(2, scramble=False).random(50),
        "corners_9x4": rng.choice([0.0, 0.25, 0.5, 1.0], size=(9, 4)),
        "one_point": np.array([[0.3, 0.9, 0.0]]),
        "uniform_200x10": rng.random((200, 10)),
    }
    rows = []
    for name, sample in samples.items():
        save(name, sample)
        for method in ("CD", "WD", "MD", "L2-star"):
            for iterative in (False, True):
                value = qmc.discrepancy(sample, iterative=iterative, method=method)
                rows.append([name, "discrepancy", f"{method}:{int(iterative)}", repr(float(value))])
        # update_discrepancy: the last point added to the others
        if sample.shape[0] > 1:
            head = sample[:-1]
            start = qmc.discrepancy(head, iterative=True)
            value = qmc.update_discrepancy(sample[-1], head, start)
            rows.append([name, "update_discrepancy", "", repr(float(value))])
    return rows


def scale_cases(save):
    sample = qmc.Halton(3, scramble=False).random(16)
    lower, upper = np.array([-2.0, 0.5, 1e-3]), np.array([3.0, 0.75, 1e4])
    save("scale_sample", sample)
    save("scale_forward", qmc.scale(sample, lower, upper))
    save("scale_reverse", qmc.scale(qmc.scale(sample, lower, upper), lower, upper, reverse=True))
    save("scale_broadcast", qmc.scale(sample, -1.0, [1.0, 2.0, 4.0]))
    return []


def main():
    fresh_dir(OUT)

    def save(name, array):
        np.save(OUT / f"{name}.npy", np.asarray(array, dtype=np.float64))

    engines = sobol_cases(save) + halton_cases(save)
    write_manifest(OUT / "engines.csv", ["name", "d", "bits", "calls"], engines)
    values = discrepancy_cases(save)
    scale_cases(save)
    # QMCEngine.integers on unscrambled engines.
    save("integers_halton", qmc.Halton(3, scramble=False).integers([0, -5, 100], u_bounds=[10, 5, 103], n=50))
    save("integers_halton_endpoint",
         qmc.Halton(3, scramble=False).integers([0, -5, 100], u_bounds=[10, 5, 103], n=50, endpoint=True))
    save("integers_sobol", qmc.Sobol(2, scramble=False).integers(7, n=16))
    # The cell centres of an unscrambled LatinHypercube: each column, sorted.
    lhs = qmc.LatinHypercube(3, scramble=False, rng=1).random(10)
    save("lhs_centres_sorted", np.sort(lhs, axis=0))
    write_manifest(OUT / "values.csv", ["sample", "function", "options", "value"], values)
    print(f"scipy {scipy.__version__}: {len(engines)} engine cases, {len(values)} values written to {OUT}")


if __name__ == "__main__":
    main()

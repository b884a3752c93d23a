"""Timing and reporting shared by the peer scripts in bench/peers/.

The peers are timed the way our benchmark programs (bench/MODULE/*.cpp, Google
Benchmark) time our side, so that the two columns of bench/compare's table measure the
same thing:

* only the call is timed (inputs are loaded and laid out before the clock
  starts, the accuracy is computed after it stops);
* the first call is a warm-up; its time only sizes the repetitions;
* each repetition runs the call k times, k chosen so that a repetition lasts at
  least ``min_time`` seconds (as Google Benchmark's --benchmark_min_time), and
  records the mean time per call;
* the reported time is the median over the repetitions, in wall-clock seconds
  (BLAS may run threads, so CPU time would undercount).

The garbage collector stays on, as it is for a SciPy user (timeit turns it off).
"""

import argparse
import json
import math
import pathlib
import statistics
import sys
import time
from importlib import metadata


def time_call(call, repetitions, min_time):
    """Times call() as described above; returns a dict of the measurements."""
    start = time.perf_counter()
    call()  # warm-up
    warm = time.perf_counter() - start
    iterations = max(1, math.ceil(min_time / max(warm, 1e-9)))
    per_call = []
    for _ in range(repetitions):
        start = time.perf_counter()
        for _ in range(iterations):
            call()
        per_call.append((time.perf_counter() - start) / iterations)
    return {
        "time_s": statistics.median(per_call),
        "times_s": per_call,
        "iterations": iterations,
        "warmup_s": warm,
    }


def blas_threads():
    """The BLAS pool sizes threadpoolctl sees (one per loaded BLAS library)."""
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return []
    return [info["num_threads"] for info in threadpool_info() if info.get("user_api") == "blas"]


def versions(*distributions):
    """'name version' of each installed distribution, for the report."""
    return {name: metadata.version(name) for name in distributions}


def emit(result):
    """Writes one JSON object, the script's only output on stdout."""
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")


def parse_args(doc, cases):
    """The options every peer script takes: --data-dir, --case (one of cases), --repetitions, --min-time."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--data-dir", type=pathlib.Path, required=True)
    parser.add_argument("--case", required=True, choices=cases)
    parser.add_argument("--repetitions", type=int, default=5)
    parser.add_argument("--min-time", type=float, default=0.2)
    return parser.parse_args()


def report(args, call, accuracy, **extra):
    """Times call() (time_call), then prints the JSON object of the
    result: time_s, times_s, case, accuracy (accuracy(), after the clock),
    blas_threads, versions and the keys of extra (callables, called after accuracy)."""
    result = time_call(call, args.repetitions, args.min_time)
    result.update(
        case=args.case,
        accuracy=float(accuracy()),
        **{key: value() for key, value in extra.items()},
        blas_threads=blas_threads(),
        versions=versions("numpy", "scipy"),
    )
    emit(result)

"""scikit-learn's classification and ranking metrics on small data sets, for
tests/learn/metrics/classification_test.cpp and ranking_test.cpp.

Data sets (tests/data/learn/metrics_classification/NAME_*.npy): y_true,
y_pred, sample weights (sw, multiples of 1/4 so that sums are exact), and
scores: `score` (one per sample; rounded to one decimal so that ties occur),
`proba` (a probability per sample for binary sets, rows summing to 1 for
multiclass sets, again with ties) and `decision` (multiclass decision values).

- bin01: labels {0, 1}, 40 samples.
- bin37: labels {3, 7}, 40 samples (pos_label 7 where one is needed).
- mc: labels {-1, 3, 7}, 60 samples.
- mc_absent: labels {-1, 3, 7}, class 7 never predicted, 45 samples.
- mc4: labels {0, 1, 2, 5}, 80 samples.
- onepred: labels {0, 1, 2} in y_true, y_pred always 1 (zero-division cases).
- bigbin: labels {0, 1}, 3000 samples, scores to one decimal (the sort's
  small-input path, std::stable_sort, is used below 4096 samples).
- radix: labels {0, 1}, 5000 samples, scores to one decimal with many ties,
  negative values, and -0.0 beside 0.0 (the radix sort's path); weights
  include zeros.

Manifest cases.csv: dataset, function, input (which score array: score,
proba, decision, or -), options (key=value pairs joined by ';'; list values
joined by '|'), weighted (1: with sw), warned (1: scikit-learn raised a
warning), then the values. Curves and per-class results are flattened as
the C++ test reads them (see its `evaluate`). classification_report texts
are in report_N.txt (integer label arrays, as a user passes them),
compared byte for byte.

Run: .venv/bin/python tests/reference/learn_metrics_classification.py
"""

import csv
import sys
import warnings
from pathlib import Path

import numpy as np
import sklearn
from sklearn import metrics

OUT = Path(__file__).resolve().parents[1] / "data" / "learn" / "metrics_classification"
assert sklearn.__version__ == "1.9.1", sklearn.__version__


def softmax_rows(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def make_sets():
    rng = np.random.default_rng(20261206)
    sets = {}

    def binary(name, n, labels, noise):
        y = rng.choice(labels, size=n)
        pos = y == labels[1]
        score = np.round(pos * 1.0 + noise * rng.standard_normal(n), 1)
        proba = np.round(np.clip(0.5 + 0.3 * (pos - 0.5) + 0.25 * rng.standard_normal(n), 0.0, 1.0), 2)
        proba[:2] = [0.0, 1.0]  # the clipped ends of log_loss
        y_pred = np.where(score > 0.5, labels[1], labels[0])
        sets[name] = dict(y_true=y.astype(float), y_pred=y_pred.astype(float), score=score, proba=proba,
                          sw=rng.integers(1, 9, size=n) / 4.0)

    def multiclass(name, n, labels, absent=None):
        k = len(labels)
        codes = rng.integers(0, k, size=n)
        z = 1.5 * np.eye(k)[codes] + rng.standard_normal((n, k))
        decision = np.round(z, 2)
        proba = softmax_rows(np.round(z, 1))
        proba[3] = 1.0 / k  # a row of ties
        pred_codes = np.argmax(z + 0.8 * rng.standard_normal((n, k)), axis=1)
        if absent is not None:
            pred_codes[pred_codes == absent] = 0
        sets[name] = dict(y_true=np.array(labels, float)[codes], y_pred=np.array(labels, float)[pred_codes],
                          decision=decision, proba=proba, sw=rng.integers(1, 9, size=n) / 4.0)

    binary("bin01", 40, [0, 1], 0.6)
    binary("bin37", 40, [3, 7], 0.6)
    multiclass("mc", 60, [-1, 3, 7])
    multiclass("mc_absent", 45, [-1, 3, 7], absent=2)
    multiclass("mc4", 80, [0, 1, 2, 5])
    y = rng.integers(0, 3, size=12).astype(float)
    sets["onepred"] = dict(y_true=y, y_pred=np.ones(12), sw=rng.integers(1, 9, size=12) / 4.0)
    n = 3000
    y = rng.integers(0, 2, size=n).astype(float)
    sets["bigbin"] = dict(y_true=y, score=np.round(y + rng.standard_normal(n), 1),
                          sw=rng.integers(1, 9, size=n) / 4.0)
    n = 5000
    y = rng.integers(0, 2, size=n).astype(float)
    score = np.round(y - 0.5 + rng.standard_normal(n), 1)
    score[::97] = 0.0
    score[::89] = -0.0
    sets["radix"] = dict(y_true=y, score=score, sw=rng.integers(0, 9, size=n) / 4.0)
    return sets


def text(value):
    return repr(float(value))


def opts(**kw):
    parts = []
    for k, v in kw.items():
        if isinstance(v, (list, tuple, np.ndarray)):
            v = "|".join(str(x) for x in v)
        parts.append(f"{k}={v}")
    return ";".join(parts)


def call(fun):
    """Runs fun, returning (result, warned)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = fun()
    warned = any(not issubclass(w.category, (FutureWarning, DeprecationWarning)) for w in caught)
    return result, int(warned)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for old in list(OUT.glob("*.npy")) + list(OUT.glob("*.txt")):
        old.unlink()
    sets = make_sets()
    for name, arrays in sets.items():
        for key, a in arrays.items():
            np.save(OUT / f"{name}_{key}.npy", np.asarray(a, dtype=np.float64))
    rows = []

    def add(dataset, function, inp, options, weighted, values, warned):
        rows.append([dataset, function, inp, options, weighted, warned] + [text(v) for v in values])

    def run(dataset, function, inp, kw, weighted, fun, flatten=lambda r: [r]):
        d = sets[dataset]
        sw = d["sw"] if weighted else None
        result, warned = call(lambda: fun(d, sw))
        add(dataset, function, inp, opts(**kw), int(weighted), flatten(result), warned)

    zd_map = {"warn": "warn", "0": 0.0, "1": 1.0, "nan": np.nan}
    avg_map = {"binary": "binary", "micro": "micro", "macro": "macro", "weighted": "weighted", "none": None}

    for ds in ["bin01", "bin37", "mc", "mc_absent", "mc4", "onepred"]:
        for w in (False, True):
            run(ds, "accuracy_score", "-", {"normalize": 1}, w,
                lambda d, sw: metrics.accuracy_score(d["y_true"], d["y_pred"], sample_weight=sw))
            run(ds, "accuracy_score", "-", {"normalize": 0}, w,
                lambda d, sw: metrics.accuracy_score(d["y_true"], d["y_pred"], normalize=False, sample_weight=sw))
            run(ds, "zero_one_loss", "-", {"normalize": 1}, w,
                lambda d, sw: metrics.zero_one_loss(d["y_true"], d["y_pred"], sample_weight=sw))
            run(ds, "zero_one_loss", "-", {"normalize": 0}, w,
                lambda d, sw: metrics.zero_one_loss(d["y_true"], d["y_pred"], normalize=False, sample_weight=sw))
            for adjusted in (0, 1):
                run(ds, "balanced_accuracy_score", "-", {"adjusted": adjusted}, w,
                    lambda d, sw: metrics.balanced_accuracy_score(d["y_true"], d["y_pred"], sample_weight=sw,
                                                                  adjusted=bool(adjusted)))
            run(ds, "matthews_corrcoef", "-", {}, w,
                lambda d, sw: metrics.matthews_corrcoef(d["y_true"], d["y_pred"], sample_weight=sw))
            for weights in ("none", "linear", "quadratic"):
                run(ds, "cohen_kappa_score", "-", {"weights": weights}, w,
                    lambda d, sw: metrics.cohen_kappa_score(d["y_true"], d["y_pred"], sample_weight=sw,
                                                            weights=None if weights == "none" else weights))
            for normalize in ("none", "true", "pred", "all"):
                def cm(d, sw):
                    r = metrics.confusion_matrix(d["y_true"], d["y_pred"], sample_weight=sw,
                                                 normalize=None if normalize == "none" else normalize)
                    return [r.shape[0]] + list(r.ravel())
                run(ds, "confusion_matrix", "-", {"normalize": normalize}, w, cm, flatten=lambda r: r)
            binary = len(np.unique(np.r_[sets[ds]["y_true"], sets[ds]["y_pred"]])) <= 2
            averages = ["micro", "macro", "weighted", "none"] + (["binary"] if binary else [])
            pos = 7 if ds == "bin37" else 1
            for average in averages:
                for zd in (["warn", "0", "1", "nan"] if ds in ("onepred", "mc_absent") else ["warn"]):
                    for beta in (1.0, 0.5, 2.0):
                        kw = {"average": average, "zero_division": zd, "beta": beta, "pos_label": pos}

                        def prfs(d, sw):
                            p, r, f, s = metrics.precision_recall_fscore_support(
                                d["y_true"], d["y_pred"], beta=beta, average=avg_map[average], pos_label=pos,
                                sample_weight=sw, zero_division=zd_map[zd])
                            if s is None:
                                return [p, r, f]
                            return [len(p)] + list(p) + list(r) + list(f) + list(s)
                        run(ds, "precision_recall_fscore_support", "-", kw, w, prfs, flatten=lambda r: r)
                    if average == "none":
                        continue
                    kw = {"average": average, "zero_division": zd, "pos_label": pos}
                    for fname in ("precision_score", "recall_score", "f1_score"):
                        f = getattr(metrics, fname)
                        run(ds, fname, "-", kw, w,
                            lambda d, sw: f(d["y_true"], d["y_pred"], average=avg_map[average], pos_label=pos,
                                            sample_weight=sw, zero_division=zd_map[zd]))
                    run(ds, "fbeta_score", "-", dict(kw, beta=0.5), w,
                        lambda d, sw: metrics.fbeta_score(d["y_true"], d["y_pred"], beta=0.5,
                                                          average=avg_map[average], pos_label=pos,
                                                          sample_weight=sw, zero_division=zd_map[zd]))

    # Explicit labels: a subset, a label absent from the data, a reordering.
    for ds, labels in [("mc", [7, -1]), ("mc", [3, 7, -1, 11]), ("mc_absent", [7]), ("mc4", [5, 2])]:
        for w in (False, True):
            for average in ("micro", "macro", "weighted", "none"):
                kw = {"average": average, "labels": labels, "beta": 1.0, "zero_division": "warn", "pos_label": 1}

                def prfs(d, sw):
                    p, r, f, s = metrics.precision_recall_fscore_support(
                        d["y_true"], d["y_pred"], labels=labels, average=avg_map[average], sample_weight=sw)
                    if s is None:
                        return [p, r, f]
                    return [len(p)] + list(p) + list(r) + list(f) + list(s)
                run(ds, "precision_recall_fscore_support", "-", kw, w, prfs, flatten=lambda r: r)
            for normalize in ("none", "true"):
                def cm(d, sw):
                    r = metrics.confusion_matrix(d["y_true"], d["y_pred"], labels=labels, sample_weight=sw,
                                                 normalize=None if normalize == "none" else normalize)
                    return [r.shape[0]] + list(r.ravel())
                run(ds, "confusion_matrix", "-", {"normalize": normalize, "labels": labels}, w, cm,
                    flatten=lambda r: r)
            for weights in ("none", "quadratic"):
                run(ds, "cohen_kappa_score", "-", {"weights": weights, "labels": labels}, w,
                    lambda d, sw: metrics.cohen_kappa_score(d["y_true"], d["y_pred"], labels=labels,
                                                            sample_weight=sw,
                                                            weights=None if weights == "none" else weights))

    # Losses on scores and probabilities.
    for ds in ["bin01", "bin37", "mc", "mc_absent", "mc4"]:
        mc = ds.startswith("mc")
        for w in (False, True):
            inp = "decision" if mc else "score"
            run(ds, "hinge_loss", inp, {}, w,
                lambda d, sw: metrics.hinge_loss(d["y_true"], d[inp], sample_weight=sw))
            for normalize in (1, 0):
                run(ds, "log_loss", "proba", {"normalize": normalize}, w,
                    lambda d, sw: metrics.log_loss(d["y_true"], d["proba"], normalize=bool(normalize),
                                                   sample_weight=sw))
            run(ds, "brier_score_loss", "proba", {}, w,
                lambda d, sw: metrics.brier_score_loss(d["y_true"], d["proba"], sample_weight=sw))
            for scale in ("0", "1"):
                run(ds, "brier_score_loss", "proba", {"scale_by_half": scale}, w,
                    lambda d, sw: metrics.brier_score_loss(d["y_true"], d["proba"], sample_weight=sw,
                                                           scale_by_half=scale == "1"))
            if not mc:
                lab = sorted(np.unique(sets[ds]["y_true"]))
                run(ds, "brier_score_loss", "proba", {"pos_label": lab[0]}, w,
                    lambda d, sw: metrics.brier_score_loss(d["y_true"], d["proba"], sample_weight=sw,
                                                           pos_label=lab[0]))
            for k in ((1, 2) if not mc else (1, 2, 3)):
                for normalize in (1, 0):
                    inp2 = "proba" if mc else "score"
                    run(ds, "top_k_accuracy_score", inp2, {"k": k, "normalize": normalize}, w,
                        lambda d, sw: metrics.top_k_accuracy_score(d["y_true"], d[inp2], k=k,
                                                                   normalize=bool(normalize), sample_weight=sw))
    # hinge / log_loss with labels naming a class absent from y_true.
    d = sets["mc"]
    keep = d["y_true"] != 7
    sub = dict(y_true=d["y_true"][keep], y_pred=d["y_pred"][keep], proba=d["proba"][keep],
               decision=d["decision"][keep], sw=d["sw"][keep])
    sets["mc_sub"] = sub
    for key, a in sub.items():
        np.save(OUT / f"mc_sub_{key}.npy", np.asarray(a, dtype=np.float64))
    for w in (False, True):
        run("mc_sub", "hinge_loss", "decision", {"labels": [-1, 3, 7]}, w,
            lambda d, sw: metrics.hinge_loss(d["y_true"], d["decision"], labels=[-1, 3, 7], sample_weight=sw))
        run("mc_sub", "log_loss", "proba", {"labels": [-1, 3, 7], "normalize": 1}, w,
            lambda d, sw: metrics.log_loss(d["y_true"], d["proba"], labels=[-1, 3, 7], sample_weight=sw))
        run("mc_sub", "top_k_accuracy_score", "proba", {"labels": [-1, 3, 7], "k": 1, "normalize": 1}, w,
            lambda d, sw: metrics.top_k_accuracy_score(d["y_true"], d["proba"], labels=[-1, 3, 7], k=1,
                                                       sample_weight=sw))
        run("mc_sub", "roc_auc_score", "proba", {"labels": [-1, 3, 7], "multi_class": "ovo", "average": "macro"},
            False, lambda d, sw: metrics.roc_auc_score(d["y_true"], d["proba"], labels=[-1, 3, 7],
                                                       multi_class="ovo"))

    # Ranking: curves and areas.
    def curve(fun):
        def flatten(r):
            a, b, t = r
            return [len(t)] + list(a) + list(b) + list(t)
        return flatten

    for ds in ["bin01", "bin37", "bigbin", "radix"]:
        pos = 7 if ds == "bin37" else None
        for w in (False, True):
            for drop in ((1, 0) if ds != "bigbin" else (None,)):
                kw = {} if drop is None else {"drop_intermediate": drop}
                if pos is not None:
                    kw["pos_label"] = pos
                run(ds, "roc_curve", "score", kw, w,
                    lambda d, sw: metrics.roc_curve(d["y_true"], d["score"], pos_label=pos, sample_weight=sw,
                                                    **({} if drop is None else {"drop_intermediate": bool(drop)})),
                    flatten=curve(None))
                run(ds, "precision_recall_curve", "score", kw, w,
                    lambda d, sw: metrics.precision_recall_curve(d["y_true"], d["score"], pos_label=pos,
                                                                 sample_weight=sw,
                                                                 **({} if drop is None else
                                                                    {"drop_intermediate": bool(drop)})),
                    flatten=curve(None))
                run(ds, "det_curve", "score", kw, w,
                    lambda d, sw: metrics.det_curve(d["y_true"], d["score"], pos_label=pos, sample_weight=sw,
                                                    **({} if drop is None else {"drop_intermediate": bool(drop)})),
                    flatten=curve(None))
            run(ds, "roc_auc_score", "score", {}, w,
                lambda d, sw: metrics.roc_auc_score(d["y_true"], d["score"], sample_weight=sw))
            for max_fpr in (0.1, 0.35, 0.5):
                run(ds, "roc_auc_score", "score", {"max_fpr": max_fpr}, w,
                    lambda d, sw: metrics.roc_auc_score(d["y_true"], d["score"], sample_weight=sw, max_fpr=max_fpr))
            ap_pos = 7 if ds == "bin37" else 1
            run(ds, "average_precision_score", "score", {"pos_label": ap_pos}, w,
                lambda d, sw: metrics.average_precision_score(d["y_true"], d["score"], pos_label=ap_pos,
                                                              sample_weight=sw))
    # Curves of one class against the others (pos_label on multiclass y_true).
    for w in (False, True):
        run("mc", "roc_curve", "decision0", {"pos_label": -1, "drop_intermediate": 1}, w,
            lambda d, sw: metrics.roc_curve(d["y_true"], d["decision"][:, 0], pos_label=-1, sample_weight=sw),
            flatten=curve(None))
    np.save(OUT / "mc_decision0.npy", sets["mc"]["decision"][:, 0])
    for ds in ["mc", "mc4"]:
        for w in (False, True):
            for mcls in ("ovr", "ovo"):
                for average in ("macro", "weighted") + (("micro",) if mcls == "ovr" else ()):
                    if mcls == "ovo" and w:
                        continue
                    run(ds, "roc_auc_score", "proba", {"multi_class": mcls, "average": average}, w,
                        lambda d, sw: metrics.roc_auc_score(d["y_true"], d["proba"], multi_class=mcls,
                                                            average=average, sample_weight=sw))
            run(ds, "roc_auc_score_per_class", "proba", {}, w,
                lambda d, sw: metrics.roc_auc_score(d["y_true"], d["proba"], multi_class="ovr", average=None,
                                                    sample_weight=sw), flatten=lambda r: [len(r)] + list(r))
            for average in ("macro", "weighted", "micro"):
                run(ds, "average_precision_score", "proba", {"average": average}, w,
                    lambda d, sw: metrics.average_precision_score(d["y_true"], d["proba"], average=average,
                                                                  sample_weight=sw))

    with open(OUT / "cases.csv", "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["dataset", "function", "input", "options", "weighted", "warned", "values"])
        writer.writerows(rows)

    # classification_report, byte for byte.
    reports = []

    def report(ds, weighted, **kw):
        d = sets[ds]
        sw = d["sw"] if weighted else None
        text_, warned = call(lambda: metrics.classification_report(d["y_true"].astype(int), d["y_pred"].astype(int),
                                                                   sample_weight=sw, **kw))
        i = len(reports)
        (OUT / f"report_{i}.txt").write_text(text_)
        o = {}
        if "labels" in kw:
            o["labels"] = kw["labels"]
        if "target_names" in kw:
            o["target_names"] = kw["target_names"]
        if "digits" in kw:
            o["digits"] = kw["digits"]
        if "zero_division" in kw:
            o["zero_division"] = {0.0: "0", 1.0: "1"}.get(kw["zero_division"], "nan") \
                if not isinstance(kw["zero_division"], str) else kw["zero_division"]
        reports.append([i, ds, opts(**o), int(weighted), warned])

    report("bin01", False)
    report("bin01", True)
    report("bin37", False, target_names=["negative", "positive"], digits=4)
    report("mc", False)
    report("mc", True, digits=3)
    report("mc_absent", False)
    report("mc_absent", True, zero_division=1.0)
    report("mc_absent", False, zero_division=np.nan)
    report("mc", False, labels=[7, -1])
    report("mc", False, labels=[3, 7, -1, 11], target_names=["three", "seven", "minus one", "eleven"])
    report("mc4", False, target_names=["a", "b", "c", "a rather long class name"], digits=0)
    report("mc4", True, digits=5)
    report("onepred", False, zero_division=0.0)
    with open(OUT / "reports.csv", "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["index", "dataset", "options", "weighted", "warned"])
        writer.writerows(reports)
    print(f"{len(rows)} cases, {len(reports)} reports written to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()

"""Reference trajectories for the stochastic optimizers of
optimize/include/scilearn/optimize/stochastic.hpp (tests/optimize/stochastic_test.cpp).

PyTorch is not among the installed peers (its PyPI wheel is the CUDA build,
gigabytes with its dependencies), so this script implements torch.optim's
update rules in NumPy (float64), written from the algorithm boxes of the
torch.optim documentation (https://pytorch.org/docs/stable/optim.html: SGD,
Adam, AdamW, RMSprop, Adagrad) with the order of operations of PyTorch's
single-tensor implementation where the formula leaves it open (lerp for the
first moment and RMSprop's grad_avg, sqrt(v) / sqrt(1 - beta2^t) + eps). It
cross-checks SGD with momentum / Nesterov and Adam against scikit-learn's own
sklearn.neural_network._stochastic_optimizers (SGDOptimizer, AdamOptimizer)
on the same gradients: SGD agrees to rounding (scikit-learn keeps the velocity
-lr b instead of the buffer b); scikit-learn's Adam adds eps before the bias
correction and agrees with the rule written that way (AdamEpsilon::
before_bias_correction on the C++ side), not with PyTorch's; both differences
are printed.

The problem: multinomial logistic regression (mean cross-entropy), W 4 x 3
and b of 3 entries, 60 samples, seed 0, 300 steps from a fixed start. Each
configuration records the gradient it was given at every step (evaluated at
its own iterate) and the parameters after some steps; the C++ test replays
the gradients, so its parameters follow the same trajectory up to rounding
of the update formulas.

Writes tests/data/optimize/stochastic/: manifest.csv (configuration,
checkpoint steps), NAME_grads.npy (steps x 15: W column by column, then b),
NAME_params.npy (checkpoints x 15), start.npy (15).

Run: .venv/bin/python tests/reference/optimize_stochastic.py
"""

from pathlib import Path

import numpy as np
import sklearn
from sklearn.neural_network._stochastic_optimizers import AdamOptimizer, SGDOptimizer

from fixture_io import fresh_dir, write_manifest

OUT = Path(__file__).resolve().parents[1] / "data" / "optimize" / "stochastic"
STEPS = 300
CHECKPOINTS = [1, 2, 3, 10, 50, 100, 150, 200, 299, 300]
D, K, N = 4, 3, 60


def lerp(start, end, weight):
    """torch.lerp with a scalar weight (two formulas, chosen by the weight)."""
    if weight < 0.5:
        return start + weight * (end - start)
    return end - (end - start) * (1 - weight)


class TorchRule:
    """One torch.optim algorithm on a list of float64 arrays, updated in place."""

    def __init__(self, kind, **hp):
        self.kind, self.hp = kind, hp
        self.state = None

    def step(self, params, grads):
        if self.state is None:
            self.state = [{"step": 0} for _ in params]
        for p, g, s in zip(params, grads, self.state):
            getattr(self, self.kind)(p, g.copy(), s, **self.hp)

    @staticmethod
    def sgd(p, g, s, lr, momentum=0.0, dampening=0.0, weight_decay=0.0, nesterov=False, maximize=False):
        if maximize:
            g = -g
        if weight_decay != 0:
            g = g + weight_decay * p
        if momentum != 0:
            if "buf" not in s:
                s["buf"] = g.copy()
            else:
                s["buf"] = momentum * s["buf"] + (1 - dampening) * g
            g = g + momentum * s["buf"] if nesterov else s["buf"]
        p += -lr * g

    @staticmethod
    def adam(p, g, s, lr, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.0, amsgrad=False, maximize=False,
             decoupled=False, eps_before=False):
        if s["step"] == 0:
            s["m"], s["v"], s["vmax"] = np.zeros_like(p), np.zeros_like(p), np.zeros_like(p)
        s["step"] += 1
        t = s["step"]
        if maximize:
            g = -g
        if weight_decay != 0:
            if decoupled:
                p *= 1 - lr * weight_decay
            else:
                g = g + weight_decay * p
        s["m"] = lerp(s["m"], g, 1 - beta1)
        s["v"] = beta2 * s["v"] + (1 - beta2) * g * g
        bc1, bc2 = 1 - beta1 ** t, 1 - beta2 ** t
        if amsgrad:
            s["vmax"] = np.maximum(s["vmax"], s["v"])
        second = s["vmax"] if amsgrad else s["v"]
        if eps_before:
            p += -(lr * np.sqrt(bc2) / bc1) * s["m"] / (np.sqrt(second) + eps)
        else:
            p += -(lr / bc1) * (s["m"] / (np.sqrt(second) / np.sqrt(bc2) + eps))

    @staticmethod
    def rmsprop(p, g, s, lr, alpha=0.99, eps=1e-8, weight_decay=0.0, momentum=0.0, centered=False, maximize=False):
        if s["step"] == 0:
            s["sq"], s["buf"], s["ga"] = np.zeros_like(p), np.zeros_like(p), np.zeros_like(p)
        s["step"] += 1
        if maximize:
            g = -g
        if weight_decay != 0:
            g = g + weight_decay * p
        s["sq"] = alpha * s["sq"] + (1 - alpha) * g * g
        if centered:
            s["ga"] = lerp(s["ga"], g, 1 - alpha)
            avg = np.sqrt(s["sq"] - s["ga"] * s["ga"])
        else:
            avg = np.sqrt(s["sq"])
        avg = avg + eps
        if momentum > 0:
            s["buf"] = momentum * s["buf"] + g / avg
            p += -lr * s["buf"]
        else:
            p += -lr * (g / avg)

    @staticmethod
    def adagrad(p, g, s, lr, lr_decay=0.0, weight_decay=0.0, initial_accumulator_value=0.0, eps=1e-10,
                maximize=False):
        if s["step"] == 0:
            s["sum"] = np.full_like(p, initial_accumulator_value)
        s["step"] += 1
        if maximize:
            g = -g
        if weight_decay != 0:
            g = g + weight_decay * p
        clr = lr / (1 + (s["step"] - 1) * lr_decay)
        s["sum"] = s["sum"] + g * g
        p += -clr * (g / (np.sqrt(s["sum"]) + eps))


# name: (rule, hyper-parameters, learning-rate schedule {step before which: new lr}).
# The C++ test maps each name to the same Params.
CONFIGS = {
    "sgd": ("sgd", {"lr": 0.5}, {}),
    "sgd_momentum": ("sgd", {"lr": 0.1, "momentum": 0.9, "dampening": 0.1, "weight_decay": 1e-3}, {}),
    "sgd_nesterov": ("sgd", {"lr": 0.1, "momentum": 0.9, "nesterov": True, "weight_decay": 1e-2}, {}),
    "sgd_schedule": ("sgd", {"lr": 0.2, "momentum": 0.5}, {101: 0.1, 201: 0.05}),
    "adam": ("adam", {"lr": 1e-2}, {}),
    "adam_amsgrad_l2": ("adam", {"lr": 2e-2, "beta1": 0.8, "beta2": 0.99, "weight_decay": 1e-2, "amsgrad": True}, {}),
    "adam_beta1_small": ("adam", {"lr": 1e-2, "beta1": 0.3, "eps": 1e-6}, {}),
    "adam_maximize": ("adam", {"lr": 1e-2, "maximize": True}, {}),
    "adam_schedule": ("adam", {"lr": 3e-2}, {101: 1e-2, 201: 3e-3}),
    "adam_eps_before": ("adam", {"lr": 1e-2, "eps": 1e-3, "eps_before": True}, {}),
    "adamw": ("adam", {"lr": 1e-2, "weight_decay": 1e-2, "decoupled": True}, {}),
    "adamw_amsgrad": ("adam", {"lr": 1e-2, "weight_decay": 0.1, "decoupled": True, "amsgrad": True}, {}),
    "rmsprop": ("rmsprop", {"lr": 1e-2}, {}),
    "rmsprop_centered_momentum": ("rmsprop", {"lr": 1e-3, "alpha": 0.9, "momentum": 0.9, "centered": True,
                                              "weight_decay": 1e-3}, {}),
    "rmsprop_alpha_small": ("rmsprop", {"lr": 1e-2, "alpha": 0.3, "centered": True}, {}),
    "adagrad": ("adagrad", {"lr": 0.1}, {}),
    "adagrad_decay": ("adagrad", {"lr": 0.2, "lr_decay": 1e-2, "weight_decay": 1e-3,
                                  "initial_accumulator_value": 0.1, "eps": 1e-8}, {}),
}


def problem():
    rng = np.random.default_rng(0)
    X = rng.standard_normal((N, D))
    W_true = rng.standard_normal((D, K))
    y = np.argmax(X @ W_true + 0.5 * rng.standard_normal((N, K)), axis=1)
    Y = np.eye(K)[y]
    start = [0.1 * rng.standard_normal((D, K)), 0.1 * rng.standard_normal(K)]
    return X, Y, start


def gradient(X, Y, W, b):
    Z = X @ W + b
    Z -= Z.max(axis=1, keepdims=True)
    P = np.exp(Z)
    P /= P.sum(axis=1, keepdims=True)
    R = (P - Y) / len(X)
    return [X.T @ R, R.sum(axis=0)]


def flat(arrays):
    return np.concatenate([arrays[0].ravel(order="F"), arrays[1]])


def unflat(v):
    return [v[:D * K].reshape((D, K), order="F").copy(), v[D * K:].copy()]


def run(rule, X, Y, start, schedule, replay=None):
    """Runs rule (an object with step(params, grads) and a settable lr) for
    STEPS steps; gradients at the iterates, or replayed from `replay`."""
    params = [a.copy() for a in start]
    grads_seen, checkpoints = [], []
    for t in range(1, STEPS + 1):
        if t in schedule:
            rule.set_lr(schedule[t])
        grads = gradient(X, Y, *params) if replay is None else unflat(replay[t - 1])
        grads_seen.append(flat(grads))
        rule.step(params, grads)
        if t in CHECKPOINTS:
            checkpoints.append(flat(params))
    return np.array(grads_seen), np.array(checkpoints)


class Torch:
    def __init__(self, kind, hp):
        self.rule = TorchRule(kind, **hp)

    def set_lr(self, lr):
        self.rule.hp["lr"] = lr

    def step(self, params, grads):
        self.rule.step(params, grads)


class Sklearn:
    def __init__(self, cls, params, **kw):
        self.opt = cls([p for p in params], **kw)

    def set_lr(self, lr):
        raise NotImplementedError

    def step(self, params, grads):
        self.opt.update_params(params, grads)


def max_rel(a, b):
    return float(np.max(np.abs(a - b) / np.maximum(np.abs(b), 1e-300)))


def main():
    fresh_dir(OUT)
    X, Y, start = problem()
    np.save(OUT / "start.npy", flat(start))
    rows = []
    trajectories = {}
    for name, (kind, hp, schedule) in CONFIGS.items():
        grads, checkpoints = run(Torch(kind, hp), X, Y, start, schedule)
        trajectories[name] = (grads, checkpoints)
        np.save(OUT / f"{name}_grads.npy", grads)
        np.save(OUT / f"{name}_params.npy", checkpoints)
        rows.append([name, " ".join(str(c) for c in CHECKPOINTS)])
    write_manifest(OUT / "manifest.csv", ["config", "checkpoints"], rows)

    # Cross-checks with scikit-learn on the same gradients.
    grads, ours = trajectories["sgd"]
    _, sk = run(Sklearn(SGDOptimizer, start, learning_rate_init=0.5, momentum=0.0, nesterov=False), X, Y,
                start, {}, replay=grads)
    print(f"SGD vs sklearn SGDOptimizer: max relative difference {max_rel(sk, ours):.2e}")
    assert max_rel(sk, ours) < 1e-12
    for momentum, nesterov in ((0.9, False), (0.9, True)):
        hp = {"lr": 0.1, "momentum": momentum, "nesterov": nesterov}
        grads, ours = run(Torch("sgd", hp), X, Y, start, {})
        _, sk = run(Sklearn(SGDOptimizer, start, learning_rate_init=0.1, momentum=momentum,
                            nesterov=nesterov), X, Y, start, {}, replay=grads)
        print(f"SGD momentum {momentum} nesterov {nesterov} vs sklearn SGDOptimizer: "
              f"max relative difference {max_rel(sk, ours):.2e}")
        assert max_rel(sk, ours) < 1e-10
    grads, ours = trajectories["adam_eps_before"]
    _, sk = run(Sklearn(AdamOptimizer, start, learning_rate_init=1e-2, epsilon=1e-3), X, Y, start, {}, replay=grads)
    np.save(OUT / "adam_sklearn_params.npy", sk)
    print(f"Adam, eps before the bias correction, vs sklearn AdamOptimizer: max relative difference "
          f"{max_rel(sk, ours):.2e}")
    assert max_rel(sk, ours) < 1e-10
    _, torch_rule = run(Torch("adam", {"lr": 1e-2, "eps": 1e-3}), X, Y, start, {}, replay=grads)
    gap = float(np.max(np.abs(torch_rule - sk)) / np.max(np.abs(sk)))
    print(f"  PyTorch's placement of eps on the same gradients differs by {gap:.2e} (max |difference| / max |p|)")
    print(f"sklearn {sklearn.__version__}, numpy {np.__version__}: {len(rows)} configurations written to {OUT}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Generate the Keras/TensorFlow parity fixture for RegViz's Swift trainer.

The fixture lives at Tests/NeuralCoreTests/Fixtures/keras_parity.json.  Each
case trains a small Keras ``Sequential`` of ``Dense`` layers (float32, last
layer linear, ``CategoricalCrossentropy(from_logits=True)``, per-layer kernel
L1/L2/L1L2 regularizers, bias unregularized) full-batch with
``model.fit(X, Y, batch_size=n, epochs=steps, shuffle=False)`` and records the
inputs, the initial and final weights (``get_weights()``, kernels as [in][out])
and ``history.history['loss']`` (which in Keras includes the penalty).

Rerun (needs TensorFlow + Keras 3; CPU only, a few seconds):

    python3 -m venv /tmp/kpvenv
    /tmp/kpvenv/bin/pip install tensorflow-cpu keras      # numpy comes with them
    /tmp/kpvenv/bin/python scripts/keras_parity.py > Tests/NeuralCoreTests/Fixtures/keras_parity.json
    # or: ... scripts/keras_parity.py Tests/NeuralCoreTests/Fixtures/keras_parity.json

Check an existing fixture against an independent float32 numpy
implementation of forward/backward/SGD/momentum/Adam (needs only numpy):

    python3 scripts/keras_parity.py --check Tests/NeuralCoreTests/Fixtures/keras_parity.json

Semantics the numpy reference encodes (and the Swift trainer must match):
  * loss = mean_batch(softmax cross-entropy) + sum_layers(l1*sum|W| + l2*sum W^2)
    and history['loss'][k] is that loss evaluated *before* update k.
  * penalty gradient: l1*sign(W) (sign(0)=0) + 2*l2*W  (no 1/2 factor).
  * SGD with momentum (Keras form): m = momentum*m - lr*g; w = w + m.
    Without momentum: w = w - lr*g.
  * Adam (Keras 3 form): t = step (1-based);
    alpha = lr*sqrt(1-b2^t)/(1-b1^t); m += (g-m)*(1-b1); v += (g^2-v)*(1-b2);
    w -= m*alpha/(sqrt(v)+eps)   -- eps is added to the *uncorrected* sqrt(v),
    i.e. equivalent to m_hat/(sqrt(v_hat) + eps/sqrt(1-b2^t)).

Reproducibility: PYTHONHASHSEED=0, TF_DETERMINISTIC_OPS=1, one intra/inter-op
thread, CUDA hidden, model compiled with jit_compile=False (plain TF kernels).
"""

import json
import os
import sys

os.environ.setdefault("PYTHONHASHSEED", "0")
os.environ.setdefault("TF_DETERMINISTIC_OPS", "1")
os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np  # noqa: E402

BASE_SEED = 20240611

# name, inputs, hidden, activation, classes, n, regularizers (one per Dense
# layer, output included), optimizer, steps
CASES = [
    dict(name="sgd_l1_l2_tanh", inputs=4, hidden=[5], activation="tanh",
         classes=3, n=12,
         regularizers=[dict(l1=0.01, l2=0.0), dict(l1=0.0, l2=0.01)],
         optimizer=dict(name="sgd", learning_rate=0.1, momentum=0.0),
         steps=200),
    dict(name="sgd_relu_l1l2", inputs=6, hidden=[8, 4], activation="relu",
         classes=3, n=16,
         regularizers=[dict(l1=0.005, l2=0.01)] * 3,
         optimizer=dict(name="sgd", learning_rate=0.05, momentum=0.0),
         steps=200),
    dict(name="sgd_momentum_sigmoid", inputs=3, hidden=[4],
         activation="sigmoid", classes=2, n=10,
         regularizers=[dict(l1=0.0, l2=0.02), dict(l1=0.0, l2=0.0)],
         optimizer=dict(name="sgd", learning_rate=0.1, momentum=0.9),
         steps=100),
    dict(name="adam_l1", inputs=5, hidden=[6], activation="tanh", classes=3,
         n=12,
         regularizers=[dict(l1=0.01, l2=0.0), dict(l1=0.01, l2=0.0)],
         optimizer=dict(name="adam", learning_rate=0.01, beta_1=0.9,
                        beta_2=0.999, epsilon=1e-7),
         steps=100),
    dict(name="sgd_none_linear", inputs=4, hidden=[5], activation="linear",
         classes=3, n=9,
         regularizers=[dict(l1=0.0, l2=0.0), dict(l1=0.0, l2=0.0)],
         optimizer=dict(name="sgd", learning_rate=0.2, momentum=0.0),
         steps=50),
]


# ---------------------------------------------------------------- data ----

def make_data(index, case):
    rng = np.random.default_rng(BASE_SEED + index)
    n, d, k = case["n"], case["inputs"], case["classes"]
    x = np.round(rng.standard_normal((n, d)), 4).astype(np.float32)
    y = rng.permutation(np.arange(n) % k).astype(np.int64)  # every class present
    return x, y


def one_hot(y, k):
    out = np.zeros((len(y), k), dtype=np.float32)
    out[np.arange(len(y)), y] = 1.0
    return out


# --------------------------------------------------------- JSON output ----

def f32_token(v):
    """Shortest decimal that round-trips to the same float32 (also via double)."""
    v = np.float32(v)
    if not np.isfinite(v):
        raise ValueError(f"non-finite value {v}")
    s = str(v)  # numpy prints the shortest unique float32 repr
    if s.endswith(".0"):
        s = s[:-2]
    back = np.float32(float(s))
    if back.view(np.uint32) != v.view(np.uint32) and not (v == 0 and back == 0):
        raise AssertionError(f"{s} does not round-trip to {v!r}")
    return s


class F32List:
    """Marker wrapper: a flat list of float32 values printed on one line."""

    def __init__(self, values):
        self.values = [f32_token(v) for v in np.asarray(values).ravel()]


def dump(obj, indent=0):
    pad = " " * indent
    if isinstance(obj, F32List):
        return "[" + ", ".join(obj.values) + "]"
    if isinstance(obj, dict) and all(
            isinstance(v, (int, float, str)) for v in obj.values()):
        return json.dumps(obj)
    if isinstance(obj, dict):
        items = [f'{pad} {json.dumps(k)}: {dump(v, indent + 1)}'
                 for k, v in obj.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(obj, list):
        if all(isinstance(v, (int, float, str)) and not isinstance(v, bool)
               for v in obj):
            return json.dumps(obj)
        items = [pad + " " + dump(v, indent + 1) for v in obj]
        return "[\n" + ",\n".join(items) + "\n" + pad + "]"
    return json.dumps(obj)


def matrix(a):
    return [F32List(row) for row in np.asarray(a, dtype=np.float32)]


def layers_json(weights):
    out = []
    for kernel, bias in zip(weights[0::2], weights[1::2]):
        out.append({"kernel": matrix(kernel), "bias": F32List(bias)})
    return {"layers": out}


# -------------------------------------------------------- Keras side ----

def run_keras(index, case, tf, keras):
    keras.utils.set_random_seed(BASE_SEED + index)
    x, y = make_data(index, case)
    Y = one_hot(y, case["classes"])

    sizes = case["hidden"] + [case["classes"]]
    model = keras.Sequential([keras.Input(shape=(case["inputs"],),
                                          dtype="float32")])
    for li, (units, reg) in enumerate(zip(sizes, case["regularizers"])):
        last = li == len(sizes) - 1
        if reg["l1"] and reg["l2"]:
            r = keras.regularizers.L1L2(l1=reg["l1"], l2=reg["l2"])
        elif reg["l1"]:
            r = keras.regularizers.L1(reg["l1"])
        elif reg["l2"]:
            r = keras.regularizers.L2(reg["l2"])
        else:
            r = None
        model.add(keras.layers.Dense(
            units,
            activation=None if last else case["activation"],
            kernel_initializer=keras.initializers.GlorotUniform(
                seed=BASE_SEED + 100 * index + li),
            bias_initializer="zeros",
            kernel_regularizer=r,
            dtype="float32"))

    opt = case["optimizer"]
    if opt["name"] == "sgd":
        optimizer = keras.optimizers.SGD(learning_rate=opt["learning_rate"],
                                         momentum=opt["momentum"])
    else:
        optimizer = keras.optimizers.Adam(learning_rate=opt["learning_rate"],
                                          beta_1=opt["beta_1"],
                                          beta_2=opt["beta_2"],
                                          epsilon=opt["epsilon"])
    model.compile(optimizer=optimizer,
                  loss=keras.losses.CategoricalCrossentropy(from_logits=True),
                  jit_compile=False)

    initial = [w.astype(np.float32) for w in model.get_weights()]
    history = model.fit(x, Y, batch_size=case["n"], epochs=case["steps"],
                        shuffle=False, verbose=0)
    final = [w.astype(np.float32) for w in model.get_weights()]
    losses = history.history["loss"]
    assert len(losses) == case["steps"]

    out = {k: case[k] for k in ("name", "inputs", "hidden", "activation",
                                "classes", "regularizers", "optimizer",
                                "steps")}
    out["x"] = matrix(x)
    out["y"] = [int(v) for v in y]
    out["initial"] = layers_json(initial)
    out["final"] = layers_json(final)
    out["loss_history"] = F32List(losses)
    return out


def generate():
    import tensorflow as tf
    import keras

    tf.config.threading.set_intra_op_parallelism_threads(1)
    tf.config.threading.set_inter_op_parallelism_threads(1)
    tf.config.experimental.enable_op_determinism()

    cases = [run_keras(i, c, tf, keras) for i, c in enumerate(CASES)]
    return {"generator": "scripts/keras_parity.py",
            "keras_version": keras.__version__,
            "tensorflow_version": tf.__version__,
            "cases": cases}


# ------------------------------------------- independent numpy check ----

F = np.float32


def act_fwd(name, z):
    if name == "tanh":
        return np.tanh(z)
    if name == "relu":
        return np.maximum(z, F(0))
    if name == "sigmoid":
        return F(1) / (F(1) + np.exp(-z))
    if name in ("linear", None):
        return z
    raise ValueError(name)


def act_grad(name, z, a):
    if name == "tanh":
        return F(1) - a * a
    if name == "relu":
        return (z > 0).astype(F)
    if name == "sigmoid":
        return a * (F(1) - a)
    if name in ("linear", None):
        return np.ones_like(z)
    raise ValueError(name)


def np_loss_and_grads(case, Ws, bs, x, Y):
    n = x.shape[0]
    acts, zs = [x], []
    a = x
    for li, (W, b) in enumerate(zip(Ws, bs)):
        z = a @ W + b
        zs.append(z)
        a = z if li == len(Ws) - 1 else act_fwd(case["activation"], z)
        acts.append(a)
    logits = acts[-1]
    shifted = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    s = e.sum(axis=1, keepdims=True)
    logp = shifted - np.log(s)
    ce = -(Y * logp).sum(axis=1).mean(dtype=F)
    penalty = F(0)
    for W, reg in zip(Ws, case["regularizers"]):
        penalty += F(reg["l1"]) * np.abs(W).sum(dtype=F)
        penalty += F(reg["l2"]) * (W * W).sum(dtype=F)
    loss = F(ce + penalty)

    delta = (e / s - Y) / F(n)
    gWs, gbs = [None] * len(Ws), [None] * len(Ws)
    for li in range(len(Ws) - 1, -1, -1):
        gWs[li] = acts[li].T @ delta
        gbs[li] = delta.sum(axis=0)
        if li > 0:
            delta = (delta @ Ws[li].T) * act_grad(case["activation"],
                                                  zs[li - 1], acts[li])
    for li, reg in enumerate(case["regularizers"]):
        gWs[li] = (gWs[li] + F(reg["l1"]) * np.sign(Ws[li])
                   + F(2 * reg["l2"]) * Ws[li]).astype(F)
    return loss, gWs, gbs


def np_train(case):
    x = np.array(case["x"], dtype=F)
    Y = one_hot(np.array(case["y"]), case["classes"])
    Ws = [np.array(l["kernel"], dtype=F) for l in case["initial"]["layers"]]
    bs = [np.array(l["bias"], dtype=F) for l in case["initial"]["layers"]]
    params = [p for pair in zip(Ws, bs) for p in pair]
    opt = case["optimizer"]
    lr = F(opt["learning_rate"])
    slots1 = [np.zeros_like(p) for p in params]
    slots2 = [np.zeros_like(p) for p in params]
    losses = []
    for t in range(1, case["steps"] + 1):
        Ws, bs = params[0::2], params[1::2]
        loss, gWs, gbs = np_loss_and_grads(case, Ws, bs, x, Y)
        losses.append(loss)
        grads = [g for pair in zip(gWs, gbs) for g in pair]
        new = []
        for i, (p, g) in enumerate(zip(params, grads)):
            if opt["name"] == "sgd":
                mom = F(opt["momentum"])
                if mom != 0:
                    slots1[i] = slots1[i] * mom - g * lr
                    p = p + slots1[i]
                else:
                    p = p - g * lr
            else:
                b1, b2 = F(opt["beta_1"]), F(opt["beta_2"])
                # Keras computes 1 - beta in Python double, then casts:
                # float32(1 - 0.999) = 0.001, not 1f - 0.999f = 0.0010000467.
                one_m_b1 = F(1.0 - opt["beta_1"])
                one_m_b2 = F(1.0 - opt["beta_2"])
                eps = F(opt["epsilon"])
                tt = F(t)
                alpha = lr * np.sqrt(F(1) - b2 ** tt) / (F(1) - b1 ** tt)
                slots1[i] = slots1[i] + (g - slots1[i]) * one_m_b1
                slots2[i] = slots2[i] + (g * g - slots2[i]) * one_m_b2
                p = p - (slots1[i] * alpha) / (np.sqrt(slots2[i]) + eps)
            new.append(p.astype(F))
        params = new
    return params, np.array(losses, dtype=F)


def check(path):
    with open(path) as fh:
        fixture = json.load(fh)
    worst = 0.0
    for case in fixture["cases"]:
        params, losses = np_train(case)
        keras_final = [np.array(a, dtype=F) for l in case["final"]["layers"]
                       for a in (l["kernel"], l["bias"])]
        wdiff = max(float(np.abs(p - k).max())
                    for p, k in zip(params, keras_final))
        kl = np.array(case["loss_history"], dtype=F)
        ldiff = float(np.abs(losses - kl).max())
        moved = max(float(np.abs(np.array(a, dtype=F) - k).max())
                    for a, k in zip(
                        [np.array(a, dtype=F) for l in case["initial"]["layers"]
                         for a in (l["kernel"], l["bias"])], keras_final))
        print(f"{case['name']:24s} max|w_np - w_keras| = {wdiff:.3e}   "
              f"max|loss_np - loss_keras| = {ldiff:.3e}   "
              f"(weights moved up to {moved:.3f}; loss {kl[0]:.4f} -> "
              f"{kl[-1]:.4f})")
        worst = max(worst, wdiff, ldiff)
    print(f"worst difference: {worst:.3e}")
    return 0 if worst < 1e-4 else 1


def main(argv):
    if argv and argv[0] == "--check":
        path = argv[1] if len(argv) > 1 else os.path.join(
            os.path.dirname(os.path.abspath(__file__)), "..", "Tests",
            "NeuralCoreTests", "Fixtures", "keras_parity.json")
        return check(path)
    text = dump(generate()) + "\n"
    if argv:
        os.makedirs(os.path.dirname(os.path.abspath(argv[0])), exist_ok=True)
        with open(argv[0], "w") as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

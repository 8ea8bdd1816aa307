#!/usr/bin/env python3
"""Training throughput of Keras and of hand-written numpy, for comparison with `regviz bench`.

What it measures: samples/s of full training steps (forward, backward, SGD update) for the
Iris-shaped Dense network 4-10-10-3 (relu hidden layers, 3-class softmax + categorical
cross-entropy), batch 150 (full batch of 150 random samples: x ~ N(0,1) float32, labels
0..2), SGD lr 0.01, an L1(0.001) kernel regularizer on every Dense layer (biases
unregularized), on ONE thread. Each figure is the median over --reps repetitions, each
repetition running whole steps until at least --min-seconds have passed, after a warm-up.
samples/s = steps * 150 / wall time. Methods:

  keras-fit   Keras 3 `model.fit(x, y, batch_size=150, epochs=E, verbose=0, shuffle=False)`,
              one step per epoch; E is calibrated from the warm-up so a repetition lasts
              >= --min-seconds. Includes model.fit's per-epoch overhead (callbacks, iterator),
              which is what a Keras user pays.
  keras-fit-ds  the same model.fit but fed a cached `tf.data.Dataset` of the 150 samples
              (extra row: shows how much of keras-fit is the per-epoch cost of adapting
              numpy arrays, since here every epoch is a single step).
  keras-tf    Keras model + `@tf.function` train step (GradientTape, loss + model.losses,
              optimizer.apply_gradients), called from a Python loop.
  numpy       float32 numpy by hand: forward, softmax-CE backward, L1 subgradient
              l1*sign(W) + SGD update (the same rule Keras applies).

The last layer is linear and the loss is CategoricalCrossentropy(from_logits=True), i.e.
softmax fused into the loss (as in scripts/keras_parity.py). Note `regviz bench` applies
L1 by a proximal step (l1Rule .prox) and cycles 4 batches of 600 samples; the work per
step is the same.

Threads: OMP_NUM_THREADS / OPENBLAS_NUM_THREADS / MKL_NUM_THREADS = 1 are set before numpy
is imported; TF intra-op and inter-op threads = 1 before any TF op runs; CUDA is hidden.
OPENBLAS_CORETYPE, if the machine sets it, is left as it is.

Run (CPU only, about 1.5 minutes):

    python3 -m venv /tmp/kpvenv
    /tmp/kpvenv/bin/pip install tensorflow-cpu keras      # numpy comes with them
    /tmp/kpvenv/bin/python scripts/compare_frameworks.py            # table
    /tmp/kpvenv/bin/python scripts/compare_frameworks.py --json     # JSON
    # --only numpy needs only numpy; --reps N, --min-seconds S

Pip packages: tensorflow-cpu, keras (3.x), numpy. PyTorch is not measured.
"""

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"
os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

SIZES = [4, 10, 10, 3]
BATCH = 150
LR = 0.01
L1 = 0.001
SEED = 42


def make_data():
    rng = np.random.default_rng(SEED)
    x = rng.standard_normal((BATCH, SIZES[0])).astype(np.float32)
    labels = rng.integers(0, SIZES[-1], size=BATCH)
    y = np.eye(SIZES[-1], dtype=np.float32)[labels]
    return x, y


def timed_reps(run_steps, steps_per_second_guess, reps, min_seconds):
    """run_steps(n) runs n training steps and returns when they are done.
    Returns (rates in samples/s, steps per repetition)."""
    steps = max(1, int(steps_per_second_guess * min_seconds * 1.1) + 1)
    rates = []
    while len(rates) < reps:
        start = time.perf_counter()
        run_steps(steps)
        elapsed = time.perf_counter() - start
        if elapsed < min_seconds:  # too short (machine got faster): recalibrate, discard
            steps = int(steps * min_seconds / max(elapsed, 1e-6) * 1.1) + 1
            continue
        rates.append(steps * BATCH / elapsed)
    return rates, steps


def calibrate(run_steps, first=20):
    """Steps per second from a short timed warm-up (after one untimed call)."""
    run_steps(first)
    n = first
    while True:
        start = time.perf_counter()
        run_steps(n)
        elapsed = time.perf_counter() - start
        if elapsed >= 0.25:
            return n / elapsed
        n *= 4


# ---------------------------------------------------------------- numpy

_LR32, _L132 = np.float32(LR), np.float32(L1)
_INV_N = np.float32(1.0 / BATCH)


def numpy_step(Ws, bs, x, y):
    """One float32 training step in place: forward, softmax-CE backward, L1 subgradient, SGD."""
    acts = [x]
    h = x
    last = len(Ws) - 1
    for i in range(len(Ws)):
        z = h @ Ws[i] + bs[i]
        h = np.maximum(z, np.float32(0)) if i < last else z
        acts.append(h)
    logits = acts[-1]
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    p = e / e.sum(axis=1, keepdims=True)
    d = (p - y) * _INV_N  # d(mean CE)/dlogits
    for i in range(last, -1, -1):
        gW = acts[i].T @ d + _L132 * np.sign(Ws[i])
        gb = d.sum(axis=0)
        if i > 0:
            d = (d @ Ws[i].T) * (acts[i] > 0)
        Ws[i] -= _LR32 * gW
        bs[i] -= _LR32 * gb


def bench_numpy(reps, min_seconds):
    x, y = make_data()
    rng = np.random.default_rng(1)
    Ws, bs = [], []
    for fan_in, fan_out in zip(SIZES[:-1], SIZES[1:]):
        limit = np.sqrt(6.0 / (fan_in + fan_out))  # Glorot uniform, as Keras
        Ws.append(rng.uniform(-limit, limit, (fan_in, fan_out)).astype(np.float32))
        bs.append(np.zeros(fan_out, dtype=np.float32))
    def run_steps(n):
        for _ in range(n):
            numpy_step(Ws, bs, x, y)

    def loss():
        h = x
        for i in range(len(Ws)):
            z = h @ Ws[i] + bs[i]
            h = np.maximum(z, 0) if i < len(Ws) - 1 else z
        m = h.max(axis=1, keepdims=True)
        logp = h - m - np.log(np.exp(h - m).sum(axis=1, keepdims=True))
        return float(-(y * logp).sum(axis=1).mean() + L1 * sum(np.abs(W).sum() for W in Ws))

    rate = calibrate(run_steps)
    rates, steps = timed_reps(run_steps, rate, reps, min_seconds)
    assert all(W.dtype == np.float32 and b.dtype == np.float32 for W, b in zip(Ws, bs)), "not float32"
    return rates, steps, loss()


# ---------------------------------------------------------------- Keras

def setup_tf():
    import tensorflow as tf
    tf.config.threading.set_intra_op_parallelism_threads(1)
    tf.config.threading.set_inter_op_parallelism_threads(1)
    import keras
    return tf, keras


def build_model(keras):
    keras.utils.set_random_seed(1)
    reg = lambda: keras.regularizers.L1(L1)  # noqa: E731
    layers = [keras.Input(shape=(SIZES[0],))]
    for width in SIZES[1:-1]:
        layers.append(keras.layers.Dense(width, activation="relu", kernel_regularizer=reg()))
    layers.append(keras.layers.Dense(SIZES[-1], kernel_regularizer=reg()))
    return keras.Sequential(layers)


def bench_keras_fit(tf, keras, reps, min_seconds, dataset=False):
    x, y = make_data()
    ds = tf.data.Dataset.from_tensor_slices((x, y)).batch(BATCH).cache() if dataset else None
    model = build_model(keras)
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=LR),
                  loss=keras.losses.CategoricalCrossentropy(from_logits=True),
                  jit_compile=False)
    last = [float("nan")]

    def run_steps(n):
        if dataset:
            h = model.fit(ds, epochs=n, verbose=0, shuffle=False)
        else:
            h = model.fit(x, y, batch_size=BATCH, epochs=n, verbose=0, shuffle=False)
        last[0] = float(h.history["loss"][-1])

    # calibrate() warms up (first fit traces) and times; then the timed fits.
    rate = calibrate(run_steps, first=5)
    rates, steps = timed_reps(run_steps, rate, reps, min_seconds)
    return rates, steps, last[0]


def bench_keras_tf_function(tf, keras, reps, min_seconds):
    x_np, y_np = make_data()
    x, y = tf.constant(x_np), tf.constant(y_np)
    model = build_model(keras)
    loss_fn = keras.losses.CategoricalCrossentropy(from_logits=True)
    opt = keras.optimizers.SGD(learning_rate=LR)
    opt.build(model.trainable_variables)

    @tf.function(jit_compile=False)
    def train_step(xb, yb):
        with tf.GradientTape() as tape:
            logits = model(xb, training=True)
            loss = loss_fn(yb, logits) + tf.add_n(model.losses)
        grads = tape.gradient(loss, model.trainable_variables)
        opt.apply_gradients(zip(grads, model.trainable_variables))
        return loss

    last = [float("nan")]

    def run_steps(n):
        loss = None
        for _ in range(n):
            loss = train_step(x, y)
        last[0] = float(loss.numpy())  # waits for the last step

    rate = calibrate(run_steps)
    rates, steps = timed_reps(run_steps, rate, reps, min_seconds)
    return rates, steps, last[0]


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--min-seconds", type=float, default=2.0)
    ap.add_argument("--only", choices=["keras-fit", "keras-fit-ds", "keras-tf", "numpy"], action="append",
                    help="run only these methods (repeatable)")
    args = ap.parse_args()
    methods = args.only or ["keras-fit", "keras-fit-ds", "keras-tf", "numpy"]

    info = {"net": "-".join(map(str, SIZES)), "batch": BATCH, "lr": LR, "l1": L1, "threads": 1,
            "reps": args.reps, "min_seconds": args.min_seconds,
            "python": platform.python_version(), "numpy": np.__version__,
            "machine": platform.machine(),
            "openblas_coretype": os.environ.get("OPENBLAS_CORETYPE")}
    try:
        with open("/proc/cpuinfo") as f:
            info["cpu"] = next((ln.split(":", 1)[1].strip() for ln in f if ln.startswith("model name")), None)
    except OSError:
        info["cpu"] = None
    info["cpus"] = os.cpu_count()
    try:
        info["loadavg_before"] = list(os.getloadavg())
    except OSError:
        pass

    results = []
    tf = keras = None
    if any(m.startswith("keras") for m in methods):
        tf, keras = setup_tf()
        info["tensorflow"] = tf.__version__
        info["keras"] = keras.__version__
    runners = {"keras-fit": lambda: bench_keras_fit(tf, keras, args.reps, args.min_seconds),
               "keras-fit-ds": lambda: bench_keras_fit(tf, keras, args.reps, args.min_seconds, dataset=True),
               "keras-tf": lambda: bench_keras_tf_function(tf, keras, args.reps, args.min_seconds),
               "numpy": lambda: bench_numpy(args.reps, args.min_seconds)}
    labels = {"keras-fit": "Keras model.fit",
              "keras-fit-ds": "Keras model.fit (tf.data)",
              "keras-tf": "Keras + @tf.function loop",
              "numpy": "numpy by hand (float32)"}
    for m in methods:
        if not args.json:
            print(f"running {m} ...", file=sys.stderr, flush=True)
        rates, steps, final_loss = runners[m]()
        results.append({"method": m, "label": labels[m],
                        "samples_per_s_median": statistics.median(rates),
                        "samples_per_s": rates,
                        "us_per_step_median": 1e6 * BATCH / statistics.median(rates),
                        "steps_per_rep": steps, "final_loss": final_loss})
    try:
        info["loadavg_after"] = list(os.getloadavg())
    except OSError:
        pass

    if args.json:
        print(json.dumps({"info": info, "results": results}, indent=2))
        return
    print(f"Training throughput, {info['net']}, batch {BATCH}, SGD lr {LR}, L1 {L1} on every layer, "
          f"1 thread; median of {args.reps} reps of >= {args.min_seconds:g} s")
    print(f"CPU: {info['cpu']} ({info['cpus']} CPUs), Python {info['python']}, numpy {info['numpy']}"
          + (f", TF {info['tensorflow']}, Keras {info['keras']}" if "tensorflow" in info else ""))
    print()
    print(f"{'method':<28}{'samples/s':>12}{'us/step':>10}{'min':>12}{'max':>12}")
    for r in results:
        print(f"{r['label']:<28}{r['samples_per_s_median']:>12,.0f}{r['us_per_step_median']:>10.1f}"
              f"{min(r['samples_per_s']):>12,.0f}{max(r['samples_per_s']):>12,.0f}")
    if "loadavg_before" in info:
        print(f"\nload average before {info['loadavg_before']}, after {info['loadavg_after']}")


if __name__ == "__main__":
    main()

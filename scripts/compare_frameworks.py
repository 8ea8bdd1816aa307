#!/usr/bin/env python3
"""Training throughput of PyTorch, numpy and Keras next to RegViz, and CSV loading next to pandas.

Two modes.

1. Side by side with RegViz (`--regviz BINARY`, the figures in README.md): in ONE run, in
   interleaved rounds, the same training step (relu hidden layers, softmax cross-entropy, L1(0.001)
   on every weight matrix, biases unregularized, plain SGD lr 0.01, batch 150, float32, one thread)
   on two nets, Iris-shaped 4-10-10-3 and 784-256-256-10:

     torch     PyTorch, torch.set_num_threads(1): nn.Linear layers, F.cross_entropy + l1 * sum|W|,
               loss.backward(), torch.optim.SGD.step() -- what a PyTorch user writes.
     numpy     float32 numpy by hand (1-thread OpenBLAS): forward, softmax-CE backward,
               L1 subgradient l1*sign(W), SGD update.
     regviz    `regviz bench --net N --impl simd --format json` as a subprocess, once with
               REGVIZ_IMPL=avx2 and once with REGVIZ_IMPL=avx512 (the latter only where the CPU
               has AVX-512); its batch-150 figure. RegViz applies L1 by a proximal step; the
               work per step is the same.

   and the CSV figure: `pandas.read_csv` (C engine) against `regviz bench --data-only --data-file F`
   on one generated 300 000 x 20 CSV (6-decimal numbers and a text label, 56 MB).

   Each round times every method once, in turn; a ratio (say regviz-avx512 / torch) is taken
   within a round, and the table gives the median of those per-round ratios. The machine this runs
   on is shared with other work, whose load drifts over seconds: interleaving makes the drift hit
   every method of a round alike, so the ratios stay fair where absolute figures wander. The whole
   process (and its children) is pinned to one core with `taskset` when it exists.

2. Keras and numpy on the Iris net alone (without --regviz; the older figures): median of --reps
   repetitions per method, one method after another.

     keras-fit     Keras 3 `model.fit(x, y, batch_size=150, epochs=E, verbose=0, shuffle=False)`,
                   one step per epoch (includes model.fit's per-epoch overhead).
     keras-fit-ds  the same fed a cached `tf.data.Dataset`.
     keras-tf      Keras model + `@tf.function` train step called from a Python loop.
     numpy         as above.

Threads: OMP_NUM_THREADS / OPENBLAS_NUM_THREADS / MKL_NUM_THREADS = 1 are set before numpy is
imported; torch.set_num_threads(1) and set_num_interop_threads(1); TF intra/inter-op threads = 1;
CUDA is hidden.

Install and run (CPU only). The PyTorch CPU wheel is large (about 200 MB download, 700 MB
installed); take it from the CPU index, not PyPI's default CUDA build (several GB):

    python3 -m venv /tmp/cmpvenv                       # Python 3.11-3.13
    /tmp/cmpvenv/bin/pip install numpy pandas
    /tmp/cmpvenv/bin/pip install torch --index-url https://download.pytorch.org/whl/cpu
    swift build -c release
    /tmp/cmpvenv/bin/python scripts/compare_frameworks.py --regviz .build/release/regviz   # ~2 min
    #   --rounds N (default 7), --json, --no-torch, --no-csv, --core K (taskset core, default 0)
    /tmp/cmpvenv/bin/python scripts/compare_frameworks.py --regviz .build/release/regviz --peers-avx2
    #   the AVX2 table: numpy and torch held to AVX2 (OPENBLAS_CORETYPE=Haswell, ATEN_CPU_CAPABILITY=avx2,
    #   MKL_ENABLE_INSTRUCTIONS=AVX2, DNNL_MAX_CPU_ISA=AVX2, set before they are imported), RegViz's
    #   AVX2 path (REGVIZ_IMPL=avx2) alone

    /tmp/cmpvenv/bin/pip install tensorflow-cpu keras  # only for mode 2
    /tmp/cmpvenv/bin/python scripts/compare_frameworks.py            # Keras/numpy table (Iris)
"""

import os
import sys

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"
# --peers-avx2: the peers held to the AVX2 kernels most learners' laptops run. The libraries read
# these once, when loaded, so they are set here, before numpy (OpenBLAS) and torch (ATen, MKL,
# oneDNN) are imported.
PEERS_AVX2 = {"OPENBLAS_CORETYPE": "Haswell", "ATEN_CPU_CAPABILITY": "avx2",
              "MKL_ENABLE_INSTRUCTIONS": "AVX2", "DNNL_MAX_CPU_ISA": "AVX2"}
if "--peers-avx2" in sys.argv[1:]:
    os.environ.update(PEERS_AVX2)
os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

IRIS = [4, 10, 10, 3]
LARGE = [784, 256, 256, 10]
NETS = {"4-10-10-3": IRIS, "784-256-256-10": LARGE}
SIZES = IRIS  # mode 2
BATCH = 150
LR = 0.01
L1 = 0.001
SEED = 42
PIN_MARK = "REGVIZ_COMPARE_PINNED"


def make_data(sizes=IRIS):
    rng = np.random.default_rng(SEED)
    x = rng.standard_normal((BATCH, sizes[0])).astype(np.float32)
    labels = rng.integers(0, sizes[-1], size=BATCH)
    y = np.eye(sizes[-1], dtype=np.float32)[labels]
    return x, y, labels


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


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            return next((ln.split(":", 1)[1].strip() for ln in f if ln.startswith("model name")), None)
    except OSError:
        return None


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


def numpy_model(sizes):
    """(run_steps, loss) for a Glorot-initialised float32 model of `sizes` on one batch."""
    x, y, _ = make_data(sizes)
    rng = np.random.default_rng(1)
    Ws, bs = [], []
    for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
        limit = np.sqrt(6.0 / (fan_in + fan_out))  # Glorot uniform, as Keras
        Ws.append(rng.uniform(-limit, limit, (fan_in, fan_out)).astype(np.float32))
        bs.append(np.zeros(fan_out, dtype=np.float32))

    def run_steps(n):
        for _ in range(n):
            numpy_step(Ws, bs, x, y)

    def loss():
        assert all(W.dtype == np.float32 and b.dtype == np.float32 for W, b in zip(Ws, bs)), "not float32"
        h = x
        for i in range(len(Ws)):
            z = h @ Ws[i] + bs[i]
            h = np.maximum(z, 0) if i < len(Ws) - 1 else z
        m = h.max(axis=1, keepdims=True)
        logp = h - m - np.log(np.exp(h - m).sum(axis=1, keepdims=True))
        return float(-(y * logp).sum(axis=1).mean() + L1 * sum(np.abs(W).sum() for W in Ws))

    return run_steps, loss


def bench_numpy(reps, min_seconds):
    run_steps, loss = numpy_model(SIZES)
    rate = calibrate(run_steps)
    rates, steps = timed_reps(run_steps, rate, reps, min_seconds)
    return rates, steps, loss()


# ---------------------------------------------------------------- PyTorch

def setup_torch():
    import torch
    torch.set_num_threads(1)
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:  # only allowed before any parallel work
        pass
    return torch


def torch_model(torch, sizes):
    """(run_steps, loss): nn.Linear layers, cross-entropy + L1 on the weights, SGD."""
    import torch.nn.functional as F
    torch.manual_seed(1)
    x_np, _, labels = make_data(sizes)
    x = torch.from_numpy(x_np)
    y = torch.from_numpy(labels.astype(np.int64))
    layers = []
    for i, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        layers.append(torch.nn.Linear(fan_in, fan_out))
        if i < len(sizes) - 2:
            layers.append(torch.nn.ReLU())
    model = torch.nn.Sequential(*layers)
    weights = [m.weight for m in model if isinstance(m, torch.nn.Linear)]
    opt = torch.optim.SGD(model.parameters(), lr=LR)
    last = [float("nan")]

    def run_steps(n):
        loss = None
        for _ in range(n):
            opt.zero_grad(set_to_none=True)
            loss = F.cross_entropy(model(x), y) + L1 * sum(w.abs().sum() for w in weights)
            loss.backward()
            opt.step()
        last[0] = float(loss.detach())

    return run_steps, lambda: last[0]


# ---------------------------------------------------------------- RegViz (subprocess)

def regviz_json(binary, args, impl):
    env = dict(os.environ, REGVIZ_IMPL=impl)
    out = subprocess.run([binary, "bench", "--format", "json", *args], env=env, check=True,
                         capture_output=True, text=True)
    return json.loads(out.stdout)


def regviz_rate(binary, net, impl, repetitions):
    """samples/s of RegViz's batch-150 step on `net` with the SIMD path forced by REGVIZ_IMPL."""
    j = regviz_json(binary, ["--net", net, "--impl", "simd", "--repetitions", str(repetitions)], impl)
    k = next(k for k in j["kernels"] if k["batch"] == BATCH)
    return k["samples_per_s"], j["simd_target"]


def regviz_csv(binary, path):
    d = regviz_json(binary, ["--data-only", "--data-file", path, "--repetitions", "1"], "avx2")["data"]
    return d["seconds_median"], d


def write_csv(path, rows=300_000, features=20):
    """The same shape as `regviz bench`'s generated file: 6-decimal values and a text label."""
    rng = np.random.default_rng(7)
    with open(path, "w") as f:
        f.write(",".join([f"f{i + 1}" for i in range(features)] + ["label"]) + "\n")
        for start in range(0, rows, 20_000):
            n = min(20_000, rows - start)
            vals = (rng.random((n, features * 4)).reshape(n, features, 4).sum(axis=2) - 2) * 1.7
            labels = rng.integers(0, 3, size=n)
            lines = [",".join(f"{v:.6f}" for v in row) + f",c{lab}" for row, lab in zip(vals, labels)]
            f.write("\n".join(lines) + "\n")
    return os.path.getsize(path)


def pin(core):
    """Re-runs this script under `taskset -c core` (children inherit the mask); False without taskset."""
    if os.environ.get(PIN_MARK):
        return True
    taskset = shutil.which("taskset")
    if not taskset:
        return False
    os.environ[PIN_MARK] = str(core)
    os.execv(taskset, [taskset, "-c", str(core), sys.executable, *sys.argv])


def side_by_side(args):
    pinned = pin(args.core)
    binary = os.path.abspath(args.regviz)
    have512 = "avx512" in open("/proc/cpuinfo").read() if os.path.exists("/proc/cpuinfo") else False
    # Held to AVX2, the peers meet RegViz's AVX2 path only.
    paths = ["avx2"] + (["avx512"] if have512 and not args.peers_avx2 else [])
    torch = None if args.no_torch else setup_torch()
    info = {"cpu": cpu_model(), "cpus": os.cpu_count(), "python": platform.python_version(),
            "numpy": np.__version__, "torch": torch.__version__ if torch else None,
            "pinned": f"taskset -c {os.environ.get(PIN_MARK)}" if pinned else None,
            "rounds": args.rounds, "batch": BATCH, "lr": LR, "l1": L1, "threads": 1,
            "peers": "avx2" if args.peers_avx2 else "native"}
    if args.peers_avx2:
        info["peers_env"] = {k: os.environ.get(k) for k in PEERS_AVX2}
    if torch:
        info["torch_cpu_capability"] = torch.backends.cpu.get_cpu_capability()
    try:
        info["loadavg_before"] = list(os.getloadavg())
    except OSError:
        pass

    # Python models, calibrated once so each timing lasts about --seconds.
    models = {}
    for name, sizes in NETS.items():
        models[(name, "numpy")] = numpy_model(sizes)
        if torch:
            models[(name, "torch")] = torch_model(torch, sizes)
    steps = {key: max(1, int(calibrate(m[0], first=2) * args.seconds)) for key, m in models.items()}

    csv_dir = None
    csv_path = None
    if not args.no_csv:
        import pandas as pd
        info["pandas"] = pd.__version__
        csv_dir = tempfile.mkdtemp(prefix="regviz-compare-")
        csv_path = os.path.join(csv_dir, "data.csv")
        info["csv_mb"] = write_csv(csv_path) / 1e6
        pd.read_csv(csv_path)  # page cache warm for both readers

    rates = {}   # (net, method) -> [samples/s per round]
    csv_t = {"pandas": [], "regviz": []}
    regviz_csv_last = None
    for r in range(args.rounds):
        print(f"round {r + 1}/{args.rounds} ...", file=sys.stderr, flush=True)
        for name in NETS:
            for method in ("torch", "numpy"):
                if (name, method) not in models:
                    continue
                run_steps = models[(name, method)][0]
                n = steps[(name, method)]
                start = time.perf_counter()
                run_steps(n)
                rates.setdefault((name, method), []).append(n * BATCH / (time.perf_counter() - start))
            for impl in paths:
                rate, target = regviz_rate(binary, name, impl, args.regviz_repetitions)
                info[f"regviz_{impl}_target"] = target
                rates.setdefault((name, "regviz-" + impl), []).append(rate)
        if csv_path:
            import pandas as pd
            start = time.perf_counter()
            frame = pd.read_csv(csv_path)
            csv_t["pandas"].append(time.perf_counter() - start)
            del frame
            seconds, regviz_csv_last = regviz_csv(binary, csv_path)
            csv_t["regviz"].append(seconds)
    try:
        info["loadavg_after"] = list(os.getloadavg())
    except OSError:
        pass
    if csv_dir:
        shutil.rmtree(csv_dir, ignore_errors=True)

    def ratio(a, b):
        return statistics.median(x / y for x, y in zip(a, b))

    results = []
    for name in NETS:
        row = {"net": name}
        for (n, method), rs in rates.items():
            if n == name:
                row[method] = {"samples_per_s_median": statistics.median(rs), "samples_per_s": rs}
        for impl in paths:
            mine = rates[(name, "regviz-" + impl)]
            for other in ("torch", "numpy"):
                if (name, other) in rates:
                    row[f"regviz-{impl}_vs_{other}"] = ratio(mine, rates[(name, other)])
        if len(paths) == 2:
            row["avx512_vs_avx2"] = ratio(rates[(name, "regviz-avx512")], rates[(name, "regviz-avx2")])
        results.append(row)
    csv = None
    if csv_path:
        csv = {"pandas_s_median": statistics.median(csv_t["pandas"]),
               "regviz_s_median": statistics.median(csv_t["regviz"]),
               "pandas_over_regviz_time": ratio(csv_t["pandas"], csv_t["regviz"]),
               "pandas_s": csv_t["pandas"], "regviz_s": csv_t["regviz"],
               "regviz_peak_rss_growth_mb": regviz_csv_last["peak_rss_growth_mb"],
               "float_data_mb": regviz_csv_last["float_data_mb"]}

    if args.json:
        print(json.dumps({"info": info, "training": results, "csv": csv}, indent=2))
        return
    print(f"Training step: relu, softmax CE, L1 {L1}, SGD lr {LR}, batch {BATCH}, one thread; "
          f"{args.rounds} interleaved rounds, medians")
    print(f"CPU: {info['cpu']} ({info['cpus']} CPUs), {info['pinned'] or 'not pinned'}; Python {info['python']}, "
          f"numpy {info['numpy']}" + (f", torch {info['torch']}" if torch else "")
          + (f", pandas {info['pandas']}" if "pandas" in info else ""))
    if args.peers_avx2:
        print("Peers held to AVX2: " + ", ".join(f"{k}={v}" for k, v in info["peers_env"].items())
              + (f" (torch reports {info['torch_cpu_capability']})" if torch else "")
              + "; RegViz on its AVX2 path (REGVIZ_IMPL=avx2)")
    print()
    methods = (["torch"] if torch else []) + ["numpy"] + ["regviz-" + p for p in paths]
    print(f"{'net':<16}" + "".join(f"{m:>15}" for m in methods) + "   samples/s")
    for row in results:
        print(f"{row['net']:<16}" + "".join(f"{row[m]['samples_per_s_median']:>15,.0f}" for m in methods))
    print()
    print("Median of per-round ratios (RegViz / other):")
    for row in results:
        for p in paths:
            parts = [f"{row[f'regviz-{p}_vs_{o}']:.2f}x {o}" for o in ("torch", "numpy") if f"regviz-{p}_vs_{o}" in row]
            print(f"  {row['net']:<16}{p:<8}" + ", ".join(parts))
        if "avx512_vs_avx2" in row:
            print(f"  {row['net']:<16}avx512 / avx2 {row['avx512_vs_avx2']:.2f}x")
    if csv:
        print()
        print(f"CSV 300000 x 20 ({info['csv_mb']:.1f} MB): pandas.read_csv {csv['pandas_s_median']:.3f} s, "
              f"regviz {csv['regviz_s_median']:.3f} s; pandas time / regviz time {csv['pandas_over_regviz_time']:.2f} "
              f"(>1: regviz faster); regviz peak memory +{csv['regviz_peak_rss_growth_mb']:.1f} MB "
              f"for {csv['float_data_mb']:.1f} MB of floats")
    if "loadavg_before" in info:
        print(f"\nload average before {info['loadavg_before']}, after {info['loadavg_after']}")


# ---------------------------------------------------------------- Keras (mode 2)

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
    x, y, _ = make_data()
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
    x_np, y_np, _ = make_data()
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


def keras_table(args):
    methods = args.only or ["keras-fit", "keras-fit-ds", "keras-tf", "numpy"]
    info = {"net": "-".join(map(str, SIZES)), "batch": BATCH, "lr": LR, "l1": L1, "threads": 1,
            "reps": args.reps, "min_seconds": args.min_seconds,
            "python": platform.python_version(), "numpy": np.__version__,
            "machine": platform.machine(),
            "openblas_coretype": os.environ.get("OPENBLAS_CORETYPE"),
            "cpu": cpu_model(), "cpus": os.cpu_count()}
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


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    ap.add_argument("--regviz", metavar="BINARY", help="side by side with this regviz binary (a release build)")
    ap.add_argument("--rounds", type=int, default=7, help="with --regviz: interleaved rounds")
    ap.add_argument("--seconds", type=float, default=0.5, help="with --regviz: seconds per Python timing")
    ap.add_argument("--regviz-repetitions", type=int, default=3,
                    help="with --regviz: `bench --repetitions` per round (each about 0.15 s)")
    ap.add_argument("--core", type=int, default=0, help="with --regviz: the core taskset pins to")
    ap.add_argument("--no-torch", action="store_true", help="with --regviz: leave PyTorch out")
    ap.add_argument("--no-csv", action="store_true", help="with --regviz: leave the CSV figure out")
    ap.add_argument("--peers-avx2", action="store_true",
                    help="with --regviz: hold numpy and torch to AVX2 (" + ", ".join(f"{k}={v}" for k, v in PEERS_AVX2.items())
                    + ", set before they are imported) and time RegViz's AVX2 path only")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--min-seconds", type=float, default=2.0)
    ap.add_argument("--only", choices=["keras-fit", "keras-fit-ds", "keras-tf", "numpy"], action="append",
                    help="without --regviz: run only these methods (repeatable)")
    args = ap.parse_args()
    if args.regviz:
        if not os.access(args.regviz, os.X_OK):
            ap.error(f"--regviz: {args.regviz} is not an executable file")
        side_by_side(args)
    else:
        keras_table(args)


if __name__ == "__main__":
    main()

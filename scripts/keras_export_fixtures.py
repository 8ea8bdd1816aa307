#!/usr/bin/env python3
"""Runs the Keras scripts `regviz run --keras-out` exports and keeps what they print as test
fixtures; prints the largest difference from regviz's own JSONL per configuration.

    scripts/keras_export_fixtures.py --regviz .build/debug/regviz --python /path/to/venv/bin/python

The Python given must have keras 3 (TensorFlow backend) and numpy. Writes
Tests/RegvizCommandTests/Fixtures/keras-export/: cases.json (name and regviz flags of each
configuration, Keras and TensorFlow versions), NAME.jsonl (the script's output) and
NAME-weights.json (its --dump-weights file). The Swift test KerasExportTests compares regviz's
output with these files, so CI needs no TensorFlow.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "Tests", "RegvizCommandTests", "Fixtures", "keras-export")
TUTORIAL = ["--dataset", "iris", "--hidden", "10,10", "--lane", "none", "--lane", "keras = 1:l1=0.01;2:l2=0.01"]
SPARSE4 = ["--dataset", "sparse", "--hidden", "16,16"]  # the four default lanes: none, L1, L2, L1+L2
COMMON = ["--l1-rule", "subgradient"]

# name → regviz flags. Small epoch counts keep the Swift test fast in debug builds.
CASES = {
    "iris-sgd-full": TUTORIAL + ["--optimizer", "sgd", "--lr", "0.1", "--batch-size", "full", "--epochs", "60"],
    "iris-adam-batch16": TUTORIAL + ["--optimizer", "adam", "--lr", "0.01", "--batch-size", "16", "--epochs", "30"],
    "sparse-sgd-batch32": SPARSE4 + ["--optimizer", "sgd", "--lr", "0.05", "--batch-size", "32", "--epochs", "20"],
    "sparse-momentum-batch50": SPARSE4 + ["--optimizer", "sgd", "--lr", "0.05", "--momentum", "0.9",
                                          "--batch-size", "50", "--epochs", "20"],
    "sparse-adam-full": SPARSE4 + ["--optimizer", "adam", "--lr", "0.01", "--batch-size", "full", "--epochs", "40"],
    # Decoupled weight decay (AdamW) beside the L2 penalty it is often mistaken for.
    "sparse-adamw-batch50": ["--dataset", "sparse", "--hidden", "16,16", "--lane", "l2=0.01", "--lane", "wd=0.02",
                             "--lane", "1:l1=0.01,wd=0.02;2:wd=0.02", "--optimizer", "adam", "--lr", "0.01",
                             "--batch-size", "50", "--epochs", "20"],
    # Early stopping that fires: a large learning rate overfits the small split within the run.
    "sparse-stop-full": ["--dataset", "sparse", "--hidden", "16,16", "--lane", "stop=best-val:5",
                         "--lane", "l2=0.01,stop=best-val:5", "--optimizer", "adam", "--lr", "0.05",
                         "--batch-size", "full", "--epochs", "80"],
    # Early stopping whose patience never runs out: Keras's EarlyStopping restores the best
    # weights in on_train_end all the same, and so does regviz (best epoch 139 of 160, clear of
    # epoch 140 by 5e-6 in val loss; the two programs differ by 1e-8 there).
    "sparse-stop-restore-at-end": ["--dataset", "sparse", "--hidden", "16,16", "--lane", "stop=best-val:30",
                                   "--epochs", "160"],
    # Every lane term under SGD with momentum: l1, l2, both, a lane's own rule=, weight decay
    # alone, with a penalty and per layer, early stopping with a penalty.
    "sparse-every-term-momentum": ["--dataset", "sparse", "--hidden", "16,16", "--lane", "l1=0.01",
                                   "--lane", "l2=0.01", "--lane", "l1=0.005,l2=0.005,rule=subgradient",
                                   "--lane", "wd=0.02", "--lane", "l2=0.005,wd=0.01",
                                   "--lane", "1:l1=0.01,wd=0.02;2:wd=0.02", "--lane", "l1=0.001,stop=best-val:5",
                                   "--optimizer", "sgd", "--lr", "0.05", "--momentum", "0.9",
                                   "--batch-size", "32", "--epochs", "30"],
    # The group lasso (issue 27): alone, with L1 (the sparse group lasso) and per layer beside L2.
    "sparse-group-momentum-batch32": ["--dataset", "sparse", "--hidden", "16,16", "--lane", "group=0.01",
                                      "--lane", "l1=0.01,group=0.02", "--lane", "1:group=0.02;2:l2=0.01",
                                      "--optimizer", "sgd", "--lr", "0.05", "--momentum", "0.9",
                                      "--batch-size", "32", "--epochs", "20"],
    "sparse-group-adam-full": ["--dataset", "sparse", "--hidden", "16,16", "--lane", "group=0.01",
                               "--lane", "l2=0.005,group=0.01", "--optimizer", "adam", "--lr", "0.01",
                               "--batch-size", "full", "--epochs", "30"],
}
FIELDS = ["loss", "data_loss", "penalty", "acc", "val_loss", "val_acc"]


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw).stdout


def weights_diff(a, b):
    """Largest |Δw| between two --dump-weights files, lane by lane (matched by name)."""
    worst = 0.0
    lanes_b = {lane["name"]: lane for lane in b["lanes"]}
    for lane in a["lanes"]:
        for wa, wb in zip(lane["weights"], lanes_b[lane["name"]]["weights"]):
            flat_a, flat_b = json.loads(json.dumps(wa)), json.loads(json.dumps(wb))
            stack = [(flat_a, flat_b)]
            while stack:
                x, y = stack.pop()
                if isinstance(x, list):
                    stack.extend(zip(x, y))
                else:
                    worst = max(worst, abs(float(x) - float(y)))
    return worst


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--regviz", required=True)
    parser.add_argument("--python", required=True, help="a Python with keras and numpy")
    parser.add_argument("--only", help="one case name")
    args = parser.parse_args()
    os.makedirs(FIXTURES, exist_ok=True)
    versions = run([args.python, "-c", "import keras, tensorflow as tf; print(keras.__version__, tf.__version__)"]).split()
    cases = []
    for name, flags in CASES.items():
        if args.only and name != args.only:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "export")
            run([args.regviz, "run", *COMMON, *flags, "--keras-out", out])
            keras_weights = os.path.join(tmp, "keras-weights.json")
            keras_out = run([args.python, os.path.join(out, "train.py"), "--dump-weights", keras_weights],
                            env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3", "CUDA_VISIBLE_DEVICES": ""})
            regviz_weights = os.path.join(tmp, "regviz-weights.json")
            regviz_out = run([args.regviz, "run", *COMMON, *flags, "--format", "jsonl", "--dump-weights", regviz_weights])
            with open(keras_weights) as f:
                kw = json.load(f)
            with open(regviz_weights) as f:
                rw = json.load(f)
        ours = {(r["name"], r["epoch"]): r for r in map(json.loads, regviz_out.splitlines())}
        theirs = [json.loads(line) for line in keras_out.splitlines() if line.startswith("{")]
        worst = {k: 0.0 for k in FIELDS}
        for r in theirs:
            mine = ours[(r["name"], r["epoch"])]
            for k in FIELDS:
                if r.get(k) is not None and mine.get(k) is not None:
                    worst[k] = max(worst[k], abs(r[k] - mine[k]))
        # Keras ends an early-stopped lane's fit; regviz keeps printing its frozen rows.
        last = {}
        for r in theirs:
            last[r["name"]] = max(last.get(r["name"], 0), r["epoch"])
        extra = [k for k in ours if k[1] > last.get(k[0], 0)]
        assert all("stop=" in ours[k]["lane"] for k in extra), f"{name}: regviz rows Keras lacks: {extra[:3]}"
        assert len(theirs) + len(extra) == len(ours), f"{name}: {len(theirs)} Keras rows, {len(ours)} regviz rows"
        dw = weights_diff(rw, kw)
        print(f"{name}: max |Δloss| {worst['loss']:.2e}, |Δdata_loss| {worst['data_loss']:.2e}, "
              f"|Δpenalty| {worst['penalty']:.2e}, |Δval_loss| {worst['val_loss']:.2e}, "
              f"|Δacc| {worst['acc']:.2e}, |Δw| {dw:.2e}")
        with open(os.path.join(FIXTURES, f"{name}.jsonl"), "w") as f:
            f.write("".join(json.dumps(r, sort_keys=True) + "\n" for r in theirs))
        with open(os.path.join(FIXTURES, f"{name}-weights.json"), "w") as f:
            json.dump(kw, f)
        cases.append({"name": name, "flags": COMMON + flags})
    if not args.only:
        with open(os.path.join(FIXTURES, "cases.json"), "w") as f:
            json.dump({"generator": "scripts/keras_export_fixtures.py", "keras_version": versions[0],
                       "tensorflow_version": versions[1], "cases": cases}, f, indent=1)
            f.write("\n")


if __name__ == "__main__":
    sys.exit(main())

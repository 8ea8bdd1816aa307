#!/usr/bin/env python3
"""Prints model.to_json() of one lane's model in a script regviz exported (`regviz run --keras`,
or train.py of `--keras-out`): the file `regviz run --keras-model` reads back.

    scripts/keras_model_json.py train.py LANE > model.json

The Python running it must have keras 3 and numpy. Nothing is trained: the script is loaded as
a module (its main() does not run), and the lane's model is built as its main() builds it.
Made Tests/RegvizCommandTests/Fixtures/keras-model/group.json (see KerasGroupModelTests).
"""
import runpy
import sys


def main():
    if len(sys.argv) != 3:
        sys.stderr.write("usage: keras_model_json.py train.py LANE\n")
        return 2
    script, lane = sys.argv[1], sys.argv[2]
    names = runpy.run_path(script)
    for name, _spec, kernel_regularizers, options in names["LANES"]:
        if name == lane:
            model = names["make_model"](kernel_regularizers, options.get("weight_decay"), options.get("decayed", ()))
            print(model.to_json())
            return 0
    sys.stderr.write(f"{script}: no lane named '{lane}' (lanes: {', '.join(l[0] for l in names['LANES'])})\n")
    return 1


if __name__ == "__main__":
    sys.exit(main())

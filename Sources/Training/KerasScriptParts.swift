/// The parts of the exported Keras script that do not depend on the experiment: RegViz's batch
/// order in Python, and the training loop that prints RegViz's JSONL fields.
enum KerasScriptParts {
  /// regviz's `group=λ` as a Keras kernel regularizer, with the lane's L1 and L2 (Keras takes one
  /// regularizer per kernel). Safe at zero: the norm of a zero row is 0 with gradient 0, as in regviz.
  static let groupLasso = """
    class GroupLasso(keras.regularizers.Regularizer):
        \"\"\"regviz's group=λ: group·Σᵢ‖W[i,:]‖₂ over the kernel's rows (a row: every weight leaving
        one input of the layer), plus l1·Σ|w| and l2·Σw² (no ½) as Keras's L1L2 adds them.\"\"\"

        def __init__(self, group, l1=0.0, l2=0.0):
            self.group, self.l1, self.l2 = float(group), float(l1), float(l2)

        def __call__(self, x):
            ops = keras.ops
            squares = ops.sum(ops.square(x), axis=1)
            # sqrt's gradient at 0 is infinite (and ∞·0 = NaN): take the root of 1 at a zero row and
            # put 0 back, so a zero row has norm 0 and gradient 0.
            zero = ops.equal(squares, 0.0)
            norms = ops.where(zero, 0.0, ops.sqrt(ops.where(zero, 1.0, squares)))
            penalty = self.group * ops.sum(norms)
            if self.l1:
                penalty += self.l1 * ops.sum(ops.absolute(x))
            if self.l2:
                penalty += self.l2 * ops.sum(ops.square(x))
            return penalty

        def get_config(self):
            return {"group": self.group, "l1": self.l1, "l2": self.l2}


    """

  /// `epochOrder` and `SplitMix64` of NeuralCore, line for line: the same (seed, epoch) gives
  /// the same permutation, so Keras sees RegViz's batches without being told them one by one.
  static let order = """
    # regviz's batch order: in epoch e (from 0) the training rows are visited in a Fisher-Yates
    # shuffle drawn from SplitMix64, seeded from (SEED, e). Keras must not shuffle on its own:
    # fit(shuffle=False) asks for the batches of a PyDataset in order, 0, 1, 2, …
    MASK = (1 << 64) - 1


    class SplitMix64:
        def __init__(self, seed):
            self.state = seed & MASK

        def next(self):
            self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
            z = self.state
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
            return z ^ (z >> 31)


    def epoch_order(count, seed, epoch):
        rng = SplitMix64(seed ^ (((0xE90C + epoch) * 0xD6E8FEB86659FD93) & MASK))
        rng.next()
        order = list(range(count))
        for i in range(count - 1, 0, -1):
            j = (rng.next() * (i + 1)) >> 64
            order[i], order[j] = order[j], order[i]
        return np.array(order)


    class RegvizBatches(keras.utils.PyDataset):
        \"\"\"The training part in regviz's batches: BATCH_SIZE rows a step, the last step of an
        epoch takes what is left, and each epoch its own order (set by FollowEpochs).\"\"\"

        def __init__(self, x, y):
            super().__init__()
            self.x, self.y = x, y
            self.set_epoch(0)

        def set_epoch(self, epoch):
            self.order = epoch_order(len(self.y), SEED, epoch)

        def __len__(self):
            return -(-len(self.y) // BATCH_SIZE)

        def __getitem__(self, i):
            rows = self.order[i * BATCH_SIZE:(i + 1) * BATCH_SIZE]
            return self.x[rows], self.y[rows]


    class FollowEpochs(keras.callbacks.Callback):
        \"\"\"Tells the batches which epoch begins. (PyDataset's own on_epoch_end is no clock:
        Keras also calls it once before training starts.)\"\"\"

        def __init__(self, batches):
            super().__init__()
            self.batches = batches

        def on_epoch_begin(self, epoch, logs=None):
            self.batches.set_epoch(epoch)


    """

  /// One `fit` per lane, a callback printing each epoch. Keras's `loss` is the running mean over
  /// the epoch's batches of cross-entropy + penalty at each batch's weights — regviz's `loss`;
  /// the cross-entropy metric over the same batches is `data_loss`, and the difference the
  /// penalty. Keras's own `val_loss` adds the penalty; regviz's `val_loss` is the validation
  /// cross-entropy alone, Keras's `val_data_loss`.
  static let training = """
    class PrintEpoch(keras.callbacks.Callback):
        \"\"\"One JSON line per epoch with regviz's field names. Keras's loss includes the penalty
        at each batch's weights; data_loss is the cross-entropy over the same batches.\"\"\"

        def __init__(self, name, spec):
            super().__init__()
            self.name, self.spec = name, spec

        def on_epoch_end(self, epoch, logs=None):
            row = {"epoch": epoch + 1, "name": self.name, "lane": self.spec,
                   "loss": logs["loss"], "data_loss": logs["data_loss"],
                   "penalty": logs["loss"] - logs["data_loss"], "acc": logs["acc"],
                   "val_loss": logs.get("val_data_loss"), "val_acc": logs.get("val_acc")}
            print(json.dumps(row, sort_keys=True), flush=True)


    def main():
        parser = argparse.ArgumentParser(description="This regviz experiment in Keras.")
        parser.add_argument("--dump-weights", metavar="FILE",
                            help="write every lane's final weights as regviz --dump-weights does")
        args = parser.parse_args()
        x_train, y_train, x_val, y_val = load_data()
        validation = (x_val, y_val) if len(y_val) else None
        lanes = []
        for name, spec, kernel_regularizers, options in LANES:
            model = make_model(kernel_regularizers, options.get("weight_decay"), options.get("decayed", ()))
            batches = RegvizBatches(x_train, y_train)
            callbacks = [FollowEpochs(batches), PrintEpoch(name, spec)]
            if "patience" in options:
                # regviz's stop=best-val: its validation loss is the data loss, without the penalty.
                callbacks.append(keras.callbacks.EarlyStopping(
                    monitor="val_data_loss", patience=options["patience"], restore_best_weights=True))
            model.fit(batches, epochs=EPOCHS, shuffle=False, validation_data=validation, verbose=0,
                      callbacks=callbacks)
            lanes.append({"lane": spec, "name": name, "weights": [w.tolist() for w in model.get_weights()]})
        if args.dump_weights:
            with open(args.dump_weights, "w") as f:
                json.dump({"lanes": lanes}, f)


    """
}

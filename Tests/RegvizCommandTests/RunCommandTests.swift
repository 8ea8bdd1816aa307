import Foundation
import NeuralCore
import Testing

@Suite struct RunCommandTests {
  @Test func jsonlHasOneObjectPerLanePerReport() throws {
    let r = try CLI.run(["run", "--epochs", "6", "--report-every", "3", "--format", "jsonl", "--hidden", "8"])
    #expect(r.status == 0, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n")
    #expect(lines.count == 8)  // epochs 3 and 6 × 4 lanes
    let keys: Set<String> = ["epoch", "lane", "name", "data_loss", "penalty", "loss", "val_loss", "acc", "val_acc", "zeros",
                             "near_zeros", "weights", "l1_norm", "l2_norm", "diverged"]
    for line in lines {
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
      #expect(Set(object.keys) == keys)
      let loss = object["loss"] as! Double, data = object["data_loss"] as! Double, penalty = object["penalty"] as! Double
      #expect(abs(loss - data - penalty) < 1e-9)
    }
    let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as! [String: Any]
    #expect(first["epoch"] as? Int == 3 && first["lane"] as? String == "none")
    #expect((first["weights"] as? Int) == 20 * 8 + 8 * 3)
  }

  @Test func csvHasTheSameColumns() throws {
    let r = try CLI.run(["run", "--epochs", "2", "--format", "csv", "--lane", "l1=0.01", "--val-split", "0", "--hidden", "4"])
    #expect(r.status == 0, "\(r.stderr)")
    let rows = r.stdout.split(separator: "\n")
    #expect(rows[0] == "epoch,lane,name,data_loss,penalty,loss,val_loss,acc,val_acc,zeros,near_zeros,weights,l1_norm,l2_norm,diverged")
    #expect(rows.count == 3)
    #expect(rows[1].split(separator: ",", omittingEmptySubsequences: false)[6] == "")  // no validation part
  }

  @Test func sameSeedSameOutputOtherSeedDifferent() throws {
    let a = try CLI.run(["run", "--epochs", "3", "--format", "jsonl", "--hidden", "6", "--batch-size", "32"])
    let b = try CLI.run(["run", "--epochs", "3", "--format", "jsonl", "--hidden", "6", "--batch-size", "32"])
    let c = try CLI.run(["run", "--epochs", "3", "--format", "jsonl", "--hidden", "6", "--batch-size", "32", "--seed", "2"])
    #expect(a.stdout == b.stdout && a.stdout != c.stdout)
  }

  @Test func summaryShowsEachLayersRegularizerPerLane() throws {
    let r = try CLI.run(["run", "--dataset", "iris", "--hidden", "10,10", "--lane", "none", "--lane", "1:l1=0.01;2:l2=0.01", "--summary"])
    #expect(r.status == 0, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n").map(String.init)
    #expect(lines.contains { $0.hasPrefix("dense (Dense)") && $0.contains("4→10") && $0.range(of: #"none\s+l1\(0\.01\)$"#, options: .regularExpression) != nil })
    #expect(lines.contains { $0.hasPrefix("dense_1 (Dense)") && $0.hasSuffix("l2(0.01)") })
    #expect(lines.contains { $0.hasPrefix("dense_2 (Dense)") && $0.contains("softmax") })
    #expect(r.stdout.contains("Total params: 193"))
  }

  @Test func anUnregularizedModelIsNotCalledRegularized() throws {
    let r = try CLI.run(["run", "--dataset", "iris", "--hidden", "10,10", "--lane", "none", "--summary"])
    #expect(r.stdout.contains("Total params: 193 — 170 kernel weights, 23 biases (never penalized)"))
    #expect(r.stdout.contains("Regularized kernel weights: none 0\n"))
  }

  @Test func kerasScriptHoldsTheWholeExperiment() throws {
    let r = try CLI.run(["run", "--dataset", "iris", "--hidden", "10,10", "--lane", "1:l1=0.01;2:l2=0.01", "--keras", "--epochs", "50"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("layers.Dense(10, activation=\"relu\", kernel_regularizer=kernel_regularizers[0], name=\"dense\")"))
    #expect(r.stdout.contains("layers.Dense(3, activation=\"softmax\", kernel_regularizer=kernel_regularizers[2], name=\"dense_2\")"))
    #expect(r.stdout.contains("(\"L1@1,L2@2\", \"1:l1=0.01;2:l2=0.01\", [regularizers.L1(0.01), regularizers.L2(0.01), None], {}),"))
    #expect(r.stdout.contains("keras.optimizers.SGD(learning_rate=0.1, weight_decay=weight_decay)"))
    #expect(r.stdout.contains("EPOCHS = 50\n") && r.stdout.contains("BATCH_SIZE = 105  # full batch"))
    #expect(r.stdout.contains("shuffle=False") && !r.stdout.contains("shuffle=True"))
    #expect(r.stdout.contains("def load_data():") && r.stdout.contains("def initial_weights():"))
    // The default prox rule is not Keras's: the script says what will differ.
    #expect(r.stdout.contains("'prox' L1 rule"))
    // Every row is inline: 105 training and 45 validation rows of 4 features.
    let rows = r.stdout.split(separator: "\n").filter { $0.hasPrefix("            [") && $0.split(separator: ",").count == 4 }
    #expect(rows.count == 150)
  }

  @Test func kerasRefusesToPrintDataTooLargeAndKerasOutWritesIt() throws {
    let dir = CLI.temporaryDirectory()
    let csv = dir.appendingPathComponent("big.csv").path
    try (0..<4_000).map { "\($0 % 7),\($0 % 5),\($0 % 3),\($0 % 11),\($0 % 13),\($0 % 2)" }.joined(separator: "\n")
      .write(toFile: csv, atomically: true, encoding: .utf8)
    let printed = try CLI.run(["run", "--dataset", csv, "--hidden", "4", "--keras"])
    #expect(printed.status != 0 && printed.stderr.contains("--keras: the data and weights are"))
    #expect(printed.stderr.contains("use --keras-out DIR"))
    let out = dir.appendingPathComponent("export").path
    let written = try CLI.run(["run", "--dataset", csv, "--hidden", "4", "--keras-out", out])
    #expect(written.status == 0, "\(written.stderr)")
    #expect(written.stdout.contains("run: python3 \(out)/train.py"))
    let train = try String(contentsOfFile: out + "/train.csv", encoding: .utf8).split(separator: "\n")
    let validation = try String(contentsOfFile: out + "/validation.csv", encoding: .utf8).split(separator: "\n")
    #expect(train.count - 1 + validation.count - 1 == 4_000)
    #expect(try String(contentsOfFile: out + "/train.py", encoding: .utf8).contains("load_csv(\"validation.csv\")"))
    let blocked = try CLI.run(["run", "--dataset", csv, "--keras-out", csv])
    #expect(blocked.status != 0 && blocked.stderr.contains("--keras-out: '\(csv)' is a file, not a directory"))
  }

  @Test func outIsWrittenAtomicallyAndUntouchedOnFailure() throws {
    let dir = CLI.temporaryDirectory()
    let out = dir.appendingPathComponent("report.jsonl").path
    try "previous\n".write(toFile: out, atomically: true, encoding: .utf8)
    let bad = try CLI.run(["run", "--epochs", "2", "--out", out, "--dataset", dir.appendingPathComponent("missing.csv").path])
    #expect(bad.status != 0)
    #expect(try String(contentsOfFile: out, encoding: .utf8) == "previous\n")
    let good = try CLI.run(["run", "--epochs", "2", "--hidden", "4", "--format", "jsonl", "--out", out])
    #expect(good.status == 0 && good.stdout.isEmpty)
    #expect(try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").count == 8)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["report.jsonl"])
  }

  /// The flags read their values as a lesson's setup does (`ExperimentValues`), so a
  /// percentage works for `--val-split` as for `val-split:`.
  @Test func flagsTakeTheLessonsValues() throws {
    let r = try CLI.run(["run", "--epochs", "1", "--hidden", "4", "--val-split", "20%", "--batch-size", "full", "--lr", "0.05"])
    #expect(r.status == 0, "\(r.stderr)")
  }

  @Test func everyBadFlagGetsOneLineAndANonZeroExit() throws {
    let dir = CLI.temporaryDirectory()
    let badJSON = dir.appendingPathComponent("w.json").path
    try "{\"layers\": 3}".write(toFile: badJSON, atomically: true, encoding: .utf8)
    let fourFeatures = dir.appendingPathComponent("four.csv").path
    try "1,2,3,4,a\n2,3,4,5,b\n3,4,5,6,a\n4,5,6,7,b\n".write(toFile: fourFeatures, atomically: true, encoding: .utf8)
    let wrongShape = dir.appendingPathComponent("shape.json").path
    try "[[[1]], [0]]".write(toFile: wrongShape, atomically: true, encoding: .utf8)
    let cases: [([String], String)] = [
      (["--lane", "l1=-1"], "--lane: lane 'l1=-1': l1 strength must be a finite number ≥ 0"),
      (["--lane", "l1=nan"], "--lane: lane 'l1=nan'"),
      (["--lane", "l2=inf"], "--lane: lane 'l2=inf'"),
      (["--lane", "wat"], "--lane: lane 'wat': unknown term"),
      (["--lr=0"], "--lr: must be a number > 0, got '0'"),
      (["--lr=-1"], "--lr: must be a number > 0, got '-1'"),
      (["--epochs", "0"], "--epochs: must be ≥ 1"),
      (["--batch-size", "0"], "--batch-size: must be a positive whole number or 'full', got '0'"),
      (["--dataset", "mnist"], "--dataset: must be iris, sparse, digits, correlated[:ρ] (ρ in [0, 0.99]) or a path ending in .csv, got 'mnist'"),
      (["--activation", "gelu"], "--activation: 'gelu' is not one of relu, tanh, sigmoid, linear"),
      (["--l1-rule", "ftrl"], "--l1-rule: 'ftrl' is not one of prox, subgradient, clip"),
      (["--optimizer", "rmsprop"], "--optimizer: 'rmsprop' is not one of sgd, adam"),
      (["--val-split", "1"], "--val-split: must be a fraction with 0 ≤ f < 1 (or a percentage), got '1'"),
      (["--hidden", "4,x"], "--hidden: must be layer widths such as 16,16 or 'none', got '4,x'"),
      (["--format", "xml"], "--format: 'xml' is not one of jsonl, csv, table"),
      (["--momentum", "1.5"], "--momentum: must be a number with 0 ≤ m < 1, got '1.5'"),
      (["--hidden", "16,5000"], "--hidden: layer width 5000 is too large (at most 4096)"),
      (["--seed=-1"], "--seed: must be a non-negative whole number, got '-1'"),
      (["--dataset", "/no/such.csv"], "/no/such.csv: cannot read the file"),
      (["--init-weights", "/no/such.json"], "--init-weights: /no/such.json: cannot read the file"),
      (["--init-weights", badJSON], "--init-weights: \(badJSON): not a weights file: expected model.get_weights() as JSON"),
      (["--init-weights", wrongShape], "initial weights has 1 Dense layers, the network has 3"),
      (["--out", "/no/such/dir/r.jsonl"], "--out: directory '/no/such/dir' does not exist"),
      (["--lane", "4:l1=0.1"], "layer 4 does not exist"),
      (["--dataset", fourFeatures, "--image", "3x2"], "--image 3x2: 3×2 is 6 pixels, but the data has 4 features"),
      (["--dataset", fourFeatures, "--image", "2by2"], "--image: must be WIDTHxHEIGHT in pixels such as 8x8, got '2by2'"),
      (["--dataset", "digits", "--image", "8x8"], "--image: '8x8' applies to CSV files only; digits has its own layout"),
    ]
    for (args, message) in cases {
      let r = try CLI.run(["run", "--epochs", "1"] + args)
      #expect(r.status != 0, "\(args)")
      #expect(r.stderr.hasPrefix("regviz: ") && r.stderr.contains(message), "\(args): \(r.stderr)")
      #expect(r.stderr.split(separator: "\n").count == 1, "\(args): \(r.stderr)")
    }
  }
}

@Suite struct NamedSetupTests {
  @Test func theTutorialsModelIsOneFlagAway() throws {
    let r = try CLI.run(["run", "--setup", "keras-iris", "--summary"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("on iris (4-10-10-3)"))
    #expect(r.stdout.contains("dense (Dense)    4→10   relu") && r.stdout.contains("l1(0.01)"))
    #expect(r.stdout.contains("dense_1 (Dense)  10→10  relu") && r.stdout.contains("l2(0.01)"))
    #expect(r.stdout.contains("Regularized kernel weights: none 0 · keras 140 (dense 40, dense_1 100)"))
    let bad = try CLI.run(["run", "--setup", "mnist"])
    #expect(bad.status != 0 && bad.stderr.contains("--setup: 'mnist' is not one of keras-iris"), "\(bad.stderr)")
  }
}

/// Lane terms that are not kernel regularizers, in the Keras script.
@Suite struct KerasDecayAndStopExportTests {
  @Test func weightDecayGoesOnTheOptimizerAndStopIsEarlyStopping() throws {
    let r = try CLI.run(["run", "--dataset", "iris", "--hidden", "10,10", "--lane", "wd=0.02",
                         "--lane", "1:l1=0.01,wd=0.01;stop=best-val:7", "--optimizer", "adam", "--lr", "0.01",
                         "--keras", "--epochs", "5"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("(\"WD\", \"wd=0.02\", [None, None, None], {\"weight_decay\": 0.02, \"decayed\": [0, 1, 2]}),"))
    #expect(r.stdout.contains("[regularizers.L1(0.01), None, None], {\"weight_decay\": 0.01, \"decayed\": [0], \"patience\": 7}),"))
    #expect(r.stdout.contains("epsilon=1e-07, weight_decay=weight_decay)"))
    #expect(r.stdout.contains("model.optimizer.exclude_from_weight_decay(var_list=["))
    #expect(r.stdout.contains("keras.callbacks.EarlyStopping(\n                monitor=\"val_data_loss\", patience=options[\"patience\"], restore_best_weights=True)"))
  }
}

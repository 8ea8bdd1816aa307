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
    #expect(lines.contains { $0.hasPrefix("dense_1 (Dense)") && $0.contains("4→10") && $0.range(of: #"none\s+l1\(0\.01\)$"#, options: .regularExpression) != nil })
    #expect(lines.contains { $0.hasPrefix("dense_2 (Dense)") && $0.hasSuffix("l2(0.01)") })
    #expect(lines.contains { $0.hasPrefix("dense_3 (Dense)") && $0.contains("softmax") })
    #expect(r.stdout.contains("Total params: 193"))
  }

  @Test func kerasCodeNamesTheSameModel() throws {
    let r = try CLI.run(["run", "--dataset", "iris", "--hidden", "10,10", "--lane", "1:l1=0.01;2:l2=0.01", "--keras", "--epochs", "50"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("layers.Dense(10, activation=\"relu\", kernel_regularizer=kernel_regularizers[0])"))
    #expect(r.stdout.contains("\"L1@1,L2@2\": [regularizers.L1(0.01), regularizers.L2(0.01), None]"))
    #expect(r.stdout.contains("keras.optimizers.SGD(learning_rate=0.1)"))
    #expect(r.stdout.contains("epochs=50"))
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

  @Test func everyBadFlagGetsOneLineAndANonZeroExit() throws {
    let dir = CLI.temporaryDirectory()
    let badJSON = dir.appendingPathComponent("w.json").path
    try "{\"layers\": 3}".write(toFile: badJSON, atomically: true, encoding: .utf8)
    let wrongShape = dir.appendingPathComponent("shape.json").path
    try "{\"layers\": [{\"kernel\": [[1]], \"bias\": [0]}]}".write(toFile: wrongShape, atomically: true, encoding: .utf8)
    let cases: [([String], String)] = [
      (["--lane", "l1=-1"], "--lane: lane 'l1=-1': l1 strength must be a finite number ≥ 0"),
      (["--lane", "l1=nan"], "--lane: lane 'l1=nan'"),
      (["--lane", "l2=inf"], "--lane: lane 'l2=inf'"),
      (["--lane", "wat"], "--lane: lane 'wat': unknown term"),
      (["--lr=0"], "--lr: must be a finite number > 0"),
      (["--lr=-1"], "--lr: must be a finite number > 0"),
      (["--epochs", "0"], "--epochs: must be ≥ 1"),
      (["--batch-size", "0"], "--batch-size: '0' is not a positive whole number or 'full'"),
      (["--dataset", "mnist"], "--dataset: 'mnist' is not iris, sparse or a .csv file"),
      (["--activation", "gelu"], "--activation: 'gelu' is not one of relu, tanh, sigmoid, linear"),
      (["--l1-rule", "ftrl"], "--l1-rule: 'ftrl' is not one of prox, subgradient, clip"),
      (["--optimizer", "rmsprop"], "--optimizer: 'rmsprop' is not one of sgd, adam"),
      (["--val-split", "1"], "--val-split: must be in [0, 1)"),
      (["--hidden", "4,x"], "--hidden: 'x' is not a layer size"),
      (["--format", "xml"], "--format: 'xml' is not one of jsonl, csv, table"),
      (["--momentum", "1.5"], "--momentum: must be in [0, 1)"),
      (["--dataset", "/no/such.csv"], "/no/such.csv: cannot read the file"),
      (["--init-weights", "/no/such.json"], "--init-weights: cannot read '/no/such.json'"),
      (["--init-weights", badJSON], "--init-weights: '\(badJSON)' is not weights JSON"),
      (["--init-weights", wrongShape], "initial weights has 1 layers, the network has 3"),
      (["--out", "/no/such/dir/r.jsonl"], "--out: directory '/no/such/dir' does not exist"),
      (["--lane", "4:l1=0.1"], "layer 4 does not exist"),
    ]
    for (args, message) in cases {
      let r = try CLI.run(["run", "--epochs", "1"] + args)
      #expect(r.status != 0, "\(args)")
      #expect(r.stderr.hasPrefix("regviz: ") && r.stderr.contains(message), "\(args): \(r.stderr)")
      #expect(r.stderr.split(separator: "\n").count == 1, "\(args): \(r.stderr)")
    }
  }
}

import Foundation
import Testing

/// `--keras-model` with the `GroupLasso` RegViz's own export defines: the export's model, written
/// by Keras's `model.to_json()`, reads back as the lanes it came from. `group.json` is
/// `scripts/keras_model_json.py` (Keras 3.15) run on `regviz run FLAGS --keras`, FLAGS below.
@Suite struct KerasGroupModelTests {
  static let group = KerasModelTests.dir.appendingPathComponent("group.json").path
  /// The lanes group.json was exported from: the group lasso on layer 1 with L1 (the sparse group
  /// lasso), alone on layer 2, Keras's own L2 on the output layer.
  static let spec = "1:l1=0.01,group=0.02;2:group=0.01;3:l2=0.01"
  static let flags = ["--dataset", "sparse", "--hidden", "16,16", "--lane", "none", "--lane", "keras = \(spec)"]

  @Test func theExportsModelReadsBackAsTheLanesItCameFrom() throws {
    let run = ["--epochs", "2", "--format", "jsonl"]
    let fromFile = try CLI.run(["run", "--dataset", "sparse", "--keras-model", Self.group] + run)
    let fromFlags = try CLI.run(["run"] + Self.flags + run)
    #expect(fromFile.status == 0, "\(fromFile.stderr)")
    #expect(fromFile.stdout == fromFlags.stdout)
    #expect(fromFile.stdout.contains("\"lane\":\"\(Self.spec)\""), "\(fromFile.stdout.prefix(400))")
    // The same experiment, so the same export, GroupLasso and all.
    let scriptFromFile = try CLI.run(["run", "--dataset", "sparse", "--keras-model", Self.group, "--keras", "--epochs", "2"])
    let scriptFromFlags = try CLI.run(["run"] + Self.flags + ["--keras", "--epochs", "2"])
    #expect(scriptFromFile.status == 0 && scriptFromFile.stdout == scriptFromFlags.stdout)
    #expect(scriptFromFile.stdout.contains("[GroupLasso(0.02, l1=0.01), GroupLasso(0.01), regularizers.L2(0.01)]"))
  }

  /// GroupLasso(λ) alone on layer 1, the other layers unregularized: the lane `1:group=λ`.
  @Test func aGroupLassoOnLayerOneIsTheLaneOneGroup() throws {
    var model = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.group))) as? [String: Any])
    var config = try #require(model["config"] as? [String: Any])
    var layers = try #require(config["layers"] as? [[String: Any]])
    for i in layers.indices where layers[i]["class_name"] as? String == "Dense" {
      var c = try #require(layers[i]["config"] as? [String: Any])
      if c["name"] as? String == "dense" {
        var reg = try #require(c["kernel_regularizer"] as? [String: Any])
        reg["config"] = ["group": 0.05, "l1": 0.0, "l2": 0.0]
        c["kernel_regularizer"] = reg
      } else {
        c["kernel_regularizer"] = NSNull()
      }
      layers[i]["config"] = c
    }
    config["layers"] = layers
    model["config"] = config
    let path = CLI.temporaryDirectory().appendingPathComponent("layer1.json")
    try JSONSerialization.data(withJSONObject: model).write(to: path)
    let r = try CLI.run(["run", "--dataset", "sparse", "--keras-model", path.path, "--epochs", "1", "--format", "jsonl"])
    #expect(r.status == 0, "\(r.stderr)")
    let lanes = r.stdout.split(separator: "\n").compactMap { line in
      (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["lane"] as? String
    }
    #expect(lanes == ["none", "1:group=0.05"], "\(r.stdout)")
  }

  @Test func theSummaryNamesTheGroupLassoOnItsLayer() throws {
    let r = try CLI.run(["run", "--dataset", "sparse", "--keras-model", Self.group, "--summary"])
    #expect(r.status == 0, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n").map(String.init)
    #expect(lines.contains { $0.hasPrefix("dense (Dense) ") && $0.contains("20→16") && $0.hasSuffix("GroupLasso(0.02, l1=0.01)") },
            "\(r.stdout)")
    #expect(lines.contains { $0.hasPrefix("dense_1 (Dense) ") && $0.hasSuffix("GroupLasso(0.01)") })
    #expect(lines.contains { $0.hasPrefix("dense_2 (Dense) ") && $0.hasSuffix("l2(0.01)") })
  }

  /// A GroupLasso that is not the export's is one line naming the layer and the field.
  @Test func aStrangersGroupLassoIsOneLineNamingTheField() throws {
    let text = try String(contentsOfFile: Self.group, encoding: .utf8)
    let dir = CLI.temporaryDirectory()
    let cases = [
      ("\"group\": 0.02", "\"group\": \"0.02\"", "layer 'dense' (Dense): kernel_regularizer GroupLasso: \"group\" must be a number, got \"0.02\""),
      ("\"group\": 0.01", "\"group\": 0.01, \"axis\": 0", "layer 'dense_1' (Dense): kernel_regularizer GroupLasso: config key \"axis\" is not one of group, l1, l2"),
      ("\"class_name\": \"GroupLasso\"", "\"class_name\": \"GroupLassoV2\"", "kernel_regularizer GroupLassoV2 is not one of L1, L2, L1L2, GroupLasso"),
    ]
    for (i, (from, to, message)) in cases.enumerated() {
      #expect(text.contains(from))
      let path = dir.appendingPathComponent("model\(i).json").path
      try text.replacingOccurrences(of: from, with: to).write(toFile: path, atomically: true, encoding: .utf8)
      let r = try CLI.run(["run", "--dataset", "sparse", "--keras-model", path, "--summary"])
      #expect(r.status != 0)
      #expect(r.stderr.hasPrefix("regviz: --keras-model: \(path): ") && r.stderr.contains(message), "\(r.stderr)")
      #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    }
  }

  /// Live: regviz exports the script, Keras builds its model and writes `to_json()`, regviz reads
  /// it back — the same lanes, so the same export. CI sets REGVIZ_PYTHON (`.ci/run`); skipped
  /// without a Python that has Keras (group.json covers it then).
  @Test(.enabled(if: Python.withKeras != nil, "no Python with keras and numpy (set REGVIZ_PYTHON); group.json covers it"))
  func exportToJSONImportRoundTripsInKeras() throws {
    let python = try #require(Python.withKeras)
    let dir = CLI.temporaryDirectory()
    let script = try CLI.run(["run"] + Self.flags + ["--keras", "--epochs", "2"])
    try #require(script.status == 0, "\(script.stderr)")
    let train = dir.appendingPathComponent("train.py")
    try script.stdout.write(to: train, atomically: true, encoding: .utf8)
    let json = try Python.run(python, [CLI.repo.appendingPathComponent("scripts/keras_model_json.py").path, train.path, "keras"])
    try #require(json.status == 0, "\(json.stderr)")
    #expect(json.stdout.contains("\"class_name\": \"GroupLasso\""))
    let model = dir.appendingPathComponent("model.json")
    try json.stdout.write(to: model, atomically: true, encoding: .utf8)
    let back = try CLI.run(["run", "--dataset", "sparse", "--keras-model", model.path, "--keras", "--epochs", "2"])
    #expect(back.status == 0, "\(back.stderr)")
    #expect(back.stdout == script.stdout)
  }
}

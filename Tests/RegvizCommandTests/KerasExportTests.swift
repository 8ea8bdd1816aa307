import Foundation
import RegvizData
import Testing

/// The exported Keras script against Keras itself: `scripts/keras_export_fixtures.py` ran the
/// scripts with TensorFlow and kept what they printed; here regviz must print the same numbers.
@Suite struct KerasExportTests {
  struct Cases: Decodable {
    struct Case: Decodable { var name: String; var flags: [String] }
    var cases: [Case]
    var keras_version: String
  }

  static let fixtures = CLI.repo.appendingPathComponent("Tests/RegvizCommandTests/Fixtures/keras-export")
  static let cases: [Cases.Case] = {
    guard let data = try? Data(contentsOf: fixtures.appendingPathComponent("cases.json")) else { return [] }
    return (try? JSONDecoder().decode(Cases.self, from: data).cases) ?? []
  }()

  /// Every JSONL field the script prints, and the final weights, to ≤ 1e-4 (seen: ≤ 1e-6).
  /// The script's `loss` is Keras's `fit` loss, so this also pins regviz's loss convention.
  @Test(arguments: KerasExportTests.cases.map(\.name))
  func regvizPrintsWhatKerasPrinted(name: String) throws {
    let c = try #require(Self.cases.first { $0.name == name })
    let dir = CLI.temporaryDirectory()
    let dump = dir.appendingPathComponent("weights.json").path
    let r = try CLI.run(["run"] + c.flags + ["--format", "jsonl", "--dump-weights", dump])
    #expect(r.status == 0, "\(r.stderr)")
    let keras = try String(contentsOf: Self.fixtures.appendingPathComponent("\(name).jsonl"), encoding: .utf8)
    let worst = try Self.largestDifference(regviz: r.stdout, keras: keras)
    for (field, difference) in worst { #expect(difference <= 1e-4, "\(name): \(field) differs by \(difference)") }
    #expect(worst["loss"] != nil)
    let ours = try JSONDecoder().decode(WeightDump.self, from: Data(contentsOf: URL(fileURLWithPath: dump)))
    let theirs = try JSONDecoder().decode(WeightDump.self, from: Data(contentsOf: Self.fixtures.appendingPathComponent("\(name)-weights.json")))
    #expect(Self.largestWeightDifference(ours, theirs) <= 1e-4)
  }

  @Test func everyConfigurationTheIssueNamesHasAFixture() {
    let flags = Self.cases.map { $0.flags.joined(separator: " ") }
    #expect(flags.allSatisfy { $0.contains("--l1-rule subgradient") })
    #expect(flags.contains { $0.contains("--dataset iris") && $0.contains("keras = 1:l1=0.01;2:l2=0.01") })
    #expect(flags.contains { $0.contains("--dataset sparse") && !$0.contains("--lane") })  // the four default lanes
    // Patience that never runs out in the run: the best weights come back at the end all the same.
    #expect(flags.contains { $0.contains("stop=best-val:30") && $0.contains("--epochs 160") })
    // Every lane term (LaneTerms.table's l1, l2, wd; stop= and rule=, parsed beside it) has a configuration.
    for term in ["l1", "l2", "wd", "stop", "rule"] { #expect(flags.contains { $0.contains("\(term)=") }, "\(term)") }
    for part in ["--optimizer sgd", "--momentum 0.9", "--optimizer adam", "--batch-size full", "--batch-size 16",
                 "wd=0.02", "stop=best-val", "rule=subgradient", "l2=0.005,wd=0.01", "l1=0.001,stop=best-val"] {
      #expect(flags.contains { $0.contains(part) }, "\(part)")
    }
  }

  /// Every fixture configuration run live: regviz exports the script (`--keras-out`), the Python
  /// with Keras runs it, and every JSONL field and the final weights must agree as with the
  /// fixtures. CI (`.ci/run`) sets REGVIZ_PYTHON to the virtual environment of
  /// `scripts/keras-venv.sh`; elsewhere skipped without a Python that has Keras.
  @Test(.enabled(if: Python.withKeras != nil, "no Python with keras and numpy (set REGVIZ_PYTHON); the fixtures cover it"),
        arguments: KerasExportTests.cases.map(\.name))
  func exportedScriptRunsInKerasAndAgrees(name: String) throws {
    let python = try #require(Python.withKeras)
    let c = try #require(Self.cases.first { $0.name == name })
    let dir = CLI.temporaryDirectory()
    let export = dir.appendingPathComponent("export")
    let written = try CLI.run(["run"] + c.flags + ["--keras-out", export.path])
    #expect(written.status == 0, "\(written.stderr)")
    let kerasDump = dir.appendingPathComponent("keras-weights.json").path
    let keras = try Python.run(python, [export.appendingPathComponent("train.py").path, "--dump-weights", kerasDump])
    try #require(keras.status == 0, "\(keras.stderr)")
    let regvizDump = dir.appendingPathComponent("regviz-weights.json").path
    let regviz = try CLI.run(["run"] + c.flags + ["--format", "jsonl", "--dump-weights", regvizDump])
    #expect(regviz.status == 0, "\(regviz.stderr)")
    let worst = try Self.largestDifference(regviz: regviz.stdout, keras: keras.stdout)
    for (field, difference) in worst { #expect(difference <= 1e-4, "\(name): \(field) differs by \(difference)") }
    #expect(worst["loss"] != nil)
    let ours = try JSONDecoder().decode(WeightDump.self, from: Data(contentsOf: URL(fileURLWithPath: regvizDump)))
    let theirs = try JSONDecoder().decode(WeightDump.self, from: Data(contentsOf: URL(fileURLWithPath: kerasDump)))
    #expect(Self.largestWeightDifference(ours, theirs) <= 1e-4, "\(name): final weights differ")
  }

  /// Runs the printed script (`--keras`) in Python when keras is importable there; set
  /// REGVIZ_PYTHON to a Python that has it. Skipped otherwise.
  @Test(.enabled(if: Python.withKeras != nil, "no Python with keras and numpy (set REGVIZ_PYTHON); the fixtures cover it"))
  func printedScriptRunsInKerasAndAgrees() throws {
    let python = try #require(Python.withKeras)
    let flags = ["--dataset", "iris", "--hidden", "10,10", "--lane", "none", "--lane", "keras = 1:l1=0.01;2:l2=0.01",
                 "--l1-rule", "subgradient", "--optimizer", "sgd", "--lr", "0.1", "--momentum", "0.5",
                 "--batch-size", "32", "--epochs", "8"]
    let worst = try Self.runInKeras(flags, python: python)
    for (field, difference) in worst { #expect(difference <= 1e-4, "\(field) differs by \(difference)") }
  }

  /// The group lasso's export (issue 27) in live Keras: `GroupLasso`'s autodiff is regviz's
  /// subgradient, 0 at a zero row. Skipped without a Python with keras (the fixtures
  /// `sparse-group-*` cover it then).
  @Test(.enabled(if: Python.withKeras != nil, "no Python with keras and numpy (set REGVIZ_PYTHON); the fixtures cover it"))
  func groupLassoScriptRunsInKerasAndAgrees() throws {
    let python = try #require(Python.withKeras)
    let flags = ["--dataset", "sparse", "--hidden", "16,16", "--lane", "group=0.01", "--lane", "l1=0.01,group=0.02",
                 "--l1-rule", "subgradient", "--optimizer", "sgd", "--lr", "0.05", "--batch-size", "32", "--epochs", "6"]
    let worst = try Self.runInKeras(flags, python: python)
    #expect(worst["penalty"] != nil)
    for (field, difference) in worst { #expect(difference <= 1e-4, "\(field) differs by \(difference)") }
  }

  /// `regviz run FLAGS --keras` run in `python`, against `regviz run FLAGS --format jsonl`: the
  /// largest difference per field (see `largestDifference`).
  static func runInKeras(_ flags: [String], python: String) throws -> [String: Double] {
    let script = try CLI.run(["run"] + flags + ["--keras"])
    #expect(script.status == 0, "\(script.stderr)")
    let path = CLI.temporaryDirectory().appendingPathComponent("train.py")
    try script.stdout.write(to: path, atomically: true, encoding: .utf8)
    let keras = try Python.run(python, [path.path])
    #expect(keras.status == 0, "\(keras.stderr)")
    let regviz = try CLI.run(["run"] + flags + ["--format", "jsonl"])
    return try largestDifference(regviz: regviz.stdout, keras: keras.stdout)
  }

  /// Largest |Δ| per field over every (lane, epoch) the Keras output has; every one must be
  /// in regviz's output. Keras ends an early-stopped lane's `fit`; regviz prints that lane on,
  /// frozen: those rows, and only those, Keras lacks, and they must not change.
  static func largestDifference(regviz: String, keras: String) throws -> [String: Double] {
    func rows(_ text: String) throws -> [[String: Any]] {
      try text.split(separator: "\n").filter { $0.hasPrefix("{") }.map {
        try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
      }
    }
    var ours: [String: [String: Any]] = [:]
    let regvizRows = try rows(regviz)
    for row in regvizRows { ours["\(row["name"]!) \(row["epoch"]!)"] = row }
    var worst: [String: Double] = [:]
    let theirs = try rows(keras)
    var lastEpoch: [String: Int] = [:]
    for row in theirs { lastEpoch["\(row["name"]!)", default: 0] = max(lastEpoch["\(row["name"]!)"] ?? 0, row["epoch"] as! Int) }
    let frozen = regvizRows.filter { ($0["epoch"] as! Int) > lastEpoch["\($0["name"]!)", default: 0] }
    #expect(frozen.allSatisfy { ($0["lane"] as! String).contains("stop=") }, "regviz has rows Keras lacks")
    for lane in Set(frozen.map { "\($0["name"]!)" }) {
      let losses = Set(frozen.filter { "\($0["name"]!)" == lane }.map { $0["val_loss"] as! Double })
      #expect(losses.count == 1, "\(lane): rows after the stop change (\(losses.count) values)")
    }
    #expect(theirs.count + frozen.count == ours.count, "Keras printed \(theirs.count) rows, regviz \(ours.count)")
    for row in theirs {
      let key = "\(row["name"]!) \(row["epoch"]!)"
      guard let mine = ours[key] else { Issue.record("regviz has no row \(key)"); continue }
      for field in ["loss", "data_loss", "penalty", "acc", "val_loss", "val_acc"] {
        guard let a = row[field] as? Double, let b = mine[field] as? Double else { continue }
        worst[field] = max(worst[field] ?? 0, abs(a - b))
      }
    }
    return worst
  }

  static func largestWeightDifference(_ a: WeightDump, _ b: WeightDump) -> Float {
    var worst: Float = 0
    for lane in a.lanes {
      guard let other = b.lanes.first(where: { $0.name == lane.name }) else { return .infinity }
      for (x, y) in zip(lane.weights.layers, other.weights.layers) {
        for (p, q) in zip(x.kernel.joined(), y.kernel.joined()) { worst = max(worst, abs(p - q)) }
        for (p, q) in zip(x.bias, y.bias) { worst = max(worst, abs(p - q)) }
      }
    }
    return worst
  }
}

/// A Python interpreter that can import keras and numpy, if this machine has one.
enum Python {
  static let withKeras: String? = {
    let candidates = [ProcessInfo.processInfo.environment["REGVIZ_PYTHON"], "/usr/bin/python3", "/usr/local/bin/python3"]
    for candidate in candidates.compactMap({ $0 }) where FileManager.default.isExecutableFile(atPath: candidate) {
      if let r = try? run(candidate, ["-c", "import keras, numpy"]), r.status == 0 { return candidate }
    }
    return nil
  }()

  static func run(_ python: String, _ arguments: [String]) throws -> CLI.Result {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: python)
    p.arguments = arguments
    p.environment = ProcessInfo.processInfo.environment.merging(["TF_CPP_MIN_LOG_LEVEL": "3", "CUDA_VISIBLE_DEVICES": ""]) { $1 }
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return CLI.Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
  }
}

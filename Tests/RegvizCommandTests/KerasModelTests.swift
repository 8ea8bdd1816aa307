import Foundation
import RegvizData
import Testing

/// `--keras-model` and `--init-weights` with files Keras wrote (`model.to_json()`,
/// `get_weights()` as JSON; made with Keras 3.15 for the tutorial's Iris model).
@Suite struct KerasModelTests {
  static let dir = CLI.repo.appendingPathComponent("Tests/RegvizCommandTests/Fixtures/keras-model")
  static let tutorial = dir.appendingPathComponent("tutorial.json").path
  static let tutorialWeights = dir.appendingPathComponent("tutorial-weights.json").path

  @Test func theTutorialsModelShowsItsLayersWithKerasNames() throws {
    let r = try CLI.run(["run", "--dataset", "iris", "--keras-model", Self.tutorial, "--summary"])
    #expect(r.status == 0, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n").map(String.init)
    let header = try #require(lines.first { $0.hasPrefix("Layer (type)") })
    #expect(header.hasSuffix("none kernel_regularizer  keras kernel_regularizer"))
    #expect(lines.contains { $0.hasPrefix("dense (Dense) ") && $0.contains("4→10") && $0.contains("relu") && $0.range(of: #"none\s+l1\(0\.01\)$"#, options: .regularExpression) != nil })
    #expect(lines.contains { $0.hasPrefix("dense_1 (Dense) ") && $0.contains("10→10") && $0.hasSuffix("l2(0.01)") })
    #expect(lines.contains { $0.hasPrefix("dense_2 (Dense) ") && $0.contains("10→3") && $0.contains("softmax") && $0.hasSuffix("none") })
    #expect(!r.stdout.contains("dense_3"))
    #expect(r.stdout.contains("Total params: 193 — 170 kernel weights, 23 biases (never penalized)"))
    #expect(r.stdout.contains("Regularized kernel weights: none 0 · keras 140 (dense 40, dense_1 100)"))
  }

  /// The model file gives the same experiment as the tutorial's flags, so the same export.
  @Test func theModelFileIsTheTutorialsFlags() throws {
    let fromFile = try CLI.run(["run", "--dataset", "iris", "--keras-model", Self.tutorial, "--keras", "--epochs", "5"])
    let fromFlags = try CLI.run(["run", "--dataset", "iris", "--hidden", "10,10", "--lane", "none",
                                 "--lane", "keras = 1:l1=0.01;2:l2=0.01", "--keras", "--epochs", "5"])
    #expect(fromFile.status == 0 && fromFile.stdout == fromFlags.stdout)
  }

  @Test func laneFlagsReplaceTheModelsLanes() throws {
    let r = try CLI.run(["run", "--dataset", "iris", "--keras-model", Self.tutorial, "--lane", "l2=0.1", "--summary"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("L2 kernel_regularizer") && !r.stdout.contains("keras kernel_regularizer"))
  }

  @Test func initWeightsFromGetWeightsAreTheExportsStart() throws {
    let out = CLI.temporaryDirectory().appendingPathComponent("export").path
    let r = try CLI.run(["run", "--dataset", "iris", "--keras-model", Self.tutorial, "--init-weights", Self.tutorialWeights,
                         "--keras-out", out])
    #expect(r.status == 0, "\(r.stderr)")
    let given = try WeightsFile.load(Self.tutorialWeights)
    let exported = try WeightsFile.load(out + "/weights.json")
    #expect(exported == given)
    #expect(Set(try FileManager.default.contentsOfDirectory(atPath: out)) == ["train.py", "train.csv", "validation.csv", "weights.json"])
    let train = try String(contentsOfFile: out + "/train.csv", encoding: .utf8).split(separator: "\n")
    #expect(train.count == 1 + 105 && train[0] == "sepal_length,sepal_width,petal_length,petal_width,label")
  }

  @Test func aDumpReadsBackAsInitialWeights() throws {
    let dir = CLI.temporaryDirectory()
    let dump = dir.appendingPathComponent("dump.json").path, out = dir.appendingPathComponent("export").path
    let a = try CLI.run(["run", "--dataset", "iris", "--hidden", "5", "--epochs", "3", "--dump-weights", dump])
    #expect(a.status == 0, "\(a.stderr)")
    let b = try CLI.run(["run", "--dataset", "iris", "--hidden", "5", "--init-weights", dump + "#L2", "--keras-out", out])
    #expect(b.status == 0, "\(b.stderr)")
    let lanes = try JSONDecoder().decode(WeightDump.self, from: Data(contentsOf: URL(fileURLWithPath: dump))).lanes
    #expect(try WeightsFile.load(out + "/weights.json") == lanes.first { $0.name == "L2" }?.weights)
  }

  @Test func whatRegvizCannotBuildIsOneLineNamingTheLayer() throws {
    let dropout = Self.dir.appendingPathComponent("dropout.json").path
    let cases: [([String], String)] = [
      (["--dataset", "iris", "--keras-model", dropout], "--keras-model: \(dropout): layer 'dropout' (Dropout): regviz builds Dense layers only"),
      (["--dataset", "sparse", "--keras-model", Self.tutorial], "the model takes 4 inputs, the data set has 20 features"),
      (["--dataset", "iris", "--keras-model", "/no/such.json"], "--keras-model: /no/such.json: cannot read the file"),
      (["--dataset", "iris", "--keras-model", Self.tutorial, "--init-weights", dropout], "--init-weights: \(dropout): not a weights file"),
    ]
    for (args, message) in cases {
      let r = try CLI.run(["run", "--summary"] + args)
      #expect(r.status != 0, "\(args)")
      #expect(r.stderr.hasPrefix("regviz: ") && r.stderr.contains(message), "\(args): \(r.stderr)")
      #expect(r.stderr.split(separator: "\n").count == 1, "\(args): \(r.stderr)")
    }
  }
}

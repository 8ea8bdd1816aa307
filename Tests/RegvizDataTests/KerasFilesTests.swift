import Foundation
import NeuralCore
import Testing
@testable import RegvizData

/// The Keras side's files: get_weights() JSON, weight dumps, model.to_json().
@Suite final class KerasFilesTests {
  /// The files a test wrote, removed when it ends (a test run left four behind each time).
  private var files: [String] = []

  deinit { for file in files { try? FileManager.default.removeItem(atPath: file) } }

  func temp(_ text: String) -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("regviz-\(UUID().uuidString).json")
    try! text.write(to: url, atomically: true, encoding: .utf8)
    files.append(url.path)
    return url.path
  }

  @Test func getWeightsListRoundTrips() throws {
    let net = Network(inputs: 3, hidden: [2], classes: 2, activation: .relu, seed: 5)
    let file = WeightsFile(network: net)
    let json = String(decoding: try JSONEncoder().encode(file), as: UTF8.self)
    #expect(json.hasPrefix("[[["))  // kernel (3, 2) first, as get_weights() lists it
    let back = try WeightsFile.load(temp(json))
    #expect(back.applied(to: net) == net)
  }

  @Test func aDumpIsAnInitWeightsFileLaneByLane() throws {
    let a = WeightsFile(layers: [.init(kernel: [[1, 2]], bias: [3, 4])])
    let b = WeightsFile(layers: [.init(kernel: [[5, 6]], bias: [7, 8])])
    let dump = WeightDump(lanes: [.init(lane: "none", name: "none", weights: a), .init(lane: "l1=0.01", name: "L1", weights: b)])
    let path = temp(dump.json)
    #expect(try WeightsFile.load(path + "#L1") == b)
    #expect(throws: DataError.self) { try WeightsFile.load(path) }
    do { _ = try WeightsFile.load(path) } catch { #expect(error.description.contains("holds 2 lanes (none, L1); pick one with")) }
    do { _ = try WeightsFile.load(path + "#L2") } catch { #expect(error.description.contains("no lane named 'L2' (lanes: none, L1)")) }
    let single = temp(WeightDump(lanes: [.init(lane: "none", name: "none", weights: a)]).json)
    #expect(try WeightsFile.load(single) == a)
  }

  @Test func aKernelWithoutItsBiasIsRefused() {
    do { _ = try WeightsFile.load(temp("[[[1, 2]], [3, 4], [[5]]]")); Issue.record("accepted") } catch {
      #expect(error.description.contains("not a weights file"))
    }
  }

  func model(_ layers: String, name: String = "sequential") throws(DataError) -> KerasModelFile {
    try KerasModelFile.parse(Data("{\"class_name\": \"Sequential\", \"config\": {\"name\": \"\(name)\", \"layers\": [\(layers)]}}".utf8),
                             path: "m.json")
  }

  func dense(_ name: String, _ units: Int, _ act: String, _ reg: String = "null", extra: String = "") -> String {
    "{\"class_name\": \"Dense\", \"config\": {\"name\": \"\(name)\", \"units\": \(units), \"activation\": \"\(act)\", \"use_bias\": true, \"kernel_regularizer\": \(reg)\(extra)}}"
  }

  @Test func readsDenseLayersAndTheirRegularizers() throws {
    let input = "{\"class_name\": \"InputLayer\", \"config\": {\"batch_shape\": [null, 4], \"name\": \"input_layer\"}}"
    let m = try model([input,
                       dense("dense", 10, "tanh", "{\"class_name\": \"L1L2\", \"config\": {\"l1\": 0.001, \"l2\": 0.002}}"),
                       dense("dense_1", 3, "softmax", "{\"class_name\": \"L2\", \"config\": {\"l2\": 0.01}}")].joined(separator: ","))
    #expect(m.inputs == 4 && m.hidden == [10] && m.activation == .tanh && m.classes == 3)
    #expect(m.regularizers == [.l1_l2(l1: 0.001, l2: 0.002), .l2(0.01)])
  }

  /// The export's `GroupLasso` as Keras 3.15's `to_json()` writes it (module null: the class lives
  /// in the script's `__main__`; registered_name its class name).
  static func groupLasso(_ config: String, module: String = "null", registered: String = "\"GroupLasso\"") -> String {
    "{\"module\": \(module), \"class_name\": \"GroupLasso\", \"config\": {\(config)}, \"registered_name\": \(registered)}"
  }

  @Test func readsTheExportsGroupLasso() throws {
    let m = try model([dense("dense", 16, "relu", Self.groupLasso("\"group\": 0.05, \"l1\": 0.0, \"l2\": 0.0")),
                       dense("dense_1", 3, "softmax")].joined(separator: ","))
    #expect(m.regularizers == [.group(0.05), .none])
    #expect(m.regularizers[0].lambdaGroup == 0.05 && m.regularizers[0].lambda1 == 0 && m.regularizers[0].lambda2 == 0)
    // The sparse group lasso: its L1 and L2 ride along in the one class; l1 and l2 default to 0.
    let sparse = try model([dense("dense", 16, "relu", Self.groupLasso("\"group\": 0.02, \"l1\": 0.01", module: "\"__main__\"")),
                            dense("dense_1", 3, "softmax", Self.groupLasso("\"group\": 0.01, \"l2\": 0.005", registered: "null"))]
                            .joined(separator: ","))
    #expect(sparse.regularizers == [Regularizer(lambda1: 0.01, lambdaGroup: 0.02), Regularizer(lambda2: 0.005, lambdaGroup: 0.01)])
  }

  @Test func refusesAGroupLassoThatIsNotTheExportsNamingTheField() {
    let cases: [(String, String)] = [
      (Self.groupLasso("\"l1\": 0.01"), "kernel_regularizer GroupLasso: no \"group\" strength in its config"),
      (Self.groupLasso("\"group\": null"), "kernel_regularizer GroupLasso: no \"group\" strength in its config"),
      (Self.groupLasso("\"group\": \"0.05\""), "kernel_regularizer GroupLasso: \"group\" must be a number, got \"0.05\""),
      (Self.groupLasso("\"group\": true"), "kernel_regularizer GroupLasso: \"group\" must be a number, got true"),
      (Self.groupLasso("\"group\": 0.05, \"l1\": [0.01]"), "kernel_regularizer GroupLasso: \"l1\" must be a number, got a list"),
      (Self.groupLasso("\"group\": -0.05"), "kernel_regularizer GroupLasso: group strength must be a finite number ≥ 0, got -0.05"),
      (Self.groupLasso("\"group\": 1e300"), "kernel_regularizer GroupLasso: \"group\" 1e+300 is outside single precision"),
      (Self.groupLasso("\"group\": 0.05, \"groups\": 4"), "kernel_regularizer GroupLasso: config key \"groups\" is not one of group, l1, l2 (regviz reads its own export's GroupLasso)"),
      (Self.groupLasso("\"group\": 0.05", module: "3"), "kernel_regularizer GroupLasso: \"module\" must be a string, got 3"),
      (Self.groupLasso("\"group\": 0.05", registered: "{}"), "kernel_regularizer GroupLasso: \"registered_name\" must be a string, got an object"),
      ("{\"class_name\": \"GroupLasso\", \"config\": [0.05]}", "kernel_regularizer GroupLasso: \"config\" must be an object, got a list"),
      ("{\"class_name\": \"SparseGroupLasso\", \"config\": {\"group\": 0.05}}",
       "kernel_regularizer SparseGroupLasso is not one of L1, L2, L1L2, GroupLasso"),
    ]
    for (reg, message) in cases {
      do { _ = try model(dense("dense", 3, "softmax", reg)); Issue.record("accepted: \(reg)") } catch {
        #expect(error.description == "m.json: layer 'dense' (Dense): \(message)", "\(error.description)")
        #expect(!error.description.contains("\n"))
      }
    }
  }

  @Test func refusesWhatRegvizCannotBuildNamingTheLayer() {
    let cases: [(String, String)] = [
      ("{\"class_name\": \"Dropout\", \"config\": {\"name\": \"dropout\", \"rate\": 0.5}}",
       "m.json: layer 'dropout' (Dropout): regviz builds Dense layers only"),
      (dense("dense", 3, "softmax", "{\"class_name\": \"OrthogonalRegularizer\", \"config\": {}}"),
       "layer 'dense' (Dense): kernel_regularizer OrthogonalRegularizer is not one of L1, L2, L1L2, GroupLasso"),
      (dense("dense", 3, "sigmoid"), "layer 'dense' (Dense): the output layer's activation is 'sigmoid'"),
      (dense("dense", 3, "softmax", extra: ", \"bias_regularizer\": {\"class_name\": \"L2\", \"config\": {\"l2\": 0.1}}"),
       "layer 'dense' (Dense): bias_regularizer is not supported"),
      ([dense("dense", 4, "gelu"), dense("dense_1", 3, "softmax")].joined(separator: ","),
       "layer 'dense' (Dense): activation 'gelu' is not one of relu"),
      ([dense("dense", 4, "relu"), dense("dense_1", 4, "tanh"), dense("dense_2", 3, "softmax")].joined(separator: ","),
       "layer 'dense_1' (Dense): activation 'tanh' differs from 'relu'"),
      (dense("dense", 3, "softmax", "{\"class_name\": \"L1\", \"config\": {\"l1\": -1}}"), "l1 strength must be"),
    ]
    for (layers, message) in cases {
      do { _ = try model(layers); Issue.record("accepted: \(layers)") } catch {
        #expect(error.description.contains(message), "\(error.description)")
        #expect(!error.description.contains("\n"))
      }
    }
    do { _ = try KerasModelFile.parse(Data("{\"class_name\": \"Functional\", \"config\": {}}".utf8), path: "f.json") } catch {
      #expect(error.description == "f.json: the model is a Functional; regviz reads a Sequential of Dense layers")
    }
  }
}

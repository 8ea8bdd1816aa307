import Foundation
import NeuralCore

/// What RegViz can build from a Keras `model.to_json()`: a `Sequential` of `Dense` layers, the
/// hidden ones sharing one activation, the last one softmax, each with an optional
/// `kernel_regularizer` (L1, L2, L1L2, or the `GroupLasso` RegViz's Keras export defines). Reads the Keras 3 form and tf.keras 2's. Anything else —
/// another layer type, a bias or activity regularizer, a constraint, `use_bias=False` — is
/// refused with one line naming the layer, rather than trained as something it is not.
public struct KerasModelFile: Sendable, Equatable {
  /// The model's `name` (`sequential`).
  public var name: String
  /// Input features, when the JSON says (an `InputLayer` or a built model); nil otherwise.
  public var inputs: Int?
  /// Units of the hidden Dense layers, in order.
  public var hidden: [Int]
  public var activation: Activation
  /// Units of the output layer.
  public var classes: Int
  /// One kernel regularizer per Dense layer, output layer last.
  public var regularizers: [Regularizer]
  /// Keras's names of the Dense layers, as in the file.
  public var layerNames: [String]

  public static func load(path: String) throws(DataError) -> KerasModelFile {
    guard let data = FileManager.default.contents(atPath: path) else { throw DataError(path: path, "cannot read the file") }
    return try parse(data, path: path)
  }

  public static func parse(_ data: Data, path: String) throws(DataError) -> KerasModelFile {
    func fail(_ message: String) -> DataError { DataError(path: path, message) }
    let root: [String: Any]
    do {
      guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
        throw fail("not the JSON of model.to_json(): expected an object")
      }
      root = object
    } catch let error as DataError { throw error } catch {
      throw fail("not valid JSON (\((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"))")
    }
    let className = root["class_name"] as? String ?? "?"
    guard className == "Sequential" else {
      throw fail("the model is a \(className); regviz reads a Sequential of Dense layers")
    }
    let config = root["config"] as? [String: Any] ?? [:]
    guard let layers = config["layers"] as? [[String: Any]] else { throw fail("no \"layers\" list in the model's config") }
    var model = KerasModelFile(name: config["name"] as? String ?? "sequential", inputs: nil, hidden: [], activation: .relu,
                               classes: 0, regularizers: [], layerNames: [])
    var dense: [(name: String, units: Int, activation: String)] = []
    for layer in layers {
      let cls = layer["class_name"] as? String ?? "?"
      let c = layer["config"] as? [String: Any] ?? [:]
      let name = c["name"] as? String ?? "?"
      let label = "layer '\(name)' (\(cls))"
      if cls == "InputLayer" {
        model.inputs = Self.lastDimension(c["batch_shape"] ?? c["batch_input_shape"])
        continue
      }
      guard cls == "Dense" else { throw fail("\(label): regviz builds Dense layers only") }
      guard c["units"] != nil else { throw fail("\(label): no units") }
      guard let count = Self.number(c["units"]), count.rounded() == count, count >= 1, count <= 1_000_000 else {
        throw fail("\(label): \"units\" must be a whole number 1…1000000, got \(Self.json(c["units"]))")
      }
      let units = Int(count)
      if let bias = c["use_bias"] {
        guard let flag = Self.boolean(bias) else {
          throw fail("\(label): \"use_bias\" must be true or false, got \(Self.json(bias))")
        }
        if !flag { throw fail("\(label): use_bias=False is not supported (regviz's Dense layers have a bias)") }
      }
      for key in ["bias_regularizer", "activity_regularizer", "kernel_constraint", "bias_constraint"]
      where !(c[key] == nil || c[key] is NSNull) {
        throw fail("\(label): \(key) is not supported (regviz penalizes kernels only)")
      }
      if dense.isEmpty, model.inputs == nil {
        let built = (layer["build_config"] as? [String: Any])?["input_shape"]
        model.inputs = Self.lastDimension(c["batch_input_shape"] ?? built)
      }
      do { model.regularizers.append(try Self.regularizer(c["kernel_regularizer"])) } catch {
        throw fail("\(label): \(error.message)")
      }
      dense.append((name, units, Self.activationName(c["activation"])))
    }
    guard let output = dense.last else { throw fail("the model has no Dense layer") }
    guard output.activation == "softmax" else {
      throw fail("layer '\(output.name)' (Dense): the output layer's activation is '\(output.activation)'; regviz trains a softmax classifier")
    }
    let hiddenActivations = dense.dropLast().map(\.activation)
    if let first = hiddenActivations.first {
      guard let act = Activation(rawValue: first) else {
        throw fail("layer '\(dense[0].name)' (Dense): activation '\(first)' is not one of \(Activation.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      if let odd = dense.dropLast().first(where: { $0.activation != first }) {
        throw fail("layer '\(odd.name)' (Dense): activation '\(odd.activation)' differs from '\(first)'; regviz's hidden layers share one")
      }
      model.activation = act
    }
    model.hidden = dense.dropLast().map(\.units)
    model.classes = output.units
    model.layerNames = dense.map(\.name)
    return model
  }

  /// `[null, 4]` → 4.
  static func lastDimension(_ shape: Any?) -> Int? {
    (shape as? [Any])?.last.flatMap { ($0 as? NSNumber)?.intValue }
  }

  /// `"relu"`, or Keras 2's serialized form of a built-in activation.
  static func activationName(_ value: Any?) -> String {
    if let s = value as? String { return s }
    if let d = value as? [String: Any] { return (d["config"] as? [String: Any])?["name"] as? String ?? d["class_name"] as? String ?? "?" }
    return "linear"
  }

  /// A JSON number (not a boolean: Foundation hands `true` over as an NSNumber too).
  static func number(_ value: Any?) -> Double? {
    guard let n = value as? NSNumber, boolean(n) == nil else { return nil }
    return n.doubleValue
  }

  /// A JSON `true` or `false`; nil for anything else (a number, the string "false").
  static func boolean(_ value: Any) -> Bool? {
    guard let n = value as? NSNumber, String(cString: n.objCType) == "c" else { return nil }
    return n.boolValue
  }

  /// A value as JSON shows it, for error messages: `3.7`, `true`, `"0.01"`, `null`.
  static func json(_ value: Any?) -> String {
    guard let value, !(value is NSNull) else { return "null" }
    if let flag = boolean(value) { return flag ? "true" : "false" }
    if let text = value as? String { return "\"\(text.prefix(40))\"" }
    if let n = value as? NSNumber { return "\(n)" }
    return value is [Any] ? "a list" : "an object"
  }

  struct RegularizerError: Error { var message: String }

  /// `null`, or `{"class_name": "L1" | "L2" | "L1L2", "config": {"l1": …, "l2": …}}`, or the
  /// export's `{"class_name": "GroupLasso", "config": {"group": …, "l1": …, "l2": …}}`.
  static func regularizer(_ value: Any?) throws(RegularizerError) -> Regularizer {
    guard let value, !(value is NSNull) else { return .none }
    guard let d = value as? [String: Any] else { throw RegularizerError(message: "kernel_regularizer '\(value)' is not understood") }
    let cls = d["class_name"] as? String ?? "?"
    let c: [String: Any]
    let rawConfig = d["config"]
    if rawConfig == nil || rawConfig is NSNull {
      c = [:]
    } else if let config = rawConfig as? [String: Any] {
      c = config
    } else {
      throw RegularizerError(message: "kernel_regularizer \(cls): \"config\" must be an object, got \(json(rawConfig))")
    }
    // Keras's defaults for a missing or null strength: L1(l1=0.01), L2(l2=0.01), L1L2(0, 0).
    func strength(_ key: String, default fallback: Double) throws(RegularizerError) -> Float {
      guard let raw = c[key], !(raw is NSNull) else { return Float(fallback) }
      guard let value = number(raw) else {
        throw RegularizerError(message: "kernel_regularizer \(cls): \"\(key)\" must be a number, got \(json(raw))")
      }
      let single = Float(value)
      guard value == 0 || single.isNormal else {
        throw RegularizerError(message: "kernel_regularizer \(cls): \"\(key)\" \(value) is outside single precision")
      }
      return single
    }
    let r: Regularizer
    switch cls {
    case "L1": r = .l1(try strength("l1", default: 0.01))
    case "L2": r = .l2(try strength("l2", default: 0.01))
    case "L1L2": r = .l1_l2(l1: try strength("l1", default: 0), l2: try strength("l2", default: 0))
    case "GroupLasso": r = try groupLasso(d, c, strength: strength)
    default: throw RegularizerError(message: "kernel_regularizer \(cls) is not one of L1, L2, L1L2, GroupLasso")
    }
    if let p = r.problem { throw RegularizerError(message: "kernel_regularizer \(cls): \(p)") }
    return r
  }

  /// RegViz's own export's `GroupLasso(group, l1=0.0, l2=0.0)` (a custom class, so Keras writes
  /// `"module"` and `"registered_name"` beside it): `group` is required, as in its `__init__`;
  /// any other key means someone else's GroupLasso, which is refused rather than guessed at.
  static func groupLasso(_ d: [String: Any], _ c: [String: Any],
                         strength: (String, Double) throws(RegularizerError) -> Float) throws(RegularizerError) -> Regularizer {
    for key in ["module", "registered_name"] {
      guard let raw = d[key], !(raw is NSNull) else { continue }
      guard raw is String else {
        throw RegularizerError(message: "kernel_regularizer GroupLasso: \"\(key)\" must be a string, got \(json(raw))")
      }
    }
    if let other = c.keys.sorted().first(where: { !["group", "l1", "l2"].contains($0) }) {
      throw RegularizerError(message: "kernel_regularizer GroupLasso: config key \"\(other)\" is not one of group, l1, l2 (regviz reads its own export's GroupLasso)")
    }
    guard !(c["group"] == nil || c["group"] is NSNull) else {
      throw RegularizerError(message: "kernel_regularizer GroupLasso: no \"group\" strength in its config")
    }
    return Regularizer(lambda1: try strength("l1", 0), lambda2: try strength("l2", 0), lambdaGroup: try strength("group", 0))
  }
}

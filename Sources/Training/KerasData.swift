import Foundation
import NeuralCore
import RegvizData

/// The exported script's data and initial weights, inline or in files. Numbers are written as
/// the shortest text that reads back as the same float32 (Swift's `description`), so Keras
/// starts from RegViz's exact bits.
enum KerasData {
  /// `load_data()` and `initial_weights()` with every number in the script.
  static func inline(data: DataSplit, initial: Network) -> String {
    let d = initial.inputCount
    var s = """
      # The rows regviz used, after its standardization (z-scored with the training part's mean and
      # standard deviation), as float32; labels are class indices.
      def load_data():
          return (array(\(rows(data.train)), "float32", (-1, \(d))),
                  array(\(labels(data.train)), "int32"),

      """
    if let v = data.validation {
      s += """
                array(\(rows(v)), "float32", (-1, \(d))),
                array(\(labels(v)), "int32"))

        """
    } else {
      s += "            np.zeros((0, \(d)), \"float32\"), np.zeros(0, \"int32\"))\n"
    }
    s += """


      # The initial weights every lane starts from, as model.get_weights() lists them: kernel
      # (inputs, units), bias (units), per Dense layer.
      def initial_weights():
          return [

      """
    for (l, layer) in initial.layers.enumerated() {
      let kernel = (0..<layer.inputs).map { i in
        "[" + layer.kernel[(i * layer.units)..<((i + 1) * layer.units)].map(number).joined(separator: ", ") + "]"
      }
      s += "        array([  # \(Network.kerasLayerName(l)) kernel (\(layer.inputs), \(layer.units))\n"
      s += kernel.map { "            \($0),\n" }.joined()
      s += "        ], \"float32\"),\n"
      s += "        array([\(layer.bias.map(number).joined(separator: ", "))], \"float32\"),  # \(Network.kerasLayerName(l)) bias\n"
    }
    s += """
          ]


      def array(values, dtype, shape=None):
          a = np.array(values, dtype=dtype)
          return a if shape is None else a.reshape(shape)
      """
    return s
  }

  /// `load_data()` and `initial_weights()` reading the files beside the script.
  static func loader(hasValidation: Bool) -> String {
    """
    # The rows regviz used, after its standardization, in CSV beside this script (header row,
    # features, then the class index); the initial weights in weights.json as
    # model.get_weights() lists them (kernel, bias, … per Dense layer).
    HERE = os.path.dirname(os.path.abspath(__file__))


    def load_csv(name):
        rows = np.loadtxt(os.path.join(HERE, name), delimiter=",", skiprows=1, ndmin=2)
        return rows[:, :-1].astype("float32"), rows[:, -1].astype("int32")


    def load_data():
        x_train, y_train = load_csv("train.csv")
    \(hasValidation ? "    x_val, y_val = load_csv(\"validation.csv\")"
                    : "    x_val, y_val = np.zeros((0, x_train.shape[1]), \"float32\"), np.zeros(0, \"int32\")")
        return x_train, y_train, x_val, y_val


    def initial_weights():
        with open(os.path.join(HERE, "weights.json")) as f:
            return [np.array(w, dtype="float32") for w in json.load(f)]
    """
  }

  /// A header of feature names and `label`, then one row per sample.
  static func csv(_ set: Dataset) -> String {
    let header = set.featureNames.map { $0.replacingOccurrences(of: ",", with: " ") } + ["label"]
    var lines = [header.joined(separator: ",")]
    let d = set.featureCount
    for n in 0..<set.count {
      lines.append((set.features[(n * d)..<((n + 1) * d)].map(number) + [String(set.labels[n])]).joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The initial weights as `WeightsFile` JSON: Keras's `get_weights()` list.
  static func weightsJSON(_ network: Network) -> String {
    let encoder = JSONEncoder()
    return String(decoding: try! encoder.encode(WeightsFile(network: network)), as: UTF8.self) + "\n"
  }

  static func rows(_ set: Dataset) -> String {
    let d = set.featureCount
    guard set.count > 0 else { return "[]" }
    let rows = (0..<set.count).map { n in
      "            [" + set.features[(n * d)..<((n + 1) * d)].map(number).joined(separator: ", ") + "],"
    }
    return "[\n" + rows.joined(separator: "\n") + "\n        ]"
  }

  static func labels(_ set: Dataset) -> String {
    "[" + set.labels.map(String.init).joined(separator: ", ") + "]"
  }

  /// Shortest round-tripping text of a float32: `0.1`, `-1.25`, `3e-05`.
  static func number(_ x: Float) -> String { "\(x)" }

  /// A Python string literal.
  static func quote(_ s: String) -> String {
    "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }
}

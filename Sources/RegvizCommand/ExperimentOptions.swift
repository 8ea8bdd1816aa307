import ArgumentParser
import NeuralCore
import RegvizData
import Training

/// The flags that define an experiment, shared by `run`, `play` and `sweep`.
public struct ExperimentOptions: ParsableArguments, Sendable {
  @Option(help: "Data set: iris; digits (8×8 hand-written digits, 64 pixels, 10 classes); sparse (20 features, 4 informative); correlated[:ρ] (groups A1–A3, B1–B2, C1–C3 whose members correlate ρ, default 0.9, at most 0.99, plus noise n1–n6); or a path to a CSV file.", completion: .custom(Completions.datasets))
  public var dataset: String = "sparse"

  @Option(help: ArgumentHelp(
    "A named experiment: keras-iris is the Keras tutorial's model (Iris, 4 → Dense 10 relu L1 0.01 → Dense 10 relu L2 0.01 → Dense 3 softmax) beside the same model unregularized. It sets the data, the layers and the lanes; --lane still replaces the lanes.",
    valueName: "name"))
  public var setup: NamedSetup?

  @Option(name: .customLong("label-column"), help: "CSV label column: a header name or a 1-based index (default: last).")
  public var labelColumn: String?

  @Option(help: ArgumentHelp(
    "A CSV's features as a picture W pixels wide and H high, row by row (W×H must equal the feature count): the feature panel then draws each lane's inputs as pixels. digits is 8x8 already.",
    valueName: "WxH"))
  public var image: String?

  @Option(help: "Hidden layer sizes, comma-separated (e.g. 16,16), or 'none'.")
  public var hidden: String = "16,16"

  @Option(help: "Hidden activation.")
  public var activation: Activation = .relu

  @Option(name: .customLong("lane"), help: ArgumentHelp(ExperimentOptions.laneHelp, valueName: "spec"))
  public var lanes: [String] = []

  @Option(name: .customLong("l1-rule"), help: "How L1 enters the update: prox (exact zeros), subgradient (Keras), clip (Playground).")
  public var l1Rule: L1Rule = .prox

  @Option(help: "Optimizer.")
  public var optimizer: Optimizer.Kind = .sgd

  @Option(help: "Learning rate (> 0). Default: 0.1 for sgd, 0.01 for adam.")
  public var lr: String?

  @Option(help: "SGD momentum in [0, 1).")
  public var momentum: String = "0"

  @Option(name: .customLong("batch-size"), help: "Samples per step, or 'full' for the whole training set.")
  public var batchSize: String = "full"

  @Option(help: "Seed for the initial weights, the split and the minibatch order.")
  public var seed: String = "1"

  @Option(name: .customLong("val-split"), help: "Fraction of the data held out for validation, in [0, 1) (or a percentage).")
  public var valSplit: String = "0.3"

  @Option(name: .customLong("scale-feature"), help: ArgumentHelp(
    "Multiply one feature by a factor before the split, a change of units: A1:1000 (a name or 1-based number).",
    valueName: "feature:factor"))
  public var scaleFeature: String?

  @Flag(name: .customLong("no-standardize"), help: "Do not z-score the features.")
  public var noStandardize = false

  @Option(name: .customLong("zero-threshold"), help: "|w| below this counts as near zero.")
  public var zeroThreshold: Float = 1e-3

  @Option(name: .customLong("keras-model"), help: ArgumentHelp(
    "Build the network from Keras's model.to_json() of a Sequential of Dense layers (units, activations, kernel_regularizer); replaces --hidden and --activation, and its regularizers become a lane 'keras' beside 'none' unless --lane is given.",
    valueName: "file.json"), completion: .file(extensions: ["json"]))
  public var kerasModel: String?

  @Option(name: .customLong("data-dir"), help: DataDirHelp.help, completion: .directory)
  public var dataDir: String?

  public init() {}

  /// The configuration, or a ValidationError naming the flag and what it accepts. Values are
  /// read by `ExperimentValues`, as a lesson's setup reads them.
  public func makeConfig() throws -> ExperimentConfig {
    /// `parse(text)`, its problem as `--FLAG: problem`.
    func value<T>(_ flag: String, _ text: String, _ parse: (String) throws(ExperimentValues.Problem) -> T) throws -> T {
      do throws(ExperimentValues.Problem) { return try parse(text) } catch { throw ValidationError("--\(flag): \(error.message)") }
    }
    var c = ExperimentConfig()
    var label = LabelColumn.last
    if let labelColumn {
      if let i = Int(labelColumn) {
        guard i >= 1 else { throw ValidationError("--label-column: column numbers start at 1, got \(i)") }
        label = .index(i - 1)
      } else {
        label = .name(labelColumn)
      }
    }
    let source = try value("dataset", dataset) { v throws(ExperimentValues.Problem) in try ExperimentValues.dataset(v, label: label) }
    if labelColumn != nil, case .csv = source {} else if let labelColumn {
      throw ValidationError("--label-column: '\(labelColumn)' applies to CSV files only; \(dataset) has its own labels")
    }
    if let image {
      guard case .csv = source else {
        throw ValidationError("--image: '\(image)' applies to CSV files only; \(dataset) has its own layout")
      }
      c.image = try value("image", image, ExperimentValues.image)
    }
    if let problem = locator.explicitProblem { throw ValidationError("--data-dir: \(problem)") }
    c.dataset = source
    c.hidden = try value("hidden", hidden, ExperimentValues.hidden)
    c.activation = activation
    if let setup { c = setup.applied(to: c) }
    if let model = try loadKerasModel() {
      c.hidden = model.hidden
      c.activation = model.activation
      let spec = Self.laneSpec(model.regularizers)
      c.lanes = spec.perLayer == nil ? [LaneConfig(name: "keras", spec: spec)]
                                     : [LaneConfig(spec: LaneSpec()), LaneConfig(name: "keras", spec: spec)]
    }
    if !lanes.isEmpty {
      c.lanes = []
      for text in lanes {
        do { c.lanes.append(try LaneConfig.parse(text)) } catch { throw ValidationError("--lane: \(error.message)") }
      }
    }
    c.l1Rule = l1Rule
    let rate = try lr.map { try value("lr", $0, ExperimentValues.learningRate) }
    let m = try value("momentum", momentum, ExperimentValues.momentum)
    if optimizer == .adam && m != 0 { throw ValidationError("--momentum applies to sgd only") }
    c.optimizer = Optimizer(optimizer, learningRate: rate.map(Float.init) ?? (optimizer == .sgd ? 0.1 : 0.01), momentum: Float(m))
    c.batchSize = try value("batch-size", batchSize, ExperimentValues.batch)
    c.seed = try value("seed", seed, ExperimentValues.seed)
    c.validationSplit = try value("val-split", valSplit, ExperimentValues.validationSplit)
    c.standardize = !noStandardize
    if let scaleFeature, let scale = try value("scale-feature", scaleFeature, ExperimentValues.scaleFeature) {
      c.featureScale = FeatureScale(feature: scale.feature, factor: scale.factor)
    }
    guard zeroThreshold.isFinite && zeroThreshold > 0 else {
      throw ValidationError("--zero-threshold: must be a finite number > 0, got \(zeroThreshold)")
    }
    c.nearZeroThreshold = zeroThreshold
    if let p = c.problem { throw ValidationError(p) }
    return c
  }

  public var locator: ResourceLocator { ResourceLocator(explicit: dataDir) }

  /// The configuration with its data loaded and its initial weights drawn (or given), checked
  /// against the `--keras-model` file's input and output sizes.
  public func prepare(initialWeights: WeightsFile? = nil) throws -> PreparedExperiment {
    let config = try makeConfig()
    let prepared: PreparedExperiment
    do { prepared = try PreparedExperiment(config, initialWeights: initialWeights, locator: locator) } catch {
      throw CLIError(error.message)
    }
    if let path = kerasModel, let model = try loadKerasModel() {
      let net = prepared.initial
      if let inputs = model.inputs, inputs != net.inputCount {
        throw CLIError("--keras-model: \(path): the model takes \(inputs) inputs, the data set has \(net.inputCount) features")
      }
      if model.classes != net.classCount {
        throw CLIError("--keras-model: \(path): the output layer has \(model.classes) units, the data set has \(net.classCount) classes")
      }
    }
    return prepared
  }

  func loadKerasModel() throws -> KerasModelFile? {
    guard let kerasModel else { return nil }
    do { return try KerasModelFile.load(path: kerasModel) } catch { throw CLIError("--keras-model: \(error.description)") }
  }

  /// Per-layer regularizers as a lane spec: `1:l1=0.01;2:l2=0.01`, or `none`.
  static func laneSpec(_ regularizers: [Regularizer]) -> LaneSpec {
    var perLayer: [Int: Regularizer] = [:]
    for (l, r) in regularizers.enumerated() where !r.isNone { perLayer[l + 1] = r }
    return perLayer.isEmpty ? LaneSpec() : LaneSpec(perLayer: perLayer)
  }
}

extension ExperimentOptions {
  /// `--lane`'s help, its terms read from `TermKind.table` so a new kind is listed where it is defined.
  static var laneHelp: String {
    let terms = TermKind.table.map { "\($0.keyword)=λ, \($0.help)" }.joined(separator: "; ")
    return "A lane of regularization (repeatable): none, or terms joined by commas (l1=λ,l2=λ), "
      + "or per layer 1:l1=λ;2:l2=λ; optionally NAME = SPEC. Terms: \(terms). "
      + "Also stop=best-val[:PATIENCE], early stopping that keeps the weights of the best validation loss "
      + "(patience 20 epochs by default)."
  }
}

import NeuralCore
import RegvizData

/// One lane of an experiment: a name (as shown and as named in lesson conditions) and a spec.
public struct LaneConfig: Sendable, Hashable {
  public var name: String
  public var spec: LaneSpec

  public init(name: String? = nil, spec: LaneSpec) {
    self.name = name ?? spec.defaultName
    self.spec = spec
  }

  /// `none`, `l1=0.01`, or `NAME = SPEC`.
  public static func parse(_ text: String) throws(LaneSpec.ParseError) -> LaneConfig {
    if let range = text.range(of: " = ") {
      let name = text[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
      guard !name.isEmpty else {
        throw LaneSpec.ParseError(message: "lane '\(text)': the name before ' = ' is empty")
      }
      guard !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
        throw LaneSpec.ParseError(message: "lane '\(text)': the name holds a control character")
      }
      return LaneConfig(name: name, spec: try LaneSpec.parse(String(text[range.upperBound...])))
    }
    return LaneConfig(spec: try LaneSpec.parse(text))
  }
}

/// An experiment: one architecture, data set, optimizer and seed, trained under 1–8 lanes of
/// regularization. Lanes share the initial weights and the minibatch order.
public struct ExperimentConfig: Sendable, Hashable {
  public var dataset: DataSource = .sparse
  public var hidden: [Int] = [16, 16]
  public var activation: Activation = .relu
  public var lanes: [LaneConfig] = ExperimentConfig.defaultLanes
  public var l1Rule: L1Rule = .prox
  public var optimizer: Optimizer = .sgd(learningRate: 0.1)
  /// Samples per step; nil = the whole training set (full batch).
  public var batchSize: Int? = nil
  public var seed: UInt64 = 1
  /// Seed of synthetic data, kept apart from `seed` so a new run seed keeps the same data.
  public var dataSeed: UInt64 = 1
  public var validationSplit: Double = 0.3
  public var standardize = true
  /// One feature's values multiplied by a factor before the split (a change of units), or nil.
  public var featureScale: FeatureScale? = nil
  /// A CSV's features read as a W×H picture (`--image`); the digits are 8×8 without it.
  public var image: ImageShape? = nil
  public var nearZeroThreshold: Float = 1e-3
  public var impl: Impl = .simd

  public init() {}

  public static let maxLanes = 8
  /// Classes a data set may have: a label column of ids (one class a row) would otherwise
  /// build an output layer of 30 000 units.
  public static let maxClasses = 1000
  /// Floats all lanes together may hold (weights, gradients, optimizer moments, dead-link
  /// marks and the step's buffers): 512 M floats, 2 GiB. Checked before anything is allocated.
  public static let maxFloats = 512 << 20

  /// Floats one lane holds for a network of these sizes at a batch of `batch` samples.
  public static func floatsPerLane(inputs: Int, hidden: [Int], classes: Int, batch: Int) -> Int {
    let sizes = [inputs] + hidden + [classes]
    var parameters = 0, kernel = 0
    for (a, b) in zip(sizes, sizes.dropFirst()) {
      let (k, overflow) = a.multipliedReportingOverflow(by: b)
      if overflow { return .max }
      kernel += k
      parameters += k + b
    }
    let ld = (max(batch, 16) + 15) & ~15
    let rows = inputs + 2 * (hidden.reduce(0, +) + classes) + (sizes.dropFirst().max() ?? 1)
    let (work, overflow) = ld.multipliedReportingOverflow(by: rows)
    if overflow { return .max }
    // Weights, their gradients and two moment buffers; one dead-link mark per kernel weight.
    return 4 * parameters + kernel + work
  }
  public static var defaultLanes: [LaneConfig] {
    [LaneConfig(spec: LaneSpec()), LaneConfig(spec: LaneSpec(all: .l1(0.01))),
     LaneConfig(spec: LaneSpec(all: .l2(0.01))), LaneConfig(spec: LaneSpec(all: .l1_l2(l1: 0.01, l2: 0.01)))]
  }

  /// The first problem with this configuration, or nil.
  public var problem: String? {
    if lanes.isEmpty { return "at least one lane is needed" }
    if lanes.count > Self.maxLanes { return "at most \(Self.maxLanes) lanes, got \(lanes.count)" }
    var names = Set<String>()
    for lane in lanes where !names.insert(lane.name).inserted { return "two lanes are named '\(lane.name)'" }
    if hidden.contains(where: { $0 < 1 || $0 > 4096 }) { return "hidden layer sizes must be 1…4096" }
    if let batchSize, batchSize < 1 { return "batch size must be ≥ 1" }
    if !(validationSplit >= 0 && validationSplit < 1) { return "validation split must be in [0, 1)" }
    if let p = optimizer.problem { return p }
    if validationSplit == 0, let lane = lanes.first(where: { $0.spec.stopPatience != nil }) {
      return "lane '\(lane.name)': stop=best-val needs a validation part (--val-split > 0)"
    }
    return nil
  }

  /// Dense layers of the network: the hidden ones and the output layer.
  public var layerCount: Int { hidden.count + 1 }
}

/// Everything a run needs that follows from the configuration: the data and the shared start.
public struct PreparedExperiment: Sendable {
  public var config: ExperimentConfig
  /// `config.lanes` resolved against the network, in order: the one place specs are resolved.
  public var lanes: [Lane]
  public var data: DataSplit
  /// The initial network every lane starts from.
  public var initial: Network

  /// Loads the data and draws the initial weights. Throws a one-line message on bad input.
  public init(_ config: ExperimentConfig, initialWeights: WeightsFile? = nil,
              locator: ResourceLocator = ResourceLocator(),
              progress: (@Sendable (Double) -> Void)? = nil) throws(ConfigError) {
    if let p = config.problem { throw ConfigError(p) }
    var lanes: [Lane] = []
    for lane in config.lanes { lanes.append(try Lane(lane, layerCount: config.layerCount)) }
    var raw: Dataset
    do { raw = try config.dataset.load(seed: config.dataSeed, locator: locator, progress: progress) } catch {
      throw ConfigError(error.description)
    }
    guard raw.classCount <= ExperimentConfig.maxClasses else {
      throw ConfigError("the data has \(raw.classCount) classes; at most \(ExperimentConfig.maxClasses) (is the label column an id?)")
    }
    if let scale = config.featureScale { raw = try scale.applied(to: raw) }
    if let image = config.image {
      guard image.pixels == raw.featureCount else {
        throw ConfigError("--image \(image): \(image.width)×\(image.height) is \(image.pixels) pixels, but the data has \(raw.featureCount) features")
      }
      raw.image = image
    }
    let split = DataSplit(raw, validationFraction: config.validationSplit, standardize: config.standardize, seed: config.seed)
    guard split.train.count > 0 else { throw ConfigError("the training part is empty; lower the validation split") }
    let batch = min(config.batchSize ?? split.train.count, split.train.count)
    let perLane = ExperimentConfig.floatsPerLane(inputs: raw.featureCount, hidden: config.hidden,
                                                 classes: raw.classCount, batch: batch)
    let (total, overflow) = perLane.multipliedReportingOverflow(by: config.lanes.count)
    if overflow || total > ExperimentConfig.maxFloats {
      let millions = overflow ? "more than \(Int.max / 1_000_000)" : String(total / 1_000_000)
      throw ConfigError("\(config.lanes.count) lanes of \(([raw.featureCount] + config.hidden + [raw.classCount]).map(String.init).joined(separator: "-")) at batch \(batch) need \(millions) M floats; at most \(ExperimentConfig.maxFloats / 1_000_000) M fit (2 GiB): narrow --hidden, use fewer lanes or a smaller --batch-size")
    }
    var net = Network(inputs: raw.featureCount, hidden: config.hidden, classes: raw.classCount,
                      activation: config.activation, seed: config.seed)
    if let w = initialWeights {
      if let p = w.shapeProblem(for: net) { throw ConfigError("initial weights \(p)") }
      net = w.applied(to: net)
    }
    self.config = config
    self.lanes = lanes
    data = split
    initial = net
  }

  /// An experiment from parts already in memory (benchmarks, tests): no files are read.
  public init(config: ExperimentConfig, data: DataSplit, initial: Network) throws(ConfigError) {
    self.config = config
    lanes = []
    for lane in config.lanes { lanes.append(try Lane(lane, layerCount: initial.layers.count)) }
    self.data = data
    self.initial = initial
  }

  public var batchSize: Int { min(config.batchSize ?? data.train.count, data.train.count) }

  /// The learner for one lane: the shared start with this lane's regularizers.
  public func learner(for lane: Lane) -> Learner {
    var learner = Learner(network: initial, regularizers: lane.regularizers, optimizer: config.optimizer,
                          l1Rule: lane.spec.l1Rule ?? config.l1Rule,
                          impl: config.impl, maxBatch: batchSize)
    learner.weightDecays = lane.weightDecays
    return learner
  }

  /// The largest λ of any lane as configured: where the λ keys' ladder starts.
  public var referenceLambda: Float { Lane.referenceLambda(lanes) }
}

/// A configuration that cannot run, said in one line.
public struct ConfigError: Error, CustomStringConvertible, Equatable {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

/// Experiments with a name: one flag (`--setup`) away, and where the dashboard's `d` key goes.
public enum NamedSetup: String, Sendable, CaseIterable {
  /// The Keras tutorial our learners come from: Iris, 4 → Dense(10, relu, L1 0.01) →
  /// Dense(10, relu, L2 0.01) → Dense(3, softmax), beside the same model unregularized.
  case kerasIris = "keras-iris"

  /// `base` with this setup's data, layers and lanes.
  public func applied(to base: ExperimentConfig) -> ExperimentConfig {
    var c = base
    switch self {
    case .kerasIris:
      c.dataset = .iris
      c.hidden = [10, 10]
      c.activation = .relu
      c.lanes = [LaneConfig(spec: LaneSpec()),
                 LaneConfig(name: "keras", spec: LaneSpec(perLayer: [1: .l1(0.01), 2: .l2(0.01)]))]
    }
    return c
  }
}

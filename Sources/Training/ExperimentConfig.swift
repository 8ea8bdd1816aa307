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
  public var nearZeroThreshold: Float = 1e-3
  public var impl: Impl = .simd

  public init() {}

  public static let maxLanes = 8
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
              locator: ResourceLocator = ResourceLocator()) throws(ConfigError) {
    if let p = config.problem { throw ConfigError(p) }
    var lanes: [Lane] = []
    for lane in config.lanes { lanes.append(try Lane(lane, layerCount: config.layerCount)) }
    let raw: Dataset
    do { raw = try config.dataset.load(seed: config.dataSeed, locator: locator) } catch {
      throw ConfigError(error.description)
    }
    let split = DataSplit(raw, validationFraction: config.validationSplit, standardize: config.standardize, seed: config.seed)
    guard split.train.count > 0 else { throw ConfigError("the training part is empty; lower the validation split") }
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
    Learner(network: initial, regularizers: lane.regularizers, optimizer: config.optimizer, l1Rule: config.l1Rule,
            impl: config.impl, maxBatch: batchSize)
  }

  /// The largest λ of any lane as configured: where the λ keys' ladder starts.
  public var referenceLambda: Float { lanes.map(\.largestLambda).max() ?? 0 }
}

/// A configuration that cannot run, said in one line.
public struct ConfigError: Error, CustomStringConvertible, Equatable {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

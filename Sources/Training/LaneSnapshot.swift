import NeuralCore

/// What one lane looks like at one moment: an immutable value the trainer publishes and any
/// reader may keep. Nothing in it is shared with the trainer's working state.
public struct LaneSnapshot: Sendable {
  public var name: String
  public var spec: LaneSpec
  /// Epochs completed.
  public var epoch: Int
  /// The latest epoch's figures (nil before the first epoch).
  public var latest: EpochRecord?
  public var stats: WeightStats
  public var history: History
  /// The network at this moment (weights and each layer's regularizer).
  public var network: Network
  public var l1Rule: L1Rule
  public var learningRate: Float
  /// "diverged at epoch N" once the loss turned NaN or infinite; the lane then stops.
  public var diverged: String?

  public var regularizers: [Regularizer] { network.layers.map(\.regularizer) }
}

/// All lanes plus the runner's own state, as the dashboard reads it each frame.
public struct ExperimentSnapshot: Sendable {
  public var lanes: [LaneSnapshot]
  public var running: Bool
  public var speed: Speed
  /// Training steps per second over the last second, all lanes together.
  public var stepsPerSecond: Double
  public var config: ExperimentConfig
  /// Data set facts for labels: feature names, informative features, class count, sizes.
  public var featureNames: [String]
  public var informative: [Int]?
  public var trainCount: Int
  public var validationCount: Int
  /// A configuration change that failed (shown once in the status line), else nil.
  public var message: String?

  public var epoch: Int { lanes.map(\.epoch).max() ?? 0 }
}

import NeuralCore

/// What one lane looks like at one moment: an immutable value the trainer publishes and any
/// reader may keep. Nothing in it is shared with the trainer's working state.
public struct LaneSnapshot: Sendable {
  /// The lane's name, spec and per-layer regularizers as they are now (λ keys included).
  public var lane: Lane
  /// Epochs completed.
  public var epoch: Int
  /// The latest epoch's figures (nil before the first epoch).
  public var latest: EpochRecord?
  public var stats: WeightStats
  public var history: History
  /// The network's weights at this moment.
  public var network: Network
  /// The epoch at which the loss turned NaN or infinite; the lane stopped there.
  public var divergedAt: Int?
  /// Early stopping: the epoch the lane froze at, and the epoch whose weights it kept.
  public var stoppedAt: Int? = nil
  public var bestEpoch: Int? = nil
  /// A few single first-layer weights over epochs.
  public var trace: WeightTrace = .empty

  public var name: String { lane.name }
  public var regularizers: [Regularizer] { lane.regularizers }
}

/// All lanes plus the runner's own state, as the dashboard reads it each frame.
public struct ExperimentSnapshot: Sendable {
  public var lanes: [LaneSnapshot]
  public var running: Bool
  public var speed: Speed
  /// Training steps per second over the last second, all lanes together.
  public var stepsPerSecond: Double
  /// The experiment as it runs now: the configuration it was started with, with the lanes,
  /// learning rate and L1 rule the keys have changed since (derived from the trainers).
  public var config: ExperimentConfig
  /// Data set facts for labels: feature names, informative features, class count, sizes.
  public var featureNames: [String]
  public var informative: [Int]?
  public var trainCount: Int
  public var validationCount: Int
  /// A command that could not be carried out (shown once in the status line), else nil.
  public var message: String?
  /// While a new data set loads (a `reconfigure`): its name and the fraction read so far. The
  /// lanes meanwhile still show the experiment before it.
  public var loading: (name: String, fraction: Double)? = nil
  /// The data and initial weights the run started from: what a Keras export needs.
  public var prepared: PreparedExperiment? = nil
  /// The inputs as a picture (digits; a CSV with `--image`), else nil.
  public var image: ImageShape? = nil

  public var epoch: Int { lanes.map(\.epoch).max() ?? 0 }
}

import Lessons
import NeuralCore
import Training

/// The numbers a lesson condition reads, taken from an experiment's lanes at one moment.
///
/// Built either from a dashboard snapshot (`ExperimentSnapshot`) or from trainers running
/// without threads (`LessonReplay`); both give the same values for the same weights.
public struct LessonMetrics: MetricSource, Sendable {
  /// What one lane contributes: its latest epoch's figures and its current weights' statistics.
  public struct LaneState: Sendable {
    /// nil before the first epoch: every metric of the lane is then unavailable.
    public var latest: EpochRecord?
    public var stats: WeightStats
    /// Units of the first Dense layer (the row length of its kernel).
    public var firstLayerUnits: Int
    /// Hidden units and inputs L1 has cut out (`Network.prunedUnits`, `droppedInputs`).
    public var prunedUnits: Int
    public var droppedInputs: Int

    public init(latest: EpochRecord?, stats: WeightStats, firstLayerUnits: Int, prunedUnits: Int = 0,
                droppedInputs: Int = 0) {
      self.latest = latest
      self.stats = stats
      self.firstLayerUnits = firstLayerUnits
      self.prunedUnits = prunedUnits
      self.droppedInputs = droppedInputs
    }

    init(latest: EpochRecord?, stats: WeightStats, network: Network) {
      self.init(latest: latest, stats: stats, firstLayerUnits: network.layers.first?.units ?? 0,
                prunedUnits: network.prunedUnits.count, droppedInputs: network.droppedInputs.count)
    }
  }

  /// Epochs completed since the experiment (re)started: the furthest lane's count.
  public var epoch: Int
  /// By lane name.
  public var lanes: [String: LaneState]
  /// Indices of the informative input features, nil when the data set does not know them.
  public var informative: [Int]?
  /// The two-weight lens a step shows (`view: lens`), for `lens_zero(…)`.
  public var lens: LensScene?
  /// Correlated groups of input features (column indices), nil when the data set has none.
  public var groups: [[Int]]? = nil
  /// Rows of the first kernel with a norm below this count as dropped (`group_kept`).
  public var keptThreshold: Float = 1e-3
  /// The column whose units `scale-feature:` changed, nil when none was.
  public var scaledFeature: Int? = nil
  /// The inputs as a picture, for `dropped_border` and `dropped_inner`; nil when they are not one.
  public var image: ImageShape? = nil

  public init(epoch: Int, lanes: [String: LaneState], informative: [Int]?) {
    self.epoch = epoch
    self.lanes = lanes
    self.informative = informative
  }

  /// From the dashboard's published state.
  public init(snapshot: ExperimentSnapshot) {
    var lanes: [String: LaneState] = [:]
    for lane in snapshot.lanes {
      lanes[lane.name] = LaneState(latest: lane.latest, stats: lane.stats, network: lane.network)
    }
    self.init(epoch: snapshot.epoch, lanes: lanes, informative: snapshot.informative)
    groups = snapshot.prepared?.data.train.groups
    image = snapshot.image
    keptThreshold = snapshot.config.nearZeroThreshold
    scaledFeature = snapshot.config.featureScale.flatMap { s in snapshot.featureNames.firstIndex(of: s.feature)
      ?? Int(s.feature).map { $0 - 1 } }
  }

  /// From trainers stepped by hand (headless replay).
  public init(trainers: [LaneTrainer], prepared: PreparedExperiment) {
    var lanes: [String: LaneState] = [:]
    for t in trainers {
      lanes[t.lane.name] = LaneState(latest: t.latest, stats: t.stats, network: t.learner.network)
    }
    self.init(epoch: trainers.map(\.epoch).max() ?? 0, lanes: lanes, informative: prepared.data.train.informative)
    groups = prepared.data.train.groups
    image = prepared.data.train.image
    keptThreshold = prepared.config.nearZeroThreshold
    scaledFeature = prepared.config.featureScale.flatMap { try? $0.column(in: prepared.data.train) }
  }

  public func value(_ metric: Metric, lane: String) -> Double? {
    if metric == .lensZero {
      guard let lens, let lensLane = LensLane.allCases.first(where: { $0.name == lane }) else { return nil }
      return Double(lens.zeros(lensLane))
    }
    guard let state = lanes[lane], let record = state.latest else { return nil }
    let stats = state.stats
    switch metric {
    case .zeros: return stats.zeroFraction
    case .nearZeros: return stats.nearZeroFraction
    case .acc: return record.accuracy
    case .valAcc: return record.valAccuracy
    case .loss: return record.loss
    case .valLoss: return record.valLoss
    case .dataLoss: return record.dataLoss
    case .penalty: return record.penalty
    case .l1Norm: return stats.l1Norm
    case .l2Norm: return stats.l2Norm
    case .noiseZeros:
      guard let noise = noiseFeatures(featureCount: stats.featureMagnitudes.count) else { return nil }
      return stats.zeroFraction(ofFeatures: noise, unitsPerFeature: state.firstLayerUnits)
    case .featureRatio:
      guard let informative, noiseFeatures(featureCount: stats.featureMagnitudes.count) != nil else { return nil }
      // Infinite when every noise row is exactly zero: "more than any ratio" is the right reading.
      let ratio = stats.featureRatio(informative: informative)
      return ratio.isNaN ? nil : ratio
    case .starRows:
      guard let informative, !informative.isEmpty else { return nil }
      return Double(informative.filter { !rowIsZero($0, stats, state) }.count) / Double(informative.count)
    case .prunedUnits: return Double(state.prunedUnits)
    case .droppedInputs: return Double(state.droppedInputs)
    case .lensZero: return nil
    case .groupKept:
      guard let members = groups?.flatMap({ $0 }), !members.isEmpty else { return nil }
      let rows = stats.featureMagnitudes
      return Double(members.filter { rows[$0] >= keptThreshold }.count) / Double(members.count)
    case .scaledKept:
      guard let i = scaledFeature, stats.featureMagnitudes.indices.contains(i) else { return nil }
      return stats.featureMagnitudes[i] >= keptThreshold ? 1 : 0
    case .droppedBorder, .droppedInner:
      guard let image, image.pixels == stats.featureZeros.count else { return nil }
      let pixels = (0..<image.pixels).filter { LessonMetrics.isBorder($0, image) == (metric == .droppedBorder) }
      guard !pixels.isEmpty else { return nil }
      return Double(pixels.filter { rowIsZero($0, stats, state) }.count) / Double(pixels.count)
    case .groupBalance:
      guard let groups, !groups.isEmpty else { return nil }
      let rows = stats.featureMagnitudes
      return groups.map { g -> Double in
        let norms = g.map { Double(rows[$0]) }
        let largest = norms.max() ?? 0
        return largest > 0 ? norms.min()! / largest : 0   // a group dropped whole shares nothing
      }.reduce(0, +) / Double(groups.count)
    }
  }

  /// Pixel `i` is in the picture's first or last row or column.
  static func isBorder(_ i: Int, _ image: ImageShape) -> Bool {
    let (row, column) = (i / image.width, i % image.width)
    return row == 0 || row == image.height - 1 || column == 0 || column == image.width - 1
  }

  /// Every weight leaving input feature `i` in the first layer is exactly zero.
  func rowIsZero(_ i: Int, _ stats: WeightStats, _ state: LaneState) -> Bool {
    state.firstLayerUnits > 0 && stats.featureZeros[i] == state.firstLayerUnits
  }

  /// The features not marked informative; nil when none are marked, or none are left.
  func noiseFeatures(featureCount: Int) -> [Int]? {
    guard let informative, !informative.isEmpty else { return nil }
    let signal = Set(informative)
    let noise = (0..<featureCount).filter { !signal.contains($0) }
    return noise.isEmpty ? nil : noise
  }
}

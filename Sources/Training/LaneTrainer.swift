import NeuralCore

/// One lane's training loop, without threads: advance an epoch, measure it, keep the history.
/// The runner calls it from that lane's queue only.
public struct LaneTrainer: Sendable {
  public private(set) var config: LaneConfig
  public private(set) var learner: Learner
  public private(set) var epoch = 0
  public private(set) var history = History()
  public private(set) var latest: EpochRecord?
  public private(set) var diverged: String?
  let nearZeroThreshold: Float

  public init(lane: LaneConfig, prepared: PreparedExperiment) throws(ConfigError) {
    config = lane
    learner = try prepared.learner(for: lane)
    nearZeroThreshold = prepared.config.nearZeroThreshold
  }

  /// Trains one epoch (the order every lane shares for this epoch) and records its figures.
  /// A lane whose loss is no longer finite stops: it reports divergence and trains no more.
  @discardableResult
  public mutating func trainEpoch(_ prepared: PreparedExperiment) -> EpochRecord? {
    guard diverged == nil else { return nil }
    let train = prepared.data.train
    let order = epochOrder(count: train.count, seed: prepared.config.seed, epoch: epoch)
    let r = learner.trainEpoch(data: train, order: order, batchSize: prepared.batchSize)
    epoch += 1
    let stats = WeightStats(network: learner.network, nearZeroThreshold: nearZeroThreshold)
    var validation: (dataLoss: Double, accuracy: Double)?
    if let v = prepared.data.validation { validation = learner.evaluate(data: v) }
    let record = EpochRecord(
      epoch: epoch, dataLoss: r.dataLoss, penalty: stats.penalty, valLoss: validation?.dataLoss,
      accuracy: r.accuracy, valAccuracy: validation?.accuracy, zeros: stats.zeros, nearZeros: stats.nearZeros,
      weights: stats.weights, l1Norm: stats.l1Norm, l2Norm: stats.l2Norm)
    latest = record
    history.append(record)
    if !record.loss.isFinite || !stats.l2Norm.isFinite {
      diverged = "diverged at epoch \(epoch)"
    }
    return record
  }

  /// The lane's current state as an immutable value.
  public func snapshot() -> LaneSnapshot {
    LaneSnapshot(name: config.name, spec: config.spec, epoch: epoch, latest: latest,
                 stats: WeightStats(network: learner.network, nearZeroThreshold: nearZeroThreshold),
                 history: history, network: learner.network, l1Rule: learner.l1Rule,
                 learningRate: learner.optimizer.learningRate, diverged: diverged)
  }

  // MARK: - Live changes (between steps, no reset)

  public mutating func setSpec(_ spec: LaneSpec) throws(ConfigError) {
    let regs: [Regularizer]
    do { regs = try spec.regularizers(layerCount: learner.network.layers.count) } catch { throw ConfigError(error.message) }
    learner.network.setRegularizers(regs)
    config.spec = spec
  }

  public mutating func setLearningRate(_ lr: Float) { learner.optimizer.learningRate = lr }
  public mutating func setL1Rule(_ rule: L1Rule) { learner.l1Rule = rule }
}

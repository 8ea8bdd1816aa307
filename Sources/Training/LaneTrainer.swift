import NeuralCore

/// One lane's training loop, without threads: advance an epoch, measure it, keep the history.
/// A value with no thread of its own: whoever holds it trains it — the runner from the lane's
/// queue during a round and from its control loop between rounds (`LaneSlot`, the λ and lr
/// keys), `HeadlessRun` from its queues, a lesson's replay from its training thread.
public struct LaneTrainer: Sendable {
  /// The lane's settings; the learner's regularizers follow it (the learner is its working
  /// copy, written here only).
  public var lane: Lane {
    didSet { learner.regularizers = lane.regularizers; learner.weightDecays = lane.weightDecays }
  }
  public private(set) var learner: Learner
  public private(set) var epoch = 0
  public private(set) var history = History()
  public private(set) var latest: EpochRecord?
  /// The weight statistics of the current weights, taken once per epoch.
  public private(set) var stats: WeightStats
  /// The epoch at which the loss stopped being finite; the lane then trains no more.
  public private(set) var divergedAt: Int?
  /// A few single weights over epochs (the weight-trajectories view).
  public private(set) var trace: WeightTrace
  /// Early stopping (`stop=best-val`): the epoch the lane froze at, its weights put back to
  /// those of `bestEpoch`, the epoch of the lowest validation loss so far.
  public private(set) var stoppedAt: Int?
  public private(set) var bestEpoch: Int?
  /// Training ended (`finishTraining`) before patience ran out, and the lane holds `bestEpoch`'s weights.
  public private(set) var restoredAtEnd = false
  var bestValLoss = Double.infinity
  var bestNetwork: Network?
  /// The best epoch's figures; after the stop they are repeated each epoch (the kept weights'
  /// figures), so the lane's curves run flat beside the others.
  var heldRecord: EpochRecord?
  let nearZeroThreshold: Float

  /// `start`: the statistics of `prepared.initial` when already taken (every lane starts from
  /// it, so a runner measures it once, not once per lane).
  public init(lane: Lane, prepared: PreparedExperiment, start: WeightStats? = nil) {
    self.lane = lane
    learner = prepared.learner(for: lane)
    nearZeroThreshold = prepared.config.nearZeroThreshold
    stats = start?.penalized(by: lane.regularizers)
      ?? WeightStats(network: learner.network, regularizers: lane.regularizers, nearZeroThreshold: nearZeroThreshold)
    trace = WeightTrace(network: learner.network, informative: prepared.data.train.informative)
    trace.record(learner.network, epoch: 0)
  }

  /// A trainer per lane (default: `prepared`'s), all at the shared start (measured once).
  public static func starting(_ prepared: PreparedExperiment, lanes: [Lane]? = nil) -> [LaneTrainer] {
    let start = WeightStats(network: prepared.initial, nearZeroThreshold: prepared.config.nearZeroThreshold)
    return (lanes ?? prepared.lanes).map { LaneTrainer(lane: $0, prepared: prepared, start: start) }
  }

  /// Trains one epoch (the order every lane shares for this epoch) and records its figures.
  /// A lane whose loss is no longer finite stops: it reports divergence and trains no more.
  @discardableResult
  public mutating func trainEpoch(_ prepared: PreparedExperiment) -> EpochRecord? {
    guard divergedAt == nil else { return nil }
    if stoppedAt != nil { return holdEpoch() }
    let train = prepared.data.train
    let order = epochOrder(count: train.count, seed: prepared.config.seed, epoch: epoch)
    let r = learner.trainEpoch(data: train, order: order, batchSize: prepared.batchSize)
    epoch += 1
    stats = WeightStats(network: learner.network, regularizers: lane.regularizers, nearZeroThreshold: nearZeroThreshold)
    var validation: (dataLoss: Double, accuracy: Double)?
    if let v = prepared.data.validation { validation = learner.evaluate(data: v) }
    let record = EpochRecord(
      epoch: epoch, dataLoss: r.dataLoss, penalty: r.penalty, valLoss: validation?.dataLoss,
      accuracy: r.accuracy, valAccuracy: validation?.accuracy, zeros: stats.zeros, nearZeros: stats.nearZeros,
      weights: stats.weights, l1Norm: stats.l1Norm, l2Norm: stats.l2Norm)
    latest = record
    history.append(record)
    trace.record(learner.network, epoch: epoch)
    if record.diverged { divergedAt = epoch }
    if let patience = lane.spec.stopPatience, let loss = validation?.dataLoss, !record.diverged {
      watchForStop(record, loss: loss, patience: patience)
    }
    return record
  }

  /// Keras's `EarlyStopping(monitor="val_loss", patience=N, restore_best_weights=True)`: a new
  /// lowest validation loss keeps a copy of the weights; `patience` epochs without one put that
  /// copy back and freeze the lane.
  mutating func watchForStop(_ record: EpochRecord, loss: Double, patience: Int) {
    if loss < bestValLoss {
      bestValLoss = loss
      bestEpoch = epoch
      bestNetwork = learner.network
      heldRecord = record
    } else if let best = bestEpoch, epoch - best >= patience {
      stoppedAt = epoch
      restoreBest()
    }
  }

  /// The end of training (`run`'s and `sweep`'s last epoch): as Keras's `EarlyStopping` with
  /// `restore_best_weights=True` does in `on_train_end`, a `stop=` lane whose patience never ran
  /// out still ends with its best epoch's weights. Other lanes, and a stopped or diverged lane,
  /// are left as they are. The lane's `latest` figures become the kept epoch's, measured again
  /// on the restored network.
  public mutating func finishTraining() {
    guard lane.spec.stopPatience != nil, stoppedAt == nil, divergedAt == nil, bestNetwork != nil,
          bestEpoch != epoch else { return }
    restoredAtEnd = true
    restoreBest()
    if var record = heldRecord { record.epoch = epoch; latest = record }
  }

  /// The best epoch's weights back into the learner, and the statistics measured on them (not
  /// the last epoch's statistics penalized again: those describe weights the lane no longer has).
  private mutating func restoreBest() {
    guard let network = bestNetwork else { return }
    learner.network = network
    stats = WeightStats(network: network, regularizers: lane.regularizers, nearZeroThreshold: nearZeroThreshold)
  }

  /// An epoch of a stopped lane: no step, the kept weights' figures once more.
  mutating func holdEpoch() -> EpochRecord? {
    guard var record = heldRecord, stoppedAt != nil else { return nil }
    epoch += 1
    record.epoch = epoch
    latest = record
    history.append(record)
    return record
  }

  /// The lane's current state as an immutable value.
  public func snapshot() -> LaneSnapshot {
    LaneSnapshot(lane: lane, epoch: epoch, latest: latest, stats: stats, history: history,
                 network: learner.network, divergedAt: divergedAt, stoppedAt: stoppedAt, bestEpoch: bestEpoch,
                 trace: trace)
  }

  // MARK: - Live changes (between steps, no reset)

  public mutating func setLearningRate(_ lr: Float) { learner.optimizer.learningRate = lr }
  public mutating func setL1Rule(_ rule: L1Rule) { learner.l1Rule = rule }

  /// Takes a new λ into the statistics at once, so a paused screen shows the new penalty.
  mutating func remeasure() {
    stats = stats.penalized(by: lane.regularizers)
  }
}

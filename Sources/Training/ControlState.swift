import Dispatch
import Foundation
import NeuralCore

/// One lane's working state and its queue. Touched by its queue during a round and by the
/// control loop between rounds; the round's DispatchGroup orders the two.
final class LaneSlot: @unchecked Sendable {
  var trainer: LaneTrainer
  var snapshot: LaneSnapshot
  let queue: DispatchQueue

  init(_ trainer: LaneTrainer, index: Int) {
    self.trainer = trainer
    snapshot = trainer.snapshot()
    queue = DispatchQueue(label: "regviz.lane.\(index)", qos: .userInitiated)
  }
}

/// The runner's state, confined to the control loop (see `Runner`).
final class ControlState: @unchecked Sendable {
  var prepared: PreparedExperiment
  var lanes: [LaneSlot] = []
  var speed: Speed
  var running: Bool
  var stepOnce = false
  var message: String?
  let initialWeights: WeightsFile?
  let locator: ResourceLocator
  /// At full speed, epochs per round, adapted so a round lasts about 20 ms.
  var epochsPerRound = 1
  /// When the next paced epoch is due (seconds on the monotonic clock).
  var nextDue: Double?
  /// (time, cumulative steps) over the last second, for the steps/s figure.
  var stepWindow: [(time: Double, steps: Int)] = []
  var totalSteps = 0

  init(prepared: PreparedExperiment, speed: Speed, running: Bool, initialWeights: WeightsFile?,
       locator: ResourceLocator) throws(ConfigError) {
    self.prepared = prepared
    self.speed = speed
    self.running = running
    self.initialWeights = initialWeights
    self.locator = locator
    try rebuildLanes()
  }

  static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

  func rebuildLanes() throws(ConfigError) {
    var slots: [LaneSlot] = []
    for (i, lane) in prepared.config.lanes.enumerated() {
      slots.append(LaneSlot(try LaneTrainer(lane: lane, prepared: prepared), index: i))
    }
    lanes = slots
    nextDue = nil
  }

  /// Runs one round if one is due and returns 0, or returns how long to sleep first.
  func runRoundIfDue() -> Double {
    guard running || stepOnce else { return 0.05 }
    let start = Self.now()
    var k: Int
    if stepOnce {
      k = 1
      stepOnce = false
    } else {
      switch speed {
      case .max:
        k = epochsPerRound
      case .epochsPerSecond(let rate):
        let due = nextDue ?? start
        if start < due { return due - start }
        k = min(max(1, Int((start - due) * rate) + 1), 1000)
        // Never owe more than a second of epochs: a slow machine lowers the pace instead.
        nextDue = max(due + Double(k) / rate, start - 1)
      }
    }
    let front = lanes.map(\.trainer.epoch).max() ?? 0
    let steps = runRound(target: front + k, perLaneCap: k + 50)
    let end = Self.now()
    if case .max = speed {
      let perEpoch = (end - start) / Double(k)
      epochsPerRound = min(max(1, Int(0.02 / max(perEpoch, 1e-7))), 100_000)
    }
    totalSteps += steps
    stepWindow.append((end, totalSteps))
    stepWindow.removeAll { $0.time < end - 1 }
    return 0
  }

  /// Every lane that is behind `target` trains toward it on its own queue; waits for all.
  /// Returns the number of training steps taken.
  func runRound(target: Int, perLaneCap: Int) -> Int {
    let group = DispatchGroup()
    let prepared = self.prepared
    let stepsPerEpoch = (prepared.data.train.count + prepared.batchSize - 1) / prepared.batchSize
    var steps = 0
    for slot in lanes where slot.trainer.diverged == nil && slot.trainer.epoch < target {
      let n = min(target - slot.trainer.epoch, perLaneCap)
      steps += n * stepsPerEpoch
      group.enter()
      slot.queue.async {
        enableFlushToZero()
        for _ in 0..<n where slot.trainer.trainEpoch(prepared) == nil { break }
        slot.snapshot = slot.trainer.snapshot()
        group.leave()
      }
    }
    group.wait()
    return steps
  }

  var stepsPerSecond: Double {
    guard let first = stepWindow.first, let last = stepWindow.last, last.time > first.time else { return 0 }
    return Double(last.steps - first.steps) / (last.time - first.time)
  }

  func makeSnapshot() -> ExperimentSnapshot {
    let data = prepared.data
    return ExperimentSnapshot(
      lanes: lanes.map(\.snapshot), running: running, speed: speed, stepsPerSecond: running ? stepsPerSecond : 0,
      config: prepared.config, featureNames: data.train.featureNames, informative: data.train.informative,
      trainCount: data.train.count, validationCount: data.validation?.count ?? 0, message: message)
  }

  // MARK: - Commands

  func apply(_ command: RunnerCommand) {
    message = nil
    switch command {
    case .pause: running = false
    case .resume: running = true; nextDue = nil
    case .togglePause: running.toggle(); nextDue = nil
    case .stepEpoch: running = false; stepOnce = true
    case .reset:
      do { try rebuildLanes() } catch { message = error.message }
    case .scaleLambda(let factor):
      for (i, slot) in lanes.enumerated() {
        let spec = slot.trainer.config.spec.scaled(by: factor)
        do { try slot.trainer.setSpec(spec) } catch { message = error.message; continue }
        prepared.config.lanes[i].spec = spec
        slot.snapshot = slot.trainer.snapshot()
      }
    case .setLearningRate(let lr):
      setLearningRate(lr)
    case .scaleLearningRate(let factor):
      setLearningRate(prepared.config.optimizer.learningRate * factor)
    case .setL1Rule(let rule):
      prepared.config.l1Rule = rule
      for slot in lanes { slot.trainer.setL1Rule(rule); slot.snapshot = slot.trainer.snapshot() }
    case .setSpeed(let s):
      speed = s
      nextDue = nil
    case .addLane(let lane):
      var config = prepared.config
      config.lanes.append(lane)
      if let p = config.problem { message = p; return }
      do {
        let trainer = try LaneTrainer(lane: lane, prepared: prepared)
        prepared.config = config
        lanes.append(LaneSlot(trainer, index: lanes.count))
      } catch { message = error.message }
    case .dropLane(let name):
      guard let i = lanes.firstIndex(where: { $0.trainer.config.name == name }) else {
        message = "no lane named '\(name)'"; return
      }
      guard lanes.count > 1 else { message = "the last lane cannot be dropped"; return }
      lanes.remove(at: i)
      prepared.config.lanes.remove(at: i)
    case .reconfigure(let config):
      do {
        let next = try PreparedExperiment(config, initialWeights: nil, locator: locator)
        let previous = prepared
        prepared = next
        do { try rebuildLanes() } catch { prepared = previous; message = error.message }
      } catch { message = error.message }
    }
  }

  func setLearningRate(_ lr: Float) {
    guard lr.isFinite && lr > 0 else { message = "learning rate must be > 0"; return }
    prepared.config.optimizer.learningRate = lr
    for slot in lanes { slot.trainer.setLearningRate(lr); slot.snapshot = slot.trainer.snapshot() }
  }
}

import Dispatch
import Foundation
import NeuralCore
import RegvizData

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
///
/// Each setting has one home: the lanes' λ in their trainers' `lane`, the learning rate and
/// the L1 rule in their learners, the pace here. `prepared` is the experiment as configured,
/// the base the λ rungs scale from; snapshots derive the running configuration from the
/// trainers.
final class ControlState: @unchecked Sendable {
  var prepared: PreparedExperiment
  var lanes: [LaneSlot] = []
  var speed: Speed
  var running: Bool
  var stepOnce = false
  var message: String?
  /// The rung the λ keys moved the largest λ to; nil while the lanes are as configured.
  var lambdaRung: Float?
  /// A data set being loaded for a `reconfigure`, and how far.
  var loading: (name: String, fraction: Double)?
  /// Publishes a snapshot from the control loop in the middle of a command (load progress).
  var publish: (@Sendable (ExperimentSnapshot) -> Void)?
  let locator: ResourceLocator
  /// At full speed, epochs per round, adapted so a round lasts about 20 ms.
  var epochsPerRound = 1
  /// When the next paced epoch is due (seconds on the monotonic clock).
  var nextDue: Double?
  /// (time, cumulative steps) over the last second, for the steps/s figure.
  var stepWindow: [(time: Double, steps: Int)] = []
  var totalSteps = 0
  /// Ends the round in progress when a command arrives (`Runner.send`).
  let roundCut = RoundCut()

  init(prepared: PreparedExperiment, speed: Speed, running: Bool, locator: ResourceLocator) {
    self.prepared = prepared
    self.speed = speed
    self.running = running
    self.locator = locator
    lanes = Self.makeSlots(prepared)
  }

  /// The epoch of the lane furthest on.
  var front: Int { lanes.map(\.trainer.epoch).max() ?? 0 }

  static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

  /// One slot per lane. Cheap even for a wide network: the trainers' buffers are allocated by
  /// their first step, on the lane's queue, and the shared start is measured once.
  static func makeSlots(_ prepared: PreparedExperiment) -> [LaneSlot] {
    LaneTrainer.starting(prepared).enumerated().map { LaneSlot($1, index: $0) }
  }

  /// The lanes start over from the shared initial weights with their current settings.
  func restartLanes() {
    let current = lanes.map(\.trainer)
    let start = WeightStats(network: prepared.initial, nearZeroThreshold: prepared.config.nearZeroThreshold)
    lanes = current.enumerated().map { i, old in
      var trainer = LaneTrainer(lane: old.lane, prepared: prepared, start: start)
      trainer.setLearningRate(old.learner.optimizer.learningRate)
      trainer.setL1Rule(old.learner.l1Rule)
      return LaneSlot(trainer, index: i)
    }
    nextDue = nil
  }

  /// Runs one round if one is due and returns 0, or returns how long to sleep first.
  func runRoundIfDue() -> Double {
    guard running || stepOnce else { return 0.05 }
    let start = Self.now()
    var k: Int
    let stepping = stepOnce
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
    let front = self.front
    // Only full speed's long rounds are cut: a paced round is short already, and a step (`n`)
    // must not lose its one epoch to a key pressed meanwhile.
    let cuttable = speed == .max && !stepping
    let steps = runRound(target: front + k, perLaneCap: k + 50, cuttable: cuttable)
    let end = Self.now()
    // A round cut short by a command says nothing about how long k epochs take.
    if case .max = speed, !(cuttable && roundCut.isCut) {
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
  /// `cuttable`: `roundCut` may end it early (see `RoundCut`).
  func runRound(target: Int, perLaneCap: Int, cuttable: Bool = false) -> Int {
    let group = DispatchGroup()
    let prepared = self.prepared
    let stepsPerEpoch = (prepared.data.train.count + prepared.batchSize - 1) / prepared.batchSize
    let cut = cuttable ? roundCut : nil
    var started: [(slot: LaneSlot, epoch: Int)] = []
    for slot in lanes where slot.trainer.divergedAt == nil && slot.trainer.epoch < target {
      let n = min(target - slot.trainer.epoch, perLaneCap)
      started.append((slot, slot.trainer.epoch))
      group.enter()
      slot.queue.async {
        enableFlushToZero()
        for _ in 0..<n where !(cut?.claim(slot.trainer.epoch + 1) ?? true) || slot.trainer.trainEpoch(prepared) == nil {
          break
        }
        slot.snapshot = slot.trainer.snapshot()
        group.leave()
      }
    }
    group.wait()
    // The epochs the lanes did train (a cut or a divergence ends a lane's share early).
    return started.reduce(0) { $0 + ($1.slot.trainer.epoch - $1.epoch) * stepsPerEpoch }
  }

  var stepsPerSecond: Double {
    guard let first = stepWindow.first, let last = stepWindow.last, last.time > first.time else { return 0 }
    return Double(last.steps - first.steps) / (last.time - first.time)
  }

  /// The running configuration: as configured, with what the keys changed since, read from the
  /// trainers (the first lane's learner for the settings every lane shares).
  var runningConfig: ExperimentConfig {
    var config = prepared.config
    config.lanes = lanes.map(\.trainer.lane.config)
    if let learner = lanes.first?.trainer.learner { config.optimizer = learner.optimizer }
    // The experiment's rule is what lanes without a rule of their own train with.
    if let shared = lanes.first(where: { $0.trainer.lane.spec.l1Rule == nil }) {
      config.l1Rule = shared.trainer.learner.l1Rule
    }
    return config
  }

  func makeSnapshot() -> ExperimentSnapshot {
    let data = prepared.data
    return ExperimentSnapshot(
      lanes: lanes.map(\.snapshot), running: running, speed: speed, stepsPerSecond: running ? stepsPerSecond : 0,
      config: runningConfig, featureNames: data.train.featureNames, informative: data.train.informative,
      trainCount: data.train.count, validationCount: data.validation?.count ?? 0, message: message,
      loading: loading, prepared: prepared, image: data.train.image)
  }

  // MARK: - Commands

  func apply(_ command: RunnerCommand) {
    message = nil
    switch command {
    case .pause: running = false
    case .resume: running = true; nextDue = nil
    case .togglePause: running.toggle(); nextDue = nil
    case .stepEpoch: running = false; stepOnce = true
    case .reset: restartLanes()
    case .stepLambda(let up): stepLambda(up: up)
    case .stepLaneLambda(let index, let up): stepLaneLambda(index, up: up)
    case .setLambda(let value, let index): setLambda(value, lane: index)
    case .stepLearningRate(let up):
      let current = runningConfig.optimizer.learningRate
      guard let next = Ladder.step(current, up: up, on: Ladder.learningRate) else {
        message = up ? "the learning rate is at its maximum" : "the learning rate is at its minimum"
        return
      }
      updateTrainers { $0.setLearningRate(next) }
    case .setL1Rule(let rule):
      setSharedL1Rule(rule)
    case .nextL1Rule:
      let rules = L1Rule.allCases
      let current = runningConfig.l1Rule
      setSharedL1Rule(rules[((rules.firstIndex(of: current) ?? 0) + 1) % rules.count])
    case .setSpeed(let s):
      speed = s
      nextDue = nil
    case .stepSpeed(let up):
      guard let next = Ladder.step(speed, up: up) else {
        message = up ? "already at full speed" : "already at the slowest pace"
        return
      }
      speed = next
      nextDue = nil
    case .setUp(let config, let pace, let paused):
      // Paused before the load, so its progress snapshots already say so.
      running = !paused
      speed = pace
      reconfigure(config)
      nextDue = nil
    case .reconfigure(let config):
      reconfigure(config)
    }
  }

  /// A new experiment: the lanes start over on it (a failure leaves the old one and a message).
  private func reconfigure(_ config: ExperimentConfig) {
    do {
      let name = URL(fileURLWithPath: config.dataset.description).lastPathComponent
      // The control loop itself loads, so the screen (which never waits for it) stays live;
      // progress goes out as snapshots, about every 2% of the file.
      // Called on this thread, the control loop's: the state stays confined to it.
      let state = self
      let progress: @Sendable (Double) -> Void = { fraction in
        guard fraction - (state.loading?.fraction ?? -1) >= 0.02 || fraction >= 1 else { return }
        state.loading = (name, fraction)
        state.publish?(state.makeSnapshot())
      }
      defer { loading = nil }
      prepared = try PreparedExperiment(config, initialWeights: nil, locator: locator, progress: progress)
      lambdaRung = nil
      lanes = Self.makeSlots(prepared)
      nextDue = nil
    } catch { message = error.message }
  }

  /// Moves the largest configured λ one rung along `Ladder.lambda` from where the keys left it,
  /// and every lane with it, each term keeping its ratio to that λ as configured.
  func stepLambda(up: Bool) {
    let reference = prepared.referenceLambda
    guard reference > 0 else { message = "no lane has a λ to change (every lane is 'none')"; return }
    guard let next = Ladder.step(lambdaRung ?? reference, up: up, on: Ladder.lambda) else {
      message = up ? "λ is at its maximum" : "λ is at its minimum"
      return
    }
    rescaleLanes(to: next)
  }

  /// Every lane rescaled from its configured strengths so that lane `index`'s λ is `value`:
  /// the largest configured λ goes to the rung that puts that lane there.
  func setLambda(_ value: Float, lane index: Int) {
    guard prepared.lanes.indices.contains(index), value > 0, value.isFinite else { return }
    guard let rung = Lane.rung(putting: index, at: value, in: prepared.lanes) else {
      message = "lane \(prepared.lanes[index].name) has no λ to set"
      return
    }
    rescaleLanes(to: rung)
  }

  /// `rung` becomes the largest λ, each lane's terms keeping their ratios to it as configured.
  private func rescaleLanes(to rung: Float) {
    lambdaRung = rung
    install(Lane.rescaled(prepared.lanes, to: rung))
  }

  /// One lane's λ to the next rung, its other terms keeping their ratios.
  func stepLaneLambda(_ index: Int, up: Bool) {
    guard lanes.indices.contains(index) else { return }
    let current = lanes.map(\.trainer.lane)
    let lane = current[index]
    guard lane.largestLambda > 0 else { message = "lane \(lane.name) has no λ to change"; return }
    guard let next = Ladder.step(lane.largestLambda, up: up, on: Ladder.lambda) else {
      message = up ? "λ of \(lane.name) is at its maximum" : "λ of \(lane.name) is at its minimum"
      return
    }
    install(Lane.rescaled(current, to: next, only: index))
  }

  /// The lanes' new settings into their trainers, the penalty measured again.
  private func install(_ rescaled: [Lane]) {
    for (slot, lane) in zip(lanes, rescaled) {
      slot.trainer.lane = lane
      slot.trainer.remeasure()
      slot.snapshot = slot.trainer.snapshot()
    }
  }

  /// The `u` key and `setL1Rule`: every lane without an L1 rule of its own (`rule=` in its
  /// spec) switches; a lane that names its rule keeps it, as its name promises.
  private func setSharedL1Rule(_ rule: L1Rule) {
    guard lanes.contains(where: { $0.trainer.lane.spec.l1Rule == nil }) else {
      message = "every lane has its own L1 rule (rule= in its spec)"
      return
    }
    updateTrainers { if $0.lane.spec.l1Rule == nil { $0.setL1Rule(rule) } }
  }

  private func updateTrainers(_ change: (inout LaneTrainer) -> Void) {
    for slot in lanes {
      change(&slot.trainer)
      slot.snapshot = slot.trainer.snapshot()
    }
  }
}

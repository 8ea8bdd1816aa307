import Foundation
import Lessons
import NeuralCore

@testable import App
@testable import Training

/// A realistic experiment snapshot built without training, so snapshots do not move when the
/// numeric core changes: the real `sparse` data set and initial network, then each lane's
/// weights shaped the way its regularizer shapes them (L1 zeroes the noise features and many
/// small weights, L2 shrinks everything) and histories shaped like real runs.
enum Fixtures {
  static let epochs = 300

  static func config() -> ExperimentConfig { ExperimentConfig() }

  /// `exportable` carries the prepared experiment, which the Keras overlay needs (and `w`
  /// would write to the working directory, so key tests leave it out).
  static func snapshot(epochs: Int = epochs, config: ExperimentConfig = config(), running: Bool = true,
                       message: String? = nil, exportable: Bool = false) -> ExperimentSnapshot {
    let prepared = try! PreparedExperiment(config)
    let informative = Set(prepared.data.train.informative ?? [])
    let lanes = config.lanes.enumerated().map { i, lane in
      laneSnapshot(lane, index: i, prepared: prepared, informative: informative, epochs: epochs)
    }
    return ExperimentSnapshot(
      lanes: lanes, running: running, speed: .epochsPerSecond(4), stepsPerSecond: running ? 2_400 : 0,
      config: config, featureNames: prepared.data.train.featureNames,
      informative: prepared.data.train.informative, trainCount: prepared.data.train.count,
      validationCount: prepared.data.validation?.count ?? 0, message: message,
      prepared: exportable ? prepared : nil)
  }

  /// Lane `index`'s network after "training": a deterministic function of the initial weights.
  static func network(_ initial: Network, spec: LaneSpec, informative: Set<Int>) -> Network {
    var net = initial
    let regs = (try? spec.regularizers(layerCount: net.layers.count)) ?? []
    for l in net.layers.indices {
      let r = l < regs.count ? regs[l] : .none
      let layer = net.layers[l]
      net.layers[l].kernel = layer.kernel.enumerated().map { k, w in
        let input = k / layer.units
        let noise = l == 0 && !informative.contains(input)
        var v = w * (r.isNone ? 1.6 : 1.1)
        if r.lambda2 > 0 { v *= 0.45 }
        if r.lambda1 > 0 {
          let cut: Float = noise ? 1 : 0.18
          v = abs(v) <= cut ? 0 : v - (v > 0 ? cut : -cut) * 0.5
        }
        return v
      }
    }
    return net
  }

  static func laneSnapshot(
    _ lane: LaneConfig, index: Int, prepared: PreparedExperiment, informative: Set<Int>, epochs: Int
  ) -> LaneSnapshot {
    let net = network(prepared.initial, spec: lane.spec, informative: informative)
    let resolved = try! Lane(lane, layerCount: net.layers.count)
    let stats = WeightStats(network: net, regularizers: resolved.regularizers,
                            nearZeroThreshold: prepared.config.nearZeroThreshold)
    var history = History()
    var latest: EpochRecord?
    let floor = [0.05, 0.32, 0.28, 0.36][index % 4]
    let valFloor = [0.55, 0.36, 0.40, 0.38][index % 4]
    for e in 1...max(epochs, 1) where epochs > 0 {
      let t = Double(e)
      let decay = exp(-t / 60)
      let zeros = Int(Double(stats.zeros) * (1 - exp(-t / 50)))
      let record = EpochRecord(
        epoch: e, dataLoss: floor + (1.1 - floor) * decay,
        penalty: net.penalty(resolved.regularizers) * (1 - decay * 0.5),
        valLoss: valFloor + (1.1 - valFloor) * decay + (index == 0 ? t / 1500 : 0),
        accuracy: 0.95 - 0.6 * decay - Double(index) * 0.01, valAccuracy: 0.9 - 0.55 * decay - Double(index % 2) * 0.02,
        zeros: zeros, nearZeros: zeros + stats.nearZeros - stats.zeros, weights: stats.weights,
        l1Norm: stats.l1Norm, l2Norm: stats.l2Norm * (1 + 0.5 * decay))
      history.append(record)
      latest = record
    }
    return LaneSnapshot(lane: resolved, epoch: epochs, latest: latest, stats: stats, history: history,
                        network: net, divergedAt: nil)
  }
}

/// A stand-in for the runner: serves a fixed snapshot and records the commands it is sent.
final class RecordingDriver: ExperimentDriver, @unchecked Sendable {
  private let lock = NSLock()
  private var current: ExperimentSnapshot
  private var sent: [RunnerCommand] = []

  init(_ snapshot: ExperimentSnapshot) { current = snapshot }

  var commands: [RunnerCommand] { lock.withLock { sent } }

  func snapshot() -> ExperimentSnapshot { lock.withLock { current } }

  func send(_ command: RunnerCommand) { lock.withLock { sent.append(command) } }

  func replace(_ snapshot: ExperimentSnapshot) { lock.withLock { current = snapshot } }
}

/// Free play through the one frame loop; returns the UI state it ended with.
@discardableResult
func runPlay(driver: some ExperimentDriver, backend: some TerminalBackend, state: AppState = AppState(),
             shouldStop: () -> Bool = { false }) -> AppState {
  FrameLoop.run(PlayMode(state: state), driver: driver, backend: backend, shouldStop: shouldStop).state
}

/// A lesson through the one frame loop; returns the UI state and the session it ended with.
@discardableResult
func runLesson(session: LessonSession, driver: some ExperimentDriver, backend: some TerminalBackend,
               state: AppState? = nil, store: ProgressStore? = nil,
               shouldStop: () -> Bool = { false }) -> (state: AppState, session: LessonSession) {
  let mode = FrameLoop.run(LessonMode(session: session, state: state ?? AppState(theme: backend.theme), store: store),
                           driver: driver, backend: backend, shouldStop: shouldStop)
  return (mode.state, mode.session)
}

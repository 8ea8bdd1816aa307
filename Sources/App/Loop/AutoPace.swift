import NeuralCore
import Training

/// The pace `regviz play` starts with unless `--speed` is given: slow while the weights move
/// fast, faster as the dynamics settle.
///
/// In the first epochs the loss falls and the histograms change shape every step, worth
/// watching at 4 epochs a second; L1's zeros then accumulate over hundreds of epochs, which at
/// that pace would take minutes. So the pace doubles at epochs 40, 100, 200 and 400, reaching
/// 64 epochs/s. Pressing `<` or `>` hands the pace to the learner for good.
public enum AutoPace {
  /// (from this epoch on, epochs per second).
  static let schedule: [(epoch: Int, rate: Double)] = [(0, 4), (40, 8), (100, 16), (200, 32), (400, 64)]

  /// The pace for a run that has reached `epoch`.
  public static func speed(atEpoch epoch: Int) -> Speed {
    .epochsPerSecond(schedule.last { epoch >= $0.epoch }?.rate ?? schedule[0].rate)
  }

  /// The speed change due now, if any. Each change is asked for once: the runner applies it a
  /// moment later, and asking again every frame in between would flood its queue.
  static func command(state: inout AppState, snapshot: ExperimentSnapshot) -> RunnerCommand? {
    guard state.autoPace else { return nil }
    let wanted = speed(atEpoch: snapshot.epoch)
    guard wanted != snapshot.speed, wanted != state.autoPaceRequested else { return nil }
    state.autoPaceRequested = wanted
    return .setSpeed(wanted)
  }
}

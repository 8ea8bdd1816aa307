import Canvas
import NeuralCore
import Training

/// `regviz lens`: the two-weight lens on the one frame loop, with its own rows of the key
/// table. Nothing trains; `IdleDriver` stands in for the runner.
public struct LensMode: DashboardMode {
  public static let kind = ModeKind.lens
  public private(set) var state: AppState
  public private(set) var lens: LensView

  public init(state: AppState, lens: LensView = LensView()) {
    self.state = state
    self.lens = lens
  }

  public mutating func observe(_ snapshot: ExperimentSnapshot, elapsed: Double) -> [RunnerCommand] {
    state.observe(snapshot, elapsed: elapsed)
    if let landed = lens.advance(elapsed) { state.note(landed, for: 6) }
    return []
  }

  public mutating func compose(_ snapshot: ExperimentSnapshot, width: Int, height: Int) -> Grid {
    LensScreen.compose(lens, state: state, bindings: Bindings.rows(for: .lens), width: width, height: height,
                       snapshot: snapshot)
  }

  public mutating func perform(_ action: Action, snapshot: ExperimentSnapshot) -> [RunnerCommand] {
    switch action {
    case .quit, .toggleHelp, .closeOverlay, .scroll:
      _ = state.performCommon(action, snapshot: snapshot)
    default:
      if let notice = lens.perform(action) { state.note(notice) }
    }
    return []
  }
}

/// A driver with nothing to run: the idle snapshot, commands dropped.
public final class IdleDriver: ExperimentDriver {
  public init() {}
  public func snapshot() -> ExperimentSnapshot { .idle() }
  public func send(_ command: RunnerCommand) {}
}

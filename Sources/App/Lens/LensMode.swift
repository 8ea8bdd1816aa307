import LessonRuns
import Canvas
import NeuralCore
import Training

/// `regviz lens`: the two-weight lens alone on the one frame loop, under its own status line,
/// with its own keys. Nothing trains; `IdleDriver` stands in for the runner.
public struct LensMode: DashboardMode {
  private var dashboard: Dashboard
  public var state: AppState { dashboard.state }
  public var lens: LensView { dashboard.lens }

  public init(state: AppState, lens: LensView = LensView()) {
    dashboard = Dashboard(state: state)
    dashboard.state.view = .lens
    dashboard.lens = lens
  }

  public var keymap: Keymap {
    Keymap(KeyContext(mode: .lens, view: .lens, overlay: state.overlay != nil))
  }

  public mutating func observe(_ snapshot: ExperimentSnapshot, elapsed: Double) -> [RunnerCommand] {
    dashboard.observe(snapshot, elapsed: elapsed)
    return []
  }

  public mutating func compose(_ snapshot: ExperimentSnapshot, width: Int, height: Int) -> Grid {
    let context = ViewContext(snapshot: snapshot, state: state, visible: [], lens: lens, histograms: nil, side: nil,
                              highlight: nil)
    return Chrome.compose(context, keymap: keymap, status: .lens, width: width, height: height)
  }

  public mutating func perform(_ action: Action, snapshot: ExperimentSnapshot) -> [RunnerCommand] {
    switch action {
    case .quit, .toggleHelp, .closeOverlay, .scrollOverlay:
      _ = dashboard.perform(action, snapshot: snapshot, lock: nil)
    default:
      // The lens's own meaning of the shared keys: its lanes, its restart, its pause.
      if let notice = dashboard.lens.perform(action) { dashboard.state.note(notice) }
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

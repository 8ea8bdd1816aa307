import LessonRuns
import Canvas
import Lessons
import Training

/// What a view draws from, one frame: the snapshot as shown (scrub-back applied), the viewer's
/// choices, the lanes on screen, and the dashboard's per-view state.
struct ViewContext {
  var snapshot: ExperimentSnapshot
  var state: AppState
  /// The lanes not hidden with `1`–`8`, with their indices (colours follow the index).
  var visible: [(index: Int, lane: LaneSnapshot)]
  var lens: LensView
  var histograms: HistogramCache?
  /// A lesson pane at the right edge, and the panel the page points at.
  var side: SidePane?
  var highlight: Lessons.Panel?
  var theme: Theme { state.theme }
}

/// A view of the dashboard's main area: its name (a `DashboardView` case, which a lesson's
/// `view:` names), its line in the `v` help, how it draws the area between the status and
/// key lines, and — when it has any — its own keys and the work it does each frame. Play and
/// lessons show every view through `Dashboard`; the chrome around it is `Chrome`'s.
protocol MainView {
  static var name: DashboardView { get }
  /// In the `v` help, in cycle order: "weight matrix".
  static var title: String { get }
  /// Draws the body (the lesson pane beside it, when there is one).
  static func draw(_ c: ViewContext, in body: Rect, painter p: inout Painter)
  /// The view's own keys, first in the keymap while it shows.
  static func rows(_ c: KeyContext) -> [Binding]
  /// Every frame, whichever view shows (a background job stops when its view closes).
  static func observe(_ d: inout Dashboard, snapshot: ExperimentSnapshot, elapsed: Double)
  /// The view's own actions; nil for one it does not take.
  static func perform(_ action: Action, _ d: inout Dashboard, snapshot: ExperimentSnapshot) -> [RunnerCommand]?
}

extension MainView {
  static func rows(_ c: KeyContext) -> [Binding] { [] }
  static func observe(_ d: inout Dashboard, snapshot: ExperimentSnapshot, elapsed: Double) {}
  static func perform(_ action: Action, _ d: inout Dashboard, snapshot: ExperimentSnapshot) -> [RunnerCommand]? { nil }

  /// A view in one framed panel: the panel fills the body beside the lesson pane, and the two
  /// frames join where they meet.
  static func drawBesidePane(_ c: ViewContext, in body: Rect, painter p: inout Painter,
                             panel: (Rect, inout Painter) -> Void) {
    let (main, sideRect) = DashboardLayout.split(width: body.width, height: body.height + 2, paneWidth: c.side?.width)
    panel(main, &p)
    if let side = c.side, let sideRect {
      p.panel(sideRect, title: c.theme.printable(side.title), theme: c.theme)
      side.draw(in: sideRect.inset(by: 1), painter: &p, theme: c.theme)
      Chrome.joinFrames(at: sideRect, painter: &p, theme: c.theme)
    }
  }
}

/// The view registry: every view, in the order `v` cycles through them. `v`, its help line, a
/// lesson's `view:` and the README's list all come from here.
public enum Views {
  /// The implementation of each view (exhaustive: a new `DashboardView` case needs its line).
  static func entry(_ view: DashboardView) -> any MainView.Type {
    switch view {
    case .histograms: HistogramsView.self
    case .matrix: MatrixView.self
    case .trajectories: TrajectoriesView.self
    case .tug: TugView.self
    case .lens: LensPanel.self
    case .path: PathView.self
    }
  }

  /// Every view, in cycle order.
  static var all: [any MainView.Type] { DashboardView.allCases.map(entry) }

  /// The views' names in cycle order, for help texts outside the dashboard (`regviz play
  /// --help`): "histograms → weight matrix → …".
  public static var cycle: String { all.map { $0.title }.joined(separator: " → ") }

  /// The view after `view` in the cycle.
  static func next(after view: DashboardView) -> DashboardView {
    let cycle = DashboardView.allCases
    return cycle[((cycle.firstIndex(of: view) ?? -1) + 1) % cycle.count]
  }
}

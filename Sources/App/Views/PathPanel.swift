import Foundation
import Training

/// The path view (`c`, `view: path`) between frames: the λ the cursor is on and the
/// background job's latest state, refreshed each frame by `PathRunner`. Kept in `AppState`,
/// so the screen is drawn from values alone.
public struct PathViewState: Hashable, Sendable {
  /// The grid index of the cursor; nil puts it at the grid point nearest "you are here".
  public var cursor: Int?
  /// The lane whose penalty the path sweeps (its current λ is "you are here").
  public var lane: Int?
  /// What the path is computed for, and how far it is.
  public var setup: PathJob.Setup?
  public var job: PathJob.State?
  /// Whether ← → and enter pick a λ here (free play); a lesson's λ is the lesson's.
  public var picks = true

  public init() {}
}

/// The path view's fixed settings and its pure logic: which lane, where the cursor goes, what
/// enter asks of the runner.
public enum PathPanel {
  /// `regviz sweep --cv 5`'s grid and run length, so the view and the command show one path.
  public static let lambdas = CrossValidation.logGrid(from: 1e-4, to: 1, points: 13)
  public static let folds = 5
  public static let epochs = 300

  /// The lane the path sweeps: the first visible lane with a λ, else the first with one.
  public static func templateLane(_ snapshot: ExperimentSnapshot, visible: [Int]) -> Int? {
    let penalized = snapshot.lanes.indices.filter { snapshot.lanes[$0].lane.largestLambda > 0 }
    return penalized.first(where: visible.contains) ?? penalized.first
  }

  /// The lane's λ now: "you are here".
  static func currentLambda(_ snapshot: ExperimentSnapshot, lane: Int?) -> Float? {
    guard let lane, snapshot.lanes.indices.contains(lane) else { return nil }
    let l = snapshot.lanes[lane].lane.largestLambda
    return l > 0 ? l : nil
  }

  /// The grid index nearest `lambda` in log λ.
  static func nearest(_ lambda: Float, in grid: [Float]) -> Int {
    grid.indices.min { abs(log(Double(grid[$0]) / Double(lambda))) < abs(log(Double(grid[$1]) / Double(lambda))) } ?? 0
  }

  /// Where the cursor is: set by ← →, else at "you are here".
  static func cursor(_ state: PathViewState, snapshot: ExperimentSnapshot) -> Int {
    let grid = state.setup?.lambdas ?? lambdas
    if let c = state.cursor { return min(max(c, 0), grid.count - 1) }
    return currentLambda(snapshot, lane: state.lane).map { nearest($0, in: grid) } ?? grid.count / 2
  }

  /// ← → PgUp PgDn Home End on the path view move the cursor (one λ, three, to an end).
  static func move(_ move: ScrubMove, state: inout AppState, snapshot: ExperimentSnapshot) {
    let grid = state.path.setup?.lambdas ?? lambdas
    let c = cursor(state.path, snapshot: snapshot)
    let next: Int
    switch move {
    case .back: next = c - 1
    case .forward: next = c + 1
    case .pageBack: next = c - 3
    case .pageForward: next = c + 3
    case .first: next = 0
    case .last: next = grid.count - 1
    }
    state.path.cursor = min(max(next, 0), grid.count - 1)
    state.note("cursor at λ \(Format.strength(grid[state.path.cursor!])) · enter sets every lane's λ there")
  }

  /// Enter on the path view: every lane's λ rescaled so that the path's lane lands on the
  /// cursor's λ (the other lanes keep their ratios to it, as with `[ ]`).
  static func pick(state: inout AppState, snapshot: ExperimentSnapshot) -> [RunnerCommand] {
    guard let lane = state.path.lane, snapshot.lanes.indices.contains(lane) else {
      state.note("no lane has a λ to set (every lane is 'none')")
      return []
    }
    let grid = state.path.setup?.lambdas ?? lambdas
    let lambda = grid[cursor(state.path, snapshot: snapshot)]
    // The lanes go on from the live end at the new λ: looking back stops here.
    state.viewing = nil
    state.note("λ \(Format.strength(lambda)) from the path for \(snapshot.lanes[lane].name), the other lanes in ratio")
    return [.setLambda(lambda, lane: lane)]
  }
}

/// Keeps the path view's background job in step with the screen: starts one when the view
/// opens, cancels it when the view closes before it finished, when the setup changes (data
/// set, rule, learning rate, standardization, the swept lane's penalty kind) and on a reset. A
/// finished path stays for its setup: reopening the view shows it at once.
struct PathRunner {
  /// The grid, the folds and the run length (tests use tiny ones).
  var lambdas = PathPanel.lambdas
  var folds = PathPanel.folds
  var epochs = PathPanel.epochs
  private var handle: Handle?
  var job: PathJob? { handle?.job }

  /// Owns the running job: when the last copy of the mode holding it goes (the program or a
  /// test ends), the job stops instead of training on unseen.
  final class Handle: Sendable {
    let job: PathJob
    init(_ job: PathJob) { self.job = job }
    deinit { job.cancel() }
  }

  /// Called every frame with the live snapshot.
  mutating func update(_ state: inout AppState, snapshot: ExperimentSnapshot) {
    guard state.view == .path else {
      if let job, !job.isFinished { job.cancel(); handle = nil }
      return
    }
    let lane = PathPanel.templateLane(snapshot, visible: state.visibleLanes(count: snapshot.lanes.count))
    let setup = lane.flatMap {
      PathJob.Setup(snapshot, lane: $0, lambdas: lambdas, folds: folds, epochs: epochs)
    }
    if job?.setup != setup {
      job?.cancel()
      handle = nil
      if let setup, let prepared = snapshot.prepared {
        let next = PathJob(setup, prepared: prepared)
        next.start()
        handle = Handle(next)
        if state.path.setup != nil { state.path.cursor = nil }
      }
    }
    state.path.lane = lane
    state.path.setup = setup
    state.path.job = job?.latest()
  }

  /// `r`: an unfinished path stops (the next frame starts it again while the view is open).
  mutating func reset() {
    if let job, !job.isFinished { job.cancel(); handle = nil }
  }
}

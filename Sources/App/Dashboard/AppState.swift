import Lessons
import Canvas
import NeuralCore
import Training

/// Which pair of curves the loss chart shows (the `p` key).
public enum LossView: Hashable, Sendable {
  /// Training data loss against validation data loss: the overfitting gap.
  case trainValidation
  /// Training data loss against the penalty term: what the regularizer adds to the objective.
  case dataPenalty
}

/// How the weight histograms lay out |w| (the `l` key).
public enum HistogramScale: Hashable, Sendable {
  /// w itself on a fixed symmetric range, exact zeros in a bar of their own at the centre.
  case linear
  /// log10|w| from 1e-8 to 10, exact zeros in a bar of their own at the left.
  case log
}

/// A window drawn over the dashboard; the dashboard keeps training and drawing underneath.
public enum Overlay: Hashable, Sendable {
  case help(scroll: Int)
  case keras(scroll: Int)
  /// Selection frequency over seeds (`f`): the background job's latest tally, refreshed each frame.
  case selection(scroll: Int, job: SelectionJob.State?)
}

/// Everything the dashboard remembers between frames that is not training state.
///
/// Training state lives in the runner and arrives each frame as an `ExperimentSnapshot`; this
/// struct holds what the viewer chose (visible lanes, layer, view, scales, overlays, a pinned
/// run, the path's cursor), what the screen must remember to tell a change (the histogram
/// ranges, which only grow so that shrinking weights read as a narrowing bell; the λ and L1 rule
/// last shown; the newest epoch), the notice on the key line, and the scrub-back history. Value
/// types only: the views' jobs and caches live in `Dashboard`.
public struct AppState: Hashable, Sendable {
  public var theme: Theme
  /// Indices of lanes the viewer hid with `1`–`8`. Hidden lanes keep training.
  public var hiddenLanes: Set<Int> = []
  /// The layer the histograms show: nil for all layers, else a 0-based Dense layer index.
  public var layer: Int? = nil
  public var lossView: LossView = .trainValidation
  public var histogramScale: HistogramScale = .linear
  public var overlay: Overlay? = nil
  /// A one-line note from the UI itself ("λ is at its maximum"), shown in the status line.
  public var notice: String? = nil
  /// Seconds the notice stays up; `observe` counts it down.
  public var noticeRemaining = 0.0
  /// Histogram half-ranges by layer selection (key -1 = all layers). They only grow, and are
  /// forgotten when training starts over; see `HistogramRange`.
  public var histogramRanges: [Int: Float] = [:]
  /// The newest epoch seen, to notice a reset (the epoch going backwards).
  public var lastEpoch = 0
  public var quit = false
  /// The epochs seen so far, for scrub-back, and the entry shown instead of the live end.
  public var scrub = ScrubHistory()
  public var viewing: Int? = nil
  /// The epoch scrub-back shows (nil at the live end): the charts' cursor.
  public var viewedEpoch: Int? { viewing.flatMap { scrub.entries.indices.contains($0) ? scrub.entries[$0].epoch : nil } }
  /// The pace follows `AutoPace` until the learner sets it with `<` or `>`.
  public var autoPace = false
  /// The last speed `AutoPace` asked for.
  public var autoPaceRequested: Speed? = nil
  /// The L1 rule the last frame showed, to announce a change the runner made.
  public var shownL1Rule: L1Rule? = nil
  /// The largest λ the last frame showed, and whether it went down since the run started: a
  /// lane killed by a big λ does not revive when λ is lowered, and the status line says so.
  public var shownLambda: Float? = nil
  public var lambdaLowered = false
  /// What the main area shows (`v`).
  public var view: DashboardView = .histograms
  /// Which weight the tug of war follows (`t` steps through the candidates).
  public var tugPick = 0
  /// The run pinned with `g`, drawn as a ghost on the charts until `g` again.
  public var pinned: PinnedRun? = nil
  /// The path view's cursor and its background job's latest state.
  public var path = PathViewState()
  /// A lesson's question waits for its prediction (issue 23 item 15): until it is answered,
  /// every view withholds the readouts that could answer it — the model panel's regularizer
  /// per layer, the lens's optimum, λ paths and corners (its trajectories wait at the start),
  /// the λ path's λ_min and λ_1se. The one flag each of them reads; `LessonMode` sets it.
  public var answerPending = false

  public init(theme: Theme = .standard) {
    self.theme = theme
  }

  /// Seconds a notice stays on the key line: long enough to read a dozen words.
  public static let noticeLifetime = 3.0

  /// Sets a transient notice.
  public mutating func note(_ text: String) {
    notice = text
    noticeRemaining = AppState.noticeLifetime
  }

  /// Lane indices to draw, in order: every lane of `count` that is not hidden.
  public func visibleLanes(count: Int) -> [Int] {
    (0..<count).filter { !hiddenLanes.contains($0) }
  }

  /// A new lesson starts from a clean view — the histograms, linear, train vs validation, every
  /// lane, all layers, nothing pinned — until its steps say otherwise: what a learner chose in
  /// one lesson must not change what the next one's text describes.
  mutating func startLesson() {
    view = .histograms
    histogramScale = .linear
    lossView = .trainValidation
    hiddenLanes = []
    layer = nil
    tugPick = 0
    pinned = nil
    overlay = nil
    viewing = nil
    path.cursor = nil
  }
}

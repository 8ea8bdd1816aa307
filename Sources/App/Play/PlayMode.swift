import LessonRuns
import Lessons
import Canvas
import RegvizData
import Training

/// Free play: every key works, and λ, the learning rate, the L1 rule and the data set are the
/// learner's to change — or, under a teacher's preset, the ones it leaves open.
public struct PlayMode: DashboardMode {
  private var dashboard: Dashboard
  public var state: AppState { dashboard.state }
  /// A teacher's preset (`regviz play --preset`); nil leaves every key free.
  public let lock: KeyLock?
  /// Opened from a lesson page (`f`): `q` goes back to it.
  public var fromLesson = false

  /// `pathFolds` and `pathEpochs` size the λ path's cross-validation (`--path-folds`,
  /// `--path-epochs`): shorter runs for a large network or data set.
  public init(state: AppState, lock: KeyLock? = nil, pathFolds: Int = PathPanel.folds,
              pathEpochs: Int = PathPanel.epochs) {
    dashboard = Dashboard(state: state)
    self.lock = lock
    dashboard.pathRunner.folds = pathFolds
    dashboard.pathRunner.epochs = pathEpochs
  }

  /// Opened from a lesson page: the page's pace, view and lens, and a word on how to go back.
  mutating func startFromLesson(view: DashboardView, lens: LensView) {
    dashboard.state.autoPace = false
    dashboard.state.view = view
    dashboard.lens = lens
    dashboard.state.note("free play, this page's setup, every key yours · q: back to the lesson", for: 6)
  }

  /// The lens of the lens view (`v`).
  public var lens: LensView { dashboard.lens }
  var pathRunner: PathRunner {
    get { dashboard.pathRunner }
    set { dashboard.pathRunner = newValue }
  }

  public var keymap: Keymap {
    var context = KeyContext(mode: .play, view: state.view, overlay: state.overlay != nil, lock: lock)
    context.pathPicks = state.path.picks
    context.fromLesson = fromLesson
    return Keymap(context)
  }

  public mutating func observe(_ snapshot: ExperimentSnapshot, elapsed: Double) -> [RunnerCommand] {
    dashboard.observe(snapshot, elapsed: elapsed)
    return AutoPace.command(state: &dashboard.state, snapshot: snapshot).map { [$0] } ?? []
  }

  public mutating func compose(_ snapshot: ExperimentSnapshot, width: Int, height: Int) -> Grid {
    dashboard.compose(snapshot, keymap: keymap, width: width, height: height)
  }

  public mutating func perform(_ action: Action, snapshot: ExperimentSnapshot) -> [RunnerCommand] {
    if let commands = dashboard.perform(action, snapshot: snapshot, lock: lock) { return commands }
    switch action {
    case .lambda, .learningRate, .nextL1Rule:
      return KeyLock.command(action, lock: lock, snapshot: snapshot).map { [$0] } ?? []
    case .nextDataset: return nextDataset(snapshot)
    case .toggleSelection:
      if case .selection? = state.overlay { dashboard.state.overlay = nil; return [] }
      openSelection(snapshot)
      return []
    case .toggleStandardize:
      var config = snapshot.config
      config.standardize.toggle()
      dashboard.state.histogramRanges = [:]
      dashboard.state.note(config.standardize ? "standardization on: every feature as z-scores (training starts over)"
                                              : "standardization off: features in their own units (training starts over)")
      return [.reconfigure(config)]
    case .writeKeras:
      guard let code = KerasCode(snapshot: snapshot) else {
        dashboard.state.note("nothing to write yet: the experiment is still starting")
        return []
      }
      do { dashboard.state.note("wrote \(try code.write(to: "regviz-keras")[0]): run it with python3") } catch {
        dashboard.state.note("Keras code not written: \(error.message)")
      }
      return []
    default: return []
    }
  }

  /// Opens the selection overlay; (re)starts the background run when the setup changed since.
  private mutating func openSelection(_ snapshot: ExperimentSnapshot) {
    dashboard.startSelection(snapshot)
    dashboard.state.overlay = .selection(scroll: 0, job: dashboard.selection?.latest())
  }

  /// `DataSource.builtIn` in turn: sparse → iris → correlated → digits → sparse (correlated at
  /// any ρ counts as correlated); a CSV given on the command line is not in the cycle, and `d`
  /// leaves it for the first built-in data set. Iris comes as the Keras tutorial's model
  /// (`--setup keras-iris`), what a learner from that tutorial expects to see; after iris
  /// the default layers and lanes return.
  private mutating func nextDataset(_ snapshot: ExperimentSnapshot) -> [RunnerCommand] {
    let sources = DataSource.builtIn
    var config = snapshot.config
    let index = sources.firstIndex { $0.name == config.dataset.name }.map { ($0 + 1) % sources.count } ?? 0
    if sources[index] == .iris {
      config = NamedSetup.kerasIris.applied(to: config)
    } else {
      let defaults = ExperimentConfig()
      if config.dataset == .iris { (config.hidden, config.lanes) = (defaults.hidden, defaults.lanes) }
    }
    config.dataset = sources[index]
    config.image = nil   // a CSV's --image does not fit the built-in data sets
    dashboard.state.histogramRanges = [:]
    dashboard.state.note("data set: \(config.dataset) (training starts over)")
    return [.reconfigure(config)]
  }
}

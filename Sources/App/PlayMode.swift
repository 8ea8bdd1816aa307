import Canvas
import RegvizData
import Training

/// Free play: every key works, and λ, the learning rate, the L1 rule and the data set are the
/// learner's to change.
public struct PlayMode: DashboardMode {
  public static let kind = ModeKind.play
  public private(set) var state: AppState
  private let histograms = HistogramCache()
  /// The selection-frequency run behind `f`, for the setup it was started on.
  private var selection: SelectionJob?

  public init(state: AppState) {
    self.state = state
  }

  public mutating func observe(_ snapshot: ExperimentSnapshot, elapsed: Double) -> [RunnerCommand] {
    state.observe(snapshot, elapsed: elapsed)
    if case .selection(let scroll, _)? = state.overlay, let selection {
      state.overlay = .selection(scroll: scroll, job: selection.latest())
    }
    return AutoPace.command(state: &state, snapshot: snapshot).map { [$0] } ?? []
  }

  public mutating func compose(_ snapshot: ExperimentSnapshot, width: Int, height: Int) -> Grid {
    ScreenComposer.compose(snapshot, state: state, bindings: Bindings.rows(for: .play), width: width, height: height,
                           histograms: histograms)
  }

  public mutating func perform(_ action: Action, snapshot: ExperimentSnapshot) -> [RunnerCommand] {
    if let commands = state.performCommon(action, snapshot: snapshot) { return commands }
    switch action {
    case .lambda(let up): return [.stepLambda(up: up)]
    case .learningRate(let up): return [.stepLearningRate(up: up)]
    case .nextL1Rule: return [.nextL1Rule]
    case .nextDataset: return nextDataset(snapshot)
    case .toggleSelection:
      if case .selection? = state.overlay { state.overlay = nil; return [] }
      openSelection(snapshot)
      return []
    case .toggleStandardize:
      var config = snapshot.config
      config.standardize.toggle()
      state.histogramRanges = [:]
      state.note(config.standardize ? "standardization on: every feature as z-scores (training starts over)"
                                    : "standardization off: features in their own units (training starts over)")
      return [.reconfigure(config)]
    case .writeKeras:
      guard let code = KerasCode(snapshot: snapshot) else {
        state.note("nothing to write yet: the experiment is still starting")
        return []
      }
      do { state.note("wrote \(try code.write(to: "regviz-keras")[0]): run it with python3") } catch {
        state.note("Keras code not written: \(error.message)")
      }
      return []
    default: return []
    }
  }

  /// Opens the selection overlay; (re)starts the background run when the setup changed since.
  private mutating func openSelection(_ snapshot: ExperimentSnapshot) {
    var config = snapshot.config
    config.seed = 1
    if selection?.config != config {
      selection?.cancel()
      let job = SelectionJob(config: config, seeds: SelectionFrequency.seedList(from: 1, count: SelectionOverlay.seeds),
                             epochs: SelectionOverlay.epochs)
      job.start()
      selection = job
    }
    state.overlay = .selection(scroll: 0, job: selection?.latest())
  }

  /// sparse → iris → sparse; a CSV given on the command line is not in the cycle, and `d`
  /// leaves it for the first built-in data set. Iris comes as the Keras tutorial's model
  /// (`--setup keras-iris`), what a learner from that tutorial expects to see; back on sparse
  /// the default layers and lanes return.
  private mutating func nextDataset(_ snapshot: ExperimentSnapshot) -> [RunnerCommand] {
    let sources = DataSource.builtIn
    var config = snapshot.config
    let index = sources.firstIndex(of: config.dataset).map { ($0 + 1) % sources.count } ?? 0
    if sources[index] == .iris {
      config = NamedSetup.kerasIris.applied(to: config)
    } else {
      let defaults = ExperimentConfig()
      if config.dataset == .iris { (config.hidden, config.lanes) = (defaults.hidden, defaults.lanes) }
    }
    config.dataset = sources[index]
    state.histogramRanges = [:]
    state.note("data set: \(config.dataset) (training starts over)")
    return [.reconfigure(config)]
  }
}

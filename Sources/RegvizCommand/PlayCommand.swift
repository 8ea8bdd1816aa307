import App
import ArgumentParser
import Foundation
import Lessons
import NcursesBackend
import NeuralCore
import RegvizData
import Training

/// `regviz play`: the live dashboard. The lanes train side by side while the learner changes
/// λ, the learning rate, the L1 rule and the pace, and watches L1 make exact zeros.
public struct PlayCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "play",
    abstract: "Open the live dashboard: the lanes train side by side while you change λ, the learning rate and the L1 rule.",
    discussion: """
      Takes the experiment flags of `regviz run`. Keys (? in the dashboard lists all):
        space pause   n one epoch   r reset   [ ] λ down/up
        - + learning rate   u L1 rule   < > slower/faster
        1-8 show/hide a lane   tab layer   d next data set   v view
        z standardize on/off   f features kept over 20 seeds   g pin run
        l log view   p loss view   k Keras code   w write it   q quit
        ← → while paused: back / forward through the recorded epochs
        c λ path: 5-fold CV over λ in the background; ← → its cursor, enter sets λ
      \(viewCycleRows)
      Needs an interactive terminal of at least 80×24; without one, use `regviz run`.
      """)

  /// `  v cycles the views: histograms → weight matrix → …`, from the view registry, in rows
  /// that fit 80 columns whole (each row of the discussion is a line of its own).
  static var viewCycleRows: String {
    var rows = ["  v cycles the views:"]
    for (i, title) in Views.cycle.components(separatedBy: " → ").enumerated() {
      let piece = (i == 0 ? " " : " → ") + title
      if rows[rows.count - 1].count + piece.count > 78 { rows.append("   ") }
      rows[rows.count - 1] += piece
    }
    return rows.joined(separator: "\n")
  }

  @OptionGroup public var experiment: ExperimentOptions

  @Option(help: "Pace in epochs per second (0.1 to 1000), or 'max'. Default: 4, doubling at epochs 40, 100, 200 and 400 up to 64, until you press < or >.")
  public var speed: String?

  @OptionGroup public var display: DisplayOptions

  @Option(name: .customLong("init-weights"), help: ArgumentHelp(
    "Start every lane from these weights: Keras's model.get_weights() as JSON, or a --dump-weights file (FILE#NAME for one lane).",
    valueName: "file"))
  public var initWeights: String?

  @OptionGroup public var kerasExport: KerasOptions

  @Option(help: ArgumentHelp(
    "A teacher's preset: a lesson-format file whose first step sets the experiment and, with keys:, which of λ, lr and the L1 rule stay free (the others and the data set are locked). Replaces the experiment flags; check it with `regviz lessons check FILE`.",
    valueName: "file"), completion: .file(extensions: ["md"]))
  public var preset: String?

  @Option(name: .customLong("path-folds"), help: ArgumentHelp(
    "Folds of the λ path's cross-validation (c), 2 to 10.", valueName: "k"))
  public var pathFolds: Int = PathPanel.folds

  @Option(name: .customLong("path-epochs"), help: ArgumentHelp(
    "Epochs of each of the λ path's runs, 1 to 100000: fewer for a large network or data set.", valueName: "n"))
  public var pathEpochs: Int = PathPanel.epochs

  public init() {}

  /// `4`, `0.5` or `max`.
  /// `--speed`, read as a lesson's `speed:` is (`ExperimentValues.speed`).
  static func parseSpeed(_ text: String) throws -> Speed {
    do throws(ExperimentValues.Problem) { return try ExperimentValues.speed(text) } catch {
      throw ValidationError("--speed: \(error.message)")
    }
  }

  public func validate() throws {
    if let speed { _ = try Self.parseSpeed(speed) }
    guard (2...10).contains(pathFolds) else { throw ValidationError("--path-folds: \(pathFolds) is not from 2 to 10") }
    guard (1...100_000).contains(pathEpochs) else {
      throw ValidationError("--path-epochs: \(pathEpochs) is not from 1 to 100000")
    }
  }

  public func run() throws {
    if let preset { return try runPreset(preset) }
    let pace = try speed.map(Self.parseSpeed)
    let weights = try initWeights.map(RunCommand.loadWeights)
    // Prepared once, here: the flags (and a --keras-model's sizes) are checked before the screen
    // opens, and the runner trains this experiment rather than loading the data again.
    let prepared = try experiment.prepare(initialWeights: weights)
    try checkPathFolds(prepared)
    if try kerasExport.export(prepared, epochs: KerasCode.defaultEpochs) { return }
    let runner = Runner(prepared: prepared, speed: pace ?? AutoPace.speed(atEpoch: 0), locator: experiment.locator)
    let recording = try display.openRecording()
    let terminal = Screen.open(display.terminal, recording: recording) { "regviz play: \($0)" }
    Self.play(runner: runner, autoPace: pace == nil, terminal: terminal, recording: recording,
              path: (pathFolds, pathEpochs))
  }

  /// The λ path (`c`) cross-validates the training rows in `--path-folds` folds: refused here,
  /// before the screen opens, when a fold would have nothing to train or validate on (as
  /// `sweep --cv` refuses it), rather than drawing a path of `–`.
  func checkPathFolds(_ prepared: PreparedExperiment) throws {
    if let problem = CrossValidation.foldProblem(labels: prepared.data.train.labels, count: pathFolds,
                                                 seed: prepared.config.seed) {
      throw CLIError("--path-folds \(pathFolds): \(problem)")
    }
  }

  /// A runner for `config`; `speed` nil follows `AutoPace` (4 epochs/s at first).
  static func runner(_ config: ExperimentConfig, speed: Speed?, locator: ResourceLocator) throws -> Runner {
    do {
      return try Runner(config: config, speed: speed ?? AutoPace.speed(atEpoch: 0), locator: locator)
    } catch {
      throw CLIError(error.message)
    }
  }

  /// Free play on `terminal`; also what `regviz` with no arguments opens once every lesson is
  /// finished, with `notice` on the status line for a few seconds.
  static func play(runner: Runner, autoPace: Bool, terminal: NcursesTerminal, notice: String? = nil,
                   recording: Recording? = nil, lock: KeyLock? = nil,
                   path: (folds: Int, epochs: Int) = (PathPanel.folds, PathPanel.epochs)) {
    var state = AppState(theme: terminal.theme)
    state.autoPace = autoPace
    if let notice { state.note(notice, for: 10) }
    Screen.run(PlayMode(state: state, lock: lock, pathFolds: path.folds, pathEpochs: path.epochs), runner: runner,
               terminal: terminal, recording: recording)
  }

  /// `--preset FILE`: the file's experiment at its pace (or `--speed`), its keys locked.
  func runPreset(_ path: String) throws {
    let file = try PresetFile.load(path)
    let pace = try speed.map(Self.parseSpeed) ?? file.experiment.speed
    let prepared: PreparedExperiment
    do { prepared = try PreparedExperiment(file.experiment.config, locator: experiment.locator) } catch {
      throw CLIError(error.message)
    }
    try checkPathFolds(prepared)
    let runner = Runner(prepared: prepared, speed: pace, locator: experiment.locator)
    let recording = try display.openRecording()
    let terminal = Screen.open(display.terminal, recording: recording) { "regviz play: \($0)" }
    let open = Mission.Key.allCases.filter(file.lock.open.contains).map(\.rawValue)
    Self.play(runner: runner, autoPace: false, terminal: terminal,
              notice: "preset '\(file.name)': \(open.isEmpty ? "settings locked" : "yours: " + open.joined(separator: ", "))",
              recording: recording, lock: file.lock, path: (pathFolds, pathEpochs))
  }
}

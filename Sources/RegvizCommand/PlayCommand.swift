import App
import ArgumentParser
import Foundation
import NcursesBackend
import NeuralCore
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
        1-8 show/hide a lane   tab layer   d next data set
        p loss view   k Keras code   q quit
      Needs an interactive terminal of at least 80×24; without one, use `regviz run`.
      """)

  @OptionGroup public var experiment: ExperimentOptions

  @Option(help: "Pace in epochs per second (0.1 to 1000), or 'max'. Default: 4, doubling at epochs 40, 100, 200 and 400 up to 64, until you press < or >.")
  public var speed: String?

  @OptionGroup public var display: DisplayOptions

  public init() {}

  /// `4`, `0.5` or `max`.
  static func parseSpeed(_ text: String) throws -> Speed {
    if text == "max" { return .max }
    guard let rate = Double(text), rate.isFinite, rate >= 0.1, rate <= 1000 else {
      throw ValidationError("--speed: '\(text)' is not a number of epochs per second from 0.1 to 1000, or 'max'")
    }
    return .epochsPerSecond(rate)
  }

  public func validate() throws {
    if let speed { _ = try Self.parseSpeed(speed) }
  }

  public func run() throws {
    try Self.play(config: experiment.makeConfig(), speed: speed.map(Self.parseSpeed),
                  options: display.terminal, locator: experiment.locator)
  }

  /// Opens the dashboard on `config`; what `regviz` with no arguments opens once every lesson
  /// is finished, with `notice` on the status line for a few seconds.
  /// `speed` nil follows `AutoPace` (4 epochs/s at first) until the learner sets the pace.
  /// Without a usable terminal it prints one line suggesting `regviz run` and exits with status
  /// 2, drawing nothing. Ctrl-C and SIGTERM end it with the terminal restored and status
  /// 128 + the signal number.
  public static func play(
    config: ExperimentConfig, speed: Speed? = nil,
    options: NcursesTerminal.Options = NcursesTerminal.Options(), locator: ResourceLocator = ResourceLocator(),
    notice: String? = nil
  ) throws {
    let environment = ProcessInfo.processInfo.environment
    if let problem = TerminalCheck.problem(
      stdinIsTerminal: isatty(0) == 1, stdoutIsTerminal: isatty(1) == 1, term: environment["TERM"]) {
      notPossible(problem)
    }
    let runner: Runner
    do { runner = try Runner(config: config, speed: speed ?? AutoPace.speed(atEpoch: 0), locator: locator) } catch {
      throw CLIError(error.message)
    }
    let terminal: NcursesTerminal
    do { terminal = try NcursesTerminal.open(options, environment: environment) } catch {
      notPossible(error.description)
    }
    // Teardown order: the terminal first, so the prompt comes back at once, then the trainer,
    // which finishes its current round (a few milliseconds).
    defer { runner.stop() }
    defer { terminal.close() }
    runner.start()
    var state = AppState(theme: terminal.theme)
    state.autoPace = speed == nil
    if let notice { state.note(notice, for: 10) }
    Dashboard.run(driver: runner, backend: terminal, state: state)
    if let signal = terminal.interruptingSignal {
      terminal.close()
      runner.stop()
      Foundation.exit(128 + signal)
    }
  }

  private static func notPossible(_ problem: String) -> Never {
    FileHandle.standardError.write(Data("regviz play: \(problem)\n".utf8))
    Foundation.exit(2)
  }
}

import LessonRuns
import App
import ArgumentParser
import Foundation
import NcursesBackend
import NeuralCore
import RegvizData

/// `regviz lens`: the two-weight lens — linear least squares on two features, where the L1
/// diamond's corner and the L2 disk's smooth edge can be seen meeting the loss contours.
public struct LensCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "lens",
    abstract: "See why L1 makes exact zeros: two weights, the loss contours, the L1 diamond and the L2 disk.",
    discussion: """
      The model is y ≈ w1·x1 + w2·x2 on 200 samples from --seed, with mean squared error plus \
      Keras's penalty (L1: λ·Σ|w|, L2: λ·Σw², L1+L2: both). Every optimum and path is exact.
      Keys (? in the lens lists all):
        [ ] λ down/up   c C correlation   s S scale of feature 2
        1-4 lane on/off   r restart   space pause   q quit
      With --plot or --format the picture or the trajectories are written and no screen opens.
      """)

  @Option(help: "λ of every lane, 0 to 8 (Keras's, no ½).")
  public var lambda: Double = LensSettings().lambda

  @Option(help: "Correlation of the two features, -0.95 to 0.95.")
  public var correlation: Double = 0

  @Option(help: "Scale of feature 2 (its values are multiplied by this), 0.25 to 4.")
  public var scale: Double = 1

  @Option(help: "Seed of the generated data.")
  public var seed: UInt64 = LensSettings().seed

  @Option(help: ArgumentHelp("Write the lens as an SVG figure to this file (atomically) and exit.", valueName: "file.svg"))
  public var plot: String?

  @Option(help: "Write every lane's trajectory as JSON lines and exit (jsonl is the only format).")
  public var format: LensFormat?

  @Option(help: "With --format: write to this file (atomically) instead of standard output.")
  public var out: String?

  @OptionGroup public var display: DisplayOptions

  public init() {}

  public enum LensFormat: String, CaseIterable, ExpressibleByArgument { case jsonl }

  public func validate() throws {
    guard lambda.isFinite, LensSettings.lambdaRange.contains(lambda) else {
      throw ValidationError("--lambda: must be a number from 0 to 8, got \(lambda)")
    }
    guard correlation.isFinite, LensSettings.correlationRange.contains(correlation) else {
      throw ValidationError("--correlation: must be a number from -0.95 to 0.95, got \(correlation)")
    }
    guard scale.isFinite, LensSettings.scaleRange.contains(scale) else {
      throw ValidationError("--scale: must be a number from 0.25 to 4, got \(scale)")
    }
    if out != nil, format == nil { throw ValidationError("--out: only with --format jsonl") }
  }

  var settings: LensSettings {
    LensSettings(seed: seed, correlation: correlation, scale: scale, lambda: lambda)
  }

  public func run() throws {
    let scene = LensScene(settings)
    if plot != nil || format != nil {
      HeadlessSignals.install()
      // Both targets are checked before anything is written.
      try Destination.checkDistinct([("--plot", plot), ("--out", format == nil ? nil : out)])
      let figure = try plot.map { try Destination.open($0, flag: "--plot") }
      let lines = try format.map { _ in try Destination.open(out, flag: "--out") }
      if let lines {
        try lines.write(Self.jsonl(scene))
        try lines.finish()
      }
      if let figure {
        try figure.write(LensPlot.svg(scene))
        try figure.finish()
      }
      return
    }
    let recording = try display.openRecording()
    let terminal = Screen.open(display.terminal, recording: recording) { "regviz lens: \($0)" }
    let mode = LensMode(state: AppState(theme: terminal.theme), lens: LensView(settings))
    if let recording {
      let recorder = SessionRecorder(terminal, title: "regviz lens") { recording.write($0) }
      FrameLoop.run(mode, driver: IdleDriver(), backend: recorder)
    } else {
      FrameLoop.run(mode, driver: IdleDriver(), backend: terminal)
    }
    terminal.close()
    let recorded = recording?.finish() ?? true
    if let signal = terminal.interruptingSignal { Foundation.exit(128 + signal) }
    if !recorded { Foundation.exit(1) }
  }

  /// One line per lane and step: `{"lane":"L1","lambda":1.5,"step":3,"w1":…,"w2":…,"data_loss":…,"penalty":…}`,
  /// `data_loss` the mean squared error alone (run's `loss` includes the penalty; this one does not),
  /// with `"landed":[2]` on the step a weight lands on exactly 0 for good (1-based weight numbers).
  static func jsonl(_ scene: LensScene) -> String {
    var out = ""
    let lambda = scene.settings.lambda
    for lane in scene.lanes {
      let penalty = lane.lane.penalty(lambda)
      for (step, w) in lane.trajectory.points.enumerated() {
        let landed = lane.trajectory.landings.enumerated().filter { $0.element == step }.map { "\($0.offset + 1)" }
        out += "{\"lane\":\"\(lane.lane.name)\",\"lambda\":\(json(lambda)),\"step\":\(step),"
        out += "\"w1\":\(json(w[0])),\"w2\":\(json(w[1])),\"loss\":\(json(scene.problem.dataLoss(w))),"
        out += "\"penalty\":\(json(penalty.value(w)))"
        if !landed.isEmpty { out += ",\"landed\":[\(landed.joined(separator: ","))]" }
        out += "}\n"
      }
    }
    return out
  }

  /// Shortest round-tripping decimal; exact zeros as `0`.
  static func json(_ x: Double) -> String { x == 0 ? "0" : "\(x)" }
}

import Foundation
import Lessons
import NeuralCore
import RegvizData
import Training

/// The experiment a lesson step asks for: its effective `Setup` turned into the training
/// code's `ExperimentConfig`, plus the pace the dashboard should train at.
///
/// Keys no step has set take RegViz's defaults (`ExperimentConfig()`: sparse, 16,16 relu, the
/// four standard lanes, prox, sgd 0.1, full batch, seed 1, 30% validation, standardized), except
/// that the learning rate follows the optimizer as on the command line (sgd 0.1, adam 0.01).
public struct LessonExperiment: Sendable, Hashable {
  public var config: ExperimentConfig
  public var speed: Speed

  /// The pace when no step sets `speed:` — slow enough to watch the histograms move.
  public static let defaultSpeed = Speed.epochsPerSecond(20)

  public init(config: ExperimentConfig, speed: Speed) {
    self.config = config
    self.speed = speed
  }

  /// Maps a merged setup (usually `Lesson.effectiveSetup(at:)`). A relative CSV path is
  /// resolved against `lessonDirectory` (the lesson file's folder), so the experiment does not
  /// depend on the working directory.
  public init(setup: Lessons.Setup, lessonDirectory: URL? = nil) throws(LessonSetupError) {
    var c = ExperimentConfig()
    switch setup.dataset {
    case nil: c.dataset = .sparse
    case .csv(let path, let label)? where !path.hasPrefix("/") && lessonDirectory != nil:
      c.dataset = .csv(path: lessonDirectory!.appendingPathComponent(path).standardizedFileURL.path, label: label)
    case let source?: c.dataset = source
    }
    if let hidden = setup.hidden {
      if let bad = hidden.first(where: { $0 > 4096 }) {
        throw LessonSetupError(key: "hidden", "hidden layer width \(bad) is too large (at most 4096)")
      }
      c.hidden = hidden
    }
    if let activation = setup.activation { c.activation = activation }
    if !setup.lanes.isEmpty { c.lanes = try Self.lanes(setup.lanes, layerCount: c.hidden.count + 1) }
    if let rule = setup.l1Rule { c.l1Rule = rule }
    c.optimizer = try Self.optimizer(setup)
    switch setup.batch {
    case nil, .full?: c.batchSize = nil
    case .size(let n)?: c.batchSize = n
    }
    if let seed = setup.seed { c.seed = seed }
    if let split = setup.validationSplit { c.validationSplit = split }
    if let standardize = setup.standardize { c.standardize = standardize }
    if let scale = setup.scaleFeature, scale != "none" {
      do { c.featureScale = try FeatureScale.parse(scale) } catch { throw LessonSetupError(key: "scale-feature", error.message) }
    }
    if let problem = c.problem { throw LessonSetupError(key: "lane", problem) }
    config = c
    speed = setup.speed ?? Self.defaultSpeed
  }

  /// The experiment in force at step `index` of `lesson`, or the problem located in the lesson
  /// file (at the step's heading: the offending key may have been set by an earlier step).
  public static func forStep(_ index: Int, of lesson: Lesson) throws(LessonError) -> LessonExperiment {
    let directory = URL(fileURLWithPath: lesson.file).deletingLastPathComponent()
    do throws(LessonSetupError) {
      return try LessonExperiment(setup: lesson.effectiveSetup(at: index), lessonDirectory: directory)
    } catch {
      throw error.located(in: lesson, step: index)
    }
  }

  /// Loads the data and draws the shared initial weights. Fails when the data set cannot be
  /// read or the validation split leaves no training rows.
  public func prepare(locator: ResourceLocator = ResourceLocator()) throws(LessonSetupError) -> PreparedExperiment {
    do throws(ConfigError) { return try PreparedExperiment(config, locator: locator) } catch {
      throw LessonSetupError(key: "dataset", error.message)
    }
  }

  // MARK: - Field by field

  /// Each lane's spec through the training grammar, checked against the network's depth so a
  /// per-layer spec cannot name a layer that `hidden:` leaves out.
  static func lanes(_ lanes: [LessonLane], layerCount: Int) throws(LessonSetupError) -> [LaneConfig] {
    guard lanes.count <= ExperimentConfig.maxLanes else {
      throw LessonSetupError(key: "lane", "at most \(ExperimentConfig.maxLanes) lanes, got \(lanes.count)")
    }
    var configs: [LaneConfig] = []
    for lane in lanes {
      let config: LaneConfig
      do throws(LaneSpec.ParseError) {
        config = LaneConfig(name: lane.name, spec: try LaneSpec.parse(lane.spec))
      } catch {
        throw LessonSetupError(key: "lane", "lane \(lane.name): \(LessonValidator.withoutSpecPrefix(error.message, spec: lane.spec))")
      }
      // Resolved here only to place an error in the lesson file; the runner resolves it again
      // against the network it builds.
      do throws(ConfigError) { _ = try Lane(config, layerCount: layerCount) } catch {
        throw LessonSetupError(key: "lane", "lane \(lane.name): \(LessonValidator.withoutSpecPrefix(error.message, spec: lane.spec))")
      }
      configs.append(config)
    }
    return configs
  }

  /// The optimizer with its learning rate: as on the command line, sgd defaults to 0.1 and
  /// adam to 0.01; momentum belongs to sgd.
  static func optimizer(_ setup: Lessons.Setup) throws(LessonSetupError) -> NeuralCore.Optimizer {
    let lr = setup.learningRate.map(Float.init)
    if let lr, !(lr.isFinite && lr > 0) {
      throw LessonSetupError(key: "lr", "lr must be a finite number > 0, got \(setup.learningRate!)")
    }
    let kind = setup.optimizer ?? .sgd
    if kind == .adam, let m = setup.momentum, m != 0 {
      throw LessonSetupError(key: "momentum", "momentum \(m) applies to sgd only; with optimizer adam set 'momentum: 0'")
    }
    return NeuralCore.Optimizer(kind, learningRate: lr ?? (kind == .sgd ? 0.1 : 0.01), momentum: Float(setup.momentum ?? 0))
  }
}

/// A setup that maps to no runnable experiment, with the directive key most to blame.
public struct LessonSetupError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The `regviz` block key to point at (`lane`, `momentum`, `dataset`, …).
  public var key: String
  public var message: String

  public init(key: String, _ message: String) {
    self.key = key
    self.message = message
  }

  public var description: String { message }

  /// The error placed at the heading of step `index` of `lesson`.
  public func located(in lesson: Lesson, step index: Int) -> LessonError {
    let line = lesson.steps.indices.contains(index) ? lesson.steps[index].line : 1
    return LessonError(file: lesson.file, line: line, column: 1, message: message)
  }
}

extension LessonValidator {
  /// Lane specs checked by the training code's grammar (`LaneSpec.parse`), and unnamed lanes
  /// named as the rest of RegViz names them (`none`, `L1`, `L2`, `L1+L2`, `L1@1,L2@2`).
  public static let regviz = LessonValidator(
    laneSpec: { spec in
      do throws(LaneSpec.ParseError) {
        _ = try LaneSpec.parse(spec)
        return nil
      } catch {
        return withoutSpecPrefix(error.message, spec: spec)
      }
    },
    defaultLaneName: { spec in (try? LaneSpec.parse(spec))?.defaultName ?? spec },
    isPenaltyFree: { spec in (try? LaneSpec.parse(spec)).map { $0.terms.largestPenalty == 0 } ?? false })

  /// `LaneSpec`'s messages start with "lane 'SPEC': "; the lesson parser already names the spec.
  static func withoutSpecPrefix(_ message: String, spec: String) -> String {
    let prefix = "lane '\(spec)': "
    return message.hasPrefix(prefix) ? String(message.dropFirst(prefix.count)) : message
  }
}

import LessonRuns
import App
import Foundation
import Lessons
import NeuralCore
import RegvizData
import Testing
import Training

/// A lesson step's setup → the experiment the dashboard runs, and the errors when it cannot run.
@Suite("Lesson setup → experiment")
struct LessonExperimentTests {
  static func experiment(_ setup: Lessons.Setup, directory: URL? = nil) throws(LessonSetupError) -> LessonExperiment {
    try LessonExperiment(setup: setup, lessonDirectory: directory)
  }

  static func error(_ setup: Lessons.Setup) -> LessonSetupError? {
    do { _ = try experiment(setup); return nil } catch { return error }
  }

  @Test func anEmptySetupIsRegVizsDefaultExperiment() throws {
    let e = try Self.experiment(Setup())
    #expect(e.config == ExperimentConfig())
    #expect(e.speed == LessonExperiment.defaultSpeed)
  }

  @Test func everyKeyIsMapped() throws {
    let setup = Setup(
      dataset: .iris, hidden: [10, 10], activation: .tanh,
      lanes: [LessonLane(name: "none", spec: "none"), LessonLane(name: "keras", spec: "1:l1=0.01;2:l2=0.01")],
      optimizer: .sgd, learningRate: 0.05, momentum: 0.9, batch: .size(32), l1Rule: .clip,
      speed: .epochsPerSecond(15), seed: 7, validationSplit: 0.25, standardize: false)
    let e = try Self.experiment(setup)
    #expect(e.config.dataset == .iris)
    #expect(e.config.hidden == [10, 10])
    #expect(e.config.activation == .tanh)
    #expect(e.config.lanes.map(\.name) == ["none", "keras"])
    #expect(e.config.lanes[1].spec == LaneSpec(perLayer: [1: .l1(0.01), 2: .l2(0.01)]))
    #expect(e.config.optimizer == .sgd(learningRate: 0.05, momentum: 0.9))
    #expect(e.config.batchSize == 32)
    #expect(e.config.l1Rule == .clip)
    #expect(e.config.seed == 7)
    #expect(e.config.validationSplit == 0.25)
    #expect(e.config.standardize == false)
    #expect(e.speed == .epochsPerSecond(15))
  }

  @Test func theLearningRateDefaultFollowsTheOptimizer() throws {
    #expect(try Self.experiment(Setup(optimizer: .adam)).config.optimizer == .adam(learningRate: 0.01))
    #expect(try Self.experiment(Setup(optimizer: .sgd)).config.optimizer == .sgd(learningRate: 0.1))
    #expect(try Self.experiment(Setup(speed: .max)).speed == .max)
    #expect(try Self.experiment(Setup(batch: .full)).config.batchSize == nil)
  }

  @Test func aRelativeCSVPathIsReadFromTheLessonsFolder() throws {
    let dir = URL(fileURLWithPath: "/tmp/course/lessons", isDirectory: true)
    #expect(try Self.experiment(Setup(dataset: .csv(path: "data/x.csv")), directory: dir).config.dataset
              == .csv(path: "/tmp/course/lessons/data/x.csv"))
    #expect(try Self.experiment(Setup(dataset: .csv(path: "/abs/y.csv")), directory: dir).config.dataset == .csv(path: "/abs/y.csv"))
  }

  @Test func aLayerTheNetworkLacksIsAnError() throws {
    let e = try #require(Self.error(Setup(hidden: [], lanes: [LessonLane(name: "k", spec: "1:l1=0.01;2:l2=0.01")])))
    #expect(e.key == "lane")
    #expect(e.message.hasPrefix("lane k: layer 2 does not exist (the network has 1 Dense layers)"))
  }

  @Test func momentumWithAdamIsAnError() throws {
    let e = try #require(Self.error(Setup(optimizer: .adam, momentum: 0.9)))
    #expect(e.key == "momentum")
    #expect(e.message == "momentum 0.9 applies to sgd only; with optimizer adam set 'momentum: 0'")
    #expect(Self.error(Setup(optimizer: .adam, momentum: 0)) == nil)
  }

  @Test func moreThanEightLanesIsAnError() throws {
    let lanes = (1...9).map { LessonLane(name: "l\($0)", spec: "l1=0.0\($0)") }
    let e = try #require(Self.error(Setup(lanes: lanes)))
    #expect(e == LessonSetupError(key: "lane", "at most 8 lanes, got 9"))
  }

  @Test func hugeLayersAndUnrepresentableRatesAreErrors() throws {
    #expect(Self.error(Setup(hidden: [16, 5000]))?.key == "hidden")
    let lr = try #require(Self.error(Setup(learningRate: 1e300)))
    #expect(lr.key == "lr")
    #expect(lr.message.hasPrefix("lr must be a finite number > 0"))
  }

  @Test func aMissingCSVFailsWhenPrepared() throws {
    let e = try Self.experiment(Setup(dataset: .csv(path: "no-such-file.csv")), directory: URL(fileURLWithPath: "/nonexistent"))
    do {
      _ = try e.prepare()
      Issue.record("expected an error")
    } catch {
      #expect(error.key == "dataset")
      #expect(error.message.contains("/nonexistent/no-such-file.csv"))
    }
  }

  @Test func theValidatorUsesTheLaneSpecGrammar() {
    let v = LessonValidator.regviz
    #expect(v.laneSpec("l1=0.01,l2=0.01") == nil)
    #expect(v.laneSpec("1:l1=0.01;2:l2=0.01") == nil)
    let problem = v.laneSpec("l3=1")
    #expect(problem?.hasPrefix("unknown term 'l3=1'") == true, "\(problem ?? "nil")")
    #expect(v.defaultLaneName("none") == "none")
    #expect(v.defaultLaneName("l1=0.02") == "L1")
    #expect(v.defaultLaneName("l1=0.01,l2=0.01") == "L1+L2")
    #expect(v.defaultLaneName("1:l1=0.01;2:l2=0.01") == "L1@1,L2@2")
  }

  @Test func forStepPlacesTheErrorAtTheStepHeading() throws {
    let text = lessonSource("""
      ## One

      ```regviz
      hidden: none
      lane: l1=0.01
      ```

      ## Two

      ```regviz
      lane: 1:l1=0.01;2:l2=0.01
      ```
      """)
    let lesson = try LessonParser.parse(text, file: "x/05-t.md", validator: .regviz)
    #expect(throws: Never.self) { try LessonExperiment.forStep(0, of: lesson) }
    do {
      _ = try LessonExperiment.forStep(1, of: lesson)
      Issue.record("expected an error")
    } catch {
      #expect(error.file == "x/05-t.md")
      #expect(error.line == 14)
      #expect(error.message.contains("layer 2 does not exist"))
    }
  }

  @Test func checkPointsAtTheKeyWhenTheStepSetsIt() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("LessonCheck-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("01-bad.md").path
    try lessonSource("""
      ## One

      ```regviz
      hidden: none
      optimizer: sgd
      momentum: 0.5
      ```

      ## Two

      ```regviz
      seed: 3
        lane: k = 1:l1=0.01;2:l2=0.01
      ```

      ## Three

      ```regviz
      optimizer: adam
      lane: none
      ```
      """).write(toFile: path, atomically: true, encoding: .utf8)
    let result = LessonCheck.check(path: path)
    #expect(result.problems.map(\.description) == [
      "\(path):19:3: lane k: layer 2 does not exist (the network has 1 Dense layers)",
      "\(path):22:1: momentum 0.5 applies to sgd only; with optimizer adam set 'momentum: 0'",
    ])
  }
}

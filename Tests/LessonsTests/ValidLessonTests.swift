import NeuralCore
import RegvizData
import Testing

@testable import Lessons

private let fullLesson = """
  ---
  title: L1 and the lasso
  summary: Watch L1 drive weights to exactly zero.
  minutes: 12
  ---

  # L1 and the lasso

  ## Two lanes

  A network with **no** penalty and one with *L1*,
  trained on `sparse` data.

  - L1 adds `λ|w|` to the loss
  - L2 adds `λw²`

  ```regviz
  # compare no penalty with L1
  dataset: sparse
  hidden: 16,16
  activation: tanh
  lane: none
  lane: l1=0.02
  lane: mix = 1:l1=0.01;2:l2=0.01
  optimizer: adam
  lr: 0.01
  momentum: 0.9
  batch: 32
  l1-rule: prox
  speed: 60
  seed: 7
  val-split: 20%
  standardize: yes
  until: zeros(L1) >= 50% and epoch >= 300
  max-epochs: 1500
  highlight: zeros
  hint: Press **f** to go faster.
  ```

  ## Look at the weights

  ```swift
  let total = dataLoss + penalty
  ```

  ```regviz
  highlight: weights
  ask: Why are L1 weights exactly zero?
  choice a: Rounding
  choice b: The proximal step sets them to zero
  choice c: Luck
  answer: B
  explain: Soft-thresholding sets small weights to **exactly** zero.
  ```

  ## Faster

  ```regviz
  lr: 0.05
  batch: full
  speed: max
  dataset: data/wine.csv
  hidden: none
  lane: L2 = l2=0.01
  until: val_acc(L2) > acc(L2) - 0.1 or epoch >= 100
  ```

  """

@Suite("A complete lesson")
struct ValidLessonTests {
  let lesson: Lesson

  init() throws {
    lesson = try LessonParser.parse(fullLesson, file: "lessons/02-l1-lasso.md", validator: fakeValidator)
  }

  @Test func header() {
    #expect(lesson.id == "02-l1-lasso")
    #expect(lesson.file == "lessons/02-l1-lasso.md")
    #expect(lesson.title == "L1 and the lasso")
    #expect(lesson.summary == "Watch L1 drive weights to exactly zero.")
    #expect(lesson.minutes == 12)
    #expect(lesson.steps.map(\.title) == ["Two lanes", "Look at the weights", "Faster"])
    #expect(lesson.steps.map(\.line) == [9, 40, 56])
  }

  @Test func firstStep() throws {
    let step = lesson.steps[0]
    #expect(step.blocks == [
      .paragraph([.text("A network with "), .bold("no"), .text(" penalty and one with "), .italic("L1"),
                  .text(", trained on "), .code("sparse"), .text(" data.")]),
      .bullets([[.text("L1 adds "), .code("λ|w|"), .text(" to the loss")], [.text("L2 adds "), .code("λw²")]]),
    ])
    let setup = try #require(step.setup)
    #expect(setup == Setup(
      dataset: .sparse, hidden: [16, 16], activation: .tanh,
      lanes: [LessonLane(name: "none", spec: "none"), LessonLane(name: "L1", spec: "l1=0.02"),
              LessonLane(name: "mix", spec: "1:l1=0.01;2:l2=0.01")],
      optimizer: .adam, learningRate: 0.01, momentum: 0.9, batch: .size(32), l1Rule: .prox,
      speed: .epochsPerSecond(60), seed: 7, validationSplit: 0.2, standardize: true))
    #expect(step.until?.description == "zeros(L1) ≥ 50% and epoch ≥ 300")
    #expect(step.maxEpochs == 1500)
    #expect(step.highlight == .zeros)
    #expect(step.hint == "Press **f** to go faster.")
    #expect(step.question == nil)
  }

  @Test func conditionOfTheFirstStepOverTime() throws {
    let until = try #require(lesson.steps[0].until)
    let timeline: [(Int, Double?, Bool)] = [(0, nil, false), (150, 0.3, false), (300, 0.45, false),
                                            (320, 0.5, true), (800, 0.7, true)]
    for (epoch, zeros, expected) in timeline {
      let metrics = FakeMetrics(epoch: epoch, values: zeros.map { ["zeros(L1)": $0] } ?? [:])
      #expect(until.isSatisfied(by: metrics) == expected, "epoch \(epoch)")
    }
  }

  @Test func questionStep() throws {
    let step = lesson.steps[1]
    #expect(step.blocks == [.code(["let total = dataLoss + penalty"])])
    #expect(step.setup == nil)
    #expect(step.until == nil)
    #expect(step.maxEpochs == Step.defaultMaxEpochs)
    #expect(step.highlight == .weights)
    let question = try #require(step.question)
    #expect(question.prompt == "Why are L1 weights exactly zero?")
    #expect(question.choices.map(\.label) == ["a", "b", "c"])
    #expect(question.choices[1].text == "The proximal step sets them to zero")
    #expect(question.answer == "b")
    #expect(question.answerIndex == 1)
    #expect(question.isCorrect("B") && !question.isCorrect("a"))
    #expect(question.explanation == "Soft-thresholding sets small weights to **exactly** zero.")
  }

  @Test func effectiveSetupMergesEarlierSteps() {
    let first = lesson.effectiveSetup(at: 0)
    #expect(first == lesson.steps[0].setup)
    #expect(lesson.effectiveSetup(at: 1) == first)

    let last = lesson.effectiveSetup(at: 2)
    #expect(last.dataset == .csv(path: "data/wine.csv"))
    #expect(last.hidden == [])
    #expect(last.learningRate == 0.05)
    #expect(last.batch == .full)
    #expect(last.speed == .max)
    #expect(last.lanes == [LessonLane(name: "L2", spec: "l2=0.01")])
    // Keys the last step does not set carry over.
    #expect(last.activation == .tanh)
    #expect(last.optimizer == .adam)
    #expect(last.seed == 7)
    #expect(last.validationSplit == 0.2)
    #expect(last.standardize == true)
    #expect(lesson.effectiveSetup(at: 99) == last)
  }

  @Test func setupStepIndex() {
    #expect(lesson.setupStepIndex(atOrBefore: 0) == 0)
    #expect(lesson.setupStepIndex(atOrBefore: 1) == 0)
    #expect(lesson.setupStepIndex(atOrBefore: 2) == 2)
  }

  @Test func lastStepCondition() throws {
    let until = try #require(lesson.steps[2].until)
    #expect(until.description == "val_acc(L2) > acc(L2) - 0.1 or epoch ≥ 100")
    #expect(until.isSatisfied(by: FakeMetrics(epoch: 100)))
    #expect(!until.isSatisfied(by: FakeMetrics(epoch: 99, values: ["acc(L2)": 0.9, "val_acc(L2)": 0.8])))
    #expect(until.isSatisfied(by: FakeMetrics(epoch: 99, values: ["acc(L2)": 0.9, "val_acc(L2)": 0.81])))
  }
}

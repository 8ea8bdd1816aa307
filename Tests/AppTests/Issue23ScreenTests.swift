import Canvas
import Lessons
import NeuralCore
import Testing
import Training

@testable import App

/// Issue 23's screens: the status line keeps λ and lr where they fit, `tab` changes the
/// matrix on every press, a mission's notice does not outlive its page.
@Suite("Issue 23 screens")
struct Issue23ScreenTests {
  typealias F = LessonFixtures

  /// Lesson 3 step 3's four lanes, at every width from 60 to 200: λ and lr are on the status
  /// line whenever the line has room for them beside what it shows.
  @Test func theStatusLineKeepsLambdaAndLearningRateWhereTheyFit() throws {
    let session = try LessonSession(lessons: F.shipped, lessonIndex: 2, step: 2)
    let snapshot = F.snapshot(session, epochs: 300)
    let lambda = "λ 0.01 0.05 0.02", rate = "lr 0.1"
    for width in 60...200 {
      var state = AppState()
      state.observe(snapshot)
      var grid = Grid(width: width, height: 1)
      var p = Painter(grid: grid)
      StatusBar.drawStatus(snapshot, state: state, in: Rect(x: 0, y: 0, width: width, height: 1), painter: &p)
      grid = p.grid
      let line = grid.row(0)
      let used = line.replacingOccurrences(of: "? help", with: "").trimmingCharacters(in: .whitespaces).count
      for segment in [lambda, rate] where !line.contains(segment) {
        // Absent only where adding " │ segment" would run into "? help".
        #expect(used + 3 + segment.count + "? help".count + 3 > width, "\(width): \(segment) left out\n\(line)")
      }
      #expect(width < 100 || line.contains(lambda) && line.contains(rate), "\(width)\n\(line)")
    }
  }

  /// `tab` in the matrix view: every press shows another layer (no "all layers" state that
  /// looks like layer 1); in the histograms view all layers stay a stop of the cycle.
  @Test func tabChangesTheMatrixOnEveryPress() {
    let snapshot = Fixtures.snapshot()
    var dashboard = Dashboard(state: AppState())
    dashboard.state.view = .matrix
    var titles: [String] = []
    for _ in 0..<4 {
      dashboard.state.observe(snapshot)
      titles.append(Chrome.compose(snapshot, state: dashboard.state, width: 120, height: 40).row(1))
      _ = dashboard.perform(.layer(forward: true), snapshot: snapshot, lock: nil)
    }
    for (a, b) in zip(titles, titles.dropFirst()) { #expect(a != b, "\(a)\n\(b)") }
    #expect(titles[0].contains("layer 1 of 3") && titles[1].contains("layer 2 of 3") && titles[3].contains("layer 1 of 3"))
    #expect(Dashboard.nextLayer(nil, count: 3, forward: true, allLayers: false) == 1)
    #expect(Dashboard.nextLayer(nil, count: 3, forward: false, allLayers: false) == 2)
    #expect(Dashboard.nextLayer(nil, count: 3, forward: true) == 0)
  }

  /// The notice of a mission reached goes when the page turns (the course-finished page kept
  /// `✓ mission accomplished — → for the next page`).
  @Test func theMissionNoticeGoesWithItsPage() throws {
    let lesson = try #require(F.shipped.firstIndex { $0.id == "10-weight-decay-lambda-and-n" })
    let last = F.shipped[lesson].steps.count - 1
    var mode = LessonMode(session: try LessonSession(lessons: F.shipped, lessonIndex: lesson, step: last), state: AppState())
    let snapshot = F.snapshot(mode.session, epochs: 10)
    _ = mode.observe(snapshot, elapsed: 0)
    if let question = mode.session.step.question { _ = mode.perform(.answer(question.answer.first!), snapshot: snapshot) }
    var state = mode.state
    state.note(LessonMode.accomplished, for: 6)
    mode = LessonMode(session: mode.session, state: state)
    _ = mode.observe(snapshot, elapsed: 0)
    #expect(mode.state.notice == LessonMode.accomplished)
    _ = mode.perform(.next, snapshot: snapshot)
    #expect(mode.session.phase == .finished)
    #expect(mode.state.notice != LessonMode.accomplished)
    #expect(!mode.compose(snapshot, width: 120, height: 40).text().contains("mission accomplished"))
  }
}

/// The full-screen decision on arriving at a page is made with the page's own experiment,
/// not the last frames of the previous one (whose lanes give the numbers other rows).
@Suite("Issue 23 arrival")
struct ArrivalDecisionTests {
  typealias F = LessonFixtures

  static let turns: [(Int, Int)] = F.shipped.enumerated().flatMap { l, lesson in
    lesson.steps.indices.dropLast().compactMap { s in
      lesson.setupStepIndex(atOrBefore: s) != lesson.setupStepIndex(atOrBefore: s + 1) ? (l, s) : nil
    }
  }

  @Test(arguments: turns)
  func theFullScreenDecisionUsesThePagesOwnExperiment(lesson: Int, step: Int) throws {
    var mode = LessonMode(session: try LessonSession(lessons: F.shipped, lessonIndex: lesson, step: step), state: AppState())
    let before = F.snapshot(mode.session, epochs: 40)
    _ = mode.observe(before, elapsed: 0)
    if let question = mode.session.step.question { _ = mode.perform(.answer(question.answer.first!), snapshot: before) }
    _ = mode.compose(before, width: 80, height: 24)
    if mode.session.reading { _ = mode.perform(.toggleReading, snapshot: before) }
    var session = mode.session
    var state = AppState()
    _ = session.next(state: &state)
    guard session.stepIndex == step + 1 else { return }  // a condition not reached in the fixture
    mode = LessonMode(session: session, state: AppState())
    // The runner still shows the previous page's run for a frame or two — here one with
    // eight lanes, whose numbers would take eight rows of the pane.
    var crowded = before.config
    crowded.lanes = Array(repeating: crowded.lanes, count: 8).joined().prefix(8).enumerated().map { i, lane in
      var lane = lane
      lane.name = "lane\(i)"
      return lane
    }
    let previous = Fixtures.snapshot(epochs: 40, config: crowded)
    _ = mode.observe(previous, elapsed: 0)
    _ = mode.compose(previous, width: 80, height: 24)
    let after = F.snapshot(mode.session, epochs: 0)
    _ = mode.observe(after, elapsed: 0)
    _ = mode.compose(after, width: 80, height: 24)
    var onDashboard = mode.session
    onDashboard.reading = false
    let expected = !LessonPane(onDashboard, snapshot: after, theme: .standard, width: 80, height: 24).showsFirstParagraph
    #expect(mode.session.reading == expected, "lesson \(lesson + 1) step \(step + 2): full-screen \(expected)")
  }
}

/// What the missions' pages say matches what the keys do (items 16 and 17).
@Suite("Issue 23 mission texts")
struct MissionTextTests {
  typealias F = LessonFixtures

  /// Lesson 8 mission 4 starts on the subgradient rule: `u` gives clip first, then prox, and
  /// the hint that unlocks `u` says so in that order.
  @Test func theRuleHintFollowsTheKeysOrder() throws {
    let lesson = try #require(F.shipped.first { $0.id == "08-your-turn" })
    let step = try #require(lesson.steps.first { $0.mission?.unlock == .rule })
    let rules = L1Rule.allCases
    let first = rules[(rules.firstIndex(of: .subgradient)! + 1) % rules.count]
    let second = rules[(rules.firstIndex(of: first)! + 1) % rules.count]
    #expect((first, second) == (.clip, .prox))
    let hint = try #require(step.mission?.hints.last)
    let clip = try #require(hint.range(of: "clip")), prox = try #require(hint.range(of: "prox"))
    #expect(clip.lowerBound < prox.lowerBound, "\(hint)")
    // Its goal asks for a working network besides the zeros.
    #expect(step.mission!.goal.references.contains { $0.metric == .valAcc })
  }

  /// Lesson 10's mission needs a restart after a new λ (the norms agree only from a common
  /// start): its text and first hint say to press `r`.
  @Test func lessonTensMissionSaysToPressR() throws {
    let lesson = try #require(F.shipped.first { $0.id == "10-weight-decay-lambda-and-n" })
    let step = try #require(lesson.steps.first { $0.mission != nil })
    let text = step.blocks.map { "\($0)" }.joined()
    #expect(text.contains("press \")") && text.contains("Inline.code(\"r\")"), "\(text)")
    #expect(step.mission!.hints.first?.contains("then r to restart") == true)
  }
}

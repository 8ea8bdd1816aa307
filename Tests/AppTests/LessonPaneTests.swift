import Canvas
import Foundation
import Lessons
import Testing
import Training

@testable import App

/// The lesson pane beside the dashboard, as text: the shipped lesson 2 at its first step, with
/// the question open and answered, at 120×40 and 80×24; the finished page; ASCII mode.
@Suite("Lesson pane")
struct LessonPaneTests {
  typealias F = LessonFixtures

  /// The whole screen for `session` over `snapshot`, as the lesson loop draws it.
  /// The frame on arrival at `session`'s step. Where the page opens full-screen (the pane too
  /// small for its first paragraph), `reading: false` gives the dashboard the learner sees
  /// after `e`.
  static func frame(_ session: inout LessonSession, _ snapshot: ExperimentSnapshot, width: Int, height: Int,
                    theme: Theme = .standard, reading: Bool = false) -> Grid {
    var mode = LessonMode(session: session, state: AppState(theme: theme))
    _ = mode.observe(snapshot, elapsed: 0)
    var grid = mode.compose(snapshot, width: width, height: height)
    if !reading, mode.session.reading {
      _ = mode.perform(.toggleReading, snapshot: snapshot)
      grid = mode.compose(snapshot, width: width, height: height)
    }
    session = mode.session
    return grid
  }

  static func lessonTwo(step: Int = 0) -> LessonSession {
    try! LessonSession(lessons: F.shipped, lessonIndex: 1, step: step)
  }

  static func answer(_ label: String, _ session: inout LessonSession) {
    var state = AppState()
    _ = session.answer(label, state: &state)
  }

  @Test func questionOpenAt120x40() {
    var session = Self.lessonTwo()
    let grid = Self.frame(&session, F.snapshot(session, epochs: 0, running: false), width: 120, height: 40)
    assertSnapshot(grid, named: "lesson-120x40-question")
    #expect(contains(grid, "lesson 2/\(F.shipped.count) · step 1/\(F.shipped[1].steps.count)"))
    #expect(contains(grid, "paused until you answer"))
    #expect(contains(grid, "c) Every weight the same small"), "the question is pinned: every choice shows")
    // The step highlights the weights panel: its title is drawn bright.
    let row = (0..<grid.height).first { grid.row($0).contains("weights · all layers") }!
    let x = grid.row(row).distance(of: "weights · all layers")!
    #expect(grid[x, row].style == Theme.standard.highlightedBorder)
  }

  @Test func answeredAndWaitingAt80x24() {
    var session = Self.lessonTwo()
    Self.answer("a", &session)
    let grid = Self.frame(&session, F.snapshot(session, epochs: 0), width: 80, height: 24)
    assertSnapshot(grid, named: "lesson-80x24-answered")
    #expect(contains(grid, "waiting for:") && contains(grid, "zeros(L1) ≥ 50%"))
    #expect(contains(grid, "now: zeros(L1) –"), "no epoch yet: no value")
    #expect(grid.row(0).hasPrefix(" RegViz │ sparse │ 20→16→16→3 │ epoch 0"), "the header keeps the name and the shape")
  }

  @Test func theLastScrollOffsetShowsTheEndOfTheText() {
    for (width, height) in [(80, 24), (120, 40), (100, 30)] {
      var session = Self.lessonTwo()
      Self.answer("a", &session)
      let snapshot = F.snapshot(session, epochs: 0)
      let end = Self.frame(&session, snapshot, width: width, height: height)
      #expect(contains(end, "stays there.") || contains(end, "there."), "\(width)×\(height): the end is visible")
      #expect(!contains(end, "more ↓"), "\(width)×\(height)")
      session.scroll -= 1
      let before = Self.frame(&session, snapshot, width: width, height: height)
      #expect(contains(before, "more ↓"), "\(width)×\(height): one line short of the end")
    }
  }

  @Test func reachedAt120x40ShowsNext() {
    var session = Self.lessonTwo()
    Self.answer("b", &session)
    let grid = Self.frame(&session, F.snapshot(session, epochs: 300), width: 120, height: 40)
    assertSnapshot(grid, named: "lesson-120x40-reached")
    #expect(contains(grid, "✓ reached: zeros(L1) ≥ 50%"))
    #expect(contains(grid, "→ next page"))
    #expect(contains(grid, "✓ Right."))
  }

  @Test func waitingShowsTheCurrentValues() {
    let session = Self.lessonTwo(step: 2)
    let snapshot = F.snapshot(session, epochs: 300)
    let values = LessonPane.values(of: session.step.until!, in: snapshot)
    #expect(values.hasPrefix("epoch 300, noise_zeros(L1) "))
    #expect(values.contains("%, feature_ratio(L1) ") && values.contains(", feature_ratio(none) "))
    let epochs = try! LessonSession(lessons: F.shipped, lessonIndex: 2, step: 1)
    #expect(LessonPane.values(of: epochs.step.until!, in: F.snapshot(epochs, epochs: 12))
      .hasPrefix("epoch 12, zeros(L2) 0%"), "as the numbers table shows it")
  }

  @Test func finishedPageAt80x24() {
    var session = Self.lessonTwo(step: F.shipped[1].steps.count - 1)
    var state = AppState()
    _ = session.next(state: &state)
    #expect(session.phase == .finished)
    let grid = Self.frame(&session, F.snapshot(session, epochs: 300), width: 80, height: 24)
    assertSnapshot(grid, named: "lesson-80x24-finished")
    #expect(contains(grid, "lesson 2/\(F.shipped.count) · finished"))
    #expect(contains(grid, "→ lesson 3: L2"))
  }

  @Test func theLastLessonsFinishedPagePointsToFreePlay() {
    let last = F.shipped.count - 1
    var session = try! LessonSession(lessons: F.shipped, lessonIndex: last, step: F.shipped[last].steps.count - 1)
    var state = AppState()
    if let question = session.step.question { _ = session.answer(question.answer, state: &state) }
    _ = session.next(state: &state)
    let blocks = LessonPane.blocks(session, theme: .standard)
    let text = TextView(blocks: blocks).layout(width: 200, theme: .standard).map(\.text).joined(separator: "\n")
    #expect(text.contains("That was the last lesson; 1 of \(F.shipped.count) are finished"))
    #expect(text.contains("regviz play: free play"))
  }

  @Test func asciiModeStaysASCII() {
    var session = Self.lessonTwo()
    Self.answer("a", &session)
    let theme = Theme(colorMode: .monochrome, ascii: true)
    let grid = Self.frame(&session, F.snapshot(session, epochs: 300), width: 80, height: 24, theme: theme)
    #expect(nonASCII(grid).isEmpty, "\(nonASCII(grid))")
    #expect(contains(grid, "lesson 2/\(F.shipped.count) - step 1/\(F.shipped[1].steps.count)"))
  }

  @Test func theKeyLineAndHelpListLessonKeys() {
    var session = F.session(step: 1)
    let grid = Self.frame(&session, F.snapshot(session, epochs: 10), width: 120, height: 40)
    let keys = grid.row(39)
    #expect(keys.contains("→ enter next") && keys.contains("← back") && keys.contains("? help"))
    #expect(!keys.contains("λ"), "the λ keys are not the learner's in a lesson")
    // The help lists the page's keys: on the first page a question waits for its answer.
    var state = AppState()
    state.overlay = .help(scroll: 0)
    let asking = F.session()
    let help = Chrome.compose(F.snapshot(asking, epochs: 10), state: state,
                              keymap: LessonMode(session: asking, state: state).keymap,
                              width: 120, height: 40)
    #expect(contains(help, "answer the question; training waits for your prediction"))
    #expect(contains(help, "λ, lr, L1 rule, data: the lesson's; try them in free play (regviz play)"))
  }
}

/// A step can open the histograms on the log scale (`histogram: log`); the learner's `l` rules
/// after that.
@Suite struct HistogramDirectiveTests {
  @Test func lessonSixSideBySideOpensOnTheLogScale() throws {
    let six = try #require(LessonFixtures.shipped.firstIndex { $0.id.hasPrefix("06") })
    let step = try #require(LessonFixtures.shipped[six].steps.firstIndex { $0.title == "Side by side" })
    #expect(LessonFixtures.shipped[six].steps[step].histogram == .log)
    let session = try LessonSession(lessons: LessonFixtures.shipped, lessonIndex: six, step: step)
    var mode = LessonMode(session: session, state: AppState())
    _ = mode.observe(LessonFixtures.snapshot(session, epochs: 10), elapsed: 0)
    #expect(mode.state.histogramScale == .log)
    let grid = mode.compose(LessonFixtures.snapshot(session, epochs: 10), width: 120, height: 40)
    #expect(grid.row(1).contains("log10|w|"))
    _ = mode.perform(.switchHistogramScale, snapshot: LessonFixtures.snapshot(session, epochs: 10))
    _ = mode.observe(LessonFixtures.snapshot(session, epochs: 11), elapsed: 0)
    #expect(mode.state.histogramScale == .linear, "l rules once the step has opened")
  }
}

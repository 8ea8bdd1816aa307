import Canvas
import LessonRuns
import Foundation
import Lessons
import Testing
import Training

@testable import App

/// Every step of every shipped lesson, drawn at 80×24, 120×40 and 200×60 as the lesson loop
/// draws it: a step that asks a question shows the question and every one of its choices
/// without scrolling, and a step with `numbers:` shows one row per lane.
///
/// `REGVIZ_DUMP_FRAMES=DIR` writes each frame to DIR (to look at them all by eye).
@Suite("Lesson steps on screen")
struct LessonStepFrameTests {
  typealias F = LessonFixtures

  static let sizes = [(80, 24), (120, 40), (200, 60)]

  /// (lesson, step) for every step of the course.
  static let steps: [(Int, Int)] = F.shipped.enumerated().flatMap { l, lesson in lesson.steps.indices.map { (l, $0) } }
  /// The steps each test below is about: with `numbers:`; drawing the histograms view (no
  /// `view:`, or `view: histograms`), and of those the ones on a data set with ★ features;
  /// opening another view.
  static let numberSteps = steps.filter { !F.shipped[$0.0].steps[$0.1].numbers.isEmpty }
  static let histogramSteps = steps.filter { (F.shipped[$0.0].steps[$0.1].view ?? .histograms) == .histograms }
  static let starSteps = histogramSteps.filter { lesson, step in
    (try? LessonSession(lessons: F.shipped, lessonIndex: lesson, step: step)).map { F.snapshot($0, epochs: 0).informative != nil } ?? false
  }
  static let viewSteps = steps.filter { (F.shipped[$0.0].steps[$0.1].view ?? .histograms) != .histograms }

  @Test func everyFrameTestHasStepsToCheck() {
    #expect(Self.numberSteps.count >= 3 && Self.starSteps.count >= 10 && Self.viewSteps.count >= 5 && Self.histogramSteps.count > Self.starSteps.count,
            "\(Self.numberSteps.count) \(Self.starSteps.count) \(Self.viewSteps.count) \(Self.histogramSteps.count)")
  }

  /// The pane's text, row by row trimmed and joined with single spaces: a wrapped sentence
  /// reads as one line again.
  /// The step's frame once its question (if any) is answered, 300 epochs into a running run.
  static func answeredFrame(lesson: Int, step: Int, width: Int, height: Int) throws -> (grid: Grid, snapshot: ExperimentSnapshot) {
    var session = try LessonSession(lessons: F.shipped, lessonIndex: lesson, step: step)
    if let question = session.step.question {
      var state = AppState()
      _ = session.answer(question.answer, state: &state)
    }
    let snapshot = F.snapshot(session, epochs: 300, running: true)
    return (LessonPaneTests.frame(&session, snapshot, width: width, height: height), snapshot)
  }

  static func paneText(_ grid: Grid, width: Int, height: Int) -> String {
    let frameWidth = LessonPane.frameWidth(screenWidth: width)
    let side = DashboardLayout.split(width: width, height: height, paneWidth: frameWidth).side!
    let inner = side.inset(by: 1)
    let rows = (inner.y..<inner.maxY).map { y in
      String(grid.row(y).dropFirst(inner.x).prefix(inner.width)).trimmingCharacters(in: .whitespaces)
    }
    return rows.filter { !$0.isEmpty }.joined(separator: " ")
      .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
  }

  static func plain(_ text: String) -> String {
    Inline.parse(text).plainText.split(separator: " ").joined(separator: " ")
  }

  @Test(arguments: steps)
  func theQuestionAndEveryChoiceAreVisible(lesson: Int, step: Int) throws {
    let question = F.shipped[lesson].steps[step].question
    for (width, height) in Self.sizes {
      var session = try LessonSession(lessons: F.shipped, lessonIndex: lesson, step: step)
      let grid = LessonPaneTests.frame(&session, F.snapshot(session, epochs: 0, running: false), width: width, height: height)
      Self.dump(grid, lesson: lesson, step: step, width: width, height: height)
      let where_ = "lesson \(lesson + 1) step \(step + 1) at \(width)×\(height)"
      let text = Self.paneText(grid, width: width, height: height)
      // The step's title is always on top.
      #expect(text.contains(Self.plain(F.shipped[lesson].steps[step].title)), "\(where_)\n\(grid.text())")
      guard let question else { continue }
      #expect(text.contains(Self.plain(question.prompt)), "\(where_): the question\n\(grid.text())")
      for choice in question.choices {
        #expect(text.contains("\(choice.label)) " + Self.plain(choice.text)), "\(where_): choice \(choice.label)\n\(grid.text())")
      }
    }
  }

  @Test(arguments: numberSteps)
  func numbersShowARowPerLane(lesson: Int, step: Int) throws {
    let metrics = F.shipped[lesson].steps[step].numbers
    for (width, height) in Self.sizes {
      let (grid, snapshot) = try Self.answeredFrame(lesson: lesson, step: step, width: width, height: height)
      Self.dump(grid, lesson: lesson, step: step, width: width, height: height, suffix: "-numbers")
      let text = Self.paneText(grid, width: width, height: height)
      let header = "lane " + metrics.map(LessonNumbers.header).joined(separator: " ")
      #expect(text.contains(header), "lesson \(lesson + 1) step \(step + 1) at \(width)×\(height)\n\(grid.text())")
      for lane in snapshot.lanes {
        #expect(text.contains(String(lane.name.prefix(6)) + " "), "\(lane.name) at \(width)×\(height)")
      }
    }
  }

  /// Every informative feature's ★ is on screen in the feature view, at every size and step,
  /// with the lanes trained (lessons 2, 3 and 5 ask which ★ features survive).
  @Test(arguments: starSteps)
  func everyInformativeFeatureIsOnScreen(lesson: Int, step: Int) throws {
    for (width, height) in Self.sizes {
      var session = try LessonSession(lessons: F.shipped, lessonIndex: lesson, step: step)
      let snapshot = F.snapshot(session, epochs: 300, running: true)
      let informative = try #require(snapshot.informative)
      let grid = LessonPaneTests.frame(&session, snapshot, width: width, height: height)
      let where_ = "lesson \(lesson + 1) step \(step + 1) at \(width)×\(height)"
      let titleRow = try #require((0..<grid.height).first { grid.row($0).contains("per feature") || grid.row($0).contains("per input feature") },
                                  "\(where_): no feature view\n\(grid.text())")
      let bodyWidth = grid.row(titleRow).distance(of: "┤").map { $0 + 1 } ?? width
      let stars = (titleRow + 1..<height - 2).reduce(0) { n, y in
        n + grid.row(y).prefix(bodyWidth).filter { $0 == "★" }.count
      }
      #expect(stars == informative.count, "\(where_): \(stars) ★ of \(informative.count)\n\(grid.text())")
    }
  }

  /// Every lane's histogram title is one of its forms, whole (`strong λ 0.1`, `strong 0.1`,
  /// `strong`), never a cut one (`strong 0.`), at every size and step.
  @Test(arguments: histogramSteps)
  func everyLaneTitleIsWhole(lesson: Int, step: Int) throws {
    for (width, height) in Self.sizes {
      var session = try LessonSession(lessons: F.shipped, lessonIndex: lesson, step: step)
      let snapshot = F.snapshot(session, epochs: 300, running: true)
      let grid = LessonPaneTests.frame(&session, snapshot, width: width, height: height)
      let row = grid.row(2)  // the lane titles, under the weights panel's frame
      // The titles stand apart: between frame lines or at least two spaces.
      let pieces = Set(row.split(separator: "│").flatMap { $0.components(separatedBy: "  ") }
        .map { $0.trimmingCharacters(in: .whitespaces) })
      let rules = Format.laneRules(snapshot)
      for (i, lane) in snapshot.lanes.enumerated() {
        let forms = Set((1...width).map { WeightsPanel.laneTitle(lane, width: $0, theme: .standard, rule: rules?[i]) })
        let whole = !forms.isDisjoint(with: pieces)
        #expect(whole, "lesson \(lesson + 1) step \(step + 1) at \(width)×\(height): \(lane.name)\n\(row)")
      }
    }
  }

  /// A step that opens another view (`view:`) joins its frame to the lesson pane's: `┬` on top
  /// and `┴` at the bottom where they meet, no corner drawn over the other's.
  @Test(arguments: viewSteps)
  func aViewsFrameJoinsThePanesFrame(lesson: Int, step: Int) throws {
    for (width, height) in Self.sizes {
      var session = try LessonSession(lessons: F.shipped, lessonIndex: lesson, step: step)
      let view = try #require(session.step.view)
      let grid = LessonPaneTests.frame(&session, F.snapshot(session, epochs: 10, running: false), width: width, height: height)
      let top = Array(grid.row(1)), bottom = Array(grid.row(height - 2))
      let frameWidth = LessonPane.frameWidth(screenWidth: width)
      let side = try #require(DashboardLayout.split(width: width, height: height, paneWidth: frameWidth).side)
      let where_ = "lesson \(lesson + 1) step \(step + 1) (\(view)) at \(width)×\(height)"
      #expect(top[side.x] == "┬", "\(where_)\n\(String(top))")
      #expect(bottom[side.x] == "┴", "\(where_)\n\(String(bottom))")
    }
  }

  /// Steps on a data set with ★ features, whatever view they open.
  static let informativeSteps = steps.filter { lesson, step in
    (try? LessonSession(lessons: F.shipped, lessonIndex: lesson, step: step)).map { F.snapshot($0, epochs: 0).informative != nil } ?? false
  }
  /// Steps with `numbers:` and a question: the table shows while the question waits.
  static let numberQuestionSteps = numberSteps.filter { F.shipped[$0.0].steps[$0.1].question != nil }
  static let lensSteps = steps.filter { F.shipped[$0.0].steps[$0.1].view == .lens }

  /// The step drawn as the lesson loop draws it (the dashboard, not the full-screen text),
  /// after `v` until `view` shows when one is given.
  static func drawn(lesson: Int, step: Int, _ snapshot: ExperimentSnapshot, width: Int, height: Int,
                    view: DashboardView? = nil, answered: Bool = false) throws -> (LessonMode, Grid) {
    var session = try LessonSession(lessons: F.shipped, lessonIndex: lesson, step: step)
    if answered, let question = session.step.question {
      var state = AppState()
      _ = session.answer(question.answer, state: &state)
    }
    var mode = LessonMode(session: session, state: AppState())
    _ = mode.observe(snapshot, elapsed: 0)
    _ = mode.compose(snapshot, width: width, height: height)
    if mode.session.reading { _ = mode.perform(.toggleReading, snapshot: snapshot) }
    if let view {
      for _ in DashboardView.allCases where mode.state.view != view { _ = mode.perform(.nextView, snapshot: snapshot) }
    }
    _ = mode.observe(snapshot, elapsed: 0)
    return (mode, mode.compose(snapshot, width: width, height: height))
  }

  /// A ★ row is never hidden: in the weight-matrix view every lane drawn shows every ★ row,
  /// at every size and step (unstarred rows give way first); a lane that does not fit is not
  /// drawn, and the title says how many are not shown.
  @Test(arguments: informativeSteps)
  func theMatrixNeverHidesAStarRow(lesson: Int, step: Int) throws {
    for (width, height) in Self.sizes {
      let snapshot = F.snapshot(try LessonSession(lessons: F.shipped, lessonIndex: lesson, step: step), epochs: 300)
      let informative = try #require(snapshot.informative)
      let (_, grid) = try Self.drawn(lesson: lesson, step: step, snapshot, width: width, height: height, view: .matrix)
      let where_ = "lesson \(lesson + 1) step \(step + 1) at \(width)×\(height)"
      let side = try #require(DashboardLayout.split(width: width, height: height,
                                                      paneWidth: LessonPane.frameWidth(screenWidth: width)).side)
      let title = String(grid.row(1).prefix(side.x))
      #expect(title.contains("matrix") && !title.contains("…"), "\(where_): \(title)")
      let hidden = title.firstRange(of: /\+(\d+)/).flatMap { Int(title[$0].dropFirst()) } ?? 0
      let stars = (2..<height - 2).reduce(0) { n, y in n + grid.row(y).prefix(side.x).filter { $0 == "★" }.count }
      #expect(stars == informative.count * (snapshot.lanes.count - hidden), "\(where_): \(stars) ★, \(hidden) lanes hidden\n\(grid.text())")
      #expect(snapshot.lanes.count - hidden >= 1, "\(where_)")
    }
  }

  /// The step's `numbers:` show a row for every lane, and the status line, while its question
  /// waits too (lesson 5 step 2 asks about the last lane's row).
  @Test(arguments: numberQuestionSteps)
  func numbersShowEveryLaneWhileTheQuestionWaits(lesson: Int, step: Int) throws {
    for (width, height) in Self.sizes {
      let snapshot = F.snapshot(try LessonSession(lessons: F.shipped, lessonIndex: lesson, step: step), epochs: 300)
      let (_, grid) = try Self.drawn(lesson: lesson, step: step, snapshot, width: width, height: height)
      let text = Self.paneText(grid, width: width, height: height)
      let where_ = "lesson \(lesson + 1) step \(step + 1) at \(width)×\(height)"
      for lane in snapshot.lanes {
        #expect(text.contains(String(lane.name.prefix(6)) + " "), "\(where_): \(lane.name)\n\(grid.text())")
      }
      #expect(text.contains("paused until you answer"), "\(where_)\n\(grid.text())")
    }
  }

  /// The lens's readout shows both coordinates of every lane's optimum and position, whole, at
  /// every size; a goal on `lens_zero(…)` reads a number, not `–`.
  @Test(arguments: lensSteps)
  func theLensReadoutShowsBothCoordinates(lesson: Int, step: Int) throws {
    for (width, height) in Self.sizes {
      let snapshot = F.snapshot(try LessonSession(lessons: F.shipped, lessonIndex: lesson, step: step), epochs: 10)
      let (mode, grid) = try Self.drawn(lesson: lesson, step: step, snapshot, width: width, height: height, answered: true)
      let where_ = "lesson \(lesson + 1) step \(step + 1) at \(width)×\(height)"
      let screen = (0..<height).map { grid.row($0) }.joined(separator: "\n")
      let lens = mode.lens
      for lane in lens.scene.lanes {
        let here = lane.trajectory.points[min(lane.trajectory.points.count - 1, lens.step)]
        for w in [lane.optimum, here] {
          let forms = [3, 2].map { d in "(\(LensView.number(w[0], decimals: d)), \(LensView.number(w[1], decimals: d)))" }
          #expect(forms.contains(where: screen.contains), "\(where_): \(lane.lane.name) \(forms[0])\n\(screen)")
        }
      }
      // Played to the end: the "now" line's tail is whole too ("1 exact 0", which lesson 7's
      // prose points at, was cut to "1…" at 80×24), with both coordinates.
      var played = mode
      let asksForZero = F.shipped[lesson].steps[step].until?.references.contains(where: { $0.metric == .lensZero }) == true
      // Where the page asks for an exact 0, λ goes up (`]`) as the learner's does until a lane's optimum has one.
      for _ in 0..<40 where asksForZero && !played.lens.scene.lanes.contains(where: { $0.optimum.contains(0) }) {
        _ = played.perform(.lensLambda(up: true), snapshot: snapshot)
      }
      _ = played.observe(snapshot, elapsed: 1000)
      let end = played.compose(snapshot, width: width, height: height)
      let endScreen = (0..<height).map { end.row($0) }.joined(separator: "\n")
      // The lesson's prose says "1 exact 0" too: count the readout's own, left of the pane.
      let paneX = DashboardLayout.split(width: width, height: height, paneWidth: LessonPane.frameWidth(screenWidth: width)).side!.x
      let readoutTails = (0..<height).map { String(end.row($0).prefix(paneX)) }
        .reduce(0) { $0 + $1.components(separatedBy: " exact 0").count - 1 }
      var tails = 0
      for lane in played.lens.scene.lanes where !played.lens.hiddenLanes.contains(lane.lane.rawValue) {
        let here = lane.trajectory.points[min(lane.trajectory.points.count - 1, played.lens.step)]
        let forms = [3, 2].map { d in "(\(LensView.number(here[0], decimals: d)), \(LensView.number(here[1], decimals: d)))" }
        #expect(forms.contains(where: endScreen.contains), "\(where_), played: \(lane.lane.name) \(forms[0])\n\(endScreen)")
        let landed = here.filter { $0 == 0 }.count
        guard landed > 0 else { continue }
        tails += 1
        #expect(endScreen.contains("\(landed) exact 0"), "\(where_), played: \(lane.lane.name) tail\n\(endScreen)")
      }
      #expect(readoutTails >= tails, "\(where_), played: \(tails) tails, \(readoutTails) whole\n\(endScreen)")
      if asksForZero {
        #expect(tails > 0, "\(where_): no lane landed on 0, the tail went unchecked")
      }
      if F.shipped[lesson].steps[step].until?.references.contains(where: { $0.metric == .lensZero }) == true {
        let text = Self.paneText(grid, width: width, height: height)
        #expect(!text.contains("lens_zero(L1) –") && (text.contains("now: lens_zero(L1)") || text.contains("reached: lens_zero(L1)")),
                "\(where_): \(text)")
      }
    }
  }

  static func dump(_ grid: Grid, lesson: Int, step: Int, width: Int, height: Int, suffix: String = "") {
    guard let directory = ProcessInfo.processInfo.environment["REGVIZ_DUMP_FRAMES"] else { return }
    let name = "l\(lesson + 1)-s\(step + 1)-\(width)x\(height)\(suffix).txt"
    try? grid.text().write(toFile: (directory as NSString).appendingPathComponent(name), atomically: true, encoding: .utf8)
  }
}

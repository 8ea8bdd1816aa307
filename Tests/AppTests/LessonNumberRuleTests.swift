import Canvas
import Foundation
import LessonRuns
import Lessons
import Testing
import Training

@testable import App

/// Issue 23's rules about numbers and answers, over every step of every lesson at 80×24, 120×40
/// and 200×60 (the steps and sizes of `LessonStepFrameTests`): one rounding rule per quantity
/// across panels and tables, counts are integers, and no panel shows the answer to the
/// waiting question.
extension LessonStepFrameTests {
  /// The side pane's rows, each trimmed.
  static func paneRows(_ grid: Grid, width: Int, height: Int) -> [String] {
    let frameWidth = LessonPane.frameWidth(screenWidth: width)
    guard let side = DashboardLayout.split(width: width, height: height, paneWidth: frameWidth).side else { return [] }
    let inner = side.inset(by: 1)
    return (inner.y..<inner.maxY).map { y in
      String(grid.row(y).dropFirst(inner.x).prefix(inner.width)).trimmingCharacters(in: .whitespaces)
    }
  }

  /// The numbers table's cells by lane name prefix: header metric → cell text.
  static func tableCells(_ rows: [String], metrics: [Metric], lanes: [LaneSnapshot]) -> [String: [Metric: String]] {
    let header = "lane " + metrics.map(LessonNumbers.header).joined(separator: " ")
    guard let top = rows.firstIndex(where: { $0.split(separator: " ").joined(separator: " ") == header }) else { return [:] }
    var cells: [String: [Metric: String]] = [:]
    for row in rows.dropFirst(top + 1).prefix(lanes.count) {
      let tokens = row.split(separator: " ").map(String.init)
      guard tokens.count == metrics.count + 1 else { continue }
      cells[tokens[0]] = Dictionary(uniqueKeysWithValues: zip(metrics, tokens.dropFirst()))
    }
    return cells
  }

  /// The model panel's cells on its `label` row (`val acc`), left to right, one per lane shown.
  static func modelRow(_ grid: Grid, _ label: String) -> [String]? {
    guard let y = (0..<grid.height).first(where: { grid.row($0).contains("│" + label) || grid.row($0).contains(" " + label + " ") })
    else { return nil }
    let row = grid.row(y)
    guard let start = row.range(of: label)?.upperBound else { return nil }
    let rest = row[start...].prefix { $0 != "│" }
    return rest.split(separator: " ").map(String.init)
  }

  /// Item 8: a share reads the same in every panel and table: whole percentages rounded down
  /// (`Quantity.percent`), never `96.7%` beside `96%` or `.95` beside `94%`; the model panel's
  /// accuracies, the table's `val` and `acc`, its `=0` and the gauges' agree. Counts are whole
  /// numbers.
  @Test(arguments: steps)
  func oneRoundingRulePerQuantityAndCountsAreIntegers(lesson: Int, step: Int) throws {
    let metrics = F.shipped[lesson].steps[step].numbers
    for (width, height) in Self.sizes {
      let (grid, snapshot) = try LessonStepFrameTests.answeredFrame(lesson: lesson, step: step, width: width, height: height)
      let where_ = "lesson \(lesson + 1) step \(step + 1) at \(width)×\(height)"
      // The panels (left of the lesson pane, whose prose may cite "0.2%"): no share with decimals.
      let paneX = DashboardLayout.split(width: width, height: height, paneWidth: LessonPane.frameWidth(screenWidth: width)).side?.x ?? width
      let panels = (0..<grid.height).map { String(grid.row($0).prefix(paneX)) }.joined(separator: "\n")
      #expect(panels.range(of: #"\d\.\d+%"#, options: .regularExpression) == nil, "\(where_): a decimal percentage\n\(panels)")
      let lanes = snapshot.lanes
      // The model panel's accuracies, lane by lane.
      for (label, value) in [("val acc", { (l: LaneSnapshot) in l.latest?.valAccuracy }), ("train acc", { $0.latest?.accuracy })] {
        guard let cells = Self.modelRow(grid, label) else { continue }
        for (cell, lane) in zip(cells, lanes) where !cell.hasPrefix("+") {
          #expect(cell == Quantity.percent(value(lane)), "\(where_): \(label) of \(lane.name)")
        }
      }
      guard !metrics.isEmpty else { continue }
      let rows = Self.paneRows(grid, width: width, height: height)
      let table = Self.tableCells(rows, metrics: metrics, lanes: lanes)
      #expect(table.count == lanes.count, "\(where_): the numbers table\n\(rows.joined(separator: "\n"))")
      let values = LessonMetrics(snapshot: snapshot)
      let gaugeRow = (0..<grid.height).map(grid.row).first { $0.range(of: "=0 [░█▏▎▍▌▋▊▉]", options: .regularExpression) != nil }
      for lane in lanes {
        guard let cells = table[String(lane.name.prefix(6))] else { continue }
        for metric in metrics {
          let cell = try #require(cells[metric])
          let value = values.value(metric, lane: lane.name)
          if metric.isFraction { #expect(cell == Quantity.percent(value), "\(where_): \(metric) of \(lane.name)") }
          if metric.isCount {
            #expect(cell == "–" || cell.allSatisfy(\.isNumber), "\(where_): \(metric) of \(lane.name) is `\(cell)`")
          }
        }
        // The same share in the model panel and the gauges.
        if let cell = cells[.valAcc], let panel = Self.modelRow(grid, "val acc"), let i = lanes.firstIndex(where: { $0.name == lane.name }),
           panel.indices.contains(i) {
          #expect(panel[i] == cell, "\(where_): val of \(lane.name): panel \(panel[i]), table \(cell)")
        }
        if let cell = cells[.zeros], let gaugeRow {
          #expect(gaugeRow.contains(" " + cell), "\(where_): =0 of \(lane.name): table \(cell), gauges \(gaugeRow)")
        }
      }
    }
  }
}

/// Item 15: while a step's question waits, no panel shows its answer — the model panel's
/// regularizer per layer, the lens's paths, optima, corners and landings, the λ path's λ_min
/// and λ_1se; answered, they show (so the check below can fail).
@Suite("Answers wait for the prediction")
struct AnswerWithheldTests {
  typealias F = LessonFixtures
  typealias S = LessonStepFrameTests

  /// Text a withheld readout would print: a layer's kind in the model panel, the lens's
  /// corners, optimum, landing count, and the path's λ_min / λ_1se.
  static let tells: [(String, String)] = [
    (#"dense(_\d+)? \d+ +[^?\s│]"#, "a layer's regularizer"), (#"from λ"#, "the L1 path's corners"),
    (#"exact 0"#, "a weight on 0"), (#"× \("#, "an optimum"), (#"λ_min \d"#, "λ_min"), (#"λ_1se \d"#, "λ_1se"),
  ]

  static func frame(lesson: Int, step: Int, width: Int, height: Int, answered: Bool) throws -> (Grid, AppState) {
    let session = try LessonSession(lessons: F.shipped, lessonIndex: lesson, step: step)
    let snapshot = F.snapshot(session, epochs: 300, running: false)
    var mode = LessonMode(session: session, state: AppState())
    _ = mode.observe(snapshot, elapsed: 0)
    if answered, let question = mode.session.step.question {
      _ = mode.perform(.answer(Character(question.answer)), snapshot: snapshot)
    }
    // Seconds pass: the lens would play its trajectories out and announce each landing.
    var notices: [String] = []
    for _ in 0..<20 {
      _ = mode.observe(snapshot, elapsed: 1)
      if let notice = mode.state.notice { notices.append(notice) }
    }
    var grid = mode.compose(snapshot, width: width, height: height)
    if mode.session.reading {
      _ = mode.perform(.toggleReading, snapshot: snapshot)
      grid = mode.compose(snapshot, width: width, height: height)
    }
    var state = mode.state
    state.notice = notices.joined(separator: "; ")
    return (grid, state)
  }

  @Test(arguments: S.steps.filter { F.shipped[$0.0].steps[$0.1].question != nil })
  func noPanelShowsTheAnswerToTheWaitingQuestion(lesson: Int, step: Int) throws {
    for (width, height) in S.sizes {
      let (grid, state) = try Self.frame(lesson: lesson, step: step, width: width, height: height, answered: false)
      let text = grid.text()
      let where_ = "lesson \(lesson + 1) step \(step + 1) at \(width)×\(height)"
      for (pattern, what) in Self.tells {
        #expect(text.range(of: pattern, options: .regularExpression) == nil, "\(where_): \(what) shows\n\(text)")
      }
      #expect(!(state.notice ?? "").contains("landed"), "\(where_): \(state.notice ?? "")")
    }
  }

  /// The issue's steps show what was withheld once answered: lesson 4 step 1's kinds, lesson 7
  /// steps 1 and 3's corners and landings.
  @Test func answeredTheReadoutsShow() throws {
    let (four, _) = try Self.frame(lesson: 3, step: 0, width: 120, height: 40, answered: true)
    #expect(four.text().range(of: #"dense \d+ +– +L1"#, options: .regularExpression) != nil, "\(four.text())")
    for step in [0, 2] {
      let (seven, state) = try Self.frame(lesson: 6, step: step, width: 200, height: 60, answered: true)
      #expect(seven.text().contains("from λ"), "lesson 7 step \(step + 1)\n\(seven.text())")
      if step == 2 { #expect((state.notice ?? "").contains("landed"), "lesson 7 step 3: \(state.notice ?? "")") }
    }
  }

  /// Lesson 5 step 6's path, finished, waits with its λ_min and λ_1se, and shows them answered.
  @Test func thePathWithholdsItsMarks() {
    let snapshot = Fixtures.snapshot(exportable: true)
    var state = PathViewTests.state(snapshot, job: .finished(PathViewTests.path(snapshot)))
    state.answerPending = true
    let waiting = Chrome.compose(snapshot, state: state, width: 120, height: 40).text()
    #expect(waiting.range(of: #"λ_min \d"#, options: .regularExpression) == nil, "\(waiting)")
    #expect(waiting.contains("once you answer"), "\(waiting)")
    state.answerPending = false
    let answered = Chrome.compose(snapshot, state: state, width: 120, height: 40).text()
    #expect(answered.range(of: #"λ_min \d"#, options: .regularExpression) != nil, "\(answered)")
  }
}

import Canvas
import Foundation
import Lessons
import Testing
import Training

@testable import App

/// Issue 23: the lesson read at 80×24. Over every step of every lesson at 80×24, 120×40 and
/// 200×60: the step's first paragraph shows on arrival (in the pane, or full-screen where the
/// pane leaves no room, with `e` on the key line); a verdict or hint that appears is on screen;
/// code wraps between tokens; the help wraps its rows whole; the footer names the real choices.
@Suite("Lesson text at every size")
struct LessonReadingTests {
  typealias F = LessonFixtures
  typealias S = LessonStepFrameTests

  /// The text of the lesson pane as shown: the full-screen page when open, else the side pane.
  static func shownText(_ grid: Grid, reading: Bool, width: Int, height: Int) -> String {
    guard reading else { return S.paneText(grid, width: width, height: height) }
    let inner = SidePane.readingInner(SidePane.readingFrame(width: width, height: height))
    let rows = (inner.y..<inner.maxY).map { y in
      String(grid.row(y).dropFirst(inner.x).prefix(inner.width)).trimmingCharacters(in: .whitespaces)
    }
    return rows.filter { !$0.isEmpty }.joined(separator: " ")
      .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
  }

  /// The first block's text as it reads on screen (a paragraph's plain text; a list's first
  /// item; a code block's first line).
  static func firstText(_ step: Step) -> String? {
    switch step.blocks.first {
    case .paragraph(let inlines)?: return inlines.plainText.split(separator: " ").joined(separator: " ")
    case .bullets(let items)?: return items.first.map { $0.plainText.split(separator: " ").joined(separator: " ") }
    case .code(let lines)?: return lines.first.map { String($0.split(separator: " ").first ?? "") }
    case nil: return nil
    }
  }

  @Test(arguments: S.steps)
  func theFirstParagraphShowsOnArrival(lesson: Int, step: Int) throws {
    for (width, height) in S.sizes {
      var session = try LessonSession(lessons: F.shipped, lessonIndex: lesson, step: step)
      let grid = LessonPaneTests.frame(&session, F.snapshot(session, epochs: 0, running: false), width: width,
                                       height: height, reading: true)
      let text = Self.shownText(grid, reading: session.reading, width: width, height: height)
      let where_ = "lesson \(lesson + 1) step \(step + 1) at \(width)×\(height)"
      #expect(text.contains(S.plain(session.step.title)), "\(where_)\n\(grid.text())")
      if let first = Self.firstText(session.step) {
        #expect(text.contains(first), "\(where_): the first paragraph\n\(grid.text())")
      }
      if session.reading {
        #expect(grid.row(height - 1).contains("e dashboard"), "\(where_): the key line names e\n\(grid.row(height - 1))")
      }
      if let question = session.step.question {
        // The question's own first line stays with its choices, in the pane and full-screen.
        let stem = S.plain(question.prompt).split(separator: " ").prefix(3).joined(separator: " ")
        #expect(text.contains("Question: " + stem), "\(where_): the question's first line\n\(grid.text())")
        for choice in question.choices {
          #expect(text.contains("\(choice.label)) " + S.plain(choice.text)), "\(where_): choice \(choice.label)")
        }
      }
    }
  }

  /// Answered right or wrong, in the pane or full-screen, the verdict's first line shows; so does
  /// a hint asked for.
  @Test(arguments: S.steps)
  func aVerdictOrHintThatAppearsIsOnScreen(lesson: Int, step: Int) throws {
    let page = F.shipped[lesson].steps[step]
    guard page.question != nil || page.hint != nil else { return }
    for (width, height) in S.sizes {
      for reading in [true, false] {
        // "" leaves the question waiting: the hint then shows beside the pinned question.
        for label in page.question.map({ q in ["", q.answer] + q.choices.map(\.label).filter { $0 != q.answer }.prefix(1) }) ?? [""] {
          let session = try LessonSession(lessons: F.shipped, lessonIndex: lesson, step: step)
          let snapshot = F.snapshot(session, epochs: 0, running: false)
          var mode = LessonMode(session: session, state: AppState())
          _ = mode.observe(snapshot, elapsed: 0)
          // Arrival first (it may open the page full-screen), then `e` to the pane or the page,
          // then the keys: the answer, and `h` (after the verdict, when both appear).
          var grid = mode.compose(snapshot, width: width, height: height)
          if mode.session.reading != reading {
            _ = mode.perform(.toggleReading, snapshot: snapshot)
            grid = mode.compose(snapshot, width: width, height: height)
          }
          #expect(mode.session.reading == reading)
          if !label.isEmpty {
            _ = mode.perform(.answer(Character(label)), snapshot: snapshot)
            grid = mode.compose(snapshot, width: width, height: height)
          }
          let where_ = "lesson \(lesson + 1) step \(step + 1) at \(width)×\(height)\(reading ? " full-screen" : "")"
          if !label.isEmpty {
            let verdict = label == page.question!.answer ? "✓ Right." : "✗ Not quite"
            let text = Self.shownText(grid, reading: mode.session.reading, width: width, height: height)
            #expect(text.contains(verdict), "\(where_): answer \(label)\n\(grid.text())")
          }
          if page.hint != nil {
            _ = mode.perform(.toggleHint, snapshot: snapshot)
            if !mode.session.hintShown { _ = mode.perform(.toggleHint, snapshot: snapshot) }
            grid = mode.compose(snapshot, width: width, height: height)
            let text = Self.shownText(grid, reading: mode.session.reading, width: width, height: height)
            #expect(text.contains("Hint:"), "\(where_): the hint\n\(grid.text())")
          }
        }
      }
    }
  }

  /// Every code line of every lesson, at the code column of the pane at each size and of the
  /// full-screen page, is cut only between tokens: at a space, or after `,` `(` `;` where no
  /// space fits; a token longer than the column ends its pieces in `\`.
  @Test func codeWrapsBetweenTokens() {
    let widths = S.sizes.flatMap { width, height -> [Int] in
      let pane = LessonPane.frameWidth(screenWidth: width)
      let side = DashboardLayout.split(width: width, height: height, paneWidth: pane).side!
      let full = SidePane.readingInner(SidePane.readingFrame(width: width, height: height))
      return [side.width - 4, full.width - 2].map { $0 - 2 }  // TextView's code indent
    }
    var lines = 0
    for lesson in F.shipped {
      for step in lesson.steps {
        for case .code(let code) in step.blocks {
          for line in code {
            for width in widths {
              lines += 1
              let pieces = TextView.wrapCode(line, width: width)
              #expect(pieces.allSatisfy { $0.count <= width }, "\(pieces)")
              var rebuilt = ""
              var hard = false
              for (i, raw) in pieces.enumerated() {
                var piece = i == 0 ? raw : String(raw.drop { $0 == " " })
                if i > 0 {
                  if line.hasPrefix(rebuilt + " ") { rebuilt += " " }
                  else if !hard { #expect(",(;".contains(rebuilt.last ?? " "), "cut inside a token at \(width): \(pieces)") }
                }
                // A cut inside a token too long for the column: marked, and only then.
                if i < pieces.count - 1, piece.hasSuffix("\\"), !line.hasPrefix(rebuilt + piece) {
                  piece.removeLast()
                  rebuilt += piece
                  hard = true
                  continue
                }
                hard = false
                rebuilt += piece
              }
              #expect(rebuilt == line, "\(width): \(pieces)")
            }
          }
        }
      }
    }
    #expect(lines > 20)
  }

  /// At 80×24 and 120×40, in play and in a lesson, every help row's text is in the help whole,
  /// and no line is wider than the window.
  @Test func everyHelpRowIsWhole() {
    let contexts = [KeyContext(mode: .play), KeyContext(mode: .lesson, answers: ["a", "b", "c"], question: true, hint: true)]
    for (width, height) in [(80, 24), (120, 40)] {
      let screen = Rect(x: 0, y: 0, width: width, height: height)
      let room = Overlays.helpWidth(screen)
      for context in contexts {
        let bindings = Keymap(context).listed
        let lines = Overlays.helpLines(bindings, theme: .standard, width: room)
        #expect(lines.allSatisfy { $0.reduce(0) { $0 + $1.text.count } <= room }, "\(width)×\(height)")
        let text = lines.map { $0.map(\.text).joined().trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
          .split(separator: " ").joined(separator: " ")
        for binding in bindings {
          #expect(text.contains(binding.help.split(separator: " ").joined(separator: " ")), "\(width)×\(height): \(binding.help)")
        }
      }
    }
  }

  /// Item 19: the footer names the question's own letters (`a–c answer` on three choices).
  @Test(arguments: S.steps.filter { F.shipped[$0.0].steps[$0.1].question != nil })
  func theFooterNamesTheRealChoices(lesson: Int, step: Int) throws {
    let session = try LessonSession(lessons: F.shipped, lessonIndex: lesson, step: step)
    let labels = session.step.question!.choices.map(\.label)
    let footer = LessonPane.keys(session, width: 200)
    #expect(footer.contains("\(labels.first!)–\(labels.last!) answer"), "\(footer)")
  }
}

/// Issue 23: a mission hint that appears is scrolled into view (lesson 8 missions 2 and 4 put
/// theirs below `more ↓` at 80×24).
@Suite("Mission hints on screen")
struct MissionHintOnScreenTests {
  typealias F = LessonFixtures
  typealias S = LessonStepFrameTests

  @Test func everyMissionHintOfLessonEightShowsAsItAppears() throws {
    let eight = 7
    let steps = F.shipped[eight].steps.indices.filter { F.shipped[eight].steps[$0].mission != nil }
    #expect(steps.count >= 4, "lesson 8 has its missions")
    for (width, height) in [(80, 24), (120, 40)] {
      for step in steps {
        let session = try LessonSession(lessons: F.shipped, lessonIndex: eight, step: step)
        let snapshot = F.snapshot(session, epochs: 0, running: false)
        var mode = LessonMode(session: session, state: AppState())
        _ = mode.observe(snapshot, elapsed: 0)
        _ = mode.compose(snapshot, width: width, height: height)
        let hints = try #require(mode.session.mission).mission.hints
        var seen = 0
        for _ in 0..<200 where seen < hints.count {
          _ = mode.observe(snapshot, elapsed: 5)
          let grid = mode.compose(snapshot, width: width, height: height)
          let shown = mode.session.mission!.hintsShown
          guard shown > seen else { continue }
          seen = shown
          let words = S.plain(hints[shown - 1]).split(separator: " ").prefix(3).joined(separator: " ")
          let text = LessonReadingTests.shownText(grid, reading: mode.session.reading, width: width, height: height)
          #expect(text.contains(words), "lesson 8 step \(step + 1) hint \(shown) at \(width)×\(height)\n\(grid.text())")
        }
        #expect(seen == hints.count, "lesson 8 step \(step + 1): every hint appeared")
      }
    }
  }
}

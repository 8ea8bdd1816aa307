import LessonRuns
import Canvas
import Foundation
import Lessons
import NeuralCore
import Training

/// The lesson beside the dashboard: "lesson 2/6 · step 3/7" in the frame, the step's title
/// and text, its question (with the verdict and the explanation once answered), the hint when
/// asked for, then — pinned where scrolling cannot hide it — the unanswered question with all
/// its choices, the step's `numbers:` per lane, what the learner is waiting for or that they
/// may go on, and the lesson keys.
///
/// The question is pinned while it waits because a learner must see every choice to predict,
/// and at 80×24 the text before it fills the pane: the text scrolls above it instead.
public struct LessonPane {
  /// What the composer draws.
  public var side: SidePane
  /// The largest useful scroll offset on this screen: the text's last page.
  public var maxScroll: Int

  /// The pane for `session` on a `width × height` screen, with the numbers of `snapshot`.
  public init(_ session: LessonSession, snapshot: ExperimentSnapshot, theme: Theme, width: Int, height: Int) {
    self.init(session, snapshot: snapshot, theme: theme, width: width, height: height, cache: nil)
  }

  /// With `cache`, the page's text is laid out once for its step, answer, hint, width and theme.
  init(_ session: LessonSession, snapshot: ExperimentSnapshot, theme: Theme, width: Int, height: Int,
       cache: LessonTextCache?) {
    let frameWidth = LessonPane.frameWidth(screenWidth: width)
    let title = theme.printable(LessonPane.title(session))
    let blocks = LessonPane.blocks(session, theme: theme)
    // The frame the composer will draw the pane in, from the same layout function.
    let reading = session.reading && session.phase == .step
    let frame = reading ? SidePane.readingFrame(width: width, height: height)
      : DashboardLayout.split(width: width, height: height, paneWidth: frameWidth).side
    let inner = reading ? SidePane.readingInner(frame!) : (frame ?? Rect(x: 0, y: 0, width: 0, height: 0)).inset(by: 1)
    side = SidePane(title: title, blocks: blocks, scroll: session.scroll, width: frameWidth)
    maxScroll = 0
    side.fullScreen = reading
    let textWidth = max(1, side.areas(in: inner).text.width)
    let footer = LessonPane.keys(session, width: textWidth)
    side.footer = footer
    let numbers = LessonNumbers.lines(session, snapshot: snapshot, theme: theme, width: textWidth)
    let status = LessonPane.status(session, snapshot: snapshot, theme: theme, width: textWidth)
      .flatMap { line in LessonPane.wrap(line.text, width: textWidth, style: line.style, theme: theme) }
    let question = session.awaitsAnswer ? session.step.question : nil
    // The page laid out with the waiting question's prompt pinned (or in the flow, its choices
    // alone pinned): returns whether the title and first paragraph then show unscrolled.
    func lay(promptInFlow: Bool, cached: Bool = true) -> Bool {
      side.blocks = LessonPane.blocks(session, theme: theme, promptInFlow: promptInFlow)
      if session.phase == .step {
        let textBlocks = LessonPane.blocks(session, theme: theme, mission: false, promptInFlow: promptInFlow)
        let layout = { TextView(blocks: textBlocks).layout(width: textWidth, theme: theme) }
        var lines = (cached ? cache : nil).map { cache in
          cache.lines(LessonTextCache.Key(lesson: session.lessonIndex, step: session.stepIndex, answer: session.answer,
                                          hint: session.hintShown, promptInFlow: promptInFlow, width: textWidth,
                                          theme: theme), layout: layout)
        } ?? layout()
        // The mission's lines move as it runs: laid out each frame, after the cached text.
        if let tracker = session.mission {
          let mission = TextView(blocks: LessonPane.missionBlocks(tracker, theme: theme)).layout(width: textWidth, theme: theme)
          if !mission.isEmpty { lines += [StyledLine()] + mission }
        }
        // Full-screen, the numbers follow the text: pinned, they left the first paragraph
        // one or two rows at 80×24 (the dashboard shows them again after `e`).
        if reading, !numbers.isEmpty { lines += [StyledLine()] + numbers }
        side.laidOut = SidePane.LaidOutText(width: textWidth, lines: lines)
      }
      var pinned: [StyledLine] = []
      if let question {
        let parts = LessonPane.questionBlocks(question, answer: nil, theme: theme)
        if promptInFlow {
          // The prompt's first line stays pinned with the choices (the whole prompt follows the
          // text): the learner sees what the choices answer without scrolling.
          let prompt = TextView(blocks: Array(parts.prefix(1))).layout(width: textWidth, theme: theme)
          pinned += prompt.prefix(1)
          pinned += TextView(blocks: Array(parts.dropFirst())).layout(width: textWidth, theme: theme)
        } else {
          pinned += TextView(blocks: parts).layout(width: textWidth, theme: theme)
        }
      }
      if !reading { pinned += numbers }
      if !pinned.isEmpty { pinned.append(StyledLine()) }
      pinned += status
      side.pinned = []
      side.footer = footer
      // Still too tall without its blank lines, the pinned block takes the footer's rows: the
      // key line names the same keys.
      let rows = side.areas(in: inner).body.height - 3
      if LessonPane.squeezed(pinned, rows: rows).count > rows { side.footer = nil }
      side.pinned = LessonPane.squeezed(pinned, rows: side.areas(in: inner).body.height - 3)
      let body = side.areas(in: inner).body
      let textRows = side.lines(width: body.width, theme: theme).count > body.height ? body.height - 1 : body.height
      return TextView(blocks: Array(blocks.prefix(2))).layout(width: body.width, theme: theme).count <= textRows
    }
    // Full-screen, a question too tall to pin whole beside the first paragraph keeps its
    // prompt's first line and its choices pinned; the whole prompt follows the text.
    // (The trial layout skips the cache, which keeps the layout used.)
    promptInFlow = reading && question != nil && !lay(promptInFlow: false, cached: false)
    showsFirstParagraph = lay(promptInFlow: promptInFlow)
    maxScroll = side.maxScroll(in: inner, theme: theme)
    // Something that just appeared (a verdict, a hint) is shown from its first line.
    let focused = session.focus.flatMap {
      LessonPane.focusLine(session, $0, theme: theme, width: textWidth, promptInFlow: promptInFlow)
    }
    side.scroll = min(focused ?? session.scroll, maxScroll)
  }

  /// Full-screen, the waiting question's prompt follows the text and only its choices are pinned.
  private(set) var promptInFlow = false

  /// The scroll offset shown (the session's, or where its `focus` is, within the text).
  public var scroll: Int { side.scroll }
  /// Whether the step's title and its first paragraph show whole, unscrolled; where they do
  /// not, the page opens full-screen (`LessonMode`).
  public private(set) var showsFirstParagraph = true

  /// The first line of `focus` in the page's text laid out at `width`, if it shows.
  static func focusLine(_ session: LessonSession, _ focus: LessonSession.Focus, theme: Theme, width: Int,
                        promptInFlow: Bool = false) -> Int? {
    guard session.phase == .step else { return nil }
    let all = blocks(session, theme: theme, promptInFlow: promptInFlow)
    let before = 1 + session.step.blocks.count
    let answered = session.step.question != nil && session.answer != nil
    let index: Int
    switch focus {
    case .verdict:
      guard answered else { return nil }
      index = before + 2  // after the question and its choices
    case .hint:
      guard session.hintShown, session.step.hint != nil else { return nil }
      index = before + (answered ? 3 : promptInFlow ? 1 : 0)
    case .missionHint:
      index = all.count - 1
    }
    guard index > 0, index < all.count else { return nil }
    return TextView(blocks: Array(all[..<index])).layout(width: width, theme: theme).count + 1
  }

  /// The frame's width: 40 columns on a 120-column screen, up to 56 on wide ones. The composer
  /// leaves the dashboard at least 50 columns, which on an 80-column screen narrows the pane to 30.
  static func frameWidth(screenWidth: Int) -> Int {
    min(56, max(40, screenWidth / 3))
  }

  static func title(_ session: LessonSession) -> String {
    let lesson = "lesson \(session.lessonIndex + 1)/\(session.lessons.count)"
    switch session.phase {
    case .step: return "\(lesson) · step \(session.stepIndex + 1)/\(session.lesson.steps.count)"
    case .finished: return "\(lesson) · finished"
    }
  }

  // MARK: - The text

  static func blocks(_ session: LessonSession, theme: Theme, mission: Bool = true, promptInFlow: Bool = false)
    -> [TextBlock] {
    switch session.phase {
    case .finished: return finishedBlocks(session, theme: theme)
    case .step: break
    }
    let step = session.step
    var blocks: [TextBlock] = [.paragraph([.bold(theme.printable(step.title))])]
    blocks += step.blocks.map { block in
      switch block {
      case .paragraph(let inlines): return .paragraph(spans(inlines, theme: theme))
      case .code(let lines): return .code(lines.map(theme.printable))
      case .bullets(let items): return .bullets(items.map { spans($0, theme: theme) })
      }
    }
    // Unanswered, the question is pinned below the text (see `init`).
    if let question = step.question, let answer = session.answer {
      blocks += questionBlocks(question, answer: answer, theme: theme)
    } else if promptInFlow, session.awaitsAnswer, let question = step.question {
      blocks += questionBlocks(question, answer: nil, theme: theme).prefix(1)
    }
    if session.hintShown, let hint = step.hint {
      blocks.append(.paragraph([.bold("Hint: ")] + spans(Inline.parse(hint), theme: theme)))
    }
    if mission, let tracker = session.mission { blocks += missionBlocks(tracker, theme: theme) }
    return blocks
  }

  /// The question, its choices, and after an answer the verdict with the explanation.
  static func questionBlocks(_ question: Question, answer: String?, theme: Theme) -> [TextBlock] {
    let right = theme.ascii ? "(right)" : "✓"
    let wrong = theme.ascii ? "(wrong)" : "✗"
    var blocks: [TextBlock] = [.paragraph([.bold("Question: ")] + spans(Inline.parse(question.prompt), theme: theme))]
    blocks.append(.bullets(question.choices.map { choice in
      var item: [Span] = [.bold("\(choice.label)) ")] + spans(Inline.parse(choice.text), theme: theme)
      if let answer {
        if choice.label == question.answer { item.append(.bold(" " + right)) }
        else if choice.label == answer { item.append(.plain(" " + wrong + " your answer")) }
      }
      return item
    }))
    guard let answer else { return blocks }
    var verdict: [Span] = question.isCorrect(answer)
      ? [.bold("\(right) Right.")]
      : [.bold("\(wrong) Not quite: the answer is \(question.answer).")]
    if let explanation = question.explanation {
      verdict += [.plain(" ")] + spans(Inline.parse(explanation), theme: theme)
    }
    blocks.append(.paragraph(verdict))
    return blocks
  }

  static func finishedBlocks(_ session: LessonSession, theme: Theme) -> [TextBlock] {
    let done = theme.ascii ? "Finished:" : "✓ Finished:"
    var blocks: [TextBlock] = [.paragraph([.bold(theme.printable("\(done) \(session.lesson.title)"))])]
    if let next = session.nextLesson {
      blocks.append(.paragraph([
        .plain("Next is lesson \(session.lessonIndex + 2), "), .bold(theme.printable(next.title)),
        .plain(theme.printable(" (\(next.minutes) min): \(next.summary)")),
      ]))
      blocks.append(.paragraph([.plain(theme.printable("Press → to start it, ← to go back, or q to stop here: ")),
                                .code("regviz"), .plain(" opens it next time.")]))
    } else {
      let finished = session.lessons.filter { session.progress.isFinished($0.id) }.count
      blocks.append(.paragraph([.plain(finished == session.lessons.count
        ? "That was the last lesson, and you have finished all \(session.lessons.count)."
        : "That was the last lesson; \(finished) of \(session.lessons.count) are finished (see \(Invocation.named("lessons"))).")]))
      blocks.append(.bullets([
        [.code(Invocation.named("play")), .plain(theme.printable(": free play — change λ, the learning rate and the L1 rule yourself"))],
        [.code(Invocation.named("lesson N")), .plain(": go through lesson N again")],
        [.code(Invocation.named("lessons --reset")), .plain(": start the course over")],
      ]))
    }
    return blocks
  }

  /// The pinned lines in `rows` rows where they can be: too tall (a question, its choices, a
  /// row per lane and the status at 80×24), they drop their blank lines, so the last lane's
  /// row and "paused until you answer" still show.
  static func squeezed(_ pinned: [StyledLine], rows: Int) -> [StyledLine] {
    guard pinned.count > rows else { return pinned }
    var lines = pinned
    while lines.count > rows, let blank = lines.lastIndex(where: \.isBlank) {
      lines.remove(at: blank)
    }
    return lines
  }

  static func spans(_ inlines: [Inline], theme: Theme) -> [Span] {
    inlines.map { inline in
      switch inline {
      case .text(let s): return .plain(theme.printable(s))
      case .bold(let s): return .bold(theme.printable(s))
      case .italic(let s): return .italic(theme.printable(s))
      // A command in the lesson text, in the form that works where the learner started.
      case .code(let s): return .code(theme.printable(s.hasPrefix("regviz ") ? Invocation.command + s.dropFirst(6) : s))
      }
    }
  }

  // MARK: - The pinned lines

  /// What stands between the learner and the next page, or that nothing does; one run per
  /// line before wrapping to `width`.
  static func status(_ session: LessonSession, snapshot: ExperimentSnapshot, theme: Theme, width: Int) -> [StyledRun] {
    // "waiting for: zeros(L1) ≥ 50%" reads badly broken inside the condition: when it does not
    // fit, the label gets a line of its own.
    func labelled(_ label: String, _ condition: Condition, style: Style) -> [StyledRun] {
      let text = "\(label) \(condition.onScreen)"
      return text.count <= width ? [StyledRun(text, style: style)]
        : [StyledRun(label, style: style), StyledRun(condition.onScreen, style: style)]
    }
    let next = session.isLastStep ? "→ finish the lesson" : "→ next page"
    switch session.phase {
    case .finished:
      guard let lesson = session.nextLesson else { return [StyledRun("all lessons done · q quits", style: theme.ok)] }
      return [StyledRun("→ lesson \(session.lessonIndex + 2): \(lesson.title)", style: theme.ok)]
    case .step:
      if session.awaitsAnswer {
        // One short line: the question above is pinned too, and at 80×24 every row counts.
        return [StyledRun("paused until you answer", style: theme.warning)]
      }
      if let tracker = session.mission {
        return missionStatus(session, tracker, snapshot: snapshot, theme: theme, next: next)
      }
      guard let until = session.step.until else { return [StyledRun(next, style: theme.ok)] }
      guard session.conditionReached else {
        return labelled("waiting for:", until, style: theme.warning)
          + [StyledRun("now: " + values(of: until, in: snapshot, lens: session.lens), style: theme.dim)]
      }
      let check = theme.ascii ? "" : "✓ "
      return labelled("\(check)reached:", until, style: theme.ok) + [StyledRun(next, style: theme.ok)]
    }
  }

  /// `epoch 40, zeros(L1) 23.1%`: the numbers the condition reads, as they are now.
  static func values(of condition: Condition, in snapshot: ExperimentSnapshot, lens: LensScene? = nil) -> String {
    var metrics = LessonMetrics(snapshot: snapshot)
    metrics.lens = lens
    return values(of: condition, in: metrics)
  }

  static func values(of condition: Condition, in metrics: LessonMetrics) -> String {
    var parts = usesEpoch(condition) ? ["epoch \(metrics.epoch)"] : []
    var seen = Set<String>()
    for (metric, lane) in condition.references {
      let name = "\(metric.rawValue)(\(lane))"
      guard seen.insert(name).inserted else { continue }
      parts.append("\(name) \(format(metrics.value(metric, lane: lane), as: metric))")
    }
    return parts.joined(separator: ", ")
  }

  /// As the numbers table shows it (`LessonNumbers.format`): the goal line and the table
  /// never disagree.
  static func format(_ value: Double?, as metric: Metric) -> String {
    LessonNumbers.format(value, as: metric)
  }

  static func usesEpoch(_ condition: Condition) -> Bool {
    switch condition {
    case .compare(let lhs, _, let rhs): return usesEpoch(lhs) || usesEpoch(rhs)
    case .and(let lhs, let rhs), .or(let lhs, let rhs): return usesEpoch(lhs) || usesEpoch(rhs)
    }
  }

  static func usesEpoch(_ expression: NumericExpression) -> Bool {
    switch expression {
    case .epoch: return true
    case .number, .percent, .metric: return false
    case .binary(let lhs, _, let rhs): return usesEpoch(lhs) || usesEpoch(rhs)
    case .negate(let e): return usesEpoch(e)
    }
  }

  /// The keys that do something on this page, as many as fit in `width` (`q quit` goes first:
  /// the key line below says it too).
  static func keys(_ session: LessonSession, width: Int) -> String {
    var keys: [String] = []
    if session.stepIndex > 0 || session.phase == .finished { keys.append("← back") }
    // Answering comes before the hint: on a narrow pane it is the key that matters now.
    if session.awaitsAnswer { keys.append("\(session.labels(session.step.question!)) answer") }
    if session.phase == .step && session.step.hint != nil { keys.append("h hint") }
    keys.append("q quit")
    while keys.count > 1, keys.joined(separator: " · ").count > width { keys.removeLast() }
    return keys.joined(separator: " · ")
  }

  /// `text` word-wrapped to `width`, in one style.
  static func wrap(_ text: String, width: Int, style: Style, theme: Theme) -> [StyledLine] {
    TextView(blocks: [.paragraph([.plain(theme.printable(text))])]).layout(width: width, theme: theme)
      .map { StyledLine([StyledRun($0.text, style: style)]) }
  }
}

extension StyledLine {
  /// Nothing but spaces: a blank line of the layout.
  var isBlank: Bool { text.allSatisfy { $0 == " " } }
}

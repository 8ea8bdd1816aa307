import Lessons

/// How long a lesson takes, against the `minutes:` it advertises: the seconds a learner waits
/// for the `until:` conditions at the lesson's pace (from the headless replay) plus the time
/// to read the text and answer the questions.
///
/// Reading is estimated at `wordsPerMinute` — slower than prose in a book, because the text
/// sits in a 30–56-column pane beside a moving dashboard — plus `secondsPerQuestion` to think
/// before answering. The estimate is rough; what it guards against is a lesson that advertises
/// 8 minutes and is over in 2, or makes the learner wait longer than it says.
public struct LessonTiming: Sendable {
  public static let wordsPerMinute = 160.0
  public static let secondsPerQuestion = 15.0

  public var minutes: Int
  /// Seconds spent waiting for conditions at the lesson's pace.
  public var waitSeconds: Double
  public var readingSeconds: Double

  public init(_ lesson: Lesson, outcomes: [LessonReplay.Outcome]) {
    minutes = lesson.minutes
    waitSeconds = outcomes.map(\.waitSeconds).reduce(0, +)
    let words = lesson.steps.map(Self.words).reduce(0, +)
    let questions = lesson.steps.filter { $0.question != nil }.count
    readingSeconds = Double(words) / Self.wordsPerMinute * 60 + Double(questions) * Self.secondsPerQuestion
  }

  public var totalSeconds: Double { waitSeconds + readingSeconds }

  /// The advertised minutes are honest: the waiting alone fits in them, and the estimate is
  /// within a minute or a quarter of them, whichever is more.
  public var isHonest: Bool {
    let advertised = Double(minutes) * 60
    return waitSeconds <= advertised && abs(totalSeconds - advertised) <= max(60, 0.25 * advertised)
  }

  /// `waiting 212 s + reading 170 s = 6.4 min (advertises 6)`.
  public var summary: String {
    let total = (totalSeconds / 6).rounded() / 10
    return "waiting \(Int(waitSeconds.rounded())) s + reading \(Int(readingSeconds.rounded())) s = \(total) min (advertises \(minutes))"
      + (isHonest ? "" : " — adjust minutes:")
  }

  /// Words the learner reads on a step: its text, question, choices and explanation.
  static func words(_ step: Step) -> Int {
    func count(_ s: String) -> Int { s.split(whereSeparator: \.isWhitespace).count }
    var n = count(step.title)
    for block in step.blocks {
      switch block {
      case .paragraph(let inlines): n += count(inlines.plainText)
      case .code(let lines): n += lines.map(count).reduce(0, +)
      case .bullets(let items): n += items.map { count($0.plainText) }.reduce(0, +)
      }
    }
    if let q = step.question {
      n += count(q.prompt) + q.choices.map { count($0.text) }.reduce(0, +) + count(q.explanation ?? "")
    }
    return n
  }
}

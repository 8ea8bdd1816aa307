import Testing

@testable import Lessons

/// A valid lesson exercising every construct, to be mutated.
private let seedLesson = """
  ---
  title: Fuzz
  summary: Mutated on purpose.
  minutes: 3
  ---
  # Fuzz
  ## One
  Text with **bold**, *italic* and `code`.
  - a
  - b
  ```regviz
  dataset: sparse
  hidden: 8,8
  lane: none
  lane: L1 = l1=0.02
  lr: 0.1
  val-split: 0.2
  until: zeros(L1) >= 50% and (epoch >= 3 or acc(none) - 0.1 > val_acc(none))
  max-epochs: 100
  highlight: zeros
  ask: Why?
  choice a: x
  choice b: y
  answer: a
  explain: Because.
  hint: Wait.
  ```
  ## Two
  ```swift
  let x = 1
  ```

  """

/// Characters that matter to some part of the grammar, plus a few that should not.
private let alphabet: [Character] = Array("#-*`:=()%<>!&|+/.,;0123456789 \n\tabelnorsuxzL_é😀\r\u{FEFF}")

private func mutate(_ text: String, using rng: inout SplitMix64) -> String {
  var chars = Array(text)
  for _ in 0..<Int.random(in: 1...4, using: &rng) {
    guard !chars.isEmpty else { break }
    let i = Int.random(in: 0..<chars.count, using: &rng)
    switch Int.random(in: 0..<5, using: &rng) {
    case 0: chars.remove(at: i)
    case 1: chars.insert(alphabet.randomElement(using: &rng)!, at: i)
    case 2: chars[i] = alphabet.randomElement(using: &rng)!
    case 3: chars = Array(chars[..<i])
    default:
      // Duplicate a slice, which repeats lines, keys, fences and steps.
      let j = min(chars.count, i + Int.random(in: 1...40, using: &rng))
      chars.insert(contentsOf: chars[i..<j], at: j)
    }
  }
  return String(chars)
}

@Suite("Fuzz")
struct FuzzTests {
  @Test func theSeedLessonIsValid() throws {
    let lesson = try parse(seedLesson)
    #expect(lesson.steps.count == 2)
  }

  /// Mutated lessons must either parse or throw a `LessonError` pointing inside the file; a trap
  /// (index out of range, overflow) would crash the test process.
  @Test func mutationsNeverCrash() {
    var rng = SplitMix64(state: 0x5EED)
    var parsed = 0, rejected = 0
    for _ in 0..<4000 {
      let text = mutate(seedLesson, using: &rng)
      do {
        let lesson = try parse(text)
        #expect(!lesson.steps.isEmpty)
        parsed += 1
      } catch {
        let lineCount = SourceText.lines(text).count
        #expect(error.line >= 1 && error.line <= lineCount + 1, "\(error)")
        #expect(error.column >= 1, "\(error)")
        #expect(error.description.hasPrefix("t.md:\(error.line):\(error.column): "))
        rejected += 1
      }
    }
    // Both outcomes happen, so the mutations are neither all fatal nor all harmless.
    #expect(parsed > 100)
    #expect(rejected > 100)
  }

  @Test func everyTruncationParsesOrThrows() {
    let chars = Array(seedLesson)
    for end in 0...chars.count {
      let text = String(chars[..<end])
      if let error = parseError(text) {
        #expect(error.line >= 1 && error.column >= 1)
      }
    }
  }

  @Test func randomNoiseNeverCrashes() {
    var rng = SplitMix64(state: 42)
    for _ in 0..<500 {
      let length = Int.random(in: 0...200, using: &rng)
      let noise = String((0..<length).map { _ in alphabet.randomElement(using: &rng)! })
      _ = parseError("---\ntitle: t\nsummary: s\nminutes: 1\n---\n## S\n```regviz\nuntil: " + noise + "\n```\n")
      _ = parseError(noise)
    }
  }
}

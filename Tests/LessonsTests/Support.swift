import Foundation
import Synchronization
import Testing

@testable import Lessons

/// A stand-in for the training target's lane-spec grammar: `none`, `l1=X`, `l2=X`,
/// `l1=X,l2=Y`, and per-layer `N:SPEC;N:SPEC`.
let fakeValidator = LessonValidator(
  laneSpec: { spec in
    let layers = spec.split(separator: ";", omittingEmptySubsequences: false)
    if layers.count > 1 || spec.contains(":") {
      for layer in layers {
        let parts = layer.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, Int(parts[0]) != nil, isSimpleSpec(String(parts[1])) else {
          return "expected N:SPEC;N:SPEC"
        }
      }
      return nil
    }
    return isSimpleSpec(spec) ? nil : "expected none, l1=X, l2=X or l1=X,l2=Y"
  },
  defaultLaneName: { spec in
    if spec == "none" { return "none" }
    if spec.contains(":") { return "layered" }
    switch (spec.contains("l1="), spec.contains("l2=")) {
    case (true, true): return "L1+L2"
    case (true, false): return "L1"
    default: return "L2"
    }
  })

private func isSimpleSpec(_ spec: String) -> Bool {
  if spec == "none" { return true }
  let terms = spec.split(separator: ",", omittingEmptySubsequences: false)
  guard (1...2).contains(terms.count) else { return false }
  return terms.allSatisfy { term in
    let kv = term.split(separator: "=", omittingEmptySubsequences: false)
    return kv.count == 2 && (kv[0] == "l1" || kv[0] == "l2") && Double(kv[1]) != nil
  }
}

/// Metric values set by hand.
struct FakeMetrics: MetricSource {
  var epoch: Int
  var values: [String: Double] = [:]

  func value(_ metric: Metric, lane: String) -> Double? { values["\(metric.rawValue)(\(lane))"] }
}

/// Deterministic randomness for the fuzz test, so a failure reproduces.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Front matter that takes lines 1–5, so a body passed to `lesson(_:)` starts on line 6.
let frontMatter = """
  ---
  title: Test lesson
  summary: For tests.
  minutes: 5
  ---

  """

func lesson(_ body: String) -> String { frontMatter + body }

func parse(_ text: String, file: String = "t.md") throws(LessonError) -> Lesson {
  try LessonParser.parse(text, file: file, validator: fakeValidator)
}

/// The error `text` produces, or nil if it parses.
func parseError(_ text: String, file: String = "t.md") -> LessonError? {
  do {
    _ = try parse(text, file: file)
    return nil
  } catch {
    return error
  }
}

/// Parses the condition as the `until:` of a one-step lesson declaring `lanes`. A condition
/// on the lens gets `view: lens` after it (a lens metric needs the lens on its step; the
/// `until:` line keeps its number).
func condition(_ text: String, lanes: [String] = ["none", "l1=0.02"]) throws(LessonError) -> Condition {
  let laneLines = lanes.map { "lane: \($0)\n" }.joined()
  let view = text.contains("lens_zero") ? "view: lens\n" : ""
  let parsed = try parse(lesson("## S\n```regviz\n\(laneLines)until: \(text)\n\(view)```\n"))
  return parsed.steps[0].until!
}

/// A fresh empty directory under the system temporary directory, removed when the test
/// process exits.
func makeTemporaryDirectory() throws -> URL {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("LessonsTests-\(UUID().uuidString)", isDirectory: true)
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  madeDirectories.withLock { made in
    if made.isEmpty { atexit { madeDirectories.withLock { $0.forEach { try? FileManager.default.removeItem(at: $0) } } } }
    made.append(url)
  }
  return url
}

/// The directories `makeTemporaryDirectory` made.
private let madeDirectories = Mutex<[URL]>([])

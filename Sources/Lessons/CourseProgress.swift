/// How far the learner has got: the lessons finished and where they left off.
///
/// Stored as `{"version":1,"finished":["01-overfitting"],"current":{"lesson":"02-l1-lasso","step":3}}`.
public struct CourseProgress: Sendable, Equatable {
  /// A place in the course: a lesson id and a 0-based step index into `Lesson.steps`.
  public struct Position: Sendable, Equatable, Codable {
    public var lesson: String
    public var step: Int

    public init(lesson: String, step: Int) {
      self.lesson = lesson
      self.step = step
    }
  }

  /// Lesson ids in the order they were finished, without duplicates.
  public var finished: [String]
  /// Where to resume, or nil if no lesson is in progress.
  public var current: Position?
  /// How each mission went, by `lesson-id/step` (0-based step index); the latest try stands.
  public var missions: [String: MissionResult] = [:]

  public init(finished: [String] = [], current: Position? = nil) {
    self.finished = finished
    self.current = current
  }

  /// The key of step `step` of lesson `lesson` in `missions`.
  public static func missionKey(lesson: String, step: Int) -> String { "\(lesson)/\(step)" }

  public func isFinished(_ lessonID: String) -> Bool { finished.contains(lessonID) }

  /// Records a finished lesson (once) and clears `current` if it pointed into it.
  public mutating func markFinished(_ lessonID: String) {
    if !finished.contains(lessonID) { finished.append(lessonID) }
    if current?.lesson == lessonID { current = nil }
  }
}

extension CourseProgress: Codable {
  /// The file format version this code reads and writes.
  public static let formatVersion = 1

  private enum CodingKeys: String, CodingKey { case version, finished, current, missions }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let version = try c.decode(Int.self, forKey: .version)
    guard version == Self.formatVersion else {
      throw DecodingError.dataCorruptedError(
        forKey: .version, in: c, debugDescription: "unsupported version \(version)")
    }
    finished = try c.decode([String].self, forKey: .finished)
    current = try c.decodeIfPresent(Position.self, forKey: .current)
    missions = try c.decodeIfPresent([String: MissionResult].self, forKey: .missions) ?? [:]
    if let step = current?.step, step < 0 {
      throw DecodingError.dataCorruptedError(
        forKey: .current, in: c, debugDescription: "negative step \(step)")
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(Self.formatVersion, forKey: .version)
    try c.encode(finished, forKey: .finished)
    try c.encodeIfPresent(current, forKey: .current)
    if !missions.isEmpty { try c.encode(missions, forKey: .missions) }
  }
}

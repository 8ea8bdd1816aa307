import Foundation
/// Checks that belong to other parts of RegViz, injected so that `Lessons` depends on nothing:
/// the lane-spec grammar lives with the training code.
public struct LessonValidator: Sendable {
  /// Checks a lane spec such as `l1=0.02` or `1:l1=0.01;2:l2=0.01`: nil if it is valid,
  /// otherwise a one-line message for the author.
  public var laneSpec: @Sendable (String) -> String?
  /// The name of a lane declared without one (`lane: l1=0.02` → `"L1"`). Conditions refer to
  /// lanes by this name, so it must not contain whitespace or parentheses.
  public var defaultLaneName: @Sendable (String) -> String

  /// Whether a valid lane spec has no penalty (`none`, `wd=…` alone): `keys: lambda(LANE)`
  /// on such a lane would give the learner keys that move nothing.
  public var isPenaltyFree: @Sendable (String) -> Bool

  public init(
    laneSpec: @escaping @Sendable (String) -> String?,
    defaultLaneName: @escaping @Sendable (String) -> String,
    isPenaltyFree: @escaping @Sendable (String) -> Bool = { $0.trimmingCharacters(in: .whitespaces) == "none" }
  ) {
    self.laneSpec = laneSpec
    self.defaultLaneName = defaultLaneName
    self.isPenaltyFree = isPenaltyFree
  }
}

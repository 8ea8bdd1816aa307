import Lessons

/// The learner's progress on one mission step, as the lesson session sees it frame by frame:
/// the goal checked on every snapshot and counted as reached once it has held `hold` epochs in
/// a row; every setting tried is an attempt (and starts the count over); hints come one at a
/// time after `Mission.secondsPerHint` or `Mission.attemptsPerHint`; the solution after the last
/// hint (one more interval later) or after success.
public struct MissionTracker: Sendable, Equatable {
  public let mission: Mission
  public private(set) var seconds = 0.0
  public private(set) var attempts = 0
  /// The epoch from which the goal has held without a break; nil while it does not hold.
  public private(set) var heldSince: Int?
  public private(set) var heldEpochs = 0
  public private(set) var reached = false
  private var lastEpoch = 0

  public init(_ mission: Mission) { self.mission = mission }

  /// Where `Mission.stage(seconds:attempts:)`, the one hint schedule, has got to.
  var stage: Int { mission.stage(seconds: seconds, attempts: attempts) }

  public var hintsShown: Int { min(stage, mission.hints.count) }
  public var solutionShown: Bool { reached || stage > mission.hints.count }
  /// The keys allowed now (`unlock:` adds its key after the last hint).
  public var allowed: Set<Mission.Key> { mission.allowedKeys(hintsShown: hintsShown) }

  /// One frame: `elapsed` seconds since the last, the goal's truth at `epoch`. Returns true on
  /// the frame the mission is reached.
  public mutating func observe(goalHolds: Bool, epoch: Int, elapsed: Double) -> Bool {
    // The clock, and with it the hints, stop at success.
    if !reached { seconds += max(0, elapsed) }
    defer { lastEpoch = epoch }
    // A reset or a new run counts epochs from 0 again: the streak starts over.
    if epoch < lastEpoch { heldSince = nil }
    guard !reached else { return false }
    if goalHolds {
      if heldSince == nil { heldSince = epoch }
    } else {
      heldSince = nil
    }
    heldEpochs = heldSince.map { epoch - $0 } ?? 0
    if heldEpochs >= mission.hold {
      reached = true
      return true
    }
    return false
  }

  /// A setting was tried (λ, lr or rule changed): one more attempt, and the goal must hold
  /// anew under it.
  public mutating func attempt() {
    guard !reached else { return }
    attempts += 1
    heldSince = nil
    heldEpochs = 0
  }

  public var result: MissionResult {
    MissionResult(reached: reached, attempts: attempts, seconds: (seconds * 10).rounded() / 10,
                  hintsShown: hintsShown, solutionShown: solutionShown)
  }
}

import NeuralCore
import RegvizData

/// A step the learner solves by acting: a `goal:` condition over the live metrics that must
/// hold for `hold` epochs in a row, reached with the keys the step allows (`keys:`), helped by
/// hints that come one by one (`goal-hint:`, repeatable), and a `solution:` — the settings that
/// reach it, shown after the last hint or after success, and applied by the headless replay.
///
///     goal: val_acc(L1) >= 0.90 and zeros(L1) >= 70%
///     hold: 20
///     keys: lambda
///     goal-hint: Start from the lesson's λ and go up one rung at a time.
///     goal-hint: Past about 0.05 the network forgets the signal too.
///     solution: lambda=0.02
///     unlock: rule          # after the last hint, this key unlocks (a mission that cannot be
///                           # done with the keys it starts with)
public struct Mission: Sendable, Equatable {
  /// What the learner may change in a mission, each one key of free play.
  public enum Key: String, Sendable, Equatable, Hashable, CaseIterable {
    /// `[` `]`: every lane's λ one rung down / up.
    case lambda
    /// `-` `+`: the learning rate.
    case lr
    /// `u`: the shared L1 rule.
    case rule
  }

  /// The settings that reach the goal: applied by the replay as if the learner had pressed
  /// the keys (λ: the rung the largest λ of any lane moves to, the others keeping their ratios).
  public struct Solution: Sendable, Equatable, CustomStringConvertible {
    public var lambda: Double?
    public var learningRate: Double?
    public var l1Rule: L1Rule?

    public init(lambda: Double? = nil, learningRate: Double? = nil, l1Rule: L1Rule? = nil) {
      self.lambda = lambda
      self.learningRate = learningRate
      self.l1Rule = l1Rule
    }

    /// The keys the solution needs.
    public var keys: Set<Key> {
      Set([lambda.map { _ in Key.lambda }, learningRate.map { _ in .lr }, l1Rule.map { _ in .rule }].compactMap { $0 })
    }

    /// `lambda=0.02, rule=prox`, as written.
    public var description: String {
      [lambda.map { "lambda=\(Mission.format($0))" }, learningRate.map { "lr=\(Mission.format($0))" },
       l1Rule.map { "rule=\($0.rawValue)" }].compactMap { $0 }.joined(separator: ", ")
    }

    /// `lambda=0.02`, `lr=0.05`, `rule=prox`, comma-separated; nil with the problem.
    static func parse(_ text: String) -> Result<Solution, ExperimentValues.Problem> {
      var s = Solution()
      for term in text.split(separator: ",").map({ $0.trimmed }) {
        let kv = term.split(separator: "=", maxSplits: 1).map { $0.trimmed }
        guard kv.count == 2 else { return .failure(.init("solution terms are lambda=λ, lr=RATE, rule=RULE; got '\(term)'")) }
        let given = ["lambda": s.lambda != nil, "lr": s.learningRate != nil, "rule": s.l1Rule != nil]
        if given[kv[0]] == true { return .failure(.init("solution gives \(kv[0]) twice")) }
        switch kv[0] {
        case "lambda":
          guard let v = ExperimentValues.decimal(kv[1]), v > 0 else { return .failure(.init("lambda must be a number > 0, got '\(kv[1])'")) }
          s.lambda = v
        case "lr":
          guard let v = ExperimentValues.decimal(kv[1]), v > 0 else { return .failure(.init("lr must be a number > 0, got '\(kv[1])'")) }
          s.learningRate = v
        case "rule":
          guard let r = L1Rule(rawValue: kv[1]) else {
            return .failure(.init("rule must be one of \(L1Rule.allCases.map(\.rawValue).joined(separator: ", ")), got '\(kv[1])'"))
          }
          s.l1Rule = r
        default:
          return .failure(.init("unknown solution term '\(kv[0])' (lambda, lr, rule)"))
        }
      }
      return .success(s)
    }
  }

  public var goal: Condition
  /// Epochs in a row the goal must hold (a lucky frame does not count).
  public var hold: Int
  /// The keys the learner may use; the others of free play stay locked.
  public var keys: Set<Key>
  /// The lane the λ keys move (`keys: lambda(L2)`); nil moves every lane, as in free play.
  public var lambdaLane: String?
  /// Shown one at a time, each more specific.
  public var hints: [String]
  public var solution: Solution
  /// A key that unlocks after the last hint (the mission cannot be done without it).
  public var unlock: Key?

  public init(goal: Condition, hold: Int = Mission.defaultHold, keys: Set<Key>, lambdaLane: String? = nil,
              hints: [String], solution: Solution, unlock: Key? = nil) {
    self.goal = goal
    self.lambdaLane = lambdaLane
    self.hold = hold
    self.keys = keys
    self.hints = hints
    self.solution = solution
    self.unlock = unlock
  }

  public static let defaultHold = 20
  /// The first hint comes after this long, or after `attemptsPerHint` settings tried; each
  /// next one after as long again, or as many more attempts.
  public static let secondsPerHint = 45.0
  public static let attemptsPerHint = 3

  /// The hint schedule: the stage reached after `seconds` on the step and `attempts` settings
  /// tried. Stages 1…hints.count show that many hints; hints.count + 1 also shows the solution
  /// (one interval after the last hint).
  public func stage(seconds: Double, attempts: Int) -> Int {
    let byTime = Int(seconds / Self.secondsPerHint), byAttempts = attempts / Self.attemptsPerHint
    return min(hints.count + 1, max(byTime, byAttempts))
  }

  /// The keys allowed once `hintsShown` hints have been shown.
  public func allowedKeys(hintsShown: Int) -> Set<Key> {
    guard let unlock, hintsShown >= hints.count else { return keys }
    return keys.union([unlock])
  }

  static func format(_ v: Double) -> String {
    var s = String(v)
    if s.hasSuffix(".0") { s.removeLast(2) }
    return s
  }
}

/// The setting keys a step (or a teacher's preset) leaves to the learner; the others of free
/// play are locked.
public struct KeyAllowance: Sendable, Equatable {
  public var keys: Set<Mission.Key>
  /// The lane the λ keys move alone (`lambda(NAME)`); nil moves every lane.
  public var lambdaLane: String?

  public init(keys: Set<Mission.Key>, lambdaLane: String? = nil) {
    self.keys = keys
    self.lambdaLane = lambdaLane
  }
}

/// How a learner did on one mission, kept in the progress file.
public struct MissionResult: Sendable, Equatable, Codable {
  public var reached: Bool
  /// Settings tried (each λ, lr or rule change).
  public var attempts: Int
  /// Seconds on the step until the goal was reached (or until the learner left).
  public var seconds: Double
  public var hintsShown: Int
  public var solutionShown: Bool

  public init(reached: Bool, attempts: Int, seconds: Double, hintsShown: Int, solutionShown: Bool) {
    self.reached = reached
    self.attempts = attempts
    self.seconds = seconds
    self.hintsShown = hintsShown
    self.solutionShown = solutionShown
  }
}

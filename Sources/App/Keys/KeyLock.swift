import Lessons
import Training

/// Who holds the experiment's settings, and which of λ, the learning rate and the L1 rule the
/// learner may still move: the one locking mechanism of every mode.
///
/// - a lesson page: all of them and the data set are the lesson's (`lessonPage`);
/// - a mission page: the keys its `keys:` allows act and count as attempts (`mission`);
/// - a teacher's preset in free play (`regviz play --preset`): the keys it allows act, the data
///   set and standardization are fixed (`preset`).
///
/// The lock groups the keymap's setting rows (open ones, then one locked row) and refuses a
/// locked action with a notice that says why; one lane's λ (`keys: lambda(NAME)`) is the
/// lock's too.
public struct KeyLock: Hashable, Sendable {
  public enum Holder: Hashable, Sendable {
    case lesson, mission
    /// A preset, by its title.
    case preset(String)
  }

  public var holder: Holder
  /// The settings keys that still act.
  public var open: Set<Mission.Key>
  /// The lane whose λ alone the λ keys move, by name; nil for every lane.
  public var lambdaLane: String?

  public init(holder: Holder, open: Set<Mission.Key> = [], lambdaLane: String? = nil) {
    self.holder = holder
    self.open = open
    self.lambdaLane = lambdaLane
  }

  /// A teacher's preset with its `keys:` allowance.
  public static func preset(name: String, allowance: KeyAllowance) -> KeyLock {
    KeyLock(holder: .preset(name), open: allowance.keys, lambdaLane: allowance.lambdaLane)
  }

  /// The settings key an action belongs to, if any.
  static func key(of action: Action) -> Mission.Key? {
    switch action {
    case .lambda: return .lambda
    case .learningRate: return .lr
    case .nextL1Rule: return .rule
    default: return nil
    }
  }

  static func label(_ key: Mission.Key) -> String {
    switch key {
    case .lambda: return "[ ]"
    case .lr: return "- +"
    case .rule: return "u"
    }
  }

  static func word(_ key: Mission.Key) -> String {
    switch key {
    case .lambda: return "λ"
    case .lr: return "the learning rate"
    case .rule: return "the L1 rule"
    }
  }

  /// The runner command of a settings action as free play sends it; `lambdaLane` is the index of
  /// the lane the λ keys move alone, nil for every lane. The one place a settings key becomes a
  /// command (free play, presets, missions).
  static func command(_ action: Action, lambdaLane: Int?) -> RunnerCommand? {
    switch action {
    case .lambda(let up): return lambdaLane.map { .stepLaneLambda(lane: $0, up: up) } ?? .stepLambda(up: up)
    case .learningRate(let up): return .stepLearningRate(up: up)
    case .nextL1Rule: return .nextL1Rule
    default: return nil
    }
  }

  /// The command of a settings action under this lock (nil lock: free play), the lane looked up
  /// by name in `snapshot`.
  static func command(_ action: Action, lock: KeyLock?, snapshot: ExperimentSnapshot) -> RunnerCommand? {
    let lane = lock?.lambdaLane.flatMap { name in snapshot.lanes.firstIndex { $0.name == name } }
    return command(action, lambdaLane: lane)
  }

  /// nil when `action` may go on; otherwise the notice that says what holds it.
  func refusal(_ action: Action) -> String? {
    if action == .nextDataset { return fixed("the data set") }
    if action == .toggleStandardize, case .preset(let name) = holder { return "standardization is fixed by the preset '\(name)'" }
    if action == .pickPathLambda, case .preset(let name) = holder, open.contains(.lambda), lambdaLane != nil {
      return "the preset '\(name)' moves one lane's λ: use [ ]"
    }
    guard let key = action == .pickPathLambda ? .lambda : Self.key(of: action), !open.contains(key) else { return nil }
    let allowed = Mission.Key.allCases.filter(open.contains).map(Self.word)
    switch holder {
    case .lesson: return fixed(Self.word(key))
    case .mission:
      return "\(Self.word(key)) is locked on this mission — it allows \(allowed.isEmpty ? "no settings" : allowed.joined(separator: ", "))"
    case .preset(let name):
      return "\(Self.word(key)) is locked by the preset '\(name)'"
        + (allowed.isEmpty ? "" : " — it allows \(allowed.joined(separator: ", "))")
    }
  }

  private func fixed(_ what: String) -> String {
    switch holder {
    case .lesson, .mission: return "\(what) is set by the lesson here — try it in free play: \(Invocation.named("play"))"
    case .preset(let name): return "\(what) is fixed by the preset '\(name)'"
    }
  }

  /// `rows` (the setting rows of free play, in order) as this lock offers them: a lesson page
  /// lists them as one row that points to free play; a mission lists its open keys as one row
  /// and the locked ones as another; a preset keeps its open rows and lists the rest as one
  /// locked row. Locked rows keep their actions: `refusal` answers them.
  func rows(_ rows: [Binding]) -> [Binding] {
    func locked(_ a: Action) -> Bool { refusal(a) != nil }
    let lockedTriggers = rows.flatMap(\.triggers).filter { locked($0.action) }.map { ($0.key, $0.action) }
    switch holder {
    case .lesson:
      return [Binding(rows.map(\.label).joined(separator: " "), lockedTriggers,
                      "λ, lr, L1 rule, data: the lesson's; try them in free play (regviz play)")]
    case .mission:
      let order = Mission.Key.allCases
      let openKeys = order.filter(open.contains), lockedKeys = order.filter { !open.contains($0) }
      func triggers(_ keys: [Mission.Key]) -> [(Key, Action)] {
        rows.flatMap(\.triggers).filter { Self.key(of: $0.action).map(keys.contains) ?? false }.map { ($0.key, $0.action) }
      }
      var result: [Binding] = []
      if !openKeys.isEmpty {
        result.append(Binding(openKeys.map(Self.label).joined(separator: " "), triggers(openKeys),
                              "the mission's keys: \(openKeys.map(Self.word).joined(separator: ", ")) (each change is an attempt)",
                              short: openKeys.map { $0 == .lambda ? "λ" : $0.rawValue }.joined(separator: " ")))
      }
      if !lockedKeys.isEmpty {
        result.append(Binding(lockedKeys.map(Self.label).joined(separator: " "), triggers(lockedKeys),
                              "locked on this mission: \(lockedKeys.map(Self.word).joined(separator: ", "))", short: "locked",
                              keep: 0))
      }
      // The data-set key is the lesson's as on every page: it answers, unlisted.
      let rest = rows.flatMap(\.triggers).filter { Self.key(of: $0.action) == nil }.map { ($0.key, $0.action) }
      return result + (rest.isEmpty ? [] : [.unlisted(rest)])
    case .preset(let name):
      let kept = rows.filter { !$0.does(locked) }
      guard !lockedTriggers.isEmpty else { return rows }
      let labels = rows.filter { $0.does(locked) }.map(\.label).joined(separator: " ")
      return kept + [Binding(labels, lockedTriggers, "locked by the preset '\(name)'", short: "locked", keep: 0)]
    }
  }
}

import Lessons
import Training

/// The keys of a mission page: the ones the mission allows act as in free play and count as
/// attempts; the others stay locked and say so. The key line names both.
enum MissionKeys {
  /// The mission key an action belongs to, if any.
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

  /// `lambdaLane`: the index of the lane the λ keys move alone, nil for every lane.
  static func command(_ action: Action, lambdaLane: Int? = nil) -> RunnerCommand? {
    switch action {
    case .lambda(let up): return lambdaLane.map { .stepLaneLambda(lane: $0, up: up) } ?? .stepLambda(up: up)
    case .learningRate(let up): return .stepLearningRate(up: up)
    case .nextL1Rule: return .nextL1Rule
    default: return nil
    }
  }

  /// The lesson's rows with the "[ ] - + u d: the lesson's" row replaced by one row of the
  /// allowed keys (on the key line) and one of the locked ones (also on the key line).
  static func rows(replacingIn rows: [Binding], allowed: Set<Mission.Key>) -> [Binding] {
    guard let fixed = rows.firstIndex(where: { $0.does { key(of: $0) != nil } }) else { return rows }
    let order = Mission.Key.allCases
    let open = order.filter(allowed.contains), locked = order.filter { !allowed.contains($0) }
    func triggers(_ keys: [Mission.Key]) -> [(Key, Action)] {
      rows[fixed].triggers.filter { t in key(of: t.action).map(keys.contains) ?? false }.map { ($0.key, $0.action) }
    }
    var replacement: [Binding] = []
    if !open.isEmpty {
      replacement.append(Binding(open.map(label).joined(separator: " "), triggers(open),
                                 "the mission's keys: \(open.map(word).joined(separator: ", ")) (each change is an attempt)",
                                 short: open.map { $0 == .lambda ? "λ" : $0.rawValue }.joined(separator: " "), modes: [.lesson]))
    }
    if !locked.isEmpty {
      replacement.append(Binding(locked.map(label).joined(separator: " "), triggers(locked),
                                 "locked on this mission: \(locked.map(word).joined(separator: ", "))",
                                 short: "locked", modes: [.lesson]))
    }
    var result = rows
    result.replaceSubrange(fixed...fixed, with: replacement)
    return result
  }
}

extension LessonSession {
  /// A λ, lr or rule key on a mission page: sent to the runner as an attempt when the mission
  /// allows it; otherwise a notice that it is locked here.
  mutating func tryMissionKey(_ action: Action, snapshot: ExperimentSnapshot, state: inout AppState) -> [RunnerCommand] {
    let lane = mission?.mission.lambdaLane.flatMap { name in snapshot.lanes.firstIndex { $0.name == name } }
    guard let key = MissionKeys.key(of: action), let command = MissionKeys.command(action, lambdaLane: lane),
          mission != nil else { return [] }
    guard mission!.allowed.contains(key) else {
      let open = Mission.Key.allCases.filter(mission!.allowed.contains).map(MissionKeys.word)
      state.note("\(MissionKeys.word(key)) is locked on this mission — it allows \(open.isEmpty ? "no settings" : open.joined(separator: ", "))")
      return []
    }
    if mission!.reached {
      state.note("mission already accomplished — → for the next page")
      return []
    }
    mission!.attempt()
    return [command]
  }
}

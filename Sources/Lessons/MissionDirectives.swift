import RegvizData

/// The mission keys of a `regviz` block (`goal:`, `hold:`, `keys:`, `goal-hint:`, `solution:`,
/// `unlock:`), checked together: a goal needs the keys the learner acts with and a solution
/// those keys can reach; the other keys need a goal.
enum MissionDirectives {

  /// `keys:` alone (no goal) is a preset's allowance: free play with the other keys locked.
  static func parse(_ lines: [DirectiveLine], lanes: [String], penaltyFree: Set<String> = [], hasUntil: Bool, file: String)
    throws(LessonError) -> (mission: Mission?, keys: KeyAllowance?) {
    let missionKeys = Directive.keys(.mission)
    let mine = lines.filter { missionKeys.contains($0.key) }
    guard mine.contains(where: { $0.key == "goal" }) else {
      if let keysLine = mine.first(where: { $0.key == "keys" }), mine.count == 1 {
        let allowance = try parseKeys(keysLine, lanes: lanes, penaltyFree: penaltyFree, file: file)
        return (nil, allowance)
      }
      if let stray = mine.first(where: { $0.key != "keys" }) {
        throw stray.keyError("'\(stray.key):' belongs to a mission: it needs a 'goal:' in the same step", file: file)
      }
      return (nil, nil)
    }
    let mission = try parseMission(mine, lanes: lanes, penaltyFree: penaltyFree, hasUntil: hasUntil, file: file)
    return (mission, KeyAllowance(keys: mission.keys, lambdaLane: mission.lambdaLane))
  }

  static func parseKeys(_ d: DirectiveLine, lanes: [String], penaltyFree: Set<String> = [], file: String)
    throws(LessonError) -> KeyAllowance {
    var set = Set<Mission.Key>()
    var lambdaLane: String?
    let parts = d.value.split(separator: ",")
    for part in parts {
      let name = part.trimmed
      // Errors point at the name itself, not at the list's start.
      let offset = d.value.distance(from: d.value.startIndex, to: part.startIndex) + part.prefix { $0.isWhitespace }.count
      let at = DirectiveLine(key: d.key, value: name, line: d.line, keyColumn: d.keyColumn, valueColumn: d.valueColumn + offset)
      // `lambda(L2)`: the λ keys move that lane alone.
      if name.hasPrefix("lambda("), name.hasSuffix(")") {
        let lane = String(name.dropFirst("lambda(".count).dropLast())
        guard lanes.contains(lane) else {
          throw at.error("no lane named '\(lane)' (lanes in effect: \(lanes.joined(separator: ", ")))", file: file)
        }
        guard !penaltyFree.contains(lane) else {
          throw at.error("lane '\(lane)' has no penalty: its λ keys would move nothing", file: file)
        }
        lambdaLane = lane
        set.insert(.lambda)
        continue
      }
      if name == "none" {
        // `none` is the whole allowance or nothing: `none, lambda` says two things at once.
        guard parts.count == 1 else { throw at.error("'none' allows no key: it stands alone in 'keys:'", file: file) }
        continue
      }
      guard let k = Mission.Key(rawValue: name) else { throw at.error(badKey(name), file: file) }
      set.insert(k)
    }
    return KeyAllowance(keys: set, lambdaLane: lambdaLane)
  }

  static func parseMission(_ mine: [DirectiveLine], lanes: [String], penaltyFree: Set<String>, hasUntil: Bool, file: String)
    throws(LessonError) -> Mission {
    let goalLine = mine.first { $0.key == "goal" }!
    if hasUntil { throw goalLine.keyError("a step has either 'until:' or 'goal:', not both", file: file) }
    let goal = try ConditionParser.parse(goalLine.value, lanes: lanes, file: file, line: goalLine.line,
                                         column: goalLine.valueColumn)
    var hold = Mission.defaultHold
    var allowed: Set<Mission.Key>?
    var solution: Mission.Solution?
    var unlock: Mission.Key?
    var lambdaLane: String?
    for d in mine {
      switch d.key {
      case "hold":
        do { hold = try ExperimentValues.positiveInt(d.value) } catch { throw d.error("hold \(error.message)", file: file) }
      case "keys":
        let allowance = try parseKeys(d, lanes: lanes, penaltyFree: penaltyFree, file: file)
        allowed = allowance.keys
        lambdaLane = allowance.lambdaLane
      case "solution":
        switch Mission.Solution.parse(d.value) {
        case .success(let s): solution = s
        case .failure(let p): throw d.error(p.message, file: file)
        }
      case "unlock":
        guard let k = Mission.Key(rawValue: d.value) else { throw d.error(badKey(d.value), file: file) }
        unlock = k
      default: break
      }
    }
    guard let allowed else { throw goalLine.keyError("a 'goal:' needs 'keys:' (what the learner may change: lambda, lr, rule)", file: file) }
    guard let solution, let solutionLine = mine.first(where: { $0.key == "solution" }) else {
      throw goalLine.keyError("a 'goal:' needs a 'solution:' (e.g. solution: lambda=0.02)", file: file)
    }
    let hints = mine.filter { $0.key == "goal-hint" }.map(\.value)
    if unlock != nil && hints.isEmpty {
      throw goalLine.keyError("'unlock:' takes effect after the last 'goal-hint:'; give at least one", file: file)
    }
    let reachable = allowed.union(unlock.map { [$0] } ?? [])
    if let missing = solution.keys.subtracting(reachable).map(\.rawValue).sorted().first {
      throw solutionLine.error("the solution changes \(missing), which 'keys:' does not allow", file: file)
    }
    // Zeros, norms and dropped inputs are reached by a dead network too (λ far too large, or
    // the clip rule): a goal counts only a network that still works, so it reads how well a
    // lane does (its accuracy or loss) beside what it asks for.
    let performance: Set<Metric> = [.acc, .valAcc, .loss, .valLoss, .dataLoss]
    let refs = goal.references
    if let lane = refs.first?.lane, !refs.contains(where: { performance.contains($0.metric) }) {
      throw goalLine.keyError("a goal must also say that the network still works, e.g. 'and val_acc(\(lane)) >= 0.8': "
                                + "a dead network has its weights at zero too", file: file)
    }
    return Mission(goal: goal, hold: hold, keys: allowed, lambdaLane: lambdaLane, hints: hints, solution: solution,
                   unlock: unlock)
  }

  static func badKey(_ name: String) -> String {
    "'\(name)' is not a key a step can allow (lambda, lambda(LANE), lr, rule, or none)"
  }
}

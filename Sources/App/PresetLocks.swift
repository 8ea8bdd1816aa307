import Lessons
import Training

/// A teacher's preset in free play (`regviz play --preset FILE`): the setup is the file's, the
/// data-set key is locked, and of λ, the learning rate and the L1 rule only the keys the file
/// allows (`keys:`) work; the others say they are locked, and the key line names them.
public struct PresetLocks: Sendable, Equatable {
  /// The preset's name, for the notices (its title).
  public var name: String
  public var allowance: KeyAllowance

  public init(name: String, allowance: KeyAllowance) {
    self.name = name
    self.allowance = allowance
  }

  /// nil when `action` may go on; otherwise the notice that says it is locked.
  func refusal(_ action: Action) -> String? {
    if action == .nextDataset { return "the data set is fixed by the preset '\(name)'" }
    if action == .toggleStandardize { return "standardization is fixed by the preset '\(name)'" }
    guard let key = MissionKeys.key(of: action), !allowance.keys.contains(key) else { return nil }
    let open = Mission.Key.allCases.filter(allowance.keys.contains).map(MissionKeys.word)
    return "\(MissionKeys.word(key)) is locked by the preset '\(name)'"
      + (open.isEmpty ? "" : " — it allows \(open.joined(separator: ", "))")
  }

  /// The λ command: one lane's when the preset names it.
  func lambdaCommand(up: Bool, snapshot: ExperimentSnapshot) -> RunnerCommand {
    let lane = allowance.lambdaLane.flatMap { name in snapshot.lanes.firstIndex { $0.name == name } }
    return MissionKeys.command(.lambda(up: up), lambdaLane: lane)!
  }

  /// Free play's rows without the locked ones, which come back as one "locked" row.
  func rows(_ rows: [Binding]) -> [Binding] {
    func locked(_ a: Action) -> Bool { refusal(a) != nil }
    let kept = rows.filter { !$0.does(locked) }
    let lockedTriggers = rows.filter { $0.does(locked) }.flatMap(\.triggers).filter { locked($0.action) }
    guard !lockedTriggers.isEmpty else { return rows }
    let labels = rows.filter { $0.does(locked) }.map(\.label).joined(separator: " ")
    let row = Binding(labels, lockedTriggers.map { ($0.key, $0.action) }, "locked by the preset '\(name)'",
                      short: "locked", keep: 0, modes: [.play])
    return kept + [row]
  }
}

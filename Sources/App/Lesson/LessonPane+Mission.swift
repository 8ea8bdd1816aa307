import LessonRuns
import Canvas
import Foundation
import Lessons
import Training

/// A mission page's parts of the lesson pane: the hints given so far and the solution in the
/// text; pinned, the goal with the numbers it reads, how long it has held, the attempts and
/// the time, and which keys are the learner's.
extension LessonPane {
  static func missionBlocks(_ tracker: MissionTracker, theme: Theme) -> [TextBlock] {
    var blocks: [TextBlock] = []
    let hints = tracker.mission.hints
    for (i, hint) in hints.prefix(atMost: tracker.hintsShown).enumerated() {
      blocks.append(.paragraph([.bold("Hint \(i + 1)/\(hints.count): ")] + spans(Inline.parse(hint), theme: theme)))
    }
    if tracker.solutionShown {
      blocks.append(.paragraph([.bold("Solution: "), .code(theme.printable(solutionText(tracker.mission)))]))
    }
    return blocks
  }

  /// `λ = 0.02`, `λ of L2 = 0.01`, `rule = prox`, as the keys would set them.
  static func solutionText(_ mission: Mission) -> String {
    let s = mission.solution
    func g(_ v: Double) -> String { String(format: "%g", v) }
    return [s.lambda.map { "λ\(mission.lambdaLane.map { " of \($0)" } ?? "") = \(g($0))" },
            s.learningRate.map { "lr = \(g($0))" },
            s.l1Rule.map { "L1 rule = \($0.rawValue)" }].compactMap { $0 }.joined(separator: ", ")
  }

  static func missionStatus(_ session: LessonSession, _ tracker: MissionTracker, snapshot: ExperimentSnapshot,
                            theme: Theme, next: String) -> [StyledRun] {
    let goal = tracker.mission.goal
    let time = String(format: "%d:%02d", Checked.floor(tracker.seconds) / 60, Checked.floor(tracker.seconds) % 60)
    let tries = "\(tracker.attempts) attempt\(tracker.attempts == 1 ? "" : "s") · \(time)"
    if tracker.reached {
      let check = theme.ascii ? "" : "✓ "
      // The numbers it held on, at that epoch: the same the numbers table keeps showing.
      let proof = session.missionProof.map { [StyledRun("held at epoch \($0.epoch): " + values(of: goal, in: $0), style: theme.dim)] } ?? []
      return [StyledRun("\(check)mission accomplished: \(goal.onScreen)", style: theme.ok)] + proof
        + [StyledRun(tries, style: theme.dim), StyledRun(next, style: theme.ok)]
    }
    let held = tracker.heldSince == nil ? "not holding" : "held \(tracker.heldEpochs)/\(tracker.mission.hold) epochs"
    let open = Mission.Key.allCases.filter(tracker.allowed.contains).map { key -> String in
      key == .lambda ? "\(KeyLock.label(key)) λ\(tracker.mission.lambdaLane.map { " of \($0)" } ?? "")"
        : "\(KeyLock.label(key)) \(key.rawValue)"
    }
    return [StyledRun("mission: \(goal.onScreen)", style: theme.warning),
            StyledRun("now: " + values(of: goal, in: snapshot, lens: session.lens), style: theme.dim),
            StyledRun("\(held) · \(tries)", style: theme.dim),
            StyledRun("yours: \(open.joined(separator: ", ")); the rest locked", style: theme.dim)]
  }
}

import Testing

@testable import Lessons

/// A one-step lesson whose regviz block holds `directives`; the first directive is on line 8.
private func block(_ directives: String) -> String {
  lesson("## S\n```regviz\nlane: L1 = l1=0.01\nlane: L2 = l2=0.01\n\(directives)\n```\n")
}

/// The mission keys of a step: what a goal needs, what it may not have, and what they mean.
@Suite("mission directives")
struct MissionDirectiveTests {
  @Test func aFullMission() throws {
    let text = block("""
      goal: zeros(L1) >= 70% and val_acc(L1) >= 0.8
      hold: 25
      keys: lambda(L2), rule
      goal-hint: one
      goal-hint: two
      solution: lambda=0.02, rule=prox
      max-epochs: 600
      """)
    let step = try #require(try parse(text).steps.first)
    let mission = try #require(step.mission)
    #expect(mission.hold == 25 && mission.keys == [.lambda, .rule] && mission.lambdaLane == "L2")
    #expect(mission.hints == ["one", "two"] && mission.solution == .init(lambda: 0.02, l1Rule: .prox))
    #expect(step.maxEpochs == 600 && step.until == nil)
    #expect(step.keys == KeyAllowance(keys: [.lambda, .rule], lambdaLane: "L2"))
    // The one hint schedule (`MissionTracker` shows what it says): both hints and then the
    // solution (stage 3) at most, whatever the time.
    #expect(mission.stage(seconds: 0, attempts: 0) == 0)
    #expect(mission.stage(seconds: Mission.secondsPerHint * 5, attempts: 0) == mission.hints.count + 1)
    #expect(mission.stage(seconds: 0, attempts: Mission.attemptsPerHint) == 1)
  }

  @Test func keysAloneAreAPresetsAllowance() throws {
    let step = try #require(try parse(block("keys: lr")).steps.first)
    #expect(step.mission == nil && step.keys == KeyAllowance(keys: [.lr]))
    #expect(try parse(block("keys: none")).steps.first?.keys == KeyAllowance(keys: []))
  }

  @Test(arguments: [
    ("goal: zeros(L1) >= 50%\nsolution: lambda=0.1", "t.md:10:1: a 'goal:' needs 'keys:' (what the learner may change: lambda, lr, rule)"),
    ("goal: zeros(L1) >= 50%\nkeys: lambda", "t.md:10:1: a 'goal:' needs a 'solution:' (e.g. solution: lambda=0.02)"),
    ("goal: zeros(L1) >= 50%\nkeys: lambda\nsolution: rule=prox", "t.md:12:11: the solution changes rule, which 'keys:' does not allow"),
    ("hold: 10", "t.md:10:1: 'hold:' belongs to a mission: it needs a 'goal:' in the same step"),
    ("goal: zeros(L1) >= 50%\nuntil: epoch >= 3\nkeys: lambda\nsolution: lambda=0.1", "t.md:10:1: a step has either 'until:' or 'goal:', not both"),
    ("goal: zeros(L3) >= 50%", "t.md:10:13: unknown lane 'L3' (lanes in effect: L1, L2)"),
    ("goal: zeros(L1) >= 50%\nkeys: lambda(L3)\nsolution: lambda=0.1", "t.md:11:7: no lane named 'L3' (lanes in effect: L1, L2)"),
    ("goal: zeros(L1) >= 50%\nkeys: lambda\nsolution: lambda=fast", "t.md:12:11: lambda must be a number > 0, got 'fast'"),
    ("goal: zeros(L1) >= 50%\nkeys: lambda\nunlock: rule\nsolution: rule=prox", "t.md:10:1: 'unlock:' takes effect after the last 'goal-hint:'; give at least one"),
    // Issue 23: a dead network has its weights at zero too; a goal says the network works.
    ("goal: zeros(L1) >= 50%\nkeys: lambda\nsolution: lambda=0.1",
     "t.md:10:1: a goal must also say that the network still works, e.g. 'and val_acc(L1) >= 0.8': a dead network has its weights at zero too"),
    ("goal: zeros(L1) >= 50% and l2_norm(L2) > 1\nkeys: lambda\nsolution: lambda=0.1",
     "t.md:10:1: a goal must also say that the network still works, e.g. 'and val_acc(L1) >= 0.8': a dead network has its weights at zero too"),
  ])
  func errorsPointAtTheCause(directives: String, message: String) {
    #expect(parseError(block(directives))?.description == message)
  }
}

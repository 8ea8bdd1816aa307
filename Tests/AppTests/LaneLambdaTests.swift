import Canvas
import Testing
import Training

@testable import App

/// Issue 22: a lane with a penalty and weight decay has one λ, its penalty's, wherever it shows.
@Suite struct LaneLambdaTests {
  func config(_ specs: [String]) -> ExperimentConfig {
    var c = Fixtures.config()
    c.hidden = [4]
    c.lanes = specs.map { try! LaneConfig.parse($0) }
    return c
  }

  @Test func theStatusLineAndTheLaneTitleShowThePenaltyNotTheDecay() {
    let snapshot = Fixtures.snapshot(config: config(["l2=0.01,wd=0.05"]))
    var grid = Grid(width: 120, height: 1)
    let bounds = grid.bounds
    grid.paint { StatusBar.drawStatus(snapshot, state: AppState(), in: bounds, painter: &$0) }
    #expect(grid.row(0).contains("│ λ 0.01 │"), "\(grid.row(0))")
    #expect(!grid.row(0).contains("0.05"), "\(grid.row(0))")
    #expect(WeightsPanel.laneTitle(snapshot.lanes[0], width: 40, theme: .standard) == "L2+WD λ 0.01")
  }

  @Test func enterOnThePathPutsThePenaltyOnTheCursorsLambda() throws {
    let c = config(["none", "l2=0.01,wd=0.05"])
    let snapshot = Fixtures.snapshot(config: c, running: false)
    var state = AppState()
    state.path.lane = PathPanel.templateLane(snapshot, visible: [0, 1])
    #expect(state.path.lane == 1)
    let grid = PathPanel.lambdas
    #expect(PathPanel.cursor(state.path, snapshot: snapshot) == PathPanel.nearest(0.01, in: grid), "you are at the L2 λ")
    state.path.cursor = PathPanel.nearest(0.1, in: grid)
    let lambda = grid[state.path.cursor!]
    let commands = PathPanel.pick(state: &state, snapshot: snapshot)
    #expect(commands == [.setLambda(lambda, lane: 1)])

    let runner = try Runner(config: c, paused: true)
    runner.start()
    for command in commands { runner.send(command) }
    runner.send(.stepEpoch)
    #expect(runner.wait(timeout: 10) { $0.epoch == 1 })
    runner.stop()
    let lane = runner.snapshot().lanes[1]
    #expect(lane.regularizers.allSatisfy { $0 == .l2(lambda) }, "l2 on the cursor's λ, exactly")
    #expect(lane.lane.weightDecays.allSatisfy { abs($0 - 5 * lambda) <= 1e-6 * lambda }, "wd keeps 5× the penalty")
  }
}

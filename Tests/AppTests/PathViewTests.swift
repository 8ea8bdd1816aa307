import Canvas
import Foundation
import Testing

@testable import App
@testable import Training

/// The λ path view: what it draws (coefficient paths with ★ labels, the non-zero count, the CV
/// band, λ_min / λ_1se, you are here, the cursor), what enter asks of the runner, and how its
/// background job follows the screen (started on open, cancelled on close, reset and a new
/// data set).
@Suite struct PathViewTests {
  /// A made-up finished path on the view's own grid: ★ rows shrink slowly, noise rows reach 0
  /// by λ index 6, the CV loss is a U with its minimum at index 7.
  static func path(_ snapshot: ExperimentSnapshot) -> CrossValidation.Path {
    let grid = PathPanel.lambdas
    let starred = Set(snapshot.informative ?? [])
    let points = grid.enumerated().map { j, lambda -> CrossValidation.Point in
      let norms = snapshot.featureNames.indices.map { i -> Float in
        starred.contains(i) ? max(0, 1.6 - 0.13 * Float(j)) : max(0, 0.9 - 0.15 * Float(j))
      }
      let mean = 0.3 + 0.02 * Double((j - 7) * (j - 7)), se = 0.01 + 0.002 * Double(j)
      return CrossValidation.Point(lambda: lambda, foldLosses: [mean - se, mean + se], cvMean: mean, cvStandardError: se,
                                   featureNorms: norms, nonZero: 600 - 45 * j, weights: 680, zeroFraction: Double(45 * j) / 680,
                                   l2Norm: 1, accuracy: 0.9, valAccuracy: 0.88, diverged: false)
    }
    let chosen = CrossValidation.choose(points)
    return CrossValidation.Path(folds: 5, points: points, minIndex: chosen.min, oneSEIndex: chosen.oneSE)
  }

  static func state(_ snapshot: ExperimentSnapshot, job: PathJob.State?, cursor: Int? = nil, theme: Theme = .standard) -> AppState {
    var state = AppState(theme: theme)
    state.view = .path
    state.path.lane = 1
    state.path.setup = PathJob.Setup(snapshot, lane: 1, lambdas: PathPanel.lambdas, folds: 5, epochs: 300)
    state.path.job = job
    state.path.cursor = cursor
    return state
  }

  func rows(_ grid: Grid) -> [String] { (0..<grid.height).map(grid.row) }

  @Test(arguments: [(80, 24), (120, 40), (200, 60)])
  func thePanelShowsTheMarksTheStarsAndTheBand(size: (Int, Int)) throws {
    let snapshot = Fixtures.snapshot(exportable: true)
    let path = Self.path(snapshot)
    let (minIndex, oneSE) = (try #require(path.minIndex), try #require(path.oneSEIndex))
    #expect(minIndex == 7 && oneSE > minIndex, "the made-up path has its 1-s.e. λ right of the minimum")
    let grid = Chrome.compose(snapshot, state: Self.state(snapshot, job: .finished(path), cursor: 3),
                                      width: size.0, height: size.1)
    let text = rows(grid).joined(separator: "\n")
    if ProcessInfo.processInfo.environment["PATHVIEW_PRINT"] != nil { print(text) }
    let lambdas = PathPanel.lambdas
    // The legend names both chosen λ, you (the L1 lane at 0.01) and the cursor.
    #expect(text.contains("λ_min \(Format.strength(lambdas[minIndex]))") || text.contains("min \(Format.strength(lambdas[minIndex]))"),
            "\(text)")
    #expect(text.contains("you 0.01"), "\(text)")
    #expect(text.contains("cursor λ \(Format.strength(lambdas[3]))") || text.contains("λ \(Format.strength(lambdas[3])):"), "\(text)")
    // The marks on the x axis: ◆ at λ_min, ◇ at λ_1se, ▲ at 0.01, in that left-to-right order
    // of their grid positions (0.01 is index 6, left of the minimum at 7).
    let axis = try #require(rows(grid).first { $0.contains("└") && $0.contains("◆") }, "\(text)")
    let position = { (c: Character) in axis.firstIndex(of: c).map { axis.distance(from: axis.startIndex, to: $0) } }
    let (here, min, se) = (try #require(position("▲")), try #require(position("◆")), try #require(position("◇")))
    #expect(here < min && min < se, "\(axis)")
    // The cursor's line, the λ_min line, each ★ input labelled at its line.
    #expect(text.contains("│") && text.contains("┊"))
    for i in snapshot.informative ?? [] { #expect(text.contains("★" + snapshot.featureNames[i]), "\(text)") }
    // The band: braille in the dim style inside the loss chart (rows below the top axis).
    let theme = Theme.standard
    let dimBraille = (0..<grid.height).flatMap { y in (0..<grid.width).map { (x: $0, y: y) } }.filter { cell in
      let c = grid[cell.x, cell.y]
      return c.style == theme.dim && (c.character.unicodeScalars.first.map { (0x2801...0x28FF).contains($0.value) } ?? false)
    }
    #expect(!dimBraille.isEmpty, "no ±1 s.e. band drawn")
    // The non-zero counts along the top: each one shown is a whole count of the path.
    let top = try #require(rows(grid).first { $0.contains("≠0") }, "\(text)")
    let counts = top.split(separator: " ").filter { !$0.contains("≠") }.compactMap { Int($0.filter(\.isNumber)) }
    #expect(counts.count >= 3 && counts.first == 600, "\(top)")
    #expect(Set(counts).isSubset(of: Set(path.points.map(\.nonZero))), "\(top)")
    // The λ ticks: whole decade labels.
    let ticks = try #require(rows(grid).first { $0.contains("1e-4") }, "\(text)")
    for label in ["1e-3", "0.01", "0.1"] { #expect(ticks.contains(label), "\(ticks)") }
    #expect(ticks.hasSuffix("1") || ticks.contains(" 1 ") || ticks.contains(" 1│"), "\(ticks)")
  }

  @Test func whileComputingItSaysHowFarAndDrawsThePointsDone() {
    let snapshot = Fixtures.snapshot(exportable: true)
    let done = Self.path(snapshot).points.enumerated().map { $0.offset < 4 ? $0.element : nil }
    let grid = Chrome.compose(snapshot, state: Self.state(snapshot, job: .running(done: 26, total: 78, points: done)),
                                      width: 120, height: 40)
    let text = rows(grid).joined(separator: "\n")
    #expect(text.contains("computing 4/13 λ… (26 of 78 runs"), "\(text)")
    #expect(!text.contains("λ_min"), "no λ_min before the path is whole")
  }

  @Test func asciiModeHasNoUnicodeLeft() {
    let snapshot = Fixtures.snapshot(exportable: true)
    let grid = Chrome.compose(snapshot, state: Self.state(snapshot, job: .finished(Self.path(snapshot)), theme: Theme(colorMode: .monochrome, ascii: true)),
                                      width: 120, height: 40)
    let text = rows(grid).joined(separator: "\n")
    #expect(text.allSatisfy { $0.isASCII }, "\(Set(text.filter { !$0.isASCII }))")
    #expect(text.contains("*x") && text.contains("lambda_min"), "\(text)")
  }

  /// A tiny grid: the real job runs, in a debug build, in well under a second.
  static func tiny(_ runner: inout PathRunner, epochs: Int = 2) {
    runner.lambdas = [0.001, 0.01, 0.1]
    runner.folds = 2
    runner.epochs = epochs
  }

  @Test func enterSetsEveryLanesLambdaToTheCursorsThroughTheActionTable() throws {
    let snapshot = Fixtures.snapshot(running: false, exportable: true)
    var mode = PlayMode(state: AppState())
    Self.tiny(&mode.pathRunner)
    func press(_ key: Key) -> [RunnerCommand] {
      // A key no row lists does nothing.
      guard let action = mode.keymap.action(for: key) else { return [] }
      let commands = mode.perform(action, snapshot: snapshot)
      _ = mode.observe(snapshot, elapsed: 0.03)
      return commands
    }
    #expect(press("c").isEmpty)
    #expect(mode.state.view == .path)
    // The cursor starts at you (0.01, the L1 lane's λ); ← then → → ends one λ up.
    #expect(PathPanel.cursor(mode.state.path, snapshot: snapshot) == 1)
    _ = press(.left)
    _ = press(.right)
    _ = press(.right)
    #expect(mode.state.notice?.contains("cursor at λ 0.1") == true, "\(mode.state.notice ?? "")")
    let commands = press(.enter)
    #expect(commands == [.setLambda(0.1, lane: 1)])
    #expect(mode.state.notice?.contains("λ 0.1 from the path") == true)
    // Paused off the path view, ← scrubs again.
    _ = press("c")
    #expect(mode.state.view == .histograms)
    #expect(press(.enter).isEmpty, "enter off the path view does nothing")
  }

  @Test func theRunnerPutsEveryLaneAtThePickedLambdaRatiosKept() throws {
    var c = ExperimentConfig()
    c.hidden = [4]
    c.lanes = [LaneConfig(spec: LaneSpec()), LaneConfig(name: "L1", spec: LaneSpec(all: .l1(0.01))),
               LaneConfig(name: "L2", spec: LaneSpec(all: .l2(0.02)))]
    let runner = try Runner(config: c, paused: true)
    runner.start()
    runner.send(.setLambda(0.0215, lane: 1))
    runner.send(.stepEpoch)
    #expect(runner.wait(timeout: 10) { $0.epoch == 1 })
    runner.stop()
    let lanes = runner.snapshot().lanes
    #expect(lanes[1].regularizers.allSatisfy { $0 == .l1(0.0215) }, "the path's lane lands on the pick")
    #expect(abs(lanes[2].regularizers[0].lambda2 - 0.043) < 1e-6, "L2 keeps twice L1's λ")
    #expect(lanes[0].regularizers.allSatisfy { $0.isNone })
  }

  @Test func theBackgroundPathEqualsADirectCall() throws {
    let snapshot = Fixtures.snapshot(exportable: true)
    let setup = try #require(PathJob.Setup(snapshot, lane: 1, lambdas: [0.001, 0.01, 0.1], folds: 2, epochs: 3))
    let job = PathJob(setup, prepared: snapshot.prepared!)
    job.start()
    let deadline = Date().addingTimeInterval(60)
    while !job.isFinished, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
    guard case .finished(let background) = job.latest() else { Issue.record("the job did not finish: \(job.latest())"); return }
    let prepared = snapshot.prepared!
    let lanes = try [0.001, 0.01, 0.1].map { (l: Float) in
      try Lane(LaneConfig(spec: LaneSpec(all: .l1(l))), layerCount: prepared.initial.layers.count)
    }
    let direct = try #require(CrossValidation.path(prepared, lambdas: [0.001, 0.01, 0.1], lanes: lanes, folds: 2, epochs: 3))
    #expect(background == direct)
    #expect(background.points.allSatisfy { $0.cvMean.isFinite })
  }

  @Test func theJobIsCancelledOnCloseResetAndANewDataSet() throws {
    let sparse = Fixtures.snapshot(exportable: true)
    var mode = PlayMode(state: AppState())
    Self.tiny(&mode.pathRunner, epochs: 1_000_000)
    _ = mode.perform(.togglePathView, snapshot: sparse)
    _ = mode.observe(sparse, elapsed: 0.03)
    let first = try #require(mode.pathRunner.job)
    #expect(!first.isCancelled)
    _ = mode.perform(.reset, snapshot: sparse)
    #expect(first.isCancelled, "r stops the path")
    _ = mode.observe(sparse, elapsed: 0.03)
    let second = try #require(mode.pathRunner.job)
    #expect(second !== first && !second.isCancelled, "the view is open: the path starts again")

    var config = ExperimentConfig()
    config.dataset = .iris
    config = NamedSetup.kerasIris.applied(to: config)
    let iris = Fixtures.snapshot(config: config, exportable: true)
    _ = mode.observe(iris, elapsed: 0.03)
    #expect(second.isCancelled, "a new data set stops the old path")
    let third = try #require(mode.pathRunner.job)
    #expect(third.setup.config.dataset == .iris)

    _ = mode.perform(.togglePathView, snapshot: iris)
    _ = mode.observe(iris, elapsed: 0.03)
    #expect(third.isCancelled, "closing the view stops it")
    #expect(mode.pathRunner.job == nil)
  }

  @Test func thePathThreadRunsAtNice19AndLeavesOtherThreadsAlone() throws {
    let before = BackgroundPriority.currentNice()
    let seen = Locked<Int32?>(nil)
    let thread = Thread {
      seen.withLock { $0 = BackgroundPriority.lowerCurrentThread() }
    }
    thread.start()
    let deadline = Date().addingTimeInterval(10)
    while seen.withLock({ $0 }) == nil, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
    #if os(Linux)
    #expect(seen.withLock { $0 } == BackgroundPriority.nice)
    #expect(BackgroundPriority.currentNice() == before, "the calling thread keeps its priority")
    #endif
  }
}

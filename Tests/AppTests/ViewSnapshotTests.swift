import Lessons
import Canvas
import NeuralCore
import Testing

@testable import App
@testable import Training

/// The other views of the main area (`v`): the weight matrix and the weight trajectories.
@Suite struct ViewSnapshotTests {
  /// The fixture snapshot with a trace per lane: the traced weights move from their initial
  /// value to the fixture's final one over the first 100 epochs, then stay.
  static func traced() -> ExperimentSnapshot {
    var snapshot = Fixtures.snapshot()
    let prepared = try! PreparedExperiment(snapshot.config)
    for i in snapshot.lanes.indices {
      let final = snapshot.lanes[i].network
      var trace = WeightTrace(network: prepared.initial, informative: prepared.data.train.informative)
      for epoch in 0...Fixtures.epochs {
        var net = final
        let t = Float(min(epoch, 100)) / 100
        for l in net.layers.indices {
          net.layers[l].kernel = zip(prepared.initial.layers[l].kernel, final.layers[l].kernel).map { a, b in
            b == 0 && (1 - t) * abs(a) < 0.3 * t ? 0 : a + (b - a) * t
          }
        }
        trace.record(net, epoch: epoch)
      }
      snapshot.lanes[i].trace = trace
    }
    return snapshot
  }

  static func frame(_ view: DashboardView, width: Int, height: Int, snapshot: ExperimentSnapshot = traced()) -> Grid {
    var state = AppState()
    state.view = view
    state.observe(snapshot)
    return Chrome.compose(snapshot, state: state, width: width, height: height)
  }

  @Test func matrix120x40() {
    let snapshot = Fixtures.snapshot()
    let grid = Self.frame(.matrix, width: 120, height: 40, snapshot: snapshot)
    assertSnapshot(grid, named: "view-matrix-120x40")
    // The fixture's L1 lanes zero every first-layer weight of the noise features: those rows
    // are empty, and the title counts them.
    let l1 = snapshot.lanes[1].network
    #expect(l1.droppedInputs.count == 16)
    // Issue 23 item 9 / issue 27: one count per lane, the network's (the lesson's
    // `pruned_units` counts every hidden layer, so does the matrix), apart from the zero share.
    #expect(contains(grid, "16 dropped, \(l1.prunedUnits.count) pruned"))
    #expect(contains(grid, "0 dropped, 0 pruned"), "the unregularized lane drops nothing")
    #expect(contains(grid, "% blank"))
    #expect(contains(grid, "q quit"))
  }

  @Test func matrix80x24() {
    let grid = Self.frame(.matrix, width: 80, height: 24, snapshot: Fixtures.snapshot())
    assertSnapshot(grid, named: "view-matrix-80x24")
    #expect(contains(grid, "matrix · layer 1 of 3"))
    // Four lanes do not fit in 80 columns: the title says so, and the fourth is not drawn.
    #expect(grid.row(1).contains("+1 not shown") || grid.row(1).contains("+1 lane not shown"), "\(grid.row(1))")
    #expect(!contains(grid, "■ L1+L2"))
  }

  /// Iris's first layer has 4 rows: lanes that do not fit across wrap into a band below, so all
  /// four show at 80×24 (before, two did and "+2 lanes" said so over an empty screen).
  @Test func matrixLanesWrapIntoBandsWhenTheyFit() throws {
    var config = ExperimentConfig()
    config.dataset = .iris
    let snapshot = Fixtures.snapshot(epochs: 20, config: config)
    let grid = Self.frame(.matrix, width: 80, height: 24, snapshot: snapshot)
    #expect(!contains(grid, "not shown"), "\(grid.text())")
    let rows = (0..<grid.height).map { grid.row($0) }
    let names = snapshot.lanes.map(\.name)
    let first = try #require(rows.firstIndex { $0.contains("● \(names[0])") })
    let second = try #require(rows.firstIndex { $0.contains("▲ \(names[2])") })
    #expect(second == first + 2 + 4 + 1, "the third lane starts a band below the first's 4 rows")
    #expect(rows[first].contains("◆ \(names[1])") && rows[second].contains("■ \(names[3])"))
    #expect(rows.filter { $0.contains("petal_width") }.count == 2, "each band shows every row")
  }

  /// Exact zeros are blank; a small non-zero weight is never blank.
  @Test func zerosBlankSmallWeightsNot() {
    let widget = WeightMatrixWidget(kernel: [0, 1e-6, 0.5, 1], inputs: 1, units: 4, rowLabels: ["x1"], scale: 1,
                                    style: .plain)
    var grid = Grid(width: 8, height: 1)
    widget.draw(in: grid.bounds, on: &grid, theme: .standard)
    #expect(grid.row(0) == "x1  ·▒█")
    var dead = widget
    dead.zerosAreDead = true
    dead.draw(in: grid.bounds, on: &grid, theme: .standard)
    #expect(grid.row(0) == "x1 ×·▒█")
  }

  @Test func trajectories120x40() {
    let grid = Self.frame(.trajectories, width: 120, height: 40)
    assertSnapshot(grid, named: "view-trajectories-120x40")
    #expect(contains(grid, "weight trajectories"))
    #expect(contains(grid, "L1  3/5 exactly 0"), "the three noise weights land on 0 under L1")
    #expect(contains(grid, "L2  0/5 exactly 0"))
    #expect(contains(grid, "noise") && contains(grid, "★"))
  }

  @Test func trajectories80x24() {
    let grid = Self.frame(.trajectories, width: 80, height: 24)
    assertSnapshot(grid, named: "view-trajectories-80x24")
    #expect(contains(grid, "epoch 300"))
  }

  @Test func vCyclesTheViewsInPlayAndLessons() {
    #expect(Keymap(KeyContext(mode: .play)).action(for: "v") == .nextView)
    #expect(Keymap(KeyContext(mode: .lesson)).action(for: "v") == .nextView)
    let driver = RecordingDriver(Fixtures.snapshot())
    let backend = RecordingBackend(width: 120, height: 40, keys: ["v", "v", "v", "v", "]", "v", "v"])
    let state = runPlay(driver: driver, backend: backend)
    #expect(state.view == .histograms)
    #expect(contains(backend.frames[1], "weight matrix"))
    #expect(contains(backend.frames[3], "weight trajectories"))
    #expect(contains(backend.frames[5], "tug of war"))
    #expect(contains(backend.frames[7], "L1 diamond"))
    #expect(contains(backend.frames[11], "λ path"), "the λ path closes the cycle")
    // On the lens `]` moves the lens's λ, not the network's: no command reaches the runner.
    #expect(contains(backend.frames[9], "λ 1.6"), "\(backend.frames[9].text())")
    #expect(!driver.commands.contains { if case .stepLambda = $0 { true } else { false } })
  }
}

@Suite struct TugViewTests {
  @Test func tug120x40And80x24() {
    let snapshot = Fixtures.snapshot(exportable: true)
    for (width, height) in [(120, 40), (80, 24)] {
      let grid = ViewSnapshotTests.frame(.tug, width: width, height: height, snapshot: snapshot)
      assertSnapshot(grid, named: "view-tug-\(width)x\(height)")
      #expect(contains(grid, width == 80 ? "tug of war · " : "tug of war · weight"))
      #expect(contains(grid, "S_τ(z), τ = η·λ1 = 0.0010"), "τ = η·λ1 = 0.1 · 0.01")
      // What each rule does, whole: short rule names where the full line would be cut.
      #expect(contains(grid, width == 80 ? "clip→0 dead" : "clip → 0 dead"), "\(grid.text())")
    }
  }

  /// The view's numbers are `TugOfWar` from the lane's own full-batch gradient; the default
  /// weight is the largest initial weight of a noise feature.
  @Test func followsTheLargestNoiseWeightAndShowsItsForces() throws {
    let snapshot = Fixtures.snapshot(exportable: true)
    let prepared = try #require(snapshot.prepared)
    let first = prepared.initial.layers[0]
    let order = TugView.candidates(prepared.initial, informative: snapshot.informative)
    let informative = Set(snapshot.informative ?? [])
    let noise = first.kernel.indices.filter { !informative.contains($0 / first.units) }
    #expect(order[0] == noise.max { abs(first.kernel[$0]) < abs(first.kernel[$1]) })
    let l1 = snapshot.lanes[1]
    let tug = TugView.tug(l1, weight: order[0], prepared: prepared, rate: 0.1)
    #expect(tug.l1Pull == -0.01 * (tug.w > 0 ? 1 : -1) || tug.w == 0)
    let grid = ViewSnapshotTests.frame(.tug, width: 120, height: 40, snapshot: snapshot)
    #expect(contains(grid, "w = \(TugView.number(tug.w))"))
    #expect(contains(grid, TugView.number(tug.dataPull)))
  }

  /// Issue 23: lanes whose forces do not fit are announced in the title and not drawn —
  /// neither their forces nor their mark on the curve — and the title ends whole.
  @Test func lanesThatDoNotFitAreAnnouncedAndNotDrawn() throws {
    let snapshot = Fixtures.snapshot(exportable: true)
    let theme = Theme.standard
    for (width, height) in [(80, 24), (120, 40)] {
      let grid = ViewSnapshotTests.frame(.tug, width: width, height: height, snapshot: snapshot)
      let shown = min(snapshot.lanes.count, TugView.lanesThatFit(height: height - 4))
      let hidden = snapshot.lanes.count - shown
      let body = (2..<height - 2).map { String(grid.row($0).dropFirst().dropLast()) }
      #expect(body.filter { $0.contains("w = ") }.count == shown, "\(width)×\(height)\n\(grid.text())")
      let title = grid.row(1)
      #expect(!title.contains("…"), "\(title)")
      if hidden > 0 {
        #expect(title.contains("+\(hidden)"), "\(title)")
        for lane in shown..<snapshot.lanes.count {
          let marker = theme.laneMarker(lane)
          #expect(!body.joined().contains(marker), "\(width)×\(height): lane \(lane)'s \(marker) drawn\n\(grid.text())")
        }
      } else {
        #expect(!title.contains("not shown"))
      }
    }
    #expect(TugView.lanesThatFit(height: 20) == 3 && TugView.lanesThatFit(height: 36) == 6 && TugView.lanesThatFit(height: 5) == 0)
  }

  /// With a group lane the view adds the group's pull on the weight, `−λg·w/‖row‖` of its row,
  /// and the row's line: its norm against prox's threshold η·λg. Without one, neither.
  @Test func aGroupLaneShowsItsPullOnTheWeight() throws {
    var config = ExperimentConfig()
    config.lanes = try ["L1 = l1=0.01", "group = group=0.05"].map { try LaneConfig.parse($0) }
    let snapshot = Fixtures.snapshot(config: config, exportable: true)
    let prepared = try #require(snapshot.prepared)
    let pick = TugView.candidates(prepared.initial, informative: snapshot.informative)[0]
    let lane = snapshot.lanes[1], first = lane.network.layers[0]
    let input = pick / first.units
    let row = first.kernel[input * first.units..<(input + 1) * first.units].map(Double.init)
    let norm = row.map { $0 * $0 }.reduce(0, +).squareRoot()
    let tug = TugView.tug(lane, weight: pick, prepared: prepared, rate: 0.1)
    #expect(abs(Double(tug.rowNorm) - norm) <= 1e-6 * norm)
    #expect(abs(Double(tug.groupPull) + 0.05 * Double(tug.w) / norm) <= 1e-6, "−λg·w/‖row‖")
    #expect(tug.groupPull != 0 && TugView.tug(snapshot.lanes[0], weight: pick, prepared: prepared, rate: 0.1).groupPull == 0)
    for (width, height) in [(120, 40), (80, 24)] {
      let grid = ViewSnapshotTests.frame(.tug, width: width, height: height, snapshot: snapshot)
      assertSnapshot(grid, named: "view-tug-group-\(width)x\(height)")
      let body = (2..<height - 2).map { grid.row($0) }
      #expect(body.contains { $0.contains(" group ") && $0.contains(TugView.number(tug.groupPull)) }, "\(grid.text())")
      #expect(contains(grid, "no group term"), "the L1 lane says it has none")
      #expect(contains(grid, "‖row‖ \(TugView.number(tug.rowNorm))") && contains(grid, "η·λg \(TugView.number(0.005))"),
              "\(width)×\(height)\n\(grid.text())")
      if width == 120 { #expect(contains(grid, "−λg·w/‖row‖"), "the force named where it fits") }
      #expect(body.filter { $0.contains("w = ") }.count == min(2, TugView.lanesThatFit(height: height - 4, group: true)))
    }
    let plain = ViewSnapshotTests.frame(.tug, width: 120, height: 40, snapshot: Fixtures.snapshot(exportable: true))
    #expect(!contains(plain, "group") && !contains(plain, "‖row‖"))
    #expect(TugView.lanesThatFit(height: 36, group: true) == 4 && TugView.lanesThatFit(height: 7, group: true) == 0)
    // The row's line, whole where it fits, else shorter; a lane without the term says so.
    let forms = [200, 70, 40].map { TugView.rowLine(tug, width: $0) }
    #expect(forms[0].hasPrefix("group = −λg·w/‖row‖, a pull on the whole row") && forms[1].count <= 70 && forms[2].hasPrefix("‖row‖"))
    #expect(TugView.rowLine(TugOfWar(w: 1, dataGradient: 0, lambda1: 0.1, lambda2: 0, rate: 0.1), width: 200) == "no group term")
  }

  @Test func tPicksAnotherWeight() {
    var state = AppState()
    state.view = .tug
    var dashboard = Dashboard(state: state)
    _ = dashboard.perform(.nextTugWeight, snapshot: Fixtures.snapshot(), lock: nil)
    state = dashboard.state
    #expect(state.tugPick == 1)
    #expect(Keymap(KeyContext(mode: .play)).action(for: "t") == .nextTugWeight)
  }
}

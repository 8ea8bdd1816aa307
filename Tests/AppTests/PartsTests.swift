import Canvas
import Foundation
import Testing
import Training

@testable import App

/// The small parts: ladders, ranges, code wrapping, shared borders and layout arithmetic.
@Suite struct PartsTests {
  @Test func ladderSteps() {
    #expect(Ladder.step(0.01, up: true, on: Ladder.lambda) == 0.02)
    #expect(Ladder.step(0.015, up: false, on: Ladder.lambda) == 0.01)
    #expect(Ladder.step(1, up: true, on: Ladder.lambda) == nil)
    #expect(Ladder.step(0.0001, up: false, on: Ladder.lambda) == nil)
    #expect(Ladder.step(0.1, up: true, on: Ladder.learningRate) == 0.2)
    #expect(Ladder.step(.epochsPerSecond(3), up: true) == .epochsPerSecond(4))
    #expect(Ladder.step(.max, up: false) == .epochsPerSecond(256))
    #expect(Ladder.step(.epochsPerSecond(0.5), up: false) == nil)
  }

  @Test func referenceLambdaIsTheLargest() throws {
    var config = ExperimentConfig()
    config.lanes = [LaneConfig(spec: LaneSpec()), LaneConfig(spec: try! LaneSpec.parse("1:l1=0.003;2:l2=0.04"))]
    #expect(try PreparedExperiment(config).referenceLambda == 0.04)
  }

  @Test func theRangeLooksAtABoundedSampleOfAWideNetwork() {
    var magnitudes: [Float] = []
    HistogramRange.sample([[Float](repeating: -0.5, count: 4_000_000), [Float](repeating: 2, count: 1_000_000)],
                          into: &magnitudes)
    #expect(magnitudes.count <= HistogramRange.samplePerLane + 1)
    #expect(abs(magnitudes.filter { $0 == 2 }.count * 5 - magnitudes.count) <= 5, "a fifth from the second kernel, as its share")
    var few: [Float] = []
    HistogramRange.sample([[1, -2], [3]], into: &few)
    #expect(few == [1, 2, 3], "small networks: every weight")
  }

  @Test func histogramRangeRoundsAndGrows() {
    #expect(HistogramRange.rounded(0.43) == 0.5)
    #expect(HistogramRange.rounded(0.8) == 0.8)
    #expect(HistogramRange.rounded(2.2) == 3)
    #expect(HistogramRange.rounded(0) == 1)
    let small = [Float](repeating: 0.3, count: 100)
    #expect(HistogramRange.update(nil, magnitudes: small) == 0.3)
    #expect(HistogramRange.update(1, magnitudes: small) == 1, "never narrows")
    let one = small + [5]
    #expect(HistogramRange.update(0.3, magnitudes: one) == 0.3, "one runaway weight is not 1%")
    #expect(HistogramRange.update(0.3, magnitudes: small.map { $0 * 3 }) == 1)
  }

  @Test func codeWrapKeepsPythonValid() {
    let line = "    \"L1+L2\": [regularizers.L1L2(l1=0.01, l2=0.01), regularizers.L1L2(l1=0.01, l2=0.01)],"
    let wrapped = CodeWrap.wrap(line, width: 50)
    #expect(wrapped.allSatisfy { $0.count <= 50 })
    #expect(wrapped.joined(separator: " ").replacingOccurrences(of: "  ", with: " ").contains("l2=0.01"))
    #expect(wrapped[1].hasPrefix("        "), "hanging indent")
    let comment = CodeWrap.wrap("# " + String(repeating: "word ", count: 20), width: 30)
    #expect(comment.allSatisfy { $0.hasPrefix("#") })
    #expect(CodeWrap.wrap("short", width: 30) == ["short"])
  }

  @Test func sharedBordersJoin() {
    var grid = Grid(width: 9, height: 5)
    var mesh = BorderMesh(width: 9, height: 5)
    for r in DashboardLayout.shared(Rect(x: 0, y: 0, width: 9, height: 5), sizes: [3, 3], vertical: false) { mesh.add(r) }
    for r in DashboardLayout.shared(Rect(x: 0, y: 2, width: 9, height: 3), sizes: [1], vertical: true) { mesh.add(r) }
    grid.paint { mesh.draw(painter: &$0, style: .plain, glyphs: .unicode) }
    #expect(grid.text() == """
      ┌───┬───┐
      │   │   │
      ├───┼───┤
      │   │   │
      └───┴───┘
      """)
  }

  @Test func layoutsFitTheScreen() {
    for (w, h) in [(80, 24), (100, 30), (120, 40), (200, 60)] {
      let layout = DashboardLayout(width: w, height: h, laneRows: 4, featuresWidth: 130)
      let screen = Rect(x: 0, y: 0, width: w, height: h)
      var panels = [layout.weights, layout.loss, layout.features] + [layout.zeros, layout.norm].compactMap { $0 }
      #expect(layout.zeros != nil && layout.norm != nil, "\(w)×\(h): all three charts")
      if let model = layout.model { panels.append(model) }
      for panel in panels {
        #expect(panel.intersection(screen) == panel, "\(w)×\(h): \(panel) inside the screen")
        #expect(panel.width >= 10 && panel.height >= 4, "\(w)×\(h): \(panel) big enough")
      }
      #expect(layout.features.maxY == h - 1, "the key line is the last row")
      #expect(layout.weights.height - 2 >= 8, "the weights band keeps its minimum")
      #expect((layout.model != nil) == (w >= 110), "\(w): model panel only where there is room")
    }
  }

  /// A lesson that highlights the model at 80×24 (side pane open) gets it in place of the
  /// small charts rather than squeezing every chart to a sliver.
  @Test func aForcedModelInANarrowBandReplacesTheSmallCharts() {
    let side = LessonPane.frameWidth(screenWidth: 80)
    let layout = DashboardLayout(width: 80, height: 24, laneRows: 2, featuresWidth: 130, paneWidth: side, forceModel: true)
    #expect(layout.model != nil && layout.zeros == nil && layout.norm == nil)
    #expect(layout.loss.width >= 14 && layout.model!.width == DashboardLayout.modelWidth)
    let wide = DashboardLayout(width: 200, height: 60, laneRows: 2, featuresWidth: 130, paneWidth: side, forceModel: true)
    #expect(wide.zeros != nil && wide.norm != nil && wide.model != nil)
  }

  @Test func fewFeaturesLeaveRoomForTheModelBesideThem() {
    let layout = DashboardLayout(width: 120, height: 40, laneRows: 4, featuresWidth: 60)
    #expect(layout.model.map { $0.y == layout.features.y } == true)
    // The band grows to hold the whole model table (iris: markers, 3 layers, 4 figures).
    let whole = DashboardLayout(width: 120, height: 40, laneRows: 4, featuresWidth: 60, modelRows: 8)
    #expect(whole.model.map { $0.height - 2 } == 8)
    #expect(whole.loss.height - 2 >= 5 && whole.weights.height - 2 >= 8)
  }

  @Test func asciiStandIns() {
    let ascii = Theme(colorMode: .monochrome, ascii: true)
    #expect(ascii.printable("λ 0.01 · ‖w‖₂ → ★ 名") == "lambda 0.01 - ||w||2 -> * ?")
    #expect(Theme.standard.printable("λ") == "λ")
  }
}

/// Text that names a command gives the form that works from where the learner started.
@Suite struct InvocationTests {
  @Test func theFormFollowsHowRegvizWasStarted() throws {
    let checkout = CLITestSupport.repositoryRoot
    #expect(Invocation.form(argument0: "regviz", workingDirectory: "/tmp") == "regviz")
    // `swift run` starts `.build/<triple>/<configuration>/regviz` (argv[0] relative).
    #expect(Invocation.form(argument0: ".build/x86_64-unknown-linux-gnu/release/regviz", workingDirectory: checkout)
              == "swift run -c release regviz")
    #expect(Invocation.form(argument0: ".build/x86_64-unknown-linux-gnu/debug/regviz", workingDirectory: checkout)
              == "swift run regviz")
    #expect(Invocation.form(argument0: checkout + "/.build/aarch64-unknown-linux-gnu/debug/regviz", workingDirectory: checkout)
              == "swift run regviz")
    // Started directly by the path the learner typed: that path, not `swift run` (issue 23).
    #expect(Invocation.form(argument0: ".build/release/regviz", workingDirectory: checkout) == ".build/release/regviz")
    #expect(Invocation.form(argument0: "./.build/debug/regviz", workingDirectory: checkout) == "./.build/debug/regviz")
    #expect(Invocation.form(argument0: checkout + "/.build/release/regviz", workingDirectory: checkout)
              == checkout + "/.build/release/regviz")
    #expect(Invocation.form(argument0: "/opt/tools/regviz", workingDirectory: "/tmp") == "/opt/tools/regviz")
  }
}

enum CLITestSupport {
  static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
}

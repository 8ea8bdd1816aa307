import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `--plot` writes a self-contained SVG that parses as XML and holds one series per lane.
@Suite struct PlotTests {
  /// Counts `<polyline class="series">` per chart and collects their lanes.
  final class SVGReader: NSObject, XMLParserDelegate {
    var series: [[String]] = []
    var histograms: [String] = []
    /// Per lane of the pixels section: its name, its dropped count and its pixels' classes.
    var pictures: [(lane: String, dropped: Int, pixels: [String])] = []
    /// Per chart, the tick labels of each axis ("x", "y"), in order.
    var ticks: [[String: [String]]] = []
    private var tickAxis: String?
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
      if name == "g" && attributes["class"] == "chart" { series.append([]); ticks.append([:]) }
      if name == "text" && attributes["class"] == "tick", let axis = attributes["data-axis"] {
        tickAxis = axis
        ticks[ticks.count - 1][axis, default: []].append("")
      }
      if name == "g" && attributes["class"] == "histogram" { histograms.append(attributes["data-lane"] ?? "") }
      if name == "g" && attributes["class"] == "pixels" {
        pictures.append((attributes["data-lane"] ?? "", Int(attributes["data-dropped"] ?? "") ?? -1, []))
      }
      if name == "rect", let kind = attributes["class"], kind == "pixel" || kind == "dropped", !pictures.isEmpty {
        pictures[pictures.count - 1].pixels.append(kind)
      }
      if name == "polyline" && attributes["class"] == "series" { series[series.count - 1].append(attributes["data-lane"] ?? "") }
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) {
      guard let axis = tickAxis, !ticks.isEmpty else { return }
      ticks[ticks.count - 1][axis]![ticks[ticks.count - 1][axis]!.count - 1] += string  // may come in pieces
    }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
      if name == "text" { tickAxis = nil }
    }
  }

  func read(_ path: String) throws -> SVGReader {
    let parser = XMLParser(data: try Data(contentsOf: URL(fileURLWithPath: path)))
    let reader = SVGReader()
    parser.delegate = reader
    #expect(parser.parse(), "SVG is not well-formed XML: \(String(describing: parser.parserError))")
    return reader
  }

  @Test func runPlotHasOneSeriesPerLanePerChart() throws {
    let dir = CLI.temporaryDirectory()
    let svg = dir.appendingPathComponent("run.svg").path
    let r = try CLI.run(["run", "--epochs", "20", "--hidden", "6", "--lane", "none", "--lane", "l1=0.02", "--lane", "l2=0.02",
                         "--format", "csv", "--report-every", "20", "--plot", svg])
    #expect(r.status == 0, "\(r.stderr)")
    let reader = try read(svg)
    #expect(reader.series.count == 3)
    #expect(reader.series[0] == ["none", "L1", "L2", "none penalty", "L1 penalty", "L2 penalty"])  // data loss and penalty
    #expect(reader.series[1] == ["none", "L1", "L2"] && reader.series[2] == ["none", "L1", "L2"])
    #expect(reader.histograms == ["none", "L1", "L2"])
    // 20 epochs: whole nice numbers; y axes on 1-2-5 steps (zeros in percent).
    for chart in reader.ticks {
      #expect(chart["x"] == ["5", "10", "15", "20"])
      let ys = (chart["y"] ?? []).map { Double($0.replacingOccurrences(of: "%", with: "")) }
      #expect(ys.allSatisfy { $0 != nil } && TicksTests.areOneTwoFiveMultiples(ys.compactMap { $0 }), "\(chart)")
    }
    #expect(reader.ticks[1]["y"] == ["0%", "20%", "40%", "60%", "80%", "100%"])
  }

  /// Digits: below the histograms, each lane's first layer as 8×8 pixels, the dropped ones
  /// white; the count in the caption is the count of white squares.
  @Test func digitsPlotDrawsEachLanesPixels() throws {
    let svg = CLI.temporaryDirectory().appendingPathComponent("digits.svg").path
    let r = try CLI.run(["run", "--dataset", "digits", "--epochs", "40", "--hidden", "8", "--lane", "none",
                         "--lane", "1:group=0.05", "--optimizer", "adam", "--lr", "0.01", "--format", "csv",
                         "--report-every", "40", "--plot", svg])
    #expect(r.status == 0, "\(r.stderr)")
    let reader = try read(svg)
    #expect(reader.pictures.map(\.lane) == ["none", "Group@1"])
    #expect(reader.pictures.allSatisfy { $0.pixels.count == 64 })
    for picture in reader.pictures {
      #expect(picture.pixels.filter { $0 == "dropped" }.count == picture.dropped)
    }
    #expect(reader.pictures[0].dropped == 0, "nothing drops a pixel without a penalty")
    #expect(reader.pictures[1].dropped > 0, "the group term drops whole pixels")
    let plain = CLI.temporaryDirectory().appendingPathComponent("sparse.svg").path
    #expect(try CLI.run(["run", "--epochs", "2", "--hidden", "4", "--plot", plain]).status == 0)
    #expect(try read(plain).pictures.isEmpty, "sparse's features are no picture")
  }

  @Test func sweepPlotIsThePath() throws {
    let dir = CLI.temporaryDirectory()
    let svg = dir.appendingPathComponent("path.svg").path
    let r = try CLI.run(["sweep", "--epochs", "5", "--points", "3", "--hidden", "4", "--plot", svg])
    #expect(r.status == 0, "\(r.stderr)")
    let reader = try read(svg)
    // Zeros, accuracy, and a coefficient path per feature (★ marked).
    #expect(reader.series.count == 3 && reader.series.prefix(2).allSatisfy { $0.count == 1 })
    #expect(reader.series[2].count == 20 && reader.series[2].filter { $0.hasSuffix(" ★") }.count == 4, "\(reader.series)")
    // λ from 1e-4 to 1: one tick per power of ten, labelled as one.
    #expect(reader.ticks.map { $0["x"] } == Array(repeating: ["10⁻⁴", "10⁻³", "10⁻²", "10⁻¹", "10⁰"], count: 3))
  }

  @Test func crossValidatedPlotAddsTheLossBandAndMarkers() throws {
    let svg = CLI.temporaryDirectory().appendingPathComponent("cv.svg").path
    let r = try CLI.run(["sweep", "--cv", "2", "--epochs", "5", "--points", "3", "--hidden", "4", "--plot", svg])
    #expect(r.status == 0, "\(r.stderr)")
    let reader = try read(svg)
    #expect(reader.series.count == 4)
    #expect(reader.series[3].prefix(3) == ["CV loss", "+1 s.e.", "−1 s.e."] && reader.series[3].contains("λ_min"))
  }

  @Test func unwritablePlotFailsBeforeTrainingAndWritesNothing() throws {
    let r = try CLI.run(["run", "--epochs", "1", "--plot", "/no/such/dir/x.svg"])
    #expect(r.status != 0)
    #expect(r.stderr == "regviz: --plot: directory '/no/such/dir' does not exist\n")
    let ro = CLI.temporaryDirectory()
    try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: ro.path)
    defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: ro.path) }
    if getuid() != 0 {  // root may write anywhere
      let r2 = try CLI.run(["run", "--epochs", "1", "--plot", ro.appendingPathComponent("x.svg").path])
      #expect(r2.status != 0 && r2.stderr.contains("is not writable"))
    }
  }
}

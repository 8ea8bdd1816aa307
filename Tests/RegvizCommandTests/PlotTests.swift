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
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
      if name == "g" && attributes["class"] == "chart" { series.append([]) }
      if name == "g" && attributes["class"] == "histogram" { histograms.append(attributes["data-lane"] ?? "") }
      if name == "polyline" && attributes["class"] == "series" { series[series.count - 1].append(attributes["data-lane"] ?? "") }
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
  }

  @Test func sweepPlotIsThePath() throws {
    let dir = CLI.temporaryDirectory()
    let svg = dir.appendingPathComponent("path.svg").path
    let r = try CLI.run(["sweep", "--epochs", "5", "--points", "3", "--hidden", "4", "--plot", svg])
    #expect(r.status == 0, "\(r.stderr)")
    let reader = try read(svg)
    #expect(reader.series.count == 2 && reader.series.allSatisfy { $0.count == 1 })
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

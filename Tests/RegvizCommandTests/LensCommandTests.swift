import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

@testable import RegvizCommand

/// `regviz lens --plot` and `--format jsonl`: the lens's picture and trajectories, headless.
@Suite struct LensCommandTests {
  /// Element classes of the SVG (`contour`, `shape`, `path`, …) with their lanes.
  final class Classes: NSObject, XMLParserDelegate {
    var found: [String: [String]] = [:]
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
      if let c = attributes["class"] { found[c, default: []].append(attributes["data-lane"] ?? "") }
    }
  }

  @Test func plotDrawsEveryPart() throws {
    let dir = CLI.temporaryDirectory()
    let svg = dir.appendingPathComponent("lens.svg").path
    let r = try CLI.run(["lens", "--plot", svg, "--correlation", "0.5", "--lambda", "2"])
    #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
    let parser = XMLParser(data: try Data(contentsOf: URL(fileURLWithPath: svg)))
    let classes = Classes()
    parser.delegate = classes
    #expect(parser.parse(), "SVG is not well-formed XML")
    let found = classes.found
    #expect(found["shape"] == ["L1", "L2", "L1+L2"])
    #expect(found["path"] == ["L1", "L2", "L1+L2"])
    #expect(found["trajectory"] == ["none", "L1", "L2", "L1+L2"])
    #expect(found["optimum"] == ["L1", "L2", "L1+L2"])
    #expect(found["least-squares"]?.count == 1 && (found["contour"]?.count ?? 0) >= 5)
    #expect((found["landing"]?.count ?? 0) >= 1, "λ 2 puts w2 on the axis under L1")
    // Atomic: nothing but the figure is left in the directory.
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["lens.svg"])
  }

  @Test func jsonlTrajectoriesEndAtTheExactOptimum() throws {
    let r = try CLI.run(["lens", "--format", "jsonl"])
    #expect(r.status == 0)
    let rows = try r.stdout.split(separator: "\n").map {
      try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
    }
    let l1 = rows.filter { $0["lane"] as? String == "L1" }
    #expect(l1.first?["step"] as? Int == 0 && l1.first?["w1"] as? Double == 0.5 && l1.first?["w2"] as? Double == 2)
    let landed = try #require(l1.first { $0["landed"] != nil })
    #expect(landed["landed"] as? [Int] == [2] && landed["w2"] as? Double == 0)
    // After landing, w2 stays exactly 0 to the end.
    let step = landed["step"] as! Int
    #expect(l1.filter { ($0["step"] as! Int) >= step }.allSatisfy { $0["w2"] as? Double == 0 })
    // L2 never lands.
    #expect(!rows.contains { $0["lane"] as? String == "L2" && $0["landed"] != nil })
  }

  @Test func badValuesAreOneLineErrors() throws {
    let r = try CLI.run(["lens", "--correlation", "1.5"])
    #expect(r.status != 0)
    #expect(r.stderr == "regviz: --correlation: must be a number from -0.95 to 0.95, got 1.5\n")
    let p = try CLI.run(["lens", "--plot", "/no/such/dir/x.svg"])
    #expect(p.stderr == "regviz: --plot: directory '/no/such/dir' does not exist\n")
    let o = try CLI.run(["lens", "--out", "x.jsonl"])
    #expect(o.stderr == "regviz: --out: only with --format jsonl\n")
  }
}

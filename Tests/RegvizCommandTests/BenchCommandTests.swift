import Foundation
import Testing

/// `regviz bench --format json` keeps the schema scripts rely on (figures themselves are
/// measured in release builds, never asserted in tests).
@Suite struct BenchCommandTests {
  @Test func jsonSchema() throws {
    let r = try CLI.run(["bench", "--quick", "--format", "json"])
    #expect(r.status == 0, "\(r.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    let kernels = try #require(json["kernels"] as? [[String: Any]])
    #expect(kernels.count == 10)
    let nets = Set(kernels.map { "\($0["net"]!)/\($0["batch"]!)/\($0["impl"]!)" })
    for net in ["4-10-10-3/16", "4-10-10-3/150", "20-64-64-3/16", "20-64-64-3/150", "784-256-256-10/150"] {
      #expect(nets.contains(net + "/scalar") && nets.contains(net + "/simd"), "\(net)")
    }
    #expect(kernels.allSatisfy { ($0["samples_per_s"] as? Double ?? 0) > 0 && ($0["gflops"] as? Double ?? 0) > 0 })
    let lanes = try #require(json["lanes"] as? [[String: Any]])
    #expect(Set(lanes.compactMap { $0["lanes"] as? Int }) == [1, 2, 4, 8])
    #expect(lanes.allSatisfy { $0["net"] is String && ($0["samples_per_s"] as? Double ?? 0) > 0 })
    let ui = try #require(json["ui"] as? [String: Any])
    #expect(ui["frame_ms_median"] is Double && ui["training_kept_fraction"] is Double)
    #expect((ui["wide_frame_ms_median"] as? Double ?? 0) > 0 && (ui["wide_first_frame_ms"] as? Double ?? 0) > 0)
    #expect((ui["run_peak_mb_20k_epochs"] as? Double ?? 0) > 0 && (ui["run_peak_mb_200k_epochs"] as? Double ?? 0) > 0)
  }

  @Test func badFlags() throws {
    let r = try CLI.run(["bench", "--format", "xml"])
    #expect(r.status != 0 && r.stderr == "regviz: --format: 'xml' is not one of table, json\n")
    let n = try CLI.run(["bench", "--net", "1-2-3"])
    #expect(n.status != 0 && n.stderr.hasPrefix("regviz: --net: '1-2-3' is not one of"))
  }
}

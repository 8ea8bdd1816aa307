import Foundation
import Testing
import NeuralCore

/// `regviz bench --format json` keeps the schema scripts rely on (figures themselves are
/// measured in release builds, never asserted in tests).
@Suite struct BenchCommandTests {
  @Test func jsonSchema() throws {
    let r = try CLI.run(["bench", "--quick", "--format", "json"])
    #expect(r.status == 0, "\(r.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    let kernels = try #require(json["kernels"] as? [[String: Any]])
    let builds = SIMDTarget.hasAVX512 ? 4 : 2   // scalar, avx2 and, where the CPU has it, avx512 and the mix
    #expect(kernels.count == 5 * builds)
    let nets = Set(kernels.map { "\($0["net"]!)/\($0["batch"]!)/\($0["impl"]!)" })
    for net in ["4-10-10-3/16", "4-10-10-3/150", "20-64-64-3/16", "20-64-64-3/150", "784-256-256-10/150"] {
      #expect(nets.contains(net + "/scalar") && nets.contains(net + "/avx2"), "\(net)")
      #expect(nets.contains(net + "/avx512") == SIMDTarget.hasAVX512, "\(net)")
      #expect(nets.contains(net + "/simd") == SIMDTarget.hasAVX512, "\(net)")
    }
    #expect((json["simd_target"] as? String ?? "").hasPrefix("avx"))
    #expect(kernels.allSatisfy { ($0["samples_per_s"] as? Double ?? 0) > 0 && ($0["gflops"] as? Double ?? 0) > 0 })
    // Every SIMD figure is set against its own path's FMA peak; scalar has none.
    let peaks = try #require(json["fma_peak_gflops"] as? [String: Double])
    #expect(Set(peaks.keys) == (SIMDTarget.hasAVX512 ? ["avx2", "avx512"] : ["avx2"]) && peaks.values.allSatisfy { $0 > 0 })
    #expect(kernels.allSatisfy { ($0["impl"] as? String == "scalar") == ($0["of_peak"] == nil) })
    #expect(kernels.filter { $0["impl"] as? String == "avx2" }.allSatisfy { $0["path_peak_gflops"] as? Double == peaks["avx2"] })
    let parts = try #require(json["kernel_parts"] as? [[String: Any]])
    #expect(parts.count == 3 * (SIMDTarget.hasAVX512 ? 2 : 1))
    #expect(Set(parts.compactMap { $0["kernel"] as? String }) == ["forward", "weight_gradient", "input_gradient"])
    #expect(parts.allSatisfy { ($0["gflops"] as? Double ?? 0) > 0 && ($0["of_peak"] as? Double ?? 0) > 0 })
    let lanes = try #require(json["lanes"] as? [[String: Any]])
    #expect(Set(lanes.compactMap { $0["lanes"] as? Int }) == [1, 2, 4, 8])
    #expect(lanes.allSatisfy { $0["net"] is String && ($0["samples_per_s"] as? Double ?? 0) > 0 })
    let data = try #require(json["data"] as? [String: Any])
    #expect(data["rows"] as? Int == 2_000 && data["features"] as? Int == 20)
    #expect((data["megabytes_per_s"] as? Double ?? 0) > 0 && data["peak_rss_growth_mb"] is Double)
    let ui = try #require(json["ui"] as? [String: Any])
    #expect(ui["frame_ms_median"] is Double && ui["training_kept_fraction"] is Double)
    #expect((ui["wide_frame_ms_median"] as? Double ?? 0) > 0 && (ui["wide_first_frame_ms"] as? Double ?? 0) > 0)
    #expect((ui["run_peak_mb_20k_epochs"] as? Double ?? 0) > 0 && (ui["run_peak_mb_200k_epochs"] as? Double ?? 0) > 0)
  }

  @Test func environmentForcesTheSIMDBuild() throws {
    let avx2 = try CLI.run(["--version"], environment: ["REGVIZ_IMPL": "avx2"])
    #expect(avx2.stdout.hasSuffix("\nsimd: avx2 (forced by REGVIZ_IMPL)\n"), "\(avx2.stdout)")
    let avx512 = try CLI.run(["--version"], environment: ["REGVIZ_IMPL": "avx512"])
    #expect(avx512.stdout.hasSuffix(SIMDTarget.hasAVX512 ? "\nsimd: avx512 (forced by REGVIZ_IMPL)\n"
                                    : "\nsimd: avx2 (REGVIZ_IMPL=avx512 ignored: this CPU lacks AVX-512)\n"), "\(avx512.stdout)")
    let bad = try CLI.run(["--version"], environment: ["REGVIZ_IMPL": "sse"])
    #expect(bad.stdout.contains("REGVIZ_IMPL='sse' is not avx2 or avx512"), "\(bad.stdout)")
  }

  /// A partial bench prints only the sections it measured: no empty headings.
  @Test func tableShowsOnlyMeasuredSections() throws {
    let r = try CLI.run(["bench", "--quick", "--data-only"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("CSV load (2000 rows × 20 features"), "\(r.stdout)")
    for heading in ["Training step", "After 20 000", "Lanes in parallel", "Snapshot build", "Dashboard"] {
      #expect(!r.stdout.contains(heading), "\(heading)")
    }
  }

  @Test func badFlags() throws {
    let r = try CLI.run(["bench", "--format", "xml"])
    #expect(r.status != 0 && r.stderr == "regviz: --format: 'xml' is not one of table, json\n")
    let n = try CLI.run(["bench", "--net", "1-2-3"])
    #expect(n.status != 0 && n.stderr.hasPrefix("regviz: --net: '1-2-3' is not one of"))
  }
}

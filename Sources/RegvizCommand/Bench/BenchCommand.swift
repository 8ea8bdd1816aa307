import App
import ArgumentParser
import Foundation
import NeuralCore
import Training

/// `regviz bench`: training throughput of the kernels, the lanes and the snapshots.
/// Meaningful only in a release build (`swift run -c release regviz bench`).
public struct BenchCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Measure training throughput (run it from a release build).")

  /// How the figures are printed.
  public enum Format: String, CaseIterable, ExpressibleByArgument { case table, json }

  @Option(help: "Output.")
  public var format: Format = .table

  @Option(help: "Repetitions per figure (the median is reported).")
  public var repetitions: Int = 5

  @Option(help: "Only this net (repeatable): 4-10-10-3, 20-64-64-3 or 784-256-256-10; kernels only.")
  public var net: [String] = []

  @Option(help: "Only this implementation of the compute code (with --net).")
  public var impl: Impl?

  @Flag(help: "Only the CSV load figure (a generated 300k × 20 file).")
  public var dataOnly = false

  @Option(help: ArgumentHelp("With --data-only: time loading this CSV instead of a generated one.", valueName: "path"))
  public var dataFile: String?

  @Flag(help: "Only the dashboard figures (frame time, first frame, key to screen, --hidden 4096,4096).")
  public var uiOnly = false

  @Flag(help: "A quick pass with short timings (for smoke tests, not for figures).")
  public var quick = false

  public init() {}

  public func validate() throws {
    let known = [Benchmarks.iris, Benchmarks.medium, Benchmarks.large].map(\.name)
    if let bad = net.first(where: { !known.contains($0) }) {
      throw ValidationError("--net: '\(bad)' is not one of \(known.joined(separator: ", "))")
    }
    guard (1...100).contains(repetitions) else { throw ValidationError("--repetitions: must be 1…100, got \(repetitions)") }
  }

  struct KernelFigure: Encodable {
    var net: String; var batch: Int; var impl: String; var samples_per_s: Double; var gflops: Double
    /// Median over rounds of this impl's rate ÷ the AVX2 build's in the same round (nil when not measured).
    var vs_avx2: Double? = nil
    /// The FMA microbenchmark of the path this impl runs (GFLOP/s, `fma_peak_gflops`), and the
    /// median over this figure's rounds of gflops ÷ that peak in the same round (nil for scalar).
    var path_peak_gflops: Double? = nil
    var of_peak: Double? = nil
  }
  /// One kernel of the step summed over a net's layers (input gradient: all but the first).
  struct PartFigure: Encodable {
    var net: String; var batch: Int; var impl: String; var kernel: String; var gflops: Double; var of_peak: Double
  }
  struct LaneFigure: Encodable { var net: String; var lanes: Int; var samples_per_s: Double; var scaling: Double }
  struct SnapshotFigure: Encodable { var net: String; var microseconds_median: Double }
  struct UIFigure: Encodable {
    var frame_ms_median: Double; var frame_ms_p90: Double
    /// The same frame through free play, as the frame loop draws it (observe, keymap, compose).
    var play_frame_ms_median: Double; var play_frame_ms_p90: Double
    var training_kept_fraction: Double
    var frames_per_s: Double; var first_frame_ms: Double; var key_to_screen_ms: Double
    /// The same frame with `--hidden 4096,4096` training at full speed behind it.
    var wide_first_frame_ms: Double; var wide_frame_ms_median: Double; var wide_frame_ms_p90: Double
    /// Peak resident memory of `regviz run` (one small lane, JSONL to a file) at 20 000 and
    /// 200 000 epochs: flat when the report streams.
    var run_peak_mb_20k_epochs: Double; var run_peak_mb_200k_epochs: Double
    /// The scrub-back history after 8 lanes × 100 000 epochs of 20-16-16-3.
    var scrub_history: ScrubBench.Figure? = nil
    /// The same history for 4 lanes of `--hidden 1024,1024` and `4096,4096`: held to its byte budget.
    var scrub_history_wide: [ScrubBench.Figure]? = nil
    /// The lanes at full speed with the λ path view's job running beside them.
    var path_job: PathBench.Figure? = nil
  }
  struct Output: Encodable {
    var build: String
    /// Which compiled SIMD code `simd` ran, and why: "avx512 (the CPU has AVX-512)".
    var simd_target: String = SIMDTarget.summary
    var data: DataBench.Figure?
    /// Each runnable path's FMA microbenchmark, GFLOP/s (median over rounds; empty when not measured).
    var fma_peak_gflops: [String: Double] = [:]
    var kernels: [KernelFigure]
    var kernel_parts: [PartFigure] = []
    var long_trained: [KernelFigure]
    var lanes: [LaneFigure]
    /// nil when only some sections ran (JSON has no NaN).
    var runner_overhead: Double?
    var snapshot_publish: [SnapshotFigure]
    var ui: UIFigure?
  }

  public func run() throws {
    #if DEBUG
    let build = "debug"
    FileHandle.standardError.write(Data("regviz bench: this is a debug build; figures are meaningful only with -c release\n".utf8))
    #else
    let build = "release"
    #endif
    let reps = quick ? 1 : repetitions
    let minSeconds = quick ? 0.01 : 0.15
    // Data first, while the process's peak memory is still the baseline the load is measured from.
    let csv = (net.isEmpty && !uiOnly) || dataOnly
      ? try DataBench.measure(rows: quick ? 2_000 : 300_000, features: 20, repetitions: quick ? 1 : min(reps, 5), file: dataFile)
      : nil
    var kernels: [KernelFigure] = []
    var parts: [PartFigure] = []
    if dataOnly {
      try emit(Output(build: build, data: csv, kernels: [], long_trained: [], lanes: [], runner_overhead: nil,
                      snapshot_publish: [], ui: nil))
      return
    }
    if uiOnly {
      try emit(Output(build: build, data: nil, kernels: [], long_trained: [], lanes: [], runner_overhead: nil,
                      snapshot_publish: [], ui: try uiFigure()))
      return
    }
    let cases: [(Benchmarks.NetSpec, Int)] = [(Benchmarks.iris, 16), (Benchmarks.iris, 150), (Benchmarks.medium, 16),
                                              (Benchmarks.medium, 150), (Benchmarks.large, 150)]
    // The scalar reference and each SIMD build this CPU runs (`simd` is one of them), timed in
    // turn within each round so that the machine's drift hits all alike; ratios are per round.
    let impls: [Impl] = impl.map { [$0] } ?? [.scalar, .avx2] + (SIMDTarget.hasAVX512 ? [.avx512, .simd] : [])
    // Each path's peak is measured in every round next to the kernels, and the kernels' share of
    // it taken per round: the machine's load moves both alike.
    let paths = SIMDTarget.allCases.filter { t in impls.contains(where: { $0.path == t }) }
    var peaks = [SIMDTarget: [Double]]()
    func measurePeaks() { for t in paths { peaks[t, default: []].append(Benchmarks.peakGFLOPS(t, minSeconds: minSeconds / 3)) } }
    for (net, batch) in cases where self.net.isEmpty || self.net.contains(net.name) {
      let data = Benchmarks.data(for: net, samples: batch * 4)
      let learners = impls.map { Benchmarks.learner(net, impl: $0, batch: batch) }
      var rates = [[Double]](repeating: [], count: impls.count)
      var fractions = [[Double]](repeating: [], count: impls.count)
      for _ in 0..<reps {
        measurePeaks()
        for j in impls.indices {
          let rate = Benchmarks.stepThroughput(learners[j], data: data, batch: batch, repetitions: 1, minSeconds: minSeconds)
          rates[j].append(rate)
          if let t = impls[j].path { fractions[j].append(rate * net.flopsPerSample / 1e9 / peaks[t]!.last!) }
        }
      }
      let avx2 = impls.firstIndex(of: .avx2)
      for (j, impl) in impls.enumerated() {
        let rate = Benchmarks.median(rates[j])
        let ratio = avx2.map { a in Benchmarks.median(zip(rates[j], rates[a]).map { $0 / $1 }) }
        kernels.append(KernelFigure(net: net.name, batch: batch, impl: impl.rawValue, samples_per_s: rate,
                                    gflops: rate * net.flopsPerSample / 1e9, vs_avx2: ratio,
                                    of_peak: fractions[j].isEmpty ? nil : Benchmarks.median(fractions[j])))
      }
    }
    // The 784 net's kernels apart, at batch 150, for each SIMD path (what `of_peak` is about).
    let large = Benchmarks.large
    if self.net.isEmpty || self.net.contains(large.name) {
      let partImpls = impl.map { $0 == .scalar ? [] : [$0] } ?? [.avx2] + (SIMDTarget.hasAVX512 ? [.avx512] : [])
      let probes = partImpls.map { Benchmarks.probes(large, impl: $0, batch: 150) }
      var fractions = [[[Double]]](repeating: [[Double]](repeating: [], count: Benchmarks.KernelPart.allCases.count),
                                   count: partImpls.count)
      var rates = fractions
      for _ in 0..<reps {
        measurePeaks()
        for (j, impl) in partImpls.enumerated() {
          for (k, part) in Benchmarks.KernelPart.allCases.enumerated() {
            let g = Benchmarks.partGFLOPS(part, probes: probes[j], minSeconds: minSeconds / 3)
            rates[j][k].append(g)
            fractions[j][k].append(g / peaks[impl.path!]!.last!)
          }
        }
      }
      for (j, impl) in partImpls.enumerated() {
        for (k, part) in Benchmarks.KernelPart.allCases.enumerated() {
          parts.append(PartFigure(net: large.name, batch: 150, impl: impl.rawValue, kernel: part.rawValue,
                                  gflops: Benchmarks.median(rates[j][k]), of_peak: Benchmarks.median(fractions[j][k])))
        }
      }
    }
    var peakFigures: [String: Double] = [:]
    for (t, v) in peaks { peakFigures[t.rawValue] = Benchmarks.median(v) }
    for k in kernels.indices {
      kernels[k].path_peak_gflops = kernels[k].impl == "scalar" ? nil
        : Impl(rawValue: kernels[k].impl)?.path.flatMap { peakFigures[$0.rawValue] }
    }
    if !net.isEmpty {
      // Kernels only: the other sections are left out (JSON: empty, overhead null).
      try emit(Output(build: build, data: nil, fma_peak_gflops: peakFigures, kernels: kernels, kernel_parts: parts,
                      long_trained: [], lanes: [], runner_overhead: nil, snapshot_publish: [], ui: nil))
      return
    }
    // Speed must not decay as training goes on (denormal gradients).
    var longTrained: [KernelFigure] = []
    for net in [Benchmarks.iris, Benchmarks.medium] {
      let data = Benchmarks.data(for: net, samples: 600)
      let trained = Benchmarks.longTrained(net, batch: 150, data: quick ? Benchmarks.data(for: net, samples: 150) : data)
      let rate = Benchmarks.stepThroughput(trained, data: data, batch: 150, repetitions: reps, minSeconds: minSeconds)
      longTrained.append(KernelFigure(net: net.name, batch: 150, impl: "simd", samples_per_s: rate, gflops: rate * net.flopsPerSample / 1e9))
    }
    var lanes: [LaneFigure] = []
    for net in [Benchmarks.iris, Benchmarks.medium, Benchmarks.large] {
      let epochs = quick ? 2 : net.name == Benchmarks.large.name ? 6 : net.name == Benchmarks.iris.name ? 4000 : 300
      var one = 0.0
      for count in [1, 2, 4, 8] {
        let rate = Benchmarks.laneThroughput(net, lanes: count, batch: 150, epochs: epochs, repetitions: min(reps, 3))
        if count == 1 { one = rate }
        lanes.append(LaneFigure(net: net.name, lanes: count, samples_per_s: rate, scaling: rate / one))
      }
    }
    // Runner cost: the bare training loop and one lane through the runner, alternated in one
    // loop so that the machine's drift hits both alike; the median of the per-pair ratios.
    let medium = Benchmarks.medium
    let mediumData = Benchmarks.data(for: medium, samples: 600)
    var ratios: [Double] = []
    for _ in 0..<max(reps, 3) {
      let bare = Benchmarks.stepThroughput(Benchmarks.learner(medium, impl: .simd, batch: 150), data: mediumData,
                                           batch: 150, repetitions: 1, minSeconds: minSeconds * 2)
      let lane = Benchmarks.laneThroughput(medium, lanes: 1, batch: 150, epochs: quick ? 2 : 300, repetitions: 1)
      ratios.append(lane / bare)
    }
    let overhead = 1 - Benchmarks.median(ratios)
    let snapshots = [Benchmarks.iris, Benchmarks.medium, Benchmarks.large].map { net in
      SnapshotFigure(net: net.name, microseconds_median: Benchmarks.snapshotMicroseconds(net, repetitions: quick ? 5 : 101))
    }
    let output = Output(build: build, data: csv, fma_peak_gflops: peakFigures, kernels: kernels, kernel_parts: parts,
                        long_trained: longTrained, lanes: lanes,
                        runner_overhead: overhead, snapshot_publish: snapshots, ui: try uiFigure())
    try emit(output)
  }

  /// The dashboard: 4 default lanes on `sparse`, composing 120×40 frames from real snapshots.
  func uiFigure() throws -> UIFigure {
    let frames = try DashboardBench.frameComposeMilliseconds(epochs: quick ? 5 : 500, frames: quick ? 20 : 400)
    let kept = try DashboardBench.trainingKeptFraction(seconds: quick ? 0.3 : 2, rounds: quick ? 1 : 3)
    let latency = try DashboardBench.latency(presses: quick ? 3 : 9)
    let wide = try DashboardBench.wideNetwork(hidden: quick ? [256, 256] : [4096, 4096], seconds: quick ? 0.5 : 4)
    let memory = try Benchmarks.headlessPeakMegabytes(epochs: quick ? [200, 2000] : [20_000, 200_000])
    return UIFigure(frame_ms_median: frames.compose.medianMilliseconds, frame_ms_p90: frames.compose.p90Milliseconds,
                    play_frame_ms_median: frames.play.medianMilliseconds, play_frame_ms_p90: frames.play.p90Milliseconds,
                    training_kept_fraction: kept.fraction, frames_per_s: kept.framesPerSecond,
                    first_frame_ms: latency.firstFrameMilliseconds, key_to_screen_ms: latency.keyToScreenMilliseconds,
                    wide_first_frame_ms: wide.firstFrameMilliseconds, wide_frame_ms_median: wide.frames.medianMilliseconds,
                    wide_frame_ms_p90: wide.frames.p90Milliseconds,
                    run_peak_mb_20k_epochs: memory[0], run_peak_mb_200k_epochs: memory[1],
                    scrub_history: try ScrubBench.measure(epochs: quick ? 5_000 : 100_000),
                    scrub_history_wide: try [[1024, 1024], [4096, 4096]].map {
                      try ScrubBench.measure(epochs: quick ? 4 : 12, lanes: 4, hidden: quick ? $0.map { $0 / 16 } : $0)
                    },
                    path_job: try PathBench.measure(seconds: quick ? 0.3 : 1.5, rounds: quick ? 1 : 5))
  }

  /// The figures as `--format` asks.
  private func emit(_ output: Output) throws {
    if format == .json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
      encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "null")
      try Destination.print(String(decoding: try encoder.encode(output), as: UTF8.self) + "\n")
    } else {
      try Destination.print(Self.table(output) + "\n")
    }
  }

  static func table(_ o: Output) -> String {
    var s = "regviz bench (\(o.build) build, medians; one core per lane)\nsimd runs \(o.simd_target)\n\n"
    if let d = o.data {
      s += String(format: "CSV load (%d rows × %d features, %.1f MB): %.3f s, %.0f MB/s; peak memory +%.1f MB for %.1f MB of floats\n\n",
                  d.rows, d.features, d.megabytes, d.seconds_median, d.megabytes_per_s, d.peak_rss_growth_mb, d.float_data_mb)
    }
    if !o.fma_peak_gflops.isEmpty {
      s += "Peak (FMA microbenchmark, 12 chains, thread CPU time): "
        + o.fma_peak_gflops.sorted { $0.key < $1.key }.map { $0.key + String(format: " %.1f GFLOP/s", $0.value) }
          .joined(separator: ", ") + "\n\n"
    }
    if !o.kernels.isEmpty {
      s += "Training step (forward + backward + update), one thread:\n"
      s += "  net             batch  impl    samples/s      GFLOP/s  of peak   ×scalar  ×avx2 (in-run)\n"
      for k in o.kernels {
        let scalar = o.kernels.first { $0.net == k.net && $0.batch == k.batch && $0.impl == "scalar" }?.samples_per_s
        let ratio = k.impl != "scalar" && scalar != nil ? String(format: "%7.1f×", k.samples_per_s / scalar!) : "        "
        let vsAVX2 = k.impl != "scalar" && k.impl != "avx2" ? k.vs_avx2.map { String(format: "  %5.2f×", $0) } ?? "" : ""
        s += "  " + pad(k.net, 15) + String(format: " %5d  ", k.batch) + pad(k.impl, 6)
          + String(format: " %12.0f  %9.2f  ", k.samples_per_s, k.gflops)
          + (k.of_peak.map { String(format: "%6.0f%%  ", 100 * $0) } ?? "         ") + ratio + vsAVX2 + "\n"
      }
      s += "\n"
    }
    if !o.kernel_parts.isEmpty {
      s += "Kernels apart (all layers; input gradient without the first; thread CPU time), GFLOP/s and share of the path's peak:\n"
      for p in o.kernel_parts {
        s += "  " + pad(p.net, 15) + String(format: " %5d  ", p.batch) + pad(p.impl, 6) + " " + pad(p.kernel, 16)
          + String(format: " %8.2f  %5.0f%%\n", p.gflops, 100 * p.of_peak)
      }
      s += "\n"
    }
    if !o.long_trained.isEmpty {
      s += "After 20 000 training steps (denormal check):\n"
      for k in o.long_trained {
        s += "  " + pad(k.net, 15) + String(format: " %5d  ", k.batch) + pad(k.impl, 6) + String(format: " %12.0f  %9.2f\n", k.samples_per_s, k.gflops)
      }
      s += "\n"
    }
    if !o.lanes.isEmpty {
      s += "Lanes in parallel (headless runner, batch 150), total samples/s:\n"
      for l in o.lanes { s += "  " + pad(l.net, 15) + String(format: " %d lanes %12.0f   %.2f× one lane\n", l.lanes, l.samples_per_s, l.scaling) }
      s += "\n"
    }
    if let overhead = o.runner_overhead {
      s += String(format: "Runner + per-epoch metrics cost with one lane vs the bare loop (20-64-64-3): %.1f%%\n\n", 100 * overhead)
    }
    if !o.snapshot_publish.isEmpty {
      s += "Snapshot build + publish:\n"
      for p in o.snapshot_publish { s += "  " + pad(p.net, 15) + String(format: " %8.1f µs\n", p.microseconds_median) }
      s += "\n"
    }
    if let ui = o.ui {
      s += "Dashboard (4 lanes, 120×40):\n"
      s += String(format: "  frame compose  median %.2f ms, p90 %.2f ms\n", ui.frame_ms_median, ui.frame_ms_p90)
      s += String(format: "  free-play frame (observe, keymap, compose)  median %.2f ms, p90 %.2f ms\n",
                  ui.play_frame_ms_median, ui.play_frame_ms_p90)
      s += String(format: "  training kept with the UI at %.0f fps: %.0f%% of headless\n", ui.frames_per_s, 100 * ui.training_kept_fraction)
      s += String(format: "  first frame %.0f ms, key to screen %.0f ms (median of its presses)\n", ui.first_frame_ms, ui.key_to_screen_ms)
      s += String(format: "  --hidden 4096,4096: first frame %.0f ms, frame median %.2f ms, p90 %.2f ms\n",
                  ui.wide_first_frame_ms, ui.wide_frame_ms_median, ui.wide_frame_ms_p90)
      s += String(format: "  regviz run peak memory: %.1f MB at 20k epochs, %.1f MB at 200k epochs\n",
                  ui.run_peak_mb_20k_epochs, ui.run_peak_mb_200k_epochs)
      if let h = ui.scrub_history {
        s += String(format: "  scrub-back history, %d lanes × %d epochs of 20-16-16-3: %d epochs kept (from %d), %.1f MB\n",
                    h.lanes, h.epochs, h.entries, h.first_epoch_kept, h.megabytes)
      }
      for h in ui.scrub_history_wide ?? [] {
        s += "  scrub-back history, \(h.lanes) lanes × \(h.epochs) epochs of \(h.net): \(h.entries) epochs kept, "
          + String(format: "%.1f MB (budget %.0f MB)\n", h.megabytes, h.budget_megabytes)
      }
      if let j = ui.path_job {
        s += String(format: "  training with the λ path job running: %.0f%% of alone (%.0f vs %.0f epochs/s; ", 100 * j.kept_fraction,
                    j.with_job_epochs_per_s, j.alone_epochs_per_s)
        s += "the job, at nice \(j.job_nice.map(String.init) ?? "–"), finished \(j.job_runs_done) of \(j.job_runs_total) runs meanwhile)\n"
        s += "  the whole λ path beside 4 lanes at 8 epochs/s: "
          + (j.job_seconds_beside_paced_lanes.map { String(format: "%.1f s", $0) } ?? "not done within the time limit") + "\n"
      }
    }
    return s
  }
}

/// Left-aligns `s` in `width` columns (String(format:) has no safe %s for Swift strings on Linux).
func pad(_ s: String, _ width: Int) -> String {
  s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
}

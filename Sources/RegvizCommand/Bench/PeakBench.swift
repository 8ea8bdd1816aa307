import NeuralCore
#if canImport(Glibc)
import Glibc
#endif

/// `regviz bench`'s peak figures: each SIMD path's own FMA microbenchmark, and the dense-layer
/// kernels timed apart (forward, weight gradient, input gradient) to set against it.
///
/// Both are timed in this thread's CPU time, not wall time: they are only ever read as a ratio,
/// and on a shared machine the wall clock also counts the slices other processes run in — with
/// two busy processes per core the same kernel read 48% and 83% of peak in two runs.
extension Benchmarks {
  /// Seconds of CPU time this thread has run.
  static func threadCPUTime() -> Double {
    #if canImport(Glibc)
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    #else
    return now()
    #endif
  }

  /// GFLOP/s of `target`'s FMA probe (12 independent chains) over at least `minSeconds` of CPU time.
  static func peakGFLOPS(_ target: SIMDTarget, minSeconds: Double) -> Double {
    var sink: Float = 0
    var iterations = 0
    let start = threadCPUTime()
    var elapsed = 0.0
    repeat {
      sink += target.fmaProbe(iterations: 50_000)
      iterations += 50_000
      elapsed = threadCPUTime() - start
    } while elapsed < minSeconds
    if sink.isNaN { print("", terminator: "") }  // keeps the sum alive
    return Double(iterations * target.fmaProbeFlopsPerIteration) / elapsed / 1e9
  }

  /// The three kernels of a training step on every layer of `net`, at `batch`.
  enum KernelPart: String, CaseIterable { case forward, weight_gradient, input_gradient }

  /// GFLOP/s of `part` summed over `net`'s layers (the input gradient skips the first layer, as
  /// the step does), each layer's call repeated until `minSeconds` have passed in all.
  static func partGFLOPS(_ part: KernelPart, probes: [KernelProbe], minSeconds: Double) -> Double {
    let used = part == .input_gradient ? Array(probes.dropFirst()) : probes
    let flops = used.reduce(0) { $0 + $1.flops }
    var calls = 0
    let start = threadCPUTime()
    var elapsed = 0.0
    repeat {
      for p in used {
        switch part {
        case .forward: p.forward()
        case .weight_gradient: p.weightGradient()
        case .input_gradient: p.inputGradient()
        }
      }
      calls += 1
      elapsed = threadCPUTime() - start
    } while elapsed < minSeconds
    return Double(calls) * flops / elapsed / 1e9
  }

  static func probes(_ net: NetSpec, impl: Impl, batch: Int) -> [KernelProbe] {
    (0..<(net.sizes.count - 1)).map { KernelProbe(impl: impl, inputs: net.sizes[$0], outputs: net.sizes[$0 + 1], batch: batch) }
  }
}

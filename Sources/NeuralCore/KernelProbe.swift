import NeuralCoreAVX512

extension SIMDTarget {
  /// FLOPs of one `fmaProbe` iteration: 12 chains × the build's vector width × 2.
  public var fmaProbeFlopsPerIteration: Int {
    switch runnable {
    case .avx2: return FMAPeak.flopsPerIteration
    case .avx512: return NeuralCoreAVX512.FMAPeak.flopsPerIteration
    }
  }

  /// Runs this build's FMA microbenchmark (`FMAPeak`) for `iterations`; the result only keeps
  /// the work from being dropped. `regviz bench` times it for the path's peak GFLOP/s.
  public func fmaProbe(iterations: Int) -> Float {
    switch runnable {
    case .avx2: return FMAPeak.run(iterations: iterations, m: 0.999_99, c: 1e-3)
    case .avx512: return NeuralCoreAVX512.FMAPeak.run(iterations: iterations, m: 0.999_99, c: 1e-3)
    }
  }
}

/// One dense layer's kernels on their own, for timing each apart (`regviz bench`): buffers for
/// x: (in, ld), w: (in, out), b: (out), y and dy: (out, ld), dx: (in, ld), dw: (in, out) filled
/// with small values, and the three calls the training step makes through `impl`, over the
/// zero-padded columns as the step runs them (FLOPs count the `batch` real samples only).
public final class KernelProbe {
  public let inputs: Int, outputs: Int, batch: Int
  let impl: Impl
  let ld: Int, columns: Int
  let x, w, b, y, dy, dx, dw, db, scratch: UnsafeMutablePointer<Float>

  public init(impl: Impl, inputs: Int, outputs: Int, batch: Int) {
    self.impl = impl
    self.inputs = inputs
    self.outputs = outputs
    self.batch = batch
    columns = impl.columns(batch)
    ld = columns
    // On cache lines, as the workspace's buffers are (`Workspace.withBase`).
    func buffer(_ n: Int) -> UnsafeMutablePointer<Float> {
      let p = UnsafeMutableRawPointer.allocate(byteCount: n * MemoryLayout<Float>.stride, alignment: 64)
        .bindMemory(to: Float.self, capacity: n)
      var rng = SplitMix64(seed: UInt64(n))
      for i in 0..<n { p[i] = Float(rng.nextUnit()) - 0.5 }
      return p
    }
    x = buffer(inputs * ld); w = buffer(inputs * outputs); b = buffer(outputs)
    y = buffer(outputs * ld); dy = buffer(outputs * ld); dx = buffer(inputs * ld)
    dw = buffer(inputs * outputs); db = buffer(outputs); scratch = buffer(ld * outputs)
  }

  deinit {
    for p in [x, w, b, y, dy, dx, dw, db, scratch] { UnsafeMutableRawPointer(p).deallocate() }
  }

  /// FLOPs of one call of any of the three: 2 · in · out · batch.
  public var flops: Double { 2 * Double(inputs * outputs * batch) }

  /// y = xᵀ·w + b.
  public func forward() {
    impl.forward(x: x, w: w, b: b, y: y, inputs: inputs, outputs: outputs, batch: columns, ld: ld)
  }

  /// dw = X·dYᵀ, db = Σ dY.
  public func weightGradient() {
    impl.weightAndBiasGradient(x: x, dy: dy, dw: dw, db: db, inputs: inputs, outputs: outputs, batch: columns,
                               ld: ld, scratch: scratch)
  }

  /// dx = W·dY.
  public func inputGradient() {
    impl.inputGradient(dy: dy, w: w, dx: dx, inputs: inputs, outputs: outputs, batch: columns, ld: ld)
  }
}

extension Impl {
  /// The compiled SIMD build this runs on this CPU (nil for scalar); `.simd` may still take AVX2
  /// for tiny calls.
  public var path: SIMDTarget? { target }
}

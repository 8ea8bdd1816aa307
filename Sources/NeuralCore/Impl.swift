import NeuralCoreAVX512

/// Which implementation of the compute code a learner runs: the dense-layer kernels, the
/// activations and the softmax loss. All compute the same function; tests hold the SIMD ones
/// to `scalar` on awkward shapes. ("Kernel" alone means a layer's weights, as in Keras's
/// `kernel_regularizer`; this is the code that multiplies them.)
///
/// This file is the one place that chooses between them: every call from the training step
/// goes through the methods below.
public enum Impl: String, Sendable, CaseIterable, Codable {
  /// Plain loops, one multiply-add at a time: the reference.
  case scalar
  /// Unrolled `SIMD16<Float>` loops with several independent accumulators and fused multiply-add.
  /// With `SIMDTarget.current` AVX-512, each call takes the AVX-512 build unless it is tiny
  /// (fewer than 4096 multiply-adds): Iris at batch 16 measured 0.93× on the AVX-512 build, every
  /// larger case 1.05–1.6×. Both builds give the same bits, so mixing them per call is safe.
  case simd
  /// The SIMD code built for AVX2 + FMA, whatever the CPU has beyond it.
  case avx2
  /// The SIMD code built for AVX-512 with 8 × 32 register blocks; AVX2 where the CPU lacks it.
  case avx512

  /// The SIMD build this runs, nil for scalar.
  @inline(__always)
  var target: SIMDTarget? {
    switch self {
    case .scalar: return nil
    case .simd: return SIMDTarget.current.target
    case .avx2: return .avx2
    case .avx512: return SIMDTarget.avx512.runnable
    }
  }

  /// The build for one kernel call of `work` multiply-adds (inputs × outputs × batch).
  @inline(__always)
  func target(work: Int) -> SIMDTarget? {
    let t = target
    return self == .simd && t == .avx512 && work < 4096 ? .avx2 : t
  }

  /// The build for one weight gradient: as `target(work:)`, and AVX2 for narrow layers (fewer
  /// than 32 outputs: blocked dot products) at one vector of batch, where the AVX2 build's
  /// horizontal sums ran 20–30% faster (256 × 10, 64 × 3, 10 × 10 at batch 16; at batch 150
  /// AVX-512 was 5–15% faster).
  @inline(__always)
  func weightGradientTarget(outputs: Int, batch: Int, work: Int) -> SIMDTarget? {
    self == .simd && outputs < 32 && batch <= 16 ? (target == nil ? nil : .avx2) : target(work: work)
  }

  /// Columns the kernels process for `count` samples: the SIMD code runs whole vectors over the
  /// zero-padded batch, 16-column strips and at most one 8-column strip (150 samples: 152
  /// columns, not 160 — 5% of the 784 net's work was padding).
  @inline(__always)
  func columns(_ count: Int) -> Int { self != .scalar ? (count + 7) & ~7 : count }

  /// y = xᵀ·w + b.  x: (in, ld), w: (in, out), b: (out), y: (out, ld)
  @inline(__always)
  func forward(x: UnsafePointer<Float>, w: UnsafePointer<Float>, b: UnsafePointer<Float>,
               y: UnsafeMutablePointer<Float>, inputs: Int, outputs: Int, batch: Int, ld: Int) {
    switch target(work: inputs * outputs * batch) {
    case nil: ScalarKernel.forward(x: x, w: w, b: b, y: y, inputs: inputs, outputs: outputs, batch: batch, ld: ld)
    case .avx2?: SIMDKernel.forward(x: x, w: w, b: b, y: y, inputs: inputs, outputs: outputs, batch: batch, ld: ld)
    case .avx512?:
      NeuralCoreAVX512.SIMDKernel.forward(x: x, w: w, b: b, y: y, inputs: inputs, outputs: outputs, batch: batch, ld: ld)
    }
  }

  /// dw = X·dYᵀ and db = Σ dY.  x: (in, ld), dy: (out, ld), dw: (in, out), db: (out);
  /// `scratch` (ld × out floats) is the SIMD code's transpose buffer.
  @inline(__always)
  func weightAndBiasGradient(x: UnsafePointer<Float>, dy: UnsafePointer<Float>, dw: UnsafeMutablePointer<Float>,
                             db: UnsafeMutablePointer<Float>, inputs: Int, outputs: Int, batch: Int, ld: Int,
                             scratch: UnsafeMutablePointer<Float>) {
    switch weightGradientTarget(outputs: outputs, batch: batch, work: inputs * outputs * batch) {
    case nil:
      ScalarKernel.weightGradient(x: x, dy: dy, dw: dw, inputs: inputs, outputs: outputs, batch: batch, ld: ld)
      ScalarKernel.biasGradient(dy: dy, db: db, outputs: outputs, batch: batch, ld: ld)
    case .avx2?:
      SIMDKernel.weightGradient(x: x, dy: dy, dw: dw, inputs: inputs, outputs: outputs, batch: batch, ld: ld,
                                scratch: scratch)
      SIMDKernel.biasGradient(dy: dy, db: db, outputs: outputs, batch: batch, ld: ld)
    case .avx512?:
      NeuralCoreAVX512.SIMDKernel.weightGradient(x: x, dy: dy, dw: dw, inputs: inputs, outputs: outputs, batch: batch,
                                                 ld: ld, scratch: scratch)
      NeuralCoreAVX512.SIMDKernel.biasGradient(dy: dy, db: db, outputs: outputs, batch: batch, ld: ld)
    }
  }

  /// dx = W·dY.  dy: (out, ld), w: (in, out), dx: (in, ld)
  @inline(__always)
  func inputGradient(dy: UnsafePointer<Float>, w: UnsafePointer<Float>, dx: UnsafeMutablePointer<Float>,
                     inputs: Int, outputs: Int, batch: Int, ld: Int) {
    switch target(work: inputs * outputs * batch) {
    case nil: ScalarKernel.inputGradient(dy: dy, w: w, dx: dx, inputs: inputs, outputs: outputs, batch: batch, ld: ld)
    case .avx2?: SIMDKernel.inputGradient(dy: dy, w: w, dx: dx, inputs: inputs, outputs: outputs, batch: batch, ld: ld)
    case .avx512?:
      NeuralCoreAVX512.SIMDKernel.inputGradient(dy: dy, w: w, dx: dx, inputs: inputs, outputs: outputs, batch: batch, ld: ld)
    }
  }

  /// Whether element-wise passes (activations, softmax) take whole `SIMD16` vectors first.
  @inline(__always)
  var vectorized: Bool { self != .scalar }
}

/// The reference dense-layer kernels: plain loops, written to be obviously right.
///
/// Layout (shared with `SIMDKernel`): activations are feature-major, one contiguous row of
/// `ld` floats per feature, so `x[i * ld + b]` is feature i of sample b, with `batch ≤ ld`.
/// Kernels are Keras's `(in, out)` row-major: `w[i * out + o]`.
public enum ScalarKernel {
  /// Forward: y = xᵀ·w + b, per sample.  x: (in, ld), w: (in, out), b: (out), y: (out, ld)
  public static func forward(
    x: UnsafePointer<Float>, w: UnsafePointer<Float>, b: UnsafePointer<Float>,
    y: UnsafeMutablePointer<Float>, inputs: Int, outputs: Int, batch: Int, ld: Int
  ) {
    for o in 0..<outputs {
      for s in 0..<batch {
        var sum = b[o]
        for i in 0..<inputs { sum += x[i * ld + s] * w[i * outputs + o] }
        y[o * ld + s] = sum
      }
    }
  }

  /// Weight gradient: dW = X·dYᵀ, dw[i,o] = Σ_b x[i,b]·dy[o,b].
  /// x: (in, ld), dy: (out, ld), dw: (in, out)
  public static func weightGradient(
    x: UnsafePointer<Float>, dy: UnsafePointer<Float>, dw: UnsafeMutablePointer<Float>,
    inputs: Int, outputs: Int, batch: Int, ld: Int
  ) {
    for i in 0..<inputs {
      for o in 0..<outputs {
        var sum: Float = 0
        for s in 0..<batch { sum += x[i * ld + s] * dy[o * ld + s] }
        dw[i * outputs + o] = sum
      }
    }
  }

  /// Bias gradient: db[o] = Σ_b dy[o,b].  dy: (out, ld), db: (out)
  public static func biasGradient(
    dy: UnsafePointer<Float>, db: UnsafeMutablePointer<Float>, outputs: Int, batch: Int, ld: Int
  ) {
    for o in 0..<outputs {
      var sum: Float = 0
      for s in 0..<batch { sum += dy[o * ld + s] }
      db[o] = sum
    }
  }

  /// Input gradient: dX = W·dY, dx[i,b] = Σ_o w[i,o]·dy[o,b].
  /// dy: (out, ld), w: (in, out), dx: (in, ld)
  public static func inputGradient(
    dy: UnsafePointer<Float>, w: UnsafePointer<Float>, dx: UnsafeMutablePointer<Float>,
    inputs: Int, outputs: Int, batch: Int, ld: Int
  ) {
    for i in 0..<inputs {
      for s in 0..<batch {
        var sum: Float = 0
        for o in 0..<outputs { sum += w[i * outputs + o] * dy[o * ld + s] }
        dx[i * ld + s] = sum
      }
    }
  }
}

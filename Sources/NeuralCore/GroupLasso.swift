/// The group lasso's update, one kernel row at a time. A row is every weight leaving one input
/// (or one unit of the layer below): `kernel[i·units ..< (i+1)·units]` in the (inputs, units)
/// layout. The penalty is λ·Σᵢ‖row i‖₂ (`Regularizer.lambdaGroup`); how it enters the update
/// follows the lane's L1 rule (DECISIONS.md, "The group term's update rules"):
///   subgradient   g[row] += λ·row/‖row‖, 0 at a zero row — the gradient Keras's autodiff takes
///                 of the export's `GroupLasso` (its norm is guarded so a zero row gives 0)
///   prox, clip    after the optimizer step, the block soft-threshold
///                 row ← row·max(0, 1 − τ/‖row‖): a row whose norm is ≤ τ lands on exactly 0
/// τ is the step the optimizer takes: η·λ for SGD (with or without momentum); for Adam α·λ over
/// the row's mean √v + ε (the exact prox in Adam's diagonal metric has no closed form for a
/// norm that couples the row; its mean step is the closest scalar). Rows are short (a layer's
/// units), so this is plain Swift: no SIMD kernel, nothing to keep beside one.
public enum GroupLasso {
  /// ‖p[0..<n]‖₂, summed in Double.
  @inline(__always)
  static func norm(_ p: UnsafePointer<Float>, _ n: Int) -> Double {
    var q = 0.0
    for k in 0..<n { let d = Double(p[k]); q += d * d }
    return q.squareRoot()
  }

  /// The block soft-threshold of one row, by its definition: `row·max(0, 1 − tau/‖row‖)`, a
  /// zero row staying zero. The reference the in-place kernel and the tests use.
  public static func blockSoftThreshold(_ row: [Float], tau: Float) -> [Float] {
    let n = row.withUnsafeBufferPointer { norm($0.baseAddress!, row.count) }
    guard n > Double(tau) else { return row.map { _ in 0 } }
    let scale = Float(1 - Double(tau) / n)
    return row.map { $0 * scale }
  }

  /// The group term's (sub)gradient at one row: λ·row/‖row‖, 0 at a zero row.
  public static func gradient(_ row: [Float], lambda: Float) -> [Float] {
    let n = row.withUnsafeBufferPointer { norm($0.baseAddress!, row.count) }
    guard n > 0 else { return row.map { _ in 0 } }
    let scale = Float(Double(lambda) / n)
    return row.map { $0 * scale }
  }

  /// Subgradient rule: adds λ·row/‖row‖ to each row's gradient, at the weights the data gradient
  /// saw. `weights`, `grads`: (rows, units).
  static func addGradient(weights: UnsafePointer<Float>, grads: UnsafeMutablePointer<Float>,
                          rows: Int, units: Int, lambda: Float) {
    for i in 0..<rows {
      let w = weights + i * units, g = grads + i * units
      let n = norm(w, units)
      guard n > 0 else { continue }
      let scale = Float(Double(lambda) / n)
      for k in 0..<units { g[k] += w[k] * scale }
    }
  }

  /// Prox and clip rules: the block soft-threshold of every row, in place, after the step.
  /// `second` (Adam's v, the step's, for the rows' τ) or nil for SGD's τ = `tau`.
  static func threshold(weights: UnsafeMutablePointer<Float>, rows: Int, units: Int, tau: Float,
                        second: UnsafePointer<Float>? = nil, epsilon: Float = 0) {
    for i in 0..<rows {
      let w = weights + i * units
      var t = Double(tau)
      if let second {
        // α·λ / mean(√v + ε) over the row: Adam's mean step size for this row.
        var d = 0.0
        for k in 0..<units { d += Double(second[i * units + k].squareRoot() + epsilon) }
        t /= d / Double(units)
      }
      let n = norm(w, units)
      if n <= t {
        for k in 0..<units { w[k] = 0 }
      } else {
        let scale = Float(1 - t / n)
        for k in 0..<units { w[k] *= scale }
      }
    }
  }
}

/// Softmax + categorical cross-entropy on logits, the output of every network here.
///
/// dataLoss = mean over the batch of −log softmax(z)[label], computed stably as
/// −(z_label − max z − log Σ exp(z − max z)). Its gradient with respect to the logits is
/// (softmax(z) − onehot(label)) / batchCount — what Keras's softmax output layer with
/// `categorical_crossentropy` also differentiates.
enum SoftmaxCrossEntropy {
  /// Writes dLoss/dz into `delta` (classes, ld) for samples < count and returns the summed
  /// loss and the number of correct argmax predictions. z: (classes, ld), labels: (ld).
  /// Vectorized, it also writes 0 to the columns from `count` to the end of its last vector.
  static func lossAndGradient(
    logits z: UnsafePointer<Float>, labels: UnsafePointer<Float>, delta: UnsafeMutablePointer<Float>,
    classes: Int, count: Int, ld: Int, vectorized: Bool
  ) -> (lossSum: Double, correct: Int) {
    let scale = 1 / Float(count)
    var lossSum = 0.0
    var correct = 0
    var s = 0
    if vectorized {
      // Labels and class indices as float vectors, compared vector to vector: the scalar-operand
      // and integer-mask forms of `.==`/`replacing` compile to per-lane loops here.
      // The last vector may run past `count` into the padding columns (ld is a whole number of
      // vectors): its lanes past `count` are computed on whatever the logits hold there, then
      // dropped — delta 0, no loss, not counted — instead of taking libm's exp per sample
      // (at Iris batch 150 the 6-sample tail cost as much as the 9 vectors before it).
      let ones = Vec(repeating: 1), scales = Vec(repeating: scale)
      let lane = Vec(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
      var correctLanes = Vec()
      while s < count && s + 16 <= ld {
        // 1 in the lanes before `count`, 0 after (kept as floats: mask logic `.&`, `.!` is per lane).
        let remaining = Vec(repeating: Float(count - s))
        let valid = Vec().replacing(with: ones, where: lane .< remaining)
        let label = SIMDKernel.load(labels + s)
        var maxZ = SIMDKernel.load(z + s)
        var best = Vec()
        for c in 1..<classes {
          let v = SIMDKernel.load(z + c * ld + s)
          let larger = v .> maxZ
          best = best.replacing(with: Vec(repeating: Float(c)), where: larger)
          maxZ = maxZ.replacing(with: v, where: larger)
        }
        var sum = Vec()
        var zLabel = Vec()
        for c in 0..<classes {
          let v = SIMDKernel.load(z + c * ld + s)
          let e = vexp(v - maxZ)
          SIMDKernel.store(e, delta + c * ld + s)
          sum += e
          zLabel = zLabel.replacing(with: v, where: label .== Vec(repeating: Float(c)))
        }
        let inverse = ones / sum
        let padding = lane .>= remaining
        for c in 0..<classes {
          let p = SIMDKernel.load(delta + c * ld + s) * inverse
          let target = Vec().replacing(with: ones, where: label .== Vec(repeating: Float(c)))
          SIMDKernel.store(((p - target) * scales).replacing(with: Vec(), where: padding), delta + c * ld + s)
        }
        lossSum += Double((maxZ + vlog(sum) - zLabel).replacing(with: Vec(), where: padding).sum())
        correctLanes += Vec().replacing(with: valid, where: best .== label)
        s += 16
      }
      correct += Int(correctLanes.sum())
      s = min(s, count)
    }
    while s < count {
      var maxZ = z[s]
      var best = 0
      for c in 1..<classes where z[c * ld + s] > maxZ { maxZ = z[c * ld + s]; best = c }
      var sum: Float = 0
      for c in 0..<classes { sum += _expf(z[c * ld + s] - maxZ) }
      let label = Int(labels[s])
      for c in 0..<classes {
        let p = _expf(z[c * ld + s] - maxZ) / sum
        delta[c * ld + s] = (p - (c == label ? 1 : 0)) * scale
      }
      lossSum += Double(maxZ + _logf(sum) - z[label * ld + s])
      if best == label { correct += 1 }
      s += 1
    }
    return (lossSum, correct)
  }
}

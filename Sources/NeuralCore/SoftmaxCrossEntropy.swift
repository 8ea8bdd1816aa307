/// Softmax + categorical cross-entropy on logits, the output of every network here.
///
/// dataLoss = mean over the batch of −log softmax(z)[label], computed stably as
/// −(z_label − max z − log Σ exp(z − max z)). Its gradient with respect to the logits is
/// (softmax(z) − onehot(label)) / batchCount — what Keras's softmax output layer with
/// `categorical_crossentropy` also differentiates.
enum SoftmaxCrossEntropy {
  /// Writes dLoss/dz into `delta` (classes, ld) for samples < count and returns the summed
  /// loss and the number of correct argmax predictions. z: (classes, ld), labels: (count).
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
      let ones = Vec(repeating: 1), scales = Vec(repeating: scale)
      var correctLanes = Vec()
      while s + 16 <= count {
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
        for c in 0..<classes {
          let p = SIMDKernel.load(delta + c * ld + s) * inverse
          let target = Vec().replacing(with: ones, where: label .== Vec(repeating: Float(c)))
          SIMDKernel.store((p - target) * scales, delta + c * ld + s)
        }
        lossSum += Double((maxZ + vlog(sum) - zLabel).sum())
        correctLanes += Vec().replacing(with: ones, where: best .== label)
        s += 16
      }
      correct += Int(correctLanes.sum())
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

import Testing
@testable import NeuralCore

/// The SIMD kernels against the scalar reference on awkward shapes: every size 1…67 in one
/// dimension with the others at odd sizes, batch 1 and odd batches, ld larger than the batch.
@Suite struct KernelTests {
  struct Shape: CustomStringConvertible {
    var inputs: Int, outputs: Int, batch: Int, ld: Int
    var description: String { "\(inputs)→\(outputs) batch \(batch) ld \(ld)" }
  }

  static var shapes: [Shape] {
    var s: [Shape] = []
    for n in 1...67 {
      s.append(Shape(inputs: n, outputs: 7, batch: 17, ld: 32))
      s.append(Shape(inputs: 9, outputs: n, batch: 33, ld: 48))
      s.append(Shape(inputs: 5, outputs: 3, batch: n, ld: (n + 15) & ~15 + 16))
    }
    s.append(Shape(inputs: 33, outputs: 40, batch: 1, ld: 16))
    // Narrow weight gradients at batch 1, 16 and 32, 15–17 outputs.
    s.append(Shape(inputs: 13, outputs: 16, batch: 32, ld: 32))
    s.append(Shape(inputs: 6, outputs: 15, batch: 16, ld: 16))
    s.append(Shape(inputs: 3, outputs: 1, batch: 1, ld: 16))
    s.append(Shape(inputs: 10, outputs: 17, batch: 16, ld: 16))
    s.append(Shape(inputs: 17, outputs: 64, batch: 150, ld: 160))
    // Depths beyond one 128-deep tile (forward: inputs; dW: batch; dX: outputs).
    s.append(Shape(inputs: 300, outputs: 37, batch: 150, ld: 160))
    s.append(Shape(inputs: 6, outputs: 259, batch: 129, ld: 144))
    return s
  }

  func check(_ fast: [Float], _ reference: [Float], _ what: String, _ shape: Shape) {
    for (i, (a, b)) in zip(fast, reference).enumerated() where !isClose(a, b, rel: 1e-5, abs: 1e-5) {
      Issue.record("\(what) \(shape): element \(i) simd \(a) vs scalar \(b)")
      return
    }
  }

  @Test func simdMatchesScalarOnAwkwardShapes() {
    for shape in Self.shapes {
      let (i, o, b, ld) = (shape.inputs, shape.outputs, shape.batch, shape.ld)
      let x = randomFloats(i * ld, seed: 1), w = randomFloats(i * o, seed: 2), bias = randomFloats(o, seed: 3)
      let dy = randomFloats(o * ld, seed: 4)
      var y1 = [Float](repeating: 0, count: o * ld), y2 = y1
      ScalarKernel.forward(x: x, w: w, b: bias, y: &y1, inputs: i, outputs: o, batch: b, ld: ld)
      SIMDKernel.forward(x: x, w: w, b: bias, y: &y2, inputs: i, outputs: o, batch: b, ld: ld)
      check(y2, y1, "forward", shape)

      var dw1 = [Float](repeating: 0, count: i * o), dw2 = dw1
      var scratch = [Float](repeating: 0, count: ld * o)
      ScalarKernel.weightGradient(x: x, dy: dy, dw: &dw1, inputs: i, outputs: o, batch: b, ld: ld)
      SIMDKernel.weightGradient(x: x, dy: dy, dw: &dw2, inputs: i, outputs: o, batch: b, ld: ld, scratch: &scratch)
      check(dw2, dw1, "weightGradient", shape)

      var db1 = [Float](repeating: 0, count: o), db2 = db1
      ScalarKernel.biasGradient(dy: dy, db: &db1, outputs: o, batch: b, ld: ld)
      SIMDKernel.biasGradient(dy: dy, db: &db2, outputs: o, batch: b, ld: ld)
      check(db2, db1, "biasGradient", shape)

      var dx1 = [Float](repeating: 0, count: i * ld), dx2 = dx1
      ScalarKernel.inputGradient(dy: dy, w: w, dx: &dx1, inputs: i, outputs: o, batch: b, ld: ld)
      SIMDKernel.inputGradient(dy: dy, w: w, dx: &dx2, inputs: i, outputs: o, batch: b, ld: ld)
      check(dx2, dx1, "inputGradient", shape)
    }
  }

  /// Rows and columns below, at and past the tile (8 on AVX2, 16 on AVX-512), ld past the columns.
  static let transposeShapes = [1, 7, 8, 9, 15, 16, 17, 31, 33]

  /// `transpose(m, rows, columns, ld)` as its definition: out[s · rows + r] = m[r · ld + s].
  static func checkTranspose(_ transpose: (UnsafePointer<Float>, Int, Int, Int, UnsafeMutablePointer<Float>) -> Void) {
    for rows in transposeShapes {
      for columns in transposeShapes {
        let ld = columns + 5
        let m = (0..<(rows * ld)).map { Float($0) }
        var out = [Float](repeating: -1, count: rows * columns)
        transpose(m, rows, columns, ld, &out)
        let expected = (0..<(rows * columns)).map { k in m[(k % rows) * ld + k / rows] }
        #expect(out == expected, "transpose \(rows) × \(columns), ld \(ld)")
      }
    }
  }

  @Test func transposeIsTheDefinition() {
    Self.checkTranspose { SIMDKernel.transpose($0, rows: $1, columns: $2, ld: $3, into: $4) }
  }

  @Test func scalarForwardIsTheDefinition() {
    // x: (2 features, 2 samples), w: (2, 1): y = x0·w0 + x1·w1 + b
    let x: [Float] = [1, 2, 3, 4], w: [Float] = [0.5, -1], b: [Float] = [0.25]
    var y: [Float] = [0, 0]
    ScalarKernel.forward(x: x, w: w, b: b, y: &y, inputs: 2, outputs: 1, batch: 2, ld: 2)
    let expected: [Float] = [-2.25, -2.75]  // 1·0.5 − 3 + 0.25, 2·0.5 − 4 + 0.25
    #expect(y == expected)
  }

  @Test func vectorFunctionsMatchLibm() {
    var worstExp: Float = 0, worstTanh: Float = 0, worstSigmoid: Float = 0, worstLog: Float = 0
    var x: Float = -20
    while x < 20 {
      let v = Vec((0..<16).map { x + Float($0) * 0.0013 })
      let e = vexp(v), t = vtanh(v), s = vsigmoid(v), l = vlog(e)
      for k in 0..<16 {
        let r = v[k]
        worstExp = max(worstExp, abs(e[k] - _expf(r)) / _expf(r))
        worstTanh = max(worstTanh, abs(t[k] - _tanhf(r)) / max(abs(_tanhf(r)), 1e-30))
        worstSigmoid = max(worstSigmoid, abs(s[k] - 1 / (1 + _expf(-r))))
        // log(exp r) should give r back: the two round trips stay within a few ulps of |r|.
        worstLog = max(worstLog, abs(l[k] - r) / max(abs(r), 1))
      }
      x += 0.0213
    }
    #expect(worstExp < 3e-7)
    #expect(worstTanh < 5e-7)
    #expect(worstSigmoid < 3e-7)
    #expect(worstLog < 1e-6)
  }

  @Test func wholeStepSIMDMatchesScalar() {
    let data = tinyData(samples: 37, features: 7, classes: 3)
    for activation in Activation.allCases {
      let net = Network(inputs: 7, hidden: [9, 5], classes: 3, activation: activation, seed: 11)
      var fast = Learner(network: net, optimizer: .sgd(learningRate: 0.1), impl: .simd, maxBatch: 37)
      var slow = Learner(network: net, optimizer: .sgd(learningRate: 0.1), impl: .scalar, maxBatch: 37)
      for epoch in 0..<5 {
        let order = epochOrder(count: 37, seed: 1, epoch: epoch)
        _ = fast.trainEpoch(data: data, order: order, batchSize: 10)
        _ = slow.trainEpoch(data: data, order: order, batchSize: 10)
      }
      for (a, b) in zip(fast.network.layers, slow.network.layers) {
        #expect(maxAbsDifference(a.kernel, b.kernel) < 1e-5, "\(activation)")
        #expect(maxAbsDifference(a.bias, b.bias) < 1e-5, "\(activation)")
      }
    }
  }
}

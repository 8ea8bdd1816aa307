import Testing
@testable import NeuralCore
@testable import NeuralCoreAVX512

/// The AVX-512 build of the kernels (the same source, 8 × 32 blocks) against the scalar
/// reference, and against the AVX2 build, bit for bit: the wide blocks keep one accumulator
/// chain per element in depth order, exactly as the AVX2 build's 6 × 16 and 4 × 16 blocks do.
@Suite(.enabled(if: SIMDTarget.hasAVX512, "this CPU lacks AVX-512 (no avx512f in /proc/cpuinfo): the AVX-512 build is not run here"))
struct AVX512KernelTests {
  typealias Wide = NeuralCoreAVX512.SIMDKernel
  typealias Narrow = NeuralCore.SIMDKernel

  /// KernelTests' awkward shapes plus wide ones that take the 8 × 32 blocks with leftovers.
  static var shapes: [KernelTests.Shape] {
    KernelTests.shapes + [
      KernelTests.Shape(inputs: 784, outputs: 256, batch: 150, ld: 160),
      KernelTests.Shape(inputs: 256, outputs: 10, batch: 150, ld: 160),
      KernelTests.Shape(inputs: 37, outputs: 45, batch: 97, ld: 112),
      KernelTests.Shape(inputs: 130, outputs: 67, batch: 64, ld: 64),
      // Rows past AVX2's 12-row pairs of 6 × 16 blocks: 26 = 24 + 2 single rows, 14 = 12 + 2.
      KernelTests.Shape(inputs: 26, outputs: 14, batch: 40, ld: 48),
    ]
  }

  @Test func wideBuildMatchesScalarAndAVX2() {
    for shape in Self.shapes {
      let (i, o, b, ld) = (shape.inputs, shape.outputs, shape.batch, shape.ld)
      let x = randomFloats(i * ld, seed: 1), w = randomFloats(i * o, seed: 2), bias = randomFloats(o, seed: 3)
      let dy = randomFloats(o * ld, seed: 4)
      var y0 = [Float](repeating: 0, count: o * ld), y1 = y0, y2 = y0
      ScalarKernel.forward(x: x, w: w, b: bias, y: &y0, inputs: i, outputs: o, batch: b, ld: ld)
      Narrow.forward(x: x, w: w, b: bias, y: &y1, inputs: i, outputs: o, batch: b, ld: ld)
      Wide.forward(x: x, w: w, b: bias, y: &y2, inputs: i, outputs: o, batch: b, ld: ld)
      KernelTests().check(y2, y0, "forward", shape)
      #expect(y2 == y1, "forward \(shape)")

      var dw0 = [Float](repeating: 0, count: i * o), dw1 = dw0, dw2 = dw0
      var scratch = [Float](repeating: 0, count: ld * o)
      ScalarKernel.weightGradient(x: x, dy: dy, dw: &dw0, inputs: i, outputs: o, batch: b, ld: ld)
      Narrow.weightGradient(x: x, dy: dy, dw: &dw1, inputs: i, outputs: o, batch: b, ld: ld, scratch: &scratch)
      Wide.weightGradient(x: x, dy: dy, dw: &dw2, inputs: i, outputs: o, batch: b, ld: ld, scratch: &scratch)
      KernelTests().check(dw2, dw0, "weightGradient", shape)
      #expect(dw2 == dw1, "weightGradient \(shape)")

      var db1 = [Float](repeating: 0, count: o), db2 = db1
      Narrow.biasGradient(dy: dy, db: &db1, outputs: o, batch: b, ld: ld)
      Wide.biasGradient(dy: dy, db: &db2, outputs: o, batch: b, ld: ld)
      #expect(db2 == db1, "biasGradient \(shape)")

      var dx0 = [Float](repeating: 0, count: i * ld), dx1 = dx0, dx2 = dx0
      ScalarKernel.inputGradient(dy: dy, w: w, dx: &dx0, inputs: i, outputs: o, batch: b, ld: ld)
      Narrow.inputGradient(dy: dy, w: w, dx: &dx1, inputs: i, outputs: o, batch: b, ld: ld)
      Wide.inputGradient(dy: dy, w: w, dx: &dx2, inputs: i, outputs: o, batch: b, ld: ld)
      KernelTests().check(dx2, dx0, "inputGradient", shape)
      #expect(dx2 == dx1, "inputGradient \(shape)")
    }
  }

  @Test func transposeIsTheDefinition() {
    KernelTests.checkTranspose { Wide.transpose($0, rows: $1, columns: $2, ld: $3, into: $4) }
  }

  @Test func wholeStepIsTheSameOnBothBuilds() {
    let data = tinyData(samples: 150, features: 20, classes: 3)
    let net = Network(inputs: 20, hidden: [64, 40], classes: 3, activation: .relu, seed: 5)
    var wide = Learner(network: net, optimizer: .sgd(learningRate: 0.05), impl: .avx512, maxBatch: 50)
    var narrow = Learner(network: net, optimizer: .sgd(learningRate: 0.05), impl: .avx2, maxBatch: 50)
    for epoch in 0..<5 {
      let order = epochOrder(count: 150, seed: 1, epoch: epoch)
      _ = wide.trainEpoch(data: data, order: order, batchSize: 50)
      _ = narrow.trainEpoch(data: data, order: order, batchSize: 50)
    }
    for (a, b) in zip(wide.network.layers, narrow.network.layers) {
      #expect(a.kernel == b.kernel && a.bias == b.bias)
    }
  }
}

/// Where the CPU has no AVX-512, asking for it must run AVX2, never an illegal instruction.
@Suite struct SIMDTargetTests {
  @Test func avx512FallsBackWhereTheCPULacksIt() {
    #expect(Impl.avx512.target == (SIMDTarget.hasAVX512 ? .avx512 : .avx2))
    #expect(Impl.avx2.target == .avx2 && Impl.scalar.target == nil)
    #expect(Impl.simd.target == SIMDTarget.current.target)
  }

  /// `simd` takes AVX2 for narrow weight gradients at one vector of batch, whatever the CPU;
  /// a forced build stays forced, wide layers follow the path.
  @Test func narrowSmallBatchWeightGradientsTakeAVX2() {
    #expect(Impl.simd.weightGradientTarget(outputs: 10, batch: 16, work: 256 * 10 * 16) == .avx2)
    #expect(Impl.simd.weightGradientTarget(outputs: 64, batch: 16, work: 256 * 64 * 16) == Impl.simd.target)
    #expect(Impl.simd.weightGradientTarget(outputs: 10, batch: 160, work: 256 * 10 * 160) == Impl.simd.target)
    #expect(Impl.avx512.weightGradientTarget(outputs: 10, batch: 16, work: 256 * 10 * 16) == Impl.avx512.target)
    #expect(Impl.scalar.weightGradientTarget(outputs: 10, batch: 16, work: 256 * 10 * 16) == nil)
  }
}

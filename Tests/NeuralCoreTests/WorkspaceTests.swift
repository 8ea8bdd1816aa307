import Testing
@testable import NeuralCore

/// The workspace's buffers start on cache lines wherever its array happens to sit.
@Suite struct WorkspaceTests {
  @Test func basesMoveToTheNextCacheLine() {
    let raw = UnsafeMutableRawPointer.allocate(byteCount: 256, alignment: 64)
    defer { raw.deallocate() }
    for shift in stride(from: 0, to: 64, by: 4) {
      let p = (raw + shift).assumingMemoryBound(to: Float.self)
      let q = Workspace.cacheLineAligned(p)
      #expect(Int(bitPattern: q) % 64 == 0)
      #expect(q - p >= 0 && q - p <= Workspace.alignmentSlack, "shift \(shift)")
    }
  }

  @Test func everyBufferStartsOnACacheLine() {
    let net = Network(inputs: 7, hidden: [9, 5], classes: 3, activation: .relu, seed: 1)
    var ws = Workspace(network: net, maxBatch: 37)
    ws.allocate()
    let layout = ws.layout
    let offsets = layout.activationOffsets + layout.deltaOffsets + layout.kernelGradientOffsets
      + layout.biasGradientOffsets + [layout.scratchOffset]
    #expect(ws.storage.count == layout.total + Workspace.alignmentSlack)
    let start = ws.storage.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress!) }
    Workspace.withBase(&ws.storage) { base in
      for o in offsets { #expect(Int(bitPattern: base + o) % 64 == 0, "offset \(o)") }
      // Within the slack, so the last buffer still ends inside the array.
      #expect((0...(4 * Workspace.alignmentSlack)).contains(Int(bitPattern: base) - start))
    }
  }

  /// A copied learner's array may sit at another alignment: the fork must still train exactly
  /// as the original does.
  @Test func aForkedLearnerTrainsAsTheOriginal() {
    let data = tinyData(samples: 40, features: 6, classes: 3)
    let net = Network(inputs: 6, hidden: [20], classes: 3, activation: .relu, seed: 2)
    var original = Learner(network: net, optimizer: .sgd(learningRate: 0.1), maxBatch: 20)
    _ = original.trainEpoch(data: data, order: Array(0..<40), batchSize: 20)
    var fork = original
    for epoch in 1..<4 {
      let order = epochOrder(count: 40, seed: 5, epoch: epoch)
      _ = original.trainEpoch(data: data, order: order, batchSize: 20)
      _ = fork.trainEpoch(data: data, order: order, batchSize: 20)
    }
    for (a, b) in zip(original.network.layers, fork.network.layers) {
      #expect(a.kernel == b.kernel && a.bias == b.bias)
    }
  }
}

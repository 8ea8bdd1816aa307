import Testing
@testable import NeuralCore

/// The batch transpose that feeds every step: x[i, b] = features[index b, feature i], zero past
/// the batch up to the columns the kernels run (whole 8-float vectors) — checked value by value
/// against that definition.
@Suite struct LoadBatchTests {
  @Test(arguments: [1, 15, 16, 17, 37, 150])
  func batchIsTheTransposeOfItsRows(count: Int) {
    let data = tinyData(samples: 200, features: 23, classes: 3)
    var learner = Learner(network: Network(inputs: 23, hidden: [5], classes: 3, activation: .relu, seed: 1),
                          optimizer: .sgd(learningRate: 0.1), impl: .simd, maxBatch: 150)
    var rng = SplitMix64(seed: UInt64(count))
    let indices = (0..<count).map { _ in Int(rng.next() % 200) }
    // A slice that does not start at 0, as an epoch's batches are.
    let padded = [7, 8] + indices
    learner.loadBatch(data: data, indices: padded[2...])
    let ld = learner.workspace.ld, offset = learner.workspace.layout.activationOffsets[0]
    let x = Workspace.withBase(&learner.workspace.storage) { Array(UnsafeBufferPointer(start: $0 + offset, count: 23 * ld)) }
    let columns = learner.columns(count)
    for i in 0..<23 {
      for b in 0..<columns {
        let want = b < count ? data.features[indices[b] * 23 + i] : 0
        #expect(x[i * ld + b] == want, "feature \(i), sample \(b)")
      }
    }
    #expect(Array(learner.workspace.labels[0..<count]) == indices.map { Float(data.labels[$0]) })
  }
}

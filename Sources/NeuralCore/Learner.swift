/// One network learning under one regularization setup: the network, its optimizer state and
/// its workspace. `step` is the whole training step — forward, loss, backward, update — and
/// allocates nothing. A value type: copying a learner forks an identical, independent run.
public struct Learner: Sendable {
  public var network: Network
  /// Each Dense layer's kernel regularizer (Keras `kernel_regularizer`), output layer last;
  /// missing entries mean none. May be changed between steps (λ live).
  public var regularizers: [Regularizer]
  /// Each Dense layer's decoupled weight decay on its kernel (Keras's optimizer `weight_decay`,
  /// AdamW), output layer last; missing entries mean none. Biases are never decayed.
  public var weightDecays: [Float] = []
  /// May be changed between steps (the learning rate live, say); moment buffers are kept.
  public var optimizer: Optimizer
  /// Changing the rule revives every link the clip rule had marked dead.
  public var l1Rule: L1Rule {
    didSet { if l1Rule != oldValue { clearDeadLinks() } }
  }
  /// The compute code: the SIMD kernels, or the scalar reference.
  public let impl: Impl
  /// Number of updates applied so far (Adam's t).
  public private(set) var stepCount = 0
  var workspace: Workspace
  /// Optimizer buffers, per layer: kernel first, kernel second, bias first, bias second.
  /// Allocated with the workspace, on first use.
  var moments: [Float]
  let momentCount: Int
  let momentOffsets: [(kernel1: Int, kernel2: Int, bias1: Int, bias2: Int)]
  /// Per kernel weight, 1 when the clip rule has killed that link (Playground's dead links).
  var deadLinks: [Float]
  let deadOffsets: [Int]
  let deadLinkSlots: Int

  public init(network: Network, regularizers: [Regularizer] = [], optimizer: Optimizer, l1Rule: L1Rule = .prox,
              impl: Impl = .simd, maxBatch: Int) {
    self.network = network
    self.regularizers = regularizers
    self.optimizer = optimizer
    self.l1Rule = l1Rule
    self.impl = impl
    workspace = Workspace(network: network, maxBatch: maxBatch)
    var offset = 0
    var offsets: [(Int, Int, Int, Int)] = []
    for layer in network.layers {
      let k = layer.kernel.count, b = layer.units
      offsets.append((offset, offset + k, offset + 2 * k, offset + 2 * k + b))
      offset += 2 * k + 2 * b
    }
    momentOffsets = offsets
    moments = []
    momentCount = offset
    var deadOffset = 0
    deadOffsets = network.layers.map { layer in defer { deadOffset += layer.kernel.count }; return deadOffset }
    deadLinkSlots = deadOffset
    deadLinks = []
  }

  /// The workspace, moment and dead-link buffers, allocated by the first step or evaluation.
  @inline(__always)
  mutating func allocateBuffers() {
    guard workspace.storage.isEmpty else { return }
    workspace.allocate()
    moments = [Float](repeating: 0, count: momentCount)
    deadLinks = [Float](repeating: 0, count: deadLinkSlots)
  }

  /// The largest batch this learner's workspace holds.
  public var maxBatch: Int { workspace.ld }

  /// One training step on the samples `indices` of `data`: returns the batch's summed data
  /// loss (cross-entropy, no penalty) and its number of correct predictions, measured on the
  /// weights before the update — as Keras's running epoch loss is.
  @discardableResult
  public mutating func step(data: Dataset, indices: ArraySlice<Int>) -> (lossSum: Double, correct: Int) {
    precondition(indices.count <= workspace.ld && !indices.isEmpty, "batch larger than the workspace")
    let count = indices.count
    loadBatch(data: data, indices: indices)
    let result = forwardAndLoss(count: count)
    backward(count: count)
    update()
    return result
  }

  /// Loss (mean cross-entropy) and accuracy of the current weights on `data`, forward only.
  public mutating func evaluate(data: Dataset) -> (dataLoss: Double, accuracy: Double) {
    guard data.count > 0 else { return (.nan, .nan) }
    var lossSum = 0.0, correct = 0
    var start = 0
    while start < data.count {
      let end = min(start + workspace.ld, data.count)
      loadBatch(data: data, indices: ArraySlice(start..<end))
      let r = forwardAndLoss(count: end - start)
      lossSum += r.lossSum
      correct += r.correct
      start = end
    }
    return (lossSum / Double(data.count), Double(correct) / Double(data.count))
  }

  @inline(__always)
  func columns(_ count: Int) -> Int { impl.columns(count) }

  // MARK: - The step, in the order of the algorithm

  /// x ← the batch's features, transposed to (in, ld), zero-padded; labels ← its classes.
  mutating func loadBatch(data: Dataset, indices: ArraySlice<Int>) {
    allocateBuffers()
    let d = data.featureCount, ld = workspace.ld, count = indices.count, cols = columns(count)
    let offset = workspace.layout.activationOffsets[0]
    Workspace.withBase(&workspace.storage) { base in
      data.features.withUnsafeBufferPointer { f in
        let x = base + offset
        // 16 samples at a time, their rows read in step: each feature's 16 values fill one
        // stretch of x (one cache line) instead of 16 writes a row of x apart (784 features: 8%
        // of the step went to the scattered writes).
        withUnsafeTemporaryAllocation(of: UnsafePointer<Float>.self, capacity: 16) { rows in
          var b0 = 0, next = indices.startIndex
          while b0 < count {
            let n = min(16, count - b0)
            for k in 0..<n { rows[k] = f.baseAddress! + indices[next + k] * d }
            // Whole groups of 8 samples × 8 features move as 8 × 8 vector transposes (the
            // scalar gather was 5 % of the 784 net's step); the edges one value at a time.
            let wholeFeatures = d & ~7
            var k0 = 0
            while k0 + 8 <= n {
              var i0 = 0
              while i0 < wholeFeatures {
                SIMDKernel.transposeRows8(rows.baseAddress! + k0, column: i0, into: x + i0 * ld + b0 + k0, ldOut: ld)
                i0 += 8
              }
              k0 += 8
            }
            for i in 0..<d {
              let out = x + i * ld + b0
              for k in (i < wholeFeatures ? k0 : 0)..<n { out[k] = rows[k][i] }
            }
            next += n
            b0 += n
          }
        }
        for i in 0..<d { for b in count..<cols { x[i * ld + b] = 0 } }
      }
    }
    workspace.labels.withUnsafeMutableBufferPointer { labels in
      data.labels.withUnsafeBufferPointer { classes in
        var b = 0
        for n in indices { labels[b] = Float(classes[n]); b += 1 }
      }
    }
  }

  mutating func forwardAndLoss(count: Int) -> (lossSum: Double, correct: Int) {
    let ld = workspace.ld, cols = columns(count), impl = self.impl
    let ws = workspace.layout
    return Workspace.withBase(&workspace.storage) { base in
      // Through the array's buffer: `for layer in layers` would copy each Layer (and retain its arrays).
      network.layers.withUnsafeBufferPointer { layers in
        for l in layers.indices {
          let x = base + ws.activationOffsets[l], y = base + ws.activationOffsets[l + 1]
          let inputs = layers[l].inputs, units = layers[l].units
          layers[l].kernel.withUnsafeBufferPointer { w in
            layers[l].bias.withUnsafeBufferPointer { b in
              impl.forward(x: x, w: w.baseAddress!, b: b.baseAddress!, y: y,
                           inputs: inputs, outputs: units, batch: cols, ld: ld)
            }
          }
          if l < layers.count - 1 {
            layers[l].activation.apply(y, count: units * ld, vectorized: impl.vectorized)
          }
        }
      }
      let last = network.layers.count - 1
      let classes = network.layers[last].units
      let delta = base + ws.deltaOffsets[last]
      let result = workspace.labels.withUnsafeBufferPointer { labels in
        SoftmaxCrossEntropy.lossAndGradient(
          logits: base + ws.activationOffsets[last + 1], labels: labels.baseAddress!, delta: delta,
          classes: classes, count: count, ld: ld, vectorized: impl.vectorized)
      }
      // Padding columns carry no gradient.
      for c in 0..<classes { for s in count..<cols { delta[c * ld + s] = 0 } }
      return result
    }
  }

  /// Back-propagates the logits' delta: per layer dW = X·dYᵀ, db = Σ dY, then dX = W·dY
  /// through the previous layer's activation.
  mutating func backward(count: Int) {
    let ld = workspace.ld, cols = columns(count), impl = self.impl
    let ws = workspace.layout
    Workspace.withBase(&workspace.storage) { base in
      network.layers.withUnsafeBufferPointer { layers in
        for l in stride(from: layers.count - 1, through: 0, by: -1) {
          let inputs = layers[l].inputs, units = layers[l].units
          let x = base + ws.activationOffsets[l], dy = base + ws.deltaOffsets[l]
          let dw = base + ws.kernelGradientOffsets[l], db = base + ws.biasGradientOffsets[l]
          impl.weightAndBiasGradient(x: x, dy: dy, dw: dw, db: db, inputs: inputs, outputs: units,
                                     batch: cols, ld: ld, scratch: base + ws.scratchOffset)
          guard l > 0 else { break }
          let dx = base + ws.deltaOffsets[l - 1]
          layers[l].kernel.withUnsafeBufferPointer { w in
            impl.inputGradient(dy: dy, w: w.baseAddress!, dx: dx, inputs: inputs, outputs: units, batch: cols, ld: ld)
          }
          layers[l - 1].activation.backward(dx, activations: x, count: inputs * ld, vectorized: impl.vectorized)
        }
      }
    }
  }

  /// Applies optimizer + regularization to every kernel and bias (see `UpdateRule`).
  mutating func update() {
    stepCount += 1
    let ws = workspace.layout
    for l in network.layers.indices {
      let o = momentOffsets[l]
      let kernelRule = UpdateRule(optimizer: optimizer, l1Rule: l1Rule, regularizer: regularizer(l),
                                  weightDecay: weightDecays.indices.contains(l) ? weightDecays[l] : 0,
                                  step: stepCount)
      let biasRule = UpdateRule(optimizer: optimizer, l1Rule: l1Rule, regularizer: .none, step: stepCount)
      let units = network.layers[l].units, group = regularizer(l).lambdaGroup
      let rule = l1Rule, optimizer = optimizer
      Workspace.withBase(&workspace.storage) { g in
        moments.withUnsafeMutableBufferPointer { m in
          let mb = m.baseAddress!
          deadLinks.withUnsafeMutableBufferPointer { dead in
            network.layers[l].kernel.withUnsafeMutableBufferPointer { w in
              let rows = w.count / units
              // The group term's subgradient joins the data gradient before the step (in place:
              // nothing reads the gradient after the update).
              if group != 0 && rule == .subgradient {
                GroupLasso.addGradient(weights: w.baseAddress!, grads: g + ws.kernelGradientOffsets[l],
                                       rows: rows, units: units, lambda: group)
              }
              kernelRule.apply(params: w.baseAddress!, grads: g + ws.kernelGradientOffsets[l],
                               first: mb + o.kernel1, second: mb + o.kernel2,
                               dead: dead.baseAddress! + deadOffsets[l], count: w.count)
              // Prox and clip: the block soft-threshold after the step (after L1's soft-threshold:
              // for SGD that composition is the exact prox of λ1‖·‖₁ + λg‖·‖₂, the sparse group lasso).
              if group != 0 && rule != .subgradient {
                switch optimizer {
                case .sgd(let lr, _):
                  GroupLasso.threshold(weights: w.baseAddress!, rows: rows, units: units, tau: lr * group)
                case .adam(_, _, _, let eps):
                  GroupLasso.threshold(weights: w.baseAddress!, rows: rows, units: units, tau: kernelRule.alpha * group,
                                       second: UnsafePointer(mb + o.kernel2), epsilon: eps)
                }
              }
            }
          }
          network.layers[l].bias.withUnsafeMutableBufferPointer { b in
            biasRule.apply(params: b.baseAddress!, grads: g + ws.biasGradientOffsets[l],
                           first: mb + o.bias1, second: mb + o.bias2, count: b.count)
          }
        }
      }
    }
  }
}

extension Learner {
  /// Layer `l`'s kernel regularizer.
  public func regularizer(_ l: Int) -> Regularizer { regularizers.indices.contains(l) ? regularizers[l] : .none }

  /// The penalty term at the current weights.
  public var penalty: Double { network.penalty(regularizers) }

  /// Weights the clip rule has killed (they stay 0 until the learner is rebuilt).
  public var deadLinkCount: Int { deadLinks.reduce(0) { $0 + ($1 > 0 ? 1 : 0) } }

  mutating func clearDeadLinks() {
    for i in deadLinks.indices { deadLinks[i] = 0 }
  }

  /// ∂dataLoss/∂(kernel, bias) of every layer on the samples `indices`, without updating:
  /// what the gradient checks compare with finite differences.
  public mutating func dataGradients(data: Dataset, indices: ArraySlice<Int>) -> [(kernel: [Float], bias: [Float])] {
    loadBatch(data: data, indices: indices)
    _ = forwardAndLoss(count: indices.count)
    backward(count: indices.count)
    let layout = workspace.layout
    let layers = network.layers
    return Workspace.withBase(&workspace.storage) { base in
      layers.indices.map { l in
        let k = base + layout.kernelGradientOffsets[l], b = base + layout.biasGradientOffsets[l]
        return (Array(UnsafeBufferPointer(start: k, count: layers[l].kernel.count)),
                Array(UnsafeBufferPointer(start: b, count: layers[l].units)))
      }
    }
  }

  /// Runs one epoch over `data` in the given sample order, `batchSize` samples a step (the
  /// last step takes what is left). Returns Keras's epoch figures, each a mean over the
  /// epoch's batches weighted by batch size (Keras's `loss` tracker is a `Mean` updated with
  /// `sample_weight = batch size`), measured on the weights each batch was computed with:
  /// `dataLoss` (cross-entropy), `penalty` (the regularizers' term at those weights) and
  /// accuracy. `dataLoss + penalty` is the `loss` Keras's `fit` prints for the epoch.
  public mutating func trainEpoch(data: Dataset, order: [Int], batchSize: Int)
    -> (dataLoss: Double, penalty: Double, accuracy: Double) {
    var lossSum = 0.0, penaltySum = 0.0, correct = 0
    let penalized = regularizers.contains { !$0.isNone }
    var start = 0
    while start < order.count {
      let end = min(start + batchSize, order.count)
      // The penalty at the weights this batch sees, before its update — as Keras adds it.
      if penalized { penaltySum += penalty * Double(end - start) }
      let r = step(data: data, indices: order[start..<end])
      lossSum += r.lossSum
      correct += r.correct
      start = end
    }
    let n = Double(order.count)
    return (lossSum / n, penaltySum / n, Double(correct) / n)
  }
}

/// The sample order of one epoch: a seeded shuffle that every lane of an experiment derives
/// identically from (seed, epoch), so lanes see the same minibatches without sharing state.
public func epochOrder(count: Int, seed: UInt64, epoch: Int, shuffle: Bool = true) -> [Int] {
  var order = Array(0..<count)
  if shuffle {
    var rng = SplitMix64.derive(seed, 0xE90C &+ UInt64(epoch))
    order.seededShuffle(using: &rng)
  }
  return order
}

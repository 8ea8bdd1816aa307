/// Per-epoch series of one lane, bounded in memory however long the run: when `capacity`
/// points are reached, every other point is dropped and the stride doubles, so the series
/// always spans the whole run at a resolution of at least capacity/2 points.
public struct History: Sendable, Hashable {
  public private(set) var epochs: [Int] = []
  public private(set) var dataLoss: [Double] = []
  public private(set) var penalty: [Double] = []
  public private(set) var valLoss: [Double] = []
  public private(set) var accuracy: [Double] = []
  public private(set) var valAccuracy: [Double] = []
  public private(set) var zeroFraction: [Double] = []
  public private(set) var l2Norm: [Double] = []
  /// Only every `stride`-th epoch is kept.
  public private(set) var stride = 1
  public let capacity: Int

  public init(capacity: Int = 512) { self.capacity = max(capacity & ~1, 4) }

  public var count: Int { epochs.count }

  /// Its bytes: at most `capacity` points of eight 8-byte figures (32 KB a lane at 512),
  /// whatever the network's size and however long the run (issue 25's budgets).
  public var bytes: Int {
    ByteSize.of(epochs) + ByteSize.of(dataLoss) + ByteSize.of(penalty) + ByteSize.of(valLoss) + ByteSize.of(accuracy)
      + ByteSize.of(valAccuracy) + ByteSize.of(zeroFraction) + ByteSize.of(l2Norm)
  }

  /// Total loss = data loss + penalty, per point.
  public var loss: [Double] { zip(dataLoss, penalty).map { $0 + $1 } }

  public mutating func append(_ r: EpochRecord) {
    guard r.epoch % stride == 0 else { return }
    epochs.append(r.epoch)
    dataLoss.append(r.dataLoss)
    penalty.append(r.penalty)
    valLoss.append(r.valLoss ?? .nan)
    accuracy.append(r.accuracy)
    valAccuracy.append(r.valAccuracy ?? .nan)
    zeroFraction.append(r.weights == 0 ? 0 : Double(r.zeros) / Double(r.weights))
    l2Norm.append(r.l2Norm)
    if epochs.count >= capacity { compact() }
  }

  private mutating func compact() {
    stride *= 2
    func keep<T>(_ a: [T]) -> [T] { a.indices.filter { epochs[$0] % stride == 0 }.map { a[$0] } }
    dataLoss = keep(dataLoss); penalty = keep(penalty); valLoss = keep(valLoss)
    accuracy = keep(accuracy); valAccuracy = keep(valAccuracy)
    zeroFraction = keep(zeroFraction); l2Norm = keep(l2Norm)
    epochs = keep(epochs)
  }
}

/// The figures of one lane after one epoch: what `regviz run` reports and the charts plot.
public struct EpochRecord: Sendable, Hashable, Codable {
  public var epoch: Int
  /// Mean cross-entropy over the epoch's batches, measured before each update (Keras's way).
  public var dataLoss: Double
  /// The regularizers' term as Keras adds it: at the weights each batch was computed with,
  /// averaged over the epoch's batches like `dataLoss` (so, full batch: at the epoch's start).
  public var penalty: Double
  public var valLoss: Double?
  public var accuracy: Double
  public var valAccuracy: Double?
  public var zeros: Int
  public var nearZeros: Int
  public var weights: Int
  public var l1Norm: Double
  public var l2Norm: Double

  /// What Keras's `fit` prints as the epoch's `loss`: data loss + penalty, batch by batch.
  public var loss: Double { dataLoss + penalty }

  /// The epoch's figures stopped being finite: the lane diverged here and trains no more.
  public var diverged: Bool { !loss.isFinite || !l2Norm.isFinite }
}

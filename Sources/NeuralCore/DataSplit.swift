/// A data set split into a training and a validation part, standardized on the training part.
public struct DataSplit: Sendable {
  public var train: Dataset
  /// nil when the validation fraction is 0.
  public var validation: Dataset?
  /// Per-feature mean and standard deviation fitted on `train` (nil when not standardized).
  public var mean: [Float]?
  public var scale: [Float]?

  /// Stratified, seeded split: from each class, round(fraction × class size) samples go to
  /// validation. Then z-score standardization fitted on the training part only (a feature that
  /// is constant in training keeps scale 1), applied to both parts.
  public init(_ data: Dataset, validationFraction: Double, standardize: Bool = true, seed: UInt64) {
    precondition(validationFraction >= 0 && validationFraction < 1)
    var rng = SplitMix64.derive(seed, 0x5B117)
    var trainIndices: [Int] = [], validationIndices: [Int] = []
    for c in 0..<data.classCount {
      var members = data.labels.indices.filter { data.labels[$0] == Int32(c) }
      members.seededShuffle(using: &rng)
      let held = Int((Double(members.count) * validationFraction).rounded())
      validationIndices += members.prefix(held)
      trainIndices += members.dropFirst(held)
    }
    trainIndices.sort()
    validationIndices.sort()
    var train = data.subset(trainIndices)
    var validation = validationIndices.isEmpty ? nil : data.subset(validationIndices)
    if standardize && train.count > 0 {
      let d = data.featureCount
      var mean = [Float](repeating: 0, count: d), scale = [Float](repeating: 1, count: d)
      for i in 0..<d {
        var sum = 0.0, squares = 0.0
        for n in 0..<train.count { let v = Double(train.features[n * d + i]); sum += v; squares += v * v }
        let m = sum / Double(train.count)
        let variance = max(squares / Double(train.count) - m * m, 0)
        mean[i] = Float(m)
        // Cancellation can leave the variance a hair above the largest square: keep it finite.
        scale[i] = variance > 1e-12 ? min(Float(variance.squareRoot()), .greatestFiniteMagnitude) : 1
      }
      func apply(_ set: inout Dataset) {
        for n in 0..<set.count {
          for i in 0..<d {
            let x = set.features[n * d + i]
            let z = (x - mean[i]) / scale[i]
            // x − mean overflows Float for features near ±3.4e38 (every lane would diverge at
            // once); Double holds the difference. Float stays the rule so ordinary data keeps
            // its bits.
            set.features[n * d + i] = z.isFinite ? z : Float((Double(x) - Double(mean[i])) / Double(scale[i]))
          }
        }
      }
      apply(&train)
      if var v = validation { apply(&v); validation = v }
      self.mean = mean
      self.scale = scale
    }
    self.train = train
    self.validation = validation
  }
}

/// Synthetic classification where only `informative` of `features` columns carry signal and
/// the rest are pure noise — the data set on which L1's feature selection is plain to see.
///
/// Each class has a centre in the informative subspace; a sample is its class centre plus unit
/// Gaussian noise on the informative features, and unit Gaussian noise on every other feature.
/// The informative indices are drawn from the seed and known to the program (`Dataset.informative`).
public enum SparseDataset {
  public static let defaultSamples = 300
  public static let defaultFeatures = 20
  public static let defaultInformative = 4
  public static let defaultClasses = 3

  public static func make(samples: Int = defaultSamples, features: Int = defaultFeatures,
                          informative: Int = defaultInformative, classes: Int = defaultClasses,
                          separation: Float = 1.6, seed: UInt64) -> Dataset {
    precondition(informative <= features && classes >= 2 && samples >= classes)
    var rng = SplitMix64.derive(seed, 0x5BA45E)
    var columns = Array(0..<features)
    columns.seededShuffle(using: &rng)
    let signal = columns.prefix(informative).sorted()
    // Class centres: random directions in the informative subspace, scaled to `separation`.
    var centres: [[Float]] = []
    for _ in 0..<classes {
      var c = (0..<informative).map { _ in rng.normal() }
      let norm = c.reduce(0) { $0 + $1 * $1 }.squareRoot()
      c = c.map { $0 / max(norm, 1e-6) * separation * Float(informative).squareRoot() / 1.2 }
      centres.append(c)
    }
    var x = [Float](repeating: 0, count: samples * features)
    var y = [Int32](repeating: 0, count: samples)
    for n in 0..<samples {
      let label = n % classes
      y[n] = Int32(label)
      for i in 0..<features { x[n * features + i] = rng.normal() }
      for (k, i) in signal.enumerated() { x[n * features + i] += centres[label][k] }
    }
    return Dataset(name: "sparse", features: x, labels: y,
                   featureNames: (1...features).map { "x\($0)" },
                   classNames: (0..<classes).map { "class \($0)" }, informative: signal)
  }
}

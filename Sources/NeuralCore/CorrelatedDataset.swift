/// Synthetic classification whose informative features come in strongly correlated groups —
/// the data set on which L1's arbitrary pick inside a group, L2's sharing and the elastic net's
/// grouping are plain to see.
///
/// Each group g has one hidden factor zᵍ = (class centre)ᵍ + unit Gaussian noise; the group's
/// members are copies of it with their own noise: xⱼ = a·zᵍ + √(1 − ρ)·eⱼ, with a chosen so that
/// every member has variance 1 and any two members of a group correlate ρ (in expectation over
/// the draw; the class centres are balanced, so their spread is known exactly). Noise features
/// are unit Gaussian. Group members come first and are named by group — A1 A2 A3 B1 B2 C1 C2
/// C3 — then the noise features n1 … n6; `Dataset.groups` lists the groups' columns.
public enum CorrelatedDataset {
  public static let defaultSamples = 300
  public static let defaultGroupSizes = [3, 2, 3]
  public static let defaultNoise = 6
  public static let defaultClasses = 3
  public static let defaultCorrelation: Float = 0.9

  public static func make(correlation rho: Float = defaultCorrelation, samples: Int = defaultSamples,
                          groupSizes: [Int] = defaultGroupSizes, noise: Int = defaultNoise,
                          classes: Int = defaultClasses, separation: Float = 1.6, seed: UInt64) -> Dataset {
    precondition(rho >= 0 && rho < 1 && classes >= 2 && samples >= classes && groupSizes.allSatisfy { $0 >= 1 })
    var rng = SplitMix64.derive(seed, 0xC0EE1A7)
    let factors = groupSizes.count
    // Class centres in the factor space, as `SparseDataset` places them in its signal subspace.
    var centres: [[Float]] = []
    for _ in 0..<classes {
      var c = (0..<factors).map { _ in rng.normal() }
      let norm = c.reduce(0) { $0 + $1 * $1 }.squareRoot()
      c = c.map { $0 / max(norm, 1e-6) * separation * Float(factors).squareRoot() / 1.2 }
      centres.append(c)
    }
    // Var(zᵍ) = 1 + the spread of the centres over the (equally frequent) classes.
    let factorScale: [Float] = (0..<factors).map { g in
      let values = centres.map { $0[g] }
      let mean = values.reduce(0, +) / Float(classes)
      let spread = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Float(classes)
      return (rho / (1 + spread)).squareRoot()
    }
    let own = (1 - rho).squareRoot()
    let informative = groupSizes.reduce(0, +), features = informative + noise
    var groups: [[Int]] = []
    var start = 0
    for size in groupSizes { groups.append(Array(start..<(start + size))); start += size }
    var x = [Float](repeating: 0, count: samples * features)
    var y = [Int32](repeating: 0, count: samples)
    for n in 0..<samples {
      let label = n % classes
      y[n] = Int32(label)
      for (g, members) in groups.enumerated() {
        let z = centres[label][g] + rng.normal()
        for i in members { x[n * features + i] = factorScale[g] * z + own * rng.normal() }
      }
      for i in informative..<features { x[n * features + i] = rng.normal() }
    }
    let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    var names: [String] = []
    for (g, members) in groups.enumerated() {
      names += members.indices.map { "\(letters[g % letters.count])\($0 + 1)" }
    }
    names += (1...max(noise, 1)).prefix(noise).map { "n\($0)" }
    return Dataset(name: "correlated:\(formatStrength(rho))", features: x, labels: y, featureNames: names,
                   classNames: (0..<classes).map { "class \($0)" }, informative: Array(0..<informative),
                   groups: groups)
  }
}

import Testing
@testable import NeuralCore

/// |a − b| ≤ abs + rel·max(|a|, |b|): the comparison every numeric test here uses.
func isClose(_ a: Float, _ b: Float, rel: Float = 1e-5, abs absTol: Float = 1e-6) -> Bool {
  Swift.abs(a - b) <= absTol + rel * max(Swift.abs(a), Swift.abs(b))
}

func maxAbsDifference(_ a: [Float], _ b: [Float]) -> Float {
  precondition(a.count == b.count)
  return zip(a, b).reduce(0) { max($0, Swift.abs($1.0 - $1.1)) }
}

/// A small deterministic data set: n samples of d standard-normal features, labels cycling.
func tinyData(samples n: Int, features d: Int, classes: Int, seed: UInt64 = 3) -> Dataset {
  var rng = SplitMix64(seed: seed)
  let x = (0..<(n * d)).map { _ in rng.normal() }
  let y = (0..<n).map { Int32($0 % classes) }
  return Dataset(name: "tiny", features: x, labels: y, featureNames: (0..<d).map { "x\($0 + 1)" },
                 classNames: (0..<classes).map { "c\($0)" })
}

func randomFloats(_ n: Int, seed: UInt64) -> [Float] {
  var rng = SplitMix64(seed: seed)
  return (0..<n).map { _ in rng.uniform(-1, 1) }
}

/// Fitting data to the columns a widget has: histogram bins to a width, long histories to a chart.
public enum Resample {
  /// Redistributes histogram `counts` (equal-width bins over one range) into `n` equal-width bins
  /// over the same range, treating each source bin as uniformly filled.
  ///
  /// Boundaries of the cumulative count are rounded, so the result sums exactly to the input
  /// total — no weight appears or vanishes because the terminal was resized.
  public static func counts(_ counts: [Int], into n: Int) -> [Int] {
    guard n > 0 else { return [] }
    guard !counts.isEmpty else { return Array(repeating: 0, count: n) }
    let m = counts.count
    let prefix = prefixSums(counts)
    // n × (cumulative count at boundary j), exactly, in integers.
    func scaledMass(_ j: Int) -> Int {
      let k = j * m / n, remainder = j * m % n
      return prefix[k] * n + (k < m ? counts[k] * remainder : 0)
    }
    let rounded = (0...n).map { j in (2 * scaledMass(j) + n) / (2 * n) }
    return (0..<n).map { rounded[$0 + 1] - rounded[$0] }
  }

  /// Like `counts(_:into:)` but fractional and expressed per *source* bin: each output is the
  /// average count of the source bins under it.
  ///
  /// Histogram bars use this so their heights do not change with the terminal width: splitting a
  /// bin over two columns keeps both at the bin's height instead of halving them.
  public static func density(_ counts: [Int], into n: Int) -> [Double] {
    guard n > 0 else { return [] }
    guard !counts.isEmpty else { return Array(repeating: 0, count: n) }
    let m = counts.count
    let prefix = prefixSums(counts)
    func mass(_ j: Int) -> Double {
      let k = j * m / n, remainder = j * m % n
      return Double(prefix[k]) + (k < m ? Double(counts[k]) * Double(remainder) / Double(n) : 0)
    }
    let scale = Double(n) / Double(m)
    return (0..<n).map { (mass($0 + 1) - mass($0)) * scale }
  }

  /// `count` evenly spaced elements of `values`, always keeping the first and the last, so a
  /// compressed history still starts at epoch 0 and ends at the newest value.
  public static func evenlySpaced<T>(_ values: [T], count: Int) -> [T] {
    guard count > 0, !values.isEmpty else { return [] }
    guard values.count > count else { return values }
    guard count > 1 else { return [values[values.count - 1]] }
    let last = values.count - 1, steps = count - 1
    return (0..<count).map { values[($0 * last + steps / 2) / steps] }
  }

  private static func prefixSums(_ counts: [Int]) -> [Int] {
    var sums = [0]
    sums.reserveCapacity(counts.count + 1)
    for c in counts { sums.append(sums[sums.count - 1] + c) }
    return sums
  }
}

import Foundation
import Testing

@testable import RegvizCommand

/// The SVG axes' ticks: 1-2-5 steps on linear axes, whole nice epochs, powers of ten on log axes.
@Suite struct TicksTests {
  /// True when `step` is 1, 2 or 5 times a power of ten.
  static func isOneTwoFive(_ step: Double) -> Bool {
    let mantissa = step / pow(10, floor(log10(step)))
    return [1.0, 2, 5, 10].contains { abs(mantissa - $0) < 1e-9 }
  }

  /// True when every tick is a whole multiple of one 1-2-5 step (the spacing of the ticks).
  static func areOneTwoFiveMultiples(_ ticks: [Double]) -> Bool {
    guard ticks.count >= 2 else { return false }
    let step = ticks[1] - ticks[0]
    return isOneTwoFive(step)
      && zip(ticks, ticks.dropFirst()).allSatisfy { abs(($1 - $0) - step) < step * 1e-9 }
      && ticks.allSatisfy { abs($0 / step - ($0 / step).rounded()) < 1e-6 }
  }

  /// The ranges the issue saw (0.27/0.53/0.80, 1.73/3.46, epoch 51) and some awkward ones.
  static let ranges: [(Double, Double)] = [
    (0, 1.07), (0, 3.46 * 1.05), (0, 0.0123), (-0.4, 2.9), (0, 17), (0.001, 0.00173), (0, 1234), (0, 1),
    (-3, -1), (0, 98765),
  ]

  @Test(arguments: ranges.indices)
  func linearTicksAreOneTwoFiveMultiplesThatCoverTheData(_ i: Int) {
    let (lo, hi) = Self.ranges[i]
    let axis = Ticks.linear(lo, hi)
    #expect(Self.areOneTwoFiveMultiples(axis.ticks), "\(lo)…\(hi): \(axis.ticks)")
    #expect((2...7).contains(axis.ticks.count), "\(lo)…\(hi): \(axis.ticks)")
    #expect(axis.lo <= lo && axis.hi >= hi && axis.ticks.first == axis.lo && axis.ticks.last == axis.hi)
  }

  @Test func theIssuesAxesReadRoundNumbers() {
    #expect(Ticks.linear(0, 1.07).ticks == [0, 0.2, 0.4, 0.6, 0.8, 1, 1.2])
    #expect(Ticks.linear(0, 3.633).ticks == [0, 1, 2, 3, 4])
    let labels = Ticks.linear(0, 1.07).ticks.map { Ticks.label($0, step: 0.2) }
    #expect(labels == ["0", "0.2", "0.4", "0.6", "0.8", "1.0", "1.2"])
  }

  @Test(arguments: [(1.0, 51.0), (1, 300), (0, 20), (1, 3), (1, 400), (1, 2000)])
  func epochTicksAreWholeNiceNumbers(_ lo: Double, _ hi: Double) {
    let ticks = Ticks.integer(lo, hi)
    #expect(ticks.allSatisfy { $0 == $0.rounded() && $0 >= lo && $0 <= hi }, "\(ticks)")
    #expect(ticks.count >= 2 && ticks.count <= 6, "\(ticks)")
    #expect(Self.areOneTwoFiveMultiples(ticks), "\(ticks)")
  }

  @Test func epochsOneToFiftyOneAreTickedByTen() {
    #expect(Ticks.integer(1, 51) == [10, 20, 30, 40, 50])
  }

  @Test func logLabelsArePlainPowersOfTen() {
    let ticks = Ticks.logarithmic(log10(1e-4), log10(1))
    #expect(ticks == [-4, -3, -2, -1, 0])
    #expect(ticks.map(Ticks.logLabel) == ["10⁻⁴", "10⁻³", "10⁻²", "10⁻¹", "10⁰"])
    #expect(Ticks.logarithmic(log10(1e-6), log10(1e3)) == [-6, -4, -2, 0, 2])  // ten decades: every second
    #expect(Ticks.logLabel(2) == "10²" && Ticks.logLabel(-12) == "10⁻¹²")
  }

  @Test func lessThanTwoDecadesAddsTwoAndFiveTimes() {
    let ticks = Ticks.logarithmic(log10(0.015), log10(0.3))
    #expect(ticks.map(Ticks.logLabel) == ["2·10⁻²", "5·10⁻²", "10⁻¹", "2·10⁻¹"])
  }
}

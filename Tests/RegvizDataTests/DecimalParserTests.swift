import Testing
import NeuralCore
@testable import RegvizData

/// The byte parser must give `Float(String)`'s answer, bit for bit, nil for nil.
@Suite struct DecimalParserTests {
  func same(_ text: String) -> Bool {
    let expected = Float(text)
    let got: Float? = Array(text.utf8).withUnsafeBufferPointer { DecimalParser.parse($0.baseAddress!, $0.baseAddress! + $0.count) }
    switch (expected, got) {
    case (nil, nil): return true
    case let (e?, g?): return e.bitPattern == g.bitPattern || (e.isNaN && g.isNaN)
    default: return false
    }
  }

  @Test func awkwardCases() {
    let cases = ["0", "-0", "+0", "0.0", "-0.0", "1", "-1", "+1", ".5", "5.", "-.5", "1e5", "1E5", "1e+5", "1e-5",
                 "1.5e38", "3.4028235e38", "3.4028236e38", "3.5e38", "1e39", "1e-38", "1.17549435e-38", "1e-40",
                 "1e-46", "1e-50", "0.1", "0.2", "0.3", "16777217", "16777216.5", "9007199254740993",
                 "1234567890123456789", "12345678901234567890", "0.000000000000000000001", "00012", "1_0", "1e",
                 "e5", "-", "+", ".", "-.", "1..2", "1.2.3", "1e5e5", "inf", "-inf", "nan", "infinity", "0x1p3",
                 "1 ", " 1", "1e99999", "1e-99999", "4.9406565e-324", "2.5", "0.30000001192092896",
                 "0.100000001490116119384765625", "8388608.5", "8388609.5", "33554433"]
    for c in cases { #expect(same(c), "\(c)") }
  }

  @Test func randomDecimalsAgree() {
    var rng = SplitMix64(seed: 16)
    for _ in 0..<200_000 {
      let digits = Int(rng.next() % 20) + 1
      var s = rng.next() % 2 == 0 ? "" : "-"
      let dot = Int(rng.next() % UInt64(digits + 1))
      for k in 0..<digits {
        if k == dot { s += "." }
        s += String(rng.next() % 10)
      }
      if rng.next() % 3 == 0 { s += "e" + String(Int(rng.next() % 90) - 45) }
      #expect(same(s), "\(s)")
    }
  }

  @Test func floatsPrintedShortestRoundTrip() {
    // The shapes CSV writers produce: Swift's and Python's shortest round-trip digits.
    var rng = SplitMix64(seed: 17)
    for _ in 0..<100_000 {
      let f = Float(bitPattern: UInt32(truncatingIfNeeded: rng.next()))
      guard f.isFinite else { continue }
      #expect(same("\(f)") && same("\(Double(f))"), "\(f)")
    }
  }
}

import Foundation
import NeuralCore
import RegvizData

/// `regviz bench`'s data section: how fast a generated CSV loads, and the memory it costs.
enum DataBench {
  struct Figure: Encodable {
    var rows: Int
    var features: Int
    var megabytes: Double
    var seconds_median: Double
    var megabytes_per_s: Double
    /// Growth of the process's peak resident set during the first load, in MB (getrusage).
    var peak_rss_growth_mb: Double
    /// The features as Float: rows × features × 4 bytes, in MB.
    var float_data_mb: Double
  }

  /// Writes a `rows` × `features` CSV (plus a label column) into a temporary directory, loads
  /// it `repetitions` times and deletes it. Values look like a data export: `-1.234567`.
  /// With `file`, that file is loaded instead (its own rows and features are reported).
  static func measure(rows: Int, features: Int, repetitions: Int, file: String? = nil) throws -> Figure {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("regviz-bench-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = file ?? dir.appendingPathComponent("data.csv").path
    let bytes = try file.map { try FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int ?? 0 }
      ?? write(path: path, rows: rows, features: features)
    var shape = (rows: rows, features: features)
    var times: [Double] = []
    var growth = 0.0
    for r in 0..<repetitions {
      let before = peakRSSMegabytes()
      let start = Benchmarks.now()
      let data = try CSVDataset.load(path: path)
      times.append(Benchmarks.now() - start)
      if r == 0 { growth = peakRSSMegabytes() - before }
      shape = (data.count, data.featureCount)
    }
    let seconds = Benchmarks.median(times)
    let mb = Double(bytes) / 1e6
    return Figure(rows: shape.rows, features: shape.features, megabytes: mb, seconds_median: seconds,
                  megabytes_per_s: mb / seconds, peak_rss_growth_mb: growth,
                  float_data_mb: Double(shape.rows * shape.features * 4) / 1e6)
  }

  /// The process's peak resident set so far, in MB: `VmHWM` from /proc/self/status where there
  /// is one. `ru_maxrss` survives exec: a bench started by a big parent (Python with pandas, in
  /// scripts/compare_frameworks.py) would start from the parent's peak and show no growth.
  static func peakRSSMegabytes() -> Double {
    if let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
       let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
       let kb = Double(line.split(separator: " ").dropFirst().first ?? "") {
      return kb * 1024 / 1e6
    }
    var usage = rusage()
    getrusage(Int32(RUSAGE_SELF.rawValue), &usage)  // Glibc imports RUSAGE_SELF as an enum case
    return Double(usage.ru_maxrss) * 1024 / 1e6
  }

  /// Formats numbers with integer arithmetic (String(format:) for 6 M cells takes seconds) and
  /// writes in 4 MiB pieces; returns the file's size.
  static func write(path: String, rows: Int, features: Int) throws -> Int {
    let out: AtomicFile.Writer
    do { out = try AtomicFile.Writer(path: path) } catch { throw CLIError("bench: \(error)") }
    var rng = SplitMix64(seed: 7)
    var buffer: [UInt8] = []
    buffer.reserveCapacity(1 << 22)
    var total = 0
    buffer.append(contentsOf: ((0..<features).map { "f\($0 + 1)" } + ["label"]).joined(separator: ",").utf8)
    buffer.append(0x0A)
    for _ in 0..<rows {
      for _ in 0..<features {
        // A normal-ish value with 6 decimals: sum of 4 uniforms, centred.
        var micros = Int(Double(rng.nextUnit() + rng.nextUnit() + rng.nextUnit() + rng.nextUnit() - 2) * 1.7e6)
        if micros < 0 { buffer.append(0x2D); micros = -micros }
        append(micros / 1_000_000, to: &buffer)
        buffer.append(0x2E)
        var frac = micros % 1_000_000
        var digits = [UInt8](repeating: 0x30, count: 6)
        for k in stride(from: 5, through: 0, by: -1) { digits[k] = 0x30 + UInt8(frac % 10); frac /= 10 }
        buffer.append(contentsOf: digits)
        buffer.append(0x2C)
      }
      buffer.append(contentsOf: "c\(rng.next() % 3)\n".utf8)
      if buffer.count > (1 << 22) - 512 {
        try out.write(String(decoding: buffer, as: UTF8.self))
        total += buffer.count
        buffer.removeAll(keepingCapacity: true)
      }
    }
    try out.write(String(decoding: buffer, as: UTF8.self))
    try out.commit()
    return total + buffer.count
  }

  static func append(_ n: Int, to buffer: inout [UInt8]) {
    if n >= 10 { append(n / 10, to: &buffer) }
    buffer.append(0x30 + UInt8(n % 10))
  }
}

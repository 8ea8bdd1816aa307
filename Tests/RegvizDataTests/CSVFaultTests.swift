import Foundation
import Synchronization
import Testing
import NeuralCore
@testable import RegvizData

/// Issue 10 item 12: CSV input that used to be misread or misreported.
@Suite struct CSVFaultTests {
  func error(_ text: String, label: LabelColumn = .last) -> String? {
    do { _ = try CSVDataset.parse(text, path: "d.csv", label: label, name: "d"); return nil } catch { return error.description }
  }

  func loadError(_ path: String) -> String? {
    do { _ = try CSVDataset.load(path: path); return nil } catch { return error.description }
  }

  @Test func nulByteIsNotTheEndOfANumber() {
    // Float(String) stops at a NUL: "2\0xyz" was read as 2.
    #expect(error("a,b,label\n1,2,x\n2\0xyz,3,y\n") == "d.csv:3:1: NUL byte: this is not a text file")
  }

  @Test func aTypoInTheFirstRowIsAnErrorNotAHeader() {
    #expect(error("1,2x,0\n3,4,1\n") == "d.csv:1:2: '2x' is not a number")
    #expect(error("1,2,zebra\nq,4,ant\n") == "d.csv:2:1: 'q' is not a number")
    // Only a row without a single number is a header.
    let d = try? CSVDataset.parse("a,b,label\n1,2,0\n3,4,1\n", path: "d.csv", name: "d")
    #expect(d?.featureNames == ["a", "b"] && d?.count == 2)
  }

  @Test func directoriesDevicesAndFifosGetAOneLineAnswer() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("regviz-csv-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(loadError(dir.path) == "\(dir.path): is a directory, not a CSV file")
    #expect(loadError("/dev/null") == "/dev/null: is not a regular file (a device, fifo or socket); give a CSV file")
    let fifo = dir.appendingPathComponent("f.csv").path
    #expect(mkfifo(fifo, 0o600) == 0)
    // Opening a fifo must not wait for a writer.
    #expect(loadError(fifo) == "\(fifo): is not a regular file (a device, fifo or socket); give a CSV file")
    let empty = dir.appendingPathComponent("e.csv").path
    #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
    #expect(loadError(empty) == "\(empty): empty file: no rows")
  }

  @Test func plainRowsAndDecoratedRowsReadTheSame() throws {
    // Plain rows take the one-pass path; spaces, quotes, long digit strings and \r\n send the
    // same values through the general path. Both must give the same data set, bit for bit.
    var rng = SplitMix64(seed: 5)
    var plain = "a,b,label\n", decorated = "a,b,label\n"
    for n in 0..<500 {
      let x = rng.normal() * 100, y = rng.normal() * 1e-3
      plain += "\(x),\(y),k\(n % 4)\n"
      switch n % 4 {
      case 0: decorated += " \(x) ,\t\(y),k\(n % 4)\r\n"
      case 1: decorated += "\(x),\(y),\"k\(n % 4)\"\n"
      case 2:
        // 20+ significant digits: Float(String) converts these.
        let long = "\(y)".contains("e") ? "\(y)" : "\(y)000000000000000000000"
        decorated += "\(x),\(long),k\(n % 4) \n"
      default: decorated += "\(x),\(y),k\(n % 4)\n"
      }
    }
    let a = try CSVDataset.parse(plain, path: "p.csv", name: "d")
    let b = try CSVDataset.parse(decorated, path: "p.csv", name: "d")
    #expect(a.features == b.features && a.labels == b.labels)
    #expect(a == b && a.count == 500 && a.classNames == ["k0", "k1", "k2", "k3"])
  }

  @Test func loadMatchesParseAcrossChunkBoundaries() throws {
    // Lines straddle the reader's chunks; a file and the same text in memory must agree.
    var rng = SplitMix64(seed: 3)
    var text = "\u{FEFF}f1,f2,f3,label\r\n"
    for n in 0..<3000 {
      let cells = (0..<3).map { _ in String(format: "%.6g", Double(rng.normal()) * 1e3) }
      text += cells.joined(separator: ",") + ",c\(n % 3)" + (n % 7 == 0 ? "\r\n" : "\n")
    }
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("regviz-chunks-\(getpid()).csv").path
    try text.write(toFile: path, atomically: false, encoding: .utf8)
    defer { unlink(path) }
    let parsed = try CSVDataset.parse(text, path: path, name: "x")
    let collected = Mutex<[Double]>([])
    let loaded = try CSVDataset.load(path: path, name: "x", progress: { f in collected.withLock { $0.append(f) } })
    let fractions = collected.withLock { $0 }
    #expect(loaded == parsed && loaded.count == 3000 && loaded.featureNames == ["f1", "f2", "f3"])
    #expect(fractions.last == 1 && fractions == fractions.sorted())
    // Small chunks: every line crosses a boundary somewhere.
    var reader = CSVReader(path: path, label: .last)
    try CSVLines.forEachLine(inFile: path, chunk: 7, progress: nil) { (line, number) throws(DataError) in
      try reader.consume(line, number: number)
    }
    let chunked = try reader.finish(name: "x")
    #expect(chunked == parsed)
  }
}

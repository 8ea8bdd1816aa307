import Foundation
import NeuralCore

/// A problem with a data file, pointing at the place: `path:line:column: message`.
public struct DataError: Error, CustomStringConvertible, Equatable {
  public var path: String
  public var line: Int?
  public var column: Int?
  public var message: String

  public init(path: String, line: Int? = nil, column: Int? = nil, _ message: String) {
    self.path = path
    self.line = line
    self.column = column
    self.message = message
  }

  public var description: String {
    var place = path
    if let line { place += ":\(line)" }
    if let column { place += ":\(column)" }
    return "\(place): \(message)"
  }
}

/// Reads a classification data set from CSV text: numeric feature columns and one label column
/// (the last unless named), an optional header. Labels may be names or integers; classes are
/// the sorted distinct labels (numerically when all are integers).
///
/// A first row is a header when the label column is named, or when none of its cells is a
/// number; otherwise it is data (so `1,2x,0` is an error at 1:2, not a header). Bytes are parsed
/// as they are read (`CSVLines`, `CSVReader`): memory is the float data plus a 1 MiB buffer.
public enum CSVDataset {
  /// Reads the file at `path`. `progress`, when given, is called on the calling thread with the
  /// fraction of the file read so far (0…1), about once per MiB.
  public static func load(path: String, label: LabelColumn = .last, name: String? = nil,
                          progress: (@Sendable (Double) -> Void)? = nil) throws(DataError) -> Dataset {
    var reader = CSVReader(path: path, label: label)
    try CSVLines.forEachLine(inFile: path, progress: progress, size: { reader.expect(bytes: $0) }) { (line, number) throws(DataError) in
      try reader.consume(line, number: number)
    }
    let base = name ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    return try reader.finish(name: base)
  }

  /// Parses CSV text already in memory; `path` only names the place in errors.
  public static func parse(_ text: String, path: String, label: LabelColumn = .last, name: String) throws(DataError) -> Dataset {
    var text = text
    let result: Result<Dataset, DataError> = text.withUTF8 { bytes in
      var reader = CSVReader(path: path, label: label)
      do throws(DataError) {
        var bytes = bytes
        // A byte-order mark is not part of the first cell.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = UnsafeBufferPointer(rebasing: bytes.dropFirst(3)) }
        _ = try CSVLines.forEachLine(in: bytes, firstLine: 1, final: true) { (line, number) throws(DataError) in
          try reader.consume(line, number: number)
        }
        return .success(try reader.finish(name: name))
      } catch { return .failure(error) }
    }
    return try result.get()
  }

  /// Splits one line on commas, honouring double-quoted cells ("a, b" and "" for a quote).
  static func splitCells(_ line: Substring, path: String, line number: Int) throws(DataError) -> [String] {
    var cells: [String] = []
    var cell = ""
    var quoted = false
    var iterator = line.makeIterator()
    while let ch = iterator.next() {
      if quoted {
        if ch == "\"" {
          // A doubled quote inside quotes is a literal quote; a single one ends the quotes.
          var lookahead = iterator
          if lookahead.next() == "\"" { cell.append("\""); iterator = lookahead } else { quoted = false }
        } else { cell.append(ch) }
      } else if ch == "\"" && cell.trimmingCharacters(in: .whitespaces).isEmpty {
        quoted = true
        cell = ""
      } else if ch == "," {
        cells.append(cell)
        cell = ""
      } else { cell.append(ch) }
    }
    if quoted { throw DataError(path: path, line: number, column: cells.count + 1, "unterminated quoted cell") }
    cells.append(cell)
    return cells
  }
}

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
public enum CSVDataset {
  public static func load(path: String, label: LabelColumn = .last, name: String? = nil) throws(DataError) -> Dataset {
    let data: Data
    do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
      throw DataError(path: path, "cannot read the file (\(describe(error)))")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw DataError(path: path, "the file is not UTF-8 text")
    }
    let base = name ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    return try parse(text, path: path, label: label, name: base)
  }

  public static func parse(_ text: String, path: String, label: LabelColumn = .last, name: String) throws(DataError) -> Dataset {
    // (line number, cells) of every non-blank line.
    var rows: [(line: Int, cells: [String])] = []
    var lineNumber = 0
    // "\r\n" is one Character in Swift, so normalize line ends before splitting.
    let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
    for raw in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      var line = Substring(raw)
      if line.hasSuffix("\r") { line = line.dropLast() }
      if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
      rows.append((lineNumber, try splitCells(line, path: path, line: lineNumber)))
    }
    guard let first = rows.first else { throw DataError(path: path, "empty file: no rows") }
    let width = first.cells.count
    guard width >= 2 else {
      throw DataError(path: path, line: first.line, "need at least one feature column and a label column, found \(width) column")
    }
    let labelIndex: Int
    switch label {
    case .last: labelIndex = width - 1
    case .index(let i):
      guard i >= 0 && i < width else {
        throw DataError(path: path, line: first.line, "label column \(i + 1) does not exist (the file has \(width) columns)")
      }
      labelIndex = i
    case .name(let n):
      guard let i = first.cells.firstIndex(of: n) else {
        throw DataError(path: path, line: first.line, "no column named '\(n)' in the header")
      }
      labelIndex = i
    }
    // A header is a first row whose feature cells are not all numbers.
    let hasHeader: Bool = {
      if case .name = label { return true }
      return first.cells.enumerated().contains { $0.offset != labelIndex && Float($0.element.trimmingCharacters(in: .whitespaces)) == nil }
    }()
    let dataRows = hasHeader ? Array(rows.dropFirst()) : rows
    guard !dataRows.isEmpty else { throw DataError(path: path, line: first.line, "header only: no data rows") }
    let featureColumns = (0..<width).filter { $0 != labelIndex }
    let featureNames = hasHeader ? featureColumns.map { first.cells[$0].trimmingCharacters(in: .whitespaces) }
                                 : featureColumns.map { "x\($0 + 1)" }
    var features: [Float] = []
    features.reserveCapacity(dataRows.count * featureColumns.count)
    var rawLabels: [String] = []
    for row in dataRows {
      guard row.cells.count == width else {
        throw DataError(path: path, line: row.line, "ragged row: \(row.cells.count) columns, expected \(width)")
      }
      for c in featureColumns {
        let cell = row.cells[c].trimmingCharacters(in: .whitespaces)
        guard let v = Float(cell) else {
          throw DataError(path: path, line: row.line, column: c + 1,
                          cell.isEmpty ? "empty cell in column '\(featureNames[featureColumns.firstIndex(of: c)!])'"
                                       : "'\(cell)' is not a number")
        }
        guard v.isFinite else { throw DataError(path: path, line: row.line, column: c + 1, "'\(cell)' is not a finite number") }
        features.append(v)
      }
      let labelCell = row.cells[labelIndex].trimmingCharacters(in: .whitespaces)
      guard !labelCell.isEmpty else { throw DataError(path: path, line: row.line, column: labelIndex + 1, "empty label") }
      rawLabels.append(labelCell)
    }
    let distinct = Set(rawLabels)
    let classNames: [String]
    if distinct.allSatisfy({ Int($0) != nil }) {
      classNames = distinct.sorted { Int($0)! < Int($1)! }
    } else {
      classNames = distinct.sorted()
    }
    guard classNames.count >= 2 else {
      throw DataError(path: path, "fewer than two classes: every row has label '\(classNames.first ?? "")'")
    }
    let index = Dictionary(uniqueKeysWithValues: classNames.enumerated().map { ($0.element, Int32($0.offset)) })
    return Dataset(name: name, features: features, labels: rawLabels.map { index[$0]! },
                   featureNames: featureNames, classNames: classNames)
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

  static func describe(_ error: Error) -> String {
    let ns = error as NSError
    if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
       let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
      return String(cString: strerror(code.rawValue))
    }
    if ns.domain == NSCocoaErrorDomain && ns.code == NSFileReadNoSuchFileError { return "no such file" }
    return ns.localizedDescription
  }
}

import Foundation
import NeuralCore

/// Builds a `Dataset` from CSV lines handed over one at a time, as UTF-8 bytes.
///
/// Memory is the data itself: features go straight into one `[Float]`, labels into one `[Int32]`
/// of provisional class ids (first-seen order, renumbered at the end); no `String` is kept per
/// row or cell. Cells are byte ranges of the line; the rare line with a double quote, and cells
/// whose ends are not plain ASCII (Unicode spaces to trim), take a `String` path that is the
/// original parser's code, so results and messages stay the same.
struct CSVReader {
  let path: String
  let label: LabelColumn
  /// Columns per row, fixed by the first row (0 until then).
  private(set) var width = 0
  private var labelIndex = 0
  private var firstLine = 0
  private var featureNames: [String] = []
  private var features: [Float] = []
  private var rowLabels: [Int32] = []
  /// Provisional class id → label text, and back.
  private var labelTexts: [String] = []
  private var labelIDs: [String: Int32] = [:]
  /// The bytes of up to 16 labels seen (in `labelBytes`), with their ids: most rows match one of
  /// these without building a `String` (several byte forms may share an id: "é" precomposed or
  /// not). Flat, so that looking one up retains nothing.
  private var labelBytes: [UInt8] = []
  private var labelSpans: [(start: Int, count: Int, id: Int32)] = []
  /// Cell bounds of the current line, reused: [start, end) offsets into the line.
  private var starts: [Int] = [], ends: [Int] = []
  /// The current line's cells after unquoting, when the line has a double quote.
  private var unquoted: [UInt8] = []
  /// File size in bytes when known, and bytes consumed so far: after 256 data rows the rest
  /// is estimated from them and the feature buffer sized once (growing by doubling would hold
  /// old and new buffers at once, up to 3× the data).
  private var fileSize = 0
  private var bytesSeen = 0

  init(path: String, label: LabelColumn) {
    self.path = path
    self.label = label
  }

  /// The file's size in bytes, to size the buffers from the first rows.
  mutating func expect(bytes: Int) { fileSize = bytes }

  // MARK: - Lines

  /// One line without its `\n`, numbered from 1.
  mutating func consume(_ raw: UnsafeBufferPointer<UInt8>, number: Int) throws(DataError) {
    guard let base = raw.baseAddress else { return }
    bytesSeen += raw.count + 1
    var count = raw.count
    if count > 0 && base[count - 1] == 0x0D { count -= 1 }   // \r\n line ends
    if width > 0 && plainRow(base, base + count) { return }
    // One pass over the bytes: cell bounds at commas, and whether anything needs a slow path.
    starts.removeAll(keepingCapacity: true)
    ends.removeAll(keepingCapacity: true)
    starts.append(0)
    var quote = false, high: UInt8 = 0, nul = -1
    for i in 0..<count {
      let b = base[i]
      high |= b
      if b == 0x2C { ends.append(i); starts.append(i + 1) }
      else if b == 0x22 { quote = true }
      else if b == 0 && nul < 0 { nul = i }
    }
    ends.append(count)
    let line = UnsafeBufferPointer(start: base, count: count)
    if nul >= 0 {
      // Float(String) would stop at the NUL and read "2\0xyz" as 2.
      throw DataError(path: path, line: number, column: starts.lastIndex { $0 <= nul }! + 1,
                      "NUL byte: this is not a text file")
    }
    if high >= 0x80 && String(validating: line, as: UTF8.self) == nil {
      throw DataError(path: path, line: number, "the file is not UTF-8 text")
    }
    if isBlank(line) { return }
    if quote {
      try unquote(line, number: number)
      let cells = unquoted   // a local: `row` mutates self while the bytes are borrowed
      try cells.withUnsafeBufferPointer { (cells) throws(DataError) in try row(cells, number: number) }
    } else {
      try row(line, number: number)
    }
  }

  /// The common row in one pass, or false (having added nothing) to leave it to the general
  /// path: numbers in the shape `DecimalParser.scan` converts, a known label of printable ASCII
  /// without quotes or spaces, commas only between cells, exactly `width` cells. What it accepts,
  /// the general path would read the same way.
  @inline(__always)
  private mutating func plainRow(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Bool {
    let before = features.count
    var p = start
    var id: Int32 = -1
    for c in 0..<width {
      if c == labelIndex {
        let s = p
        while p < end && p.pointee != 0x2C {
          guard p.pointee > 0x20 && p.pointee < 0x7F && p.pointee != 0x22 else { break }
          p += 1
        }
        guard let known = knownLabel(s, p) else { features.removeSubrange(before...); return false }
        id = known
      } else {
        guard let v = DecimalParser.scan(&p, end), v.isFinite else { features.removeSubrange(before...); return false }
        features.append(v)
      }
      if c + 1 < width {
        guard p < end && p.pointee == 0x2C else { features.removeSubrange(before...); return false }
        p += 1
      }
    }
    guard p == end else { features.removeSubrange(before...); return false }
    appendLabel(id)
    return true
  }

  /// The id of a label already in the byte table; nil for an empty or unknown one.
  @inline(__always)
  private func knownLabel(_ s: UnsafePointer<UInt8>, _ e: UnsafePointer<UInt8>) -> Int32? {
    let n = e - s
    guard n > 0 else { return nil }
    return labelBytes.withUnsafeBufferPointer { pool -> Int32? in
      for span in labelSpans where span.count == n && memcmp(pool.baseAddress! + span.start, s, n) == 0 {
        return span.id
      }
      return nil
    }
  }

  /// Whitespace only (spaces, tabs, Unicode spaces): such lines are skipped.
  private func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let i = line.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return true }
    if line[i] < 0x80 { return false }
    return String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces).isEmpty
  }

  /// Splits a line with double quotes the original way, into `unquoted` and the cell bounds.
  private mutating func unquote(_ line: UnsafeBufferPointer<UInt8>, number: Int) throws(DataError) {
    let cells = try CSVDataset.splitCells(Substring(String(decoding: line, as: UTF8.self)), path: path, line: number)
    unquoted.removeAll(keepingCapacity: true)
    starts.removeAll(keepingCapacity: true)
    ends.removeAll(keepingCapacity: true)
    for cell in cells {
      starts.append(unquoted.count)
      unquoted.append(contentsOf: cell.utf8)
      ends.append(unquoted.count)
    }
  }

  // MARK: - Rows

  /// A non-blank row whose cells are `line[starts[c]..<ends[c]]`.
  private mutating func row(_ line: UnsafeBufferPointer<UInt8>, number: Int) throws(DataError) {
    let base = line.baseAddress ?? UnsafePointer(bitPattern: 1)!
    if width == 0 {
      if try header(base, number: number) { return }
    }
    guard starts.count == width else {
      throw DataError(path: path, line: number, "ragged row: \(starts.count) columns, expected \(width)")
    }
    for c in 0..<width where c != labelIndex {
      let (s, e) = trimmed(base + starts[c], base + ends[c])
      if let v = value(s, e) {
        guard v.isFinite else { throw DataError(path: path, line: number, column: c + 1, "'\(text(s, e))' is not a finite number") }
        features.append(v)
      } else {
        let cell = text(s, e)
        let name = featureNames[c < labelIndex ? c : c - 1]
        throw DataError(path: path, line: number, column: c + 1,
                        cell.isEmpty ? "empty cell in column '\(name)'" : "'\(cell)' is not a number")
      }
    }
    let (s, e) = trimmed(base + starts[labelIndex], base + ends[labelIndex])
    appendLabel(try classID(s, e, line: number))
  }

  /// Ends a row: its label id. After 256 rows the buffers are sized for the whole file.
  @inline(__always)
  private mutating func appendLabel(_ id: Int32) {
    rowLabels.append(id)
    if rowLabels.count == 256 && fileSize > bytesSeen {
      let rows = Int(Double(fileSize) / Double(bytesSeen) * 256 * 1.05) + 16
      features.reserveCapacity(rows * (width - 1))
      rowLabels.reserveCapacity(rows)
    }
  }

  /// Reads the first row's shape; true when it is a header (and so holds no data).
  ///
  /// The header rule: with a label column given by name there is always a header; otherwise the
  /// first row is a header only when *none* of its cells is a number. A row with some numbers is
  /// data, so a typo in it (`1,2x,0`) is an error at its place, not a silent header.
  private mutating func header(_ base: UnsafePointer<UInt8>, number: Int) throws(DataError) -> Bool {
    width = starts.count
    firstLine = number
    guard width >= 2 else {
      throw DataError(path: path, line: number, "need at least one feature column and a label column, found \(width) column")
    }
    switch label {
    case .last: labelIndex = width - 1
    case .index(let i):
      guard i >= 0 && i < width else {
        throw DataError(path: path, line: number, "label column \(i + 1) does not exist (the file has \(width) columns)")
      }
      labelIndex = i
    case .name(let n):
      // Matched untrimmed, as before.
      guard let i = (0..<width).first(where: { String(decoding: UnsafeBufferPointer(start: base + starts[$0], count: ends[$0] - starts[$0]), as: UTF8.self) == n }) else {
        throw DataError(path: path, line: number, "no column named '\(n)' in the header")
      }
      labelIndex = i
    }
    let cells = (0..<width).map { trimmed(base + starts[$0], base + ends[$0]) }
    let isHeader: Bool
    if case .name = label { isHeader = true } else { isHeader = !cells.contains { value($0.0, $0.1) != nil } }
    let featureColumns = (0..<width).filter { $0 != labelIndex }
    featureNames = isHeader ? featureColumns.map { text(cells[$0].0, cells[$0].1) } : featureColumns.map { "x\($0 + 1)" }
    return isHeader
  }

  /// The class id of a label cell, looked up by bytes first and by `String` when new.
  private mutating func classID(_ s: UnsafePointer<UInt8>, _ e: UnsafePointer<UInt8>, line: Int) throws(DataError) -> Int32 {
    guard s < e else { throw DataError(path: path, line: line, column: labelIndex + 1, "empty label") }
    if let known = knownLabel(s, e) { return known }
    let name = text(s, e)
    guard !name.isEmpty else { throw DataError(path: path, line: line, column: labelIndex + 1, "empty label") }
    let id: Int32
    if let known = labelIDs[name] { id = known } else {
      id = Int32(labelTexts.count)
      labelTexts.append(name)
      labelIDs[name] = id
    }
    if labelSpans.count < 16 {
      labelSpans.append((labelBytes.count, e - s, id))
      labelBytes.append(contentsOf: UnsafeBufferPointer(start: s, count: e - s))
    }
    return id
  }

  // MARK: - Cells

  /// The cell without surrounding spaces and tabs. Non-ASCII bytes at either end may be
  /// Unicode spaces: `text` and `value` trim those with Foundation, as the original did.
  @inline(__always)
  private func trimmed(_ s: UnsafePointer<UInt8>, _ e: UnsafePointer<UInt8>) -> (UnsafePointer<UInt8>, UnsafePointer<UInt8>) {
    var s = s, e = e
    while s < e && (s.pointee == 0x20 || s.pointee == 0x09) { s += 1 }
    while e > s && (e[-1] == 0x20 || e[-1] == 0x09) { e -= 1 }
    return (s, e)
  }

  @inline(__always)
  private func plainEnds(_ s: UnsafePointer<UInt8>, _ e: UnsafePointer<UInt8>) -> Bool {
    s == e || (s.pointee < 0x80 && e[-1] < 0x80)
  }

  private func text(_ s: UnsafePointer<UInt8>, _ e: UnsafePointer<UInt8>) -> String {
    let string = String(decoding: UnsafeBufferPointer(start: s, count: e - s), as: UTF8.self)
    return plainEnds(s, e) ? string : string.trimmingCharacters(in: .whitespaces)
  }

  @inline(__always)
  private func value(_ s: UnsafePointer<UInt8>, _ e: UnsafePointer<UInt8>) -> Float? {
    plainEnds(s, e) ? DecimalParser.parse(s, e) : Float(text(s, e))
  }

  // MARK: - The data set

  func finish(name: String) throws(DataError) -> Dataset {
    guard width > 0 else { throw DataError(path: path, "empty file: no rows") }
    guard !rowLabels.isEmpty else { throw DataError(path: path, line: firstLine, "header only: no data rows") }
    // Classes sort numerically when every label is an integer, else as text.
    let classNames = labelTexts.allSatisfy({ Int($0) != nil })
      ? labelTexts.sorted { Int($0)! < Int($1)! } : labelTexts.sorted()
    guard classNames.count >= 2 else {
      throw DataError(path: path, "fewer than two classes: every row has label '\(classNames.first ?? "")'")
    }
    let rank = Dictionary(uniqueKeysWithValues: classNames.enumerated().map { ($0.element, Int32($0.offset)) })
    let renumber = labelTexts.map { rank[$0]! }
    return Dataset(name: name, features: features, labels: rowLabels.map { renumber[Int($0)] },
                   featureNames: featureNames, classNames: classNames)
  }
}

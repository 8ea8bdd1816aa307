import Foundation

/// Lays a table out within a width: when its columns do not fit side by side, the ones that do
/// not fit go into further blocks below, each repeating the first `keep` columns (the row's
/// name), so a narrow terminal gets stacked blocks instead of wrapped lines.
enum TableFold {
  /// The width to fit: `$COLUMNS`, else the terminal's when standard output is one; nil (no
  /// folding) for a pipe or a file without `$COLUMNS`, where a script wants whole rows.
  static func width(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int? {
    if let text = environment["COLUMNS"], let columns = Int(text), columns > 0 { return columns }
    guard isatty(1) == 1 else { return nil }
    var size = winsize()
    guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
  }

  /// The width prose wraps at: the table's (`$COLUMNS`, else the terminal's), else 80 — a
  /// paragraph read in a file or a pager gains nothing from 180-column lines.
  static func proseWidth(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
    width(environment: environment) ?? 80
  }

  /// `rows[0]` is the header. `rightAligned(c)` says how column c is aligned. Lines end without
  /// trailing spaces.
  static func render(_ rows: [[String]], rightAligned: (Int) -> Bool, width: Int?, keep: Int = 1,
                     gap: Int = 2) -> String {
    guard let first = rows.first, !first.isEmpty else { return "" }
    let count = first.count
    let widths = (0..<count).map { c in rows.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
    let kept = Array(0..<min(keep, count))
    let keptWidth = kept.reduce(0) { $0 + widths[$1] + gap }
    // Columns after the kept ones, in blocks that fit beside them.
    var blocks: [[Int]] = []
    var current: [Int] = [], used = keptWidth
    for c in min(keep, count)..<count {
      if let width, !current.isEmpty, used + widths[c] > width {
        blocks.append(current)
        current = []
        used = keptWidth
      }
      current.append(c)
      used += widths[c] + gap
    }
    if !current.isEmpty || blocks.isEmpty { blocks.append(current) }
    func cell(_ row: [String], _ c: Int) -> String {
      let text = c < row.count ? row[c] : ""
      let pad = String(repeating: " ", count: max(0, widths[c] - text.count))
      return rightAligned(c) ? pad + text : text + pad
    }
    return blocks.map { block in
      rows.map { row in
        (kept + block).map { cell(row, $0) }.joined(separator: String(repeating: " ", count: gap))
          .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
      }.joined(separator: "\n") + "\n"
    }.joined(separator: "\n")
  }
}

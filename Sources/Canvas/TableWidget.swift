/// A small table of aligned text columns, e.g. the model summary:
///
/// ```
/// layer    shape  act      penalty
/// dense_1  20→16  relu     L1 0.01 │ L2 0.01
/// ```
/// Columns are as wide as their widest cell; what does not fit the rectangle is cut on the right.
public struct TableWidget: Widget {
  /// How a cell sits in its column.
  public enum Alignment: Hashable, Sendable {
    case left
    case right
    case center
  }

  /// One cell; `style` nil uses the theme's text style (the header row uses the title style).
  public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: Style?

    public init(_ text: String, style: Style? = nil) {
      self.text = text
      self.style = style
    }
  }

  public var header: [String]?
  public var rows: [[Cell]]
  /// Per column; missing entries are `.left`.
  public var alignments: [Alignment]
  /// Blank columns between columns.
  public var gap: Int

  public init(header: [String]? = nil, rows: [[Cell]], alignments: [Alignment] = [], gap: Int = 2) {
    self.header = header
    self.rows = rows
    self.alignments = alignments
    self.gap = gap
  }

  /// Plain-text rows, every cell in the theme's text style.
  public init(header: [String]? = nil, text rows: [[String]], alignments: [Alignment] = [], gap: Int = 2) {
    self.init(header: header, rows: rows.map { $0.map { Cell($0) } }, alignments: alignments, gap: gap)
  }

  /// The width of every column: the widest cell in it, header included.
  func columnWidths() -> [Int] {
    let all = (header.map { [$0.map { Cell($0) }] } ?? []) + rows
    let count = all.map(\.count).max() ?? 0
    return (0..<count).map { c in all.map { c < $0.count ? $0[c].text.count : 0 }.max() ?? 0 }
  }

  /// The columns the whole table needs: every column and the gaps between them.
  public var naturalWidth: Int {
    let widths = columnWidths()
    return widths.reduce(0, +) + gap * max(0, widths.count - 1)
  }

  public func draw(in rect: Rect, painter: inout Painter, theme: Theme) {
    painter.clipped(to: rect) { p in
      p.clear(rect)
      let widths = columnWidths()
      var y = rect.y
      if let header {
        drawRow(header.map { Cell($0, style: theme.title) }, widths: widths, x: rect.x, y: y,
                theme: theme, painter: &p)
        y += 1
      }
      for row in rows where y < rect.maxY {
        drawRow(row, widths: widths, x: rect.x, y: y, theme: theme, painter: &p)
        y += 1
      }
    }
  }

  private func drawRow(
    _ row: [Cell], widths: [Int], x: Int, y: Int, theme: Theme, painter p: inout Painter
  ) {
    var columnX = x
    for (c, cell) in row.enumerated() {
      let width = widths[c]
      let alignment = c < alignments.count ? alignments[c] : .left
      let offset = switch alignment {
      case .left: 0
      case .right: width - cell.text.count
      case .center: (width - cell.text.count) / 2
      }
      p.put(cell.text, x: columnX + offset, y: y, style: cell.style ?? theme.text)
      columnX += width + gap
    }
  }
}

import Foundation

/// A one-row meter: `label ██████▌░░░ 71%`.
///
/// The bar resolves eighths of a cell, so a 20-column gauge distinguishes 160 levels — enough to
/// see "exact zeros" creep up one weight at a time. NaN (nothing measured yet, or a diverged run)
/// shows an empty track and a dash rather than a made-up number.
public struct GaugeWidget: Widget {
  public var label: String
  /// 0…1; values outside are clamped, NaN shows as missing.
  public var fraction: Double
  /// The filled part (usually the lane style); the label uses it too.
  public var style: Style
  /// Pads the label to this many columns so stacked gauges line their bars up.
  public var labelWidth: Int?

  public init(label: String, fraction: Double, style: Style, labelWidth: Int? = nil) {
    self.label = label
    self.fraction = fraction
    self.style = style
    self.labelWidth = labelWidth
  }

  /// Width of the percent text: `100%` is the longest.
  static let percentWidth = 4

  /// The percent text, `Quantity.percent` as every table shows the share: 0.714 → `"71%"`;
  /// NaN → the missing glyph.
  public static func percentText(_ fraction: Double, missing: Character = "–") -> String {
    Quantity.percent(fraction, missing: String(missing))
  }

  /// The bar's cells for `fraction` at `width` columns, in eighths: full blocks, one partial
  /// block, then track.
  static func bar(_ fraction: Double, width: Int, glyphs: GlyphSet) -> (filled: String, track: String) {
    guard width > 0 else { return ("", "") }
    let eighths = Checked.int(Checked.clamp(fraction, 0, 1) * Double(width * 8))
    var filled = String(repeating: String(glyphs.horizontalBlocks[8]), count: eighths / 8)
    let partial = glyphs.horizontalBlocks[eighths % 8]
    if eighths % 8 > 0, partial != " " { filled.append(partial) }
    let track = String(repeating: String(glyphs.gaugeTrack), count: max(0, width - filled.count))
    return (filled, track)
  }

  public func draw(in rect: Rect, painter: inout Painter, theme: Theme) {
    painter.clipped(to: rect) { p in
      p.clear(rect)
      guard !rect.isEmpty else { return }
      let y = rect.y
      let text = GaugeWidget.percentText(fraction, missing: theme.glyphs.missing)
      let percentStyle = fraction.isNaN ? theme.dim : theme.text
      let labelColumns = label.isEmpty ? 0 : max(labelWidth ?? 0, label.count) + 1
      let barX = rect.x + labelColumns
      let barWidth = rect.maxX - barX - GaugeWidget.percentWidth - 1
      guard barWidth >= 1 else {
        // Too narrow for a bar: the number matters more than the picture, then the label.
        let room = rect.width - text.count - 1
        if room > 0 {
          p.put(Painter.truncate(label, to: room, ellipsis: theme.glyphs.ellipsis),
                x: rect.x, y: y, style: style)
        }
        p.putRightAligned(text, in: rect, y: y, style: percentStyle)
        return
      }
      p.put(label, x: rect.x, y: y, style: style)
      let (filled, track) = GaugeWidget.bar(fraction, width: barWidth, glyphs: theme.glyphs)
      let after = p.put(filled, x: barX, y: y, style: style)
      p.put(track, x: after, y: y, style: theme.dim)
      p.putRightAligned(text, in: rect, y: y, style: percentStyle)
    }
  }
}

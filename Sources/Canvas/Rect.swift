/// A rectangle of cells: origin `(x, y)` is the top-left cell, `width × height` cells in size.
///
/// Layout is plain arithmetic on these values; sizes never go negative, so a layout computed for
/// a terminal that is too small yields empty rectangles that draw nothing instead of trapping.
public struct Rect: Hashable, Sendable {
  public var x: Int
  public var y: Int
  public var width: Int
  public var height: Int

  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = max(0, width)
    self.height = max(0, height)
  }

  public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

  /// One past the last column.
  public var maxX: Int { x + width }
  /// One past the last row.
  public var maxY: Int { y + height }
  /// No cells at all.
  public var isEmpty: Bool { width == 0 || height == 0 }

  public func contains(x px: Int, y py: Int) -> Bool {
    px >= x && px < maxX && py >= y && py < maxY
  }

  /// The cells both rectangles cover (empty, at `self`'s origin, when they do not overlap).
  public func intersection(_ other: Rect) -> Rect {
    let left = max(x, other.x), top = max(y, other.y)
    let right = min(maxX, other.maxX), bottom = min(maxY, other.maxY)
    guard right > left, bottom > top else { return Rect(x: x, y: y, width: 0, height: 0) }
    return Rect(x: left, y: top, width: right - left, height: bottom - top)
  }

  /// Shrinks every side by `amount` cells (1 = the inside of a box border).
  public func inset(by amount: Int) -> Rect {
    inset(top: amount, left: amount, bottom: amount, right: amount)
  }

  /// Shrinks each side by its own amount.
  public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
    Rect(x: x + left, y: y + top, width: width - left - right, height: height - top - bottom)
  }

  /// The single row `offset` rows below the top (empty when `offset` is outside the rectangle).
  public func line(_ offset: Int) -> Rect {
    guard offset >= 0, offset < height else { return Rect(x: x, y: y + offset, width: width, height: 0) }
    return Rect(x: x, y: y + offset, width: width, height: 1)
  }

  /// Side by side: `left` gets the first `column` columns (clamped), `right` the rest.
  public func splitHorizontally(at column: Int) -> (left: Rect, right: Rect) {
    let w = min(max(0, column), width)
    return (Rect(x: x, y: y, width: w, height: height),
            Rect(x: x + w, y: y, width: width - w, height: height))
  }

  /// Stacked: `top` gets the first `row` rows (clamped), `bottom` the rest.
  public func splitVertically(at row: Int) -> (top: Rect, bottom: Rect) {
    let h = min(max(0, row), height)
    return (Rect(x: x, y: y, width: width, height: h),
            Rect(x: x, y: y + h, width: width, height: height - h))
  }

  /// Side-by-side columns whose widths are proportional to `weights`, `gap` columns apart.
  /// Widths always add up to the available width (largest remainders get the spare columns).
  public func columns(weights: [Int], gap: Int = 0) -> [Rect] {
    let widths = Rect.distribute(width - gap * max(0, weights.count - 1), weights: weights)
    return Rect.place(widths, start: x, gap: gap).map {
      Rect(x: $0.start, y: y, width: $0.size, height: height)
    }
  }

  /// Stacked rows whose heights are proportional to `weights`, `gap` rows apart.
  public func rows(weights: [Int], gap: Int = 0) -> [Rect] {
    let heights = Rect.distribute(height - gap * max(0, weights.count - 1), weights: weights)
    return Rect.place(heights, start: y, gap: gap).map {
      Rect(x: x, y: $0.start, width: width, height: $0.size)
    }
  }

  /// Side-by-side columns of fixed widths; `nil` entries share what is left equally.
  /// Fixed widths are honoured left to right until space runs out.
  public func columns(widths: [Int?]) -> [Rect] {
    Rect.place(Rect.resolve(widths, total: width), start: x, gap: 0).map {
      Rect(x: $0.start, y: y, width: $0.size, height: height)
    }
  }

  /// Stacked rows of fixed heights; `nil` entries share what is left equally — e.g.
  /// `rows(heights: [1, nil, 1])` for a header, a body and a footer.
  public func rows(heights: [Int?]) -> [Rect] {
    Rect.place(Rect.resolve(heights, total: height), start: y, gap: 0).map {
      Rect(x: x, y: $0.start, width: width, height: $0.size)
    }
  }

  // MARK: - Distribution arithmetic

  /// Splits `total` into integer parts proportional to `weights` that sum exactly to `total`.
  static func distribute(_ total: Int, weights: [Int]) -> [Int] {
    let total = max(0, total)
    let clean = weights.map { max(0, $0) }
    let sum = clean.reduce(0, +)
    guard sum > 0 else { return clean.map { _ in 0 } }
    var parts = clean.map { $0 * total / sum }
    // Hand the leftover cells to the largest fractional remainders so 3 equal columns in 10
    // cells become 4/3/3, not 3/3/3 with a dead column.
    let order = clean.indices.sorted {
      (clean[$0] * total % sum, -$0) > (clean[$1] * total % sum, -$1)
    }
    for i in order.prefix(atMost: total - parts.reduce(0, +)) { parts[i] += 1 }
    return parts
  }

  /// Fixed sizes first (clamped to what is left), then `nil`s share the remainder equally.
  static func resolve(_ sizes: [Int?], total: Int) -> [Int] {
    var left = max(0, total)
    var fixed = sizes.map { size -> Int? in
      guard let size else { return nil }
      let taken = min(max(0, size), left)
      left -= taken
      return taken
    }
    let flexible = fixed.indices.filter { fixed[$0] == nil }
    let shares = distribute(left, weights: flexible.map { _ in 1 })
    for (i, share) in zip(flexible, shares) { fixed[i] = share }
    return fixed.map { $0 ?? 0 }
  }

  static func place(_ sizes: [Int], start: Int, gap: Int) -> [(start: Int, size: Int)] {
    var position = start
    return sizes.map { size in
      defer { position += size + gap }
      return (position, size)
    }
  }
}

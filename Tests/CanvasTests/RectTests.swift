import Testing

@testable import Canvas

@Suite struct RectTests {
  let r = Rect(x: 2, y: 3, width: 10, height: 6)

  @Test func insetsAndEmptiness() {
    #expect(r.inset(by: 1) == Rect(x: 3, y: 4, width: 8, height: 4))
    #expect(r.inset(by: 4).isEmpty)
    #expect(r.inset(by: 9).width == 0)
    #expect(r.inset(top: 1, left: 2) == Rect(x: 4, y: 4, width: 8, height: 5))
  }

  @Test func splits() {
    let (left, right) = r.splitHorizontally(at: 4)
    #expect(left == Rect(x: 2, y: 3, width: 4, height: 6))
    #expect(right == Rect(x: 6, y: 3, width: 6, height: 6))
    let (top, bottom) = r.splitVertically(at: 99)
    #expect(top == r)
    #expect(bottom.isEmpty)
  }

  @Test func proportionalColumnsFillTheWidthExactly() {
    let cols = r.columns(weights: [1, 1, 1])
    #expect(cols.map(\.width) == [4, 3, 3])
    #expect(cols.map(\.x) == [2, 6, 9])
    let gapped = Rect(x: 0, y: 0, width: 80, height: 1).columns(weights: [2, 1, 1], gap: 1)
    #expect(gapped.map(\.width) == [39, 20, 19])
    #expect(gapped.last?.maxX == 80)
  }

  @Test func fixedAndFlexibleRows() {
    let rows = r.rows(heights: [1, nil, 2])
    #expect(rows.map(\.height) == [1, 3, 2])
    #expect(rows.map(\.y) == [3, 4, 7])
    #expect(Rect(x: 0, y: 0, width: 1, height: 2).rows(heights: [1, nil, 5]).map(\.height) == [1, 0, 1])
    #expect(r.rows(weights: [1, 2]).map(\.height) == [2, 4])
  }

  @Test func intersection() {
    #expect(r.intersection(Rect(x: 0, y: 0, width: 5, height: 5)) == Rect(x: 2, y: 3, width: 3, height: 2))
    #expect(r.intersection(Rect(x: 50, y: 0, width: 5, height: 5)).isEmpty)
    #expect(r.line(2) == Rect(x: 2, y: 5, width: 10, height: 1))
    #expect(r.line(6).isEmpty)
  }
}

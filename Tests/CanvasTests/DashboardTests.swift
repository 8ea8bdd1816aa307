import Testing

@testable import Canvas

/// Every widget composed into one 80×24 screen, as the app will do: checks that they sit
/// together without overdrawing each other, in Unicode and in ASCII.
@Suite struct DashboardTests {
  func dashboard(theme: Theme) -> Grid {
    var grid = Grid(width: 80, height: 24)
    let screen = grid.bounds
    let rows = screen.rows(heights: [1, 10, 7, nil, 1])
    grid.paint { p in
      p.put(" RegViz  sparse \(theme.ascii ? "-" : "·") epoch 312", x: 0, y: rows[0].y, style: theme.title)
      let weights = p.panel(rows[1], title: "weights", theme: theme)
      let lanes = weights.columns(weights: [1, 1, 1, 1], gap: 1)
      let sigmas = [0.45, 0.12, 0.18, 0.15], zeros = [0, 180, 0, 90]
      for (i, lane) in lanes.enumerated() {
        let (plot, gauge) = lane.splitVertically(at: lane.height - 1)
        HistogramWidget(bins: Fixtures.bell(bins: 40, sigma: sigmas[i], peak: 30), zeroCount: zeros[i],
                        range: 1, title: Fixtures.laneNames[i], style: theme.laneStyle(i))
          .draw(in: plot, painter: &p, theme: theme)
        GaugeWidget(label: "0s", fraction: Double(zeros[i]) / 400, style: theme.laneStyle(i))
          .draw(in: gauge, painter: &p, theme: theme)
      }
      let charts = rows[2].columns(weights: [1, 1])
      let loss = p.panel(charts[0], title: "loss", theme: theme, highlighted: true)
      BrailleChart(series: (0..<4).map { i in
        ChartSeries(values: Fixtures.decay(312, start: 1.1, floor: 0.2 + 0.05 * Double(i), rate: 0.02),
                    style: theme.laneStyle(i), marker: theme.laneMarker(i))
      }, caption: "epoch 312").draw(in: loss, painter: &p, theme: theme)
      let zerosPanel = p.panel(charts[1], title: "exact zeros %", theme: theme)
      BrailleChart(series: [1, 3].map { i in
        ChartSeries(values: Fixtures.rise(312, target: [0, 0.7, 0, 0.5][i], rate: 0.03),
                    style: theme.laneStyle(i), marker: theme.laneMarker(i))
      }, yRange: 0...1, percent: true).draw(in: zerosPanel, painter: &p, theme: theme)
      let bottom = rows[3].columns(widths: [nil, 30])
      let features = p.panel(bottom[0], title: "first layer |w|", theme: theme)
      FeatureBarsWidget(
        features: (1...12).map { .init(name: "x\($0)", informative: $0 % 5 == 2) },
        rows: (0..<3).map { i in
          .init(label: Fixtures.laneNames[i], style: theme.laneStyle(i),
                values: (1...12).map { f in i == 1 && f % 5 != 2 ? 0 : Double(f % 5 == 2 ? 3 : 1) / Double(i + 1) })
        }, scale: .shared
      ).draw(in: features, painter: &p, theme: theme)
      // A column of padding each side keeps prose off the frame.
      let lesson = p.panel(bottom[1], title: "lesson 2/6", theme: theme).inset(left: 1, right: 1)
      let needed = TextView(blocks: theme.ascii ? Fixtures.asciiLesson : Fixtures.lesson).render(in: lesson, painter: &p, theme: theme)
      if needed > lesson.height {
        p.putRightAligned("more \(theme.glyphs.arrowDown)", in: bottom[1].inset(right: 1),
                          y: bottom[1].maxY - 1, style: theme.dim)
      }
      Legend(lanes: Fixtures.laneNames).draw(in: rows[4], painter: &p, theme: theme)
    }
    return grid
  }

  @Test func unicodeDashboard() {
    let grid = dashboard(theme: .standard)
    assertSnapshot(grid, named: "dashboard-unicode")
    #expect(grid.row(23).hasPrefix("● none"))
  }

  @Test func asciiDashboardIsPureASCII() {
    let grid = dashboard(theme: Theme(colorMode: .monochrome, ascii: true))
    #expect(nonASCII(grid) == "")
    assertSnapshot(grid, named: "dashboard-ascii")
  }
}

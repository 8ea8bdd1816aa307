import Testing

@testable import Lessons

/// `view:`, the lens's `lens-…:` values, and the conditions on pruned units, dropped inputs and
/// the lens's zeros.
@Suite("view and lens directives")
struct ViewDirectiveTests {
  private func step(_ directives: String) throws(LessonError) -> Step {
    try parse(lesson("## S\n```regviz\nlane: none\nlane: l1=0.02\n\(directives)\n```\n")).steps[0]
  }

  @Test func viewAndLensValuesParse() throws {
    let s = try step("view: lens\nlens-correlation: -0.5\nlens-scale: 2\nlens-lambda: 1.2")
    #expect(s.view == .lens)
    #expect(s.lens == LensDirectives(correlation: -0.5, scale: 2, lambda: 1.2))
    for view in DashboardView.allCases { #expect(try step("view: \(view.rawValue)").view == view) }
    #expect(try step("lr: 0.1").view == nil)
  }

  @Test(arguments: [
    ("view: pie", 7, "view must be one of histograms, matrix, trajectories, tug, lens, path, got 'pie'"),
    ("lens-correlation: 1", 19, "lens-correlation must be a number from -0.95 to 0.95, got '1'"),
    ("lens-scale: 0.1", 13, "lens-scale must be a number from 0.25 to 4.0, got '0.1'"),
    ("lens-lambda: -1", 14, "lens-lambda must be a number from 0.0 to 8.0, got '-1'"),
  ])
  func badValuesPointAtTheValue(_ text: String, _ column: Int, _ message: String) {
    // The regviz block's third line (after two lanes) is line 10.
    #expect(parseError(lesson("## S\n```regviz\nlane: none\nlane: l1=0.02\n\(text)\n```\n"))?.description
            == "t.md:10:\(column): \(message)")
  }

  @Test func newConditionsParse() throws {
    #expect(try condition("pruned_units(L1) >= 3").description.contains("pruned_units(L1)"))
    #expect(try condition("dropped_inputs(none) == 0").description.contains("dropped_inputs(none)"))
    // lens_zero takes the lens's own lanes, whatever the step trains.
    #expect(try condition("lens_zero(L1) >= 1").description.contains("lens_zero(L1)"))
    #expect(try condition("lens_zero(L1+L2) >= 1").description.contains("lens_zero(L1+L2)"))
  }

  @Test func lensZeroRejectsOtherLanes() {
    let error = parseError(lesson("## S\n```regviz\nlane: none\nuntil: lens_zero(l1=0.02) >= 1\n```\n"))
    #expect(error?.message == "unknown lane 'l1=0.02' (lanes in effect: none, L1, L2, L1+L2)")
  }
}

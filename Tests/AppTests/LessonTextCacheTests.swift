import Canvas
import Testing

@testable import App

/// Issue 25, case 12 (second half): the lesson page's text is laid out once a page, not once a
/// frame — a 10 KB step cost 20% of a core while paused.
@Suite struct LessonTextCacheTests {
  typealias F = LessonFixtures

  @Test func framesOfOnePageLayOutItsTextOnceAndDrawTheSame() {
    let session = LessonPaneTests.lessonTwo()
    let snapshot = F.snapshot(session, epochs: 10, running: false)
    var mode = LessonMode(session: session, state: AppState())
    _ = mode.observe(snapshot, elapsed: 0)
    let first = mode.compose(snapshot, width: 120, height: 40)
    for _ in 0..<5 { #expect(mode.compose(snapshot, width: 120, height: 40) == first) }
    #expect(mode.textCache.layouts == 1, "five more frames of the same page")
    // A fresh mode draws the same page.
    var plain = session
    #expect(LessonPaneTests.frame(&plain, snapshot, width: 120, height: 40) == first)
    // Another width or theme lays it out again.
    _ = mode.compose(snapshot, width: 80, height: 24)
    #expect(mode.textCache.layouts == 2)
    // An answer changes the page.
    _ = mode.perform(.answer("a"), snapshot: snapshot)
    _ = mode.compose(snapshot, width: 80, height: 24)
    #expect(mode.textCache.layouts == 3)
  }
}

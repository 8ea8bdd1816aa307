import Foundation
import Lessons
import Testing

@testable import App

/// The view registry is the one list of views: `v` cycles through it in order, the help names
/// it, a lesson's `view:` accepts its names, and the README lists it.
@Suite struct ViewRegistryTests {
  @Test func everyViewHasOneEntryAndVVisitsThemAllInOrder() {
    #expect(Views.all.map { $0.name } == DashboardView.allCases, "each entry names its own view")
    var view = DashboardView.histograms
    var seen: [DashboardView] = []
    for _ in DashboardView.allCases {
      seen.append(view)
      view = Views.next(after: view)
    }
    #expect(seen == DashboardView.allCases && view == .histograms)
  }

  @Test func theHelpAndTheReadmeListTheViewsFromTheRegistry() throws {
    let line = Views.all.map { $0.title }.joined(separator: " → ")
    let help = Keymap(KeyContext(mode: .play)).rows.first { $0.label == "v" }?.help
    #expect(help == "view: " + line)
    let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("README.md")
    #expect(try String(contentsOf: readme, encoding: .utf8).contains("main area: " + line), "README's `v` row")
  }

  @Test func aViewsOwnKeysComeFirstWhileItShows() {
    var lens = KeyContext(mode: .play, view: .lens)
    #expect(Keymap(lens).action(for: "]") == .lensLambda(up: true))
    lens.view = .histograms
    #expect(Keymap(lens).action(for: "]") == .lambda(up: true))
    let path = Keymap(KeyContext(mode: .play, view: .path))
    #expect(path.action(for: .left) == .pathCursor(.back) && path.action(for: .enter) == .pickPathLambda)
    #expect(Keymap(KeyContext(mode: .play)).action(for: .left) == .scrub(.back))
    // A lesson's path only shows: ← turns the page.
    #expect(Keymap(KeyContext(mode: .lesson, view: .path)).action(for: .left) == .back)
  }
}

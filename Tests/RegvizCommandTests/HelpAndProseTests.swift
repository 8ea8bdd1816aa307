import App
import Foundation
import Testing

/// Issue 23, item 21: `play --help` names the views `v` cycles through (from the view
/// registry), and `--summary` prose wraps at `$COLUMNS` (80 when it is not known).
@Suite struct HelpAndProseTests {
  @Test func playHelpNamesTheViews() throws {
    let r = try CLI.run(["play", "--help"], environment: ["COLUMNS": "200"])
    #expect(r.status == 0, "\(r.stderr)")
    let help = r.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    #expect(help.contains("v cycles the views: " + Views.cycle), "\(r.stdout)")
    #expect(Views.cycle.components(separatedBy: " → ").count == 6 && Views.cycle.contains("tug of war"))
  }

  /// The prose lines of `run --summary` (not the tables' rows) keep to the width.
  @Test(arguments: [["COLUMNS": "80"], ["COLUMNS": "100"], [:]])
  func summaryProseWrapsAtTheWidth(environment: [String: String]) throws {
    var env = environment
    if env["COLUMNS"] == nil { env["COLUMNS"] = "" }  // unknown: a pipe, no $COLUMNS
    let width = Int(env["COLUMNS"] ?? "") ?? 80
    let r = try CLI.run(["run", "--lane", "none", "--lane", "l1=0.01", "--lane", "l2=0.01", "--lane", "l1=0.01,l2=0.01",
                         "--optimizer", "adam", "--summary"], environment: env)
    #expect(r.status == 0, "\(r.stderr)")
    let prose = r.stdout.split(separator: "\n").filter { line in
      // A table row has columns apart by two spaces or more after its first cell; a rule is one.
      !line.trimmingCharacters(in: .whitespaces).contains("  ") && !line.allSatisfy { $0 == "─" }
    }
    #expect(prose.count >= 6, "\(r.stdout)")
    for line in prose { #expect(line.count <= width, "\(width): \(line)") }
    #expect(r.stdout.contains("Under Adam the pulls above do not hold"))
  }
}

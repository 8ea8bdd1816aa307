import ArgumentParser
import Testing
import Training

@testable import RegvizCommand

/// `--help` as a learner reads it at 80 columns: tables stay tables, usage lines do not demand
/// what is optional, and `--data-dir` says where RegViz looks without sending them to a file
/// they do not have.
@Suite("help texts")
struct HelpTextTests {
  static let commands: [any ParsableCommand.Type] = [
    LessonCommand.self, PlayCommand.self, RunCommand.self, SweepCommand.self, BenchCommand.self,
    LessonsCommand.self, LessonsCommand.Check.self, LensCommand.self,
  ]

  /// The help's words with line breaks and indentation collapsed to single spaces.
  static func words(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// Indented discussion lines are rows of a key list or table: ArgumentParser wraps a row
  /// that is too wide and its tail lands at column 0 ("(output last)" in `run --help` did).
  @Test(arguments: commands.indices)
  func discussionRowsAreWholeLinesAt80Columns(_ i: Int) {
    let command = Self.commands[i]
    let help = Regviz.helpMessage(for: command, columns: 80)
    let lines = Set(help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    let rows = command.configuration.discussion.split(separator: "\n").map(String.init).filter { $0.hasPrefix("  ") }
    for row in rows {
      #expect(lines.contains(row), "\(command.configuration.commandName ?? "?"): row wrapped: \(row)")
    }
  }

  @Test func theLaneTableOfRunKeepsItsColumns() {
    let help = Regviz.helpMessage(for: RunCommand.self, columns: 80)
    #expect(help.contains("\n  1:l1=0.01;2:l2=0.01             per Dense layer\n"))
    #expect(help.contains("\n  none | l1=λ | l2=λ | l1=λ,l2=λ  every Dense kernel\n"))
  }

  /// `--lane`'s help lists every kind of term in `TermKind.table` (it left out `group=λ`).
  @Test(arguments: [["run"], ["play"], ["sweep"]])
  func laneHelpListsEveryTermKind(_ command: [String]) throws {
    let r = try CLI.run(command + ["--help"])
    let text = Self.words(r.stdout)
    let lane = try #require(text.range(of: "--lane <spec>")).upperBound
    let help = String(text[lane...].prefix(1200))
    for kind in TermKind.table {
      #expect(help.contains("\(kind.keyword)=λ, \(Self.words(kind.help))"), "\(command): \(kind.keyword)")
    }
  }

  /// Every help line is indented as the options are: a flag's text never starts a line at a
  /// column of its own ("Needs data small enough…" under `--keras` did, 8 columns in).
  @Test(arguments: [PlayCommand.self, RunCommand.self] as [any ParsableCommand.Type])
  func optionTextLinesShareOneIndent(_ command: any ParsableCommand.Type) {
    let help = Regviz.helpMessage(for: command, columns: 80)
    let options = help.components(separatedBy: "OPTIONS:\n").last ?? ""
    for line in options.split(separator: "\n") where line.hasPrefix(" ") {
      let indent = line.prefix { $0 == " " }.count
      #expect(indent == 2 || indent == 26, "\(line)")
    }
    #expect(Self.words(help).contains("and exit. Needs data small enough to print; use --keras-out otherwise."))
  }

  /// Every command that takes `--data-dir` states the lookup order itself.
  @Test(arguments: [["run"], ["play"], ["sweep"], ["lesson"], ["lessons"]])
  func dataDirHelpStatesTheLookupOrder(_ command: [String]) throws {
    let r = try CLI.run(command + ["--help"])
    #expect(r.status == 0)
    let text = Self.words(r.stdout)
    #expect(text.contains("--data-dir <dir> Where RegViz's assets/ and lessons/ are; only this directory is searched. "
      + "Without it: $REGVIZ_DATA_DIR, <bin>/../share/regviz, <bin>/regviz-data (<bin> = the directory of the regviz "
      + "binary), then the source tree regviz was built from, first hit wins."), "\(command): \(text)")
    #expect(!text.contains("DECISIONS.md"))
  }

  /// `regviz lessons` lists the course on its own; `check` is optional.
  @Test func lessonsUsageDoesNotRequireASubcommand() throws {
    let r = try CLI.run(["lessons", "--help"])
    #expect(r.status == 0)
    let usage = try #require(r.stdout.range(of: "USAGE:").flatMap { start in
      r.stdout.range(of: "OPTIONS:").map { r.stdout[start.lowerBound..<$0.lowerBound] }
    })
    #expect(!usage.contains("<subcommand>"))
    #expect(r.stdout.contains("USAGE: regviz lessons [--reset] [--data-dir <dir>]\n"))
    #expect(r.stdout.contains("regviz lessons check [--replay] [--linger <epochs>] [<files> ...]\n"))
  }
}

import Foundation
import Testing

@testable import RegvizCommand

/// TAB after `regviz lesson` offers the lessons; after `--dataset`, iris, sparse and CSV files.
@Suite struct CompletionTests {
  @Test func lessonCandidatesAreNumbersAndIdsThenNames() {
    let ids = ["01-overfitting", "02-l1-lasso"]
    #expect(Completions.lessons(ids: ids, prefix: "") == ["1", "2", "01-overfitting", "02-l1-lasso"])
    #expect(Completions.lessons(ids: ids, prefix: "0") == ["1", "2", "01-overfitting", "02-l1-lasso"])
    #expect(Completions.lessons(ids: ids, prefix: "la") == ["overfitting", "l1-lasso"])
  }

  @Test func theDataDirOnTheLineIsWhereLessonsAreLookedFor() {
    #expect(Completions.dataDir(in: ["regviz", "lesson", "--data-dir", "/x", ""]) == "/x")
    #expect(Completions.dataDir(in: ["regviz", "lesson", "--data-dir=/y", ""]) == "/y")
    #expect(Completions.dataDir(in: ["regviz", "lesson", ""]) == nil)
  }

  @Test func datasetCandidatesAreBuiltInsCSVFilesAndDirectories() throws {
    let dir = CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    for file in ["a.csv", "B.CSV", "notes.txt", ".hidden.csv", "sub/c.csv"] {
      let url = dir.appendingPathComponent(file)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data("x,y\n1,a\n".utf8).write(to: url)
    }
    let d = dir.path + "/"
    #expect(Completions.datasets([], 0, "") .prefix(3) == ["digits", "iris", "sparse"])
    #expect(Completions.datasets([], 0, d) == [d + "B.CSV", d + "a.csv", d + "sub/"])
    #expect(Completions.datasets([], 0, d + ".") == [d + ".hidden.csv"])
    // A lone directory is opened, so TAB goes on into it.
    #expect(Completions.datasets([], 0, d + "s") == [d + "sub/c.csv"])
    #expect(Completions.datasets([], 0, "sp") == ["sparse"] + Completions.csvFiles(prefix: "sp"))
  }

  /// The generated bash script, sourced, asks the binary and offers what the closures return.
  @Test func bashCompletesLessonsAndDataSets() throws {
    let dir = CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data("x,y\n1,a\n".utf8).write(to: dir.appendingPathComponent("flowers.csv"))
    try Data().write(to: dir.appendingPathComponent("notes.txt"))
    let script = #"""
      set -u
      bin=$1
      PATH="$(dirname "$bin"):$PATH"
      cd "$DATA"
      source <("$bin" --generate-completion-script bash)
      complete_line() {   # LINE → the candidates bash offers after it, on one line
        COMP_LINE=$1; COMP_POINT=${#COMP_LINE}
        read -ra COMP_WORDS <<<"$COMP_LINE"
        [[ $COMP_LINE == *" " ]] && COMP_WORDS+=("")
        COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
        COMPREPLY=()
        _regviz regviz "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        echo "${COMPREPLY[*]}"
      }
      complete_line "regviz lesson "
      complete_line "regviz lesson l1"
      complete_line "regviz run --dataset "
      complete_line "regviz sweep --dataset f"
      """#
    let r = try CLI.runScript(script, environment: ["DATA": dir.path])
    #expect(r.status == 0, "\(r.output)")
    let lines = r.output.split(separator: "\n").map(String.init)
    try #require(lines.count == 4, "\(lines)")
    #expect(lines[0].hasPrefix("1 2 3 4 5 6 7 ") && lines[0].contains(" 01-overfitting 02-l1-lasso "), "\(lines[0])")
    #expect(lines[1] == "l1-lasso", "\(lines[1])")
    #expect(lines[2] == "digits iris sparse flowers.csv", "\(lines[2])")
    #expect(lines[3] == "flowers.csv", "\(lines[3])")
  }
}

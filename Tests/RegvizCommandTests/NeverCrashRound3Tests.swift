import Foundation
import Testing
@testable import RegvizCommand

/// Issue 25, the input, file and terminal cases (5–12, 15): each refused with one line that
/// names the flag or the file:line:col, a non-zero status and no file left half-written.
@Suite struct NeverCrashRound3Tests {
  /// The one line of standard error, checked to be one line.
  func oneLine(_ r: CLI.Result, _ needle: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(r.status != 0, "exit status \(r.status): \(r.stderr)", sourceLocation: sourceLocation)
    let lines = r.stderr.split(separator: "\n")
    #expect(lines.count == 1 && r.stderr.contains(needle), "\(r.stderr)", sourceLocation: sourceLocation)
  }

  func leftovers(_ dir: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.contains(".regviz-") }
  }

  // MARK: - 5, 15: replay

  func cast(_ events: [(Double, String)], width: Int = 20, height: Int = 5) -> String {
    var text = #"{"version": 2, "width": \#(width), "height": \#(height)}"# + "\n"
    for (time, data) in events {
      let json = String(decoding: try! JSONSerialization.data(withJSONObject: [time, "o", data] as [Any]), as: UTF8.self)
      text += json + "\n"
    }
    return text
  }

  @Test func replayDropsWhatReprogramsTheTerminal() throws {
    let dir = CLI.temporaryDirectory()
    let file = dir.appendingPathComponent("evil.cast")
    let evil = "\u{1B}[?1049h\u{1B}[?1000h\u{1B}[?25l\u{1B}]0;pwned\u{07}\u{1B}]52;c;ZWNobyBoaQ==\u{1B}\\"
      + "\u{1B}[6n\u{1B}Pq#0;2;0;0;0\u{1B}\\\u{1B}c\u{07}\u{1B}[3J"
    let draws = "\u{1B}[2J\u{1B}[1;1H\u{1B}[1;31mλ héllo\u{1B}[0m\u{1B}[2;3H\u{1B}[K▁▂"
    // A sequence split across two events is still recognised.
    try cast([(0, evil + draws), (0.01, "\u{1B}]2;ti"), (0.02, "tle\u{07}end")]).write(to: file, atomically: true, encoding: .utf8)
    let r = try CLI.run(["replay", "--speed", "0", file.path])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains(draws), "what draws gets through: \(r.stdout.debugDescription)")
    #expect(r.stdout.contains("end"))
    for dropped in ["[?1049h", "[?1000h", "[?25l", "]0;", "]52;", "[6n", "\u{1B}P", "\u{1B}c", "\u{07}", "[3J", "pwned", "title", "ZWNo"] {
      #expect(!r.stdout.contains(dropped), "\(dropped.debugDescription) got through")
    }
    #expect(r.stdout.hasSuffix("\u{1B}[0m\u{1B}[?25h\u{1B}[5;1H\r\n"), "reset, cursor shown, below the frame: \(r.stdout.debugDescription)")
  }

  @Test func replayFilterKeepsDrawingSequencesSplitAnywhere() {
    let text = "a\u{1B}[38;2;1;2;3mb\u{1B}[10;20Hc\u{1B}]8;;http://x\u{1B}\\d\u{1B}7e\u{1B}8"
    var whole = ReplayFilter()
    let once = whole.filter(text)
    #expect(once == "a\u{1B}[38;2;1;2;3mb\u{1B}[10;20Hcd\u{1B}7e\u{1B}8")
    var split = ReplayFilter()
    let pieces = text.map { split.filter(String($0)) }.joined()
    #expect(pieces == once)
  }

  @Test func replayCapsTheWaitForAFarAwayEvent() throws {
    let dir = CLI.temporaryDirectory()
    let file = dir.appendingPathComponent("far.cast")
    try cast([(0, "first"), (1e300, "second")]).write(to: file, atomically: true, encoding: .utf8)
    let start = Date()
    // 5 s at most between two events, played 10 times as fast: half a second.
    let r = try CLI.run(["replay", "--speed", "10", file.path])
    #expect(r.status == 0 && r.stdout.contains("second"), "\(r.stderr)")
    #expect(Date().timeIntervalSince(start) < 5)
  }

  @Test func replayRefusesATimeThatIsNotAFiniteNumber() throws {
    let dir = CLI.temporaryDirectory()
    let file = dir.appendingPathComponent("neg.cast")
    try cast([(0, "a"), (-1, "b")]).write(to: file, atomically: true, encoding: .utf8)
    oneLine(try CLI.run(["replay", "--speed", "0", file.path]), "neg.cast:3: the time -1.0 is not a finite number ≥ 0")
  }

  @Test func replayReadsLineByLine() throws {
    let dir = CLI.temporaryDirectory()
    let file = dir.appendingPathComponent("long.cast")
    // One line longer than a cast's longest: refused without holding the file whole.
    var text = cast([(0, "a")])
    text += "[0.1, \"o\", \"" + String(repeating: "x", count: (16 << 20) + 10) + "\"]\n"
    try text.write(to: file, atomically: true, encoding: .utf8)
    oneLine(try CLI.run(["replay", "--speed", "0", file.path]), "long.cast:3: a line longer than 16 MB")
  }

  // MARK: - 6: --record

  @Test func recordToStandardOutputIsRefused() throws {
    let dir = CLI.temporaryDirectory()
    let r = try CLI.run(["play", "--record", "-"], cwd: dir)
    oneLine(r, "--record: '-' (standard output) is where the dashboard draws")
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("-").path))
  }

  @Test func recordWithoutATerminalLeavesNoTemporaryFile() throws {
    let dir = CLI.temporaryDirectory()
    let r = try CLI.run(["play", "--record", "x.cast"], cwd: dir)
    #expect(r.status == 2, "\(r.stderr)")
    #expect(leftovers(dir).isEmpty, "left \(leftovers(dir))")
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.cast").path))
  }

  // MARK: - 7: two flags, one file

  @Test func twoOutputsInOneFileAreRefused() throws {
    let dir = CLI.temporaryDirectory()
    let f = dir.appendingPathComponent("F").path
    oneLine(try CLI.run(["run", "--epochs", "2", "--out", f, "--plot", f, "--dump-weights", f]),
            "--out and --dump-weights name the same file")
    try "old".write(toFile: f, atomically: true, encoding: .utf8)
    let link = dir.appendingPathComponent("L").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: f)
    oneLine(try CLI.run(["run", "--epochs", "2", "--out", f, "--plot", link]), "--out and --plot name the same file")
    oneLine(try CLI.run(["sweep", "--epochs", "2", "--points", "2", "--out", "s", "--plot", "./s"], cwd: dir),
            "--out and --plot name the same file ('s' and './s')")
    #expect(try String(contentsOfFile: f, encoding: .utf8) == "old", "nothing written")
    #expect(leftovers(dir).isEmpty)
  }

  // MARK: - 8: folds without every class

  @Test func crossValidationFoldsWithoutTrainingRowsAreRefused() throws {
    let r = try CLI.run(["sweep", "--dataset", "iris", "--val-split", "0.95", "--cv", "7", "--epochs", "2", "--points", "2"])
    oneLine(r, "--cv 7: fold")
    #expect(r.stderr.contains("folds work here") || r.stderr.contains("no fold count works"), "\(r.stderr)")
  }

  // MARK: - 9: Float range

  @Test(arguments: [(["--from", "1e-300", "--to", "1"], "--from: 1e-300 is outside single precision"),
                    (["--from", "0.001", "--to", "1e300"], "--to: 1e+300 is outside single precision")])
  func sweepBoundsAreCheckedAsFloat(flags: [String], message: String) throws {
    let r = try CLI.run(["sweep", "--epochs", "1"] + flags)
    #expect(r.status != 0 && r.stderr.contains(message), "\(r.stderr)")
  }

  @Test func aLaneStrengthThatUnderflowsIsRefused() throws {
    oneLine(try CLI.run(["run", "--epochs", "1", "--lane", "l1=1e-50"]), "l1 strength 1e-50 is below single precision")
  }

  // MARK: - 10: --keras-model types

  @Test(arguments: [
    (#""units": 10,"#, #""units": 3.7,"#, #"layer 'dense' (Dense): "units" must be a whole number 1…1000000, got 3.7"#),
    (#""units": 10,"#, #""units": true,"#, #"layer 'dense' (Dense): "units" must be a whole number 1…1000000, got true"#),
    (#""l1": 0.009999999776482582"#, #""l1": "0.01""#, #"layer 'dense' (Dense): kernel_regularizer L1: "l1" must be a number, got "0.01""#),
    (#""use_bias": true"#, #""use_bias": "false""#, #"layer 'dense' (Dense): "use_bias" must be true or false, got "false""#),
  ])
  func kerasModelValuesAreTypedStrictly(from: String, to: String, message: String) throws {
    let dir = CLI.temporaryDirectory()
    let text = try String(contentsOfFile: KerasModelTests.tutorial, encoding: .utf8)
    let range = try #require(text.range(of: from))
    let file = dir.appendingPathComponent("m.json")
    try text.replacingCharacters(in: range, with: to).write(to: file, atomically: true, encoding: .utf8)
    oneLine(try CLI.run(["run", "--dataset", "iris", "--keras-model", file.path, "--summary"]), message)
  }

  @Test(arguments: [#""config": {"l1": null}"#, #""config": {}"#])
  func anL1WithoutAStrengthIsKerassDefault(config: String) throws {
    let dir = CLI.temporaryDirectory()
    let text = try String(contentsOfFile: KerasModelTests.tutorial, encoding: .utf8)
    let range = try #require(text.range(of: #""config": {"l1": 0.009999999776482582}"#))
    let file = dir.appendingPathComponent("m.json")
    try text.replacingCharacters(in: range, with: config).write(to: file, atomically: true, encoding: .utf8)
    let r = try CLI.run(["run", "--dataset", "iris", "--keras-model", file.path, "--summary"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.split(separator: "\n").contains { $0.hasPrefix("dense (Dense) ") && $0.hasSuffix("l1(0.01)") }, "\(r.stdout)")
  }

  // MARK: - 11, 12: lessons check

  func lesson(_ directives: String) -> String {
    "---\ntitle: T\nsummary: S.\nminutes: 1\n---\n\n# T\n\n## One\n\nText.\n\n```regviz\n\(directives)\n```\n"
  }

  @Test(arguments: [
    ("until: lens_zero(L1) >= 1", "01-t.md:14:8: lens_zero(…) reads the two-weight lens"),
    ("lane: none\nlane: l1=0.01\ngoal: zeros(L1) >= 1\nkeys: lambda(none)\nsolution: lambda=0.02", "01-t.md:17:7: lane 'none' has no penalty"),
    ("lane: l1=0.01\ngoal: zeros(L1) >= 1\nkeys: none, lambda\nsolution: lambda=0.02", "01-t.md:16:7: 'none' allows no key"),
    ("lane: l1=0.01\ngoal: zeros(L1) >= 1\nkeys: lambda\nsolution: lambda=0.01,lambda=0.02", "01-t.md:17:11: solution gives lambda twice"),
  ])
  func lessonsCheckRefusesWhatCannotWork(directives: String, message: String) throws {
    let dir = CLI.temporaryDirectory()
    let file = dir.appendingPathComponent("01-t.md")
    try lesson(directives).write(to: file, atomically: true, encoding: .utf8)
    let r = try CLI.run(["lessons", "check", file.path])
    #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
    #expect(r.stdout.contains(message), "\(r.stdout)")
  }

  @Test func aLensStepStillChecks() throws {
    let dir = CLI.temporaryDirectory()
    let file = dir.appendingPathComponent("01-t.md")
    try lesson("view: lens\nuntil: lens_zero(L1) >= 1").write(to: file, atomically: true, encoding: .utf8)
    let r = try CLI.run(["lessons", "check", file.path])
    #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
  }

  @Test func anOversizedLessonOrPresetIsRefusedBeforeItIsRead() throws {
    let dir = CLI.temporaryDirectory()
    let file = dir.appendingPathComponent("01-big.md")
    try (lesson("until: epoch > 1") + String(repeating: "Words words words.\n", count: 60_000)).write(to: file, atomically: true, encoding: .utf8)
    let start = Date()
    let check = try CLI.run(["lessons", "check", file.path])
    #expect(check.status == 1 && check.stdout.contains("01-big.md:1:1: the file is 1.1 MB, more than the 1.0 MB"), "\(check.stdout)")
    oneLine(try CLI.run(["play", "--preset", file.path]), "the file is 1.1 MB")
    #expect(Date().timeIntervalSince(start) < 10)
  }
}

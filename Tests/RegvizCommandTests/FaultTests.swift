import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// The faults an adversarial pass found (issue 10), each as the learner or a script meets it.
/// Every test here failed before the fix it names.
@Suite struct FaultTests {
  /// Runs bash `script` with the binary as `$1`; the shell lets a test close or redirect stdout.
  func shell(_ script: String) throws -> (status: Int32, output: String) {
    try CLI.runScript("#!/bin/bash\nBIN=\"$1\"\n" + script)
  }

  // MARK: - Crashes

  @Test func aDivergedRunWritesItsReportAndPlot() throws {
    let dir = CLI.temporaryDirectory()
    let plot = dir.appendingPathComponent("p.svg").path
    let r = try CLI.run(["run", "--lr", "100", "--epochs", "50", "--hidden", "8", "--format", "jsonl", "--plot", plot])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("\"diverged\":true"))
    let svg = try String(contentsOfFile: plot, encoding: .utf8)
    #expect(svg.contains("diverged at epoch"))
    #expect(try XMLDocument(xmlString: svg).rootElement()?.name == "svg", "valid XML")
  }

  @Test func aLongConditionChainIsAnErrorNotAStackOverflow() throws {
    let dir = CLI.temporaryDirectory()
    let chain = "epoch > " + Array(repeating: "1", count: 100_000).joined(separator: "+")
    let andChain = Array(repeating: "epoch > 1", count: 20_000).joined(separator: " and ")
    for (name, condition) in [("plus", chain), ("and", andChain)] {
      let file = dir.appendingPathComponent("01-\(name).md")
      try lessonFile(until: condition).write(to: file, atomically: true, encoding: .utf8)
      let r = try CLI.run(["lessons", "check", file.path])
      #expect(r.status == 1, "\(name): \(r.stderr)")
      #expect(r.stdout.contains("condition too long") && r.stdout.contains("(at most 64)"), "\(name): \(r.stdout)")
    }
  }

  @Test func networksThatWouldNotFitAreRefusedBeforeAllocating() throws {
    let lanes = (1...8).flatMap { ["--lane", "l\($0) = l1=0.0\($0)"] }
    let r = try CLI.run(["run", "--epochs", "1", "--hidden", "4096,4096,4096,4096"] + lanes)
    #expect(r.status != 0)
    #expect(r.stderr.contains("M floats; at most 536 M fit (2 GiB)"), "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1)
  }

  @Test func aLabelColumnOfIdsIsRefused() throws {
    let dir = CLI.temporaryDirectory()
    let csv = dir.appendingPathComponent("ids.csv")
    try ("x,id\n" + (0..<1500).map { "\($0 % 7),\($0)" }.joined(separator: "\n") + "\n")
      .write(to: csv, atomically: true, encoding: .utf8)
    let r = try CLI.run(["run", "--epochs", "1", "--dataset", csv.path, "--label-column", "id"])
    #expect(r.status != 0)
    #expect(r.stderr.contains("the data has 1500 classes; at most 1000"), "\(r.stderr)")
  }

  // MARK: - Files and standard output

  @Test func outputsThatAreNotRegularFilesAreRefusedAndLeftAlone() throws {
    let dir = CLI.temporaryDirectory()
    let fifo = dir.appendingPathComponent("fifo").path
    #expect(mkfifo(fifo, 0o644) == 0)
    let cases: [(String, String)] = [
      ("/dev/null", "'/dev/null' is a device, not a regular file (use - for standard output)"),
      (fifo, "is a fifo, not a regular file"),
      (dir.path, "is a directory"),
      (dir.appendingPathComponent(String(repeating: "x", count: 300)).path, "has a file name too long"),
    ]
    for (path, message) in cases {
      for flag in ["--out", "--plot", "--dump-weights"] {
        let r = try CLI.run(["run", "--epochs", "100000", "--hidden", "4", flag, path])
        #expect(r.status != 0 && r.stderr.contains("regviz: \(flag): ") && r.stderr.contains(message), "\(flag) \(path): \(r.stderr)")
      }
    }
    var info = stat()
    #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR, "/dev/null is still a device")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["fifo"], "no temporary files left")
  }

  @Test func aRecordingThatCannotBeWrittenFailsBeforeTheScreen() throws {
    let dir = CLI.temporaryDirectory()
    for command in ["play", "lesson"] {
      let r = try CLI.run([command, "--record", dir.path])
      #expect(r.status != 0 && r.stderr.contains("--record: '\(dir.path)' is a directory"), "\(command): \(r.stderr)")
    }
  }

  @Test func symlinksAreWrittenThroughAndModesKept() throws {
    let dir = CLI.temporaryDirectory()
    let real = dir.appendingPathComponent("real.csv").path
    try "old\n".write(toFile: real, atomically: false, encoding: .utf8)
    chmod(real, 0o600)
    let link = dir.appendingPathComponent("link.csv").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.csv")
    let r = try CLI.run(["run", "--epochs", "2", "--hidden", "4", "--format", "csv", "--out", link])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.csv", "still a symlink")
    #expect(try String(contentsOfFile: real, encoding: .utf8).hasPrefix("epoch,lane,name"))
    var info = stat()
    #expect(stat(real, &info) == 0 && info.st_mode & 0o777 == 0o600, "mode 0600 kept")
    let readOnly = dir.appendingPathComponent("ro.csv").path
    try "keep\n".write(toFile: readOnly, atomically: false, encoding: .utf8)
    chmod(readOnly, 0o444)
    if getuid() != 0 {  // root may write anything; the check is for everybody else
      let ro = try CLI.run(["run", "--epochs", "1", "--out", readOnly])
      #expect(ro.status != 0 && ro.stderr.contains("is not writable"))
    }
  }

  @Test func aSignalMidRunLeavesNoTemporaryFile() throws {
    let dir = CLI.temporaryDirectory()
    let r = try shell("""
      cd \(dir.path)
      "$BIN" run --epochs 200000 --hidden 8 --format jsonl --out report.jsonl 2>/dev/null &
      pid=$!
      for _ in $(seq 100); do ls -A | grep -q regviz- && break; sleep 0.05; done
      kill -TERM $pid; wait $pid; echo "status $?"
      ls -A
      """)
    #expect(r.output.contains("status 143"), "\(r.output)")
    #expect(!r.output.contains("regviz-") && !r.output.contains("report.jsonl"), "\(r.output)")
  }

  @Test func failedWritesToStandardOutputAreErrors() throws {
    for command in ["run --epochs 2 --hidden 4 --format jsonl", "run --summary", "run --keras", "lessons",
                    "sweep --points 2 --epochs 1 --hidden 4"] {
      let full = try shell("\"$BIN\" \(command) > /dev/full; echo \"status $?\"")
      #expect(full.output.contains("regviz: standard output: cannot write (No space left on device)"), "\(command): \(full.output)")
      #expect(!full.output.contains("status 0"), "\(command)")
      let closed = try shell("\"$BIN\" \(command) >&-; echo \"status $?\"")
      #expect(closed.output.contains("regviz: standard output: cannot write"), "\(command): \(closed.output)")
      #expect(!closed.output.contains("status 0"), "\(command)")
    }
  }

  @Test func resetRemovesOnlyAFile() throws {
    let state = CLI.temporaryDirectory()
    let progress = state.appendingPathComponent("regviz/progress.json")
    try FileManager.default.createDirectory(at: progress.appendingPathComponent("inside"), withIntermediateDirectories: true)
    let r = try CLI.run(["lessons", "--reset"], environment: ["XDG_STATE_HOME": state.path])
    #expect(r.status != 0 && r.stderr.contains("is not a regular file"), "\(r.stderr)")
    #expect(FileManager.default.fileExists(atPath: progress.appendingPathComponent("inside").path), "the tree is left alone")
  }

  // MARK: - Misleading inputs

  @Test func flagsThatWouldBeIgnoredOrFallBackAreErrors() throws {
    let empty = CLI.temporaryDirectory()
    let cases: [([String], String)] = [
      (["run", "--label-column", "2"], "--label-column: '2' applies to CSV files only"),
      (["run", "--data-dir", "/no/such/dir"], "--data-dir: '/no/such/dir' does not exist"),
      (["lessons", "check", "--data-dir", empty.path], "no lessons directory found; searched \(empty.path)"),
      (["run", "--lane", " = l1=0.1"], "the name before ' = ' is empty"),
      (["run", "--lane", "a\u{7}b = l1=0.1"], "the name holds a control character"),
    ]
    for (args, message) in cases {
      let r = try CLI.run(args + ["--epochs", "1"].filter { _ in args[0] == "run" })
      #expect(r.status != 0 && r.stderr.contains(message), "\(args): \(r.stderr)")
    }
  }

  @Test func laneNamesStayInsideTheirCSVCell() throws {
    let r = try CLI.run(["run", "--epochs", "1", "--hidden", "4", "--format", "csv", "--lane", "a,b\"c = l1=0.1"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.split(separator: "\n")[1].contains(",\"a,b\"\"c\","), "\(r.stdout)")
  }

  @Test func raggedInitialWeightsNameTheRow() throws {
    let dir = CLI.temporaryDirectory()
    let file = dir.appendingPathComponent("w.json")
    try #"[[[1,2,3],[1,2],[1,2,3],[1,2,3]], [0,0,0]]"#
      .write(to: file, atomically: true, encoding: .utf8)
    let r = try CLI.run(["run", "--dataset", "iris", "--hidden", "none", "--epochs", "1", "--init-weights", file.path])
    #expect(r.stderr.contains("dense: kernel row 2 has 2 values, expected 3"), "\(r.stderr)")
  }

  @Test func benchKernelsOnlyHonourJSON() throws {
    let r = try CLI.run(["bench", "--net", "4-10-10-3", "--impl", "simd", "--quick", "--repetitions", "1", "--format", "json"])
    #expect(r.status == 0, "\(r.stderr)")
    let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
    #expect((json?["kernels"] as? [Any])?.isEmpty == false, "\(r.stdout)")
  }

  private func lessonFile(until: String) -> String {
    """
    ---
    title: Long
    summary: A condition that goes on and on.
    minutes: 1
    ---

    # Long

    ## One

    Text.

    ```regviz
    until: \(until)
    ```
    """
  }
}

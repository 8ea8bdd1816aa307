import Foundation
import Testing

/// Issue 25's terminal cases in a real terminal (tmux, `PlayEndToEndTests.prelude`): a stop and
/// a continue, a recording that cannot be written, a replay larger than the terminal.
@Suite(.serialized) struct TerminalRound3EndToEndTests {
  func runScript(_ script: String) throws -> (status: Int32, output: String) {
    try CLI.runScript(PlayEndToEndTests.prelude + script)
  }

  /// `kill -STOP`, then `fg` from an interactive shell, which put its cooked modes back on the
  /// terminal meanwhile: `q` must still quit (before, it echoed and waited for Enter).
  @Test(.enabled(if: PlayEndToEndTests.tmux != nil, "tmux is not installed (.ci/run installs it)"))
  func aStoppedAndContinuedDashboardTakesKeysAgain() throws {
    let (status, output) = try runScript(#"""
      $T kill-server 2>/dev/null
      N=$((N + 1)); T="tmux -L regviz-e2e-$$-$N -f /dev/null"
      $T start-server \; set -g default-terminal tmux-256color \; \
        new-session -d -s e2e -x 100 -y 30 -e LANG=C.UTF-8 -e SWIFT_BACKTRACE=interactive=no -e PS1='$ ' \
        "bash --norc --noprofile -i"
      sleep 0.3
      $T send-keys -t e2e "$BIN play" Enter
      wait_for 'RegViz' || fail "no first frame"
      # The pane's shell's own child: other suites run `regviz play` at the same time.
      pid=$(pgrep -P "$($T display -p -t e2e '#{pane_pid}')" -f "^$BIN play")
      [ -n "$pid" ] || fail "no regviz process"
      kill -STOP "$pid"
      wait_for 'Stopped' 10 || fail "the shell did not see the stop"
      # bash reads the whole line, then waits in fg: the status printed is the job's.
      $T send-keys -t e2e 'fg; echo EXIT=$?' Enter
      sleep 1
      wait_for 'RegViz' 10 || fail "no dashboard after fg"
      $T send-keys -t e2e q
      wait_for 'EXIT=0' 10 || fail "q after kill -STOP and fg did not quit"
      echo "OK stop, fg, q -> EXIT=0"
      """#)
    #expect(status == 0, "\(output)")
    #expect(output.contains("OK stop, fg"), "\(output)")
  }

  /// A recording that cannot be written (a file-size limit stands in for a full disk) ends
  /// with one line and status 1, and leaves neither the file nor its temporary file.
  @Test(.enabled(if: PlayEndToEndTests.tmux != nil, "tmux is not installed (.ci/run installs it)"),
        .enabled(if: !PlayEndToEndTests.threadSanitizer,
                 "ThreadSanitizer's runtime dies (BUS) under the 2-block file-size limit that stands in for a full disk"))
  func aRecordingThatCannotBeWrittenIsReported() throws {
    let dir = CLI.temporaryDirectory()
    let (status, output) = try runScript(#"""
      cd \#(dir.path)
      $T kill-server 2>/dev/null
      N=$((N + 1)); T="tmux -L regviz-e2e-$$-$N -f /dev/null"
      $T start-server \; set -g default-terminal tmux-256color \; \
        new-session -d -s e2e -x 100 -y 30 -e LANG=C.UTF-8 -e SWIFT_BACKTRACE=interactive=no \
        "bash -c 'trap \"\" XFSZ; ulimit -f 2; \"$BIN\" play --record x.cast; echo EXIT=\$?; sleep 30'"
      wait_for 'RegViz' || fail "no first frame"
      sleep 0.5
      $T send-keys -t e2e q
      wait_for 'EXIT=1' 10 || fail "a lost recording did not end with status 1"
      screen | grep -q "regviz: --record: 'x.cast' cannot write (File too large); the recording is lost" || fail "no one-line error"
      ls -A | grep -q . && fail "left files: $(ls -A)"
      echo "OK lost recording -> EXIT=1"
      """#)
    #expect(status == 0, "\(output)")
    #expect(output.contains("OK lost recording"), "\(output)")
  }

  /// A 100×30 recording in an 80×24 terminal says so in one line instead of drawing garbage;
  /// one that fits leaves the cursor below its frame.
  @Test(.enabled(if: PlayEndToEndTests.tmux != nil, "tmux is not installed (.ci/run installs it)"))
  func aReplayLargerThanTheTerminalSaysSo() throws {
    let dir = CLI.temporaryDirectory()
    let big = dir.appendingPathComponent("big.cast").path
    let small = dir.appendingPathComponent("small.cast").path
    try "{\"version\": 2, \"width\": 100, \"height\": 30}\n[0, \"o\", \"x\"]\n".write(toFile: big, atomically: true, encoding: .utf8)
    try "{\"version\": 2, \"width\": 20, \"height\": 5}\n[0, \"o\", \"\\u001b[2J\\u001b[1;1Htop\\u001b[5;1Hbottom\"]\n"
      .write(toFile: small, atomically: true, encoding: .utf8)
    let (status, output) = try runScript(#"""
      $T kill-server 2>/dev/null
      N=$((N + 1)); T="tmux -L regviz-e2e-$$-$N -f /dev/null"
      $T start-server \; set -g default-terminal tmux-256color \; \
        new-session -d -s e2e -x 80 -y 24 -e LANG=C.UTF-8 \
        "cd \#(dir.path); \"$BIN\" replay --speed 0 small.cast; echo AFTER; \"$BIN\" replay --speed 0 big.cast; echo EXIT=\$?; sleep 30"
      wait_for 'EXIT=' 10 || fail "the replays did not end"
      screen | grep -q 'recorded at 100×30, this terminal is 80×24' || fail "no size message"
      screen | grep -q 'EXIT=1' || fail "not status 1"
      [ "$(screen | grep -n 'bottom' | cut -d: -f1)" -lt "$(screen | grep -n 'AFTER' | cut -d: -f1)" ] || fail "the cursor did not end below the frame"
      echo "OK too small, below the frame"
      """#)
    #expect(status == 0, "\(output)")
    #expect(output.contains("OK too small"), "\(output)")
  }
}

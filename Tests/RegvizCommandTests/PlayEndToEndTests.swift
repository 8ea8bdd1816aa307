import Foundation
import Testing

/// `regviz play` in a real terminal: tmux on a private socket, driven by a bash script that
/// follows SWIFT-LINUX.md §5 (clear the inherited signal mask, poll rather than sleep).
@Suite(.serialized) struct PlayEndToEndTests {
  static let tmux: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

  /// Runs `script` after the shared prelude, with the regviz binary as `$1`.
  func runScript(_ script: String) throws -> (status: Int32, output: String) {
    try CLI.runScript(PlayEndToEndTests.prelude + script)
  }

  /// Shared by every script: the signal-mask re-exec, a private tmux server, `wait_for`, and a
  /// `fail` that prints the screen.
  static let prelude = #"""
    #!/bin/bash
    # Processes started from `swift test` inherit a mask that blocks SIGWINCH/INT/TERM/CHLD:
    # no KEY_RESIZE and hangs. Clear it before tmux starts.
    [ -z "${E2E_SIGMASK_CLEARED:-}" ] && export E2E_SIGMASK_CLEARED=1 && \
      exec perl -MPOSIX -e 'sigprocmask(SIG_SETMASK, POSIX::SigSet->new) or die; exec @ARGV or die' -- bash "$0" "$@"
    BIN="$1"
    N=0
    T="tmux -L regviz-e2e-$$-$N -f /dev/null"
    trap '$T kill-server 2>/dev/null' EXIT
    start() {  # start W H [flags]: regviz play in a fresh session, pane kept to read the exit code
      local w=$1 h=$2; shift 2
      # A new socket per session: a server still shutting down must not take the next client.
      $T kill-server 2>/dev/null
      N=$((N + 1))
      T="tmux -L regviz-e2e-$$-$N -f /dev/null"
      $T start-server \; set -g default-terminal tmux-256color \; \
        new-session -d -s e2e -x "$w" -y "$h" -e LANG=C.UTF-8 -e SWIFT_BACKTRACE=interactive=no \
        "$BIN play $*; echo EXIT=\$?; sleep 30"
    }
    screen() { $T capture-pane -t e2e -p; }
    fail() { echo "FAIL: $1"; echo "--- screen"; screen; exit 1; }
    wait_for() {  # wait_for REGEX [seconds]
      local d=$(( $(date +%s) + ${2:-15} ))
      while (( $(date +%s) < d )); do screen | grep -qE "$1" && return 0; sleep 0.05; done
      return 1
    }
    epoch() { screen | grep -oE 'epoch [0-9]+' | head -1 | grep -oE '[0-9]+'; }
    restored() { [ "$($T display -p -t e2e '#{alternate_on} #{cursor_flag}')" = "0 1" ]; }

    """#

  @Test(.enabled(if: PlayEndToEndTests.tmux != nil, "tmux is not installed: the end-to-end test of regviz play is skipped (.ci/run installs it)"))
  func playInTmux() throws {
    let (status, output) = try runScript(#"""
      start 120 40
      wait_for 'RegViz' || fail "no first frame"
      for lane in 'none' 'L1 λ 0.01' 'L2 λ 0.01' 'L1\+L2 λ 0.01'; do
        wait_for "$lane" 5 || fail "lane $lane not shown"
      done
      wait_for '[▁▂▃▄▅▆▇█]' 5 || fail "no histogram glyphs"
      first=$(epoch)
      [ -n "$first" ] || fail "no epoch on the status line"
      d=$(( $(date +%s) + 15 ))
      while (( $(date +%s) < d )); do [ "$(epoch)" -gt "$first" ] && break; sleep 0.1; done
      [ "$(epoch)" -gt "$first" ] || fail "the epoch does not advance (stuck at $first)"
      echo "OK lanes, glyphs, epoch $first -> $(epoch)"
      $T send-keys -t e2e ']'
      wait_for '│ λ 0\.02 │' 5 || fail "λ did not change after ]"
      wait_for 'L1 λ 0\.02' 5 || fail "the L1 lane title did not follow ]"
      echo "OK ] -> λ 0.02"
      $T resize-window -t e2e -x 60 -y 15
      wait_for 'enlarge the terminal to at least 80×24' 5 || fail "no enlarge message at 60×15"
      before=$(screen | grep -oE 'now 60×15')
      [ -n "$before" ] || fail "the message does not say the size"
      echo "OK 60×15 -> enlarge message"
      $T resize-window -t e2e -x 120 -y 40
      wait_for 'L1\+L2 λ 0\.02' 5 || fail "no dashboard after resizing back"
      echo "OK back to 120×40"
      $T send-keys -t e2e q
      wait_for 'EXIT=0' 10 || fail "q did not exit with status 0"
      restored || fail "terminal not restored after q: $($T display -p -t e2e '#{alternate_on} #{cursor_flag}')"
      echo "OK q -> EXIT=0, terminal restored"
      """#)
    #expect(status == 0, "\(output)")
    #expect(output.contains("OK q -> EXIT=0"), "\(output)")
  }

  @Test(.enabled(if: PlayEndToEndTests.tmux != nil, "tmux is not installed: the end-to-end test of regviz play is skipped (.ci/run installs it)"))
  func ctrlCAndTermRestoreTheTerminal() throws {
    let (status, output) = try runScript(#"""
      start 100 30 --ascii --no-color
      wait_for 'RegViz' || fail "no first frame"
      screen | LC_ALL=C grep -q '[^ -~]' && fail "--ascii drew a non-ASCII character"
      $T send-keys -t e2e C-c
      wait_for 'EXIT=130' 10 || fail "Ctrl-C did not end with 130"
      restored || fail "terminal not restored after Ctrl-C"
      echo "OK Ctrl-C"
      start 100 30
      wait_for 'RegViz' || fail "no first frame"
      kill -TERM "$(pgrep -P "$($T display -p -t e2e '#{pane_pid}')")"
      wait_for 'EXIT=143' 10 || fail "SIGTERM did not end with 143"
      restored || fail "terminal not restored after SIGTERM"
      echo "OK SIGTERM"
      """#)
    #expect(status == 0, "\(output)")
    #expect(output.contains("OK SIGTERM"), "\(output)")
  }

  /// Whether this test binary runs under ThreadSanitizer, whose own deadly-signal handler takes
  /// SEGV and exits at once: the crash test only means something in an ordinary build.
  static let threadSanitizer = dlsym(nil, "__tsan_init") != nil

  @Test(.enabled(if: PlayEndToEndTests.tmux != nil, "tmux is not installed (.ci/run installs it)"),
        .enabled(if: !PlayEndToEndTests.threadSanitizer, "under ThreadSanitizer its own handler takes SEGV first"))
  func aCrashRestoresTheTerminal() throws {
    let (status, output) = try runScript(#"""
      start 100 30
      wait_for 'RegViz' || fail "no first frame"
      kill -SEGV "$(pgrep -P "$($T display -p -t e2e '#{pane_pid}')")"
      # The report (registers, backtrace) scrolls its first line off a 30-row screen while it
      # is written: look in the pane's history too.
      d=$(( $(date +%s) + 15 ))
      until $T capture-pane -t e2e -p -S -3000 | grep -q 'crashed'; do
        (( $(date +%s) < d )) || fail "no crash report"; sleep 0.1
      done
      restored || fail "terminal not restored after a crash signal"
      echo "OK SIGSEGV"
      """#)
    #expect(status == 0, "\(output)")
    #expect(output.contains("OK SIGSEGV"), "\(output)")
  }

  /// Every signal that ends the program gives the terminal back first; Ctrl-S does not freeze it.
  @Test(.enabled(if: PlayEndToEndTests.tmux != nil, "tmux is not installed: the end-to-end test of regviz play is skipped (.ci/run installs it)"))
  func everyEndingSignalRestoresTheTerminalAndCtrlSDoesNotFreeze() throws {
    let (status, output) = try runScript(#"""
      signals="HUP:129 USR1:138 USR2:140 ALRM:142 PIPE:141"
      # ThreadSanitizer's runtime takes SIGPIPE itself: that leg only means something without it.
      grep -q __tsan_init "$BIN" && signals="HUP:129 USR1:138 USR2:140 ALRM:142"
      for pair in $signals; do
        sig=${pair%%:*}; code=${pair##*:}
        start 100 30
        wait_for 'RegViz' || fail "no first frame ($sig)"
        kill -$sig "$(pgrep -P "$($T display -p -t e2e '#{pane_pid}')")"
        wait_for "EXIT=$code" 20 || fail "SIG$sig did not end with $code"
        restored || fail "terminal not restored after SIG$sig"
        echo "OK SIG$sig"
      done
      start 100 30
      wait_for 'RegViz' || fail "no first frame"
      $T send-keys -t e2e 'C-\'
      wait_for 'EXIT=131' 10 || fail "Ctrl-\\ did not end with 131"
      restored || fail "terminal not restored after Ctrl-\\"
      screen | grep -q 'crashed' && fail "Ctrl-\\ drew a crash report"
      echo "OK Ctrl-\\"
      start 100 30
      wait_for 'RegViz' || fail "no first frame"
      $T send-keys -t e2e C-s
      sleep 0.3
      $T send-keys -t e2e q
      wait_for 'EXIT=0' 5 || fail "q after Ctrl-S did not quit (flow control left on)"
      echo "OK Ctrl-S"
      """#)
    #expect(status == 0, "\(output)")
    #expect(output.contains("OK Ctrl-S"), "\(output)")
  }

  /// A recorded session is a valid asciicast v2 file and plays back the screen it recorded.
  @Test(.enabled(if: PlayEndToEndTests.tmux != nil, "tmux is not installed: the end-to-end test of regviz play is skipped (.ci/run installs it)"))
  func aRecordedSessionValidatesAndReplays() throws {
    let dir = CLI.temporaryDirectory()
    let cast = dir.appendingPathComponent("session.cast").path
    let (status, output) = try runScript(#"""
      start 100 30 --record \#(cast)
      wait_for 'RegViz' || fail "no first frame"
      $T send-keys -t e2e '?'
      wait_for 'keys · esc' 5 || fail "no help"
      $T send-keys -t e2e q
      wait_for 'EXIT=0' 10 || fail "q did not quit"
      echo "OK recorded"
      """#)
    #expect(status == 0, "\(output)")
    let text = try String(contentsOfFile: cast, encoding: .utf8)
    let lines = text.split(separator: "\n")
    let header = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
    #expect(header["version"] as? Int == 2 && header["width"] as? Int == 100 && header["height"] as? Int == 30)
    var last = -1.0
    for line in lines.dropFirst() {
      let event = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any])
      let time = try #require((event[0] as? NSNumber)?.doubleValue)
      #expect(event.count == 3 && ["o", "r"].contains(event[1] as? String) && event[2] is String)
      #expect(time >= last, "times only go forward")
      last = time
    }
    #expect(text.contains("keys · esc or ? closes"), "the help overlay was recorded")
    let replay = try CLI.run(["replay", "--speed", "0", cast])
    #expect(replay.status == 0, "\(replay.stderr)")
    #expect(replay.stdout.contains("RegViz") && replay.stdout.contains("keys · esc or ? closes"))
    let bad = try CLI.run(["replay", lines.count > 0 ? "/etc/hostname" : ""])
    #expect(bad.status != 0 && bad.stderr.contains("not an asciicast v2 file"), "\(bad.stderr)")
  }

  @Test func withoutATerminalItSaysSoAndExits2() throws {
    let r = try CLI.run(["play"])
    #expect(r.status == 2)
    #expect(r.stdout.isEmpty, "draws nothing")
    #expect(r.stderr.split(separator: "\n").count == 1 && r.stderr.contains("regviz run"), "\(r.stderr)")
  }

  @Test func dumbTerminalIsRefused() throws {
    // stdin and stdout are pipes here too; the check names the first problem it finds.
    let r = try CLI.run(["play"], environment: ["TERM": "dumb"])
    #expect(r.status == 2 && r.stderr.contains("regviz run"))
  }

  @Test func badSpeedIsAUsageError() throws {
    let r = try CLI.run(["play", "--speed", "fast"])
    #expect(r.status != 0 && r.status != 2)
    #expect(r.stderr.contains("--speed"), "\(r.stderr)")
  }

  @Test(arguments: [(["--path-folds", "1"], "--path-folds: 1 is not from 2 to 10"),
                    (["--path-folds", "11"], "--path-folds: 11 is not from 2 to 10"),
                    (["--path-epochs", "0"], "--path-epochs: 0 is not from 1 to 100000"),
                    // 6 training rows of iris: a seventh fold would be empty.
                    (["--dataset", "iris", "--val-split", "0.95", "--path-folds", "7"],
                     "--path-folds 7: fold 7 of 7 gets none of the 6 training rows; at most 6 folds work here")])
  func badPathSettingsAreUsageErrors(flags: [String], message: String) throws {
    let r = try CLI.run(["play"] + flags)
    #expect(r.status != 0 && r.stderr.contains(message), "\(r.stderr)")
  }
}

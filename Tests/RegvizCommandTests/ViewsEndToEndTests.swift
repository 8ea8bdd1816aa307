import Foundation
import Testing

/// The new views in a real terminal: `v` through every view of `regviz play` (the lens, then the λ path, last), and `regviz lens`
/// with its landing announcement and keys (tmux, as in `PlayEndToEndTests`).
@Suite(.serialized) struct ViewsEndToEndTests {
  @Test(.enabled(if: PlayEndToEndTests.tmux != nil, "tmux is not installed: the end-to-end test is skipped"))
  func vOpensEachViewInPlay() throws {
    let (status, output) = try CLI.runScript(PlayEndToEndTests.prelude + #"""
      start 80 24
      wait_for 'exact zeros' || fail "no dashboard"
      $T send-keys -t e2e v
      wait_for 'matrix · layer 1 of' 5 || fail "v: no weight matrix"
      wait_for 'dropped, [0-9]+ (units )?pruned' 5 || fail "no dropped/pruned counts"
      $T send-keys -t e2e v
      wait_for 'weight trajectories' 5 || fail "v: no trajectories"
      $T send-keys -t e2e v
      wait_for 'tug of war' 5 || fail "v: no tug of war"
      wait_for 'S_τ\(z\)' 5 || fail "no soft-threshold"
      $T resize-window -t e2e -x 120 -y 40
      wait_for 'prox → ' 5 || fail "no rule line at 120x40"
      $T send-keys -t e2e v
      wait_for 'L1 diamond' 5 || fail "v: no lens"
      $T send-keys -t e2e ']'
      wait_for 'λ 1\.6' 5 || fail "] did not move the lens's λ"
      $T send-keys -t e2e v
      wait_for 'λ path' 5 || fail "v: no λ path"
      $T send-keys -t e2e v
      wait_for 'exact zeros' 5 || fail "v: not back to the histograms"
      $T send-keys -t e2e q
      wait_for 'EXIT=0' 5 || fail "q did not exit 0"
      restored || fail "terminal not restored"
      echo OK
      """#)
    #expect(status == 0 && output.contains("OK"), "\(output)")
  }

  @Test(.enabled(if: PlayEndToEndTests.tmux != nil, "tmux is not installed: the end-to-end test is skipped"))
  func lensAnnouncesTheLandingAndTakesItsKeys() throws {
    let (status, output) = try CLI.runScript(PlayEndToEndTests.prelude + #"""
      $T start-server \; set -g default-terminal tmux-256color \; \
        new-session -d -s e2e -x 120 -y 40 -e LANG=C.UTF-8 -e SWIFT_BACKTRACE=interactive=no \
        "$BIN lens; echo EXIT=\$?; sleep 30"
      wait_for 'RegViz lens' || fail "no lens"
      wait_for 'L1: w2 landed on exactly 0 at step' 15 || fail "no landing announced"
      $T send-keys -t e2e ']'
      wait_for 'λ 1.6' 5 || fail "] did not raise λ"
      $T send-keys -t e2e 'C'
      wait_for 'corr 0.1' 5 || fail "C did not raise the correlation"
      $T send-keys -t e2e q
      wait_for 'EXIT=0' 5 || fail "q did not exit 0"
      restored || fail "terminal not restored"
      echo OK
      """#)
    #expect(status == 0 && output.contains("OK"), "\(output)")
  }
}

import Foundation
import Testing

/// The issue's tour in a real terminal (tmux, the prelude of `PlayEndToEndTests`): pause and
/// scrub back, pin the run, open the λ path, wait for it, move its cursor and pick a λ, which
/// the status line then shows. Short path runs (`--path-folds 3 --path-epochs 20`) keep it quick
/// in a thread-sanitizer build, where the default 78 runs of 300 epochs take about 15 minutes.
@Suite(.serialized) struct PathEndToEndTests {
  @Test(.enabled(if: PlayEndToEndTests.tmux != nil, "tmux is not installed: the end-to-end test is skipped"))
  func scrubPinAndPickALambdaOnThePath() throws {
    let (status, output) = try CLI.runScript(PlayEndToEndTests.prelude + #"""
      start 120 40 --speed 2 --path-folds 3 --path-epochs 20
      wait_for 'epoch ([3-9]|[1-9][0-9])' 20 || fail "no training"
      $T send-keys -t e2e ' '
      wait_for 'paused' 5 || fail "space did not pause"
      $T send-keys -t e2e Left
      wait_for 'viewing epoch [0-9]+ of [0-9]+' 5 || fail "← did not scrub back"
      echo "OK scrubbed back"
      $T send-keys -t e2e g
      wait_for '· pinned' 5 || fail "g did not pin"
      echo "OK pinned"
      screen | head -1 | grep -q 'λ 0\.01 ' || fail "the run does not start at λ 0.01"
      $T send-keys -t e2e c
      wait_for 'λ path' 5 || fail "c did not open the path"
      # Paused lanes leave the cores to the job; a loaded machine may take a while.
      wait_for '3-fold CV, 20 epochs a run' 5 || fail "--path-folds and --path-epochs did not reach the path"
      wait_for 'λ_min [0-9.]+' 120 || fail "the path did not arrive"
      echo "OK path computed"
      # The cursor starts at the lanes' λ (0.01); two steps right on the 13-point grid.
      $T send-keys -t e2e Right
      wait_for 'cursor at λ 0\.0215' 5 || fail "→ did not move the cursor"
      $T send-keys -t e2e Right
      wait_for 'cursor at λ 0\.0464' 5 || fail "the second → did not move the cursor"
      $T send-keys -t e2e Enter
      wait_for 'λ 0\.0464 from the path' 5 || fail "enter did not pick the λ"
      d=$(( $(date +%s) + 5 ))
      while (( $(date +%s) < d )); do screen | head -1 | grep -q 'λ 0\.0464 ' && break; sleep 0.05; done
      screen | head -1 | grep -q 'λ 0\.0464 ' || fail "the status line does not show λ 0.0464"
      screen | grep -q 'you 0\.0464' || fail "you are here did not move to the pick"
      echo "OK picked λ 0.0464"
      $T send-keys -t e2e q
      wait_for 'EXIT=0' 10 || fail "q did not exit"
      restored || fail "terminal not restored"
      """#)
    #expect(status == 0, "\(output)")
    #expect(output.contains("OK picked λ 0.0464"), "\(output)")
  }
}

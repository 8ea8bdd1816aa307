import Canvas
import Foundation

/// A terminal in memory: plays a script of keys and resizes, and keeps the frames it is shown.
///
/// Tests drive the dashboard loop with it (press keys, then read the commands sent and the
/// frames drawn); the UI benchmark uses it with `realTime` to draw at a true frame rate without
/// a terminal. When the script runs out it reports `interrupted`, which ends the loop the way
/// Ctrl-C would.
public final class RecordingBackend: TerminalBackend {
  /// One step of the script.
  public enum Event: Hashable, Sendable {
    case key(Key)
    /// The terminal becomes `width × height`, announced by a `.resize` key.
    case resize(width: Int, height: Int)
    /// `frames` polls pass without input (each lets the loop draw one more frame).
    case idle(frames: Int)
  }

  public private(set) var size: (width: Int, height: Int)
  public let theme: Theme
  public private(set) var interrupted = false
  /// Every frame presented, oldest first (only the last one when `keepsAllFrames` is false).
  public private(set) var frames: [Grid] = []
  /// How many frames were presented in total.
  public private(set) var frameCount = 0
  /// Seconds the loop asked to wait for keys, summed (virtual time in tests).
  public private(set) var waited = 0.0
  public var keepsAllFrames: Bool
  /// Whether `nextKey` really sleeps for its timeout (benchmarks) or returns at once (tests).
  public var realTime: Bool
  private var script: [Event]

  public init(
    width: Int, height: Int, theme: Theme = .standard, script: [Event] = [],
    keepsAllFrames: Bool = true, realTime: Bool = false
  ) {
    size = (width, height)
    self.theme = theme
    self.script = script
    self.keepsAllFrames = keepsAllFrames
    self.realTime = realTime
  }

  /// Keys to press, each followed by one idle poll so a frame is drawn after it.
  public convenience init(width: Int, height: Int, theme: Theme = .standard, keys: [Key]) {
    self.init(width: width, height: height, theme: theme,
              script: keys.flatMap { [Event.key($0), .idle(frames: 1)] })
  }

  /// The last frame presented.
  public var lastFrame: Grid? { frames.last }

  public func nextKey(timeout: Double) -> Key? {
    waited += timeout
    guard !script.isEmpty else {
      if realTime {
        Thread.sleep(forTimeInterval: timeout)
      } else {
        interrupted = true
      }
      return nil
    }
    switch script.removeFirst() {
    case .key(let key):
      return key
    case .resize(let width, let height):
      size = (width, height)
      return .resize
    case .idle(let n):
      if n > 1 { script.insert(.idle(frames: n - 1), at: 0) }
      if realTime { Thread.sleep(forTimeInterval: timeout) }
      return nil
    }
  }

  public func present(_ grid: Grid) {
    frameCount += 1
    if keepsAllFrames {
      frames.append(grid)
    } else {
      frames = [grid]
    }
  }
}

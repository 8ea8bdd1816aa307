import Canvas
import Lessons

/// The lesson page's text, laid out once per (lesson, step, answer, hint, width, theme) rather
/// than every frame: a 10 KB step re-wrapped at 30 frames a second cost 20% of a core while
/// paused (issue 25). The mission's lines, which change as it runs, are laid out each frame
/// after it. One entry: the page on screen. UI thread only.
final class LessonTextCache {
  struct Key: Hashable {
    var lesson: Int
    var step: Int
    var answer: String?
    var hint: Bool
    /// Full-screen, the waiting question's prompt is part of the text (`LessonPane`).
    var promptInFlow = false
    var width: Int
    var theme: Theme
  }

  private var entry: (key: Key, lines: [StyledLine])?
  /// Layouts made (for tests: a frame that hits the cache makes none).
  private(set) var layouts = 0

  /// The page's text at `width`, from the cache when the page and its look are unchanged.
  func lines(_ key: Key, layout: () -> [StyledLine]) -> [StyledLine] {
    if let entry, entry.key == key { return entry.lines }
    let lines = layout()
    layouts += 1
    entry = (key, lines)
    return lines
  }
}

import Lessons
import RegvizData
import Training
/// Where the learner is, as far as the keys care: the mode, the view, an open window, the
/// lesson page's question and hint, and who holds the settings.
public struct KeyContext: Hashable, Sendable {
  public var mode: ModeKind
  public var view: DashboardView = .histograms
  /// A window (help, Keras code, selection) is open: it takes the scrolling keys and enter.
  public var overlay = false
  /// Lesson: the labels of the question waiting for its answer (`a`, `b`, `c`…); nil when none waits.
  public var answers: [Character]? = nil
  /// Lesson: the page has a question, answered or not (`d` answers rather than naming the data set).
  public var question = false
  /// Lesson: the page has a hint.
  public var hint = false
  /// Who holds λ, the learning rate, the L1 rule and the data set; nil: the learner (free play).
  public var lock: KeyLock? = nil
  /// Free play: ← → and enter pick a λ on the path view (a lesson's λ path only shows).
  public var pathPicks = true
  /// Lesson: the page's text shows full-screen over the dashboard.
  public var reading = false
  /// Lesson: the page's text is longer than its pane (↑ ↓ go on the key line).
  public var scrolls = false
  /// Lesson: the page is a step, whose text `e` can show full-screen (the course-finished page
  /// has no full-screen form: `e` is not offered there).
  public var readable = true
  /// Free play opened from a lesson page (`f`): `q` goes back to that page.
  public var fromLesson = false

  public init(mode: ModeKind, view: DashboardView = .histograms, overlay: Bool = false, answers: [Character]? = nil,
              question: Bool = false, hint: Bool = false, lock: KeyLock? = nil) {
    self.mode = mode
    self.view = view
    self.overlay = overlay
    self.answers = answers
    self.question = question
    self.hint = hint
    self.lock = lock
    pathPicks = mode == .play
  }
}

extension Keymap {
  /// Every row `context` offers, in the order the help lists them: an open window's keys
  /// first, then the view's own, then the mode's. Adding a key is one row here (or in its
  /// view's `rows`).
  ///
  /// The rows depend on `c` alone, so the keymaps of the last few contexts are kept (`KeymapMemo`):
  /// the frame loop asks for the keymap every frame and at every key, and the context changes
  /// only when the learner opens a window, turns a page or switches the view.
  public init(_ c: KeyContext) { self = KeymapMemo.shared.keymap(c) { Self(rows: Self.rows(c)) } }

  private static func rows(_ c: KeyContext) -> [Binding] {
    if c.mode == .lens { return (c.overlay ? overlayRows(c) : []) + lensRows }
    let view: any MainView.Type = Views.entry(c.view)
    var rows: [Binding] = c.overlay ? overlayRows(c) : []
    rows += view.rows(c)
    let lesson = c.mode == .lesson
    if lesson { rows += pageRows(c) }
    rows += [
      Binding("space", [(" ", .togglePause)], "pause / resume training", short: "pause", keep: 10),
      Binding("n", [("n", .stepEpoch)], "train exactly one epoch, then stay paused", short: "step", keep: 0),
      Binding("r", [("r", .reset)], "reset: same initial weights, \(lesson ? "this page's" : "current") settings",
              short: "reset", keep: 1),
    ]
    if !lesson { rows += settingRows.prefix(3) }
    rows += [
      // `,` and `.` are `<` and `>` without shift.
      Binding("< >", [("<", .speed(up: false)), (",", .speed(up: false)), (">", .speed(up: true)), (".", .speed(up: true))],
              "slower / faster: 0.5 1 2 4 … 256 epochs/s, then max", short: "speed", keep: 8),
      Binding("1–8", (1...8).map { (Key.character(Character(String($0))), Action.toggleLane($0 - 1)) },
              "show / hide that lane (it keeps training)", short: "lanes", keep: 3),
      Binding("tab", [(.tab, .layer(forward: true)), (.backTab, .layer(forward: false))],
              "layer: all → 1 → 2 → … (the matrix: 1 → 2 → …; shift-tab goes back)", short: "layer", keep: 4),
    ]
    if !lesson {
      rows += [settingRows[3], Binding("z", [("z", .toggleStandardize)],
                                            "standardize the features (z-scores) on / off (training starts over)")]
    }
    rows += [
      Binding("l", [("l", .switchHistogramScale)], "histograms: w ↔ log10|w| (exact zeros apart, at the left)",
              short: "log", keep: 4),
      Binding("v", [("v", .nextView)], "view: " + Views.cycle, short: "view", keep: 2),
      Binding("c", [("c", .togglePathView), ("C", .togglePathView)], lesson
              ? "λ path: 5-fold cross-validation over 13 λ, trained in the background; c goes back (c answers a question first)"
              : "λ path: 5-fold CV over 13 λ, in the background; ← → its cursor, enter sets λ"),
      Binding("t", [("t", .nextTugWeight)], "tug of war: follow another weight (noise inputs first)"),
      Binding("p", [("p", .switchLossView)], "loss chart: train vs validation ↔ data loss vs penalty", short: "loss", keep: 6),
      Binding("k", [("k", .toggleKeras)], "Keras code for the current setup (↑ ↓ to scroll)", short: "Keras", keep: 7),
    ]
    if !lesson {
      rows += [
        Binding("g", [("g", .togglePin)], "pin this run: after r (say with another rule) its curves stay, dimmed; g unpins"),
        Binding("f", [("f", .toggleSelection)],
                "how often each lane keeps each feature over 20 seeds (trained in the background)"),
        Binding("w", [("w", .writeKeras)], "write that Keras code, its data and weights to ./regviz-keras/"),
        Binding("← →", [(.left, .scrub(.back)), (.right, .scrub(.forward)), (.pageUp, .scrub(.pageBack)),
                        (.pageDown, .scrub(.pageForward)), (.home, .scrub(.first)), (.end, .scrub(.last))],
                "paused: back / on one recorded epoch (PgUp PgDn: 10, Home: first, End: live)"),
      ]
    } else {
      rows += (c.lock ?? KeyLock(holder: .lesson)).rows(settingRows)
    }
    rows += [
      Binding("?", [("?", .toggleHelp)] + (lesson ? [] : [("h", .toggleHelp)]), "this help", short: "help"),
      Binding("esc", [(.escape, .closeOverlay)], "close the help or the Keras code"),
      Binding("q", [("q", .quit), ("Q", .quit)],
              lesson ? "quit; regviz with no arguments comes back here"
                : c.fromLesson ? "back to the lesson, on the same page (Ctrl-C quits)" : "quit (Ctrl-C works too)",
              short: c.fromLesson ? "lesson" : "quit"),
    ]
    // A preset keeps the rows it leaves open and lists the rest as one locked row.
    if !lesson, let lock = c.lock { rows = lock.rows(rows) }
    return rows
  }

  /// An open window's keys: the scrolling keys scroll it, esc and enter close it (→ too in a
  /// lesson, where it would turn the page underneath).
  private static func overlayRows(_ c: KeyContext) -> [Binding] {
    var close: [(Key, Action)] = [(.escape, .closeOverlay), (.enter, .closeOverlay)]
    if c.mode == .lesson { close.append((.right, .closeOverlay)) }
    let scrolling: [(Key, Action)] = [
      (.up, .scrollOverlay(.lineUp)), (.down, .scrollOverlay(.lineDown)), (.pageUp, .scrollOverlay(.pageUp)),
      (.pageDown, .scrollOverlay(.pageDown)), (.home, .scrollOverlay(.top)),
    ]
    return [.unlisted(close + scrolling)]
  }

  /// A lesson page's own keys: turning pages, the question, the hint, the text.
  private static func pageRows(_ c: KeyContext) -> [Binding] {
    var rows = [
      Binding("→ enter", [(.right, .next), (.enter, .next)],
              "next page, once the condition holds and you have answered", short: "next"),
      Binding("←", [(.left, .back)], "previous page, with its experiment", short: "back"),
    ]
    if let answers = c.answers, let last = answers.last {
      // Every letter answers: one past the choices is told which letters there are.
      rows.append(Binding("a–\(last)", Array("abcd").flatMap { a in
        [(Key.character(a), Action.answer(a)), (Key.character(Character(a.uppercased())), Action.answer(a))]
      }, "answer the question; training waits for your prediction", short: "answer"))
    } else {
      // No question waits: a and b say so; c is the λ path's, d the data set's (unless the
      // page's question was answered: then d says so too).
      let labels: [Character] = c.question ? ["a", "b", "d"] : ["a", "b"]
      rows.append(.unlisted(labels.flatMap { a in
        [(Key.character(a), Action.answer(a)), (Key.character(Character(a.uppercased())), Action.answer(a))]
      }))
    }
    rows.append(c.hint ? Binding("h", [("h", .toggleHint)], "show / hide the hint", short: "hint")
                       : .unlisted([("h", .toggleHint)]))
    rows.append(Binding("↑ ↓", [(.up, .scroll(.lineUp)), (.down, .scroll(.lineDown)), (.pageUp, .scroll(.pageUp)),
                                (.pageDown, .scroll(.pageDown)), (.home, .scroll(.top)), (.end, .scroll(.bottom))],
                        "scroll the lesson text (PgUp PgDn, Home End)", short: c.scrolls ? "scroll" : nil, keep: 12))
    guard c.readable else { return rows }
    rows.append(Binding("f", [("f", .tryInFreePlay), ("F", .tryInFreePlay)],
                        "try this in free play: this page's setup, every key yours; q comes back to this page",
                        short: "free play", keep: 8))
    // Where the pane is too small for the text, the page opens full-screen; `e` goes between.
    rows.append(c.reading
      ? Binding("e", [("e", .toggleReading), ("E", .toggleReading), (.escape, .toggleReading)],
                "back to the dashboard (esc too; e shows the text full-screen again)", short: "dashboard")
      : Binding("e", [("e", .toggleReading), ("E", .toggleReading)],
                "the lesson text full-screen, over the dashboard (e or esc comes back)", short: "read"))
    return rows
  }

  /// λ, the learning rate, the L1 rule and the data set: the learner's in free play, else as
  /// the lock offers them.
  private static let settingRows = [
      Binding("[ ]", [("[", .lambda(up: false)), ("]", .lambda(up: true))],
              "λ down / up, every lane: … 0.005 0.01 0.02 0.05 … (ratios kept)", short: "λ", keep: 11),
      // `_` and `=` are `-` and `+` without shift on most layouts.
      Binding("- +", [("-", .learningRate(up: false)), ("_", .learningRate(up: false)),
                      ("+", .learningRate(up: true)), ("=", .learningRate(up: true))],
              "learning rate down / up along the same 1-2-5 ladder", short: "lr", keep: 9),
      Binding("u", [("u", .nextL1Rule)], "L1 rule: prox (exact 0) → subgradient (Keras) → clip (Playground)",
              short: "rule", keep: 2),
    Binding("d", [("d", .nextDataset)],
            "next data set: \(DataSource.builtIn.map(\.name).joined(separator: " → ")) (training starts over)",
            short: "data", keep: 5),
  ]

  /// `regviz lens`: the lens's own keys.
  private static let lensRows = [
    Binding("[ ]", [("[", .lensLambda(up: false)), ("]", .lensLambda(up: true))],
            "λ down / up by 0.1, every lane (L1: λ·Σ|w|, L2: λ·Σw², L1+L2 both)", short: "λ"),
    Binding("c C", [("c", .lensCorrelation(up: false)), ("C", .lensCorrelation(up: true))],
            "correlation of the two features down / up by 0.1: the ellipses tilt", short: "corr", keep: 5),
    Binding("s S", [("s", .lensScale(up: false)), ("S", .lensScale(up: true))],
            "scale of feature 2 down / up (×√2): the ellipses stretch", short: "scale", keep: 4),
    Binding("1–4", (1...4).map { (Key.character(Character(String($0))), Action.toggleLane($0 - 1)) },
            "lane on / off: none, L1, L2, L1+L2", short: "lanes", keep: 3),
    Binding("r", [("r", .reset)], "restart the trajectories from the start point", short: "restart", keep: 2),
    Binding("space", [(" ", .togglePause)], "pause / resume the trajectories", short: "pause", keep: 1),
    Binding("?", [("?", .toggleHelp), ("h", .toggleHelp)], "this help", short: "help"),
    Binding("esc", [(.escape, .closeOverlay)], "close the help"),
    Binding("q", [("q", .quit), ("Q", .quit)], "quit (Ctrl-C works too)", short: "quit"),
  ]
}

/// The keymaps of the last few key contexts, newest first. Process-wide and locked: a keymap is
/// a pure function of its context, so any caller may share any entry. `Locked` (an `NSLock`),
/// not `Synchronization.Mutex`, whose futexes ThreadSanitizer does not see.
final class KeymapMemo: Sendable {
  static let shared = KeymapMemo()
  /// Enough for a lesson page with its windows open and closed, in two views.
  static let capacity = 8
  private let recent = Locked<[(context: KeyContext, keymap: Keymap)]>([])

  /// The keymap of `c`, from `build` only when it is not kept.
  func keymap(_ c: KeyContext, build: () -> Keymap) -> Keymap {
    if let kept = recent.withLock({ entries in entries.first { $0.context == c }?.keymap }) { return kept }
    let built = build()
    recent.withLock { entries in
      entries.insert((c, built), at: 0)
      if entries.count > Self.capacity { entries.removeLast() }
    }
    return built
  }
}

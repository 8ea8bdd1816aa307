/// One row of a keymap: the keys, what each asks for, and how the help overlay and the key
/// line describe them.
public struct Binding: Hashable, Sendable {
  /// A key and the action it asks for.
  public struct Trigger: Hashable, Sendable {
    public var key: Key
    public var action: Action
  }

  public var triggers: [Trigger]
  /// How the keys are written, e.g. `[ ]`.
  public var label: String
  /// What they do, in full (help overlay).
  public var help: String
  /// What they do in a word or two (key line); nil keeps the row off the key line.
  public var short: String?
  /// On a narrow key line, labels go lowest rank first (`? help` explains every key); rows
  /// at `alwaysLabelled` keep theirs.
  public var keepRank: Int
  static let alwaysLabelled = 100
  /// Whether the help lists the row. Rows that only catch keys (an open window's scrolling,
  /// `h` on a page without a hint) act without being listed.
  public var listed: Bool

  init(_ label: String, _ triggers: [(Key, Action)], _ help: String, short: String? = nil, keep: Int = alwaysLabelled,
       listed: Bool = true) {
    self.triggers = triggers.map { Trigger(key: $0.0, action: $0.1) }
    self.label = label
    self.help = help
    self.short = short
    keepRank = keep
    self.listed = listed
  }

  /// A row that catches keys without being shown (help or key line).
  static func unlisted(_ triggers: [(Key, Action)]) -> Binding {
    Binding("", triggers, "", listed: false)
  }

  /// The action `key` asks for in this row, if it is one of its keys.
  func action(for key: Key) -> Action? { triggers.first { $0.key == key }?.action }

  /// Whether the row's action is one of `actions` (to filter rows by what they do).
  func does(_ match: (Action) -> Bool) -> Bool { triggers.contains { match($0.action) } }
}

/// The keys one frame offers, in the order the help lists them: the same rows draw the key
/// line and the help and dispatch the key, so what the screen says a key does is what it does.
/// Built from a `KeyContext` (see `Keymap+Rows.swift`); where two rows list one key, the
/// first wins, which is how an open window or the current view takes a key over.
public struct Keymap: Hashable, Sendable {
  public var rows: [Binding]

  /// `rows` as offered: a key an earlier listed row has is taken out of the later ones (a row
  /// left with no key goes), so the help never describes a key as doing what another row does.
  /// Unlisted rows take their keys first without hiding them from the help: an open window
  /// scrolls with ↑ ↓ while the help it may be still describes the page underneath.
  public init(rows: [Binding]) {
    var taken = Set<Key>()
    self.rows = rows.compactMap { row in
      var row = row
      row.triggers = row.triggers.filter { !taken.contains($0.key) }
      if row.listed { taken.formUnion(row.triggers.map(\.key)) }
      return row.triggers.isEmpty ? nil : row
    }
  }

  /// The action `key` asks for: the first row that lists it.
  public func action(for key: Key) -> Action? {
    for row in rows {
      if let action = row.action(for: key) { return action }
    }
    return nil
  }

  /// The rows the help lists.
  public var listed: [Binding] { rows.filter(\.listed) }
}

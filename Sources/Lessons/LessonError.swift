/// A problem in a lesson file, located at a 1-based line and column.
///
/// `description` is exactly `file:line:col: message`, the shape compilers use, so editors and
/// terminals can jump to the spot.
public struct LessonError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The path (or name) of the lesson file, as given to the parser.
  public var file: String
  /// 1-based line number.
  public var line: Int
  /// 1-based column, counted in characters (a tab counts as one).
  public var column: Int
  /// What is wrong, written for the lesson author.
  public var message: String

  public init(file: String, line: Int, column: Int, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  public var description: String { "\(file):\(line):\(column): \(message)" }
}

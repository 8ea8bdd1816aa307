import Foundation
import RegvizData

/// Finds and loads the lesson files of a directory.
public enum LessonLibrary {
  /// The lesson files in `directory`: names of the form `NN-name.md` (two digits, a dash),
  /// sorted by name so that the number orders the course. `README.md` and the like are skipped.
  public static func lessonFiles(in directory: URL) throws(LessonError) -> [URL] {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    } catch {
      throw LessonError(file: directory.path, line: 1, column: 1, message: "cannot read lesson directory: \(error.localizedDescription)")
    }
    return names.filter(isLessonFileName).sorted().map { directory.appendingPathComponent($0) }
  }

  /// Parses every lesson file in `directory`, in order. Each file yields its lesson or the first
  /// error in it, so one broken file does not hide the others.
  public static func load(from directory: URL, validator: LessonValidator)
    throws(LessonError) -> [Result<Lesson, LessonError>]
  {
    try lessonFiles(in: directory).map { load(file: $0, validator: validator) }
  }

  /// Reads and parses one lesson file.
  public static func load(file url: URL, validator: LessonValidator) -> Result<Lesson, LessonError> {
    let path = url.path
    let data: Data
    do throws(UserFiles.LimitedReadError) { data = try UserFiles.contents(path, limit: UserFiles.lessonLimit) } catch {
      if case .cannotRead = error { return .failure(LessonError(file: path, line: 1, column: 1, message: "cannot read lesson file")) }
      return .failure(LessonError(file: path, line: 1, column: 1, message: error.description))
    }
    guard let text = String(data: data, encoding: .utf8) else {
      return .failure(LessonError(file: path, line: 1, column: 1, message: "lesson file is not valid UTF-8"))
    }
    do {
      return .success(try LessonParser.parse(text, file: path, validator: validator))
    } catch {
      return .failure(error)
    }
  }

  /// `NN-*.md`: two ASCII digits, a dash, a non-empty name, `.md`.
  public static func isLessonFileName(_ name: String) -> Bool {
    let chars = Array(name)
    guard chars.count > 6, name.hasSuffix(".md") else { return false }
    return chars[0].isASCII && chars[0].isNumber && chars[1].isASCII && chars[1].isNumber && chars[2] == "-"
  }
}

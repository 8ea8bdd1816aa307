/// Assembles a `Question` from the `ask:`, `choice X:`, `answer:` and `explain:` directives of
/// one block, checking that it can be answered.
enum QuestionBuilder {
  static func build(_ lines: [DirectiveLine], file: String) throws(LessonError) -> Question? {
    guard !lines.isEmpty else { return nil }
    guard let ask = lines.first(where: { $0.key == "ask" }) else {
      throw lines[0].keyError("'\(lines[0].key):' without 'ask:'; a question starts with 'ask: TEXT'", file: file)
    }
    let labels = ["a", "b", "c", "d"]
    var choices: [Question.Choice] = []
    for line in lines where line.key.hasPrefix("choice ") {
      let label = String(line.key.dropFirst("choice ".count))
      let expected = labels[choices.count]
      guard label == expected else {
        throw line.keyError("expected 'choice \(expected):' here; choices go a, b, c, d in order", file: file)
      }
      choices.append(Question.Choice(label: label, text: line.value))
    }
    let position = LessonError(file: file, line: ask.line, column: ask.keyColumn, message: "")
    guard choices.count >= 2 else {
      throw with(position, "a question needs at least two choices ('choice a:' and 'choice b:')")
    }
    guard let answer = lines.first(where: { $0.key == "answer" }) else {
      throw with(position, "question has no 'answer:' naming the correct choice")
    }
    let label = answer.value.lowercased()
    guard choices.contains(where: { $0.label == label }) else {
      let known = choices.map(\.label).joined(separator: ", ")
      throw answer.error("answer '\(answer.value)' is not one of the choices (\(known))", file: file)
    }
    let explanation = lines.first { $0.key == "explain" }?.value
    return Question(prompt: ask.value, choices: choices, answer: label, explanation: explanation)
  }

  private static func with(_ position: LessonError, _ message: String) -> LessonError {
    var error = position
    error.message = message
    return error
  }
}

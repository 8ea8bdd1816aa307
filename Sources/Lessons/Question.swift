/// A multiple-choice check at the end of a step (`ask:`, `choice a:`…, `answer:`, `explain:`).
public struct Question: Sendable, Equatable {
  /// One answer option, labelled `a` to `d`.
  public struct Choice: Sendable, Equatable {
    /// `"a"`, `"b"`, `"c"` or `"d"`.
    public var label: String
    public var text: String

    public init(label: String, text: String) {
      self.label = label
      self.text = text
    }
  }

  public var prompt: String
  /// Two to four choices, labelled `a`, `b`, … in order.
  public var choices: [Choice]
  /// The label of the correct choice; always one of `choices`.
  public var answer: String
  /// Shown after the learner answers, right or wrong.
  public var explanation: String?

  public init(prompt: String, choices: [Choice], answer: String, explanation: String?) {
    self.prompt = prompt
    self.choices = choices
    self.answer = answer
    self.explanation = explanation
  }

  /// Index of the correct choice in `choices`.
  public var answerIndex: Int { choices.firstIndex { $0.label == answer } ?? 0 }

  /// Whether `label` (case-insensitive, e.g. a key press) is the correct answer.
  public func isCorrect(_ label: String) -> Bool { label.lowercased() == answer }
}

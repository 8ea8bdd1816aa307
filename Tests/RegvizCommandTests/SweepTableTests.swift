import Testing

/// `regviz sweep`'s table heads its per-feature columns with names a reader can tell apart.
@Suite struct SweepTableTests {
  @Test func irisColumnsHaveShortReadableNames() throws {
    let r = try CLI.run(["sweep", "--dataset", "iris", "--epochs", "2", "--points", "2", "--hidden", "4"])
    #expect(r.status == 0, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n").map(String.init)
    try #require(lines.count == 4)
    #expect(lines[1] == String(repeating: " ", count: 45) + "sep.len sep.wid pet.len pet.wid ")
    // Each value sits under its header.
    let header = lines[1], row = lines[2]
    for name in ["sep.wid", "pet.len", "pet.wid"] {
      let column = header.distance(from: header.startIndex, to: header.range(of: name)!.lowerBound)
      let cell = row.dropFirst(column).prefix(1)
      #expect(cell == "·" || cell.first?.isNumber == true, "\(name): '\(row)'")
      #expect(row.dropFirst(column - 1).first == " ", "\(name): '\(row)'")
    }
  }
}

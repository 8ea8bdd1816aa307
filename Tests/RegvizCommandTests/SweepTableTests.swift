import Testing

/// `regviz sweep`'s table heads its per-feature columns with names a reader can tell apart.
@Suite struct SweepTableTests {
  @Test func irisColumnsHaveShortReadableNames() throws {
    let r = try CLI.run(["sweep", "--dataset", "iris", "--epochs", "2", "--points", "2", "--hidden", "4"])
    #expect(r.status == 0, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n").map(String.init)
    try #require(lines.count == 4)
    #expect(lines[1].hasSuffix("sep.len  sep.wid  pet.len  pet.wid"), "\(lines[1])")
    // Each value ends under the end of its header (numbers are right-aligned).
    let header = lines[1], row = lines[2]
    for name in ["sep.len", "sep.wid", "pet.len", "pet.wid"] {
      let end = header.distance(from: header.startIndex, to: header.range(of: name)!.upperBound)
      let last = row.dropFirst(end - 1).prefix(1)
      #expect(last == "·" || last.first?.isNumber == true, "\(name): '\(row)'")
      #expect(row.dropFirst(end).first == " " || row.count == end, "\(name): '\(row)'")
    }
  }
}

/// The inputs of a data set laid out as a picture: feature `i` is the pixel in row `i / width`,
/// column `i % width` (row-major, as the digits CSV and most image exports store them).
public struct ImageShape: Sendable, Hashable, CustomStringConvertible {
  public var width: Int
  public var height: Int

  public init(width: Int, height: Int) {
    precondition(width > 0 && height > 0, "an image has at least one pixel")
    self.width = width
    self.height = height
  }

  public var pixels: Int { width * height }

  /// `8x8`: what `--image` accepts.
  public var description: String { "\(width)x\(height)" }
}

/// A span of 1-based source lines, both ends included: where a decision applies.
public struct LineRange: Hashable, Sendable, Codable, CustomStringConvertible {
    public var first: Int
    public var last: Int

    public init(_ first: Int, _ last: Int) {
        self.first = min(first, last)
        self.last = max(first, last)
    }

    public init(line: Int) {
        self.init(line, line)
    }

    public var description: String { first == last ? "\(first)" : "\(first)-\(last)" }

    /// The smallest range covering both.
    public func union(_ other: LineRange) -> LineRange {
        LineRange(min(first, other.first), max(last, other.last))
    }
}

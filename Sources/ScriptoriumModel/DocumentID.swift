/// A document's stable identifier: derived from its source's digest and its position in the
/// source, so it is the same on every rebuild and on every machine, and valid as `xml:id`.
public struct DocumentID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let value: String

    /// `d` + the first 16 hex digits of the digest + `-` + 1-based position: `d08e9c624ea62eb75-1`.
    /// 64 bits of digest keep collisions out of reach for archives of billions of sources.
    public init(source: SourceDigest, position: Int) {
        value = "d" + source.hex.prefix(16) + "-" + String(position)
    }

    public var description: String { value }

    public static func < (lhs: DocumentID, rhs: DocumentID) -> Bool { lhs.value < rhs.value }

    public init(from decoder: any Decoder) throws {
        value = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

import Crypto

/// The SHA-256 of a source's exact bytes: the identity of everything Scriptorium keeps.
///
/// Originals are stored under it, documents record it, and the same bytes arriving twice are
/// recognised by it, whatever the files were called.
public struct SourceDigest: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// 64 lower-case hexadecimal digits.
    public let hex: String

    /// Accepts exactly 64 hexadecimal digits (either case); anything else is not a digest.
    public init?(hex: String) {
        let lower = hex.lowercased()
        guard lower.utf8.count == 64, lower.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }) else {
            return nil
        }
        self.hex = lower
    }

    /// Hashes `bytes`.
    public init(of bytes: some Sequence<UInt8>) {
        var hasher = SourceHasher()
        hasher.update(Array(bytes))
        self = hasher.finalize()
    }

    init(digestBytes: some Sequence<UInt8>) {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in digestBytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        hex = String(decoding: text, as: UTF8.self)
    }

    public var description: String { hex }

    public static func < (lhs: SourceDigest, rhs: SourceDigest) -> Bool { lhs.hex < rhs.hex }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let digest = SourceDigest(hex: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a SHA-256 digest: \(text)")
        }
        self = digest
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}

/// Incremental SHA-256 for inputs read in chunks, so a large file never has to be held twice.
/// A local accumulator: not `Sendable`, finish it where it started.
public struct SourceHasher {
    private var hasher = SHA256()

    public init() {}

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        hasher.update(bufferPointer: bytes)
    }

    public mutating func update(_ bytes: [UInt8]) {
        hasher.update(data: bytes)
    }

    public func finalize() -> SourceDigest {
        SourceDigest(digestBytes: hasher.finalize())
    }
}

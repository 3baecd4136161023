/// What a source is: the name it arrived under, its digest and its size.
public struct SourceIdentity: Hashable, Sendable, Codable {
    /// The file name as the archivist gave it (last path component only).
    public var name: String
    public var digest: SourceDigest
    /// Size in bytes.
    public var size: Int

    public init(name: String, digest: SourceDigest, size: Int) {
        self.name = name
        self.digest = digest
        self.size = size
    }
}

/// The exact bytes of one input, as they arrived: the first type of the stage chain.
public struct RawSource: Sendable {
    public var identity: SourceIdentity
    public var bytes: [UInt8]

    /// Hashes `bytes` and records their size.
    public init(name: String, bytes: [UInt8]) {
        self.identity = SourceIdentity(name: name, digest: SourceDigest(of: bytes), size: bytes.count)
        self.bytes = bytes
    }
}

import ScriptoriumModel

/// One of N equal parts of an archive's sources, chosen by digest, so N machines can rebuild an
/// archive between them with no coordination but the numbers K and N.
///
/// Written `K/N` with `0 ≤ K < N`, matching Kubernetes' `JOB_COMPLETION_INDEX` and SLURM's
/// `SLURM_ARRAY_TASK_ID` for arrays numbered from 0.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    public init?(index: Int, count: Int) {
        guard count >= 1, (0..<count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// Parses `K/N`.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        self.init(index: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }

    /// Whether the source with `digest` belongs to this shard: the first 64 bits of the digest,
    /// modulo N. SHA-256 spreads sources evenly, and the answer never depends on the machine.
    public func contains(_ digest: SourceDigest) -> Bool {
        let prefix = UInt64(digest.hex.prefix(16), radix: 16) ?? 0
        return Int(prefix % UInt64(count)) == index
    }
}

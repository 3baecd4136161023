import ScriptoriumModel

/// Where everything lives inside an archive folder. Downstream tools rely on this layout; it is
/// documented in the README.
///
///     Archive/
///       catalog.json                  every source: names, SHA-256, size, receipt, status, documents
///       sources/ab/<sha256>           the originals, byte for byte, read-only
///       tei/ab/<document id>.xml      one validated TEI file per document
///       reports/ab/<sha256>.json      the cleaning report: every removal, move and repair
///       quarantine/<sha256>.txt       why a source was not published (plus rejected drafts)
///       journal.jsonl                 the watcher's outcomes, one JSON line each, fsynced before the
///                                     inbox copy goes; replayed into the catalog on open
///       .work/<claim>/<name>          files the watcher has taken from the inbox and not yet finished
///       .work/status.json             the running watcher's queue, counters and last errors
///
/// `ab` is the first two hex digits of the source's digest, so no folder grows past a few
/// thousand entries per million sources.
public struct ArchiveLayout: Sendable, Hashable {
    public let root: String

    public init(root: String) {
        self.root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
    }

    public var catalogPath: String { root + "/catalog.json" }
    public var lockPath: String { root + "/.lock" }
    public var sourcesFolder: String { root + "/sources" }
    public var teiFolder: String { root + "/tei" }
    public var reportsFolder: String { root + "/reports" }
    public var quarantineFolder: String { root + "/quarantine" }
    public var journalPath: String { root + "/journal.jsonl" }
    /// Where the watcher moves files it has claimed from the inbox (same file system as the archive).
    public var workFolder: String { root + "/.work" }
    public var watchStatusPath: String { root + "/.work/status.json" }

    private static func fan(_ digest: SourceDigest) -> String { String(digest.hex.prefix(2)) }

    /// Archive-relative paths, as the catalog records them.
    public func originalRelativePath(_ digest: SourceDigest) -> String { "sources/\(Self.fan(digest))/\(digest.hex)" }
    public func teiRelativePath(_ id: DocumentID, source digest: SourceDigest) -> String { "tei/\(Self.fan(digest))/\(id.value).xml" }
    public func reportRelativePath(_ digest: SourceDigest) -> String { "reports/\(Self.fan(digest))/\(digest.hex).json" }
    public func quarantineRelativePath(_ digest: SourceDigest) -> String { "quarantine/\(digest.hex).txt" }
    public func rejectedRelativePath(_ id: DocumentID) -> String { "quarantine/\(id.value).rejected.xml" }

    public func absolute(_ relative: String) -> String { root + "/" + relative }
}

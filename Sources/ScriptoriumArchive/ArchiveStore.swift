import Foundation
import ScriptoriumModel
#if canImport(Glibc)
import Glibc
#endif

/// The archive folder: originals stored under their digest, TEI files, reports, quarantine
/// and the catalog. The export side of the pipeline's I/O.
///
/// Holds the archive's lock for its lifetime. Not `Sendable`: one command owns it; the daemon
/// gives it a queue of its own.
public final class ArchiveStore {
    public let layout: ArchiveLayout
    public private(set) var catalog: Catalog
    /// Open once the watcher has used this archive (`journal.jsonl` exists) or asked for it.
    public private(set) var journal: Journal?
    /// The claims whose outcomes the journal holds after its last checkpoint.
    public private(set) var journaledClaims: Set<String> = []
    private let lock: ArchiveLock

    /// Opens (creating if needed) the archive at `root` and locks it.
    public init(root: String) throws(ArchiveError) {
        layout = ArchiveLayout(root: root)
        try DurableFile.makeFolder(layout.root)
        lock = try ArchiveLock(path: layout.lockPath)
        if FileManager.default.fileExists(atPath: layout.catalogPath) {
            catalog = try Catalog.decode(try DurableFile.read(layout.catalogPath), path: layout.catalogPath)
        } else {
            catalog = Catalog()
        }
        if FileManager.default.fileExists(atPath: layout.journalPath) {
            try openJournal()
        }
    }

    // MARK: Journal

    /// Opens (creating) the journal and applies what it recorded after the last catalog save.
    public func openJournal() throws(ArchiveError) {
        guard journal == nil else { return }
        let opened = try Journal(path: layout.journalPath)
        for record in Journal.pending(try Journal.records(at: layout.journalPath)) {
            if let entry = record.entry { catalog[entry.sha256] = entry }
            if let claim = record.claim { journaledClaims.insert(claim) }
        }
        journal = opened
    }

    /// Durably records an outcome; the catalog already holds its entry.
    public func appendToJournal(_ record: JournalRecord) throws(ArchiveError) {
        try openJournal()
        try journal?.append(record)
        if let claim = record.claim { journaledClaims.insert(claim) }
    }

    /// Records that `name` brought bytes the archive already holds: the name joins the entry,
    /// nothing is republished. Nil when the digest is unknown.
    public func recordDuplicate(name: String, of digest: SourceDigest) -> CatalogEntry? {
        guard var entry = catalog[digest] else { return nil }
        entry.names = Self.names(entry.names, adding: name)
        catalog[digest] = entry
        return entry
    }

    // MARK: Originals

    /// Stores the source's exact bytes under its digest, durably, and returns when they were
    /// first received. Existing originals are never rewritten; their bytes are checked instead.
    @discardableResult
    public func storeOriginal(_ raw: RawSource, now: Date = Date()) throws(ArchiveError) -> String {
        let relative = layout.originalRelativePath(raw.identity.digest)
        let path = layout.absolute(relative)
        if FileManager.default.fileExists(atPath: path) {
            _ = try readOriginal(raw.identity.digest)
        } else {
            try DurableFile.write(raw.bytes, to: path, permissions: 0o444)
            // Read back what the disk holds: the inbox copy may only go once this matches.
            let stored = try DurableFile.read(path)
            guard SourceDigest(of: stored) == raw.identity.digest else {
                unlink(path)
                throw ArchiveError(problem: "the stored copy does not match the source's SHA-256", path: path, remedy: "check the disk for errors; the input was left where it was")
            }
        }
        return catalog[raw.identity.digest]?.received ?? Self.receiptTime(of: path, fallback: now)
    }

    /// Stores a file too large to process by streaming it into the archive while hashing it,
    /// so it is kept (and can be quarantined with a reason) without ever being held in memory.
    /// Returns its identity and when it was first received.
    public func storeOriginal(streamingFrom path: String, name: String, now: Date = Date()) throws(ArchiveError) -> (SourceIdentity, String) {
        let input = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
        guard input >= 0 else { throw .system("read the input", path: path, errno: errno) }
        defer { close(input) }
        try DurableFile.makeFolder(layout.sourcesFolder)
        let temporary = layout.sourcesFolder + "/.tmp-stream-" + String(getpid()) + "-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let output = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o444)
        guard output >= 0 else { throw .system("create a temporary file", path: temporary, errno: errno) }
        var hasher = SourceHasher()
        var size = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var failure: ArchiveError?
        copying: while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(input, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                failure = .system("read the input", path: path, errno: errno)
                break
            }
            if count == 0 { break }
            var offset = 0
            while offset < count {
                let written = buffer.withUnsafeBytes { Glibc.write(output, $0.baseAddress! + offset, count - offset) }
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = .system("write", path: temporary, errno: errno)
                    break copying
                }
                offset += written
            }
            buffer.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            size += count
        }
        if failure == nil, fsync(output) != 0 { failure = .system("flush to disk", path: temporary, errno: errno) }
        close(output)
        if let failure {
            unlink(temporary)
            throw failure
        }
        let digest = hasher.finalize()
        let final = layout.absolute(layout.originalRelativePath(digest))
        if FileManager.default.fileExists(atPath: final) {
            unlink(temporary)
        } else {
            try DurableFile.makeFolder((final as NSString).deletingLastPathComponent)
            guard rename(temporary, final) == 0 else {
                let code = errno
                unlink(temporary)
                throw .system("move the stored original into place", path: final, errno: code)
            }
            try DurableFile.syncFolder((final as NSString).deletingLastPathComponent)
        }
        let identity = SourceIdentity(name: name, digest: digest, size: size)
        return (identity, catalog[digest]?.received ?? Self.receiptTime(of: final, fallback: now))
    }

    /// The original bytes of a source, checked against their digest.
    public func readOriginal(_ digest: SourceDigest) throws(ArchiveError) -> [UInt8] {
        try snapshot.readOriginal(digest)
    }

    /// The size in bytes of a stored original (0 when missing), without reading it.
    public func originalSize(_ digest: SourceDigest) -> Int {
        snapshot.originalSize(digest)
    }

    /// When a stored original was first received: the catalog's record, else the file's time.
    public func storeOriginalReceipt(_ digest: SourceDigest) throws(ArchiveError) -> String {
        if let received = catalog[digest]?.received { return received }
        let path = layout.absolute(layout.originalRelativePath(digest))
        guard FileManager.default.fileExists(atPath: path) else {
            throw ArchiveError(problem: "the original is missing", path: path, remedy: "restore it from a backup")
        }
        return Self.receiptTime(of: path, fallback: Date())
    }

    /// Every original the archive holds, whether or not the catalog lists it.
    public func storedDigests() -> [SourceDigest] {
        snapshot.storedDigests()
    }

    /// A read-only view of this archive as it is now.
    public var snapshot: ArchiveSnapshot {
        ArchiveSnapshot(layout: layout, catalog: catalog)
    }

    /// Sets a source's catalog entry as another archive recorded it (used by `merge`), first
    /// removing files of this archive's earlier entry that the new one no longer lists.
    func replaceEntry(_ entry: CatalogEntry) {
        if let previous = catalog[entry.sha256] {
            let kept = Set(entry.documents.map(\.path))
            removeFiles(previous.documents.map(\.path).filter { !kept.contains($0) })
        }
        catalog[entry.sha256] = entry
    }

    /// Takes over what another archive's catalog knows of a source (its names and time of
    /// receipt) before the source is processed here: a shard rebuild keeps the catalog a
    /// single-machine rebuild would have.
    public func adopt(_ entry: CatalogEntry) {
        guard catalog[entry.sha256] == nil else { return }
        catalog[entry.sha256] = entry
    }

    // MARK: Outcomes

    /// Publishes a source's validated documents and its cleaning report, and records it.
    @discardableResult
    public func publish(
        source: SourceIdentity, encoding: String?, received: String, documents: [ValidatedTEI], report: [UInt8]
    ) throws(ArchiveError) -> CatalogEntry {
        let digest = source.digest
        var entries: [CatalogDocument] = []
        for document in documents {
            let relative = layout.teiRelativePath(document.documentID, source: digest)
            try DurableFile.write(document.bytes, to: layout.absolute(relative))
            entries.append(CatalogDocument(id: document.documentID, title: document.title, path: relative))
        }
        let reportPath = layout.reportRelativePath(digest)
        try DurableFile.write(report, to: layout.absolute(reportPath))
        let previous = catalog[digest]
        removeFiles(previous?.documents.map(\.path).filter { path in !entries.contains { $0.path == path } } ?? [])
        removeQuarantine(of: digest)
        let entry = CatalogEntry(
            sha256: digest, names: Self.names(previous?.names, adding: source.name), size: source.size, received: received,
            status: .published, original: layout.originalRelativePath(digest), encoding: encoding, documents: entries,
            report: reportPath, quarantine: nil
        )
        catalog[digest] = entry
        return entry
    }

    /// Records that a source could not be published, with a reason a person can act on.
    @discardableResult
    public func quarantine(
        source: SourceIdentity, encoding: String?, received: String, reason: String, rejected: [TEIDraft]
    ) throws(ArchiveError) -> CatalogEntry {
        let digest = source.digest
        let reasonPath = layout.quarantineRelativePath(digest)
        var text = "source: \(source.name)\nsha256: \(digest.hex)\nsize: \(source.size) bytes\nreceived: \(received)\n"
        text += "original: \(layout.originalRelativePath(digest))\n\n\(reason)\n"
        for draft in rejected {
            let relative = layout.rejectedRelativePath(draft.documentID)
            try DurableFile.write(draft.bytes, to: layout.absolute(relative))
            text += "rejected draft: \(relative)\n"
        }
        try DurableFile.write(Array(text.utf8), to: layout.absolute(reasonPath))
        let previous = catalog[digest]
        removeFiles(previous?.documents.map(\.path) ?? [])
        if let report = previous?.report { removeFiles([report]) }
        let entry = CatalogEntry(
            sha256: digest, names: Self.names(previous?.names, adding: source.name), size: source.size, received: received,
            status: .quarantined, original: layout.originalRelativePath(digest), encoding: encoding, documents: [],
            report: nil, quarantine: CatalogQuarantine(reason: reason.split(separator: "\n").first.map(String.init) ?? reason, path: reasonPath)
        )
        catalog[digest] = entry
        return entry
    }

    /// Writes the catalog atomically, then marks the journal (when there is one) as included.
    public func saveCatalog() throws(ArchiveError) {
        try DurableFile.write(catalog.encoded(), to: layout.catalogPath)
        if let journal {
            try journal.append(JournalRecord(event: .checkpoint, time: JournalRecord.timestamp()))
            journaledClaims = []
        }
    }

    /// Deletes TEI files that no catalog entry lists (left by an earlier build with other rules).
    public func removeUnlistedTEI() {
        let listed = Set(catalog.sources.flatMap { $0.documents.map(\.path) })
        let manager = FileManager.default
        guard let fans = try? manager.contentsOfDirectory(atPath: layout.teiFolder) else { return }
        for fan in fans {
            guard let names = try? manager.contentsOfDirectory(atPath: layout.teiFolder + "/" + fan) else { continue }
            for name in names where name.hasSuffix(".xml") && !listed.contains("tei/\(fan)/\(name)") {
                unlink(layout.teiFolder + "/" + fan + "/" + name)
            }
        }
    }

    // MARK: Helpers

    private func removeQuarantine(of digest: SourceDigest) {
        let reasonPath = layout.absolute(layout.quarantineRelativePath(digest))
        guard FileManager.default.fileExists(atPath: reasonPath) else { return }
        unlink(reasonPath)
        let prefix = "d" + digest.hex.prefix(16) + "-"
        if let names = try? FileManager.default.contentsOfDirectory(atPath: layout.quarantineFolder) {
            for name in names where name.hasPrefix(prefix) && name.hasSuffix(".rejected.xml") {
                unlink(layout.quarantineFolder + "/" + name)
            }
        }
    }

    private func removeFiles(_ relativePaths: [String]) {
        for relative in relativePaths { unlink(layout.absolute(relative)) }
    }

    private static func names(_ existing: [String]?, adding name: String) -> [String] {
        guard var names = existing else { return [name] }
        if !names.contains(name) { names.append(name) }
        return names
    }

    /// The modification time of a stored original (when it was written), as UTC ISO 8601.
    static func receiptTime(of path: String, fallback: Date) -> String {
        var info = stat()
        let seconds = stat(path, &info) == 0 ? info.st_mtim.tv_sec : time_t(fallback.timeIntervalSince1970)
        return iso8601(seconds)
    }

    static func iso8601(_ seconds: time_t) -> String {
        var copy = seconds
        var parts = tm()
        gmtime_r(&copy, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))Z"
    }
}

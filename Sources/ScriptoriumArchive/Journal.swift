import Foundation
import ScriptoriumModel
#if canImport(Glibc)
import Glibc
#endif

/// The archive's append-only record of what the watcher did with each claimed file.
///
/// Why it exists: rewriting `catalog.json` after every source costs O(archive size) per file,
/// so the daemon appends one fsynced line per outcome instead and saves the catalog now and
/// then, marking each save with a `checkpoint` line. Opening the archive replays every line
/// after the last checkpoint into the catalog, so a SIGKILL at any instant loses nothing, and a
/// claim whose outcome is already journaled is never recorded twice.
///
/// A crash can leave a torn last line (no newline): it is cut off on open, never parsed.
/// Not `Sendable`: owned by the `ArchiveStore`, on one queue.
public final class Journal {
    public let path: String
    private let descriptor: Int32

    /// Opens (creating) the journal for appending, cutting off a torn last line.
    public init(path: String) throws(ArchiveError) {
        self.path = path
        let descriptor = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .system("open the journal", path: path, errno: errno) }
        self.descriptor = descriptor
        let bytes = try DurableFile.read(path)
        if let last = bytes.last, last != 0x0A {
            let keep = (bytes.lastIndex(of: 0x0A) ?? -1) + 1
            guard ftruncate(descriptor, off_t(keep)) == 0 else { throw .system("cut the torn last line of the journal", path: path, errno: errno) }
        }
        let folder = (path as NSString).deletingLastPathComponent
        try DurableFile.syncFolder(folder)
    }

    deinit {
        close(descriptor)
    }

    /// Appends one record and waits until it is on disk.
    public func append(_ record: JournalRecord) throws(ArchiveError) {
        let line = record.encodedLine()
        var failure: Int32 = 0
        line.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure != 0 { throw .system("append to the journal", path: path, errno: failure) }
        guard fdatasync(descriptor) == 0 else { throw .system("flush the journal to disk", path: path, errno: errno) }
    }

    /// Every complete record of the journal at `path`, oldest first; none when it does not exist.
    public static func records(at path: String) throws(ArchiveError) -> [JournalRecord] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let bytes = try DurableFile.read(path)
        var records: [JournalRecord] = []
        var lineNumber = 0
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast() {
            lineNumber += 1
            if line.isEmpty { continue }
            do {
                records.append(try JSONDecoder().decode(JournalRecord.self, from: Data(line)))
            } catch {
                throw ArchiveError(
                    problem: "line \(lineNumber) of the journal is not a journal record (\(error))", path: path,
                    remedy: "restore the journal from a backup, or move it away and run `scriptorium rebuild`"
                )
            }
        }
        return records
    }

    /// The records after the last checkpoint: what the saved catalog does not yet include.
    public static func pending(_ records: [JournalRecord]) -> ArraySlice<JournalRecord> {
        guard let last = records.lastIndex(where: { $0.event == .checkpoint }) else { return records[...] }
        return records[(last + 1)...]
    }
}

/// One line of the journal.
public struct JournalRecord: Codable, Sendable, Equatable {
    public enum Event: String, Codable, Sendable {
        /// A claimed file was published or quarantined; `entry` is its catalog entry afterwards.
        case published, quarantined
        /// A claimed file held bytes the archive already had; `entry` lists the new name too.
        case duplicate
        /// The catalog was saved with everything above this line.
        case checkpoint
    }

    public var event: Event
    /// UTC, ISO 8601 with milliseconds.
    public var time: String
    /// The watcher's claim this outcome finishes.
    public var claim: String?
    /// The file name the bytes arrived under this time.
    public var name: String?
    public var entry: CatalogEntry?

    public init(event: Event, time: String, claim: String? = nil, name: String? = nil, entry: CatalogEntry? = nil) {
        self.event = event
        self.time = time
        self.claim = claim
        self.name = name
        self.entry = entry
    }

    /// `2026-11-22T04:05:10.123Z`: UTC with milliseconds, so events within one second keep their order.
    public static func timestamp(_ date: Date = Date()) -> String {
        let milliseconds = Int((date.timeIntervalSince1970 * 1000).rounded(.down))
        let seconds = time_t(milliseconds / 1000)
        let whole = ArchiveStore.iso8601(seconds)
        let fraction = String(milliseconds % 1000)
        return whole.dropLast() + "." + String(repeating: "0", count: 3 - fraction.count) + fraction + "Z"
    }

    func encodedLine() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Plain value types: encoding cannot fail.
        return Array(try! encoder.encode(self)) + [0x0A]
    }
}

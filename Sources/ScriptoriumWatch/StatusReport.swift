import Foundation
import ScriptoriumArchive
#if canImport(Glibc)
import Glibc
#endif

/// What `scriptorium status` prints: read from the archive folder alone, without its lock, so
/// it works beside a running daemon and never disturbs it.
public struct StatusReport: Sendable {
    public var layout: ArchiveLayout
    /// The pid holding the archive's lock, if any.
    public var lockHolder: Int32?
    public var watch: WatchStatus?
    public var catalog: Catalog?
    public var journalLines: Int
    public var journalPending: Int
    public var claims: Int

    /// Reads everything; a missing file just means that part is empty.
    public init(archive: String) throws(ArchiveError) {
        layout = ArchiveLayout(root: archive)
        lockHolder = ArchiveLock.holder(path: layout.lockPath)
        watch = WatchStatus.read(layout: layout)
        catalog = FileManager.default.fileExists(atPath: layout.catalogPath)
            ? try Catalog.decode(try DurableFile.read(layout.catalogPath), path: layout.catalogPath) : nil
        let records = try Journal.records(at: layout.journalPath)
        journalLines = records.count
        journalPending = Journal.pending(records).count
        var work = 0
        for folder in [layout.workFolder] + (watch.map { [$0.inbox + "/.scriptorium-work"] } ?? []) {
            let ids = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            work += ids.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".json") }.count
        }
        claims = work
    }

    /// Whether the lock is held by the watcher that wrote the status file.
    public var daemonRunning: Bool {
        guard let lockHolder, let watch else { return false }
        return lockHolder == watch.pid
    }

    public var text: String {
        var lines: [String] = []
        if daemonRunning, let watch {
            lines.append("daemon: running, pid \(watch.pid), since \(watch.started), \(watch.jobs) jobs, watching \(watch.inbox) (\(watch.phase.rawValue))")
        } else if let lockHolder {
            lines.append("daemon: not running; the archive is locked by another Scriptorium process (pid \(lockHolder))")
        } else if let watch {
            lines.append("daemon: not running (last run pid \(watch.pid), last update \(watch.updated), ended \(watch.phase == .stopped ? "cleanly" : "without stopping: a crash or SIGKILL; the next start finishes its work"))")
        } else {
            lines.append("daemon: not running (never run on this archive)")
        }
        if let watch {
            lines.append("queue: \(watch.waiting) waiting in the inbox, \(watch.inFlight) in flight, \(watch.pending) claimed and waiting, \(watch.parked) failed (retried at the next rescan)")
            let counters = watch.counters
            lines.append("since start: \(counters.received) received, \(counters.published) published, \(counters.quarantined) quarantined, \(counters.duplicates) duplicates, \(counters.failed) failures, \(counters.rescans) rescans")
        }
        lines.append("work folder: \(claims) claimed file\(claims == 1 ? "" : "s") not yet finished")
        lines.append("journal: \(journalLines) lines, \(journalPending) outcome\(journalPending == 1 ? "" : "s") not yet in catalog.json (applied on the next open)")
        if let catalog {
            let published = catalog.sources.count { $0.status == .published }
            let documents = catalog.sources.reduce(0) { $0 + $1.documents.count }
            let names = catalog.sources.reduce(0) { $0 + $1.names.count }
            lines.append("catalog: \(catalog.sources.count) sources, \(published) published (\(documents) documents), \(catalog.sources.count - published) quarantined, \(names - catalog.sources.count) extra names from duplicates")
        } else {
            lines.append("catalog: none yet")
        }
        if let errors = watch?.recentErrors, !errors.isEmpty {
            lines.append("last errors:")
            lines += errors.reversed().map { "  \($0.time) \($0.name): \($0.message.split(separator: "\n").joined(separator: " | "))" }
        } else {
            lines.append("last errors: none")
        }
        return lines.joined(separator: "\n")
    }
}

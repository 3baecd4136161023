import Foundation
import ScriptoriumArchive
import ScriptoriumModel
import ScriptoriumPipeline
#if canImport(Glibc)
import Glibc
#endif

/// Writes a new source's files from a worker thread, ahead of the serial archive queue.
///
/// Why: every archive file costs two fsyncs (file and folder), and on one serial queue those,
/// not the pipeline, bound the daemon's throughput. Workers run in parallel and the kernel
/// commits concurrent fsyncs together, so they store the original — and, for a source whose
/// original they were first to create, its TEI files and report — with the exact bytes the
/// archive queue will write; `DurableFile.write` then finds them in place and skips the fsyncs.
///
/// Safe beside the archive queue: every path is named by the digest, every write is atomic,
/// and only the worker that created the original (`link(2)` refuses a second creator) writes
/// the derived files, so bytes the archive already had — duplicates — never touch published files.
/// A failure here is not reported: the archive queue's own writes report it.
enum AheadWriter {
    static func store(_ raw: RawSource, outcome: ProcessingOutcome, by pipeline: Pipeline, in layout: ArchiveLayout) {
        let digest = raw.identity.digest
        guard createExclusively(raw.bytes, at: layout.absolute(layout.originalRelativePath(digest)), permissions: 0o444),
            case .published(let published) = outcome
        else { return }
        for document in published.documents {
            try? DurableFile.write(document.bytes, to: layout.absolute(layout.teiRelativePath(document.documentID, source: digest)))
        }
        let report = ArchiveService.report(for: raw, published: published, by: pipeline)
        try? DurableFile.write(report, to: layout.absolute(layout.reportRelativePath(digest)))
    }

    /// Writes `bytes` durably at `path` only if nothing is there; true when this call created it.
    static func createExclusively(_ bytes: [UInt8], at path: String, permissions: mode_t) -> Bool {
        guard !FileManager.default.fileExists(atPath: path) else { return false }
        let folder = (path as NSString).deletingLastPathComponent
        do { try DurableFile.makeFolder(folder) } catch { return false }
        let temporary = folder + "/.tmp-ahead-" + String(getpid()) + "-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions)
        guard descriptor >= 0 else { return false }
        defer { unlink(temporary) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            written += count
        }
        let synced = written == bytes.count && fsync(descriptor) == 0
        close(descriptor)
        // `link` fails with EEXIST when another worker (or the archive queue) got there first.
        guard synced, link(temporary, path) == 0 else { return false }
        do { try DurableFile.syncFolder(folder) } catch { return false }
        return true
    }
}

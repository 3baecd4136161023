import Foundation
import ScriptoriumArchive
import ScriptoriumIngest
import ScriptoriumModel
#if canImport(Glibc)
import Glibc
#endif

/// Runs the pipeline against an archive: the batch commands `ingest`, `run` and `rebuild`.
///
/// Every input ends published, quarantined (original kept, reason written) or failed (left
/// untouched, message printed); an input leaves the inbox only after its exact bytes are
/// durably stored in the archive.
public final class ArchiveService {
    public let pipeline: Pipeline
    public let store: ArchiveStore
    public let reader: SourceFileReader

    /// Opens and locks the archive at `archiveRoot`. Inputs over `sizeLimit` bytes are stored and
    /// quarantined without being read into memory.
    public init(pipeline: Pipeline, archiveRoot: String, sizeLimit: Int = SourceFileReader.defaultSizeLimit) throws(ArchiveError) {
        self.pipeline = pipeline
        self.store = try ArchiveStore(root: archiveRoot)
        self.reader = SourceFileReader(sizeLimit: sizeLimit)
    }

    /// Processes the named files; never modifies, moves or deletes them.
    public func ingest(paths: [String], progress: (InputResult) -> Void = { _ in }) throws(ArchiveError) -> [InputResult] {
        var results: [InputResult] = []
        for path in paths {
            let result: InputResult
            switch read(path) {
            case .failure(let error): result = try unreadable(path, error)
            case .success(let raw): result = try handleSavingCatalogOnFailure(raw, input: path)
            }
            results.append(result)
            progress(result)
        }
        try store.saveCatalog()
        return results
    }

    /// Processes every file in `inbox` (and its subfolders) once, removing each only after its
    /// bytes are stored and only if it did not change meanwhile.
    public func run(inbox: String, progress: (InputResult) -> Void = { _ in }) throws(ArchiveError) -> [InputResult] {
        var results: [InputResult] = []
        for path in InboxScanner(root: inbox).candidates() {
            let before = FileSnapshot(path: path)
            var result: InputResult
            switch read(path) {
            case .failure(let error):
                result = try unreadable(path, error)
                if case .quarantined = result.outcome, before != nil, FileSnapshot(path: path) == before {
                    unlink(path)  // stored and quarantined: the inbox copy may go
                }
            case .success(let raw):
                result = try handleSavingCatalogOnFailure(raw, input: path)
                // The bytes are stored: the inbox copy may go, unless it changed meanwhile.
                if before != nil, FileSnapshot(path: path) == before {
                    if unlink(path) != 0 {
                        result = InputResult(input: path, outcome: .failed(message: "processed, but could not be removed from the inbox: \(String(cString: strerror(errno)))"))
                    }
                } else {
                    result = InputResult(input: path, outcome: .failed(message: "the file changed while it was processed; it stays in the inbox for the next run"))
                }
            }
            results.append(result)
            progress(result)
        }
        try store.saveCatalog()
        return results
    }

    /// Regenerates every TEI file from the originals kept in the archive, with the current rules.
    /// Byte-identical to a fresh ingest of the same originals under the same names.
    ///
    /// - Parameters:
    ///   - shard: only the sources of this shard (all when nil).
    ///   - origin: read the originals and catalog from this other archive (read-only) and write
    ///     the result into this one: how N machines rebuild one shared archive into N shard
    ///     archives that `merge` then combines.
    public func rebuild(
        shard: Shard? = nil, from origin: ArchiveSnapshot? = nil, progress: (InputResult) -> Void = { _ in }
    ) throws(ArchiveError) -> [InputResult] {
        let source = origin ?? store.snapshot
        let external = origin != nil && origin?.layout.root != store.layout.root
        var results: [InputResult] = []
        for digest in source.allDigests() where shard?.contains(digest) ?? true {
            if external, let entry = source.catalog[digest] { store.adopt(entry) }
            let name = source.catalog[digest]?.names.first ?? digest.hex
            let size = source.originalSize(digest)
            let result: InputResult
            if size > reader.sizeLimit {
                // Kept quarantined without ever being loaded.
                var identity = SourceIdentity(name: name, digest: digest, size: size)
                var received = try store.storeOriginalReceipt(digest)
                if external {
                    (identity, received) = try store.storeOriginal(streamingFrom: source.originalPath(digest), name: name)
                }
                let error = IngestError.tooLarge(path: name, size: size, limit: reader.sizeLimit)
                let entry = try store.quarantine(source: identity, encoding: nil, received: received, reason: error.description, rejected: [])
                result = InputResult(
                    input: name,
                    outcome: .quarantined(reason: entry.quarantine?.reason ?? "", reasonPath: store.layout.absolute(entry.quarantine?.path ?? ""))
                )
            } else {
                result = try handleSavingCatalogOnFailure(RawSource(name: name, bytes: try source.readOriginal(digest)), input: name)
            }
            results.append(result)
            progress(result)
        }
        store.removeUnlistedTEI()
        try store.saveCatalog()
        return results
    }

    private func read(_ path: String) -> Result<RawSource, IngestError> {
        do {
            return .success(try reader.read(path: path))
        } catch {
            return .failure(error)
        }
    }

    /// An input the pipeline could not read. A file over the size limit is still kept: streamed
    /// into the archive and quarantined with the reason. Anything else is reported and left alone.
    private func unreadable(_ path: String, _ error: IngestError) throws(ArchiveError) -> InputResult {
        guard case .tooLarge = error else {
            return InputResult(input: path, outcome: .failed(message: Self.oneLine(error)))
        }
        let name = (path as NSString).lastPathComponent
        let (identity, received) = try store.storeOriginal(streamingFrom: path, name: name)
        let entry = try store.quarantine(source: identity, encoding: nil, received: received, reason: error.description, rejected: [])
        return InputResult(
            input: path,
            outcome: .quarantined(reason: entry.quarantine?.reason ?? "", reasonPath: store.layout.absolute(entry.quarantine?.path ?? ""))
        )
    }

    /// An archive write failed: keep what the catalog knows so far, then stop, so nothing
    /// looks processed that was not.
    private func handleSavingCatalogOnFailure(_ raw: RawSource, input: String) throws(ArchiveError) -> InputResult {
        do {
            return try handle(raw, input: input)
        } catch {
            try? store.saveCatalog()
            throw error
        }
    }

    /// Stores the original, runs the pipeline, and publishes or quarantines.
    private func handle(_ raw: RawSource, input: String) throws(ArchiveError) -> InputResult {
        let received = try store.storeOriginal(raw)
        switch pipeline.process(raw) {
        case .published(let published):
            let report = CleaningReport(identity: raw.identity, published: published, ruleSets: published.documents.isEmpty ? [] : ruleSets())
            let entry = try store.publish(
                source: raw.identity, encoding: published.encoding.rawValue, received: received, documents: published.documents,
                report: report.encoded()
            )
            return InputResult(input: input, outcome: .published(paths: entry.documents.map { store.layout.absolute($0.path) }))
        case .quarantined(let reason):
            let entry = try store.quarantine(
                source: raw.identity, encoding: reason.encoding?.rawValue, received: received, reason: reason.text, rejected: reason.rejected
            )
            return InputResult(
                input: input,
                outcome: .quarantined(reason: entry.quarantine?.reason ?? "", reasonPath: store.layout.absolute(entry.quarantine?.path ?? ""))
            )
        }
    }

    private func ruleSets() -> [RuleSetVersion] {
        pipeline.cleaner.rules.versions + [type(of: pipeline.segmenter).version, type(of: pipeline.annotator).version]
    }

    static func oneLine(_ error: any ScriptoriumError) -> String {
        "\(error.problem) (what to do: \(error.remedy))"
    }
}

/// Size, modification time and inode of a file, to tell whether it changed.
struct FileSnapshot: Equatable {
    var size: Int
    var modified: Int
    var modifiedNanoseconds: Int
    var inode: UInt

    init?(path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        size = Int(info.st_size)
        modified = Int(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
        inode = UInt(info.st_ino)
    }
}

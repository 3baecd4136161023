import Dispatch
import Foundation
import ScriptoriumArchive
import ScriptoriumIngest
import ScriptoriumModel
import Synchronization
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
    /// Threads running the pipeline; the archive is always written by the calling thread, in
    /// input order.
    public let jobs: Int
    /// Told how many inputs a command is about to process, before the first one (for progress bars).
    public var onStart: (Int) -> Void = { _ in }

    /// Opens and locks the archive at `archiveRoot`. Inputs over `sizeLimit` bytes are stored and
    /// quarantined without being read into memory.
    public init(
        pipeline: Pipeline, archiveRoot: String, sizeLimit: Int = SourceFileReader.defaultSizeLimit, jobs: Int = 1
    ) throws(ArchiveError) {
        self.pipeline = pipeline
        self.store = try ArchiveStore(root: archiveRoot)
        self.reader = SourceFileReader(sizeLimit: sizeLimit)
        self.jobs = max(1, jobs)
    }

    /// Processes the named files; never modifies, moves or deletes them.
    public func ingest(paths: [String], progress: (InputResult) -> Void = { _ in }) throws(ArchiveError) -> [InputResult] {
        let results = try processInOrder(
            paths,
            prepare: { path throws(ArchiveError) -> Prepared in
                switch read(path) {
                case .failure(let error): return .done(try unreadable(path, error))
                case .success(let raw): return .process(raw)
                }
            },
            finish: { path, raw, outcome throws(ArchiveError) -> InputResult in
                try archiveSavingCatalogOnFailure(raw, outcome: outcome, input: path)
            },
            progress: progress
        )
        try store.saveCatalog()
        return results
    }

    /// Processes every file in `inbox` (and its subfolders) once, removing each only after its
    /// bytes are stored and only if it did not change meanwhile.
    public func run(inbox: String, progress: (InputResult) -> Void = { _ in }) throws(ArchiveError) -> [InputResult] {
        let scan = InboxScanner(root: inbox).scan()
        let candidates = scan.files.map { (path: $0, before: FileSnapshot(path: $0)) }
        var results = try processInOrder(
            candidates,
            prepare: { candidate throws(ArchiveError) -> Prepared in
                switch read(candidate.path) {
                case .failure(let error):
                    let result = try unreadable(candidate.path, error)
                    if case .quarantined = result.outcome, candidate.before != nil, FileSnapshot(path: candidate.path) == candidate.before {
                        unlink(candidate.path)  // stored and quarantined: the inbox copy may go
                    }
                    return .done(result)
                case .success(let raw):
                    return .process(raw)
                }
            },
            finish: { candidate, raw, outcome throws(ArchiveError) -> InputResult in
                let path = candidate.path
                let result = try archiveSavingCatalogOnFailure(raw, outcome: outcome, input: path)
                // The bytes are stored: the inbox copy may go, unless it changed meanwhile.
                guard candidate.before != nil, FileSnapshot(path: path) == candidate.before else {
                    return InputResult(input: path, outcome: .failed(message: "the file changed while it was processed; it stays in the inbox for the next run"))
                }
                guard unlink(path) == 0 else {
                    return InputResult(input: path, outcome: .failed(message: "processed, but could not be removed from the inbox: \(String(cString: strerror(errno)))"))
                }
                return result
            },
            progress: progress
        )
        for name in scan.undecodableNames {
            let result = InputResult(input: name, outcome: .failed(message: "the file name is not valid UTF-8, so it cannot be recorded faithfully (what to do: rename the file; it was left in the inbox)"))
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
        let digests = source.allDigests().filter { shard?.contains($0) ?? true }
        let results = try processInOrder(
            digests,
            prepare: { digest throws(ArchiveError) -> Prepared in
                if external, let entry = source.catalog[digest] { store.adopt(entry) }
                let name = source.catalog[digest]?.names.first ?? digest.hex
                let size = source.originalSize(digest)
                guard size > reader.sizeLimit else {
                    return .process(RawSource(name: name, bytes: try source.readOriginal(digest)))
                }
                // Kept quarantined without ever being loaded.
                var identity = SourceIdentity(name: name, digest: digest, size: size)
                var received = try store.storeOriginalReceipt(digest)
                if external {
                    (identity, received) = try store.storeOriginal(streamingFrom: source.originalPath(digest), name: name)
                }
                let error = IngestError.tooLarge(path: name, size: size, limit: reader.sizeLimit)
                let entry = try store.quarantine(source: identity, encoding: nil, received: received, reason: error.description, rejected: [])
                return .done(result(for: entry, input: name))
            },
            finish: { _, raw, outcome throws(ArchiveError) -> InputResult in
                try archiveSavingCatalogOnFailure(raw, outcome: outcome, input: raw.identity.name)
            },
            progress: progress
        )
        store.removeUnlistedTEI()
        try store.saveCatalog()
        return results
    }

    // MARK: Parallel processing in input order

    /// What the serial first step made of an input: a source for the pipeline, or already a result.
    enum Prepared {
        case process(RawSource)
        case done(InputResult)
    }

    /// Inputs in flight per worker: enough to keep every core busy, few enough that memory
    /// stays flat however many inputs there are.
    static let windowPerJob = 8

    /// Prepares inputs one by one (reading, archive bookkeeping), runs the pure pipeline on
    /// `jobs` threads, then archives the outcomes one by one in input order. Output is therefore
    /// byte-identical whatever the number of jobs.
    private func processInOrder<Item>(
        _ items: [Item],
        prepare: (Item) throws(ArchiveError) -> Prepared,
        finish: (Item, RawSource, ProcessingOutcome) throws(ArchiveError) -> InputResult,
        progress: (InputResult) -> Void
    ) throws(ArchiveError) -> [InputResult] {
        var results: [InputResult] = []
        results.reserveCapacity(items.count)
        onStart(items.count)
        let window = max(1, jobs * Self.windowPerJob)
        var start = 0
        while start < items.count {
            let slice = items[start..<min(items.count, start + window)]
            var prepared: [Prepared] = []
            for item in slice { prepared.append(try prepare(item)) }
            let outcomes = processAll(prepared)
            for (offset, item) in slice.enumerated() {
                let result: InputResult
                switch prepared[offset] {
                case .done(let done): result = done
                case .process(let raw): result = try finish(item, raw, outcomes[offset]!)
                }
                results.append(result)
                progress(result)
            }
            start += window
        }
        return results
    }

    /// Runs the pipeline on every prepared source, on `jobs` threads.
    private func processAll(_ prepared: [Prepared]) -> [ProcessingOutcome?] {
        let sources: [RawSource?] = prepared.map { if case .process(let raw) = $0 { return raw } else { return nil } }
        let pipeline = self.pipeline
        guard jobs > 1, sources.count > 1 else { return sources.map { $0.map(pipeline.process) } }
        let outcomes = Mutex([ProcessingOutcome?](repeating: nil, count: sources.count))
        DispatchQueue.concurrentPerform(iterations: sources.count) { index in
            guard let raw = sources[index] else { return }
            let outcome = pipeline.process(raw)
            outcomes.withLock { $0[index] = outcome }
        }
        return outcomes.withLock { $0 }
    }

    // MARK: Archiving one source

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
        return result(for: entry, input: path)
    }

    /// An archive write failed: keep what the catalog knows so far, then stop, so nothing
    /// looks processed that was not.
    private func archiveSavingCatalogOnFailure(_ raw: RawSource, outcome: ProcessingOutcome, input: String) throws(ArchiveError) -> InputResult {
        do {
            return result(for: try archive(raw, outcome: outcome, by: pipeline), input: input)
        } catch {
            try? store.saveCatalog()
            throw error
        }
    }

    /// Stores the original and publishes or quarantines an outcome of `pipeline.process(_:)`.
    ///
    /// Public for callers that run the pure pipeline on threads of their own and only the archive
    /// writes on the queue that owns this service. `pipeline` is the one that produced `outcome`
    /// (rules may have been reloaded since), named in the report.
    public func archive(_ raw: RawSource, outcome: ProcessingOutcome, by pipeline: Pipeline) throws(ArchiveError) -> CatalogEntry {
        let received = try store.storeOriginal(raw)
        switch outcome {
        case .published(let published):
            return try store.publish(
                source: raw.identity, encoding: published.encoding.rawValue, received: received, documents: published.documents,
                report: Self.report(for: raw, published: published, by: pipeline)
            )
        case .quarantined(let reason):
            return try store.quarantine(
                source: raw.identity, encoding: reason.encoding?.rawValue, received: received, reason: reason.text, rejected: reason.rejected
            )
        }
    }

    /// The cleaning report's bytes, exactly as `archive` writes them.
    public static func report(for raw: RawSource, published: PublishedSource, by pipeline: Pipeline) -> [UInt8] {
        let ruleSets = pipeline.cleaner.rules.versions + [type(of: pipeline.segmenter).version, type(of: pipeline.annotator).version]
            + (pipeline.annotator.rules?.versions ?? [])
        return CleaningReport(identity: raw.identity, published: published, ruleSets: ruleSets).encoded()
    }

    private func result(for entry: CatalogEntry, input: String) -> InputResult {
        switch entry.status {
        case .published:
            return InputResult(input: input, outcome: .published(paths: entry.documents.map { store.layout.absolute($0.path) }))
        case .quarantined:
            return InputResult(
                input: input,
                outcome: .quarantined(reason: entry.quarantine?.reason ?? "", reasonPath: store.layout.absolute(entry.quarantine?.path ?? ""))
            )
        }
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

import ArgumentParser
import Foundation
import ScriptoriumArchive
import ScriptoriumModel
import ScriptoriumPipeline

/// Builds the pipeline and opens the archive, turning setup failures into exit code 2.
func openService(resources options: ResourceOptions, archive: String) throws -> ArchiveService {
    do {
        let resources = try Resources.locate(rules: options.rules, schema: options.schema)
        let pipeline = try Pipeline(resources: resources)
        return try ArchiveService(pipeline: pipeline, archiveRoot: archive, sizeLimit: options.maxBytes, jobs: options.jobs)
    } catch {
        printError("scriptorium: \(error)")
        throw ExitCode(2)
    }
}

/// Runs a batch command with progress and summary, and exits with its code.
func finish(_ service: ArchiveService, json: Bool, _ body: ((InputResult) -> Void) throws -> [InputResult]) throws {
    let reporter = CommandReporter(json: json)
    service.onStart = { reporter.start(total: $0) }
    let results: [InputResult]
    do {
        results = try body { reporter.report($0) }
    } catch {
        printError("scriptorium: \(error)")
        throw ExitCode(2)
    }
    let code = reporter.finish(results)
    if code != 0 { throw ExitCode(code) }
}

struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Process the named files into the archive.",
        discussion: "The input files are never modified, moved or deleted. One line per input: its outcome and the TEI files written."
    )

    @Option(help: "Archive folder.") var archive = "Archive"
    @OptionGroup var resources: ResourceOptions
    @Argument(help: "Raw text files to process.") var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one file to ingest") }
    }

    func run() throws {
        let service = try openService(resources: resources, archive: archive)
        try finish(service, json: resources.json) { try service.ingest(paths: files, progress: $0) }
    }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Process everything in the inbox once.",
        discussion: """
            A file leaves the inbox only after its exact bytes are durably stored in the archive \
            (written, fsynced, renamed) and only if it did not change meanwhile. Dot-files and \
            temporary names (*.part, *.tmp, *.crdownload, *~) are left alone: write under such a \
            name and rename into the inbox.
            """
    )

    @Option(help: "Inbox folder.") var inbox = "Inbox"
    @Option(help: "Archive folder.") var archive = "Archive"
    @OptionGroup var resources: ResourceOptions

    func run() throws {
        guard FileManager.default.fileExists(atPath: inbox) else {
            printError("scriptorium: the inbox \(inbox) does not exist\nwhat to do: create it or pass --inbox")
            throw ExitCode(2)
        }
        let service = try openService(resources: resources, archive: archive)
        try finish(service, json: resources.json) { try service.run(inbox: inbox, progress: $0) }
    }
}

struct Rebuild: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Regenerate every TEI file from the originals kept in the archive.",
        discussion: """
            Run after changing rules. The result is byte-identical to a fresh ingest of the same \
            originals. Across machines: `rebuild --shard K/N --into SHARD_DIR` on each of N \
            machines (0 ≤ K < N) reads the shared archive without locking it and writes shard K \
            into its own archive folder; `scriptorium merge` then combines the shards.
            """
    )

    @Option(help: "Archive folder (read-only when --into is given).") var archive = "Archive"
    @Option(help: "Only the sources in shard K of N, chosen by SHA-256 (0 ≤ K < N).") var shard: String?
    @Option(help: "Write the result into this archive folder instead of rebuilding in place.") var into: String?
    @OptionGroup var resources: ResourceOptions

    func validate() throws {
        if let shard, Shard(parsing: shard) == nil {
            throw ValidationError("--shard takes K/N with 0 ≤ K < N, e.g. 0/4; got \(shard)")
        }
    }

    func run() throws {
        guard FileManager.default.fileExists(atPath: archive) else {
            printError("scriptorium: the archive \(archive) does not exist\nwhat to do: pass --archive with an existing archive folder")
            throw ExitCode(2)
        }
        let origin: ArchiveSnapshot?
        do {
            origin = try into.map { _ throws(ArchiveError) in try ArchiveSnapshot(root: archive) }
        } catch {
            printError("scriptorium: \(error)")
            throw ExitCode(2)
        }
        let service = try openService(resources: resources, archive: into ?? archive)
        let part = shard.flatMap(Shard.init(parsing:))
        try finish(service, json: resources.json) { try service.rebuild(shard: part, from: origin, progress: $0) }
    }
}

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Combine shard archives into one archive.",
        discussion: """
            The catalog and files of the result are identical to a single-machine rebuild of the \
            same sources. Shards that disagree about a source are refused.
            """
    )

    @Option(help: "The archive to merge into (created when missing).") var archive = "Archive"
    @Argument(help: "Shard archive folders written by `rebuild --shard K/N --into DIR`.") var shards: [String]

    func validate() throws {
        guard !shards.isEmpty else { throw ValidationError("name at least one shard archive to merge") }
    }

    func run() throws {
        do {
            let snapshots = try shards.map { path throws(ArchiveError) in try ArchiveSnapshot(root: path) }
            let store = try ArchiveStore(root: archive)
            let summary = try store.merge(snapshots)
            print("merged \(shards.count) shards into \(archive): \(summary.sources) sources, \(summary.files) files")
        } catch {
            printError("scriptorium: \(error)")
            throw ExitCode(2)
        }
    }
}

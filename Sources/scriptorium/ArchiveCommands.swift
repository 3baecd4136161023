import ArgumentParser
import Foundation
import ScriptoriumModel
import ScriptoriumPipeline

/// Builds the pipeline and opens the archive, turning setup failures into exit code 2.
func openService(resources options: ResourceOptions, archive: String) throws -> ArchiveService {
    do {
        let resources = try Resources.locate(rules: options.rules, schema: options.schema)
        let pipeline = try Pipeline(resources: resources)
        return try ArchiveService(pipeline: pipeline, archiveRoot: archive, sizeLimit: options.maxBytes)
    } catch {
        printError("scriptorium: \(error)")
        throw ExitCode(2)
    }
}

/// Prints each result as it comes and gives the command's exit code.
func finish(_ body: ((InputResult) -> Void) throws -> [InputResult]) throws {
    let results: [InputResult]
    do {
        results = try body { print($0.line) }
    } catch {
        printError("scriptorium: \(error)")
        throw ExitCode(2)
    }
    let failed = results.filter { if case .failed = $0.outcome { return true } else { return false } }.count
    let quarantined = results.filter { if case .quarantined = $0.outcome { return true } else { return false } }.count
    let published = results.count - failed - quarantined
    printError("\(results.count) inputs: \(published) published, \(quarantined) quarantined, \(failed) failed")
    if failed > 0 { throw ExitCode(2) }
    if quarantined > 0 { throw ExitCode(1) }
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
        try finish { try service.ingest(paths: files, progress: $0) }
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
        try finish { try service.run(inbox: inbox, progress: $0) }
    }
}

struct Rebuild: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Regenerate every TEI file from the originals kept in the archive.",
        discussion: "Run after changing rules. The result is byte-identical to a fresh ingest of the same originals."
    )

    @Option(help: "Archive folder.") var archive = "Archive"
    @OptionGroup var resources: ResourceOptions

    func run() throws {
        guard FileManager.default.fileExists(atPath: archive) else {
            printError("scriptorium: the archive \(archive) does not exist\nwhat to do: pass --archive with an existing archive folder")
            throw ExitCode(2)
        }
        let service = try openService(resources: resources, archive: archive)
        try finish { try service.rebuild(progress: $0) }
    }
}

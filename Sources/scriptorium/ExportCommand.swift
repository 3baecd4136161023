import ArgumentParser
import Foundation
import ScriptoriumArchive
import ScriptoriumDownstream

extension ArchiveExporter.Format: ExpressibleByArgument {}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the published documents as plain text, JSON Lines or CSV of entity mentions.",
        discussion: """
            txt: OUT/txt/<id>.txt (title, blank line, the text). jsonl: OUT/documents.jsonl, one \\
            record per document (id, title, date, language, sha256, source, path, entities, text). \\
            csv: OUT/entity-mentions.csv (document_id, type, text, ref, canonical_name, title, date).
            """
    )

    @Option(help: "txt, jsonl or csv.") var format: ArchiveExporter.Format
    @Option(help: "Archive folder.") var archive = "Archive"
    @Option(help: "Output folder (default: ARCHIVE/exports).") var out: String?

    func run() throws {
        do {
            let snapshot = try ArchiveSnapshot(root: archive)
            let written = try ArchiveExporter(archive: snapshot).export(format, to: out ?? archive + "/exports")
            print("exported \(format.rawValue): \(written.count) file\(written.count == 1 ? "" : "s") in \(out ?? archive + "/exports")")
        } catch {
            printError("scriptorium: \(error)")
            throw ExitCode(2)
        }
    }
}

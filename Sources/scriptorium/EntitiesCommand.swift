import ArgumentParser
import Foundation
import ScriptoriumPipeline

/// `scriptorium entities --unknown`: the names the authority file does not know yet, with
/// counts and contexts, so that an archivist can add them.
struct Entities: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List names found in the archive that the authority file does not know.",
        discussion: "One line per name: count, kind, name; then up to three contexts. Reads the originals with the current rules."
    )

    @Flag(help: "List the unlinked names (the only listing so far).") var unknown = false
    @Option(help: "Archive folder.") var archive = "Archive"
    @OptionGroup var resources: ResourceOptions

    func validate() throws {
        guard unknown else { throw ValidationError("say what to list: --unknown") }
    }

    func run() throws {
        guard FileManager.default.fileExists(atPath: archive) else {
            printError("scriptorium: the archive \(archive) does not exist\nwhat to do: pass --archive with an existing archive folder")
            throw ExitCode(2)
        }
        let service = try openService(resources: resources, archive: archive)
        let names: [UnknownName]
        do {
            names = try service.unknownNames()
        } catch {
            printError("scriptorium: \(error)")
            throw ExitCode(2)
        }
        for name in names {
            print("\(name.count)\t\(name.kind.rawValue)\t\(name.text)")
            for context in name.contexts { print("\t\t\(context)") }
        }
        printError("\(names.count) unknown names")
    }
}

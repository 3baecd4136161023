import ArgumentParser
import Foundation

/// `scriptorium`: the command-line face of the pipeline. Thin: parsing arguments, choosing
/// folders and exit codes; all work happens in `ScriptoriumPipeline`.
@main
struct ScriptoriumCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scriptorium",
        abstract: "Turn raw scraped text of historical documents into validated TEI P5.",
        discussion: """
            Exit codes: 0 every input published (or every file valid); 1 some input quarantined \
            (or some file invalid); 2 usage or system error.
            """,
        version: "0.1.0",
        subcommands: [
            Ingest.self, Run.self, Rebuild.self, Merge.self, Validate.self, CheckRules.self, Explain.self, Entities.self,
            Export.self, BagCommand.self, Verify.self, Bench.self, Watch.self, Status.self, BenchWatch.self,
        ]
    )

    /// Argument errors exit with 2, as the README promises, instead of ArgumentParser's 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success || code.rawValue == 1 || code.rawValue == 2 {
                exit(withError: error)
            }
            let message = fullMessage(for: error)
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            Foundation.exit(2)
        }
    }
}

/// Options every archive command shares.
struct ResourceOptions: ParsableArguments {
    @Option(help: "Folder of rule files (default: Rules/ of the Scriptorium installation or checkout).")
    var rules: String?

    @Option(help: "RELAX NG schema every TEI file must satisfy (default: Schemas/scriptorium.rng).")
    var schema: String?

    @Option(name: .customLong("max-bytes"), help: "Inputs larger than this are stored and quarantined, never read into memory.")
    var maxBytes: Int = 50 * 1024 * 1024

    @Option(help: "Threads running the pipeline (default: all cores). Output is identical for any number.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Print one JSON summary (counts and every input's outcome) instead of a line per input.")
    var json = false
}

/// Writes to standard error without touching C globals (Swift 6 rejects `stderr`).
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

import ArgumentParser
import Foundation
import ScriptoriumClean
import ScriptoriumModel
import ScriptoriumPipeline

/// `scriptorium explain FILE`: the cleaner's decision on every line of one file, without
/// touching the archive.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show, for each line of a file, whether the cleaner kept, removed, moved or repaired it, and why.",
        discussion: "Nothing is written. The reasons are the same records the archive's per-source report keeps: a rule id, and for the block classifier its measurements."
    )

    @OptionGroup var resources: ResourceOptions
    @Option(help: "Characters of each line to show.") var width = 100
    @Argument(help: "A raw text file.") var file: String

    func run() throws {
        let pipeline: Pipeline
        let bytes: [UInt8]
        do {
            pipeline = try Pipeline(resources: Resources.locate(rules: resources.rules, schema: resources.schema))
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        } catch {
            printError("scriptorium: \(error)")
            throw ExitCode(2)
        }
        let raw = RawSource(name: (file as NSString).lastPathComponent, bytes: bytes)
        let decoded: DecodedSource
        do {
            decoded = try pipeline.decoder.decode(raw)
        } catch {
            printError("scriptorium: \(error)")
            throw ExitCode(1)
        }
        let cleaned = pipeline.cleaner.clean(decoded)
        let explanation = CleaningExplanation(text: decoded.text, cleaned: cleaned)
        print(explanation.rendered(width: width))
        let counts = Dictionary(grouping: explanation.lines, by: \.fate).mapValues(\.count)
        let summary = [CleaningExplanation.Fate.kept, .repaired, .removed, .movedToHeader, .blank].map { "\(counts[$0] ?? 0) \($0.rawValue)" }
        print("\(explanation.lines.count) lines: " + summary.joined(separator: ", ") + " (\(cleaned.ruleSets.map(\.description).joined(separator: ", ")))")
    }
}

import ArgumentParser
import Foundation
import ScriptoriumPipeline

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmark the pipeline on a generated corpus and print per-stage figures.",
        discussion: """
            Builds N documents by varying the bundled samples (and the .txt files of any folder \\
            given), runs every stage in memory on --jobs workers, and prints time per stage, \\
            documents/s, MB/s, peak memory, and the floor: libxml2 parsing plus RELAX NG \\
            validation of the same TEI. Run a release build: swift build -c release.
            """
    )

    @Option(help: "Number of documents.") var documents = 10_000
    @OptionGroup var resources: ResourceOptions
    @Argument(help: "Folders whose .txt files join the samples as corpus material.") var folders: [String] = []

    func run() throws {
        let pipeline: Pipeline
        let located: Resources
        do {
            located = try Resources.locate(rules: resources.rules, schema: resources.schema)
            pipeline = try Pipeline(resources: located)
        } catch {
            printError("scriptorium: \(error)")
            throw ExitCode(2)
        }
        let samples = located.rulesFolder.deletingLastPathComponent().appendingPathComponent("Samples").path
        var bases: [[UInt8]] = []
        for folder in [samples] + folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for name in names.sorted() where name.hasSuffix(".txt") {
                if let data = FileManager.default.contents(atPath: folder + "/" + name) { bases.append([UInt8](data)) }
            }
        }
        guard !bases.isEmpty else {
            printError("scriptorium: no .txt files found in \(([samples] + folders).joined(separator: ", "))")
            throw ExitCode(2)
        }
        let result = PipelineBenchmark(pipeline: pipeline, bases: bases).run(documents: documents, jobs: resources.jobs)
        print(result.report)
    }
}

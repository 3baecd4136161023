import ArgumentParser
import Foundation
import ScriptoriumAnnotate
import ScriptoriumClean
import ScriptoriumPipeline

struct CheckRules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-rules",
        abstract: "Load the rule files (cleaning rules, authority, name cues, language profiles) and run every rule's examples.",
        discussion: "Run after editing a rule file: exit 1 when a rule matches an example it should leave alone, or misses one it should match."
    )

    @Option(help: "Folder of rule files (default: Rules/).") var rules: String?

    func run() throws {
        let loaded: CleaningRules
        let annotation: AnnotationRules
        do {
            let folder = try rules.map { URL(fileURLWithPath: $0) } ?? Resources.locate().rulesFolder
            loaded = try CleaningRules.load(from: folder)
            annotation = try AnnotationRules.load(from: folder)
        } catch {
            printError("scriptorium: \(error)")
            throw ExitCode(2)
        }
        let failures = loaded.checkExamples()
        for failure in failures { print(failure.description) }
        let examples = loaded.rules.reduce(0) { $0 + $1.examples.match.count + $1.examples.keep.count }
        print("\(loaded.rules.count) rules, \(examples) examples, \(failures.count) failures (\(loaded.versions.map(\.description).joined(separator: ", ")))")
        let kinds = Dictionary(grouping: annotation.authority.entries, by: \.kind)
        print("authority: \(kinds[.person]?.count ?? 0) persons, \(kinds[.place]?.count ?? 0) places, \(kinds[.organisation]?.count ?? 0) organisations (\(annotation.versions.map(\.description).joined(separator: ", ")))")
        if !failures.isEmpty { throw ExitCode(1) }
    }
}

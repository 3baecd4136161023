import ArgumentParser
import Foundation
import ScriptoriumPipeline
import ScriptoriumValidate

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check TEI files or folders against the schema.",
        discussion: "Prints each problem as file:line:column: message. Exit 1 when any file is invalid."
    )

    @Option(help: "RELAX NG schema (default: Schemas/scriptorium.rng).") var schema: String?
    @Argument(help: "TEI files, or folders searched for *.xml.") var paths: [String]

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("name at least one file or folder to validate") }
    }

    func run() throws {
        let validator: TEIValidator
        do {
            let schemaPath = try schema ?? Resources.locate().schemaPath
            validator = try TEIValidator(schemaPath: schemaPath)
        } catch {
            printError("scriptorium: \(error)")
            throw ExitCode(2)
        }
        let files = TEIFileFinder.files(in: paths)
        guard !files.missing.isEmpty || !files.found.isEmpty else {
            printError("scriptorium: no XML files found in \(paths.joined(separator: " "))")
            throw ExitCode(2)
        }
        var invalid = 0
        for missing in files.missing {
            print("\(missing):0:0: cannot read the file")
            invalid += 1
        }
        for file in files.found {
            guard let data = FileManager.default.contents(atPath: file) else {
                print("\(file):0:0: cannot read the file")
                invalid += 1
                continue
            }
            do {
                try validator.check([UInt8](data), name: file)
            } catch {
                invalid += 1
                for problem in error.problems { print(problem.formatted(file: file)) }
                if error.problems.isEmpty { print("\(file):0:0: \(error.problem)") }
            }
        }
        let total = files.found.count + files.missing.count
        printError("\(total) files checked: \(total - invalid) valid, \(invalid) invalid")
        if invalid > 0 { throw ExitCode(1) }
    }
}

/// Expands folders into the XML files below them, in a stable order.
enum TEIFileFinder {
    static func files(in paths: [String]) -> (found: [String], missing: [String]) {
        var found: [String] = []
        var missing: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isFolder) else {
                missing.append(path)
                continue
            }
            guard isFolder.boolValue else {
                found.append(path)
                continue
            }
            let enumerator = manager.enumerator(atPath: path)
            var inFolder: [String] = []
            while let relative = enumerator?.nextObject() as? String {
                if relative.hasSuffix(".xml") && !(relative as NSString).lastPathComponent.hasPrefix(".") {
                    inFolder.append(path + "/" + relative)
                }
            }
            found += inFolder.sorted()
        }
        return (found, missing)
    }
}

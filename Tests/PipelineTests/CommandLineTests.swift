import Foundation
import TestSupport
import Testing

/// The command-line contract scripts depend on: outputs, exit codes, file:line:column messages.
@Suite(.serialized) struct CommandLineTests {
    @Test func ingestPrintsOneLinePerInputAndExitsZero() throws {
        let archive = Fixtures.temporaryFolder("archive")
        let inputs = Fixtures.sampleNames().map { Fixtures.samplesFolder.appendingPathComponent($0).path }
        let result = try Fixtures.runScriptorium(["ingest", "--archive", archive.path] + inputs)
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines.allSatisfy { $0.hasPrefix("published ") && $0.contains(" -> ") && $0.hasSuffix(".xml") })
        #expect(lines.first { $0.contains("003_") }?.split(separator: " ").filter { $0.hasSuffix(".xml") }.count == 3)
    }

    @Test func everyPublishedFileValidatesAgainstOurSchemaAndTEIAll() throws {
        let archive = Fixtures.temporaryFolder("archive")
        let inputs = Fixtures.sampleNames().map { Fixtures.samplesFolder.appendingPathComponent($0).path }
        #expect(try Fixtures.runScriptorium(["ingest", "--archive", archive.path] + inputs).status == 0)
        let tei = archive.appendingPathComponent("tei").path
        let own = try Fixtures.runScriptorium(["validate", tei])
        #expect(own.status == 0, "\(own.standardOutput)")
        #expect(own.standardError.contains("7 files checked: 7 valid, 0 invalid"))
        guard FileManager.default.fileExists(atPath: Fixtures.teiAllSchemaPath) else {
            Issue.record("tei_all.rng not found at \(Fixtures.teiAllSchemaPath): shared/ must sit beside the repository")
            return
        }
        let official = try Fixtures.runScriptorium(["validate", "--schema", Fixtures.teiAllSchemaPath, tei])
        #expect(official.status == 0, "\(official.standardOutput)")
    }

    @Test func validatorRejectsABrokenFileWithFileLineAndColumn() throws {
        let folder = Fixtures.temporaryFolder()
        let broken = folder.appendingPathComponent("broken.xml")
        let text = Fixtures.validTEI.replacingOccurrences(of: "<date when=\"1956-11-01\">November 1, 1956</date>", with: "<date when=\"someday\">November 1, 1956</date>")
        try Data(text.utf8).write(to: broken)
        let result = try Fixtures.runScriptorium(["validate", broken.path])
        #expect(result.status == 1)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("someday") }! + 1
        #expect(result.standardOutput.hasPrefix("\(broken.path):\(line):0: "), "\(result.standardOutput)")
    }

    @Test func quarantineExitsOneAndUsageErrorsExitTwo() throws {
        let folder = Fixtures.temporaryFolder()
        let empty = folder.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        let archive = folder.appendingPathComponent("Archive").path
        let quarantined = try Fixtures.runScriptorium(["ingest", "--archive", archive, empty.path])
        #expect(quarantined.status == 1)
        #expect(quarantined.standardOutput.hasPrefix("quarantined \(empty.path): [ingest] "))
        #expect(try Fixtures.runScriptorium(["ingest"]).status == 2)
        #expect(try Fixtures.runScriptorium(["ingest", "--no-such-option", empty.path]).status == 2)
        #expect(try Fixtures.runScriptorium(["ingest", "--archive", archive, folder.appendingPathComponent("missing.txt").path]).status == 2)
        #expect(try Fixtures.runScriptorium(["--help"]).status == 0)
    }

    @Test func runUsesInboxAndArchiveInTheCurrentFolderByDefault() throws {
        let folder = Fixtures.temporaryFolder()
        let inbox = folder.appendingPathComponent("Inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try Data(Fixtures.sampleBytes("000_08e9c624ea62eb75.txt")).write(to: inbox.appendingPathComponent("letter.txt"))
        let result = try Fixtures.runScriptorium(["run"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: inbox.path).isEmpty)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Archive/catalog.json").path))
        let rebuild = try Fixtures.runScriptorium(["rebuild"], in: folder)
        #expect(rebuild.status == 0)
        #expect(rebuild.standardOutput.hasPrefix("published letter.txt -> "))
    }

    @Test func fileNamesWithControlCharactersStayOnOneLine() throws {
        let folder = Fixtures.temporaryFolder()
        let odd = folder.appendingPathComponent("two\nlines\u{7}.txt")
        try Data(Fixtures.sampleBytes("000_08e9c624ea62eb75.txt")).write(to: odd)
        let result = try Fixtures.runScriptorium(["ingest", "--archive", folder.appendingPathComponent("A").path, odd.path])
        #expect(result.status == 0)
        #expect(result.standardOutput.split(separator: "\n").count == 1)
        #expect(result.standardOutput.contains("two\\nlines\\u{7}.txt"))
    }

    @Test func checkRulesRunsEveryExample() throws {
        let result = try Fixtures.runScriptorium(["check-rules"])
        #expect(result.status == 0, "\(result.standardOutput)")
        #expect(result.standardOutput.contains(" 0 failures"))
    }
}

import Foundation
import TestSupport
import Testing

/// BagIt bags and fixity checks, as a preservation officer would run them.
@Suite(.serialized) struct BagTests {
    static func archiveWithSamples() throws -> URL {
        let archive = Fixtures.temporaryFolder("archive")
        let inputs = Fixtures.sampleNames().map { Fixtures.samplesFolder.appendingPathComponent($0).path }
        #expect(try Fixtures.runScriptorium(["ingest", "--archive", archive.path] + inputs).status == 0)
        return archive
    }

    @Test func bagOfAnArchiveVerifiesAndFollowsRFC8493() throws {
        let archive = try Self.archiveWithSamples()
        let bagged = try Fixtures.runScriptorium(["bag", "--archive", archive.path])
        #expect(bagged.status == 0, "\(bagged.standardError)")
        let bag = archive.appendingPathComponent("bag")
        #expect(try String(contentsOf: bag.appendingPathComponent("bagit.txt"), encoding: .utf8) == "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
        let manifest = try String(contentsOf: bag.appendingPathComponent("manifest-sha256.txt"), encoding: .utf8)
        let lines = manifest.split(separator: "\n")
        // 5 originals + 7 TEI files + 5 reports + the catalog.
        #expect(lines.count == 18)
        #expect(lines.allSatisfy { $0.count > 66 && $0.dropFirst(64).hasPrefix("  data/") })
        #expect(lines.contains { $0.hasSuffix("  data/catalog.json") })
        // An original's manifest checksum is the SHA-256 it is named by.
        let original = try #require(lines.first { $0.contains("data/sources/") })
        #expect(original.prefix(64) == original.split(separator: "/").last!.prefix(64))
        let info = try String(contentsOf: bag.appendingPathComponent("bag-info.txt"), encoding: .utf8)
        #expect(info.contains("Payload-Oxum: "))
        #expect(try Fixtures.runScriptorium(["verify", "--archive", archive.path]).status == 0)
    }

    @Test func verifyReportsEveryChangedOrMissingFile() throws {
        let archive = try Self.archiveWithSamples()
        #expect(try Fixtures.runScriptorium(["bag", "--archive", archive.path]).status == 0)
        let tei = Fixtures.snapshot(of: archive.appendingPathComponent("tei")).keys.sorted()
        let sources = Fixtures.snapshot(of: archive.appendingPathComponent("sources")).keys.sorted()
        // A TEI file edited in place (the bag shares its inode), an original overwritten, a report deleted.
        let edited = archive.appendingPathComponent("tei/" + tei[0])
        let handle = try FileHandle(forWritingTo: edited)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("<!-- edited -->\n".utf8))
        try handle.close()
        let original = archive.appendingPathComponent("sources/" + sources[0])
        chmod(original.path, 0o644)
        try Data("someone else's text".utf8).write(to: original)
        let report = try #require(Fixtures.snapshot(of: archive.appendingPathComponent("reports")).keys.sorted().first)
        try FileManager.default.removeItem(at: archive.appendingPathComponent("reports/" + report))

        let result = try Fixtures.runScriptorium(["verify", "--archive", archive.path])
        #expect(result.status == 1)
        let output = result.standardOutput
        #expect(output.contains("data/tei/\(tei[0]): changed"))
        #expect(output.contains("sources/\(sources[0]): changed: its SHA-256 is now"))
        #expect(output.contains("reports/\(report): missing"))
    }
}

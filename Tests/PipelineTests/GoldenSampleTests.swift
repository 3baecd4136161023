import Foundation
import ScriptoriumModel
import ScriptoriumPipeline
import Testing
import TestSupport

/// Every sample's TEI compared byte for byte with a reviewed golden file in `Tests/Golden/Samples`.
///
/// `SCRIPTORIUM_RECORD_GOLDEN=1 swift test` rewrites the golden files and *fails* every test it
/// touched, so a baseline can never be replaced silently: review the diff, commit it, and run
/// the tests again without the variable.
@Suite struct GoldenSampleTests {
    static let recordVariable = "SCRIPTORIUM_RECORD_GOLDEN"
    static var recording: Bool { ProcessInfo.processInfo.environment[recordVariable].map { !$0.isEmpty } ?? false }
    static var folder: URL { Fixtures.goldenFolder.appendingPathComponent("Samples") }

    static func pipeline() throws -> Pipeline {
        try Pipeline(resources: Resources(rulesFolder: Fixtures.rulesFolder, schemaPath: Fixtures.schemaPath))
    }

    static func published(_ name: String) throws -> [ValidatedTEI] {
        guard case .published(let source) = try pipeline().process(Fixtures.sample(name)) else {
            Issue.record("\(name) was quarantined")
            return []
        }
        return source.documents
    }

    /// Public-domain FRUS pages (from the dev set) that show each structure: a telegram with
    /// numbered paragraphs, page breaks, footnotes and a signature; a memorandum with SUBJECT;
    /// meeting notes with lists of participants; an editorial note; a telegram to the President.
    static var structuresFolder: URL { Fixtures.goldenFolder.appendingPathComponent("Structures") }
    static func structureNames() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: structuresFolder.path)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
    }

    @Test(arguments: Fixtures.sampleNames())
    func matchesGolden(_ name: String) throws {
        try compare(try Self.published(name), stem: (name as NSString).deletingPathExtension, folder: Self.folder)
    }

    @Test(arguments: structureNames())
    func structureMatchesGolden(_ name: String) throws {
        let bytes = [UInt8](FileManager.default.contents(atPath: Self.structuresFolder.appendingPathComponent(name).path) ?? Data())
        #expect(!bytes.isEmpty, "missing fixture \(name)")
        guard case .published(let source) = try Self.pipeline().process(RawSource(name: name, bytes: bytes)) else {
            Issue.record("\(name) was quarantined")
            return
        }
        try compare(source.documents, stem: (name as NSString).deletingPathExtension, folder: Self.structuresFolder)
    }

    private func compare(_ documents: [ValidatedTEI], stem: String, folder: URL) throws {
        for (offset, document) in documents.enumerated() {
            let url = folder.appendingPathComponent("\(stem)-\(offset + 1).xml")
            if Self.recording {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data(document.bytes).write(to: url)
                Issue.record("re-recorded \(url.lastPathComponent): review the diff, then run again without \(Self.recordVariable)")
                continue
            }
            let golden = FileManager.default.contents(atPath: url.path)
            #expect(golden != nil, "no golden file \(url.lastPathComponent); record with \(Self.recordVariable)=1 and review it")
            if let golden {
                #expect([UInt8](golden) == document.bytes, "\(url.lastPathComponent) differs from its golden file")
            }
        }
        let extra = folder.appendingPathComponent("\(stem)-\(documents.count + 1).xml")
        #expect(!FileManager.default.fileExists(atPath: extra.path), "a golden file for a document that is no longer produced: \(extra.lastPathComponent)")
    }

    @Test func samplesKeepTheirShape() throws {
        let bbc = try Self.published("003_a739058c7e7fc698.txt")
        #expect(bbc.count == 3)
        for name in Fixtures.sampleNames() {
            for document in try Self.published(name) {
                #expect(!document.title.isEmpty && document.title != "Untitled document", "\(name) has no title")
            }
        }
        let letter = try #require(try Self.published("000_08e9c624ea62eb75.txt").first)
        #expect(String(decoding: letter.bytes, as: UTF8.self).contains("Hammarskjöld"))
    }

    @Test func rebuildIsByteIdentical() throws {
        for name in Fixtures.sampleNames() {
            #expect(try Self.published(name).map(\.bytes) == Self.published(name).map(\.bytes))
        }
    }
}

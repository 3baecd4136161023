import Foundation
import ScriptoriumModel
import ScriptoriumPipeline
import TestSupport
import Testing

/// Golden files: the TEI of every sample document and the cleaner's view of every sample,
/// reviewed by eye against the source and compared byte for byte.
///
/// To re-record after an intended change: `SCRIPTORIUM_RECORD_GOLDEN=1 swift test --filter Golden`,
/// review `git diff Tests/Golden`, then run the tests again without the variable. Recording
/// always fails the test, so a baseline can never be replaced silently.
@Suite struct GoldenTests {
    static let recording = ProcessInfo.processInfo.environment["SCRIPTORIUM_RECORD_GOLDEN"] == "1"

    static func pipeline() throws -> Pipeline {
        try Pipeline(resources: Resources(rulesFolder: Fixtures.rulesFolder, schemaPath: Fixtures.schemaPath))
    }

    func compare(_ actual: [UInt8], golden relative: String) throws {
        let url = Fixtures.goldenFolder.appendingPathComponent(relative)
        if Self.recording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual).write(to: url)
            Issue.record("re-recorded \(relative): review the diff, then run without SCRIPTORIUM_RECORD_GOLDEN")
            return
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            Issue.record("missing golden file \(relative); record it with SCRIPTORIUM_RECORD_GOLDEN=1")
            return
        }
        if [UInt8](expected) != actual {
            let expectedLines = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(expectedLines.count, actualLines.count)
            let shown = first < actualLines.count ? String(actualLines[first]) : "<end of output>"
            let wanted = first < expectedLines.count ? String(expectedLines[first]) : "<end of golden>"
            Issue.record("\(relative):\(first + 1) differs\n  golden: \(wanted)\n  actual: \(shown)")
        }
    }

    @Test(arguments: Fixtures.sampleNames())
    func teiOfEverySampleMatchesItsGolden(name: String) throws {
        guard case .published(let published) = try Self.pipeline().process(Fixtures.sample(name)) else {
            Issue.record("\(name) was not published")
            return
        }
        let stem = (name as NSString).deletingPathExtension
        for document in published.documents {
            try compare(document.bytes, golden: "tei/\(stem)/\(document.documentID.value).xml")
        }
    }

    /// Public-domain FRUS pages from the dev set that show each structure the segmenter finds:
    /// a telegram with numbered paragraphs, page breaks, footnotes and a signature (d280); a
    /// memorandum with SUBJECT (d3) or RE and numbered paragraphs (d100); meeting notes with
    /// lists of participants (d169); an editorial note (d95); a telegram to the President (d165).
    static func structureFixtures() -> [String] {
        let folder = Fixtures.goldenFolder.appendingPathComponent("structures")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
    }

    @Test(arguments: structureFixtures())
    func teiOfEveryStructureFixtureMatchesItsGolden(name: String) throws {
        let path = Fixtures.goldenFolder.appendingPathComponent("structures/\(name)").path
        let raw = RawSource(name: name, bytes: [UInt8](FileManager.default.contents(atPath: path) ?? Data()))
        guard case .published(let published) = try Self.pipeline().process(raw) else {
            Issue.record("\(name) was not published")
            return
        }
        #expect(published.documents.count == 1, "a FRUS page holds one document")
        let stem = (name as NSString).deletingPathExtension
        for document in published.documents {
            try compare(document.bytes, golden: "structures/\(stem)/\(document.documentID.value).xml")
        }
    }

    @Test(arguments: Fixtures.sampleNames())
    func cleanerViewOfEverySampleMatchesItsGolden(name: String) throws {
        let pipeline = try Self.pipeline()
        let cleaned = pipeline.cleaner.clean(try pipeline.decoder.decode(Fixtures.sample(name)))
        try compare(Array(CleanedSourceDump.render(cleaned).utf8), golden: "clean/\((name as NSString).deletingPathExtension).txt")
    }
}

/// A readable dump of the cleaner's output for golden files: kept lines, header fields, decisions.
enum CleanedSourceDump {
    static func render(_ cleaned: CleanedSource) -> String {
        var out = "# kept lines (number kind: text)\n"
        for line in cleaned.lines where line.kind != .blank {
            let kind: String
            switch line.kind {
            case .text: kind = "text"
            case .heading(let level): kind = "h\(level)"
            case .listItem(let label): kind = "item(\(label ?? "•"))"
            case .blank: kind = "blank"
            }
            out += "\(line.number) \(kind)\(line.continues ? "+" : ""): \(line.text)\n"
        }
        out += "\n# header fields\n"
        for field in cleaned.headerFields {
            out += "\(field.lines) \(field.kind.rawValue)\(field.label.map { " [\($0)]" } ?? ""): \(field.value)\n"
        }
        out += "\n# decisions\n"
        for record in cleaned.records {
            out += "\(record.lines) \(record.action.rawValue) \(record.rule): \(record.text)"
            if let replacement = record.replacement { out += "\n    -> \(replacement)" }
            out += "\n"
        }
        return out
    }
}

import Foundation
import TestSupport
import Testing

/// `scriptorium export`: formats downstream tools read, with the field names the README promises.
@Suite(.serialized) struct DownstreamExportTests {
    @Test func jsonLinesCSVAndTextOfEveryPublishedDocument() throws {
        let archive = try BagTests.archiveWithSamples()
        for format in ["txt", "jsonl", "csv"] {
            let result = try Fixtures.runScriptorium(["export", "--format", format, "--archive", archive.path])
            #expect(result.status == 0, "\(result.standardError)")
        }
        let exports = archive.appendingPathComponent("exports")
        let lines = try String(contentsOf: exports.appendingPathComponent("documents.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 7)
        var titles: [String] = []
        var mentionCount = 0
        for line in lines {
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(Set(record.keys).isSuperset(of: ["id", "title", "sha256", "source", "path", "entities", "text"]))
            titles.append(record["title"] as? String ?? "")
            for entity in record["entities"] as? [[String: Any]] ?? [] {
                #expect(entity["type"] != nil && entity["name"] != nil)
                mentionCount += entity["mentions"] as? Int ?? 0
            }
        }
        #expect(titles.contains("Andropov Report, 1 November 1956"))
        let letter = try #require(lines.first { $0.contains("Hammarskj") })
        #expect(letter.contains("Hammarskjöld"))
        #expect(letter.contains("\"date\":\"1956-11-02\""))

        let csv = try String(contentsOf: exports.appendingPathComponent("entity-mentions.csv"), encoding: .utf8)
        let rows = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.first == "document_id,type,text,ref,canonical_name,title,date")
        #expect(rows.count - 1 == mentionCount)
        #expect(rows.contains { $0.contains(",persName,") && $0.contains("Imre Nagy") })

        let texts = try FileManager.default.contentsOfDirectory(atPath: exports.appendingPathComponent("txt").path)
        #expect(texts.count == 7)
    }
}

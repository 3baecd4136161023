import Foundation
import LibXML
import PropertyBased
import ScriptoriumClean
import ScriptoriumIngest
import ScriptoriumModel
import ScriptoriumPipeline
import TestSupport
import Testing

/// Invariants that must hold for any input, not just the samples: the pipeline never crashes,
/// ends every input published (well-formed, valid) or quarantined with a reason, does so
/// deterministically, and never lets text vanish without a record.
@Suite struct PipelineProperties {
    static let pipeline: Pipeline = {
        // The repository's rules and schema are part of the test fixture.
        try! Pipeline(resources: Resources(rulesFolder: Fixtures.rulesFolder, schemaPath: Fixtures.schemaPath))
    }()

    /// Pieces of the mess real inputs contain, put together at random.
    static let fragments: [String] = [
        "Skip to content", "\n", "\n\n", "\r\n", " ", "  \n", "## ", "**", "*", "\\_", "$", "<https://example.org/a?b=1&c=2>",
        "Hammarskj√∂ld", "JÃ¡nos KÃ¡dÃ¡r", "Kádár", "4 November 1956", "30 October", "1.11.56", "12/04/2023", "the 1960s",
        "© 2024 Example Press. All rights reserved.", "Bildresultat för budapest 1956Foto: Unknown", "Citation:", "Record ID",
        "Summary:", "Last updated: 12/04/2023", "- 1. ", "1956: ", "Soviet troops poured into Budapest.", "The crowd marched",
        "on the broadcasting station and the police opened fire.", "&amp;", "&", "<", ">", "]]>", "\"", "'", "\u{0}", "\u{1}",
        "\u{7F}", "\u{85}", "\u{AD}", "\u{200B}", "\u{FEFF}", "\u{FFFE}", "\u{FFFD}", "e\u{301}", "שלום עולם", "مرحبا", "😀👍🏽",
        "[email protected]", "[    ]", "[alt text]", "Top Secret", "Dear comrades!", "With a comradely greeting", "\t",
    ]

    static let messyText = Gen.int(in: 0...(fragments.count - 1)).array(of: 0...80).map { indices in
        indices.map { fragments[$0] }.joined()
    }

    @Test func arbitraryBytesArePublishedValidOrQuarantinedWithAReason() async {
        await propertyCheck(count: 300, input: Gen.uint8().array(of: 0...3_000)) { bytes in
            Self.checkOutcome(RawSource(name: "random.bin", bytes: bytes))
        }
    }

    @Test func messyTextIsPublishedValidOrQuarantinedWithAReason() async {
        await propertyCheck(count: 300, input: Self.messyText) { text in
            Self.checkOutcome(RawSource(name: "messy.txt", bytes: Array(text.utf8)))
        }
    }

    @Test func messyTextInUTF16IsHandledToo() async {
        await propertyCheck(count: 100, input: Self.messyText) { text in
            let bytes: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
            Self.checkOutcome(RawSource(name: "utf16.txt", bytes: bytes))
        }
    }

    @Test func noTextVanishesWithoutARecord() async {
        await propertyCheck(count: 300, input: Self.messyText) { text in
            guard let decoded = try? Self.pipeline.decoder.decode(RawSource(name: "m.txt", bytes: Array(text.utf8))) else { return }
            let cleaned = Self.pipeline.cleaner.clean(decoded)
            let kept = Set(cleaned.lines.map(\.number))
            let recorded = Set(cleaned.records.flatMap { Array($0.lines.first...$0.lines.last) })
            for (offset, line) in decoded.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where !line.allSatisfy(\.isWhitespace) {
                #expect(kept.contains(offset + 1) || recorded.contains(offset + 1), "line \(offset + 1) vanished: \(line.debugDescription)")
            }
        }
    }

    static func checkOutcome(_ source: RawSource) {
        let first = pipeline.process(source)
        let second = pipeline.process(source)
        switch (first, second) {
        case (.published(let a), .published(let b)):
            #expect(a.documents.map(\.bytes) == b.documents.map(\.bytes), "not deterministic")
            #expect(!a.documents.isEmpty)
            for document in a.documents {
                // Well-formed on its own, independently of the validator that let it through.
                #expect(throws: Never.self) { _ = try ParsedXML.parse(document.bytes, name: document.documentID.value) }
                #expect(document.bytes.starts(with: Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TEI ".utf8)))
            }
        case (.quarantined(let a), .quarantined(let b)):
            #expect(a.text == b.text, "not deterministic")
            #expect(a.text.contains("what to do:"))
            #expect(a.rejected.isEmpty, "a valid pipeline never produces invalid TEI: \(a.text)")
        default:
            Issue.record("different outcomes for the same bytes")
        }
    }
}

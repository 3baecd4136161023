import Foundation
import ScriptoriumClean
import ScriptoriumIngest
import ScriptoriumModel
import TestSupport
import Testing

/// Runs the cleaner over text as the pipeline would.
func clean(_ text: String, name: String = "t.txt") throws -> CleanedSource {
    let rules = try CleaningRules.load(from: Fixtures.rulesFolder)
    let decoded = try SourceDecoder().decode(RawSource(name: name, bytes: Array(text.utf8)))
    return Cleaner(rules: rules).clean(decoded)
}

func keptText(_ cleaned: CleanedSource) -> [String] {
    cleaned.lines.filter { $0.kind != .blank }.map(\.text)
}

@Suite struct BoilerplateRuleTests {
    @Test func skipLinkRemovedAndRecorded() throws {
        let cleaned = try clean("Skip to content\n\nNovember 1, 1956\n\nAndropov Report\n")
        #expect(!keptText(cleaned).contains("Skip to content"))
        #expect(cleaned.records.contains { $0.rule == "skip-link" && $0.action == .removed && $0.lines == LineRange(line: 1) })
    }

    @Test func rightsNoticesMoveToTheHeader() throws {
        let text = """
            The rights of the Hungarian people were guaranteed.

            The History and Public Policy Program welcomes reuse of Digital Archive materials for research and educational purposes. Some documents may be subject to copyright.
            """
        let cleaned = try clean(text)
        #expect(keptText(cleaned) == ["The rights of the Hungarian people were guaranteed."])
        #expect(cleaned.headerFields.map(\.kind) == [.rights])
    }

    @Test func photoCaptionsAndCreditsRemoved() throws {
        let cleaned = try clean("Mr Nagy’s policies worried Moscow.\n\nBildresultat för UngernrevoltenFoto: Svenska Dagbladet\n\nAppeal to the West\n")
        #expect(keptText(cleaned) == ["Mr Nagy’s policies worried Moscow.", "Appeal to the West"])
    }

    @Test func emailProtectionPlaceholderTakenOutOfTheLine() throws {
        let cleaned = try clean("Questions go to the History Program at [email protected].\n")
        #expect(keptText(cleaned) == ["Questions go to the History Program at."])
        #expect(cleaned.records.contains { $0.rule == "email-protection" })
    }

    @Test func ruleExamplesAllPass() throws {
        let rules = try CleaningRules.load(from: Fixtures.rulesFolder)
        #expect(rules.checkExamples().isEmpty)
        #expect(rules.versions.map(\.name) == ["scriptorium.boilerplate", "scriptorium.fields", "scriptorium.classifier"])
    }
}

@Suite struct LabelledFieldTests {
    @Test func archiveTrailerFieldsWithoutValuesAreRemoved() throws {
        let text = """
            One hour later the Embassy received the note.

            Document Information


            AVP RF, f. 059a, op. 4, p. 6, d. 5, ll. 17-19.

            Original Uploaded Date





            Record ID
            """
        let cleaned = try clean(text)
        #expect(keptText(cleaned) == ["One hour later the Embassy received the note."])
        #expect(cleaned.headerFields.map(\.kind) == [.citation])
        #expect(cleaned.headerFields.first?.value == "AVP RF, f. 059a, op. 4, p. 6, d. 5, ll. 17-19.")
        #expect(cleaned.records.filter { $0.rule.hasPrefix("field.empty") }.count == 2)
    }

    @Test func inlineAndBlockFieldsFromAnArchivePage() throws {
        let text = """
            **Summary:**

            In this letter, the Central Committee of Yugoslavia responds to the CC CPSU.

            **Original Language:**

            Russian

            **Last updated:** 12/04/2023

            Dear comrades!
            """
        let cleaned = try clean(text)
        #expect(keptText(cleaned) == ["Dear comrades!"])
        let fields = cleaned.headerFields.map { "\($0.kind.rawValue)=\($0.value)" }
        #expect(fields == [
            "summary=In this letter, the Central Committee of Yugoslavia responds to the CC CPSU.",
            "original-language=Russian",
            "last-updated=12/04/2023",
        ])
    }
}

@Suite struct MarkdownDebrisTests {
    @Test func headingsEmphasisEscapesAndDelimitersGo() throws {
        let text = #"""
            ## Resolution 1004 (ES-II) adopted by the United Nations General Assembly (4 November 1956)

            *Recalling* that the enjoyment of **human rights** was guaranteed,

            $http://www.cvce.eu/obj/resolution\_1004\_es\_ii.html$

            <https://wilson-center-digital-archive.dvincitest.com/document/111101>

            - 1. *Calls upon* the Government to desist;
            """#
        let cleaned = try clean(text)
        let lines = cleaned.lines.filter { $0.kind != .blank }
        #expect(lines.first?.kind == .heading(level: 2))
        #expect(lines.first?.text == "Resolution 1004 (ES-II) adopted by the United Nations General Assembly (4 November 1956)")
        #expect(lines.map(\.text).contains("Recalling that the enjoyment of human rights was guaranteed,"))
        #expect(lines.last?.kind == .listItem(label: "1"))
        #expect(lines.last?.text == "Calls upon the Government to desist;")
        // Lines that are only an address are the source's URL: moved to the header, unescaped.
        #expect(cleaned.headerFields.map(\.value) == [
            "http://www.cvce.eu/obj/resolution_1004_es_ii.html",
            "https://wilson-center-digital-archive.dvincitest.com/document/111101",
        ])
        for line in lines {
            for debris in ["**", "##", "\\_", "$", "<http"] { #expect(!line.text.contains(debris)) }
        }
    }

    @Test func hardLineBreakContinuesTheParagraph() throws {
        let cleaned = try clean("To the first secretary of the CC CPSU,  \ncomrade KHRUSHCHEV\n")
        #expect(cleaned.lines.first?.continues == true)
    }
}

@Suite struct TextRepairTests {
    @Test func macRomanMojibakeRepaired() throws {
        let cleaned = try clean("Secretary-General Dag Hammarskj√∂ld. Seeking to stall\n")
        #expect(keptText(cleaned) == ["Secretary-General Dag Hammarskjöld. Seeking to stall"])
        #expect(cleaned.records.contains { $0.rule == "mojibake.MacRoman" && $0.replacement?.contains("Hammarskjöld") == true })
    }

    @Test func windows1252MojibakeRepairedEvenTwice() throws {
        #expect(keptText(try clean("JÃ¡nos KÃ¡dÃ¡r said â€œnoâ€\u{9D}.\n")) == ["János Kádár said “no”."])
        // UTF-8 read as CP1252, then the result read as CP1252 again.
        let twice = "Ã©".data(using: .utf8).flatMap { String(data: $0, encoding: .windowsCP1252) } ?? ""
        #expect(keptText(try clean("caf\(twice)\n")) == ["café"])
    }

    @Test func correctTextIsLeftAlone() throws {
        for text in ["«Äpfel» und Birnen", "Ernő Gerő, Kádár, Petöfi", "CAFÉ” he said", "Ñandú — año", "½ of 30,000 — £5"] {
            #expect(keptText(try clean(text + "\n")) == [text])
        }
    }

    @Test func invisibleAndControlCharactersRemovedAndRecorded() throws {
        let cleaned = try clean("Bu\u{AD}da\u{200B}pest\u{7}\u{FEFF}\n")
        #expect(keptText(cleaned) == ["Budapest"])
        #expect(cleaned.records.contains { $0.action == .repaired && $0.rule.contains("characters.control") })
    }

    @Test func normalisedToNFC() throws {
        let cleaned = try clean("Ka\u{301}da\u{301}r\n")
        #expect(keptText(cleaned).first?.unicodeScalars.count == 5)
    }
}

@Suite struct CleanerPropertyTests {
    @Test func everyDroppedLineIsRecorded() throws {
        for name in Fixtures.sampleNames() {
            let text = String(decoding: Fixtures.sampleBytes(name), as: UTF8.self)
            let cleaned = try clean(text, name: name)
            let kept = Set(cleaned.lines.map(\.number))
            let recorded = cleaned.records.filter { $0.action != .repaired }.flatMap { Array($0.lines.first...$0.lines.last) }
            let sourceLines = text.split(separator: "\n", omittingEmptySubsequences: false)
            for (offset, line) in sourceLines.enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                let number = offset + 1
                #expect(kept.contains(number) || recorded.contains(number), "\(name):\(number) vanished without a record: \(line)")
            }
        }
    }

    @Test func deterministic() throws {
        for name in Fixtures.sampleNames() {
            let text = String(decoding: Fixtures.sampleBytes(name), as: UTF8.self)
            let first = try clean(text, name: name)
            let second = try clean(text, name: name)
            #expect(first.lines == second.lines)
            #expect(first.records == second.records)
        }
    }

    @Test func samplesLoseTheirBoilerplate() throws {
        let boilerplate = ["Skip to content", "All rights", "right holders", "Bildresultat", "Foto:", "Document Information",
                           "Original Uploaded Date", "Record ID", "**", "##", "\\_", "$http", "<https", "Hammarskj√"]
        for name in Fixtures.sampleNames() {
            let cleaned = try clean(String(decoding: Fixtures.sampleBytes(name), as: UTF8.self), name: name)
            for line in cleaned.lines {
                for phrase in boilerplate { #expect(!line.text.contains(phrase), "\(name):\(line.number) keeps \(phrase)") }
            }
        }
    }
}

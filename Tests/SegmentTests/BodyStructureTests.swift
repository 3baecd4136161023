import ScriptoriumModel
import Testing
@testable import ScriptoriumSegment
import TestSupport

@Suite struct InlineMarkerTests {
    @Test func translatorsBrackets() {
        // Sample 004: "[we]" and "[the problem]" fill in the translation; "[u nas]" keeps the Russian.
        let document = "We consider them logical and we agree. You yourselves could see here [u nas] that [we] consider the problem solved, since [the problem] appeared."
        let markers = InlineMarkers(documentText: document)
        let run = markers.run(document)
        #expect(Snippet.plain(run) == "We consider them logical and we agree. You yourselves could see here <foreign>u nas</foreign> that <supplied>we</supplied> consider the problem solved, since <supplied>the problem</supplied> appeared.")
    }

    @Test func expansionGluedToALetterIsSupplied() {
        let text = "I received an invitation to the inner cabinet meeting of the Council of Ministers of the H[ungarian] P[eople's] R[epublic] today."
        let run = InlineMarkers(documentText: text).run(text)
        #expect(Snippet.plain(run).contains("H<supplied>ungarian</supplied>"))
    }

    @Test func pageMarkerInsideASentence() {
        let text = "express their hope that he will inform them [Page 704] regarding true facts of trials, etc."
        let run = InlineMarkers(documentText: text).run(text)
        #expect(Snippet.plain(run) == "express their hope that he will inform them |pb 704|regarding true facts of trials, etc.")
        #expect(InlineMarkers.pageBreak(only: "[Page 5]") == "5")
        #expect(InlineMarkers.pageBreak(only: "See [Page 5]") == nil)
    }

    @Test func imagePlaceholdersAreNoInsertions() {
        let text = "[svg] [lazy_placeholder]"
        #expect(Snippet.plain(InlineMarkers(documentText: text).run(text)) == text)
    }
}

@Suite struct SegmentedStructureTests {
    @Test func telegramBecomesStructuredDocument() throws {
        let source = Snippet.segmented(Snippet.telegram)
        let document = try #require(source.documents.first)
        #expect(source.documents.count == 1)
        #expect(document.metadata.title == "Telegram From the Department of State to the Mission at the United Nations")
        #expect(document.metadata.date?.pointDate?.iso == "1957-12-27")
        #expect(document.metadata.catalogue.place == "Washington")
        #expect(document.metadata.catalogue.archiveReference == "Department of State, Central Files, 764.00/12–2757")
        // The page's note misspells "Confidental": a level that is not written is not invented.
        #expect(document.metadata.catalogue.classification == [])
        #expect(document.metadata.catalogue.correspondence?.recipient == "the Mission at the United Nations")
        let body = document.body
        #expect(body.heading == "Telegram From the Department of State to the Mission at the United Nations")
        #expect(body.opener?.dateline == "Washington, December 27, 1957—6:47 p.m.")
        #expect(body.closer?.signed == ["Dulles"])
        #expect(body.footnotes.map(\.number) == ["2", "3", "4", "5"])
        // Numbered paragraphs whose label stands on its own line are list items with that label.
        let items = body.blocks.compactMap { block -> [ListItem<String>]? in
            if case .list(let list) = block { return list.items }
            return nil
        }.flatMap { $0 }
        #expect(items.compactMap(\.label).contains("2"))
        let texts = items.map { Snippet.plain($0.content) }
        #expect(texts.contains { $0.contains("at any time.|fn 2| In these circumstances") })
        #expect(texts.contains { $0.contains("inform them |pb 704|regarding") })
        #expect(!body.allContent.contains { $0.contains("[Page") })
    }

    @Test func memorandumSubjectIsALabelledList() throws {
        let text = """
            3. Memorandum From the Assistant Secretary of State for European Affairs (Merchant) to the Under Secretary of State (Hoover)

            Washington, January 4, 1955.

            SUBJECT
            OCB Working Group Paper on Possible Detachment of a Major European Satellite
            In August the OCB instructed the Working Group to prepare an analysis of the possibility of detaching a major European satellite.

            The Working Group has thoroughly canvassed the situation in each of the major European satellites and has come to conclusions.
            """
        let body = try #require(Snippet.segmented(text).documents.first).body
        guard case .list(let list)? = body.blocks.first else {
            Issue.record("expected a labelled list first, got \(body.blocks)")
            return
        }
        #expect(list.heading == "SUBJECT")
        #expect(list.items.count == 1)
    }

    @Test func noteAndQuotationBlocks() throws {
        let text = """
            Andropov Report, 1 November 1956

            One hour later the Embassy received the note from the Ministry of Foreign Affairs, declaring that the Government was leaving the Warsaw Pact.

            “Unless the power balance between the United States and the Soviet Union changes drastically in our favor, there is little likelihood of detaching a major satellite.”

            Note: we have information that the workers of all the enterprises in Hungary have declared a two week strike.
            """
        let body = try #require(Snippet.segmented(text).documents.first).body
        #expect(body.blocks.contains { if case .quotation = $0 { return true } else { return false } })
        #expect(body.blocks.contains { if case .note = $0 { return true } else { return false } })
    }

    @Test func bbcPageSplitsIntoThreeAndALetterIsNeverSplit() {
        let bbc = Snippet.segmented(String(decoding: Fixtures.sampleBytes("003_a739058c7e7fc698.txt"), as: UTF8.self))
        #expect(bbc.documents.map(\.metadata.title) == ["Soviet troops overrun Hungary", "Hungarians rise up against Soviet rule", "Fighting spreads in Hungary revolution"])
        #expect(bbc.documents.map(\.metadata.documentCount) == [3, 3, 3])
        let letter = Snippet.segmented(String(decoding: Fixtures.sampleBytes("004_a7d14ad515522e94.txt"), as: UTF8.self))
        #expect(letter.documents.count == 1)
    }
}

@Suite struct CatalogueTests {
    @Test func correspondentsFromHeading() {
        let telegram = CorrespondenceReader.read("Telegram From the Legation in Hungary to the Department of State")
        #expect(telegram == Correspondence(sender: "the Legation in Hungary", recipient: "the Department of State"))
        let letter = CorrespondenceReader.read("Letter From the Minister to Hungary (Wailes) to the Secretary of State")
        #expect(letter == Correspondence(sender: "the Minister to Hungary (Wailes)", recipient: "the Secretary of State"))
        let exposition = CorrespondenceReader.read("Letter of the CC UCY to the CC CPSU with an exposition of the views of the leadership")
        #expect(exposition == Correspondence(sender: "the CC UCY", recipient: "the CC CPSU"))
        #expect(CorrespondenceReader.read("Soviet troops overrun Hungary") == nil)
    }

    @Test func citationFacts() {
        let citation = HeaderField(kind: .citation, value: "\"Letter…\", November 8, 1956, Wilson Center Digital Archive, AVPRF, f. 3, op. 64, d. 486, ll. 61-67. Translated by Benjamin Aldrich-Moodie. Published in CWIHP Bulletin 10, pp. 145-147 https://wilson-center-digital-archive.dvincitest.com/document/111101", lines: LineRange(line: 1))
        let language = HeaderField(kind: .originalLanguage, value: "Russian", lines: LineRange(line: 2))
        var catalogue = DocumentDescription()
        SourceFacts.read([citation, language], into: &catalogue)
        #expect(catalogue.publisher == "Wilson Center Digital Archive")
        #expect(catalogue.translator == "Benjamin Aldrich-Moodie")
        #expect(catalogue.publishedIn == "CWIHP Bulletin 10, pp. 145-147")
        #expect(catalogue.originalLanguage == LanguageName(name: "Russian", code: "ru"))
    }

    @Test func neverDatedByTheClockOrALastUpdatedLine() throws {
        let page = """
            Resolution on the situation in Hungary

            The General Assembly considers that the United Nations is based on the principle of the sovereign equality of all its Members.

            Last updated: 12/04/2023

            Copyright 2023 The Archive. All rights reserved.
            """
        let document = try #require(Snippet.segmented(page).documents.first)
        #expect(document.metadata.date == nil)
    }
}

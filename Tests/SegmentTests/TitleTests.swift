import ScriptoriumText
import Testing
@testable import ScriptoriumSegment
import TestSupport

@Suite struct TitleFinderTests {
    let dates = DateRecognizer()

    @Test func numberedHeadingWinsOverSiteFurniture() {
        let cleaned = Snippet.cleaned(Snippet.telegram)
        let blocks = HeadingRecovery(dates: dates).recover(cleaned.lines, records: cleaned.records)
        let index = TitleFinder(blocks: blocks, dates: dates).titleIndex()
        #expect(index.map { blocks[$0].text } == "Telegram From the Department of State to the Mission at the United Nations1")
    }

    @Test func headlineAfterSectionLabelAndBeforeLead() {
        // wien.orf.at (web dev set): a section label, the headline, the lead, a time line.
        let page = """
            Navigation

            Chronik

            Lotte Tobisch ist tot

            Die Opernball-Grande-Dame und Burgschauspielerin Lotte Tobisch ist Samstagfrüh im Alter von 93 Jahren gestorben. Die Wienerin prägte unter anderem 16 turbulente Jahre lang den Opernball als Organisatorin.

            19.10.2019 12.09

            Tobisch starb Samstagfrüh nach langer Krankheit im Badener Künstlerheim. Das teilte die Organisation Künstler helfen Künstlern mit.
            """
        let blocks = Snippet.blocks(page)
        let index = TitleFinder(blocks: blocks, dates: dates).titleIndex()
        #expect(index.map { blocks[$0].text } == "Lotte Tobisch ist tot")
    }

    @Test func controlsBylinesAndDoubledCaptionsAreNoTitles() {
        // Shapes from the web dev set: a menu entry with a bullet the cleaner left, a share
        // button, an image caption printed twice, a dated byline, then the headline.
        let page = """
            □ Über die Zeitschrift

            Share on Facebook

            Klitschko gegen FuryKlitschko gegen Fury

            Laufen im Winter: Von „bäh!“ zu „yeah!“ in 12 Monaten

            Veröffentlicht am 10. Februar 2019 von Heiko

            Wer im Winter laufen geht, braucht zuerst einen guten Grund und dann eine warme Mütze für die kalten Tage.

            Der erste Kilometer ist der schwerste, danach wird es von Woche zu Woche ein wenig leichter.
            """
        let blocks = Snippet.blocks(page)
        let index = TitleFinder(blocks: blocks, dates: dates).titleIndex()
        #expect(index.map { blocks[$0].text } == "Laufen im Winter: Von „bäh!“ zu „yeah!“ in 12 Monaten")
    }

    @Test func addressBeforeSalutationIsNoTitle() {
        let letter = """
            Letter of the CC UCY to the CC CPSU

            8 November 1956, Brioni

            To the first secretary of the CC CPSU, comrade KHRUSHCHEV

            Dear comrades!

            We received your letter in which you stated the point of view of the Presidium of the CC CPSU on the issue of Imre Nagy.

            We will explain in detail to you here, which circumstances led to the current state of affairs.
            """
        let blocks = Snippet.blocks(letter)
        let index = TitleFinder(blocks: blocks, dates: dates).titleIndex()
        #expect(index == 0)
    }
}

@Suite struct TitleTextTests {
    let text = TitleText(dates: DateRecognizer())

    @Test(arguments: [
        ("280. Telegram From the Department of State to the Mission at the United Nations1", "Telegram From the Department of State to the Mission at the United Nations"),
        ("Memorandum From the Assistant Secretary (Merchant) to the Under Secretary of State (Hoover)2", "Memorandum From the Assistant Secretary (Merchant) to the Under Secretary of State (Hoover)"),
        ("Notes on the 43d Meeting of Special Committee, Washington, November 5, 19561", "Notes on the 43d Meeting of Special Committee, Washington, November 5, 1956"),
        ("1956 November 4th Soviet troops overrun Hungary", "Soviet troops overrun Hungary"),
        ("1956: Hungarians rise up against Soviet rule", "Hungarians rise up against Soviet rule"),
        ("Coronavirus: New York ramps up mass burials | BBC News", "Coronavirus: New York ramps up mass burials"),
        ("Friday Facts #282", "Friday Facts #282"),
        ("Resolution 1004 (ES-II) adopted by the United Nations General Assembly (4 November 1956)", "Resolution 1004 (ES-II) adopted by the United Nations General Assembly (4 November 1956)"),
    ])
    func cleansTitle(_ printed: String, _ expected: String) {
        #expect(text.clean(printed) == expected)
    }
}

@Suite struct CitationTitleTests {
    @Test func titleGivenOnlyInTheCitation() throws {
        // Sample 004 without its bold title lines: the citation still names the document.
        let page = """
            **Citation:**

            "Letter of the CC UCY to the CC CPSU with an exposition of the views of the leadership of the UCY on the events in Hungary", November 8, 1956, Wilson Center Digital Archive, AVPRF, f. 3, op. 64, d. 486, ll. 61-67.

            We received your letter in which you stated the point of view of the Presidium of the CC CPSU on the issue of Imre Nagy.

            We will explain in detail to you here, which circumstances led to the current state of affairs.
            """
        let document = try #require(Snippet.segmented(page).documents.first)
        #expect(document.metadata.title == "Letter of the CC UCY to the CC CPSU with an exposition of the views of the leadership of the UCY on the events in Hungary")
    }
}

import ScriptoriumModel
import ScriptoriumText
import Testing

@Suite struct DateRecognizerTests {
    let recognizer = DateRecognizer()

    func whens(_ text: String, year: Int? = nil, dayFirst: Bool = true) -> [String] {
        recognizer.mentions(in: text, conventions: DateConventions(referenceYear: year, dayFirst: dayFirst))
            .map { $0.value.attributes.map { "\($0.name)=\($0.value)" }.joined(separator: " ") }
    }

    @Test(arguments: [
        ("On November 2nd 1956, as Soviet troops", "when=1956-11-02"),
        ("adopted on 4 November 1956 by", "when=1956-11-04"),
        ("November 1, 1956", "when=1956-11-01"),
        ("executed in June 1958.", "when=1958-06"),
        ("1956 November 4th Soviet troops overrun Hungary", "when=1956-11-04"),
        ("am 4. November 1956 in Budapest", "when=1956-11-04"),
        ("el 4 de noviembre de 1956", "when=1956-11-04"),
        ("rehabilitated in 1989", "when=1989"),
        ("in the 1960s", "notBefore=1960 notAfter=1969"),
    ])
    func recognisesDatesAtTheirPrecision(text: String, expected: String) {
        #expect(whens(text) == [expected])
    }

    @Test func missingYearComesFromTheDocument() {
        #expect(whens("On 30 October tanks withdrew.", year: 1956) == ["when=1956-10-30"])
        #expect(whens("on Tuesday (23 October)", year: 1956) == ["when=1956-10-23"])
        // Without a document date the year is not invented.
        #expect(whens("On 30 October tanks withdrew.") == ["when=--10-30"])
    }

    @Test func sentenceFullStopStaysOutside() {
        let mention = recognizer.mentions(in: "pulling out on 30 October. Mr Nagy", conventions: DateConventions(referenceYear: 1956))
        #expect(mention.map(\.text) == ["30 October"])
    }

    @Test func numericDatesFollowConventions() {
        #expect(whens("1.11.56", year: 1956) == ["when=1956-11-01"])
        #expect(whens("1.11.56") == [])  // two-digit year without context: not guessed
        #expect(whens("12/04/2023") == ["when=2023-04-12"])
        #expect(whens("12/04/2023", dayFirst: false) == ["when=2023-12-04"])
        #expect(whens("25/12/2023", dayFirst: false) == ["when=2023-12-25"])
    }

    @Test func numbersAreNotYears() {
        #expect(whens("At least 1,000 Soviet tanks and 30,000 people") == [])
        #expect(whens("Resolution 1004 (ES-II)") == [])
        #expect(whens("may be reviewed in May") == [])
        #expect(whens("[0 June 5 photos]") == [])  // no day 0
    }
}

@Suite struct UnicodeNormalizationTests {
    @Test func composes() {
        #expect(UnicodeNormalization.nfc("Ka\u{301}da\u{301}r").unicodeScalars.count == 5)
        #expect(UnicodeNormalization.nfc("plain ASCII") == "plain ASCII")
    }

    @Test func comparisonKeyFoldsCaseDiacriticsAndPunctuation() {
        #expect("Kádár,".comparisonKey == "kadar")
        #expect("KADAR".comparisonKey == "kadar")
        #expect("  Andropov   Report, 1 November 1956 ".comparisonKey == "andropov report 1 november 1956")
    }
}

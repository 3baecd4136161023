import ScriptoriumAnnotate
import ScriptoriumModel
import TestSupport
import Testing

@Suite struct AnnotatorTests {
    func document(_ paragraphs: [String], date: DateValue?) -> SegmentedDocument {
        let digest = SourceDigest(of: Array("x".utf8))
        let metadata = DocumentMetadata(
            id: DocumentID(source: digest, position: 1), source: SourceIdentity(name: "x.txt", digest: digest, size: 1),
            position: 1, documentCount: 1, title: "T", date: date, dateText: nil, headerFields: [], encoding: .utf8,
            ruleSets: [], cleaning: CleaningSummary(records: [])
        )
        return SegmentedDocument(metadata: metadata, body: DocumentBody(heading: "T", blocks: paragraphs.map { .paragraph(Run(text: $0)) }, sections: []))
    }

    @Test func tagsDatesWithoutChangingTheText() {
        let paragraphs = [
            "Soviet troops began pulling out of the Hungarian capital on 30 October. Mr Nagy formed a government.",
            "On November 2nd 1956 the note was sent; in 1989 he was rehabilitated.",
        ]
        let annotated = Annotator().annotate(document(paragraphs, date: .when(PartialDate(year: 1956, month: 11, day: 4)!)))
        #expect(annotated.body.allContent.dropFirst().map(\.plainText) == paragraphs)
        let dates = annotated.body.allContent.flatMap(\.segments).compactMap { segment -> String? in
            if case .date(let text, let value) = segment { return "\(text)=\(value.attributes[0].value)" }
            return nil
        }
        #expect(dates == ["30 October=1956-10-30", "November 2nd 1956=1956-11-02", "1989=1989"])
    }

    @Test func yearlessDateWithoutDocumentDateStaysYearless() {
        let annotated = Annotator().annotate(document(["Reports on 30 October said troops left."], date: nil))
        #expect(annotated.body.blocks.first.map { block -> [InlineText.Segment] in
            if case .paragraph(let run) = block { return run.contents.flatMap(\.segments) }
            return []
        } == [.text("Reports on "), .date("30 October", .monthDay(month: 10, day: 30)), .text(" said troops left.")])
    }

    @Test func recordsItsVersion() {
        let annotated = Annotator().annotate(document(["x"], date: nil))
        #expect(annotated.metadata.ruleSets.contains(Annotator.version))
    }
}

import Foundation
import ScriptoriumExport
import ScriptoriumModel
import ScriptoriumValidate
import TestSupport
import Testing

@Suite struct TEIWriterTests {
    let writer = TEIWriter(application: ApplicationInfo(ident: "scriptorium", version: "0.1.0", label: "Scriptorium"))

    func document(title: String, paragraphs: [InlineText], fields: [HeaderField] = [], date: DateValue? = nil) -> AnnotatedDocument {
        let digest = SourceDigest(of: Array(title.utf8))
        let metadata = DocumentMetadata(
            id: DocumentID(source: digest, position: 1), source: SourceIdentity(name: "in put\n.txt", digest: digest, size: 42),
            position: 1, documentCount: 1, title: title, date: date, dateText: date == nil ? nil : "then", headerFields: fields,
            encoding: .utf8, ruleSets: [RuleSetVersion(name: "scriptorium.boilerplate", version: "1.0.0")],
            cleaning: CleaningSummary(records: [])
        )
        return AnnotatedDocument(metadata: metadata, body: DocumentBody(heading: InlineText(plain: title), blocks: paragraphs.map { .paragraph(Run(text: $0)) }, sections: []))
    }

    @Test func hostileTextStaysText() throws {
        let nasty = "AT&T <ok> ]]> \"quoted\" 'single' \u{1}\u{8} \u{FFFE} tab\there"
        let rendered = writer.render(document(title: "Title <b>", paragraphs: [InlineText(plain: nasty)], fields: [HeaderField(kind: .other, label: "Odd \"label\"\n", value: "v&v", lines: LineRange(line: 1))]))
        let xml = String(decoding: rendered.bytes, as: UTF8.self)
        #expect(xml.contains("AT&amp;T &lt;ok&gt; ]]&gt; \"quoted\""))
        #expect(!xml.contains("]]>"))
        #expect(xml.contains("<title>Title &lt;b&gt;</title>"))
        #expect(xml.contains("n=\"Odd &quot;label&quot;&#10;\""))
        #expect(!xml.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
        try TEIValidator(schemaPath: Fixtures.schemaPath).check(rendered.bytes, name: "hostile.xml")
    }

    @Test func datesAndHeaderFieldsRendered() throws {
        let date = PartialDate(year: 1956, month: 11, day: 4)!
        let text = InlineText(segments: [.text("By "), .date("4 November", .when(date)), .text(", tanks.")])
        let fields = [
            HeaderField(kind: .rights, value: "All rights reserved.", lines: LineRange(line: 3)),
            HeaderField(kind: .url, value: "http://www.cvce.eu/obj/x.html", lines: LineRange(line: 4)),
            HeaderField(kind: .lastUpdated, label: "Last updated", value: "12/04/2023", lines: LineRange(line: 5)),
        ]
        let rendered = writer.render(document(title: "T", paragraphs: [text], fields: fields, date: .when(date)))
        let xml = String(decoding: rendered.bytes, as: UTF8.self)
        #expect(xml.contains("<p>By <date when=\"1956-11-04\">4 November</date>, tanks.</p>"))
        #expect(xml.contains("<availability>\n          <p>All rights reserved.</p>"))
        #expect(xml.contains("<idno type=\"URL\">http://www.cvce.eu/obj/x.html</idno>"))
        #expect(xml.contains("<note type=\"last-updated\" n=\"Last updated\">12/04/2023</note>"))
        #expect(xml.contains("<creation><date when=\"1956-11-04\">then</date></creation>"))
        #expect(xml.contains("<idno type=\"sha256\">\(rendered.source.digest.hex)</idno>"))
        try TEIValidator(schemaPath: Fixtures.schemaPath).check(rendered.bytes, name: "dates.xml")
    }

    @Test func byteIdenticalOnEveryRun() {
        let doc = document(title: "T", paragraphs: [InlineText(plain: "Same.")])
        #expect(writer.render(doc).bytes == writer.render(doc).bytes)
    }
}

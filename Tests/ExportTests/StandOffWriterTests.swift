import Foundation
import ScriptoriumExport
import ScriptoriumModel
import ScriptoriumValidate
import TestSupport
import Testing

/// Names, times, `standOff` and `xml:lang` as the writer renders them, valid against our subset
/// and against the official `tei_all.rng`.
@Suite struct StandOffWriterTests {
    func rendered() -> (xml: String, bytes: [UInt8]) {
        let base = TEIWriterTests()
        let text = InlineText(segments: [
            .text("At "), .time("7 p.m.", .at(ClockTime(hour: 19, minute: 0)!)), .text(" comrade "),
            .name("KADAR", NameTag(kind: .person, ref: "per-janos-kadar")), .text(" met "),
            .name("Kiselev", NameTag(kind: .person, ref: nil)), .text(" in "),
            .name("Budapest", NameTag(kind: .place, ref: "pl-budapest")), .text(" ("),
            .name("UN", NameTag(kind: .organisation, ref: "org-united-nations")), .text(") "),
            .time("between 0400 and 0800 local time", .between(ClockTime(hour: 4, minute: 0)!, ClockTime(hour: 8, minute: 0)!)),
            .text("."),
        ])
        var document = base.document(title: "T", paragraphs: [text, InlineText(segments: [.text("Die Regierung hat beschlossen.")], language: "de")])
        document.language = "en"
        document.standOff = [
            StandOffEntry(id: "per-janos-kadar", kind: .person, name: "János Kádár", variants: ["KADAR"], wikidata: nil),
            StandOffEntry(id: "pl-budapest", kind: .place, name: "Budapest", variants: [], wikidata: "Q1781"),
            StandOffEntry(id: "org-united-nations", kind: .organisation, name: "United Nations", variants: ["UN"], wikidata: "Q1065"),
        ]
        let bytes = base.writer.render(document).bytes
        return (String(decoding: bytes, as: UTF8.self), bytes)
    }

    @Test func namesLinkIntoTheStandOff() throws {
        let (xml, _) = rendered()
        #expect(xml.contains(#"<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="#))
        #expect(xml.contains(#" xml:lang="en">"#))
        #expect(xml.contains(##"comrade <persName ref="#per-janos-kadar">KADAR</persName> met <persName>Kiselev</persName>"##))
        #expect(xml.contains(#"<time when="19:00:00">7 p.m.</time>"#))
        #expect(xml.contains(#"<time from="04:00:00" to="08:00:00">between 0400 and 0800 local time</time>"#))
        #expect(xml.contains(#"<p xml:lang="de">Die Regierung hat beschlossen.</p>"#))
        #expect(xml.contains("</teiHeader>\n  <standOff>\n    <listPerson>\n      <person xml:id=\"per-janos-kadar\">\n        <persName type=\"canonical\">János Kádár</persName>\n        <persName type=\"variant\">KADAR</persName>\n      </person>"))
        #expect(xml.contains("<place xml:id=\"pl-budapest\">\n        <placeName type=\"canonical\">Budapest</placeName>\n        <idno type=\"wikidata\">Q1781</idno>"))
        #expect(xml.contains("</standOff>\n  <text>"))
    }

    @Test func validAgainstBothSchemas() throws {
        let (_, bytes) = rendered()
        try TEIValidator(schemaPath: Fixtures.schemaPath).check(bytes, name: "names.xml")
        if FileManager.default.fileExists(atPath: Fixtures.teiAllSchemaPath) {
            try TEIValidator(schemaPath: Fixtures.teiAllSchemaPath).check(bytes, name: "names.xml")
        }
    }

    @Test func noStandOffWithoutLinkedNames() {
        let base = TEIWriterTests()
        let xml = String(decoding: base.writer.render(base.document(title: "T", paragraphs: [InlineText(plain: "x")])).bytes, as: UTF8.self)
        #expect(!xml.contains("standOff"))
        #expect(!xml.contains("xml:lang"))
    }
}

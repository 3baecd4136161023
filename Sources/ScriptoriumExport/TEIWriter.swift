import ScriptoriumModel

/// The export stage's TEI serialiser: one annotated document becomes one TEI P5 file.
///
/// Deterministic to the byte: no clock, no locale, attributes in a fixed order, so a rebuild of
/// the same originals with the same rules gives identical files.
public struct TEIWriter: Sendable {
    public static let namespace = "http://www.tei-c.org/ns/1.0"

    public let application: ApplicationInfo

    public init(application: ApplicationInfo) {
        self.application = application
    }

    public func render(_ document: AnnotatedDocument) -> TEIDraft {
        let metadata = document.metadata
        var xml = XMLWriter()
        var rootAttributes = [("xmlns", Self.namespace), ("xml:id", metadata.id.value)]
        if let language = document.language { rootAttributes.append(("xml:lang", language)) }
        xml.open("TEI", rootAttributes)
        TEIHeaderWriter(application: application).write(metadata, into: &xml)
        StandOffWriter.write(document.standOff, into: &xml)
        xml.open("text")
        xml.open("body")
        let language = metadata.catalogue.originalLanguage.map(\.code).flatMap { $0 == "und" ? nil : $0 }
        TEIBodyWriter(documentID: metadata.id.value, originalLanguage: language, inline: Self.inline, language: Self.language).write(document.body, into: &xml)
        xml.close()
        xml.close()
        xml.close()
        return TEIDraft(documentID: metadata.id, source: metadata.source, title: metadata.title, bytes: Array(xml.output.utf8))
    }

    /// `xml:lang` for a passage in another language than its document.
    static func language(of text: InlineText) -> [(String, String)] {
        text.language.map { [("xml:lang", $0)] } ?? []
    }

    static func inline(_ text: InlineText) -> String {
        var markup = ""
        for segment in text.segments {
            switch segment {
            case .text(let plain):
                markup += XMLWriter.escapeText(plain)
            case .date(let written, let value):
                markup += "<date" + XMLWriter.attributes(value.attributes.map { ($0.name, $0.value) }) + ">"
                    + XMLWriter.escapeText(written) + "</date>"
            case .time(let written, let value):
                markup += "<time" + XMLWriter.attributes(value.attributes.map { ($0.name, $0.value) }) + ">"
                    + XMLWriter.escapeText(written) + "</time>"
            case .name(let written, let tag):
                let element = tag.kind.elementName
                markup += "<" + element + XMLWriter.attributes(tag.ref.map { [("ref", "#" + $0)] } ?? []) + ">"
                    + XMLWriter.escapeText(written) + "</" + element + ">"
            }
        }
        return markup
    }
}

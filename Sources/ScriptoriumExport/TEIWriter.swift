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
        writeHeader(metadata, into: &xml)
        StandOffWriter.write(document.standOff, into: &xml)
        xml.open("text")
        xml.open("body")
        writeBody(document.body, into: &xml)
        xml.close()
        xml.close()
        xml.close()
        return TEIDraft(documentID: metadata.id, source: metadata.source, title: metadata.title, bytes: Array(xml.output.utf8))
    }

    // MARK: Header

    private func writeHeader(_ metadata: DocumentMetadata, into xml: inout XMLWriter) {
        xml.open("teiHeader")
        xml.open("fileDesc")
        xml.open("titleStmt")
        xml.element("title", text: metadata.title)
        xml.close()
        xml.open("publicationStmt")
        xml.element("publisher", text: application.label)
        xml.element("idno", [("type", "document")], text: metadata.id.value)
        let rights = metadata.headerFields.filter { $0.kind == .rights }
        if !rights.isEmpty {
            xml.open("availability")
            for field in rights { xml.element("p", text: field.value) }
            xml.close()
        }
        xml.close()
        xml.open("sourceDesc")
        writeSource(metadata, into: &xml)
        xml.close()
        xml.close()

        xml.open("encodingDesc")
        xml.open("appInfo")
        writeApplication(ident: application.ident, version: application.version, label: application.label, into: &xml)
        for ruleSet in metadata.ruleSets {
            writeApplication(ident: ruleSet.name, version: ruleSet.version, label: ruleSet.name, into: &xml)
        }
        xml.close()
        xml.open("editorialDecl")
        let cleaning = metadata.cleaning
        xml.element(
            "p",
            text: "Cleaned from a raw text source: \(Self.count(cleaning.removed, "passage")) removed as boilerplate, "
                + "\(Self.count(cleaning.movedToHeader, "passage")) moved to this header, \(Self.count(cleaning.repaired, "line")) repaired. "
                + "Every decision is listed in the cleaning report kept with the original in the archive."
        )
        xml.close()
        xml.close()

        if let date = metadata.date {
            xml.open("profileDesc")
            xml.open("creation")
            xml.element("date", date.attributes.map { ($0.name, $0.value) }, text: metadata.dateText ?? date.attributes.map(\.value).joined(separator: "/"))
            xml.close()
            xml.close()
        }
        xml.close()
    }

    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    private func writeSource(_ metadata: DocumentMetadata, into xml: inout XMLWriter) {
        let source = metadata.source
        xml.open("bibl", [("type", "source")])
        xml.element("idno", [("type", "filename")], text: source.name)
        xml.element("idno", [("type", "sha256")], text: source.digest.hex)
        xml.element("extent", text: "\(source.size) bytes, \(metadata.encoding.rawValue)")
        xml.element("biblScope", [("unit", "document"), ("from", "\(metadata.position)"), ("to", "\(metadata.position)")],
                    text: "document \(metadata.position) of \(metadata.documentCount)")
        for field in metadata.headerFields where field.kind != .rights {
            switch field.kind {
            case .url:
                xml.element("idno", [("type", "URL")], text: field.value)
            default:
                var attributes = [("type", field.kind.rawValue)]
                if let label = field.label { attributes.append(("n", label)) }
                xml.element("note", attributes, text: field.value)
            }
        }
        xml.close()
    }

    private func writeApplication(ident: String, version: String, label: String, into xml: inout XMLWriter) {
        xml.open("application", [("ident", ident), ("version", version)])
        xml.element("label", text: label)
        xml.close()
    }

    // MARK: Body

    private func writeBody(_ body: DocumentBody<InlineText>, into xml: inout XMLWriter) {
        if let heading = body.heading {
            xml.mixed("head", markup: Self.inline(heading))
        }
        for block in body.blocks { writeBlock(block, into: &xml) }
        for section in body.sections {
            xml.open("div")
            xml.mixed("head", markup: Self.inline(section.heading))
            for block in section.blocks { writeBlock(block, into: &xml) }
            xml.close()
        }
    }

    private func writeBlock(_ block: Block<InlineText>, into xml: inout XMLWriter) {
        switch block {
        case .paragraph(let content):
            xml.mixed("p", Self.language(of: content), markup: Self.inline(content))
        case .list(let items):
            xml.open("list")
            for item in items {
                xml.mixed("item", (item.label.map { [("n", $0)] } ?? []) + Self.language(of: item.content), markup: Self.inline(item.content))
            }
            xml.close()
        }
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

import ScriptoriumModel

/// Writes a document's `teiHeader`: title, publication, the source with its checksum and
/// catalogue facts, the rule sets that produced the file, and the document's own date, place,
/// correspondents, summary and language.
///
/// Nothing here reads a clock: the header of a rebuild is byte-identical.
struct TEIHeaderWriter {
    let application: ApplicationInfo

    func write(_ metadata: DocumentMetadata, into xml: inout XMLWriter) {
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
        writeProfile(metadata, into: &xml)
        xml.close()
    }

    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    private func writeSource(_ metadata: DocumentMetadata, into xml: inout XMLWriter) {
        let source = metadata.source
        let catalogue = metadata.catalogue
        xml.open("bibl", [("type", "source")])
        xml.element("idno", [("type", "filename")], text: source.name)
        xml.element("idno", [("type", "sha256")], text: source.digest.hex)
        xml.element("extent", text: "\(source.size) bytes, \(metadata.encoding.rawValue)")
        xml.element("biblScope", [("unit", "document"), ("from", "\(metadata.position)"), ("to", "\(metadata.position)")],
                    text: "document \(metadata.position) of \(metadata.documentCount)")
        if let publisher = catalogue.publisher { xml.element("publisher", text: publisher) }
        if let reference = catalogue.archiveReference { xml.element("idno", [("type", "archive")], text: reference) }
        for level in catalogue.classification { xml.element("note", [("type", "classification")], text: level) }
        if let translator = catalogue.translator {
            xml.open("respStmt")
            xml.element("resp", text: "translated by")
            xml.element("name", text: translator)
            xml.close()
        }
        if let language = catalogue.originalLanguage {
            xml.element("textLang", [("mainLang", language.code)], text: "Original language: \(language.name)")
        }
        if let publishedIn = catalogue.publishedIn { xml.element("note", [("type", "published-in")], text: publishedIn) }
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

    private func writeProfile(_ metadata: DocumentMetadata, into xml: inout XMLWriter) {
        let catalogue = metadata.catalogue
        guard metadata.date != nil || catalogue.summary != nil || catalogue.correspondence != nil else { return }
        xml.open("profileDesc")
        if let summary = catalogue.summary {
            xml.open("abstract")
            xml.element("p", text: summary)
            xml.close()
        }
        if let date = metadata.date {
            var markup = dateMarkup(date, text: metadata.dateText)
            if let place = catalogue.place { markup += ", <placeName>" + XMLWriter.escapeText(place) + "</placeName>" }
            xml.mixed("creation", markup: markup)
        }
        if let correspondence = catalogue.correspondence {
            xml.open("correspDesc")
            if let sender = correspondence.sender {
                xml.open("correspAction", [("type", "sent")])
                xml.element("name", text: sender)
                if let place = catalogue.place { xml.element("placeName", text: place) }
                if let date = metadata.date { xml.mixed("date", date.attributes.map { ($0.name, $0.value) }, markup: XMLWriter.escapeText(metadata.dateText ?? date.attributes.map(\.value).joined(separator: "/"))) }
                xml.close()
            }
            if let recipient = correspondence.recipient {
                xml.open("correspAction", [("type", "received")])
                xml.element("name", text: recipient)
                xml.close()
            }
            xml.close()
        }
        xml.close()
    }

    private func dateMarkup(_ date: DateValue, text: String?) -> String {
        "<date" + XMLWriter.attributes(date.attributes.map { ($0.name, $0.value) }) + ">"
            + XMLWriter.escapeText(text ?? date.attributes.map(\.value).joined(separator: "/")) + "</date>"
    }

    private func writeApplication(ident: String, version: String, label: String, into xml: inout XMLWriter) {
        xml.open("application", [("ident", ident), ("version", version)])
        xml.element("label", text: label)
        xml.close()
    }
}

import ScriptoriumModel

/// Writes a document's `standOff`: the authority entries its names point to, one list per kind.
///
/// TEI places `standOff` between `teiHeader` and `text`; the entry ids are the authority's, so
/// the same person has the same `xml:id` in every document of the archive.
enum StandOffWriter {
    static func write(_ entries: [StandOffEntry], into xml: inout XMLWriter) {
        guard !entries.isEmpty else { return }
        xml.open("standOff")
        for kind in EntityKind.allCases {
            let ofKind = entries.filter { $0.kind == kind }
            guard !ofKind.isEmpty else { continue }
            xml.open(listElement(kind))
            for entry in ofKind { write(entry, into: &xml) }
            xml.close()
        }
        xml.close()
    }

    private static func write(_ entry: StandOffEntry, into xml: inout XMLWriter) {
        let name = entry.kind.elementName
        xml.open(entryElement(entry.kind), [("xml:id", entry.id)])
        xml.element(name, [("type", "canonical")], text: entry.name)
        for variant in entry.variants {
            xml.element(name, [("type", "variant")], text: variant)
        }
        if let wikidata = entry.wikidata {
            xml.element("idno", [("type", "wikidata")], text: wikidata)
        }
        xml.close()
    }

    private static func listElement(_ kind: EntityKind) -> String {
        switch kind {
        case .person: return "listPerson"
        case .place: return "listPlace"
        case .organisation: return "listOrg"
        }
    }

    private static func entryElement(_ kind: EntityKind) -> String {
        switch kind {
        case .person: return "person"
        case .place: return "place"
        case .organisation: return "org"
        }
    }
}

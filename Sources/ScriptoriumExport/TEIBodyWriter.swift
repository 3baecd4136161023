import ScriptoriumModel

/// Writes a document's `body`: page lines the cleaner kept before the title, then heading, marks, a letter's opener, paragraphs, lists,
/// quotations, notes and page breaks, sections, a letter's closer and postscript, and the
/// footnotes of the printed original (each called by a `ptr` from where the text cites it).
struct TEIBodyWriter {
    /// The document's `xml:id`, the stem of its footnotes' ids.
    let documentID: String
    /// BCP 47 code of the original language, for `foreign`.
    let originalLanguage: String?
    /// Renders annotated inline content (the annotator's tags) as markup.
    let inline: (InlineText) -> String
    /// `xml:lang` of a passage in another language than its document, as the annotator found it.
    let language: (InlineText) -> [(String, String)]

    /// The language attribute of a run: that of its first piece of text.
    private func language(of run: Run<InlineText>) -> [(String, String)] {
        run.contents.first.map(language) ?? []
    }

    func write(_ body: DocumentBody<InlineText>, into xml: inout XMLWriter) {
        guard !body.preamble.isEmpty else { return writeDocument(body, into: &xml) }
        for block in body.preamble { write(block, into: &xml) }
        xml.open("div", [("type", "document")])
        writeDocument(body, into: &xml)
        xml.close()
    }

    /// The document proper, from its heading to its footnotes.
    private func writeDocument(_ body: DocumentBody<InlineText>, into xml: inout XMLWriter) {
        if let heading = body.heading { xml.mixed("head", markup: inline(heading)) }
        for mark in body.marks { xml.mixed("note", [("type", "classification")], markup: inline(mark)) }
        if !body.headnote.isEmpty {
            xml.open("note", [("type", "headnote")])
            for run in body.headnote { xml.mixed("p", markup: markup(run)) }
            xml.close()
        }
        if let opener = body.opener { write(opener, into: &xml) }
        for block in body.blocks { write(block, into: &xml) }
        for section in body.sections {
            xml.open("div")
            xml.mixed("head", markup: inline(section.heading))
            for block in section.blocks { write(block, into: &xml) }
            xml.close()
        }
        if let closer = body.closer { write(closer, into: &xml) }
        if !body.postscript.isEmpty {
            xml.open("postscript")
            for block in body.postscript { write(block, into: &xml) }
            xml.close()
        }
        for note in body.footnotes {
            xml.mixed("note", [("xml:id", noteID(note.number)), ("n", note.number), ("place", "foot")], markup: markup(note.content))
        }
    }

    private func write(_ opener: Opener<InlineText>, into xml: inout XMLWriter) {
        xml.open("opener")
        if let dateline = opener.dateline { xml.mixed("dateline", markup: inline(dateline)) }
        if !opener.address.isEmpty {
            xml.open("address")
            for line in opener.address { xml.mixed("addrLine", markup: inline(line)) }
            xml.close()
        }
        if let salute = opener.salute { xml.mixed("salute", markup: inline(salute)) }
        xml.close()
    }

    private func write(_ closer: Closer<InlineText>, into xml: inout XMLWriter) {
        xml.open("closer")
        if let salute = closer.salute { xml.mixed("salute", markup: inline(salute)) }
        if !closer.signed.isEmpty { xml.mixed("signed", markup: closer.signed.map(inline).joined(separator: "<lb/>")) }
        xml.close()
    }

    private func write(_ block: Block<InlineText>, into xml: inout XMLWriter) {
        switch block {
        case .paragraph(let run):
            xml.mixed("p", language(of: run), markup: markup(run))
        case .list(let list):
            xml.open("list")
            if let heading = list.heading { xml.mixed("head", markup: inline(heading)) }
            for item in list.items {
                xml.mixed("item", (item.label.map { [("n", $0)] } ?? []) + language(of: item.content), markup: markup(item.content))
            }
            xml.close()
        case .quotation(let runs):
            xml.open("quote")
            for run in runs { xml.mixed("p", markup: markup(run)) }
            xml.close()
        case .note(let run):
            xml.mixed("note", [("place", "inline")], markup: markup(run))
        case .pageBreak(let number):
            xml.empty("pb", [("n", number)])
        }
    }

    /// A run's markup: its text through `inline`, breaks, insertions and footnote calls as elements.
    func markup(_ run: Run<InlineText>) -> String {
        var result = ""
        for phrase in run.phrases {
            switch phrase {
            case .text(let content):
                result += inline(content)
            case .pageBreak(let number):
                result += "<pb" + XMLWriter.attributes([("n", number)]) + "/>"
            case .supplied(let content):
                result += "<supplied>" + inline(content) + "</supplied>"
            case .foreign(let content):
                let language = originalLanguage.map { [("xml:lang", $0)] } ?? []
                result += "<foreign" + XMLWriter.attributes(language) + ">" + inline(content) + "</foreign>"
            case .noteReference(let number):
                result += "<ptr" + XMLWriter.attributes([("type", "noteAnchor"), ("target", "#" + noteID(number))]) + "/>"
            }
        }
        return result
    }

    private func noteID(_ number: String) -> String { documentID + "-fn" + number }
}

import Foundation
import ScriptoriumModel
import ScriptoriumText

/// Turns the blocks of one document into its title, date and body structure.
///
///     blocks ─▶ title ─▶ footnotes ─▶ letter frame (marks, opener, closer) ─▶ body blocks
struct DocumentBuilder {
    let blocks: [TextBlock]
    let dates: DateRecognizer
    private(set) var title = ""
    /// The title block's text as printed, before its number or date prefix was taken off.
    private(set) var printedTitle = ""
    /// The dateline's date and place ("Washington, December 27, 1957—6:47 p.m.").
    private(set) var dateline: Dateline?
    private(set) var marks: [String] = []

    /// Below this score a title-like line loses to a title the citation gives.
    private static let weakTitle = 0.0
    /// Words of the first sentence used when a document has no title of its own.
    private static let fallbackTitleWords = 12
    /// Title words that make a document a letter or telegram even without a salutation.
    private static let correspondenceWords = ["Letter", "Telegram", "Memorandum", "Message", "Despatch", "Airgram", "Cable", "Note From"]

    /// A title the page gives only in its citation line ("\"Letter of…\", November 8, 1956, …").
    let citationTitle: String?

    init(blocks: [TextBlock], dates: DateRecognizer, fields: [HeaderField] = []) {
        self.blocks = blocks
        self.dates = dates
        citationTitle = fields.lazy.filter { $0.kind == .citation }.compactMap { Self.quotedTitle($0.value) }.first
    }

    /// The quoted title a citation starts with.
    static func quotedTitle(_ citation: String) -> String? {
        guard let open = citation.first, "\"“„«".contains(open),
              let close = citation.dropFirst().firstIndex(where: { "\"”“»".contains($0) })
        else { return nil }
        let title = citation[citation.index(after: citation.startIndex)..<close].trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ",")))
        return title.split(separator: " ").count >= 2 ? title : nil
    }

    mutating func build(records: inout [CleaningRecord]) -> DocumentBody<String> {
        var heading: String?
        var rest: [TextBlock]
        var lead: [TextBlock] = []
        var preamble: [TextBlock] = []
        let found = TitleFinder(blocks: blocks, dates: dates).choose()
        if let citationTitle, found.map({ $0.score < Self.weakTitle }) ?? true {
            // No line of the page makes a convincing title, but its citation names one.
            printedTitle = citationTitle
            rest = blocks
        } else if let index = found?.index {
            let before = blocks[..<index]
            printedTitle = blocks[index].text
            // Lines before the title stay (removing page furniture is the cleaner's decision);
            // the document proper follows them.
            preamble = Array(before)
            heading = TitleText(dates: dates).withoutCall(printedTitle)
            rest = Array(blocks[(index + 1)...])
        } else {
            printedTitle = Self.fallbackTitle(from: blocks.first?.text ?? "")
            rest = blocks
        }
        title = TitleText(dates: dates).clean(printedTitle)
        if title.isEmpty { title = printedTitle }

        rest = rest.filter { block in
            guard heading != nil, block.repeats(title: printedTitle) || block.repeats(title: title) else { return true }
            records.append(CleaningRecord(action: .removed, rule: "segment.repeated-title", lines: block.lines, text: block.text))
            return false
        }

        // Footnotes of the printed original, and page furniture after them.
        var footnoteBlocks: [TextBlock] = []
        var calls: [Int: [(range: Range<Int>, number: String)]] = [:]
        if let notes = FootnoteFinder(blocks: rest).find() {
            footnoteBlocks = Array(rest[notes.blocks])
            for (index, found) in notes.calls { calls[rest[index].lines.first] = found }
            var kept = Array(rest[..<notes.blocks.lowerBound])
            for block in rest[notes.blocks.upperBound...] {
                if block.isProse { kept.append(block) } else {
                    records.append(CleaningRecord(action: .removed, rule: "segment.after-notes", lines: block.lines, text: block.text))
                }
            }
            rest = kept
        }

        let isCorrespondence = Self.correspondenceWords.contains { title.hasPrefix($0) }
        let markers = InlineMarkers(documentText: blocks.map(\.text).joined(separator: "\n"))
        let assembler = BodyAssembler(markers: markers, calls: calls)
        var frame = LetterFrame(blocks: rest[...], isCorrespondence: isCorrespondence, dates: dates)
        var (blocksOut, normalised) = assemble(frame.text, with: assembler)
        if normalised.isEmpty, !Self.hasText(blocksOut) {
            // A frame with no text inside is no letter (TEI needs a paragraph): the lines stay text.
            frame = LetterFrame(plain: rest[...])
            (blocksOut, normalised) = assemble(frame.text, with: assembler)
        }
        if normalised.isEmpty, !Self.hasText(blocksOut), heading == nil {
            // Nothing but page markers: they stay as the text they are.
            blocksOut = rest.map { .paragraph(Run(text: $0.text)) }
        }
        dateline = frame.dateline
        marks = frame.marks
        lead = frame.headnote

        let postscript = frame.postscript.map { Block<String>.paragraph(assembler.run($0)) }
        let footnotes = footnoteBlocks.map { block -> Footnote<String> in
            var number = ""
            if case .listItem(let label?) = block.kind { number = label }
            return Footnote(number: number, content: assembler.run(block))
        }
        let opener = frame.opener.isEmpty ? nil : frame.opener
        if normalised.isEmpty, !Self.hasText(blocksOut), let only = heading {
            // TEI needs a paragraph: a document that is only its title keeps the title as text.
            blocksOut.insert(.paragraph(Run(text: only)), at: 0)
            heading = nil
        }
        return DocumentBody(
            preamble: assembler.assemble(preamble) { _ in false }.lead, heading: heading, marks: marks, headnote: lead.map(assembler.run), opener: opener, blocks: blocksOut, sections: normalised,
            closer: frame.closer, postscript: postscript, footnotes: footnotes
        )
    }

    /// The body's blocks and sections; a subheading with nothing under it stays a paragraph
    /// (TEI requires content in a div).
    private func assemble(_ text: ArraySlice<TextBlock>, with assembler: BodyAssembler) -> ([Block<String>], [Section<String>]) {
        let items = Array(text)
        var (blocksOut, sections) = assembler.assemble(items) { index in
            isSubheading(items[index], previous: index > 0 ? items[index - 1] : nil, next: index + 1 < items.count ? items[index + 1] : nil)
        }
        var normalised: [Section<String>] = []
        for section in sections {
            if section.blocks.isEmpty {
                let paragraph = Block<String>.paragraph(Run(text: section.heading))
                if normalised.isEmpty { blocksOut.append(paragraph) } else { normalised[normalised.count - 1].blocks.append(paragraph) }
            } else {
                normalised.append(section)
            }
        }
        return (blocksOut, normalised)
    }

    /// Whether the blocks hold text, not only page breaks: TEI needs a paragraph.
    static func hasText(_ blocks: [Block<String>]) -> Bool {
        blocks.contains { if case .pageBreak = $0 { false } else { true } }
    }

    /// The date in the title; a year-only title date is made precise by the first date of the
    /// opening paragraph when that falls in the same year ("(1956)" + "On November 2nd 1956").
    func dateFromTitle() -> DateMention? {
        guard let mention = dates.firstPointDate(in: title) ?? dates.firstPointDate(in: printedTitle), let date = mention.value.pointDate else { return nil }
        guard date.month == nil else { return mention }
        let opening = blocks.first { $0.text != printedTitle && $0.isProse }
        if let opening, let refined = dates.firstPointDate(in: opening.text), let precise = refined.value.pointDate,
           precise.year == date.year, precise.month != nil
        {
            return refined
        }
        return mention
    }

    /// A short unpunctuated line between two paragraphs of prose is a subheading.
    private func isSubheading(_ block: TextBlock, previous: TextBlock?, next: TextBlock?) -> Bool {
        if block.isMarkedHeading { return next != nil }
        guard block.isTitleLike, block.wordCount <= 12, block.text.first?.isUppercase == true || block.text.first?.isNumber == true,
              let previous, let next, !ClassificationMark.matches(block.text)
        else { return false }
        return (previous.endsLikeSentence || previous.isListItem) && next.isProse
    }

    static func fallbackTitle(from text: String) -> String {
        let sentenceEnd = text.firstIndex { ".!?".contains($0) } ?? text.endIndex
        let words = text[..<sentenceEnd].split(whereSeparator: \.isWhitespace)
        let title = words.prefix(fallbackTitleWords).joined(separator: " ")
        return words.count > fallbackTitleWords ? title + " …" : (title.isEmpty ? "Untitled document" : title)
    }
}

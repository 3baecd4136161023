import ScriptoriumModel
import ScriptoriumText

/// Turns the blocks of one document into its title, date and body structure.
struct DocumentBuilder {
    let blocks: [TextBlock]
    let dates: DateRecognizer
    private(set) var title = ""
    /// A date line right after the title ("8 November 1956, Brioni").
    private(set) var dateFromDateline: DateMention?

    /// Blocks after the title in which a dateline is looked for.
    private static let datelineWindow = 3
    /// Words of the first sentence used when a document has no title of its own.
    private static let fallbackTitleWords = 12

    init(blocks: [TextBlock], dates: DateRecognizer) {
        self.blocks = blocks
        self.dates = dates
    }

    mutating func build(records: inout [CleaningRecord]) -> DocumentBody<String> {
        var rest = blocks[...]
        var heading: String?
        if let first = rest.first, first.isTitleLike {
            title = first.text
            heading = first.text
            rest = rest.dropFirst()
        } else {
            title = Self.fallbackTitle(from: blocks.first?.text ?? "")
        }

        var lead: [Block<String>] = []
        var sections: [Section<String>] = []
        var pendingList: [ListItem<String>] = []
        let items = Array(rest)

        func append(_ block: Block<String>) {
            if sections.isEmpty { lead.append(block) } else { sections[sections.count - 1].blocks.append(block) }
        }
        func flushList() {
            if !pendingList.isEmpty { append(.list(pendingList)) }
            pendingList = []
        }

        for (index, block) in items.enumerated() {
            if heading != nil, block.repeats(title: title) {
                records.append(CleaningRecord(action: .removed, rule: "segment.repeated-title", lines: block.lines, text: block.text))
                continue
            }
            if index < Self.datelineWindow, dateFromDateline == nil, let mention = dateline(block) {
                dateFromDateline = mention
            }
            if case .listItem(let label) = block.kind {
                pendingList.append(ListItem(label: label, content: block.text))
                continue
            }
            flushList()
            let previous = index > 0 ? items[index - 1] : nil
            let next = index + 1 < items.count ? items[index + 1] : nil
            if isSubheading(block, previous: previous, next: next) {
                sections.append(Section(heading: block.text, blocks: []))
            } else {
                append(.paragraph(block.text))
            }
        }
        flushList()

        // A heading with nothing under it is text, not a heading (TEI requires content in a div).
        var normalised: [Section<String>] = []
        for section in sections {
            if section.blocks.isEmpty {
                if normalised.isEmpty { lead.append(.paragraph(section.heading)) } else { normalised[normalised.count - 1].blocks.append(.paragraph(section.heading)) }
            } else {
                normalised.append(section)
            }
        }
        if lead.isEmpty && normalised.isEmpty, let only = heading {
            lead = [.paragraph(only)]
            heading = nil
        }
        return DocumentBody(heading: heading, blocks: lead, sections: normalised)
    }

    /// The date in the title; a year-only title date is made precise by the first date of the
    /// opening paragraph when that falls in the same year ("(1956)" + "On November 2nd 1956").
    func dateFromTitle() -> DateMention? {
        guard let mention = dates.firstPointDate(in: title), let date = mention.value.pointDate else { return nil }
        guard date.month == nil else { return mention }
        let opening = blocks.dropFirst().first { !$0.isTitleLike }
        if let opening, let refined = dates.firstPointDate(in: opening.text), let precise = refined.value.pointDate,
           precise.year == date.year, precise.month != nil
        {
            return refined
        }
        return mention
    }

    private func dateline(_ block: TextBlock) -> DateMention? {
        guard block.wordCount <= 10, !block.endsLikeSentence || block.text.hasSuffix(","),
              let mention = dates.firstPointDate(in: block.text), mention.value.pointDate?.day != nil
        else { return nil }
        return mention
    }

    /// A short unpunctuated line between two paragraphs of prose is a subheading.
    private func isSubheading(_ block: TextBlock, previous: TextBlock?, next: TextBlock?) -> Bool {
        if block.isMarkedHeading { return next != nil }
        guard block.isTitleLike, block.wordCount <= 12, block.text.first?.isUppercase == true || block.text.first?.isNumber == true,
              let previous, let next
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

import Foundation
import ScriptoriumModel

/// Gives the text blocks of a document their structure: paragraphs (rejoined across page
/// breaks), numbered items whose label stands on a line of its own, labelled lists
/// ("SUBJECT", "PARTICIPANTS"), notes, quotations, page breaks and subheadings.
struct BodyAssembler {
    let markers: InlineMarkers
    /// Footnote calls per block, by the block's first source line.
    let calls: [Int: [(range: Range<Int>, number: String)]]

    private static let labelOnly = try! NSRegularExpression(pattern: "^(?:\\(([0-9]{1,3}|[a-zA-Z]|[ivx]{1,4})\\)|([0-9]{1,3}|[a-zA-Z])\\.)$")
    private static let listLabel = try! NSRegularExpression(pattern: "^[A-Z][A-Z ]{1,30}:?$")
    private static let noteStart = try! NSRegularExpression(pattern: "^(?:Note|NOTE|N\\.B\\.|Editor['’]s note|Editorial note|Anm\\.|Anmerkung|Nota)\\s*[:.]")
    private static let openingQuote: Set<Character> = ["“", "\"", "„", "«", "»"]
    private static let closingQuote: Set<Character> = ["”", "\"", "“", "»", "«"]
    /// Words a paragraph needs to be set as a quotation.
    private static let quotationWords = 12

    func run(_ block: TextBlock) -> Run<String> {
        markers.run(block.text, noteCalls: calls[block.lines.first] ?? [])
    }

    func assemble(_ items: [TextBlock], isSubheading: (Int) -> Bool) -> (lead: [Block<String>], sections: [Section<String>]) {
        var lead: [Block<String>] = []
        var sections: [Section<String>] = []
        var pendingList: [ListItem<String>] = []

        func append(_ block: Block<String>) {
            if sections.isEmpty { lead.append(block) } else { sections[sections.count - 1].blocks.append(block) }
        }
        func lastParagraph() -> Run<String>? {
            let blocks = sections.isEmpty ? lead : sections[sections.count - 1].blocks
            if case .paragraph(let run)? = blocks.last { return run }
            return nil
        }
        func replaceLast(_ block: Block<String>) {
            if sections.isEmpty { lead[lead.count - 1] = block } else { sections[sections.count - 1].blocks[sections[sections.count - 1].blocks.count - 1] = block }
        }
        func flushList() {
            if !pendingList.isEmpty { append(.list(ItemList(items: pendingList))) }
            pendingList = []
        }

        var index = 0
        while index < items.count {
            let block = items[index]
            let next = index + 1 < items.count ? items[index + 1] : nil
            if let number = InlineMarkers.pageBreak(only: block.text) {
                // A page turned inside a sentence: the paragraph goes on after the break.
                if pendingList.isEmpty, let previous = lastParagraph(), let next, next.text.first?.isLowercase == true,
                   index > 0, !items[index - 1].endsLikeSentence
                {
                    replaceLast(.paragraph(Run(previous.phrases + [.text(" "), .pageBreak(number)] + run(next).phrases)))
                    index += 2
                    continue
                }
                if !pendingList.isEmpty, next.map({ Self.label(of: $0) != nil || $0.isListItem }) == true {
                    // Between two items of one list the break belongs to the item before it.
                    var last = pendingList.removeLast()
                    last.content.phrases.append(.pageBreak(number))
                    pendingList.append(last)
                } else {
                    flushList()
                    append(.pageBreak(number))
                }
                index += 1
                continue
            }
            if let label = Self.label(of: block), let next, !next.isListItem, Self.label(of: next) == nil, !next.isMarkedHeading {
                pendingList.append(ListItem(label: label, content: run(next)))
                index += 2
                continue
            }
            if case .listItem(let label) = block.kind {
                pendingList.append(ListItem(label: label, content: run(block)))
                index += 1
                continue
            }
            flushList()
            if Self.matches(Self.listLabel, block.text), block.wordCount <= 3, let next, next.blankLinesBefore == 0, !next.isProse {
                var entries: [ListItem<String>] = []
                var cursor = index + 1
                while cursor < items.count, cursor == index + 1 || items[cursor].blankLinesBefore == 0, !items[cursor].isProse,
                      !Self.matches(Self.listLabel, items[cursor].text), Self.label(of: items[cursor]) == nil,
                      !items[cursor].text.hasPrefix("[") || InlineMarkers.pageBreak(only: items[cursor].text) != nil
                {
                    if let number = InlineMarkers.pageBreak(only: items[cursor].text), !entries.isEmpty {
                        // The page turned inside the list: the break belongs to the entry before it.
                        entries[entries.count - 1].content.phrases.append(.pageBreak(number))
                    } else {
                        entries.append(ListItem(label: nil, content: run(items[cursor])))
                    }
                    cursor += 1
                }
                if !entries.isEmpty {
                    append(.list(ItemList(heading: block.text, items: entries)))
                    index = cursor
                    continue
                }
            }
            if Self.matches(Self.noteStart, block.text) || Self.isEditorialInsert(block.text) {
                append(.note(run(block)))
            } else if isQuotation(block) {
                append(.quotation([run(block)]))
            } else if isSubheading(index) {
                sections.append(Section(heading: block.text, blocks: []))
            } else {
                append(.paragraph(run(block)))
            }
            index += 1
        }
        flushList()
        return (lead, sections)
    }

    /// A paragraph wholly in square brackets is an editor's remark: "[Here follows discussion of item 1.]".
    static func isEditorialInsert(_ text: String) -> Bool {
        guard text.hasPrefix("["), text.hasSuffix("]") || text.dropLast().hasSuffix("]") && text.last?.isNumber == true else { return false }
        return text.split(separator: " ").count >= 3 && !text.dropFirst().contains("[")
    }

    /// The label of a block that holds nothing but a list label ("1.", "a.", "(1)").
    static func label(of block: TextBlock) -> String? {
        guard block.kind == .text, block.text.count <= 6 else { return nil }
        let text = block.text
        guard let match = labelOnly.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        for group in 1...2 {
            if let range = Range(match.range(at: group), in: text) { return String(text[range]) }
        }
        return nil
    }

    /// A whole paragraph in quotation marks: it opens with one and closes with one (before a
    /// full stop or a footnote call), with no quotation mark between.
    private func isQuotation(_ block: TextBlock) -> Bool {
        guard block.wordCount >= Self.quotationWords, let first = block.text.first, Self.openingQuote.contains(first) else { return false }
        let trimmed = block.text.trimmingCharacters(in: CharacterSet(charactersIn: ".0123456789 "))
        guard let last = trimmed.last, Self.closingQuote.contains(last) else { return false }
        let inner = trimmed.dropFirst().dropLast()
        return !inner.contains { Self.openingQuote.contains($0) || Self.closingQuote.contains($0) }
    }

    private static func matches(_ expression: NSRegularExpression, _ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}

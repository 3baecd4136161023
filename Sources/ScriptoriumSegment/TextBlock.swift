import ScriptoriumModel

/// A paragraph-level run of cleaned lines: what the segmenter reasons about.
struct TextBlock: Hashable {
    enum Kind: Hashable {
        case text
        case heading(level: Int)
        case listItem(label: String?)
    }

    var text: String
    var kind: Kind
    var lines: LineRange
    /// Blank lines between this block and the one before it.
    var blankLinesBefore: Int
    /// A list item with another list item right before or after it.
    var isListContinuation = false

    var wordCount: Int { text.split(whereSeparator: \.isWhitespace).count }

    var isMarkedHeading: Bool {
        if case .heading = kind { return true }
        return false
    }

    var isListItem: Bool {
        if case .listItem = kind { return true }
        return false
    }

    /// Ends like a sentence (or a letter's salutation): not a title.
    var endsLikeSentence: Bool {
        // A footnote call glued after the full stop ("…speech at Dallas:2") does not hide it.
        var text = Substring(self.text)
        if let call = text.lastIndex(where: { !$0.isNumber }), text.distance(from: call, to: text.endIndex) <= 3, call < text.index(before: text.endIndex),
           ".!?;:”\"".contains(text[call])
        {
            text = text[...call]
        }
        guard let last = text.last else { return false }
        return ".!?;,:。！？".contains(last) || text.hasSuffix(".”") || text.hasSuffix(".\"") || text.hasSuffix(".’")
    }

    /// A paragraph of running prose rather than a label or heading: a sentence of some length.
    var isProse: Bool {
        // A long paragraph may close on a bracketed citation: "…(Memorandum of conversation)".
        (endsLikeSentence || text.count >= 200 && text.last.map { ")]".contains($0) } == true) && (text.count >= 60 || wordCount >= 8)
    }

    /// A line of some length that stops in mid-sentence: the next line in lower case continues it, even
    /// across blank lines (a page break in the source).
    var stopsMidSentence: Bool { text.count >= 60 && !endsLikeSentence && text.last?.isLetter == true }

    /// Groups cleaned lines into blocks: blank lines separate them, hard line breaks join lines,
    /// and a line that stops mid-sentence is joined with a next line starting in lower case (a
    /// paragraph split by a page break).
    static func blocks(from lines: [CleanLine]) -> [TextBlock] {
        var blocks: [TextBlock] = []
        var blanks = 0
        var joinNext = false
        for line in lines {
            if line.kind == .blank {
                blanks += 1
                joinNext = false
                continue
            }
            let kind: Kind
            switch line.kind {
            case .heading(let level): kind = .heading(level: level)
            case .listItem(let label): kind = .listItem(label: label)
            default: kind = .text
            }
            let startsLower = line.text.first?.isLowercase == true
            if var last = blocks.last, kind == .text, last.kind == .text,
               (blanks == 0 && (joinNext || (!last.endsLikeSentence && startsLower))) || (last.stopsMidSentence && startsLower)
            {
                last.text += " " + line.text
                last.lines = last.lines.union(LineRange(line: line.number))
                blocks[blocks.count - 1] = last
            } else {
                blocks.append(TextBlock(text: line.text, kind: kind, lines: LineRange(line: line.number), blankLinesBefore: blanks))
            }
            joinNext = line.continues
            blanks = 0
        }
        for index in blocks.indices where blocks[index].isListItem {
            let before = index > 0 && blocks[index - 1].isListItem
            let after = index + 1 < blocks.count && blocks[index + 1].isListItem
            blocks[index].isListContinuation = before || after
        }
        return blocks
    }
}

import Foundation
import ScriptoriumModel
import ScriptoriumText

/// Finds the frame of a letter or telegram around its text: marks, dateline, address and
/// salutation at the start (with an editor's headnote before a late salutation), and the
/// closing formula, signature and postscript at the end.
struct LetterFrame {
    var marks: [String] = []
    var opener = Opener<String>()
    /// The dateline as read, for the header's date and place.
    var dateline: Dateline?
    /// Paragraphs an editor put before the letter begins.
    var headnote: [TextBlock] = []
    var closer: Closer<String>?
    var postscript: [TextBlock] = []
    /// The blocks between opener and closer.
    var text: ArraySlice<TextBlock> = []

    /// How many blocks at the start may belong to the opening.
    private static let openingWindow = 8
    /// How many prose paragraphs may stand before a late salutation as a headnote.
    private static let headnoteLimit = 3
    /// How many blocks at the end may hold the closing formula and signature.
    private static let closingWindow = 5
    private static let signature = try! NSRegularExpression(pattern: "^\\(?[\\p{Lu}][\\p{L}.'’-]*(?:\\s+\\(?[\\p{Lu}][\\p{L}.'’-]*\\)?){0,4}\\)?$")
    private static let postscriptStart = try! NSRegularExpression(pattern: "^(?:P\\.\\s?S\\.|PS:|Postscript\\b|Nachschrift\\b)")

    /// No frame: every block is text.
    init(plain blocks: ArraySlice<TextBlock>) {
        text = blocks
    }

    init(blocks: ArraySlice<TextBlock>, isCorrespondence: Bool, dates: DateRecognizer) {
        var start = blocks.startIndex
        var index = start
        while index < blocks.endIndex, index - start < Self.openingWindow {
            let block = blocks[index]
            if ClassificationMark.matches(block.text) {
                marks.append(block.text)
            } else if opener.dateline == nil, opener.salute == nil, let found = Dateline(block.text, dates: dates) {
                dateline = found
                opener.dateline = block.text
            } else if opener.salute == nil, block.text.hasPrefix("To ") || !opener.address.isEmpty && block.blankLinesBefore == 0,
                      block.wordCount <= 25, !block.isProse || block.text.hasSuffix(",")
            {
                // An address runs over the lines that follow it without a blank line.
                opener.address.append(block.text)
            } else if Salutation.isOpening(block.text) {
                opener.salute = block.text
                index += 1
                break
            } else {
                break
            }
            index += 1
        }
        start = index
        if opener.salute == nil {
            // A salutation after a few paragraphs: those paragraphs are the editor's headnote.
            let window = blocks[start..<min(blocks.endIndex, start + Self.headnoteLimit + 1)]
            if let salute = window.firstIndex(where: { Salutation.isOpening($0.text) }), salute > start,
               blocks[start..<salute].allSatisfy({ $0.isProse && !$0.isListItem })
            {
                headnote = Array(blocks[start..<salute])
                opener.salute = blocks[salute].text
                start = salute + 1
            }
        }
        var end = blocks.endIndex
        if let first = blocks[start..<end].suffix(3).firstIndex(where: { Self.matches(Self.postscriptStart, $0.text) }) {
            postscript = Array(blocks[first..<end])
            end = first
        }
        let tail = blocks[start..<end].suffix(Self.closingWindow)
        if let closing = tail.lastIndex(where: { Salutation.isClosing($0.text) }),
           blocks[(closing + 1)..<end].allSatisfy({ !$0.isProse && $0.wordCount <= 30 && !$0.isListItem })
        {
            closer = Closer(salute: blocks[closing].text, signed: blocks[(closing + 1)..<end].map(\.text))
            end = closing
        } else if isCorrespondence || opener.salute != nil, end > start, let last = blocks[start..<end].last,
                  !last.isListItem, last.wordCount <= 5, case let name = Self.withoutCall(last.text),
                  Self.matches(Self.signature, name), !ClassificationMark.matches(name)
        {
            closer = Closer(signed: [name])
            end -= 1
        }
        if closer == nil, !postscript.isEmpty {
            // A postscript needs a closing before it; without one it is text.
            end += postscript.count
            postscript = []
        }
        text = blocks[start..<end]
    }

    /// A signature without the footnote call glued to it ("Philip H. Trezise2").
    private static func withoutCall(_ text: String) -> String {
        guard let last = text.last, last.isNumber else { return text }
        let trimmed = String(text.reversed().drop(while: \.isNumber).reversed())
        return trimmed.last?.isLetter == true ? trimmed : text
    }

    private static func matches(_ expression: NSRegularExpression, _ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}

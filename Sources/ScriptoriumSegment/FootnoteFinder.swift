import Foundation

/// Finds the footnotes of a printed original at the end of a document and where the text
/// calls them.
///
/// Web editions print footnotes as a numbered list after the text and glue each call to the
/// word before it ("…at any time.2 In these…", "…United Nations1"). A numbered list counts as
/// footnotes only when most of its numbers are called, in order, in the text before it: a
/// resolution's numbered clauses are never mistaken for notes.
struct FootnoteFinder {
    struct Result {
        /// Index of the first footnote block and one past the last.
        var blocks: Range<Int>
        /// For each block before the notes, the calls it holds (UTF-8 range of the number).
        var calls: [Int: [(range: Range<Int>, number: String)]]
    }

    let blocks: [TextBlock]

    /// A call: digits glued to a letter or closing punctuation, followed by a space, punctuation or the end.
    static func callPattern(_ number: String) -> NSRegularExpression {
        try! NSRegularExpression(pattern: "(?<=[\\p{L}.,;:)\\]”\"’])\(number)(?=[\\s.,;:)]|$)")
    }

    func find() -> Result? {
        // The last run of consecutive numbered items.
        var end = blocks.count
        while end > 0, number(blocks[end - 1]) == nil { end -= 1 }
        guard end > 0 else { return nil }
        var start = end - 1
        while start > 0, let previous = number(blocks[start - 1]), let current = number(blocks[start]), previous + 1 == current { start -= 1 }
        // The run may also be followed by page furniture, but must be preceded by the text.
        guard start > 0 else { return nil }
        var calls: [Int: [(range: Range<Int>, number: String)]] = [:]
        var found = 0
        var position = (block: 0, offset: 0)
        for index in start..<end {
            guard let value = number(blocks[index]) else { continue }
            let pattern = Self.callPattern(String(value))
            var located = false
            var blockIndex = position.block
            while blockIndex < start, !located {
                let text = blocks[blockIndex].text
                let from = blockIndex == position.block ? position.offset : 0
                let utf8 = text.utf8
                guard from <= utf8.count else { blockIndex += 1; continue }
                let startIndex = utf8.index(utf8.startIndex, offsetBy: from)
                if let match = pattern.firstMatch(in: text, range: NSRange(startIndex..., in: text)), let range = Range(match.range, in: text) {
                    let lower = utf8.distance(from: utf8.startIndex, to: range.lowerBound)
                    let upper = utf8.distance(from: utf8.startIndex, to: range.upperBound)
                    calls[blockIndex, default: []].append((lower..<upper, String(value)))
                    position = (blockIndex, upper)
                    located = true
                } else {
                    blockIndex += 1
                }
            }
            if located { found += 1 }
        }
        guard found * 2 >= end - start, found > 0 else { return nil }
        return Result(blocks: start..<end, calls: calls)
    }

    /// The footnote number of a numbered list item.
    func number(_ block: TextBlock) -> Int? {
        guard case .listItem(let label?) = block.kind, label.allSatisfy(\.isNumber) else { return nil }
        return Int(label)
    }
}

import Foundation
import ScriptoriumModel
import ScriptoriumText

/// Takes back a document's heading when the cleaner judged it to stand outside the main text.
///
/// The cleaner's classifier sees a short numbered heading and a dateline above a telegram as
/// page furniture ("280. Telegram From…", "Washington, December 27, 1957"). A catalogue needs
/// them, so the lines removed just before the first kept one are offered to the title finder
/// again: when it chooses one of them, that line and the removed lines after it return to the
/// document; when it does not, they all stay removed.
struct HeadingRecovery {
    let dates: DateRecognizer

    /// The rule whose removals may be taken back, and how many lines before the text are looked at.
    static let recoverableRule = "classifier.outside-main-text"
    private static let maximumLines = 6
    private static let numbered = try! NSRegularExpression(pattern: "^\\s*(\\d{1,4})[.)]\\s+(\\S.*)$")

    func recover(_ lines: [CleanLine], records: [CleaningRecord]) -> [TextBlock] {
        guard let firstKept = lines.first(where: { $0.kind != .blank })?.number else { return TextBlock.blocks(from: lines) }
        var removed = records.filter { $0.action == .removed && $0.lines.first == $0.lines.last && $0.lines.last < firstKept }
            .sorted { $0.lines.first < $1.lines.first }
        // Only the removals in one stretch right before the text, all by the classifier's context rule.
        var stretch: [CleaningRecord] = []
        while let last = removed.popLast(), last.rule == Self.recoverableRule, stretch.count < Self.maximumLines {
            stretch.insert(last, at: 0)
        }
        guard !stretch.isEmpty else { return TextBlock.blocks(from: lines) }
        var restored: [CleanLine] = []
        for record in stretch {
            restored.append(line(record))
            restored.append(CleanLine(number: record.lines.first, text: "", kind: .blank))
        }
        let blocks = TextBlock.blocks(from: restored + lines)
        let restoredLines = Set(stretch.map(\.lines.first))
        let restoredCount = blocks.prefix { restoredLines.contains($0.lines.first) }.count
        guard let title = TitleFinder(blocks: blocks, dates: dates).titleIndex(), title < restoredCount else {
            return Array(blocks.dropFirst(restoredCount))
        }
        return Array(blocks.dropFirst(title))
    }

    private func line(_ record: CleaningRecord) -> CleanLine {
        let text = record.text.trimmingCharacters(in: .whitespaces)
        let range = NSRange(text.startIndex..., in: text)
        if let match = Self.numbered.firstMatch(in: text, range: range), let label = Range(match.range(at: 1), in: text),
           let rest = Range(match.range(at: 2), in: text)
        {
            return CleanLine(number: record.lines.first, text: String(text[rest]), kind: .listItem(label: String(text[label])))
        }
        return CleanLine(number: record.lines.first, text: text, kind: .text)
    }
}

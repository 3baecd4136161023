import Foundation
import ScriptoriumModel

/// The clean stage: decides which part of a decoded source is the document, repairs its text,
/// moves metadata to the header, and records every decision.
///
/// Pure and deterministic: the same source and rules give the same result, with no I/O.
///
///     decoded text ─▶ HTML entities ─▶ mojibake repair ─▶ character repair ─▶ inline rules ─▶ Markdown debris
///                  ─▶ labelled fields ─▶ line rules ─▶ URL lines ─▶ repeated lines ─▶ block classifier
///                  ─▶ CleanedSource
public struct Cleaner: Sendable {
    public let rules: CleaningRules
    private let characters = CharacterRepair()
    private let mojibake = MojibakeRepair()
    private let entities = HTMLEntities()
    private let markdown = MarkdownDebris()
    private let urlLine = try! NSRegularExpression(pattern: "^(?:https?://|www\\.)\\S+$", options: [.caseInsensitive])

    public init(rules: CleaningRules) {
        self.rules = rules
    }

    public func clean(_ source: DecodedSource) -> CleanedSource {
        var records: [CleaningRecord] = []
        var fields: [HeaderField] = []
        var lines = repairLines(source.text, records: &records)
        FieldExtractor(rules: rules).extract(&lines, fields: &fields, records: &records)
        applyLineRules(&lines, fields: &fields, records: &records)
        moveURLLines(&lines, fields: &fields, records: &records)
        removeRepeatedLines(&lines, records: &records)
        classify(&lines, records: &records)
        return CleanedSource(
            identity: source.identity,
            encoding: source.encoding,
            lines: lines.filter(\.kept).map(\.cleanLine),
            headerFields: fields.sorted { ($0.lines.first, $0.kind.rawValue) < ($1.lines.first, $1.kind.rawValue) },
            records: records.sorted { ($0.lines.first, $0.lines.last) < ($1.lines.first, $1.lines.last) },
            ruleSets: rules.versions
        )
    }

    /// Per-line repairs, in an order where each step sees the previous one's result.
    private func repairLines(_ text: String, records: inout [CleaningRecord]) -> [WorkLine] {
        var result: [WorkLine] = []
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            let original = String(raw)
            var current = original
            func record(_ rule: String, _ before: String, _ after: String) {
                records.append(CleaningRecord(action: .repaired, rule: rule, lines: LineRange(line: number), text: before, replacement: after))
            }
            if let decoded = entities.decode(current) {
                record("characters.html-entity", current, decoded)
                current = decoded
            }
            if let (repaired, encodings) = mojibake.repair(current) {
                record("mojibake." + encodings.map(\.rawValue).joined(separator: "+"), current, repaired)
                current = repaired
            }
            if let (repaired, changes) = characters.repair(current) {
                record(changes.map(\.rawValue).joined(separator: "+"), current, repaired)
                current = repaired
            }
            for compiled in rules.inlineRules {
                if let removed = compiled.removingMatches(from: current) {
                    records.append(CleaningRecord(action: .removed, rule: compiled.rule.id, lines: LineRange(line: number), text: current, replacement: removed))
                    current = removed
                }
            }
            let parsed = markdown.clean(current)
            if !parsed.changes.isEmpty {
                record(parsed.changes.joined(separator: "+"), current, parsed.text)
            }
            result.append(WorkLine(number: number, original: original, text: parsed.text, kind: parsed.kind, continues: parsed.continues))
        }
        // A final newline is not an empty last line.
        if result.count > 1, result.last?.original.isEmpty == true { result.removeLast() }
        return result
    }

    private func applyLineRules(_ lines: inout [WorkLine], fields: inout [HeaderField], records: inout [CleaningRecord]) {
        for index in lines.indices where lines[index].kept && !lines[index].isBlank {
            guard let compiled = rules.lineRules.first(where: { $0.matches(line: lines[index].text) }) else { continue }
            let rule = compiled.rule
            let range = LineRange(line: lines[index].number)
            lines[index].kept = false
            switch rule.action {
            case .remove:
                lines[index].removedByLineRule = true
                records.append(CleaningRecord(action: .removed, rule: rule.id, lines: range, text: lines[index].original))
            case .header:
                fields.append(HeaderField(kind: rule.headerKind ?? .other, value: lines[index].text, lines: range))
                records.append(CleaningRecord(action: .movedToHeader, rule: rule.id, lines: range, text: lines[index].original))
            }
        }
    }

    /// The block classifier's verdicts: what is furniture by shape, and what lies outside the main text.
    private func classify(_ lines: inout [WorkLine], records: inout [CleaningRecord]) {
        let classifier = BlockClassifier(settings: rules.classifier, stopWords: rules.stopWords)
        let byRule = Set(lines.indices.filter { lines[$0].removedByLineRule })
        for (index, removal) in classifier.judge(lines, removedByRule: byRule).sorted(by: { $0.key < $1.key }) {
            lines[index].kept = false
            records.append(CleaningRecord(
                action: .removed, rule: removal.rule, lines: LineRange(line: lines[index].number), text: lines[index].original, detail: removal.detail
            ))
        }
    }

    /// A line that is nothing but a web address is the source's address, not its text.
    private func moveURLLines(_ lines: inout [WorkLine], fields: inout [HeaderField], records: inout [CleaningRecord]) {
        for index in lines.indices where lines[index].kept && !lines[index].isBlank {
            let text = lines[index].text
            guard text.hasPrefix("http") || text.hasPrefix("www.") || text.hasPrefix("HTTP") || text.hasPrefix("WWW."),
                  urlLine.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil else { continue }
            let range = LineRange(line: lines[index].number)
            lines[index].kept = false
            fields.append(HeaderField(kind: .url, value: text, lines: range))
            records.append(CleaningRecord(action: .movedToHeader, rule: "url-line", lines: range, text: lines[index].original))
        }
    }

    /// A line printed twice in a row (blank lines between) is a page template's doing.
    private func removeRepeatedLines(_ lines: inout [WorkLine], records: inout [CleaningRecord]) {
        var previous: Int?
        for index in lines.indices where lines[index].kept && !lines[index].isBlank {
            if let previous, lines[previous].text == lines[index].text, lines[previous].kind == lines[index].kind {
                lines[index].kept = false
                records.append(CleaningRecord(action: .removed, rule: "repeated-line", lines: LineRange(line: lines[index].number), text: lines[index].original))
                continue
            }
            previous = index
        }
    }
}

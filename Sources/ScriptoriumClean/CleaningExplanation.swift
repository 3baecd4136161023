import ScriptoriumModel

/// What became of each input line, told from the cleaner's own records: what `scriptorium
/// explain` prints so an archivist can see, and contest, every decision.
public struct CleaningExplanation: Sendable {
    /// The fate of one input line.
    public enum Fate: String, Sendable {
        case kept, repaired, removed, blank
        case movedToHeader = "moved-to-header"
    }

    /// One input line with its fate and the decisions that touched it.
    public struct Line: Sendable {
        public var number: Int
        public var text: String
        public var fate: Fate
        /// Rule ids with the classifier's evidence where there is some, in the order applied.
        public var reasons: [String]
    }

    public var lines: [Line]

    /// Lines of `text` (the decoded source) explained by `cleaned`, the cleaner's result for it.
    public init(text: String, cleaned: CleanedSource) {
        let kept = Set(cleaned.lines.map(\.number))
        var byLine: [Int: [CleaningRecord]] = [:]
        for record in cleaned.records {
            for number in record.lines.first...record.lines.last { byLine[number, default: []].append(record) }
        }
        var lines: [Line] = []
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            let records = byLine[number] ?? []
            let reasons = records.map { record in record.detail.map { "\(record.rule) (\($0))" } ?? record.rule }
            let fate: Fate
            if raw.allSatisfy(\.isWhitespace) {
                fate = .blank
            } else if let decisive = records.last(where: { $0.action != .repaired }) {
                fate = decisive.action == .movedToHeader ? .movedToHeader : .removed
            } else if kept.contains(number) {
                fate = records.isEmpty ? .kept : .repaired
            } else {
                // A repair emptied the line (only invisible characters or debris were on it).
                fate = records.isEmpty ? .blank : .repaired
            }
            lines.append(Line(number: number, text: String(raw), fate: fate, reasons: reasons))
        }
        if lines.count > 1, lines.last?.text.isEmpty == true { lines.removeLast() }
        self.lines = lines
    }

    /// One line per input line: number, fate, reasons, then the text (shortened).
    public func rendered(width: Int = 100) -> String {
        lines.map { line in
            let text = line.text.count > width ? String(line.text.prefix(width)) + "…" : line.text
            let reasons = line.reasons.isEmpty ? "" : "  [" + line.reasons.joined(separator: "; ") + "]"
            return "\(line.number)\t\(line.fate.rawValue)\(reasons)\n\t| \(text)"
        }.joined(separator: "\n")
    }
}

import Foundation
import ScriptoriumModel
import ScriptoriumText

/// Finds labelled fields ("Citation:", "Last updated: 12/04/2023", "Record ID") and moves their
/// values to the header; a label with no value before the next label or the end is removed.
///
/// A label stands alone on its line (with or without a colon) and its value is the next
/// paragraph, or it starts a line and its value follows the colon on the same line.
struct FieldExtractor {
    let rules: CleaningRules
    /// Characters in the longest label: no line needs to be looked at further than this.
    private let longestLabel: Int

    init(rules: CleaningRules) {
        self.rules = rules
        longestLabel = rules.longestLabel
    }

    /// The longest label, in words, worth looking up.
    private static let maximumLabelWords = 5

    func extract(_ lines: inout [WorkLine], fields: inout [HeaderField], records: inout [CleaningRecord]) {
        var index = 0
        while index < lines.count {
            guard lines[index].kept, !lines[index].isBlank, let (field, label, inlineValue) = labelled(lines[index].text) else {
                index += 1
                continue
            }
            if let inlineValue, !inlineValue.isEmpty {
                // The value runs on over hard-broken continuation lines.
                var last = index
                var value = inlineValue
                while lines[last].continues, last + 1 < lines.count, !lines[last + 1].isBlank {
                    last += 1
                    value += " " + lines[last].text
                }
                move(field: field, label: label, value: value, range: index...last, lines: &lines, fields: &fields, records: &records)
                index = last + 1
                continue
            }
            // A label alone: its value is the next paragraph, unless a label or a heading comes first.
            var start = index + 1
            while start < lines.count, lines[start].kept == false || lines[start].isBlank { start += 1 }
            let valueAbsent = start >= lines.count || labelled(lines[start].text) != nil || isHeading(lines[start])
            if valueAbsent {
                lines[index].kept = false
                records.append(CleaningRecord(action: .removed, rule: "field.empty.\(field.id)", lines: LineRange(line: lines[index].number), text: lines[index].original))
                index += 1
                continue
            }
            var end = start
            while end + 1 < lines.count, lines[end + 1].kept, !lines[end + 1].isBlank, labelled(lines[end + 1].text) == nil { end += 1 }
            let value = lines[start...end].filter(\.kept).map(\.text).joined(separator: " ")
            lines[index].kept = false
            records.append(CleaningRecord(action: .movedToHeader, rule: "field.label.\(field.id)", lines: LineRange(line: lines[index].number), text: lines[index].original))
            move(field: field, label: label, value: value, range: start...end, lines: &lines, fields: &fields, records: &records)
            index = end + 1
        }
    }

    private func move(
        field: FieldLabel, label: String, value: String, range: ClosedRange<Int>, lines: inout [WorkLine],
        fields: inout [HeaderField], records: inout [CleaningRecord]
    ) {
        let lineRange = LineRange(lines[range.lowerBound].number, lines[range.upperBound].number)
        fields.append(HeaderField(kind: field.kind, label: label, value: value, lines: lineRange))
        let original = lines[range].filter(\.kept).map(\.original).joined(separator: "\n")
        records.append(CleaningRecord(action: .movedToHeader, rule: "field.\(field.id)", lines: lineRange, text: original))
        for position in range { lines[position].kept = false }
    }

    private func isHeading(_ line: WorkLine) -> Bool {
        if case .heading = line.kind { return true }
        return false
    }

    /// The field a line is the label of, the label as printed, and the value after the colon
    /// (nil when the line is only the label).
    func labelled(_ text: String) -> (FieldLabel, String, String?)? {
        // Labels are short: look no further than the longest one (most lines end here).
        let limit = longestLabel + 2
        guard let colon = text.prefix(limit + 4).firstIndex(of: ":") else {
            guard text.count <= limit + 4 else { return nil }
            let trimmed = text.trimmedWhitespace
            guard trimmed.split(separator: " ").count <= Self.maximumLabelWords, let field = rules.field(labelled: trimmed) else { return nil }
            return (field, trimmed, nil)
        }
        let label = text[..<colon].trimmedWhitespace
        guard !label.isEmpty, label.count <= limit, label.split(separator: " ").count <= Self.maximumLabelWords,
              let field = rules.field(labelled: label)
        else { return nil }
        let value = text[text.index(after: colon)...].trimmedWhitespace
        return (field, label, value.isEmpty ? nil : value)
    }
}

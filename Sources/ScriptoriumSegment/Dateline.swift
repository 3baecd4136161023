import Foundation
import ScriptoriumText

/// A dateline: where and when a letter, telegram or memorandum was written
/// ("Washington, December 27, 1957—6:47 p.m.", "8 November 1956, Brioni").
struct Dateline {
    var date: DateMention
    var place: String?

    /// Most words a dateline has.
    private static let maximumWords = 14
    /// Most words besides the date: a place and a time.
    private static let maximumOtherWords = 6
    private static let time = try! NSRegularExpression(
        pattern: "\\b\\d{1,2}(?::\\d{2}|\\.\\d{2})?\\s*(?:a\\.\\s?m\\.|p\\.\\s?m\\.|h\\b|Uhr\\b)|\\bnoon\\b|\\bmidnight\\b|\\b\\d{3,4}\\s*(?:Z|GMT|local time)\\b",
        options: [.caseInsensitive])

    /// Day names a dateline may carry beside its date, which are not its place.
    private static let weekdays: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// Reads a dateline, or nil when `text` is not one (the date must name its day).
    init?(_ text: String, dates: DateRecognizer) {
        let words = text.split(whereSeparator: \.isWhitespace).count
        guard words <= Self.maximumWords, let mention = dates.firstPointDate(in: text), mention.value.pointDate?.day != nil else { return nil }
        var rest = String(decoding: Array(text.utf8)[..<mention.range.lowerBound] + Array(text.utf8)[mention.range.upperBound...], as: UTF8.self)
        rest = Self.time.stringByReplacingMatches(in: rest, range: NSRange(rest.startIndex..., in: rest), withTemplate: " ")
        let otherWords = rest.split(whereSeparator: { $0.isWhitespace || ",.;:—–-".contains($0) })
        guard otherWords.count <= Self.maximumOtherWords else { return nil }
        date = mention
        let candidate = otherWords.joined(separator: " ")
        if (1...4).contains(otherWords.count), otherWords.allSatisfy({ $0.first?.isUppercase == true }), !otherWords.contains(where: { Self.weekdays.contains($0.lowercased()) }) {
            place = candidate
        } else {
            place = nil
        }
    }
}

import Foundation
import ScriptoriumModel

/// Splits a block's text into a run: page markers (`[Page 704]`) become page breaks, bracketed
/// insertions become `supplied` or `foreign`, and footnote calls become references.
///
/// A translator's bracket is `supplied` when it fills in words of the translation ("[the
/// problem]", "H[ungarian]") and `foreign` when it keeps a word of the original ("[u nas]").
/// The test is the document itself: words found elsewhere in its text are the translation's
/// language; words found nowhere else are the original's.
struct InlineMarkers {
    /// Lower-cased words of the whole document outside brackets.
    let vocabulary: Set<String>

    static let pageMarker = try! NSRegularExpression(pattern: "\\s?\\[(?:Page|p\\.|Folio|fol\\.)\\s*([0-9]+[rv]?)\\]\\s?", options: [.caseInsensitive])
    private static let bracket = try! NSRegularExpression(pattern: "\\[([^\\[\\]\\n]{1,60})\\]")
    private static let insertionText = try! NSRegularExpression(pattern: "^\\p{L}[\\p{L} .'’-]*$")
    /// Words of running text a block needs around its brackets for them to be insertions.
    private static let minimumRunningWords = 4
    private static let wordPattern = try! NSRegularExpression(pattern: "[\\p{L}]+")

    init(documentText: String) {
        let outside = Self.bracket.stringByReplacingMatches(in: documentText, range: NSRange(documentText.startIndex..., in: documentText), withTemplate: " ")
        vocabulary = Set(Self.words(outside))
    }

    /// The page number when the whole text is one page marker.
    static func pageBreak(only text: String) -> String? {
        let range = NSRange(text.startIndex..., in: text)
        guard let match = pageMarker.firstMatch(in: text, range: range), match.range == range || NSMaxRange(match.range) == range.length && match.range.location == 0,
              let number = Range(match.range(at: 1), in: text) else { return nil }
        return String(text[number])
    }

    /// The run of `text`, with footnote calls at the given UTF-8 offsets (each a number's range).
    func run(_ text: String, noteCalls: [(range: Range<Int>, number: String)] = []) -> Run<String> {
        var markers: [(range: Range<Int>, phrase: Phrase<String>)] = noteCalls.map { ($0.range, .noteReference($0.number)) }
        let whole = NSRange(text.startIndex..., in: text)
        for match in Self.pageMarker.matches(in: text, range: whole) {
            guard let range = Range(match.range, in: text), let number = Range(match.range(at: 1), in: text) else { continue }
            markers.append((utf8Range(range, in: text), .pageBreak(String(text[number]))))
        }
        // Brackets in running text only: a line of bracketed labels is page furniture, not a translation.
        let outside = Self.bracket.stringByReplacingMatches(in: text, range: whole, withTemplate: " ")
        let insertions = Self.words(outside).count >= Self.minimumRunningWords ? Self.bracket.matches(in: text, range: whole) : []
        for match in insertions {
            guard let range = Range(match.range, in: text), let inner = Range(match.range(at: 1), in: text) else { continue }
            let content = String(text[inner])
            guard let phrase = insertion(content, glued: range.lowerBound > text.startIndex && text[text.index(before: range.lowerBound)].isLetter) else { continue }
            markers.append((utf8Range(range, in: text), phrase))
        }
        markers.sort { $0.range.lowerBound < $1.range.lowerBound }
        var phrases: [Phrase<String>] = []
        var cursor = 0
        let utf8 = Array(text.utf8)
        for marker in markers where marker.range.lowerBound >= cursor {
            if marker.range.lowerBound > cursor { phrases.append(.text(String(decoding: utf8[cursor..<marker.range.lowerBound], as: UTF8.self))) }
            if case .pageBreak = marker.phrase {
                // A marker between words leaves one space: "them [Page 704] regarding" → "them <pb/>regarding".
                if let last = phrases.last, case .text(let previous) = last, !previous.hasSuffix(" "), marker.range.upperBound < utf8.count {
                    phrases[phrases.count - 1] = .text(previous + " ")
                }
            }
            phrases.append(marker.phrase)
            cursor = marker.range.upperBound
        }
        if cursor < utf8.count { phrases.append(.text(String(decoding: utf8[cursor...], as: UTF8.self))) }
        return Run(phrases.isEmpty ? [.text(text)] : phrases)
    }

    /// What a bracketed insertion is, or nil when the brackets are not a translator's
    /// (a page marker, a footnote number, an ellipsis, a form field).
    private func insertion(_ content: String, glued: Bool) -> Phrase<String>? {
        let trimmed = content.trimmingCharacters(in: .whitespaces)
        guard Self.insertionText.firstMatch(in: trimmed, range: NSRange(trimmed.startIndex..., in: trimmed)) != nil,
              trimmed.split(separator: " ").count <= 5
        else { return nil }
        if glued || trimmed.hasPrefix("i.e.") || trimmed.hasPrefix("sic") { return .supplied(content) }
        let words = Self.words(trimmed)
        guard !words.isEmpty else { return nil }
        let known = words.filter { vocabulary.contains($0) }.count
        return known * 2 >= words.count ? .supplied(content) : .foreign(content)
    }

    private static func words(_ text: String) -> [String] {
        wordPattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { Range($0.range, in: text).map { text[$0].lowercased() } }
    }

    private func utf8Range(_ range: Range<String.Index>, in text: String) -> Range<Int> {
        text.utf8.distance(from: text.startIndex, to: range.lowerBound)..<text.utf8.distance(from: text.startIndex, to: range.upperBound)
    }
}

import Foundation
import ScriptoriumModel
import ScriptoriumText

/// Takes the Markdown that scrapers leave in text (`## `, `**`, `*…*`, `\_`, `$…$`, `<https://…>`,
/// `- 1.`) out of a line, keeping what it meant: a heading level, a list label, a hard line break.
struct MarkdownDebris: Sendable {
    struct Result: Sendable {
        var text: String
        var kind: LineKind
        var continues: Bool
        /// Which pieces of markup were taken out (rule ids).
        var changes: [String]
    }

    private static func regex(_ pattern: String) -> NSRegularExpression {
        // Constant patterns: a failure to compile is a programming error caught by the tests.
        try! NSRegularExpression(pattern: pattern)
    }

    private let hardBreak = regex("(?: {2,}|\\\\)$")
    private let heading = regex("^(#{1,6})\\s+(.*?)(?:\\s+#+)?$")
    private let labelledBullet = regex("^[-*+•]\\s+(\\d{1,3}|[a-zA-Z])[.)]\\s+(\\S.*)$")
    private let bullet = regex("^[-*+•]\\s+(\\S.*)$")
    private let numbered = regex("^(\\d{1,3})[.)]\\s+(\\S.*)$")
    private let escape = regex("\\\\([\\\\`*_{}\\[\\]()#+\\-.!$<>|])")
    private let strong = regex("\\*\\*(?=\\S)(.+?)(?<=\\S)\\*\\*|__(?=\\S)(.+?)(?<=\\S)__")
    private let emphasis = regex("(?<![\\p{L}\\p{N}*])\\*(?=\\S)(.+?)(?<=\\S)\\*(?![\\p{L}\\p{N}*])|(?<![\\p{L}\\p{N}_])_(?=\\S)(.+?)(?<=\\S)_(?![\\p{L}\\p{N}_])")
    private let strayStrong = regex("\\*\\*|__")
    private let dollarURL = regex("\\$\\s*((?:https?://|www\\.)[^$\\s]+)\\s*\\$")
    private let dollarLine = regex("^\\$(\\S(?:.*\\S)?)\\$$")
    private let autolink = regex("<((?:https?|ftp)://[^>\\s]+)>")
    private let inlineLink = regex("\\[([^\\]\\n]+)\\]\\(((?:https?://|/|#)[^)\\s]*)\\)")

    /// The private-use plane that stands in for escaped characters while emphasis is parsed.
    private static let escapeBase: UInt32 = 0xF0000

    func clean(_ raw: String) -> Result {
        var changes: [String] = []
        var text = raw
        var continues = false
        // Cheap character checks guard every pattern: most lines hold no Markdown at all, and
        // each regular-expression call on Linux copies the line into an NSString.
        if text.hasSuffix("  ") || text.hasSuffix("\\"), replace(hardBreak, in: &text, with: "") {
            continues = true
        }
        text = text.trimmedWhitespace
        var kind = LineKind.text
        if text.isEmpty { return Result(text: "", kind: .blank, continues: false, changes: []) }

        let first = text.first!
        if first == "#", let match = firstMatch(heading, in: text) {
            kind = .heading(level: match[1].count)
            text = match[2]
            changes.append("markdown.heading")
        } else if "-*+•".contains(first), let match = firstMatch(labelledBullet, in: text) {
            kind = .listItem(label: match[1])
            text = match[2]
            changes.append("markdown.list")
        } else if "-*+•".contains(first), let match = firstMatch(bullet, in: text) {
            kind = .listItem(label: nil)
            text = match[1]
            changes.append("markdown.list")
        } else if first.isASCII && first.isNumber, let match = firstMatch(numbered, in: text) {
            kind = .listItem(label: match[1])
            text = match[2]
        }

        var markup = Set<Character>()
        for character in text where "\\$<[*_".contains(character) { markup.insert(character) }
        guard !markup.isEmpty else { return Result(text: text, kind: kind, continues: continues, changes: changes) }

        if markup.contains("\\") { text = hideEscapes(text) }
        if markup.contains("$"), replace(dollarURL, in: &text, with: "$1") || replace(dollarLine, in: &text, with: "$1") {
            changes.append("markdown.math-delimiters")
        }
        if markup.contains("<"), replace(autolink, in: &text, with: "$1") { changes.append("markdown.autolink") }
        if markup.contains("["), replace(inlineLink, in: &text, with: "$1") { changes.append("markdown.link") }
        if markup.contains("*") || markup.contains("_") {
            var emphasised = false
            while replace(strong, in: &text, with: "$1$2") { emphasised = true }
            while replace(emphasis, in: &text, with: "$1$2") { emphasised = true }
            if replace(strayStrong, in: &text, with: "") { emphasised = true }
            if emphasised { changes.append("markdown.emphasis") }
        }
        if markup.contains("\\") {
            let restored = restoreEscapes(text)
            if restored != text { changes.append("markdown.escape") }
            text = restored
        }
        text = text.trimmedWhitespace
        if text.isEmpty { kind = .blank }
        return Result(text: text, kind: kind, continues: continues, changes: changes)
    }

    private func hideEscapes(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        let range = NSRange(text.startIndex..., in: text)
        var result = ""
        var last = text.startIndex
        for match in escape.matches(in: text, range: range) {
            guard let whole = Range(match.range, in: text), let char = Range(match.range(at: 1), in: text) else { continue }
            result += text[last..<whole.lowerBound]
            let scalar = text[char].unicodeScalars.first!
            result.unicodeScalars.append(Unicode.Scalar(Self.escapeBase + scalar.value)!)
            last = whole.upperBound
        }
        result += text[last...]
        return result
    }

    private func restoreEscapes(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value >= Self.escapeBase && scalar.value < Self.escapeBase + 0x80 {
                result.append(Unicode.Scalar(scalar.value - Self.escapeBase)!)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    private func firstMatch(_ expression: NSRegularExpression, in text: String) -> [String]? {
        guard let match = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (0..<match.numberOfRanges).map { index in
            Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
        }
    }

    @discardableResult
    private func replace(_ expression: NSRegularExpression, in text: inout String, with template: String) -> Bool {
        let range = NSRange(text.startIndex..., in: text)
        guard expression.firstMatch(in: text, range: range) != nil else { return false }
        text = expression.stringByReplacingMatches(in: text, range: range, withTemplate: template)
        return true
    }
}

import Foundation
import ScriptoriumText

/// Takes from a title what is not the title: a document number ("280. "), a footnote call
/// glued to its last word ("…United Nations1"), a date standing before it ("1956 November 4th
/// Soviet troops…", "1956: Hungarians rise up…") and a site name after a bar ("… | BBC").
struct TitleText {
    let dates: DateRecognizer

    private static let documentNumber = try! NSRegularExpression(pattern: "^\\d{1,4}\\.\\s+(?=\\p{Lu})")
    private static let gluedCall = try! NSRegularExpression(pattern: "(?<=[\\p{Ll})\\]”\"’])\\d{1,2}$")
    /// A call glued to a closing year: "…November 5, 19561".
    private static let callAfterYear = try! NSRegularExpression(pattern: "(?<=, (?:1[0-9]{3}|20[0-9]{2}))\\d{1,2}$")
    private static let siteSuffix = try! NSRegularExpression(pattern: "\\s+\\|\\s+[^|]{1,40}$")
    private static let dateSeparator = try! NSRegularExpression(pattern: "^[\\s:,.–—-]+")
    /// Words the rest of a title must keep for a leading date to be taken off.
    private static let minimumWords = 3

    /// The heading as printed, without the footnote call glued to its end.
    func withoutCall(_ heading: String) -> String {
        replacing(Self.callAfterYear, in: replacing(Self.gluedCall, in: heading.trimmingCharacters(in: .whitespaces)))
    }

    func clean(_ title: String) -> String {
        // A catalogue title has plain spaces: no-break spaces and runs of white space are one space.
        var text = withoutCall(title).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        text = replacing(Self.documentNumber, in: text)
        let withoutSite = replacing(Self.siteSuffix, in: text)
        if withoutSite.split(separator: " ").count >= Self.minimumWords { text = withoutSite }
        if let mention = dates.mentions(in: text).first, mention.range.lowerBound == 0 {
            let rest = String(decoding: Array(text.utf8)[mention.range.upperBound...], as: UTF8.self)
            let trimmed = replacing(Self.dateSeparator, in: rest)
            if trimmed.split(separator: " ").count >= Self.minimumWords, trimmed.first?.isUppercase == true { text = trimmed }
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    private func replacing(_ expression: NSRegularExpression, in text: String) -> String {
        expression.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "")
    }
}

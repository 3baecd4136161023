import Foundation

/// What a document's title looks like, so that a later line of the same look can be told apart
/// from a subheading: on a page of several articles, each title is dressed alike
/// ("1956: Hungarians rise up…", "1956: Fighting spreads…"), while subheadings are not.
struct TitleShape: Equatable {
    /// The title starts with a year ("1956:", "1956 November 4th").
    var startsWithYear: Bool
    /// The Markdown heading level it was marked with, if any.
    var headingLevel: Int?

    private static let leadingYear = try! NSRegularExpression(pattern: "^(?:1[0-9]|20)\\d{2}\\b(?![.,/-]\\d)")

    init(_ block: TextBlock) {
        let text = block.text
        startsWithYear = Self.leadingYear.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        if case .heading(let level) = block.kind { headingLevel = level } else { headingLevel = nil }
    }

    /// Whether `other` is dressed as a title of the same kind as this one. A plain short line is
    /// not: it needs a distinctive mark (a leading year, or a heading level) shared with the first title.
    func matches(_ other: TitleShape) -> Bool {
        if startsWithYear { return other.startsWithYear && (headingLevel == nil || headingLevel == other.headingLevel) }
        if let headingLevel { return other.headingLevel == headingLevel && !other.startsWithYear == !startsWithYear }
        return false
    }
}

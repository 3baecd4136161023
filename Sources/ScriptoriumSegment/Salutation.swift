import Foundation

/// The formulas that open and close letters and telegrams ("Dear comrades!", "Your
/// Excellency,", "Sincerely yours,", "With a comradely greeting").
enum Salutation {
    /// Most words an opening or closing formula has.
    private static let maximumWords = 10

    private static let opening = try! NSRegularExpression(
        pattern: "^(?:(?:My )?Dear\\b|Your (?:Excellency|Majesty|Holiness)\\b|Excellency\\b|Mr\\.? (?:President|Secretary|Chairman|Ambassador)\\b|Madam\\b|Sir\\b|Sirs\\b|Gentlemen\\b|Comrades?\\b|Dear comrades?\\b|Sehr geehrte|Liebe|Cher|Chère|Monsieur|Madame|Estimad)",
        options: [])
    private static let closing = try! NSRegularExpression(
        pattern: "^(?:(?:Very |Most )?(?:Sincerely|Faithfully|Respectfully|Cordially|Truly)(?: yours)?|Yours(?: (?:sincerely|faithfully|truly|very truly|respectfully|ever))?|With (?:a |my |our )?(?:comradely|best|kind|kindest|warm|warmest|fraternal|sincere|deep|highest)? ?(?:greetings?|regards|wishes|respect|esteem)|(?:Best|Kind|Warm|Warmest) (?:regards|wishes)|Regards|Mit (?:freundlichen|besten) Grüßen|Avec mes salutations)\\b",
        options: [.caseInsensitive])

    /// An opening salutation standing alone.
    static func isOpening(_ text: String) -> Bool {
        guard words(text) <= maximumWords, let last = text.last, ",!:".contains(last) || words(text) <= 3 else { return false }
        return matches(opening, text)
    }

    /// A closing formula standing alone.
    static func isClosing(_ text: String) -> Bool {
        words(text) <= maximumWords && !text.hasSuffix(".") && matches(closing, text)
    }

    private static func words(_ text: String) -> Int { text.split(whereSeparator: \.isWhitespace).count }

    private static func matches(_ expression: NSRegularExpression, _ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}

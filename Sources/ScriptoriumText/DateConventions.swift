import ScriptoriumModel

/// What the reader of a source knows that a date expression does not say.
public struct DateConventions: Sendable, Hashable {
    /// The year of the document, for "30 October" and two-digit years; never today's.
    public var referenceYear: Int?
    /// Whether `12/04/2023` means 12 April (most of the world) rather than December 4 (US).
    public var dayFirst: Bool

    public init(referenceYear: Int? = nil, dayFirst: Bool = true) {
        self.referenceYear = referenceYear
        self.dayFirst = dayFirst
    }

    /// Expands a two-digit year to the century closest to the reference year; nil without one.
    func expand(twoDigitYear: Int) -> Int? {
        guard let referenceYear else { return nil }
        let century = referenceYear - referenceYear % 100
        let candidates = [century - 100 + twoDigitYear, century + twoDigitYear, century + 100 + twoDigitYear]
        return candidates.min { abs($0 - referenceYear) < abs($1 - referenceYear) }
    }
}

/// A date expression found in a text.
public struct DateMention: Sendable, Hashable {
    /// Where it is, as UTF-8 offsets into the text searched.
    public var range: Range<Int>
    public var text: String
    public var value: DateValue

    public init(range: Range<Int>, text: String, value: DateValue) {
        self.range = range
        self.text = text
        self.value = value
    }
}

/// A calendar date known to the precision the source gives: a year, a month, or a day.
///
/// "1956-11" says November 1956 and nothing more; inventing a day would be a cataloguing error.
public struct PartialDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int?
    public var day: Int?

    /// Returns nil for impossible dates (month 13, 31 April, 29 February 1957, a day without a month).
    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1...9999).contains(year) else { return nil }
        if let month {
            guard (1...12).contains(month) else { return nil }
            if let day {
                guard (1...PartialDate.daysIn(month: month, year: year)).contains(day) else { return nil }
            }
        } else if day != nil {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// ISO 8601 at the known precision: `1956`, `1956-11`, `1956-11-04`.
    public var iso: String {
        var text = zeroPadded(year, width: 4)
        if let month { text += "-" + zeroPadded(month, width: 2) }
        if let day { text += "-" + zeroPadded(day, width: 2) }
        return text
    }

    public var description: String { iso }

    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// What a date expression in the text means, in the forms TEI's dating attributes take.
public enum DateValue: Hashable, Sendable, Codable {
    /// A point at some precision: `@when`.
    case when(PartialDate)
    /// A day of a month whose year nobody stated: `@when="--11-04"`.
    case monthDay(month: Int, day: Int)
    /// A period known only by its bounds: `@notBefore` / `@notAfter` ("the 1960s").
    case within(notBefore: PartialDate, notAfter: PartialDate)
    /// An explicit range: `@from` / `@to`.
    case range(from: PartialDate, to: PartialDate)

    /// The dating attributes in document order, ready for the TEI writer.
    public var attributes: [(name: String, value: String)] {
        switch self {
        case .when(let date): return [("when", date.iso)]
        case .monthDay(let month, let day): return [("when", "--" + zeroPadded(month, width: 2) + "-" + zeroPadded(day, width: 2))]
        case .within(let low, let high): return [("notBefore", low.iso), ("notAfter", high.iso)]
        case .range(let from, let to): return [("from", from.iso), ("to", to.iso)]
        }
    }

    /// The point date, when this value is one.
    public var pointDate: PartialDate? {
        if case .when(let date) = self { return date }
        return nil
    }
}

/// Zero-padded decimal digits, as ISO 8601 writes years, months and days.
func zeroPadded(_ value: Int, width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

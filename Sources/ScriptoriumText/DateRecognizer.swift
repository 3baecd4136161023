import Foundation
import ScriptoriumModel

/// Finds date expressions in running text and says what they mean, at the precision written.
///
/// One pass of one compiled pattern whose alternatives are tried in order, most specific
/// first, so "4 November 1956" is one date and not "4 November" plus "1956".
public struct DateRecognizer: Sendable {
    private let expression: NSRegularExpression

    public init() {
        let months = "(?i:\(MonthNames.alternation))"
        let capitalMonths = "(?:\(MonthNames.capitalisedAlternation))"
        let day = "[0-3]?\\d(?:st|nd|rd|th|er|\\.)?"
        let year = "1\\d{3}|20\\d{2}"
        let dash = "\\s*[-–]\\s*"
        let alternatives = [
            // 4-10 November 1956, 23 to 25 October 1956
            "(?<rgD1>[0-3]?\\d)(?:st|nd|rd|th)?(?:\(dash)|\\s+(?:to|and)\\s+)(?<rgD2>[0-3]?\\d)(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?<rgM>\(capitalMonths)),?\\s+(?<rgY>\(year))(?!\\d)",
            // October 23-25, 1956
            "(?<rmM>\(capitalMonths))\\s+(?<rmD1>[0-3]?\\d)\(dash)(?<rmD2>[0-3]?\\d),?\\s+(?<rmY>\(year))(?!\\d)",
            // 4 November 1956, 4th of November, 1956, 4 de noviembre de 1956, 4. November 1956
            "(?<dmyD>\(day))\\s+(?:of\\s+|de\\s+)?(?<dmyM>\(months)),?\\s+(?:de\\s+)?(?<dmyY>\(year))(?!\\d)",
            // November 4, 1956; November 2nd 1956
            "(?<mdyM>\(capitalMonths))\\s+(?<mdyD>[0-3]?\\d)(?:st|nd|rd|th)?,?\\s+(?<mdyY>\(year))(?!\\d)",
            // 1956 November 4th (a year-first heading)
            "(?<ymdY>\(year))\\s+(?<ymdM>\(capitalMonths))\\s+(?<ymdD>[0-3]?\\d)(?:st|nd|rd|th)?(?![\\d\\p{L}])",
            // ISO 1956-11-04
            "(?<isoY>\(year))-(?<isoM>[01]\\d)-(?<isoD>[0-3]\\d)(?!\\d)",
            // 1955–1957
            "(?<yrA>\(year))\(dash)(?<yrB>\(year))(?![\\d-])",
            // 1.11.56, 01.11.1956
            "(?<numD>[0-3]?\\d)\\.(?<numM>[01]?\\d)\\.(?<numY>\\d{4}|\\d{2})(?![\\d.]\\d)",
            // 12/04/2023
            "(?<slA>[0-3]?\\d)/(?<slB>[0-3]?\\d)/(?<slY>\(year))(?!\\d)",
            // November 1956, June, 1958
            "(?<myM>\(capitalMonths)),?\\s+(?<myY>\(year))(?!\\d)",
            // 30 October, 23rd October
            "(?<dmD>[0-3]?\\d(?:st|nd|rd|th)?)\\s+(?:of\\s+)?(?<dmM>\(capitalMonths))(?![\\p{L}])",
            // November 1st
            "(?<mdM>\(capitalMonths))\\s+(?<mdD>[0-3]?\\d)(?:st|nd|rd|th)?(?![\\d\\p{L}])",
            // the 1960s
            "(?<decade>1[0-9]\\d0|20\\d0)s(?!\\p{L})",
            // (1956)
            "(?<=\\()(?<parenY>\(year))(?=\\))",
            // in 1956, since 1989, by 1991
            "(?<=\\b(?:in|In|since|Since|until|Until|till|by|By|from|From|during|During|before|Before|after|After|around|circa|of|year|summer|autumn|spring|winter|early|late|mid-)\\s)(?<ctxY>\(year))(?![\\d,.]\\d|\\p{L})",
            // 1956: Hungarians rise up (a year heading a line)
            "^(?<headY>\(year))(?=:\\s)",
        ]
        let pattern = "(?<![\\p{L}\\d])(?:" + alternatives.joined(separator: "|") + ")"
        // The pattern is built from constants above; failing to compile is a programming error.
        expression = try! NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
    }

    /// Every date in `text`, left to right, never overlapping.
    public func mentions(in text: String, conventions: DateConventions = DateConventions()) -> [DateMention] {
        // Every form it knows has a digit; most paragraphs of a page have none.
        guard text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return [] }
        let whole = NSRange(text.startIndex..., in: text)
        var found: [DateMention] = []
        var previous = (index: text.startIndex, offset: 0)
        for match in expression.matches(in: text, range: whole) {
            guard let value = value(of: match, in: text, conventions: conventions),
                  let range = Range(match.range, in: text)
            else { continue }
            // Offsets counted on from the previous match: linear in the text, not quadratic.
            let start = previous.offset + text.utf8.distance(from: previous.index, to: range.lowerBound)
            let end = start + text.utf8.distance(from: range.lowerBound, to: range.upperBound)
            previous = (range.upperBound, end)
            found.append(DateMention(range: start..<end, text: String(text[range]), value: value))
        }
        return found
    }

    /// The first date in `text` that is a point in time (not a bare month and day), if any.
    public func firstPointDate(in text: String, conventions: DateConventions = DateConventions()) -> DateMention? {
        mentions(in: text, conventions: conventions).first { $0.value.pointDate != nil }
    }

    private func value(of match: NSTextCheckingResult, in text: String, conventions: DateConventions) -> DateValue? {
        func group(_ name: String) -> String? {
            let range = match.range(withName: name)
            guard range.location != NSNotFound, let swiftRange = Range(range, in: text) else { return nil }
            return String(text[swiftRange])
        }
        func number(_ name: String) -> Int? {
            group(name).flatMap { Int($0.filter(\.isNumber)) }
        }
        func point(_ year: Int?, _ month: Int?, _ day: Int?) -> DateValue? {
            guard let year, let date = PartialDate(year: year, month: month, day: day) else { return nil }
            return .when(date)
        }

        if let monthName = group("rgM") ?? group("rmM"), let month = MonthNames.number(of: monthName),
           let year = number("rgY") ?? number("rmY"),
           let first = number("rgD1") ?? number("rmD1"), let last = number("rgD2") ?? number("rmD2") {
            guard first < last, let from = PartialDate(year: year, month: month, day: first),
                  let to = PartialDate(year: year, month: month, day: last) else { return nil }
            return .range(from: from, to: to)
        }
        if let first = number("yrA"), let last = number("yrB") {
            guard first < last, let from = PartialDate(year: first), let to = PartialDate(year: last) else { return nil }
            return .range(from: from, to: to)
        }
        if let monthName = group("dmyM") {
            return point(number("dmyY"), MonthNames.number(of: monthName), number("dmyD"))
        }
        if let monthName = group("mdyM") {
            return point(number("mdyY"), MonthNames.number(of: monthName), number("mdyD"))
        }
        if let monthName = group("ymdM") {
            return point(number("ymdY"), MonthNames.number(of: monthName), number("ymdD"))
        }
        if group("isoY") != nil {
            return point(number("isoY"), number("isoM"), number("isoD"))
        }
        if let yearText = group("numY") {
            guard var year = Int(yearText) else { return nil }
            if yearText.count == 2 {
                guard let expanded = conventions.expand(twoDigitYear: year) else { return nil }
                year = expanded
            }
            return point(year, number("numM"), number("numD"))
        }
        if let first = number("slA"), let second = number("slB") {
            let dayFirst = first > 12 ? true : (second > 12 ? false : conventions.dayFirst)
            return dayFirst ? point(number("slY"), second, first) : point(number("slY"), first, second)
        }
        if let monthName = group("myM") {
            return point(number("myY"), MonthNames.number(of: monthName), nil)
        }
        if let monthName = group("dmM") ?? group("mdM") {
            guard let month = MonthNames.number(of: monthName), let day = number("dmD") ?? number("mdD"), day >= 1 else { return nil }
            if let year = conventions.referenceYear { return point(year, month, day) }
            guard (1...PartialDate.daysIn(month: month, year: 2000)).contains(day) else { return nil }
            return .monthDay(month: month, day: day)
        }
        if let decade = number("decade") {
            guard let low = PartialDate(year: decade), let high = PartialDate(year: decade + 9) else { return nil }
            return .within(notBefore: low, notAfter: high)
        }
        if let year = number("parenY") ?? number("ctxY") ?? number("headY") {
            return point(year, nil, nil)
        }
        return nil
    }
}

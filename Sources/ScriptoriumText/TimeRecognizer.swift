import Foundation
import ScriptoriumModel

/// Finds times of day: "7 p.m.", "6:47 p.m.", "0515 local time", "1200GMT", and spans such as
/// "between 0400 and 0800 local time".
///
/// Four-digit military times are taken only with a cue ("local time", "hours", "GMT"), which
/// belongs to the expression, so "in 1956" is never a quarter to eight.
public struct TimeRecognizer: Sendable {
    private let expression: NSRegularExpression

    public init() {
        let military = "(?:[01]\\d|2[0-4])[0-5]\\d"
        let cue = "\\s?(?:GMT|UTC|Z\\b|hours\\b|hrs\\b)|\\s+local\\s+time\\b"
        let meridiem = "(?:a\\.m\\.|p\\.m\\.|a\\.m\\b|p\\.m\\b|am\\b|pm\\b|A\\.M\\.|P\\.M\\.)"
        let alternatives = [
            // between 0400 and 0800 local time
            "(?:between|from)\\s+(?<spanA>\(military))\\s*(?:and|to|-|–)\\s*(?<spanB>\(military))(?:\(cue))",
            // 6:47 p.m., 7.30 pm
            "(?<clH>[01]?\\d)[:.](?<clM>[0-5]\\d)\\s?(?<clAP>\(meridiem))",
            // 7 p.m.
            "(?<hH>1[0-2]|0?[1-9])\\s?(?<hAP>\(meridiem))",
            // 18:30 hours, 18.30 Uhr
            "(?<h24H>[01]?\\d|2[0-3])[:](?<h24M>[0-5]\\d)(?=\\s?(?:h\\b|hours\\b|Uhr\\b|GMT|UTC))",
            // 0515 local time, 1200GMT
            "(?<milT>\(military))(?:\(cue))",
        ]
        let pattern = "(?<![\\p{L}\\d:.])(?:" + alternatives.joined(separator: "|") + ")"
        // Built from constants above; failing to compile is a programming error.
        expression = try! NSRegularExpression(pattern: pattern)
    }

    /// Every time in `text`, left to right, never overlapping; UTF-8 offsets.
    public func mentions(in text: String) -> [TimeMention] {
        guard text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return [] }  // every time has a digit
        let whole = NSRange(text.startIndex..., in: text)
        var found: [TimeMention] = []
        var previous = (index: text.startIndex, offset: 0)
        for match in expression.matches(in: text, range: whole) {
            guard let value = value(of: match, in: text), let range = Range(match.range, in: text) else { continue }
            // Offsets counted on from the previous match: linear in the text, not quadratic.
            let start = previous.offset + text.utf8.distance(from: previous.index, to: range.lowerBound)
            let end = start + text.utf8.distance(from: range.lowerBound, to: range.upperBound)
            previous = (range.upperBound, end)
            found.append(TimeMention(range: start..<end, text: String(text[range]), value: value))
        }
        return found
    }

    private func value(of match: NSTextCheckingResult, in text: String) -> TimeValue? {
        func group(_ name: String) -> String? {
            let range = match.range(withName: name)
            guard range.location != NSNotFound, let swiftRange = Range(range, in: text) else { return nil }
            return String(text[swiftRange])
        }
        func military(_ digits: String?) -> ClockTime? {
            guard let digits, let number = Int(digits) else { return nil }
            return ClockTime(hour: number / 100, minute: number % 100)
        }
        func twelveHour(_ hour: String?, _ minute: String?, _ meridiem: String?) -> ClockTime? {
            guard let hour = hour.flatMap({ Int($0) }), (1...12).contains(hour), let meridiem else { return nil }
            let afternoon = meridiem.lowercased().hasPrefix("p")
            return ClockTime(hour: hour % 12 + (afternoon ? 12 : 0), minute: minute.flatMap { Int($0) } ?? 0)
        }
        if let from = military(group("spanA")), let to = military(group("spanB")) {
            return .between(from, to)
        }
        if let time = twelveHour(group("clH"), group("clM"), group("clAP")) ?? twelveHour(group("hH"), nil, group("hAP")) {
            return .at(time)
        }
        if let hour = group("h24H").flatMap({ Int($0) }), let minute = group("h24M").flatMap({ Int($0) }),
           let time = ClockTime(hour: hour, minute: minute) {
            return .at(time)
        }
        return military(group("milT")).map { .at($0) }
    }
}

/// A time expression found in a text.
public struct TimeMention: Sendable, Hashable {
    /// UTF-8 offsets into the text searched.
    public var range: Range<Int>
    public var text: String
    public var value: TimeValue

    public init(range: Range<Int>, text: String, value: TimeValue) {
        self.range = range
        self.text = text
        self.value = value
    }
}

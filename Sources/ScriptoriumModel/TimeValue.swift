/// A time of day to the minute, as the text gives it.
public struct ClockTime: Sendable, Hashable, Comparable {
    public var hour: Int
    public var minute: Int

    /// Returns nil for impossible times (25:00, 10:61); 24:00 is read as midnight's 00:00.
    public init?(hour: Int, minute: Int) {
        guard (0...24).contains(hour), (0...59).contains(minute), hour < 24 || minute == 0 else { return nil }
        self.hour = hour % 24
        self.minute = minute
    }

    /// `xsd:time`, the form TEI's `time/@when` takes: `19:00:00`.
    public var iso: String {
        zeroPadded(hour, width: 2) + ":" + zeroPadded(minute, width: 2) + ":00"
    }

    public static func < (lhs: ClockTime, rhs: ClockTime) -> Bool {
        (lhs.hour, lhs.minute) < (rhs.hour, rhs.minute)
    }
}

/// What a time expression means: a moment or a span of the day.
public enum TimeValue: Sendable, Hashable {
    case at(ClockTime)
    case between(ClockTime, ClockTime)

    /// The dating attributes in document order, ready for the TEI writer.
    public var attributes: [(name: String, value: String)] {
        switch self {
        case .at(let time): return [("when", time.iso)]
        case .between(let from, let to): return [("from", from.iso), ("to", to.iso)]
        }
    }
}

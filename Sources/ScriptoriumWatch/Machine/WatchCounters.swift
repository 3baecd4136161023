/// What the watcher has done since it started, for `scriptorium status` and the logs.
public struct WatchCounters: Sendable, Hashable, Codable {
    public var received = 0
    public var published = 0
    public var quarantined = 0
    public var duplicates = 0
    public var failed = 0
    public var rescans = 0

    public init() {}
}

import Foundation
import ScriptoriumArchive

/// The running daemon's view of itself, written to `Archive/.work/status.json` every second
/// so `scriptorium status` can show the queue and the last errors without touching the daemon.
public struct WatchStatus: Codable, Sendable, Equatable {
    public struct ErrorLine: Codable, Sendable, Equatable {
        public var time: String
        public var name: String
        public var message: String

        public init(time: String, name: String, message: String) {
            self.time = time
            self.name = name
            self.message = message
        }
    }

    public var format = 1
    public var pid: Int32
    public var started: String
    public var updated: String
    public var inbox: String
    public var jobs: Int
    public var phase: WatchMachine.Phase
    public var counters: WatchCounters
    /// Files seen in the inbox, not yet claimed.
    public var waiting: Int
    public var inFlight: Int
    public var pending: Int
    public var parked: Int
    public var rulesLoaded: String
    /// The most recent errors, newest last (at most `WatchStatus.errorLimit`).
    public var recentErrors: [ErrorLine]

    public static let errorLimit = 10

    public func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try! encoder.encode(self)) + [0x0A]
    }

    public static func read(layout: ArchiveLayout) -> WatchStatus? {
        guard let data = FileManager.default.contents(atPath: layout.watchStatusPath) else { return nil }
        return try? JSONDecoder().decode(WatchStatus.self, from: data)
    }
}

import ScriptoriumIngest
import ScriptoriumPipeline

/// Everything `scriptorium watch` is told: folders, resources and the knobs of the queue.
public struct WatchConfiguration: Sendable {
    public var inbox: String
    public var archive: String
    /// Where rules and schema are read from, at start and again on SIGHUP.
    public var resources: Resources
    /// Documents processed at once (worker threads running the pipeline).
    public var jobs: Int
    /// How long a file must stay unchanged before it is taken, in seconds.
    public var settle: Double
    /// Seconds between full rescans of the inbox (the fallback for missed events).
    public var rescanInterval: Double
    /// Seconds between catalog saves while sources keep arriving (at least).
    public var checkpointInterval: Double
    /// Inputs larger than this are streamed into the archive and quarantined, never read into memory.
    public var sizeLimit: Int

    public init(
        inbox: String, archive: String, resources: Resources, jobs: Int = 2, settle: Double = 0.05,
        rescanInterval: Double = 30, checkpointInterval: Double = 1, sizeLimit: Int = SourceFileReader.defaultSizeLimit
    ) {
        self.inbox = inbox
        self.archive = archive
        self.resources = resources
        self.jobs = max(1, jobs)
        self.settle = settle
        self.rescanInterval = rescanInterval
        self.checkpointInterval = checkpointInterval
        self.sizeLimit = sizeLimit
    }

    /// Claims allowed in flight: enough to keep every worker busy while one claim is being
    /// archived, few enough that a burst never holds more than a handful of files in memory.
    var maxInFlight: Int { jobs * 3 }

    static func nanoseconds(_ seconds: Double) -> UInt64 { UInt64(max(0, seconds) * 1_000_000_000) }
}

/// A file the watcher has taken out of the inbox by renaming it into its own claim folder
/// (`.work/<id>/<name>`), so no other event, scan or process can take it again.
public struct Claim: Sendable, Hashable {
    /// Unique across restarts: the daemon's start time and a counter, in base 36.
    public var id: String
    /// The file name as it arrived (last path component), recorded in the catalog.
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// How the work on one claim ended, as the state machine needs to know it.
public enum ClaimOutcome: Sendable, Hashable {
    case published(documents: Int)
    case quarantined(reason: String)
    /// The bytes were already in the archive under `firstName`.
    case duplicate(firstName: String)
    /// The file changed while it was read: it stays claimed and is looked at again later.
    case changedWhileReading
    /// Reading or an archive write failed; the file stays claimed and is retried at the next rescan.
    case failed(message: String)
}

/// Why a file was looked at.
public enum ObservationOrigin: Sendable, Hashable {
    /// An inotify event named it.
    case event
    /// A start-up, periodic or overflow rescan found it.
    case scan
    /// The check the machine scheduled came due.
    case check
}

/// Everything that can happen to the watcher, as facts the edge reports to the state machine.
/// Times are monotonic nanoseconds, given by the edge so the machine stays pure.
public enum WatchInput: Sendable, Hashable {
    /// A path in the inbox was looked at; nil when it is gone or not a regular file.
    case observed(path: String, FileObservation?, origin: ObservationOrigin, now: UInt64)
    /// The claim rename succeeded.
    case claimed(path: String, Claim)
    /// The claim rename did not happen: the file is gone (another claim won) when `current` is
    /// nil, or it changed since it was found stable.
    case claimFailed(path: String, current: FileObservation?, now: UInt64)
    /// A claim found in the work folder (left by a crash, or parked after a failure).
    case recovered(Claim)
    /// The work on a claim ended.
    case finished(Claim, ClaimOutcome, now: UInt64)
    /// A full rescan is due (timer, queue overflow, or start-up).
    case rescanDue
    /// SIGTERM or SIGINT.
    case shutdownRequested
}

/// What the machine asks the edge to do, in order.
public enum WatchAction: Sendable, Hashable {
    /// Look at `path` again at `deadline` and report `.observed(…, origin: .check)`.
    case scheduleCheck(path: String, deadline: UInt64)
    /// Rename `path` into a new claim folder if it still matches `expected`.
    case claim(path: String, expected: FileSnapshot)
    /// Read, process and archive a claimed file.
    case process(Claim)
    /// Report `.recovered(claim)` again at `deadline` (the file changed while being read).
    case retry(Claim, deadline: UInt64)
    /// Walk the inbox (re-adding watches) and the work folder, reporting what is found.
    case scan
    /// Stop reading inotify and timers: no new file is taken.
    case stopIntake
    /// Nothing is in flight any more: save the catalog and exit.
    case finish
}

/// The watcher's decisions, as a pure state machine: no files, clocks, queues or inotify.
///
/// Why: every rule that keeps a document from being taken half-written, taken twice or lost
/// lives here, where a test can drive it event by event. The edge (`Watcher`) turns inotify
/// events, scans, timers and worker results into `WatchInput`s and carries out the returned
/// `WatchAction`s in order.
///
///     observed ──▶ settling ──(unchanged for `settle`, no writer)──▶ ready ──▶ claiming
///        claimed ──▶ in flight ──finished──▶ (gone)      failed ──▶ parked ──rescan──▶ pending
///
/// A file is *stable* once two looks at least `settle` apart saw the same size, times and inode
/// and no process held it open for writing. At most `maxInFlight` claims are worked on at
/// once; the rest wait in the inbox (the inbox is the queue), so a burst of any size costs
/// one path string per file here and no descriptors.
public struct WatchMachine: Sendable {
    public struct Settings: Sendable, Hashable {
        /// How long a file must stay unchanged before it is taken, in nanoseconds.
        public var settle: UInt64
        /// How many claims may be read, processed or archived at once.
        public var maxInFlight: Int

        public init(settle: UInt64, maxInFlight: Int) {
            self.settle = settle
            self.maxInFlight = max(1, maxInFlight)
        }
    }

    public enum Phase: String, Sendable, Hashable, Codable {
        case running, draining, stopped
    }

    enum Tracked: Sendable, Hashable {
        case settling(FileSnapshot, since: UInt64, checkScheduled: Bool)
        case ready(FileSnapshot)
        case claiming(FileSnapshot)
    }

    public let settings: Settings
    public private(set) var phase: Phase = .running
    public private(set) var counters = WatchCounters()
    var files: [String: Tracked] = [:]
    private var readyPaths = FIFO<String>()
    private var pendingClaims = FIFO<Claim>()
    private var pendingIDs: Set<String> = []
    private var inFlight: [String: Claim] = [:]
    private var parked: [String: Claim] = [:]
    private var claiming = 0

    public init(settings: Settings) {
        self.settings = settings
    }

    // MARK: Queue state, for status and tests

    /// Files seen in the inbox and not yet claimed (settling or ready).
    public var waiting: Int { files.count }
    public var inFlightCount: Int { inFlight.count }
    /// Claims in the work folder waiting for a free slot.
    public var pendingCount: Int { pendingClaims.count }
    /// Claims whose last attempt failed, retried at the next rescan.
    public var parkedCount: Int { parked.count }

    // MARK: Transitions

    public mutating func handle(_ input: WatchInput) -> [WatchAction] {
        switch input {
        case .observed(let path, let observation, let origin, let now):
            return observed(path, observation, origin: origin, now: now)
        case .claimed(let path, let claim):
            claiming -= 1
            files[path] = nil
            counters.received += 1
            if phase == .running {
                inFlight[claim.id] = claim
                return [.process(claim)] + pump()
            }
            // Taken just as shutdown began: it waits in the work folder for the next start.
            return finishIfDrained()
        case .claimFailed(let path, let current, let now):
            claiming -= 1
            files[path] = nil
            var actions: [WatchAction] = []
            if let current, phase == .running {
                actions += observed(path, current, origin: .event, now: now)
            }
            return actions + pump() + finishIfDrained()
        case .recovered(let claim):
            guard phase == .running, inFlight[claim.id] == nil, !pendingIDs.contains(claim.id) else { return [] }
            parked[claim.id] = nil
            pendingIDs.insert(claim.id)
            pendingClaims.append(claim)
            return pump()
        case .finished(let claim, let outcome, let now):
            return finished(claim, outcome, now: now)
        case .rescanDue:
            guard phase == .running else { return [] }
            counters.rescans += 1
            for claim in parked.values.sorted(by: { $0.id < $1.id }) where !pendingIDs.contains(claim.id) {
                pendingIDs.insert(claim.id)
                pendingClaims.append(claim)
            }
            parked = [:]
            return [.scan] + pump()
        case .shutdownRequested:
            guard phase == .running else { return [] }
            phase = .draining
            files = [:]
            readyPaths.removeAll()
            pendingClaims.removeAll()
            pendingIDs = []
            return [.stopIntake] + finishIfDrained()
        }
    }

    private mutating func observed(_ path: String, _ observation: FileObservation?, origin: ObservationOrigin, now: UInt64) -> [WatchAction] {
        guard phase == .running else { return [] }
        let current = files[path]
        if origin == .check, case .settling(let last, let since, _) = current {
            files[path] = .settling(last, since: since, checkScheduled: false)
        }
        guard let observation else {
            // Gone, or not a regular file (any more): forget it unless it is being claimed.
            if let current, case .claiming = current { return [] }
            files[path] = nil
            return []
        }
        let snapshot = observation.snapshot
        switch files[path] {
        case nil:
            files[path] = .settling(snapshot, since: now, checkScheduled: true)
            return [.scheduleCheck(path: path, deadline: now + settings.settle)]
        case .settling(let last, var since, let scheduled):
            if last != snapshot || observation.beingWritten { since = now }
            if !observation.beingWritten && now >= since + settings.settle {
                files[path] = .ready(snapshot)
                readyPaths.append(path)
                return pump()
            }
            files[path] = .settling(snapshot, since: since, checkScheduled: true)
            if scheduled { return [] }
            return [.scheduleCheck(path: path, deadline: max(since + settings.settle, now + settings.settle / 2))]
        case .ready(let known):
            guard known != snapshot || observation.beingWritten else { return [] }
            // Changed after it was found stable: settle again (its place in the queue is dropped).
            files[path] = .settling(snapshot, since: now, checkScheduled: true)
            return [.scheduleCheck(path: path, deadline: now + settings.settle)]
        case .claiming:
            return []
        }
    }

    private mutating func finished(_ claim: Claim, _ outcome: ClaimOutcome, now: UInt64) -> [WatchAction] {
        guard inFlight.removeValue(forKey: claim.id) != nil else { return [] }
        var actions: [WatchAction] = []
        switch outcome {
        case .published: counters.published += 1
        case .quarantined: counters.quarantined += 1
        case .duplicate: counters.duplicates += 1
        case .changedWhileReading:
            if phase == .running { actions.append(.retry(claim, deadline: now + settings.settle)) }
        case .failed:
            counters.failed += 1
            parked[claim.id] = claim
        }
        return actions + pump() + finishIfDrained()
    }

    /// Starts as much work as the in-flight bound allows: recovered claims first (they left the
    /// inbox earliest), then ready inbox files in the order they became stable.
    private mutating func pump() -> [WatchAction] {
        guard phase == .running else { return [] }
        var actions: [WatchAction] = []
        while inFlight.count + claiming < settings.maxInFlight {
            if let claim = pendingClaims.popFirst() {
                pendingIDs.remove(claim.id)
                inFlight[claim.id] = claim
                actions.append(.process(claim))
            } else if let path = readyPaths.popFirst() {
                guard case .ready(let snapshot) = files[path] else { continue }
                files[path] = .claiming(snapshot)
                claiming += 1
                actions.append(.claim(path: path, expected: snapshot))
            } else {
                break
            }
        }
        return actions
    }

    private mutating func finishIfDrained() -> [WatchAction] {
        guard phase == .draining, inFlight.isEmpty, claiming == 0 else { return [] }
        phase = .stopped
        return [.finish]
    }
}

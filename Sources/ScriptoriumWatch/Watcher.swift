import Dispatch
import Foundation
import Logging
import ScriptoriumArchive
import ScriptoriumIngest
import ScriptoriumModel
import ScriptoriumPipeline
#if canImport(Glibc)
import Glibc
#endif

/// The daemon behind `scriptorium watch`: the edge that connects the `WatchMachine` to
/// inotify, timers, signals, worker threads and the archive.
///
///     inotify / rescans / timers ──▶ control queue (WatchMachine) ──claim──▶ .work/<id>/<name>
///        ──▶ worker queue (read, Pipeline.process, at most `jobs` at once)
///        ──▶ archive queue (store, publish or quarantine, journal, remove claim) ──▶ control queue
///
/// Threading: all of this class's mutable state is touched only on `control`; the pipeline
/// runs on `workers`; the archive only on the `ArchiveWorker`'s queue. Hence `@unchecked Sendable`.
public final class Watcher: @unchecked Sendable {
    public let configuration: WatchConfiguration
    private let logger: Logger
    private let control = DispatchQueue(label: "scriptorium.watch.control")
    private let workers = DispatchQueue(label: "scriptorium.watch.workers", attributes: .concurrent)
    private let slots: DispatchSemaphore
    private let reader: SourceFileReader
    private let archiveWorker: ArchiveWorker
    private let claims: ClaimFolder
    private let layout: ArchiveLayout
    private let stopped = DispatchSemaphore(value: 0)
    private let observer: (@Sendable (WatchReport) -> Void)?

    private var machine: WatchMachine
    private var pipeline: Pipeline
    private var inotify: Inotify?
    private var rescanTimer: (any DispatchSourceTimer)?
    private var housekeeping: (any DispatchSourceTimer)?
    private var signalSources: [any DispatchSourceSignal] = []
    private var claimedAt: [String: UInt64] = [:]
    private var recentErrors: [WatchStatus.ErrorLine] = []
    private let started = JournalRecord.timestamp()
    private var rulesLoaded = JournalRecord.timestamp()
    private var statusDirty = true
    /// Undecodable inbox names already reported, so each is logged once, not at every rescan.
    private var reportedNames: Set<String> = []

    /// Loads rules and schema, opens and locks the archive (refusing when another process holds
    /// it), and prepares the work folder. Nothing is watched until `start()`.
    public init(configuration: WatchConfiguration, logger: Logger, observer: (@Sendable (WatchReport) -> Void)? = nil) throws {
        self.configuration = configuration
        self.logger = logger
        self.observer = observer
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: configuration.inbox, isDirectory: &isFolder), isFolder.boolValue else {
            throw WatchError(problem: "the inbox does not exist or is not a folder", path: configuration.inbox, remedy: "create it or pass --inbox")
        }
        let pipeline = try Pipeline(resources: configuration.resources)
        let service = try ArchiveService(pipeline: pipeline, archiveRoot: configuration.archive, sizeLimit: configuration.sizeLimit)
        layout = service.store.layout
        claims = ClaimFolder(root: Self.workFolder(inbox: configuration.inbox, layout: layout), prefix: Self.claimPrefix())
        try claims.prepare()
        self.pipeline = pipeline
        reader = SourceFileReader(sizeLimit: configuration.sizeLimit)
        archiveWorker = ArchiveWorker(service: service, claims: claims)
        slots = DispatchSemaphore(value: configuration.jobs)
        machine = WatchMachine(settings: .init(
            settle: WatchConfiguration.nanoseconds(configuration.settle), maxInFlight: configuration.maxInFlight
        ))
    }

    /// Claims live in the archive's `.work` folder, so `rename(2)` works: unless the inbox is on
    /// another file system, where they go to the inbox's own hidden `.scriptorium-work`.
    static func workFolder(inbox: String, layout: ArchiveLayout) -> String {
        var inboxInfo = stat()
        var archiveInfo = stat()
        if stat(inbox, &inboxInfo) == 0, stat(layout.root, &archiveInfo) == 0, inboxInfo.st_dev != archiveInfo.st_dev {
            return inbox + "/.scriptorium-work"
        }
        return layout.workFolder
    }

    private static func claimPrefix() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return String(UInt64(now.tv_sec) * 1000 + UInt64(now.tv_nsec / 1_000_000), radix: 36)
    }

    // MARK: Life cycle

    /// Installs signal handlers, watches the inbox, finishes what a crash left, scans, and
    /// starts taking files. Returns at once; the work runs on Dispatch queues.
    public func start(handleSignals: Bool = true) throws {
        try control.sync { () throws in
            if handleSignals { installSignalHandlers() }
            // SIGIO is how the kernel would tell us a lease was broken; the lease lasts microseconds.
            signal(SIGIO, SIG_IGN)
            signal(SIGPIPE, SIG_IGN)
            let inotify = try Inotify(queue: control) { [unowned self] events in self.handle(events) }
            self.inotify = inotify
            // Watches first, then the scan: a file arriving in between is seen twice, never missed.
            for folder in InboxWalker(root: configuration.inbox).walk().folders {
                try inotify.watch(folder)
            }
            let recovered = try archiveWorker.queue.sync { Result { () throws(ArchiveError) in try archiveWorker.recover() } }.get()
            logger.info("started", metadata: [
                "pid": "\(getpid())", "inbox": "\(configuration.inbox)", "archive": "\(configuration.archive)",
                "jobs": "\(configuration.jobs)", "work": "\(claims.root)", "recovered": "\(recovered.count)",
            ])
            for claim in recovered {
                logger.info("recovered", metadata: ["claim": "\(claim.id)", "name": "\(claim.name)"])
                feed(.recovered(claim))
            }
            feed(.rescanDue)
            inotify.start()
            rescanTimer = repeating(every: configuration.rescanInterval) { [unowned self] in self.feed(.rescanDue) }
            housekeeping = repeating(every: min(1, configuration.checkpointInterval)) { [unowned self] in self.tidy() }
        }
    }

    /// Blocks until the daemon stopped (after SIGTERM, SIGINT or `requestStop()`).
    public func waitUntilStopped() {
        stopped.wait()
    }

    /// Stops intake and finishes the documents in flight, as SIGTERM does.
    public func requestStop() {
        control.async { [self] in
            logger.info("stopping", metadata: ["in_flight": "\(machine.inFlightCount)"])
            feed(.shutdownRequested)
        }
    }

    /// Reloads rule files and schema, as SIGHUP does; the old ones stay if the new ones fail.
    public func reload() {
        control.async { [self] in
            do {
                pipeline = try Pipeline(resources: configuration.resources)
                rulesLoaded = JournalRecord.timestamp()
                statusDirty = true
                logger.info("reloaded", metadata: ["rules": "\(pipeline.cleaner.rules.versions.map(\.description).joined(separator: ","))"])
            } catch {
                note(error: "reload failed, keeping the previous rules: \(error)", name: "")
            }
        }
    }

    private func installSignalHandlers() {
        for (number, action) in [(SIGTERM, 0), (SIGINT, 0), (SIGHUP, 1)] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: control)
            source.setEventHandler { [unowned self] in
                if action == 1 { self.reload() } else { self.requestStop() }
            }
            source.resume()
            signalSources.append(source)
        }
    }

    private func repeating(every seconds: Double, _ body: @escaping @Sendable () -> Void) -> any DispatchSourceTimer {
        let timer = DispatchSource.makeTimerSource(queue: control)
        let interval = DispatchTimeInterval.nanoseconds(Int(WatchConfiguration.nanoseconds(seconds)))
        timer.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(10))
        timer.setEventHandler(handler: body)
        timer.resume()
        return timer
    }

    // MARK: Driving the machine (on `control`)

    private func feed(_ input: WatchInput) {
        statusDirty = true
        for action in machine.handle(input) {
            perform(action)
        }
    }

    private func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    private func perform(_ action: WatchAction) {
        switch action {
        case .scheduleCheck(let path, let deadline):
            control.asyncAfter(deadline: DispatchTime(uptimeNanoseconds: deadline)) { [self] in
                feed(.observed(path: path, FileProbe.observe(path), origin: .check, now: now()))
            }
        case .claim(let path, let expected):
            switch claims.claim(path, expected: expected) {
            case .claimed(let claim):
                claimedAt[claim.id] = now()
                logger.info("received", metadata: ["claim": "\(claim.id)", "name": "\(claim.name)", "path": "\(path)"])
                feed(.claimed(path: path, claim))
            case .gone:
                feed(.claimFailed(path: path, current: nil, now: now()))
            case .changed(let current):
                feed(.claimFailed(path: path, current: current, now: now()))
            case .failed(let error):
                note(error: error.description, name: (path as NSString).lastPathComponent)
                feed(.claimFailed(path: path, current: nil, now: now()))
            }
        case .process(let claim):
            if claimedAt[claim.id] == nil { claimedAt[claim.id] = now() }
            process(claim, with: pipeline)
        case .retry(let claim, let deadline):
            control.asyncAfter(deadline: DispatchTime(uptimeNanoseconds: deadline)) { [self] in feed(.recovered(claim)) }
        case .scan:
            scan()
        case .stopIntake:
            inotify?.cancel()
            inotify = nil
            rescanTimer?.cancel()
        case .finish:
            finish()
        }
    }

    private func handle(_ events: [InotifyEvent]) {
        guard let inotify else { return }
        for event in events {
            if event.has(InotifyEvent.queueOverflow) {
                logger.warning("overflow", metadata: ["action": "rescan"])
                feed(.rescanDue)
                continue
            }
            if event.has(InotifyEvent.ignored) {
                inotify.forget(event.watch)
                continue
            }
            guard let folder = inotify.folder(of: event.watch) else { continue }
            if event.has(InotifyEvent.deleteSelf) || event.has(InotifyEvent.moveSelf) {
                if folder == configuration.inbox {
                    note(error: "the inbox folder was removed or moved; the next rescan watches it again once it exists", name: folder)
                }
                continue
            }
            guard !event.name.isEmpty, !InboxScanner.isTemporary(event.name) else { continue }
            let path = folder + "/" + event.name
            if event.has(InotifyEvent.isDirectory) {
                // A new subfolder: watch it, then look at what it already holds.
                let listing = InboxWalker(root: configuration.inbox).walk(from: path)
                for sub in listing.folders {
                    do { try inotify.watch(sub) } catch { note(error: error.description, name: sub) }
                }
                for file in listing.files { feed(.observed(path: file, FileProbe.observe(file), origin: .scan, now: now())) }
            } else if event.has(InotifyEvent.closeWrite) || event.has(InotifyEvent.movedTo) {
                feed(.observed(path: path, FileProbe.observe(path), origin: .event, now: now()))
            }
        }
    }

    /// A full rescan: watches every folder again and reports every candidate file and claim.
    private func scan() {
        let listing = InboxWalker(root: configuration.inbox).walk()
        if let inotify, FileManager.default.fileExists(atPath: configuration.inbox) {
            for folder in listing.folders {
                do { try inotify.watch(folder) } catch { note(error: error.description, name: folder) }
            }
        }
        for file in listing.files {
            feed(.observed(path: file, FileProbe.observe(file), origin: .scan, now: now()))
        }
        for name in listing.undecodableNames where reportedNames.insert(name).inserted {
            note(error: "the file name is not valid UTF-8, so it cannot be recorded faithfully; it stays in the inbox (rename it)", name: name)
        }
        for claim in claims.existingClaims() {
            feed(.recovered(claim))
        }
        logger.debug("rescan", metadata: ["files": "\(listing.files.count)", "folders": "\(listing.folders.count)"])
    }

    // MARK: Work on one claim

    private func process(_ claim: Claim, with pipeline: Pipeline) {
        let path = claims.path(of: claim)
        let reader = reader
        let archiveWorker = archiveWorker
        let layout = layout
        workers.async { [self] in
            slots.wait()
            let begun = DispatchTime.now().uptimeNanoseconds
            let before = FileProbe.snapshot(path)
            let raw: RawSource
            do throws(IngestError) {
                raw = try reader.read(path: path)
            } catch {
                slots.signal()
                guard case .tooLarge = error else {
                    control.async { self.completed(claim, ArchiveWorker.Step(outcome: .failed(message: error.description)), sha256: nil, pipelineTime: 0) }
                    return
                }
                // Never read into memory: streamed into the archive and quarantined, as `run` does.
                archiveWorker.queue.async {
                    let step = archiveWorker.archiveTooLarge(claim, error: error)
                    self.control.async { self.completed(claim, step, sha256: step.entry?.sha256.hex, pipelineTime: 0) }
                }
                return
            }
            let after = FileProbe.snapshot(path)
            guard let before, before == after, before.size == raw.bytes.count, !FileProbe.hasWriter(path) else {
                slots.signal()
                control.async { self.completed(claim, ArchiveWorker.Step(outcome: .changedWhileReading), sha256: nil, pipelineTime: 0) }
                return
            }
            let outcome = pipeline.process(raw)
            let pipelineTime = DispatchTime.now().uptimeNanoseconds - begun
            // The CPU slot is free again; the fsyncs below wait on the disk, in parallel.
            slots.signal()
            AheadWriter.store(raw, outcome: outcome, by: pipeline, in: layout)
            archiveWorker.queue.async {
                let archiveBegun = DispatchTime.now().uptimeNanoseconds
                var step = archiveWorker.archive(claim, raw: raw, read: before, outcome: outcome, by: pipeline)
                step.archiveTime = DispatchTime.now().uptimeNanoseconds - archiveBegun
                let finished = step
                self.control.async { self.completed(claim, finished, sha256: raw.identity.digest.hex, pipelineTime: pipelineTime) }
            }
        }
    }

    private func completed(_ claim: Claim, _ step: ArchiveWorker.Step, sha256: String?, pipelineTime: UInt64) {
        let finishedAt = now()
        let elapsed = claimedAt.removeValue(forKey: claim.id).map { finishedAt - $0 } ?? 0
        var metadata: Logger.Metadata = [
            "claim": "\(claim.id)", "name": "\(claim.name)", "ms": "\(Self.milliseconds(elapsed))",
        ]
        if let sha256 { metadata["sha256"] = "\(sha256)" }
        if pipelineTime > 0 { metadata["pipeline_ms"] = "\(Self.milliseconds(pipelineTime))" }
        if step.archiveTime > 0 { metadata["archive_ms"] = "\(Self.milliseconds(step.archiveTime))" }
        switch step.outcome {
        case .published(let documents):
            metadata["documents"] = "\(documents)"
            metadata["tei"] = "\(step.entry?.documents.map(\.path).joined(separator: ",") ?? "")"
            logger.info("published", metadata: metadata)
        case .quarantined(let reason):
            metadata["reason"] = "\(reason)"
            logger.info("quarantined", metadata: metadata)
        case .duplicate(let firstName):
            metadata["of"] = "\(firstName)"
            logger.info("duplicate", metadata: metadata)
        case .changedWhileReading:
            logger.info("changed", metadata: metadata.merging(["action": "retry"]) { $1 })
        case .failed(let message):
            metadata["error"] = "\(message)"
            logger.error("failed", metadata: metadata)
            remember(error: message, name: claim.name)
        }
        if let requeued = step.requeued {
            logger.warning("changed-after-read", metadata: ["claim": "\(claim.id)", "requeued": "\(requeued.id)", "name": "\(claim.name)"])
        }
        feed(.finished(claim, step.outcome, now: finishedAt))
        if let requeued = step.requeued { feed(.recovered(requeued)) }
        observer?(WatchReport(claim: claim, outcome: step.outcome, finishedAt: finishedAt, pipelineTime: pipelineTime, archiveTime: step.archiveTime))
    }

    static func milliseconds(_ nanoseconds: UInt64) -> String {
        String(format: "%.1f", Double(nanoseconds) / 1_000_000)
    }

    // MARK: Housekeeping

    private func note(error message: String, name: String) {
        logger.error("error", metadata: ["name": "\(name)", "error": "\(message)"])
        remember(error: message, name: name)
    }

    private func remember(error message: String, name: String) {
        recentErrors.append(WatchStatus.ErrorLine(time: JournalRecord.timestamp(), name: name, message: message))
        if recentErrors.count > WatchStatus.errorLimit { recentErrors.removeFirst(recentErrors.count - WatchStatus.errorLimit) }
        statusDirty = true
    }

    /// Every second: save the catalog if due, and the status file if anything changed.
    private func tidy() {
        let interval = WatchConfiguration.nanoseconds(configuration.checkpointInterval)
        archiveWorker.queue.async { [self] in
            do throws(ArchiveError) {
                try archiveWorker.checkpoint(interval: interval)
            } catch {
                control.async { self.note(error: error.description, name: "catalog") }
            }
        }
        if statusDirty { writeStatus() }
    }

    private func writeStatus() {
        statusDirty = false
        let status = WatchStatus(
            pid: getpid(), started: started, updated: JournalRecord.timestamp(), inbox: configuration.inbox, jobs: configuration.jobs,
            phase: machine.phase, counters: machine.counters, waiting: machine.waiting, inFlight: machine.inFlightCount,
            pending: machine.pendingCount, parked: machine.parkedCount, rulesLoaded: rulesLoaded,
            recentErrors: recentErrors
        )
        do {
            try DurableFile.write(status.encoded(), to: layout.watchStatusPath)
        } catch {
            logger.error("error", metadata: ["name": "status", "error": "\(error.description)"])
        }
    }

    private func finish() {
        housekeeping?.cancel()
        rescanTimer?.cancel()
        for source in signalSources { source.cancel() }
        let saved = archiveWorker.queue.sync { Result { () throws(ArchiveError) in try archiveWorker.checkpoint(force: true) } }
        if case .failure(let error) = saved { note(error: error.description, name: "catalog") }
        writeStatus()
        let counters = machine.counters
        logger.info("stopped", metadata: [
            "published": "\(counters.published)", "quarantined": "\(counters.quarantined)", "duplicates": "\(counters.duplicates)",
            "failed": "\(counters.failed)",
        ])
        stopped.signal()
    }
}

/// What the observer hears when a claim's work ends (used by `bench-watch`).
public struct WatchReport: Sendable {
    public var claim: Claim
    public var outcome: ClaimOutcome
    /// Monotonic nanoseconds (`DispatchTime.now().uptimeNanoseconds`).
    public var finishedAt: UInt64
    /// Nanoseconds reading and running the pipeline (on a worker), and archiving (on the serial queue).
    public var pipelineTime: UInt64
    public var archiveTime: UInt64
}

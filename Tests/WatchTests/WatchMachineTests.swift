import Testing
@testable import ScriptoriumWatch

/// The watcher's decisions, driven event by event without files, clocks or Dispatch.
@Suite struct WatchMachineTests {
    static let ms: UInt64 = 1_000_000
    static let settle: UInt64 = 50 * ms

    func machine(maxInFlight: Int = 4) -> WatchMachine {
        WatchMachine(settings: .init(settle: Self.settle, maxInFlight: maxInFlight))
    }

    func snapshot(size: Int, modified: Int64 = 1, inode: UInt64 = 7) -> FileSnapshot {
        FileSnapshot(size: size, modified: modified, changed: modified, inode: inode)
    }

    func seen(_ path: String, _ snapshot: FileSnapshot?, writing: Bool = false, origin: ObservationOrigin = .event, at now: UInt64) -> WatchInput {
        .observed(path: path, snapshot.map { FileObservation(snapshot: $0, beingWritten: writing) }, origin: origin, now: now)
    }

    func claims(_ actions: [WatchAction]) -> [String] {
        actions.compactMap { if case .claim(let path, _) = $0 { path } else { nil } }
    }

    func processed(_ actions: [WatchAction]) -> [Claim] {
        actions.compactMap { if case .process(let claim) = $0 { claim } else { nil } }
    }

    @Test func aFileIsTakenOnlyAfterItStayedUnchangedForTheSettleTime() {
        var watch = machine()
        let first = watch.handle(seen("/in/a.txt", snapshot(size: 10), at: 0))
        #expect(first == [.scheduleCheck(path: "/in/a.txt", deadline: Self.settle)])
        // The writer appended: the check finds it changed and waits again from now.
        let changed = watch.handle(seen("/in/a.txt", snapshot(size: 20, modified: 2), origin: .check, at: Self.settle))
        #expect(claims(changed).isEmpty)
        #expect(changed == [.scheduleCheck(path: "/in/a.txt", deadline: 2 * Self.settle)])
        let stable = watch.handle(seen("/in/a.txt", snapshot(size: 20, modified: 2), origin: .check, at: 2 * Self.settle))
        #expect(stable == [.claim(path: "/in/a.txt", expected: snapshot(size: 20, modified: 2))])
    }

    @Test func aFileAWriterStillHoldsOpenIsNeverTaken() {
        var watch = machine()
        _ = watch.handle(seen("/in/slow.txt", snapshot(size: 5), writing: true, at: 0))
        // Unchanged for far longer than the settle time, but the writer is still there.
        let check = watch.handle(seen("/in/slow.txt", snapshot(size: 5), writing: true, origin: .check, at: 10 * Self.settle))
        #expect(claims(check).isEmpty)
        #expect(check.contains { if case .scheduleCheck = $0 { true } else { false } })
        let closed = watch.handle(seen("/in/slow.txt", snapshot(size: 5), origin: .check, at: 10 * Self.settle + Self.settle / 2))
        #expect(claims(closed).isEmpty, "the writer was there moments ago: the settle time counts from then")
        let taken = watch.handle(seen("/in/slow.txt", snapshot(size: 5), origin: .check, at: 12 * Self.settle))
        #expect(claims(taken) == ["/in/slow.txt"])
    }

    @Test func duplicateEventsAndScansNeverClaimTwice() {
        var watch = machine()
        var actions: [WatchAction] = []
        actions += watch.handle(seen("/in/a.txt", snapshot(size: 10), at: 0))
        actions += watch.handle(seen("/in/a.txt", snapshot(size: 10), origin: .scan, at: 1))
        actions += watch.handle(seen("/in/a.txt", snapshot(size: 10), origin: .check, at: Self.settle + 1))
        actions += watch.handle(seen("/in/a.txt", snapshot(size: 10), at: Self.settle + 2))
        actions += watch.handle(seen("/in/a.txt", snapshot(size: 10), origin: .scan, at: Self.settle + 3))
        #expect(claims(actions) == ["/in/a.txt"])
        #expect(actions.count { if case .scheduleCheck = $0 { true } else { false } } == 1)
    }

    @Test func aBurstIsWorkedOnAtMostMaxInFlightAtATime() {
        var watch = machine(maxInFlight: 2)
        var claimed: [String] = []
        for index in 0..<10 {
            _ = watch.handle(seen("/in/\(index).txt", snapshot(size: index + 1, inode: UInt64(index)), at: 0))
        }
        for index in 0..<10 {
            claimed += claims(watch.handle(seen("/in/\(index).txt", snapshot(size: index + 1, inode: UInt64(index)), origin: .check, at: Self.settle)))
        }
        #expect(claimed == ["/in/0.txt", "/in/1.txt"])
        #expect(watch.waiting == 10)
        let first = Claim(id: "c1", name: "0.txt")
        #expect(processed(watch.handle(.claimed(path: "/in/0.txt", first))) == [first])
        _ = watch.handle(.claimed(path: "/in/1.txt", Claim(id: "c2", name: "1.txt")))
        #expect(watch.inFlightCount == 2)
        let next = watch.handle(.finished(first, .published(documents: 1), now: Self.settle * 2))
        #expect(claims(next) == ["/in/2.txt"], "one finished, so exactly one more is taken")
        #expect(watch.counters.published == 1)
    }

    @Test func aLostClaimRaceIsForgottenAndTheNextFileTakesItsPlace() {
        var watch = machine(maxInFlight: 1)
        for path in ["/in/a", "/in/b"] {
            _ = watch.handle(seen(path, snapshot(size: 3), at: 0))
        }
        let first = watch.handle(seen("/in/a", snapshot(size: 3), origin: .check, at: Self.settle))
        #expect(claims(first) == ["/in/a"])
        #expect(claims(watch.handle(seen("/in/b", snapshot(size: 3), origin: .check, at: Self.settle))).isEmpty)
        let after = watch.handle(.claimFailed(path: "/in/a", current: nil, now: Self.settle))
        #expect(claims(after) == ["/in/b"])
        #expect(watch.waiting == 1)
    }

    @Test func aFileThatChangedBetweenStableAndClaimSettlesAgain() {
        var watch = machine()
        _ = watch.handle(seen("/in/a", snapshot(size: 3), at: 0))
        _ = watch.handle(seen("/in/a", snapshot(size: 3), origin: .check, at: Self.settle))
        let grown = FileObservation(snapshot: snapshot(size: 9, modified: 5))
        let after = watch.handle(.claimFailed(path: "/in/a", current: grown, now: Self.settle + 1))
        #expect(after == [.scheduleCheck(path: "/in/a", deadline: 2 * Self.settle + 1)])
    }

    @Test func recoveredClaimsGoFirstAndOnlyOnce() {
        var watch = machine(maxInFlight: 1)
        let claim = Claim(id: "old-1", name: "x.txt")
        #expect(processed(watch.handle(.recovered(claim))) == [claim])
        #expect(watch.handle(.recovered(claim)).isEmpty, "a rescan finding the in-flight claim again changes nothing")
        let waiting = Claim(id: "old-2", name: "y.txt")
        #expect(watch.handle(.recovered(waiting)).isEmpty)
        #expect(watch.handle(.recovered(waiting)).isEmpty)
        #expect(watch.pendingCount == 1)
        _ = watch.handle(seen("/in/new", snapshot(size: 1), at: 0))
        let next = watch.handle(.finished(claim, .duplicate(firstName: "a.txt"), now: 1))
        #expect(processed(next) == [waiting])
        #expect(claims(next).isEmpty)
        #expect(watch.counters.duplicates == 1)
    }

    @Test func aFailedClaimIsRetriedAtTheNextRescanAndTheDaemonGoesOn() {
        var watch = machine()
        let claim = Claim(id: "c1", name: "a.txt")
        _ = watch.handle(.recovered(claim))
        let failed = watch.handle(.finished(claim, .failed(message: "disk full"), now: 1))
        #expect(failed.isEmpty)
        #expect(watch.parkedCount == 1)
        #expect(watch.counters.failed == 1)
        let rescan = watch.handle(.rescanDue)
        #expect(rescan.first == .scan)
        #expect(processed(rescan) == [claim])
        #expect(watch.phase == .running)
    }

    @Test func aFileChangedWhileBeingReadIsLookedAtAgainLater() {
        var watch = machine()
        let claim = Claim(id: "c1", name: "a.txt")
        _ = watch.handle(.recovered(claim))
        let actions = watch.handle(.finished(claim, .changedWhileReading, now: 100))
        #expect(actions == [.retry(claim, deadline: 100 + Self.settle)])
        #expect(processed(watch.handle(.recovered(claim))) == [claim])
    }

    @Test func aVanishedFileIsForgotten() {
        var watch = machine()
        _ = watch.handle(seen("/in/a", snapshot(size: 3), at: 0))
        #expect(watch.handle(seen("/in/a", nil, origin: .check, at: Self.settle)).isEmpty)
        #expect(watch.waiting == 0)
    }

    @Test func shutdownStopsIntakeFinishesInFlightWorkThenFinishes() {
        var watch = machine()
        let running = Claim(id: "c1", name: "a.txt")
        _ = watch.handle(.recovered(running))
        _ = watch.handle(seen("/in/b", snapshot(size: 3), at: 0))
        let stop = watch.handle(.shutdownRequested)
        #expect(stop == [.stopIntake])
        #expect(watch.phase == .draining)
        // Nothing new is taken while draining.
        #expect(watch.handle(seen("/in/b", snapshot(size: 3), origin: .check, at: Self.settle)).isEmpty)
        #expect(watch.handle(.recovered(Claim(id: "c2", name: "c.txt"))).isEmpty)
        #expect(watch.handle(.rescanDue).isEmpty)
        #expect(watch.handle(.shutdownRequested).isEmpty, "a second SIGTERM changes nothing")
        let done = watch.handle(.finished(running, .published(documents: 2), now: 1))
        #expect(done == [.finish])
        #expect(watch.phase == .stopped)
    }

    @Test func shutdownWithNothingInFlightFinishesAtOnce() {
        var watch = machine()
        #expect(watch.handle(.shutdownRequested) == [.stopIntake, .finish])
    }
}

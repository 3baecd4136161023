import Dispatch
import Foundation
import ScriptoriumArchive
import ScriptoriumIngest
import ScriptoriumModel
import ScriptoriumPipeline

/// The one owner of the archive while the daemon runs: every archive write, journal line and
/// catalog save happens on its serial queue, in the order sources finish.
///
/// Why a single queue: `ArchiveService` and `ArchiveStore` are not `Sendable`, and serialising
/// their writes keeps the duplicate decision (is this digest already in the catalog?) exact.
/// `@unchecked Sendable` because its state is touched only on `queue`.
final class ArchiveWorker: @unchecked Sendable {
    let queue = DispatchQueue(label: "scriptorium.watch.archive")
    private let service: ArchiveService
    private let claims: ClaimFolder
    private var dirty = false
    private var lastCheckpoint = DispatchTime.now().uptimeNanoseconds
    private var lastSaveCost: UInt64 = 0
    /// Finished claims whose file could not be removed: no checkpoint may forget their journal lines.
    private var unremoved: [Claim] = []
    /// Outcomes written to the archive whose journal line failed: retried as is, so a retry is
    /// never mistaken for a duplicate of itself.
    private var unjournaled: [String: (JournalRecord, Step)] = [:]

    init(service: ArchiveService, claims: ClaimFolder) {
        self.service = service
        self.claims = claims
    }

    /// What archiving one claim came to.
    struct Step: Sendable {
        var outcome: ClaimOutcome
        var entry: CatalogEntry?
        /// The file changed after it was read: it was moved to this new claim, to be processed too.
        var requeued: Claim?
        /// Nanoseconds spent on the archive queue.
        var archiveTime: UInt64 = 0
    }

    /// On `queue`: finishes what a crash interrupted. Claims whose outcome the journal already
    /// holds are removed (their work was done); the others are returned to be processed again.
    func recover() throws(ArchiveError) -> [Claim] {
        try service.store.openJournal()
        var remaining: [Claim] = []
        for claim in claims.existingClaims() {
            if service.store.journaledClaims.contains(claim.id) {
                if !claims.remove(claim) { unremoved.append(claim) }
            } else {
                remaining.append(claim)
            }
        }
        dirty = true
        try checkpoint(force: true)
        return remaining
    }

    /// On `queue`: records one processed claim, then removes its file from the work folder.
    func archive(_ claim: Claim, raw: RawSource, read snapshot: FileSnapshot, outcome: ProcessingOutcome, by pipeline: Pipeline) -> Step {
        var step: Step
        do throws(ArchiveError) {
            let store = service.store
            let time = JournalRecord.timestamp()
            if let (record, recorded) = unjournaled[claim.id] {
                try store.appendToJournal(record)
                unjournaled[claim.id] = nil
                step = recorded
            } else if let existing = store.catalog[raw.identity.digest], let entry = store.recordDuplicate(name: claim.name, of: existing.sha256) {
                try store.appendToJournal(JournalRecord(event: .duplicate, time: time, claim: claim.id, name: claim.name, entry: entry))
                step = Step(outcome: .duplicate(firstName: existing.names.first ?? claim.name), entry: entry)
            } else {
                let entry = try service.archive(raw, outcome: outcome, by: pipeline)
                let record: JournalRecord
                switch entry.status {
                case .published:
                    record = JournalRecord(event: .published, time: time, claim: claim.id, name: claim.name, entry: entry)
                    step = Step(outcome: .published(documents: entry.documents.count), entry: entry)
                case .quarantined:
                    record = JournalRecord(event: .quarantined, time: time, claim: claim.id, name: claim.name, entry: entry)
                    step = Step(outcome: .quarantined(reason: entry.quarantine?.reason ?? ""), entry: entry)
                }
                do {
                    try store.appendToJournal(record)
                } catch {
                    unjournaled[claim.id] = (record, step)
                    throw error
                }
            }
        } catch {
            return Step(outcome: .failed(message: error.description))
        }
        dirty = true
        // A writer that kept its descriptor after the rename may have added bytes since the read.
        if FileProbe.snapshot(claims.path(of: claim)) != snapshot {
            step.requeued = claims.reclaim(claim)
        }
        if step.requeued == nil, !claims.remove(claim) { unremoved.append(claim) }
        return step
    }

    /// On `queue`: stores a claimed file over the size limit by streaming it (never whole in
    /// memory) and quarantines it with the reason, or records it as a duplicate.
    func archiveTooLarge(_ claim: Claim, error: IngestError) -> Step {
        let path = claims.path(of: claim)
        let before = FileProbe.snapshot(path)
        var step: Step
        do throws(ArchiveError) {
            let store = service.store
            let (identity, received) = try store.storeOriginal(streamingFrom: path, name: claim.name)
            let time = JournalRecord.timestamp()
            if let existing = store.catalog[identity.digest], let entry = store.recordDuplicate(name: claim.name, of: identity.digest) {
                try store.appendToJournal(JournalRecord(event: .duplicate, time: time, claim: claim.id, name: claim.name, entry: entry))
                step = Step(outcome: .duplicate(firstName: existing.names.first ?? claim.name), entry: entry)
            } else {
                let entry = try store.quarantine(source: identity, encoding: nil, received: received, reason: error.description, rejected: [])
                try store.appendToJournal(JournalRecord(event: .quarantined, time: time, claim: claim.id, name: claim.name, entry: entry))
                step = Step(outcome: .quarantined(reason: entry.quarantine?.reason ?? ""), entry: entry)
            }
        } catch {
            return Step(outcome: .failed(message: error.description))
        }
        dirty = true
        if let before, FileProbe.snapshot(path) != before {
            step.requeued = claims.reclaim(claim)
        }
        if step.requeued == nil, !claims.remove(claim) { unremoved.append(claim) }
        return step
    }

    /// On `queue`: saves the catalog (and marks the journal) when it changed and enough time
    /// passed — at least `interval`, and ten times what the last save cost, so a huge catalog
    /// is not rewritten so often that saving dominates.
    func checkpoint(force: Bool = false, interval: UInt64 = 1_000_000_000) throws(ArchiveError) {
        guard dirty else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard force || now - lastCheckpoint >= max(interval, lastSaveCost * 10) else { return }
        unremoved = unremoved.filter { !claims.remove($0) }
        guard unremoved.isEmpty else {
            throw ArchiveError(
                problem: "finished claims could not be removed from the work folder (\(unremoved.map(\.id).joined(separator: ", ")))",
                path: claims.root, remedy: "check permissions on the work folder; the catalog is saved once they are gone"
            )
        }
        try service.store.saveCatalog()
        let end = DispatchTime.now().uptimeNanoseconds
        lastSaveCost = end - now
        lastCheckpoint = end
        dirty = false
    }
}

import Foundation
import ScriptoriumArchive
import ScriptoriumModel
import Testing
import TestSupport

@Suite struct JournalTests {
    func entry(_ name: String, bytes: [UInt8]) -> CatalogEntry {
        let digest = SourceDigest(of: bytes)
        return CatalogEntry(
            sha256: digest, names: [name], size: bytes.count, received: "2026-01-01T00:00:00Z", status: .quarantined,
            original: "sources/x", encoding: nil, documents: [], report: nil, quarantine: CatalogQuarantine(reason: "r", path: "q")
        )
    }

    @Test func aTornLastLineIsCutOffAndLaterAppendsStayReadable() throws {
        let folder = Fixtures.temporaryFolder("journal")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("journal.jsonl").path
        let first = try Journal(path: path)
        try first.append(JournalRecord(event: .published, time: "t1", claim: "c1", name: "a", entry: entry("a", bytes: [1])))
        // A crash in the middle of the second append.
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data("{\"claim\":\"c2\",\"ev".utf8))
        try handle.close()
        let reopened = try Journal(path: path)
        try reopened.append(JournalRecord(event: .duplicate, time: "t3", claim: "c3", name: "b", entry: entry("a", bytes: [1])))
        let records = try Journal.records(at: path)
        #expect(records.map(\.claim) == ["c1", "c3"])
    }

    @Test func theStoreReplaysOnlyWhatFollowsTheLastCheckpoint() throws {
        let folder = Fixtures.temporaryFolder("journal-store")
        defer { try? FileManager.default.removeItem(at: folder) }
        let saved: CatalogEntry
        let unsaved: CatalogEntry
        do {
            let store = try ArchiveStore(root: folder.path)
            try store.openJournal()
            func quarantine(_ name: String, _ bytes: [UInt8]) throws -> CatalogEntry {
                let raw = RawSource(name: name, bytes: bytes)
                let received = try store.storeOriginal(raw)
                return try store.quarantine(source: raw.identity, encoding: nil, received: received, reason: "not text", rejected: [])
            }
            saved = try quarantine("saved.txt", [1])
            try store.appendToJournal(JournalRecord(event: .quarantined, time: "t", claim: "c1", name: "saved.txt", entry: saved))
            try store.saveCatalog()
            // Journaled, but never saved into catalog.json: a SIGKILL here.
            unsaved = try quarantine("unsaved.txt", [2])
            try store.appendToJournal(JournalRecord(event: .quarantined, time: "t", claim: "c2", name: "unsaved.txt", entry: unsaved))
        }
        let catalog = try Catalog.decode(try DurableFile.read(folder.appendingPathComponent("catalog.json").path), path: "catalog.json")
        #expect(catalog.sources.map(\.names) == [["saved.txt"]])
        let reopened = try ArchiveStore(root: folder.path)
        #expect(reopened.catalog[unsaved.sha256] == unsaved)
        #expect(reopened.catalog[saved.sha256] == saved)
        #expect(reopened.journaledClaims == ["c2"], "only claims after the checkpoint still need their work folders checked")
        #expect(reopened.recordDuplicate(name: "again.txt", of: saved.sha256)?.names == ["saved.txt", "again.txt"])
    }
}

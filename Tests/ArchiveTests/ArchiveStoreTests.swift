import Foundation
import ScriptoriumArchive
import ScriptoriumModel
import TestSupport
import Testing

@Suite struct DurableFileTests {
    @Test func writesAtomicallyAndLeavesNoTemporaryFiles() throws {
        let folder = Fixtures.temporaryFolder()
        let path = folder.appendingPathComponent("deep/er/file.xml").path
        try DurableFile.write(Array("one".utf8), to: path)
        try DurableFile.write(Array("two".utf8), to: path)
        #expect(try DurableFile.read(path) == Array("two".utf8))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("deep/er").path)
        #expect(names == ["file.xml"])
    }

    @Test func reportsWhereAndWhatToDo() {
        let folder = Fixtures.temporaryFolder()
        let blocker = folder.appendingPathComponent("blocker").path
        try? Data().write(to: URL(fileURLWithPath: blocker))
        do {
            try DurableFile.write([1], to: blocker + "/inside/file")
            Issue.record("wrote below a file")
        } catch {
            #expect(error.location?.file == blocker)
            #expect(!error.remedy.isEmpty)
        }
    }
}

@Suite struct ArchiveStoreTests {
    func raw(_ text: String, name: String = "a.txt") -> RawSource {
        RawSource(name: name, bytes: Array(text.utf8))
    }

    @Test func originalsStoredByDigestReadOnlyAndExact() throws {
        let root = Fixtures.temporaryFolder().path
        let store = try ArchiveStore(root: root)
        let source = raw("exact bytes\r\n\u{FEFF}")
        let received = try store.storeOriginal(source)
        let path = store.layout.absolute(store.layout.originalRelativePath(source.identity.digest))
        #expect(try DurableFile.read(path) == source.bytes)
        #expect(try store.readOriginal(source.identity.digest) == source.bytes)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o444)
        #expect(received.hasSuffix("Z"))
        #expect(store.storedDigests() == [source.identity.digest])
    }

    @Test func changedOriginalIsDetected() throws {
        let root = Fixtures.temporaryFolder().path
        let store = try ArchiveStore(root: root)
        let source = raw("original")
        try store.storeOriginal(source)
        let path = store.layout.absolute(store.layout.originalRelativePath(source.identity.digest))
        chmod(path, 0o644)
        try Data("tampered".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: ArchiveError.self) { try store.readOriginal(source.identity.digest) }
    }

    @Test func secondProcessOrStoreOnTheSameArchiveIsRefused() throws {
        let root = Fixtures.temporaryFolder().path
        func holdAndTryAgain() throws {
            let first = try ArchiveStore(root: root)
            do {
                _ = try ArchiveStore(root: root)
                Issue.record("two stores opened one archive")
            } catch {
                #expect(error.problem.contains("another Scriptorium process"))
            }
            withExtendedLifetime(first) {}
        }
        try holdAndTryAgain()
        // Released with the first store.
        _ = try ArchiveStore(root: root)
    }

    @Test func catalogIsDeterministicAndRoundTrips() throws {
        let root = Fixtures.temporaryFolder().path
        let store = try ArchiveStore(root: root)
        let b = raw("b", name: "b.txt"), a = raw("a", name: "a.txt")
        for source in [b, a] {
            let received = try store.storeOriginal(source)
            try store.quarantine(source: source.identity, encoding: nil, received: received, reason: "[ingest] why\nwhat to do: x", rejected: [])
        }
        try store.saveCatalog()
        let bytes = try DurableFile.read(store.layout.catalogPath)
        let decoded = try Catalog.decode(bytes, path: "catalog.json")
        #expect(decoded == store.catalog)
        #expect(decoded.encoded() == bytes)
        #expect(decoded.sources.map(\.sha256) == [a.identity.digest, b.identity.digest].sorted())
        #expect(decoded.sources.allSatisfy { $0.status == .quarantined && $0.quarantine?.reason == "[ingest] why" })
    }

    @Test func republishingRemovesDocumentsNoLongerProduced() throws {
        let root = Fixtures.temporaryFolder().path
        let store = try ArchiveStore(root: root)
        let source = raw("src")
        let received = try store.storeOriginal(source)
        try store.quarantine(source: source.identity, encoding: "UTF-8", received: received, reason: "r", rejected: [])
        #expect(FileManager.default.fileExists(atPath: store.layout.absolute(store.layout.quarantineRelativePath(source.identity.digest))))
        try store.publish(source: source.identity, encoding: "UTF-8", received: received, documents: [], report: Array("{}".utf8))
        #expect(!FileManager.default.fileExists(atPath: store.layout.absolute(store.layout.quarantineRelativePath(source.identity.digest))))
        #expect(store.catalog[source.identity.digest]?.status == .published)
    }
}

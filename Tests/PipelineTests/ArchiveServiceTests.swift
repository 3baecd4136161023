import Foundation
import ScriptoriumArchive
import ScriptoriumModel
import ScriptoriumPipeline
import TestSupport
import Testing

@Suite struct ArchiveServiceTests {
    static func service(archive: URL) throws -> ArchiveService {
        try ArchiveService(pipeline: try GoldenTests.pipeline(), archiveRoot: archive.path)
    }

    /// Copies of the samples in a fresh folder, so tests may watch them for changes.
    static func sampleCopies() throws -> (folder: URL, paths: [String]) {
        let folder = Fixtures.temporaryFolder("samples")
        var paths: [String] = []
        for name in Fixtures.sampleNames() {
            let path = folder.appendingPathComponent(name).path
            try Data(Fixtures.sampleBytes(name)).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        return (folder, paths)
    }

    static func published(_ results: [InputResult]) -> [String] {
        results.flatMap { result -> [String] in
            if case .published(let paths) = result.outcome { return paths }
            return []
        }
    }

    @Test func ingestPublishesEverySampleAndLeavesInputsUntouched() throws {
        let (folder, paths) = try Self.sampleCopies()
        let before = Fixtures.snapshot(of: folder)
        let dates = try paths.map { try FileManager.default.attributesOfItem(atPath: $0)[.modificationDate] as? Date }
        let archive = Fixtures.temporaryFolder("archive")
        let results = try Self.service(archive: archive).ingest(paths: paths)
        #expect(results.count == 5)
        #expect(Self.published(results).count == 7)  // the BBC page holds three articles
        #expect(Fixtures.snapshot(of: folder) == before)
        #expect(try paths.map { try FileManager.default.attributesOfItem(atPath: $0)[.modificationDate] as? Date } == dates)
        let catalog = try Catalog.decode(try DurableFile.read(archive.appendingPathComponent("catalog.json").path), path: "catalog.json")
        #expect(catalog.sources.count == 5)
        #expect(catalog.sources.allSatisfy { $0.status == .published && !$0.documents.isEmpty && $0.report != nil })
        for entry in catalog.sources {
            let original = try DurableFile.read(archive.appendingPathComponent(entry.original).path)
            #expect(SourceDigest(of: original) == entry.sha256)
        }
    }

    @Test func twoIngestsGiveByteIdenticalOutput() throws {
        let (_, paths) = try Self.sampleCopies()
        let first = Fixtures.temporaryFolder("archive"), second = Fixtures.temporaryFolder("archive")
        _ = try Self.service(archive: first).ingest(paths: paths)
        _ = try Self.service(archive: second).ingest(paths: paths.reversed())
        for folder in ["tei", "reports", "sources"] {
            let a = Fixtures.snapshot(of: first.appendingPathComponent(folder))
            #expect(!a.isEmpty)
            #expect(a == Fixtures.snapshot(of: second.appendingPathComponent(folder)))
        }
    }

    @Test func rebuildIsByteIdenticalToAFreshIngestAndRemovesStaleFiles() throws {
        let (_, paths) = try Self.sampleCopies()
        let archive = Fixtures.temporaryFolder("archive")
        _ = try Self.service(archive: archive).ingest(paths: paths)
        let fresh = Fixtures.snapshot(of: archive.appendingPathComponent("tei"))
        let catalogBefore = try DurableFile.read(archive.appendingPathComponent("catalog.json").path)
        // Damage the published side: a stale file from "older rules" and a deleted document.
        let stale = archive.appendingPathComponent("tei/00/d0000000000000000-9.xml")
        try FileManager.default.createDirectory(at: stale.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("stale".utf8).write(to: stale)
        let someDocument = try #require(fresh.keys.sorted().first)
        try FileManager.default.removeItem(at: archive.appendingPathComponent("tei/" + someDocument))

        let results = try Self.service(archive: archive).rebuild()
        #expect(results.count == 5)
        #expect(Fixtures.snapshot(of: archive.appendingPathComponent("tei")) == fresh)
        #expect(try DurableFile.read(archive.appendingPathComponent("catalog.json").path) == catalogBefore)
    }

    @Test func runEmptiesTheInboxOnlyAfterStoringTheBytes() throws {
        let (inbox, _) = try Self.sampleCopies()
        try FileManager.default.createDirectory(at: inbox.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data("A nested letter.\n\nDear comrades, we write to you about the events of 4 November 1956 in Budapest.\n".utf8)
            .write(to: inbox.appendingPathComponent("sub/nested.txt"))
        try Data("still being written".utf8).write(to: inbox.appendingPathComponent("upload.txt.part"))
        try Data().write(to: inbox.appendingPathComponent("empty.txt"))
        let archive = Fixtures.temporaryFolder("archive")
        let results = try Self.service(archive: archive).run(inbox: inbox.path)
        #expect(results.count == 7)
        let remaining = Fixtures.snapshot(of: inbox).keys.sorted()
        #expect(remaining == ["upload.txt.part"])
        let catalog = try Catalog.decode(try DurableFile.read(archive.appendingPathComponent("catalog.json").path), path: "catalog.json")
        #expect(catalog.sources.count == 7)
        #expect(catalog.sources.filter { $0.status == .quarantined }.count == 1)
        let quarantined = try #require(catalog.sources.first { $0.status == .quarantined })
        #expect(quarantined.names == ["empty.txt"])
        let reason = String(decoding: try DurableFile.read(archive.appendingPathComponent(quarantined.quarantine!.path).path), as: UTF8.self)
        #expect(reason.contains("the file is empty"))
        #expect(reason.contains("what to do:"))
    }

    @Test func runNeverRemovesAFileWhoseBytesCouldNotBeStored() throws {
        let (inbox, _) = try Self.sampleCopies()
        let before = Fixtures.snapshot(of: inbox)
        let archive = Fixtures.temporaryFolder("archive")
        // A file where the originals folder should be: every store fails.
        try Data("not a folder".utf8).write(to: archive.appendingPathComponent("sources"))
        #expect(throws: ArchiveError.self) { try Self.service(archive: archive).run(inbox: inbox.path) }
        #expect(Fixtures.snapshot(of: inbox) == before)
    }

    @Test func sameBytesUnderTwoNamesAreOneSource() throws {
        let (folder, paths) = try Self.sampleCopies()
        let copy = folder.appendingPathComponent("renamed copy.txt").path
        try FileManager.default.copyItem(atPath: paths[0], toPath: copy)
        let archive = Fixtures.temporaryFolder("archive")
        let service = try Self.service(archive: archive)
        _ = try service.ingest(paths: [paths[0], copy])
        #expect(service.store.catalog.sources.count == 1)
        #expect(service.store.catalog.sources[0].names == [(paths[0] as NSString).lastPathComponent, "renamed copy.txt"])
    }

    @Test func oversizedInputIsStoredAndQuarantinedWithoutBeingProcessed() throws {
        let inbox = Fixtures.temporaryFolder("inbox")
        let big = inbox.appendingPathComponent("big.txt")
        let bytes = [UInt8](repeating: 0x41, count: 3_000) + [0x0A]
        try Data(bytes).write(to: big)
        let archive = Fixtures.temporaryFolder("archive")
        let service = try ArchiveService(pipeline: try GoldenTests.pipeline(), archiveRoot: archive.path, sizeLimit: 1_000)
        let results = try service.run(inbox: inbox.path)
        guard case .quarantined(let reason, _)? = results.first?.outcome else {
            Issue.record("expected quarantine, got \(results)")
            return
        }
        #expect(reason.contains("over the limit of 1000 bytes"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: inbox.path).isEmpty)
        let digest = SourceDigest(of: bytes)
        #expect(try service.store.readOriginal(digest) == bytes)
        #expect(service.store.catalog[digest]?.status == .quarantined)
        // A rebuild keeps it quarantined without loading it.
        let rebuilt = try service.rebuild()
        #expect(rebuilt.count == 1)
        if case .quarantined = rebuilt[0].outcome {} else { Issue.record("rebuild published an oversized source") }
    }

    @Test func anyNumberOfJobsGivesByteIdenticalOutput() throws {
        let folder = Fixtures.temporaryFolder("inputs")
        var paths: [String] = []
        for (offset, name) in Fixtures.sampleNames().enumerated() {
            for copy in 0..<6 {
                let text = String(decoding: Fixtures.sampleBytes(name), as: UTF8.self) + "\nCopy \(copy) of page \(offset), filed 4 November 1956.\n"
                let path = folder.appendingPathComponent("\(copy)-\(name)").path
                try Data(text.utf8).write(to: URL(fileURLWithPath: path))
                paths.append(path)
            }
        }
        paths.append(folder.appendingPathComponent("missing.txt").path)
        var archives: [URL] = []
        var outputs: [[String]] = []
        for jobs in [1, 3, 8] {
            let archive = Fixtures.temporaryFolder("archive")
            let service = try ArchiveService(pipeline: try GoldenTests.pipeline(), archiveRoot: archive.path, jobs: jobs)
            let results = try service.ingest(paths: paths)
            outputs.append(results.map { $0.line.replacingOccurrences(of: archive.path, with: "ARCHIVE") })
            archives.append(archive)
        }
        #expect(outputs[0].count == 31)
        #expect(outputs[1] == outputs[0])
        #expect(outputs[2] == outputs[0])
        for folder in ["tei", "reports", "sources"] {
            let first = Fixtures.snapshot(of: archives[0].appendingPathComponent(folder))
            #expect(first.count > 25)
            for other in archives.dropFirst() { #expect(Fixtures.snapshot(of: other.appendingPathComponent(folder)) == first) }
        }
    }

    @Test func aTwoMegabyteLineIsPublished() throws {
        let text = "A single line\n\n" + String(repeating: "Soviet tanks entered Budapest on 4 November 1956 & the crowd <fled>. ", count: 30_000) + "\n"
        guard case .published(let published) = try GoldenTests.pipeline().process(RawSource(name: "long.txt", bytes: Array(text.utf8))) else {
            Issue.record("a document with a 2 MB line was not published")
            return
        }
        #expect(published.documents.count == 1)
        #expect(published.documents[0].bytes.count > 2_000_000)
    }
}

/// `scriptorium entities --unknown`: names tagged from evidence, with counts and contexts.
@Suite struct UnknownNamesTests {
    @Test func listsUnlinkedNamesOfTheArchive() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pipeline = try Pipeline(resources: Resources(rulesFolder: Fixtures.rulesFolder, schemaPath: Fixtures.schemaPath))
        let service = try ArchiveService(pipeline: pipeline, archiveRoot: folder.path)
        _ = try service.ingest(paths: Fixtures.sampleNames().map { Fixtures.samplesFolder.appendingPathComponent($0).path })
        let names = try service.unknownNames()
        let griaznov = names.first { $0.text == "Griaznov" }
        #expect(griaznov?.kind == .person)
        #expect(griaznov?.contexts.first?.contains("[Griaznov]") == true)
        #expect(!names.contains { $0.text == "Imre Nagy" || $0.text == "Nagy" })
        #expect(names.map(\.count) == names.map(\.count).sorted(by: >))
    }
}

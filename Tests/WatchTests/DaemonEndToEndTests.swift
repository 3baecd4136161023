import Foundation
import ScriptoriumArchive
import ScriptoriumModel
import ScriptoriumWatch
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The daemon tested as it is used: a real `scriptorium watch` process, files dropped the ways
/// archivists and their tools drop them, a SIGKILL in the middle of a burst, and a restart.
@Suite(.serialized) struct DaemonEndToEndTests {
    let root = Fixtures.temporaryFolder("watch-e2e")
    var inbox: String { root.appendingPathComponent("Inbox").path }
    var archive: String { root.appendingPathComponent("Archive").path }
    var outside: String { root.appendingPathComponent("outside").path }
    var journalPath: String { archive + "/journal.jsonl" }

    init() throws {
        for folder in [inbox, outside] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
    }

    func write(_ bytes: [UInt8], to path: String) {
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)), "cannot write \(path)")
    }

    /// Every outcome line of the journal (published, quarantined, duplicate).
    func outcomes() -> [JournalRecord] {
        ((try? Journal.records(at: journalPath)) ?? []).filter { $0.event != .checkpoint }
    }

    @Test func everyInputEndsPublishedOrQuarantinedExactlyOnceThroughABurstAKillAndARestart() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let samples = Fixtures.sampleNames().map(Fixtures.sampleBytes)
        try #require(samples.count >= 3)
        var inputs: [String: [UInt8]] = [:]

        let first = try DaemonProcess.watch(inbox: inbox, archive: archive, logPath: root.appendingPathComponent("first.log").path)
        #expect(first.waitForLog("event=started"), "\(first.log)")

        // 1,000 files at once: most written in place, every third renamed in from outside,
        // some into subfolders created while the daemon runs.
        for folder in ["batch-a", "batch-b/deeper"] {
            try FileManager.default.createDirectory(atPath: inbox + "/" + folder, withIntermediateDirectories: true)
        }
        for index in 0..<1000 {
            let name = "doc-\(index).txt"
            let bytes = WatchBenchmark.document(index, samples: samples)
            let folder = index % 5 == 0 ? "/batch-a" : index % 7 == 0 ? "/batch-b/deeper" : ""
            if index % 3 == 0 {
                write(bytes, to: outside + "/" + name)
                #expect(rename(outside + "/" + name, inbox + folder + "/" + name) == 0)
            } else {
                write(bytes, to: inbox + folder + "/" + name)
            }
            inputs[name] = bytes
        }

        // SIGKILL in the middle of the burst.
        #expect(poll(seconds: 300) { outcomes().count >= 40 || !first.process.isRunning }, "\(first.log.suffix(2000))")
        first.send(SIGKILL)
        #expect(first.waitForExit() == SIGKILL || first.process.terminationReason == .uncaughtSignal)
        let beforeRestart = outcomes().count
        #expect(beforeRestart < 1000, "the kill came after the burst was done; it tested nothing")

        // While it is down: the same bytes again under new names, bad files (empty, binary, over
        // --max-bytes), and files whose temporary names say they are not finished.
        inputs["again-doc-1.txt"] = inputs["doc-1.txt"]
        inputs["again-doc-998.txt"] = inputs["doc-998.txt"]
        inputs["empty.txt"] = []
        inputs["huge.txt"] = Array((0..<30).map { _ in samples[3] }.joined())
        inputs["picture.png"] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<2000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        for name in ["again-doc-1.txt", "again-doc-998.txt", "empty.txt", "picture.png", "huge.txt"] {
            write(inputs[name]!, to: inbox + "/" + name)
        }
        let unfinished = [".hidden-draft.txt": samples[0], "download.part": samples[1], "notes.txt~": samples[2]]
        for (name, bytes) in unfinished { write(bytes, to: inbox + "/" + name) }
        // A name that is not UTF-8 cannot be recorded faithfully: reported, left alone.
        let badName = Array((inbox + "/bad-").utf8) + [0xFF] + Array(".txt".utf8) + [0]
        let badDescriptor = badName.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_WRONLY | O_CREAT, 0o644) }
        #expect(badDescriptor >= 0)
        close(badDescriptor)

        let second = try DaemonProcess.watch(inbox: inbox, archive: archive, logPath: root.appendingPathComponent("second.log").path)
        #expect(second.waitForLog("event=started"), "\(second.log)")

        // A second daemon on the same archive refuses, saying why.
        let rival = try DaemonProcess.watch(inbox: inbox, archive: archive, logPath: root.appendingPathComponent("rival.log").path)
        #expect(rival.waitForExit() == 2)
        #expect(rival.log.contains("another Scriptorium process (pid \(second.process.processIdentifier)) is using this archive"), "\(rival.log)")

        // A slow writer: chunks with pauses longer than the settle time, the file held open throughout.
        let slow = Array((0..<8).map { _ in samples[3] }.joined())
        let slowPath = inbox + "/slow.txt"
        #expect(FileManager.default.createFile(atPath: slowPath, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: slowPath))
        for chunk in stride(from: 0, to: slow.count, by: slow.count / 8) {
            handle.write(Data(slow[chunk..<min(slow.count, chunk + slow.count / 8)]))
            usleep(300_000)
        }
        try handle.close()
        inputs["slow.txt"] = slow

        // A rename after the restart, and a reload of the rules.
        let moved = WatchBenchmark.document(5000, samples: samples)
        write(moved, to: outside + "/moved-in.txt")
        #expect(rename(outside + "/moved-in.txt", inbox + "/batch-a/moved-in.txt") == 0)
        inputs["moved-in.txt"] = moved
        second.send(SIGHUP)
        #expect(second.waitForLog("event=reloaded"), "\(second.log.suffix(2000))")

        let names = Set(inputs.keys)
        #expect(poll(seconds: 400) { Set(outcomes().compactMap(\.name)).isSuperset(of: names) || !second.process.isRunning }, "\(second.log.suffix(3000))")

        let status = try DaemonProcess(["status", "--archive", archive], logPath: root.appendingPathComponent("status.err").path)
        #expect(status.waitForExit() == 0, "status says no daemon runs: \(status.log)")

        second.send(SIGTERM)
        #expect(second.waitForExit() == 0, "\(second.log.suffix(2000))")
        #expect(second.log.contains("event=stopped"))

        // Exactly once: one outcome per input, none for anything else.
        let records = outcomes()
        let perName = Dictionary(grouping: records, by: { $0.name ?? "" })
        #expect(perName.count == inputs.count)
        for (name, records) in perName where records.count != 1 {
            Issue.record("\(name) has \(records.count) outcomes: \(records.map(\.event))")
        }

        // Every original is kept byte for byte; the catalog lists every name it arrived under.
        let catalog = try Catalog.decode(try DurableFile.read(archive + "/catalog.json"), path: "catalog.json")
        #expect(catalog.sources.count == Set(inputs.values.map { SourceDigest(of: $0) }).count)
        for (name, bytes) in inputs {
            let digest = SourceDigest(of: bytes)
            guard let entry = catalog[digest] else {
                Issue.record("\(name) is not in the catalog")
                continue
            }
            #expect(entry.names.contains(name))
            #expect(FileManager.default.contents(atPath: archive + "/" + entry.original).map { [UInt8]($0) } == bytes, "original of \(name)")
            switch name {
            case "empty.txt", "picture.png", "huge.txt":
                #expect(entry.status == .quarantined, "\(name)")
            default:
                #expect(entry.status == .published, "\(name): \(entry.quarantine?.reason ?? "")")
                for document in entry.documents {
                    #expect(FileManager.default.fileExists(atPath: archive + "/" + document.path))
                }
            }
        }
        #expect(perName["again-doc-1.txt"]?.first?.event == .duplicate)
        #expect(catalog[SourceDigest(of: inputs["doc-998.txt"]!)]?.names.sorted() == ["again-doc-998.txt", "doc-998.txt"])

        // The daemon publishes exactly what the batch command publishes for the same input.
        let batchArchive = root.appendingPathComponent("batch").path
        write(inputs["doc-2.txt"]!, to: outside + "/doc-2.txt")
        let batch = try DaemonProcess(
            ["ingest", "--archive", batchArchive, "--rules", Fixtures.rulesFolder.path, "--schema", Fixtures.schemaPath, outside + "/doc-2.txt"],
            logPath: root.appendingPathComponent("batch.log").path
        )
        #expect(batch.waitForExit() == 0, "\(batch.log)")
        let published = try #require(catalog[SourceDigest(of: inputs["doc-2.txt"]!)])
        for relative in published.documents.map(\.path) + [published.report ?? ""] {
            #expect(FileManager.default.contents(atPath: archive + "/" + relative) == FileManager.default.contents(atPath: batchArchive + "/" + relative), "\(relative)")
        }

        // Nothing left behind but the files a writer has not finished.
        let left = InboxWalker(root: inbox).walk()
        #expect(left.files.isEmpty, "\(left.files)")
        #expect(left.undecodableNames == [inbox + "/bad-\u{FFFD}.txt"])
        #expect(second.log.contains("not valid UTF-8"))
        for name in unfinished.keys {
            #expect(FileManager.default.fileExists(atPath: inbox + "/" + name), "\(name) was taken though its name says it is not finished")
        }
        let claims = try FileManager.default.contentsOfDirectory(atPath: archive + "/.work").filter { $0 != "status.json" }
        #expect(claims.isEmpty, "\(claims)")
    }

    @Test func sigtermFinishesTheDocumentsInFlightExitsZeroAndTheRestResumeOnRestart() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let samples = Fixtures.sampleNames().map(Fixtures.sampleBytes)
        var inputs: [String: [UInt8]] = [:]
        let first = try DaemonProcess.watch(inbox: inbox, archive: archive, logPath: root.appendingPathComponent("first.log").path, settle: 0.05)
        #expect(first.waitForLog("event=started"), "\(first.log)")
        for index in 0..<300 {
            let name = "term-\(index).txt"
            inputs[name] = WatchBenchmark.document(20_000 + index, samples: samples)
            write(inputs[name]!, to: inbox + "/" + name)
        }
        #expect(poll(seconds: 300) { outcomes().count >= 10 || !first.process.isRunning })
        first.send(SIGTERM)
        #expect(first.waitForExit() == 0, "\(first.log.suffix(2000))")
        let log = first.log
        #expect(log.contains("event=stopping") && log.contains("event=stopped"))
        // Every claim it took was finished: as many outcomes as files received, no claim left.
        let received = log.components(separatedBy: "event=received").count - 1
        #expect(outcomes().count == received)
        #expect(received < 300, "SIGTERM came after the burst was done; it tested nothing")
        let claims = try FileManager.default.contentsOfDirectory(atPath: archive + "/.work").filter { $0 != "status.json" }
        #expect(claims.isEmpty, "\(claims)")
        let status = try DaemonProcess(["status", "--archive", archive], logPath: root.appendingPathComponent("status.err").path)
        #expect(status.waitForExit() == 1, "status says a daemon still runs")

        let second = try DaemonProcess.watch(inbox: inbox, archive: archive, logPath: root.appendingPathComponent("second.log").path, settle: 0.05)
        #expect(poll(seconds: 300) { outcomes().count >= inputs.count || !second.process.isRunning }, "\(second.log.suffix(2000))")
        second.send(SIGINT)
        #expect(second.waitForExit() == 0)
        let perName = Dictionary(grouping: outcomes(), by: { $0.name ?? "" })
        #expect(Set(perName.keys) == Set(inputs.keys))
        #expect(perName.values.allSatisfy { $0.count == 1 && $0[0].event == .published })
        #expect(InboxWalker(root: inbox).walk().files.isEmpty)
    }
}

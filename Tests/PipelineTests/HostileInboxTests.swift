import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What people and scrapers really put into an inbox, run through `scriptorium run`.
@Suite(.serialized) struct HostileInboxTests {
    @Test func foldersFIFOsAndLinksAreNeverFollowedOrRead() throws {
        let folder = Fixtures.temporaryFolder()
        let inbox = folder.appendingPathComponent("Inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let outside = folder.appendingPathComponent("outside-secret.txt")
        try Data("A private letter that was never dropped into the inbox.\n".utf8).write(to: outside)
        try FileManager.default.createSymbolicLink(atPath: inbox.appendingPathComponent("link.txt").path, withDestinationPath: outside.path)
        try FileManager.default.createSymbolicLink(atPath: inbox.appendingPathComponent("zero.txt").path, withDestinationPath: "/dev/zero")
        #expect(mkfifo(inbox.appendingPathComponent("pipe.txt").path, 0o644) == 0)
        try FileManager.default.createDirectory(at: inbox.appendingPathComponent("empty folder"), withIntermediateDirectories: true)
        try Data(Fixtures.sampleBytes("002_5238fb1e544311fe.txt")).write(to: inbox.appendingPathComponent("-leading dash ü.txt"))

        let result = try Fixtures.runScriptorium(["run", "--inbox", inbox.path, "--archive", folder.appendingPathComponent("Archive").path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.split(separator: "\n").count == 1)
        #expect(result.standardOutput.hasPrefix("published \(inbox.path)/-leading dash ü.txt -> "))
        let left = try FileManager.default.contentsOfDirectory(atPath: inbox.path).sorted()
        #expect(left == ["empty folder", "link.txt", "pipe.txt", "zero.txt"])
        #expect(try String(contentsOf: outside, encoding: .utf8).hasPrefix("A private letter"))
    }

    @Test func aNameThatIsNotUTF8IsReportedAndLeftAlone() throws {
        let folder = Fixtures.temporaryFolder()
        let inbox = folder.appendingPathComponent("Inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let raw = Array((inbox.path + "/bad").utf8) + [0xFF] + Array("name.txt".utf8) + [0]
        let descriptor = raw.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: raw.count) { open($0, O_WRONLY | O_CREAT, 0o644) }
        }
        #expect(descriptor >= 0)
        _ = Array("A letter.\n".utf8).withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        let result = try Fixtures.runScriptorium(["run", "--inbox", inbox.path, "--archive", folder.appendingPathComponent("A").path])
        #expect(result.status == 2)
        #expect(result.standardOutput.contains("failed \(inbox.path)/bad\u{FFFD}name.txt: the file name is not valid UTF-8"), "\(result.standardOutput)")
        #expect(opendir(inbox.path).map { directory in
            defer { closedir(directory) }
            var count = 0
            while let entry = readdir(directory) {
                if entry.pointee.d_name.0 != 0x2E { count += 1 }
            }
            return count
        } == 1)
    }

    @Test(.enabled(if: SmallFileSystem.available, "needs permission to mount a tmpfs"))
    func aFullDiskStopsWithAClearErrorAndLosesNothing() throws {
        let folder = Fixtures.temporaryFolder()
        let inbox = folder.appendingPathComponent("Inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        for name in Fixtures.sampleNames() {
            try Data(Fixtures.sampleBytes(name)).write(to: inbox.appendingPathComponent(name))
        }
        let before = Fixtures.snapshot(of: inbox)
        let archive = try SmallFileSystem.mount(at: folder.appendingPathComponent("Archive"), kilobytes: 64)
        defer { SmallFileSystem.unmount(archive) }
        // Fill it so that the first original still fits but the archive cannot take everything.
        try Data(repeating: 0, count: 40 * 1024).write(to: archive.appendingPathComponent("filler"))

        let result = try Fixtures.runScriptorium(["run", "--inbox", inbox.path, "--archive", archive.path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("No space left on device"), "\(result.standardError)")
        #expect(result.standardError.contains("free disk space"))
        // Nothing that was not stored left the inbox, and nothing half-written stays in the archive.
        let after = Fixtures.snapshot(of: inbox)
        for (name, bytes) in before where after[name] == nil {
            let stored = Fixtures.snapshot(of: archive.appendingPathComponent("sources")).values
            #expect(stored.contains(bytes), "\(name) left the inbox without being stored")
        }
        #expect(!Fixtures.snapshot(of: archive).keys.contains { ($0 as NSString).lastPathComponent.hasPrefix(".tmp-") })
    }
}

/// A tiny tmpfs, to run out of space on purpose.
enum SmallFileSystem {
    static let available: Bool = {
        let probe = Fixtures.temporaryFolder("mount-probe")
        guard (try? mount(at: probe, kilobytes: 16)) != nil else { return false }
        unmount(probe)
        return true
    }()

    struct MountFailed: Error {}

    static func mount(at url: URL, kilobytes: Int) throws -> URL {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/mount")
        process.arguments = ["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", url.path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw MountFailed() }
        return url
    }

    static func unmount(_ url: URL) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/umount")
        process.arguments = [url.path]
        try? process.run()
        process.waitUntilExit()
    }
}

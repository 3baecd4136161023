import Foundation
import TestSupport
import Testing

/// Rebuilding across machines: N processes on N shards, then merge, must equal a single rebuild.
@Suite(.serialized) struct ShardingTests {
    /// An archive with the samples, variants of them, and a source that ends in quarantine.
    static func makeArchive(in folder: URL) throws -> URL {
        let inputs = folder.appendingPathComponent("inputs")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        for name in Fixtures.sampleNames() {
            let bytes = Fixtures.sampleBytes(name)
            try Data(bytes).write(to: inputs.appendingPathComponent(name))
            for variant in 1...3 {
                let text = String(decoding: bytes, as: UTF8.self) + "\nVariant \(variant) of this page, kept on 4 November 1956.\n"
                try Data(text.utf8).write(to: inputs.appendingPathComponent("v\(variant)-" + name))
            }
        }
        try Data().write(to: inputs.appendingPathComponent("empty.txt"))
        let archive = folder.appendingPathComponent("A")
        let paths = try FileManager.default.contentsOfDirectory(atPath: inputs.path).sorted().map { inputs.appendingPathComponent($0).path }
        let result = try Fixtures.runScriptorium(["ingest", "--archive", archive.path] + paths)
        #expect(result.status == 1, "one input is empty and must be quarantined: \(result.standardError)")
        return archive
    }

    static func archiveFiles(_ root: URL) -> [String: [UInt8]] {
        Fixtures.snapshot(of: root).filter { !$0.key.hasSuffix(".lock") }
    }

    @Test func shardsRebuiltInParallelThenMergedEqualASingleRebuild() throws {
        let folder = Fixtures.temporaryFolder("shards")
        let archive = try Self.makeArchive(in: folder)
        let single = folder.appendingPathComponent("single")
        try FileManager.default.copyItem(at: archive, to: single)
        #expect(try Fixtures.runScriptorium(["rebuild", "--archive", single.path]).status == 1)

        let count = 3
        var processes: [Process] = []
        for index in 0..<count {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Fixtures.executablePath)
            process.arguments = ["rebuild", "--archive", archive.path, "--shard", "\(index)/\(count)", "--into", folder.appendingPathComponent("shard-\(index)").path]
            var environment = ProcessInfo.processInfo.environment
            environment["SCRIPTORIUM_HOME"] = Fixtures.repositoryRoot.path
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            processes.append(process)
        }
        for process in processes { process.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 || $0.terminationStatus == 1 })

        let merged = folder.appendingPathComponent("merged")
        let shards = (0..<count).map { folder.appendingPathComponent("shard-\($0)").path }
        let result = try Fixtures.runScriptorium(["merge", "--archive", merged.path] + shards)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("21 sources"))

        let expected = Self.archiveFiles(single), actual = Self.archiveFiles(merged)
        #expect(expected.keys.sorted() == actual.keys.sorted())
        for (path, bytes) in expected { #expect(actual[path] == bytes, "\(path) differs") }
        // Every shard holds only its own part: together they hold each source exactly once.
        let perShard = shards.map { Set(Self.archiveFiles(URL(fileURLWithPath: $0)).keys.filter { $0.hasPrefix("sources/") }) }
        #expect(perShard.map(\.count).reduce(0, +) == 21)
        #expect(perShard.allSatisfy { !$0.isEmpty })
    }

    @Test func shardArgumentIsChecked() throws {
        #expect(try Fixtures.runScriptorium(["rebuild", "--shard", "3/3"]).status == 2)
        #expect(try Fixtures.runScriptorium(["rebuild", "--shard", "x"]).status == 2)
    }
}

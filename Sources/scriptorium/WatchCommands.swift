import ArgumentParser
import Foundation
import Logging
import ScriptoriumPipeline
import ScriptoriumWatch

struct Watch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Watch the inbox and publish every file as it arrives (the daemon).",
        discussion: """
            Runs until SIGTERM or SIGINT, then finishes the documents in flight and exits 0; SIGHUP \
            reloads the rule files and the schema. Write into the inbox under a temporary name \
            (.name, *.part, *.tmp) and rename into place; other files are taken once unchanged for \
            the settle time. One log line per event on standard error. Exit 2 when it cannot start \
            (for instance another process holds the archive).
            """
    )

    @Option(help: "Inbox folder.") var inbox = "Inbox"
    @Option(help: "Archive folder.") var archive = "Archive"
    @Option(help: "Seconds a file must stay unchanged before it is taken.") var settle = 0.05
    @Option(help: "Seconds between full rescans of the inbox.") var rescan = 30.0
    @OptionGroup var resources: ResourceOptions

    func validate() throws {
        guard !resources.json else { throw ValidationError("--json is for batch commands; watch logs one key=value line per event") }
    }

    func run() throws {
        LoggingSystem.bootstrap { LogfmtLogHandler(label: $0) }
        let logger = Logger(label: "scriptorium.watch")
        let watcher: Watcher
        do {
            let located = try Resources.locate(rules: resources.rules, schema: resources.schema)
            let configuration = WatchConfiguration(
                inbox: inbox, archive: archive, resources: located, jobs: resources.jobs, settle: settle, rescanInterval: rescan,
                sizeLimit: resources.maxBytes
            )
            watcher = try Watcher(configuration: configuration, logger: logger)
            try watcher.start()
        } catch {
            printError("scriptorium: \(error)")
            throw ExitCode(2)
        }
        watcher.waitUntilStopped()
    }
}

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show whether a watcher runs on the archive, its queue, counts and last errors.",
        discussion: "Reads the archive without locking it. Exit 0 when a watcher runs, 1 when none does."
    )

    @Option(help: "Archive folder.") var archive = "Archive"

    func run() throws {
        guard FileManager.default.fileExists(atPath: archive) else {
            printError("scriptorium: the archive \(archive) does not exist\nwhat to do: pass --archive with an existing archive folder")
            throw ExitCode(2)
        }
        let report: StatusReport
        do {
            report = try StatusReport(archive: archive)
        } catch {
            printError("scriptorium: \(error)")
            throw ExitCode(2)
        }
        print(report.text)
        if !report.daemonRunning { throw ExitCode(1) }
    }
}

struct BenchWatch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-watch",
        abstract: "Measure the watcher: close → published latency (p50, p99) and files per second for a burst.",
        discussion: "Runs the real watcher on a temporary inbox and archive, removed afterwards. Build with -c release for meaningful figures."
    )

    @Option(help: "Documents dropped one at a time.") var singles = 200
    @Option(help: "Documents dropped at once.") var burst = 1000
    @Option(help: "Seconds a file must stay unchanged before it is taken.") var settle = 0.05
    @Option(help: "Sample text files the documents are made from (default: Samples/003* of the checkout, about 10 KB).")
    var samples: [String] = []
    @OptionGroup var resources: ResourceOptions

    func run() throws {
        let located: Resources
        do {
            located = try Resources.locate(rules: resources.rules, schema: resources.schema)
        } catch {
            printError("scriptorium: \(error)")
            throw ExitCode(2)
        }
        let samplePaths = samples.isEmpty ? defaultSamples(located) : samples
        let texts = samplePaths.compactMap { FileManager.default.contents(atPath: $0).map { [UInt8]($0) } }
        guard !texts.isEmpty else {
            printError("scriptorium: no sample documents found\nwhat to do: pass --samples FILE")
            throw ExitCode(2)
        }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("scriptorium-bench-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/Inbox", withIntermediateDirectories: true)
        var logger = Logger(label: "scriptorium.bench") { LogfmtLogHandler(label: $0) }
        logger.logLevel = .warning
        let benchmark = WatchBenchmark(
            configuration: WatchConfiguration(
                inbox: root + "/Inbox", archive: root + "/Archive", resources: located, jobs: resources.jobs, settle: settle,
                sizeLimit: resources.maxBytes
            ),
            singles: singles, burst: burst, samples: texts
        )
        let result = try benchmark.run(logger: logger)
        print("settle \(settle) s, \(resources.jobs) jobs, \(ProcessInfo.processInfo.activeProcessorCount) cores")
        print(result.text)
    }

    private func defaultSamples(_ resources: Resources) -> [String] {
        let folder = resources.rulesFolder.deletingLastPathComponent().appendingPathComponent("Samples").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasPrefix("003") }.map { folder + "/" + $0 }
    }
}

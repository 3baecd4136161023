import Dispatch
import Foundation
import Logging
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// `scriptorium bench-watch`: runs the real watcher on a temporary inbox and archive and
/// measures what an archivist feels — the time from a file's `close()` to its TEI being
/// published — one file at a time (p50, p99) and for a burst (files per second).
public struct WatchBenchmark: Sendable {
    public var configuration: WatchConfiguration
    /// Documents dropped one at a time, each after the previous one was published.
    public var singles: Int
    /// Documents dropped at once.
    public var burst: Int
    /// Texts the documents are made from (varied so every one has its own digest).
    public var samples: [[UInt8]]

    public init(configuration: WatchConfiguration, singles: Int, burst: Int, samples: [[UInt8]]) {
        self.configuration = configuration
        self.singles = singles
        self.burst = burst
        self.samples = samples
    }

    public struct Result: Sendable {
        public var singleLatencies: [Double]
        public var burstLatencies: [Double]
        public var burstSeconds: Double
        public var burst: Int
        public var meanSize: Int
        /// Mean milliseconds per document reading and in the pipeline (parallel, on `jobs` workers).
        public var meanPipeline: Double
        /// Mean milliseconds per document on the serial archive queue (writes and fsyncs).
        public var meanArchive: Double
        /// CPU seconds this process used during the burst, per second of the burst: 2.0 is two cores busy.
        public var burstCores: Double

        public var text: String {
            func percentile(_ values: [Double], _ p: Double) -> String {
                guard !values.isEmpty else { return "-" }
                let sorted = values.sorted()
                let index = min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)
                return String(format: "%.1f ms", sorted[max(0, index)])
            }
            var lines = ["documents: mean \(meanSize) bytes"]
            if !singleLatencies.isEmpty {
                lines.append("one at a time (\(singleLatencies.count) files): close → published p50 \(percentile(singleLatencies, 0.5)), p99 \(percentile(singleLatencies, 0.99)), max \(percentile(singleLatencies, 1))")
            }
            if burst > 0 {
                lines.append("burst of \(burst): \(String(format: "%.1f", Double(burst) / burstSeconds)) files/s sustained (\(String(format: "%.2f", burstSeconds)) s, \(String(format: "%.2f", burstCores)) cores busy), close → published p50 \(percentile(burstLatencies, 0.5)), p99 \(percentile(burstLatencies, 0.99))")
            }
            lines.append("per document: \(String(format: "%.1f", meanPipeline)) ms read + pipeline (on a worker), \(String(format: "%.1f", meanArchive)) ms on the serial archive queue")
            return lines.joined(separator: "\n")
        }
    }

    /// A varied document: a sample with a numbered archivist's note, so each digest differs.
    public static func document(_ index: Int, samples: [[UInt8]]) -> [UInt8] {
        samples[index % samples.count] + Array("\n\nArchivist's note \(index): transcribed copy number \(index) of this item.\n".utf8)
    }

    public func run(logger: Logger) throws -> Result {
        let finished = Mutex<[String: WatchReport]>([:])
        let arrivals = DispatchSemaphore(value: 0)
        let watcher = try Watcher(configuration: configuration, logger: logger) { report in
            finished.withLock { $0[report.claim.name] = report }
            arrivals.signal()
        }
        try watcher.start(handleSignals: false)
        defer {
            watcher.requestStop()
            watcher.waitUntilStopped()
        }
        var sizes = 0
        var singleLatencies: [Double] = []
        for index in 0..<singles {
            let name = "single-\(index).txt"
            let bytes = Self.document(index, samples: samples)
            sizes += bytes.count
            let closed = try write(bytes, name: name)
            arrivals.wait()
            guard let done = finished.withLock({ $0[name]?.finishedAt }) else { continue }
            singleLatencies.append(Double(done - closed) / 1_000_000)
            usleep(20_000)
        }
        var closedAt: [String: UInt64] = [:]
        let cpuBefore = Self.cpuSeconds()
        let start = DispatchTime.now().uptimeNanoseconds
        for index in 0..<burst {
            let name = "burst-\(index).txt"
            let bytes = Self.document(singles + index, samples: samples)
            sizes += bytes.count
            closedAt[name] = try write(bytes, name: name)
        }
        for _ in 0..<burst { arrivals.wait() }
        let cpu = Self.cpuSeconds() - cpuBefore
        let results = finished.withLock { $0 }
        let last = closedAt.keys.compactMap { results[$0]?.finishedAt }.max() ?? start
        let burstLatencies = closedAt.compactMap { name, closed in results[name].map { Double($0.finishedAt - closed) / 1_000_000 } }
        let reports = Array(results.values)
        let seconds = Double(last - start) / 1_000_000_000
        func mean(_ values: [UInt64]) -> Double { values.isEmpty ? 0 : Double(values.reduce(0, +)) / Double(values.count) / 1_000_000 }
        return Result(
            singleLatencies: singleLatencies, burstLatencies: burstLatencies, burstSeconds: seconds,
            burst: burst, meanSize: sizes / max(1, singles + burst), meanPipeline: mean(reports.map(\.pipelineTime)),
            meanArchive: mean(reports.map(\.archiveTime)), burstCores: seconds > 0 ? cpu / seconds : 0
        )
    }

    /// User and system CPU time of this process so far.
    private static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// Writes a file into the inbox and returns the monotonic time right after `close()`.
    private func write(_ bytes: [UInt8], name: String) throws -> UInt64 {
        let path = configuration.inbox + "/" + name
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw WatchError(problem: "cannot write a benchmark document", path: path, remedy: "check the temporary folder")
        }
        _ = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        return DispatchTime.now().uptimeNanoseconds
    }
}

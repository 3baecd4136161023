import Dispatch
import Foundation
import ScriptoriumModel
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Measures the pipeline on a generated corpus: time per stage, documents and megabytes per
/// second, peak memory, and — in the same run, on the same output — the floor: parsing and
/// validating the produced TEI with libxml2 alone.
///
/// Documents are generated, processed and dropped one at a time per worker, so memory stays flat
/// however large the corpus; nothing is written to disk (archive I/O is not the pipeline).
public struct PipelineBenchmark: Sendable {
    public let pipeline: Pipeline
    /// Texts the corpus is made of (the samples, plus any folder given).
    public let bases: [[UInt8]]

    public init(pipeline: Pipeline, bases: [[UInt8]]) {
        self.pipeline = pipeline
        self.bases = bases
    }

    /// The i-th document of the corpus: a base text with a paragraph of its own, so every
    /// document has different bytes (and digest) but realistic content and size.
    public func document(_ index: Int) -> RawSource {
        var bytes = bases[index % bases.count]
        bytes += Array("\n\nCatalogue note \(index): copy \(index / bases.count + 1) of this text, filed on \(index % 28 + 1) November 1956.\n".utf8)
        return RawSource(name: "bench-\(index).txt", bytes: bytes)
    }

    /// Nanoseconds spent in each stage, summed over all workers.
    public struct StageTimes: Sendable {
        public var decode: UInt64 = 0
        public var clean: UInt64 = 0
        public var segment: UInt64 = 0
        public var annotate: UInt64 = 0
        public var export: UInt64 = 0
        public var validate: UInt64 = 0
        /// libxml2 parse + RELAX NG validation of the same TEI, measured separately.
        public var floor: UInt64 = 0

        mutating func add(_ other: StageTimes) {
            decode += other.decode; clean += other.clean; segment += other.segment; annotate += other.annotate
            export += other.export; validate += other.validate; floor += other.floor
        }

        public var pipeline: UInt64 { decode + clean + segment + annotate + export + validate }
    }

    public struct Result: Sendable {
        public var documents: Int
        public var teiFiles: Int
        public var inputBytes: Int
        public var wallSeconds: Double
        public var jobs: Int
        public var stages: StageTimes
        public var peakMemoryBytes: Int
    }

    public func run(documents: Int, jobs: Int) -> Result {
        let totals = Mutex((StageTimes(), 0, 0))  // times, TEI files, input bytes
        let start = DispatchTime.now().uptimeNanoseconds
        let workers = max(1, jobs)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var times = StageTimes()
            var tei = 0
            var bytes = 0
            var index = worker
            while index < documents {
                let raw = document(index)
                bytes += raw.bytes.count
                tei += measure(raw, into: &times)
                index += workers
            }
            totals.withLock { total in
                total.0.add(times)
                total.1 += tei
                total.2 += bytes
            }
        }
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let (stages, tei, bytes) = totals.withLock { $0 }
        return Result(documents: documents, teiFiles: tei, inputBytes: bytes, wallSeconds: wall, jobs: workers, stages: stages, peakMemoryBytes: Self.peakMemory())
    }

    /// Runs one source stage by stage, adding each stage's time; returns the TEI files made.
    private func measure(_ raw: RawSource, into times: inout StageTimes) -> Int {
        var clock = DispatchTime.now().uptimeNanoseconds
        func lap(_ field: WritableKeyPath<StageTimes, UInt64>) {
            let now = DispatchTime.now().uptimeNanoseconds
            times[keyPath: field] += now - clock
            clock = now
        }
        guard let decoded = try? pipeline.decoder.decode(raw) else { return 0 }
        lap(\.decode)
        let cleaned = pipeline.cleaner.clean(decoded)
        lap(\.clean)
        let segmented = pipeline.segmenter.segment(cleaned)
        lap(\.segment)
        let annotated = segmented.documents.map(pipeline.annotator.annotate)
        lap(\.annotate)
        let drafts = annotated.map(pipeline.writer.render)
        lap(\.export)
        let valid = drafts.compactMap { try? pipeline.validator.validate($0) }
        lap(\.validate)
        for document in valid { try? pipeline.validator.check(document.bytes, name: "floor.xml") }
        lap(\.floor)
        return valid.count
    }

    /// Peak resident memory of this process (`ru_maxrss`, kilobytes on Linux).
    static func peakMemory() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss) * 1024
    }
}

extension PipelineBenchmark.Result {
    /// The report printed by `scriptorium bench`.
    public var report: String {
        let seconds = { (nanoseconds: UInt64) in Double(nanoseconds) / 1e9 }
        let total = seconds(stages.pipeline)
        func row(_ name: String, _ nanoseconds: UInt64) -> String {
            let value = seconds(nanoseconds)
            let share = total > 0 ? value / total * 100 : 0
            let perDocument = documents > 0 ? value / Double(documents) * 1e3 : 0
            return name.padding(toLength: 10, withPad: " ", startingAt: 0)
                + String(format: "%9.3f s %6.1f %% %8.3f ms/doc", value, share, perDocument)
        }
        var lines = [
            "documents: \(documents) (\(teiFiles) TEI files), \(String(format: "%.1f", Double(inputBytes) / 1e6)) MB of input, jobs: \(jobs)",
            "wall time: \(String(format: "%.2f", wallSeconds)) s — \(String(format: "%.0f", Double(documents) / wallSeconds)) documents/s, "
                + "\(String(format: "%.2f", Double(inputBytes) / 1e6 / wallSeconds)) MB/s",
            "peak memory: \(String(format: "%.1f", Double(peakMemoryBytes) / 1_048_576)) MB",
            "stage times (CPU time summed over workers):",
            row("decode", stages.decode), row("clean", stages.clean), row("segment", stages.segment),
            row("annotate", stages.annotate), row("export", stages.export), row("validate", stages.validate),
            row("pipeline", stages.pipeline),
            "floor (libxml2 parse + RELAX NG validation of the same TEI): \(String(format: "%.3f", seconds(stages.floor))) s",
            "pipeline / floor: \(stages.floor > 0 ? String(format: "%.1f×", Double(stages.pipeline) / Double(stages.floor)) : "n/a")",
        ]
        if teiFiles == 0 { lines.append("warning: no TEI was produced") }
        return lines.joined(separator: "\n")
    }
}

import Foundation
import ScriptoriumPipeline
#if canImport(Glibc)
import Glibc
#endif

/// Prints what a batch command did: one line per input on standard output (or one JSON summary
/// with `--json`), a progress bar on standard error when it is a terminal, and a summary line.
final class CommandReporter {
    private let json: Bool
    private let showProgress: Bool
    private var total = 0
    private var done = 0
    private let started = Date()
    private var lastDraw = Date.distantPast

    init(json: Bool) {
        self.json = json
        self.showProgress = isatty(2) == 1
    }

    func start(total: Int) {
        self.total = total
        draw(force: true)
    }

    func report(_ result: InputResult) {
        done += 1
        if !json {
            if showProgress { clearProgress() }
            // Unbuffered, so lines and the progress bar on standard error never interleave badly.
            FileHandle.standardOutput.write(Data((result.line + "\n").utf8))
        }
        draw(force: done == total)
    }

    /// `[ 120/400]  30%   85 docs/s  0:03 left`, redrawn at most ten times a second.
    private func draw(force: Bool) {
        guard showProgress, total > 0 else { return }
        let now = Date()
        guard force || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        let rate = Double(done) / elapsed
        let left = rate > 0 ? Int(Double(total - done) / rate) : 0
        let width = 24
        let filled = total > 0 ? width * done / total : 0
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let line = String(format: "\r\u{1B}[K[%@] %d/%d %3d%% %6.0f docs/s %d:%02d left", bar, done, total, total > 0 ? 100 * done / total : 100, rate, left / 60, left % 60)
        FileHandle.standardError.write(Data(line.utf8))
    }

    private func clearProgress() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    /// Prints the summary and gives the command's exit code: 0, 1 (quarantined) or 2 (failed).
    func finish(_ results: [InputResult]) -> Int32 {
        if showProgress { clearProgress() }
        var published = 0, quarantined = 0, failed = 0
        for result in results {
            switch result.outcome {
            case .published: published += 1
            case .quarantined: quarantined += 1
            case .failed: failed += 1
            }
        }
        let seconds = Date().timeIntervalSince(started)
        if json {
            print(Self.summaryJSON(results, published: published, quarantined: quarantined, failed: failed, seconds: seconds))
        }
        printError("\(results.count) inputs: \(published) published, \(quarantined) quarantined, \(failed) failed"
            + String(format: " (%.1f s)", seconds))
        return failed > 0 ? 2 : (quarantined > 0 ? 1 : 0)
    }

    static func summaryJSON(_ results: [InputResult], published: Int, quarantined: Int, failed: Int, seconds: Double) -> String {
        struct Item: Encodable {
            var input: String
            var outcome: String
            var files: [String]?
            var reason: String?
            var reasonFile: String?
        }
        struct Summary: Encodable {
            var inputs: Int
            var published: Int
            var quarantined: Int
            var failed: Int
            var documents: Int
            var seconds: Double
            var results: [Item]
        }
        let items = results.map { result -> Item in
            switch result.outcome {
            case .published(let paths): return Item(input: result.input, outcome: "published", files: paths)
            case .quarantined(let reason, let path): return Item(input: result.input, outcome: "quarantined", reason: reason, reasonFile: path)
            case .failed(let message): return Item(input: result.input, outcome: "failed", reason: message)
            }
        }
        let documents = items.reduce(0) { $0 + ($1.files?.count ?? 0) }
        let summary = Summary(
            inputs: results.count, published: published, quarantined: quarantined, failed: failed, documents: documents,
            seconds: (seconds * 1000).rounded() / 1000, results: items
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(summary)) ?? Data("{}".utf8), as: UTF8.self)
    }
}

import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A real `scriptorium` process, as an archivist's service manager would run it, with its
/// standard error captured to a file the test can poll.
final class DaemonProcess {
    let process = Process()
    let logPath: String

    init(_ arguments: [String], logPath: String) throws {
        self.logPath = logPath
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: Fixtures.executablePath)
        process.arguments = arguments
        process.standardError = FileHandle(forWritingAtPath: logPath)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
    }

    /// `scriptorium watch` on `inbox` and `archive`, with the repository's rules and schema.
    static func watch(inbox: String, archive: String, logPath: String, settle: Double = 0.2) throws -> DaemonProcess {
        try DaemonProcess(
            [
                "watch", "--inbox", inbox, "--archive", archive, "--jobs", "2", "--settle", String(settle), "--rescan", "5",
                "--max-bytes", "200000", "--rules", Fixtures.rulesFolder.path, "--schema", Fixtures.schemaPath,
            ],
            logPath: logPath
        )
    }

    var log: String {
        (FileManager.default.contents(atPath: logPath)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    func send(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// The exit status, or nil if it is still running at the deadline.
    func waitForExit(seconds: Double = 60) -> Int32? {
        guard poll(seconds: seconds, { !self.process.isRunning }) else { return nil }
        return process.terminationStatus
    }

    /// Waits for `text` in the log; gives up at once if the process exited without writing it.
    func waitForLog(_ text: String, seconds: Double = 60) -> Bool {
        poll(seconds: seconds) { self.log.contains(text) || !self.process.isRunning } && log.contains(text)
    }
}

/// Polls `condition` every 50 ms until it holds or `seconds` pass; no timing is asserted.
func poll(seconds: Double, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if condition() { return true }
        usleep(50_000)
    }
    return condition()
}

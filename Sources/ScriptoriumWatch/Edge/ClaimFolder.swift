import Foundation
import ScriptoriumArchive
#if canImport(Glibc)
import Glibc
#endif

/// The work folder where claimed files wait until their outcome is journaled:
/// `<work>/<claim id>/<original name>`.
///
/// Why a folder per claim: the original name survives a crash without any other record, and
/// `rename(2)` into it is atomic, so exactly one of any number of racing claims wins (the
/// others get `ENOENT`) and duplicate events are harmless. An empty claim folder is what a
/// crash between `mkdir` and `rename` leaves; it is removed on recovery.
public struct ClaimFolder: Sendable {
    public let root: String
    private let prefix: String
    private let counter = ClaimCounter()

    /// `prefix` keeps ids unique across restarts (the daemon's start time).
    public init(root: String, prefix: String) {
        self.root = root
        self.prefix = prefix
    }

    public func path(of claim: Claim) -> String { root + "/" + claim.id + "/" + claim.name }

    public func prepare() throws(ArchiveError) {
        try DurableFile.makeFolder(root)
    }

    public enum ClaimResult: Sendable {
        case claimed(Claim)
        /// Gone: another claim won, or the writer removed it.
        case gone
        /// Not what was found stable: look again.
        case changed(FileObservation?)
        case failed(WatchError)
    }

    /// Moves `path` into a new claim folder if it still matches `expected`.
    public func claim(_ inboxPath: String, expected: FileSnapshot) -> ClaimResult {
        guard let current = FileProbe.observe(inboxPath) else { return .gone }
        guard current.snapshot == expected, !current.beingWritten else { return .changed(current) }
        let claim = Claim(id: nextID(), name: (inboxPath as NSString).lastPathComponent)
        let folder = root + "/" + claim.id
        guard mkdir(folder, 0o700) == 0 else {
            return .failed(WatchError(problem: "cannot create a claim folder: \(String(cString: strerror(errno)))", path: folder, remedy: "check that the archive's .work folder is writable"))
        }
        guard rename(inboxPath, path(of: claim)) == 0 else {
            let code = errno
            rmdir(folder)
            if code == ENOENT { return .gone }
            let remedy = code == EXDEV ? "keep the inbox and the archive on one file system" : "check permissions on the inbox and the archive"
            return .failed(WatchError(problem: "cannot move the file out of the inbox: \(String(cString: strerror(code)))", path: inboxPath, remedy: remedy))
        }
        return .claimed(claim)
    }

    /// Moves a claimed file that changed after it was read into a fresh claim, so its new bytes
    /// are processed too and nothing a late writer added is lost.
    public func reclaim(_ claim: Claim) -> Claim? {
        let fresh = Claim(id: nextID(), name: claim.name)
        let folder = root + "/" + fresh.id
        guard mkdir(folder, 0o700) == 0, rename(path(of: claim), path(of: fresh)) == 0 else { return nil }
        rmdir(root + "/" + claim.id)
        return fresh
    }

    /// Removes a finished claim's file and folder.
    @discardableResult
    public func remove(_ claim: Claim) -> Bool {
        let removed = unlink(path(of: claim)) == 0 || errno == ENOENT
        rmdir(root + "/" + claim.id)
        return removed
    }

    /// Every claim in the work folder, oldest id first; empty claim folders are removed.
    public func existingClaims() -> [Claim] {
        guard let ids = try? FileManager.default.contentsOfDirectory(atPath: root) else { return [] }
        var claims: [Claim] = []
        for id in ids.sorted() where !id.hasPrefix(".") {
            var info = stat()
            guard lstat(root + "/" + id, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { continue }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + id)) ?? []
            if names.isEmpty {
                rmdir(root + "/" + id)
                continue
            }
            claims += names.sorted().map { Claim(id: id, name: $0) }
        }
        return claims
    }

    private func nextID() -> String {
        prefix + "-" + String(counter.next(), radix: 36).leftPadded(to: 6)
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}

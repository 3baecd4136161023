import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on an archive, so two processes never write it at once.
///
/// `flock` on `Archive/.lock`: released by the kernel when the process dies, even by SIGKILL,
/// so a crash never leaves the archive locked. Not `Sendable`: held by the command that took it.
public final class ArchiveLock {
    private let descriptor: Int32

    /// Takes the lock, or fails at once naming the process that holds it.
    public init(path: String) throws(ArchiveError) {
        try DurableFile.makeFolder((path as NSString).deletingLastPathComponent)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .system("open the lock file", path: path, errno: errno) }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            var holder = ""
            if let bytes = FileManager.default.contents(atPath: path), let text = String(data: bytes, encoding: .utf8) {
                holder = text.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            close(descriptor)
            if code == EWOULDBLOCK {
                throw ArchiveError(
                    problem: "another Scriptorium process\(holder.isEmpty ? "" : " (pid \(holder))") is using this archive",
                    path: path,
                    remedy: "wait for it to finish, or stop the daemon (`scriptorium watch`) before running batch commands on the same archive"
                )
            }
            throw .system("lock the archive", path: path, errno: code)
        }
        ftruncate(descriptor, 0)
        let pid = Array("\(getpid())\n".utf8)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        self.descriptor = descriptor
    }

    /// The pid of the process holding the lock at `path`, or nil when nobody holds it.
    ///
    /// Probes with a shared lock released at once, so it never blocks the holder; reads the
    /// pid the holder wrote. For `scriptorium status`, which must not take the archive.
    public static func holder(path: String) -> Int32? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        if flock(descriptor, LOCK_SH | LOCK_NB) == 0 {
            flock(descriptor, LOCK_UN)
            return nil
        }
        let text = FileManager.default.contents(atPath: path).flatMap { String(data: $0, encoding: .utf8) } ?? ""
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// Looks at one inbox file: its snapshot, and whether a process still has it open for writing.
///
/// Why the lease: size and times alone cannot tell a finished file from a writer that paused.
/// Linux grants a read lease (`F_SETLEASE`, `F_RDLCK`) only while no process has the file open
/// for writing, so a refused lease (`EAGAIN`) is proof a writer is still there. The lease is
/// released at once; a writer opening the file in that instant waits microseconds. Where
/// leases are unavailable (another owner without `CAP_LEASE`, NFS) the settle time alone decides.
public enum FileProbe {
    /// Nil when the path is gone or is not a regular file (links are never followed).
    public static func observe(_ path: String) -> FileObservation? {
        guard let snapshot = snapshot(path) else { return nil }
        return FileObservation(snapshot: snapshot, beingWritten: hasWriter(path))
    }

    public static func snapshot(_ path: String) -> FileSnapshot? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return FileSnapshot(info)
    }

    static func hasWriter(_ path: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        if fcntl(descriptor, leaseSet, Int32(F_RDLCK)) == 0 {
            _ = fcntl(descriptor, leaseSet, Int32(F_UNLCK))
            return false
        }
        return errno == EAGAIN
    }

    /// `F_SETLEASE` (Linux-specific, not exported by every Glibc module map).
    private static let leaseSet: Int32 = 1024
}

extension FileSnapshot {
    init(_ info: stat) {
        self.init(
            size: Int(info.st_size),
            modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
            changed: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec),
            inode: UInt64(info.st_ino)
        )
    }
}

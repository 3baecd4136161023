import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes files so that a crash at any instant leaves either the old file or the complete new
/// one: a temporary file in the same folder, written, fsynced, renamed over the target, and the
/// folder fsynced so the rename itself survives a power cut.
public enum DurableFile {
    /// Writes `bytes` to `path` atomically and durably, creating parent folders as needed.
    ///
    /// A file already holding exactly `bytes` is left as it is: it was written (and synced) by
    /// an earlier call, so rewriting unchanged files costs one read instead of two fsyncs — a
    /// rebuild with unchanged rules, or the watcher's archive queue after its workers stored a
    /// source's files ahead of it.
    public static func write(_ bytes: some Collection<UInt8>, to path: String, permissions: mode_t = 0o644) throws(ArchiveError) {
        if holds(bytes, path) { return }
        let folder = (path as NSString).deletingLastPathComponent
        try makeFolder(folder)
        let temporary = folder + "/.tmp-" + (path as NSString).lastPathComponent + "-" + String(getpid()) + "-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions)
        guard descriptor >= 0 else { throw .system("create a temporary file", path: temporary, errno: errno) }
        var failure: ArchiveError?
        let contiguous = Array(bytes)
        contiguous.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = .system("write", path: temporary, errno: errno)
                    return
                }
                offset += written
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = .system("flush to disk", path: temporary, errno: errno) }
        if close(descriptor) != 0, failure == nil { failure = .system("close", path: temporary, errno: errno) }
        if let failure {
            unlink(temporary)
            throw failure
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw .system("move the finished file into place", path: path, errno: code)
        }
        try syncFolder(folder)
    }

    private static func holds(_ bytes: some Collection<UInt8>, _ path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == bytes.count,
            let existing = try? read(path)
        else { return false }
        return existing.elementsEqual(bytes)
    }

    /// Creates `folder` and its parents; each new folder is synced into its parent.
    public static func makeFolder(_ folder: String) throws(ArchiveError) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                throw ArchiveError(problem: "expected a folder but found a file", path: folder, remedy: "move the file away from the archive layout")
            }
            return
        }
        let parent = (folder as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != folder { try makeFolder(parent) }
        if mkdir(folder, 0o755) != 0 && errno != EEXIST {
            throw .system("create the folder", path: folder, errno: errno)
        }
        if !parent.isEmpty { try syncFolder(parent) }
    }

    /// Makes a folder's entries (new names, renames) durable.
    public static func syncFolder(_ folder: String) throws(ArchiveError) {
        let descriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .system("open the folder", path: folder, errno: errno) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw .system("flush the folder to disk", path: folder, errno: errno) }
    }

    /// Reads a whole file with plain system calls (Foundation's `contents(atPath:)` leaks its
    /// buffer on Linux, as LeakSanitizer shows, and costs an extra copy).
    public static func read(_ path: String) throws(ArchiveError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw ArchiveError(problem: "cannot read the file: \(String(cString: strerror(errno)))", path: path, remedy: "check that the archive is complete and readable")
        }
        defer { close(descriptor) }
        var info = stat()
        var bytes: [UInt8] = []
        if fstat(descriptor, &info) == 0 { bytes.reserveCapacity(Int(info.st_size)) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ArchiveError(problem: "cannot read the file: \(String(cString: strerror(errno)))", path: path, remedy: "check the disk and the file's permissions")
            }
            if count == 0 { return bytes }
            bytes += chunk[0..<count]
        }
    }
}

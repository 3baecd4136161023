import Foundation
#if canImport(Glibc)
import Glibc
#endif
import ScriptoriumModel

/// Reads an input file's exact bytes: the ingest stage's I/O edge.
///
/// Refuses what is not a regular file and anything over the size limit before reading a byte
/// of it, so a 5 GB video dropped by mistake never fills memory.
public struct SourceFileReader: Sendable {
    /// Largest file read, in bytes (default 50 MB).
    public var sizeLimit: Int

    public static let defaultSizeLimit = 50 * 1024 * 1024

    public init(sizeLimit: Int = SourceFileReader.defaultSizeLimit) {
        self.sizeLimit = sizeLimit
    }

    /// The file's bytes, named by the last component of `path`.
    public func read(path: String) throws(IngestError) -> RawSource {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG else {
            throw .notRegularFile(path: path, kind: Self.describe(type))
        }
        guard Int(info.st_size) <= sizeLimit else {
            throw .tooLarge(path: path, size: Int(info.st_size), limit: sizeLimit)
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
        guard descriptor >= 0 else {
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        // The path may have been swapped for something else between stat and open.
        var opened = stat()
        guard fstat(descriptor, &opened) == 0, opened.st_mode & S_IFMT == S_IFREG else {
            throw .notRegularFile(path: path, kind: Self.describe(opened.st_mode & S_IFMT))
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            bytes += chunk[0..<count]
            if bytes.count > sizeLimit {
                throw .tooLarge(path: path, size: bytes.count, limit: sizeLimit)
            }
        }
        var after = stat()
        if fstat(descriptor, &after) == 0,
           after.st_size != opened.st_size || after.st_mtim.tv_sec != opened.st_mtim.tv_sec || after.st_mtim.tv_nsec != opened.st_mtim.tv_nsec
            || bytes.count != Int(opened.st_size)
        {
            throw .changedWhileReading(path: path)
        }
        let name = (path as NSString).lastPathComponent
        return RawSource(name: name, bytes: bytes)
    }

    static func describe(_ type: mode_t) -> String {
        switch type {
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a FIFO"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        case S_IFLNK: return "a symbolic link"
        default: return "an unknown kind of file"
        }
    }
}

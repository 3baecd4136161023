import ScriptoriumModel
#if canImport(Glibc)
import Glibc
#endif

/// SHA-256 of a file read in chunks, so fixity checks never hold a large original in memory.
enum FileDigest {
    /// The digest and size of the file at `path`, or nil when it cannot be read.
    static func of(path: String) -> (digest: SourceDigest, size: Int)? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var hasher = SourceHasher()
        var size = 0
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { return (hasher.finalize(), size) }
            chunk.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            size += count
        }
    }
}

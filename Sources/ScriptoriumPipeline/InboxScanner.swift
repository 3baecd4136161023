import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Lists the files of an inbox that are ready to take, in a stable order.
///
/// Skips dot-files and the temporary names of writers and downloaders (`*.part`, `*.tmp`,
/// `*.crdownload`, `*~`): a writer should write under such a name and rename into place. Never
/// follows symbolic links. Subfolders are searched too. Reads folder entries as raw bytes, so a
/// name that is not valid UTF-8 is reported rather than silently missed.
public struct InboxScanner: Sendable {
    public let root: String

    public static let temporarySuffixes = [".part", ".tmp", ".crdownload", "~", ".swp"]

    public init(root: String) {
        self.root = root
    }

    /// What a scan found.
    public struct Scan: Sendable, Equatable {
        /// Regular files ready to take, sorted.
        public var files: [String]
        /// Entries whose names are not valid UTF-8 (shown with U+FFFD for the bad bytes): they
        /// cannot be named faithfully, so they are left where they are and reported.
        public var undecodableNames: [String]
    }

    /// Whether a file name is one a writer is still working on.
    public static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(".") || temporarySuffixes.contains { name.hasSuffix($0) }
    }

    public func candidates() -> [String] {
        scan().files
    }

    public func scan() -> Scan {
        var result = Scan(files: [], undecodableNames: [])
        collect(root, into: &result)
        result.files.sort()
        result.undecodableNames.sort()
        return result
    }

    private func collect(_ folder: String, into result: inout Scan) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(directory) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
            guard let name = String(validating: bytes, as: UTF8.self) else {
                result.undecodableNames.append(folder + "/" + String(decoding: bytes, as: UTF8.self))
                continue
            }
            entries.append((name, entry.pointee.d_type))
        }
        for (name, _) in entries.sorted(by: { $0.name < $1.name }) where !Self.isTemporary(name) {
            let path = folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFREG: result.files.append(path)
            case S_IFDIR: collect(path, into: &result)
            default: continue
            }
        }
    }
}

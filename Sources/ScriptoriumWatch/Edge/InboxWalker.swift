import Foundation
import ScriptoriumPipeline
#if canImport(Glibc)
import Glibc
#endif

/// Lists an inbox's folders (to watch) and candidate files (to look at), skipping what
/// `InboxScanner` skips: dot-names, writers' temporary names and symbolic links. Reads entries
/// as raw bytes, as `InboxScanner` does, so a name that is not UTF-8 is reported, not missed.
public struct InboxWalker: Sendable {
    public let root: String

    public init(root: String) {
        self.root = root
    }

    public struct Listing: Sendable {
        /// The starting folder first, then every subfolder.
        public var folders: [String] = []
        public var files: [String] = []
        /// Entries whose names are not valid UTF-8 (bad bytes shown as U+FFFD): left where they are.
        public var undecodableNames: [String] = []
    }

    public func walk(from folder: String? = nil) -> Listing {
        var listing = Listing()
        collect(folder ?? root, into: &listing)
        return listing
    }

    private func collect(_ folder: String, into listing: inout Listing) {
        listing.folders.append(folder)
        guard let directory = opendir(folder) else { return }
        var names: [String] = []
        while let entry = readdir(directory) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
            guard let name = String(validating: bytes, as: UTF8.self) else {
                listing.undecodableNames.append(folder + "/" + String(decoding: bytes, as: UTF8.self))
                continue
            }
            names.append(name)
        }
        closedir(directory)
        for name in names.sorted() where !InboxScanner.isTemporary(name) {
            let path = folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFREG: listing.files.append(path)
            case S_IFDIR: collect(path, into: &listing)
            default: continue
            }
        }
    }
}

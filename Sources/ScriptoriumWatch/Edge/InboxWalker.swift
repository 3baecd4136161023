import Foundation
import ScriptoriumPipeline
#if canImport(Glibc)
import Glibc
#endif

/// Lists an inbox's folders (to watch) and candidate files (to look at), skipping what
/// `InboxScanner` skips: dot-names, writers' temporary names and symbolic links.
public struct InboxWalker: Sendable {
    public let root: String

    public init(root: String) {
        self.root = root
    }

    public struct Listing: Sendable {
        /// `root` first, then every subfolder.
        public var folders: [String] = []
        public var files: [String] = []
    }

    public func walk(from folder: String? = nil) -> Listing {
        var listing = Listing()
        collect(folder ?? root, into: &listing)
        return listing
    }

    private func collect(_ folder: String, into listing: inout Listing) {
        listing.folders.append(folder)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
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

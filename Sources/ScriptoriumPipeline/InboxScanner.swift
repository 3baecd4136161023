import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Lists the files of an inbox that are ready to take, in a stable order.
///
/// Skips dot-files and the temporary names of writers and downloaders (`*.part`, `*.tmp`,
/// `*.crdownload`, `*~`): a writer should write under such a name and rename into place. Never
/// follows symbolic links. Subfolders are searched too.
public struct InboxScanner: Sendable {
    public let root: String

    public static let temporarySuffixes = [".part", ".tmp", ".crdownload", "~", ".swp"]

    public init(root: String) {
        self.root = root
    }

    /// Whether a file name is one a writer is still working on.
    public static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(".") || temporarySuffixes.contains { name.hasSuffix($0) }
    }

    public func candidates() -> [String] {
        var found: [String] = []
        collect(root, into: &found)
        return found.sorted()
    }

    private func collect(_ folder: String, into found: inout [String]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names.sorted() where !Self.isTemporary(name) {
            let path = folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFREG: found.append(path)
            case S_IFDIR: collect(path, into: &found)
            default: continue
            }
        }
    }
}

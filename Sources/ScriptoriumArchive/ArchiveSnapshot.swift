import Foundation
import ScriptoriumModel

/// A read-only view of an archive: its catalog and its originals, without taking its lock.
///
/// What a shard rebuild reads from the shared archive while N machines write N archives of
/// their own; and what `merge` reads from each shard. It never writes.
public struct ArchiveSnapshot: Sendable {
    public let layout: ArchiveLayout
    public let catalog: Catalog

    public init(root: String) throws(ArchiveError) {
        layout = ArchiveLayout(root: root)
        guard FileManager.default.fileExists(atPath: layout.root) else {
            throw ArchiveError(problem: "no archive here", path: layout.root, remedy: "check the path of the archive")
        }
        if FileManager.default.fileExists(atPath: layout.catalogPath) {
            catalog = try Catalog.decode(try DurableFile.read(layout.catalogPath), path: layout.catalogPath)
        } else {
            catalog = Catalog()
        }
    }

    init(layout: ArchiveLayout, catalog: Catalog) {
        self.layout = layout
        self.catalog = catalog
    }

    /// Every original held, whether or not the catalog lists it, sorted.
    public func storedDigests() -> [SourceDigest] {
        let manager = FileManager.default
        guard let fans = try? manager.contentsOfDirectory(atPath: layout.sourcesFolder) else { return [] }
        var digests: [SourceDigest] = []
        for fan in fans {
            guard let names = try? manager.contentsOfDirectory(atPath: layout.sourcesFolder + "/" + fan) else { continue }
            digests += names.compactMap { SourceDigest(hex: $0) }
        }
        return digests.sorted()
    }

    /// Every source the archive knows, from the catalog and the originals folder, sorted.
    public func allDigests() -> [SourceDigest] {
        Set(catalog.sources.map(\.sha256)).union(storedDigests()).sorted()
    }

    public func originalPath(_ digest: SourceDigest) -> String {
        layout.absolute(layout.originalRelativePath(digest))
    }

    public func originalSize(_ digest: SourceDigest) -> Int {
        var info = stat()
        return stat(originalPath(digest), &info) == 0 ? Int(info.st_size) : 0
    }

    /// The original bytes, checked against their digest.
    public func readOriginal(_ digest: SourceDigest) throws(ArchiveError) -> [UInt8] {
        let path = originalPath(digest)
        let bytes = try DurableFile.read(path)
        guard SourceDigest(of: bytes) == digest else {
            throw ArchiveError(problem: "the original no longer matches its SHA-256 (it was changed on disk)", path: path, remedy: "restore the original from a backup; never edit files under sources/")
        }
        return bytes
    }
}

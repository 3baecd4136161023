import Foundation
import ScriptoriumModel

extension ArchiveStore {
    /// What a merge brought in.
    public struct MergeSummary: Sendable, Equatable {
        public var sources: Int
        public var files: Int
    }

    /// Combines shard archives into this one: their originals, TEI files, reports and quarantine
    /// files, and their catalog entries. The result is what a single-machine rebuild of the
    /// same sources gives: same catalog, same files, byte for byte.
    ///
    /// Two shards holding the same source with different results (overlapping shards built with
    /// different rules) is an error, never silently resolved.
    public func merge(_ shards: [ArchiveSnapshot]) throws(ArchiveError) -> MergeSummary {
        var incoming: [SourceDigest: (entry: CatalogEntry, shard: ArchiveSnapshot)] = [:]
        for shard in shards {
            for entry in shard.catalog.sources {
                if let earlier = incoming[entry.sha256], earlier.entry != entry {
                    throw ArchiveError(
                        problem: "source \(entry.sha256.hex) differs between shards \(earlier.shard.layout.root) and \(shard.layout.root)",
                        path: shard.layout.catalogPath,
                        remedy: "rebuild both shards with the same rules and the same --shard count, then merge again"
                    )
                }
                incoming[entry.sha256] = (entry, shard)
            }
        }
        var files = 0
        for digest in incoming.keys.sorted() {
            let (entry, shard) = incoming[digest]!
            var paths = [entry.original] + entry.documents.map(\.path)
            if let report = entry.report { paths.append(report) }
            if let quarantine = entry.quarantine { paths.append(quarantine.path) }
            paths += rejectedDrafts(of: digest, in: shard)
            for relative in paths {
                let bytes = try DurableFile.read(shard.layout.absolute(relative))
                let readOnly = relative == entry.original
                try DurableFile.write(bytes, to: layout.absolute(relative), permissions: readOnly ? 0o444 : 0o644)
                files += 1
            }
            replaceEntry(entry)
        }
        removeUnlistedTEI()
        try saveCatalog()
        return MergeSummary(sources: incoming.count, files: files)
    }

    private func rejectedDrafts(of digest: SourceDigest, in shard: ArchiveSnapshot) -> [String] {
        let prefix = "d" + digest.hex.prefix(16) + "-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: shard.layout.quarantineFolder)) ?? []
        return names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".rejected.xml") }.sorted().map { "quarantine/" + $0 }
    }
}

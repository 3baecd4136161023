import ScriptoriumArchive
import ScriptoriumModel

/// A name the annotator recognised from evidence but the authority file does not know: what
/// an archivist reviews to grow the authority file.
public struct UnknownName: Sendable, Hashable {
    public var kind: EntityKind
    public var text: String
    public var count: Int
    /// A few of the sentences it occurs in, with the document they come from.
    public var contexts: [String]
}

extension ArchiveService {
    /// Every unlinked name in the archive's originals, as the current rules tag them, most
    /// frequent first. Reads the originals again, so it reflects edits to the authority file.
    public func unknownNames(contextsPerName: Int = 3) throws(ArchiveError) -> [UnknownName] {
        var byName: [String: UnknownName] = [:]
        let digests = Set(store.catalog.sources.map(\.sha256)).union(store.storedDigests()).sorted()
        for digest in digests {
            let name = store.catalog[digest]?.names.first ?? digest.hex
            let bytes = try store.readOriginal(digest)
            for document in pipeline.annotate(RawSource(name: name, bytes: bytes)) {
                for content in document.body.allContent {
                    var before = ""
                    for segment in content.segments {
                        let written = InlineText(segments: [segment]).plainText
                        defer { before += written }
                        guard case .name(_, let tag) = segment, tag.ref == nil else { continue }
                        let key = tag.kind.rawValue + "\u{0}" + written
                        var entry = byName[key] ?? UnknownName(kind: tag.kind, text: written, count: 0, contexts: [])
                        entry.count += 1
                        if entry.contexts.count < contextsPerName {
                            let after = String(content.plainText.dropFirst(before.count + written.count))
                            entry.contexts.append("\(document.metadata.id.value): " + Self.context(of: written, before: before, after: after))
                        }
                        byName[key] = entry
                    }
                }
            }
        }
        return byName.values.sorted { ($0.count, $1.kind.rawValue, $1.text) > ($1.count, $0.kind.rawValue, $0.text) }
    }

    /// Up to 60 characters either side of the mention, on one line.
    static func context(of name: String, before: String, after: String) -> String {
        ("…" + before.suffix(60) + "[" + name + "]" + after.prefix(60) + "…").split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

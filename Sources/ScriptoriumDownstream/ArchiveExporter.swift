import Foundation
import ScriptoriumArchive
import ScriptoriumModel

/// Writes the archive's published documents in formats other tools read without a TEI parser:
/// plain text per document, JSON Lines with one record per document, and CSV of entity mentions.
///
/// Field names are part of the README's contract. Output is sorted by document id and written
/// atomically, so the same archive always gives the same bytes.
public struct ArchiveExporter: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case txt, jsonl, csv
    }

    public let archive: ArchiveSnapshot

    public init(archive: ArchiveSnapshot) {
        self.archive = archive
    }

    /// Every published document of the archive, sorted by id.
    public func documents() throws(ArchiveError) -> [PublishedDocument] {
        let paths = archive.catalog.sources.filter { $0.status == .published }.flatMap { $0.documents.map(\.path) }
        var documents: [PublishedDocument] = []
        for path in paths.sorted() { documents.append(try PublishedDocument.read(path: path, in: archive.layout)) }
        return documents.sorted { $0.id < $1.id }
    }

    /// Writes `format` into `folder`; returns the files written.
    public func export(_ format: Format, to folder: String) throws(ArchiveError) -> [String] {
        let documents = try documents()
        switch format {
        case .txt:
            var written: [String] = []
            for document in documents {
                let path = folder + "/txt/" + document.id + ".txt"
                try DurableFile.write(Array((document.title + "\n\n" + document.text + "\n").utf8), to: path)
                written.append(path)
            }
            return written
        case .jsonl:
            let path = folder + "/documents.jsonl"
            try DurableFile.write(Array(documents.map(Self.jsonRecord).joined().utf8), to: path)
            return [path]
        case .csv:
            let path = folder + "/entity-mentions.csv"
            var rows = ["document_id,type,text,ref,canonical_name,title,date"]
            for document in documents {
                for mention in document.mentions {
                    rows.append([document.id, mention.type, mention.text, mention.ref ?? "", mention.canonicalName ?? "", document.title, document.date ?? ""]
                        .map(Self.csvField).joined(separator: ","))
                }
            }
            try DurableFile.write(Array((rows.joined(separator: "\r\n") + "\r\n").utf8), to: path)
            return [path]
        }
    }

    /// One JSON Lines record: `id`, `title`, `date`, `language`, `sha256`, `source`, `path`,
    /// `entities` (each `type`, `name`, `ref`, `mentions`), `text`.
    static func jsonRecord(_ document: PublishedDocument) -> String {
        struct Entity: Encodable {
            var type: String
            var name: String
            var ref: String?
            var mentions: Int
        }
        struct Record: Encodable {
            var id: String
            var title: String
            var date: String?
            var language: String?
            var sha256: String
            var source: String
            var path: String
            var entities: [Entity]
            var text: String
        }
        var counts: [String: (Entity, Int)] = [:]
        var order: [String] = []
        for mention in document.mentions {
            let key = mention.type + "|" + (mention.ref ?? "text:" + mention.text)
            if counts[key] == nil {
                order.append(key)
                counts[key] = (Entity(type: mention.type, name: mention.canonicalName ?? mention.text, ref: mention.ref, mentions: 0), 0)
            }
            counts[key]!.1 += 1
        }
        let entities = order.map { key -> Entity in
            var entity = counts[key]!.0
            entity.mentions = counts[key]!.1
            return entity
        }
        let record = Record(
            id: document.id, title: document.title, date: document.date, language: document.language, sha256: document.sha256,
            source: document.sourceName, path: document.path, entities: entities, text: document.text
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(record)) ?? Data("{}".utf8), as: UTF8.self) + "\n"
    }

    /// RFC 4180: quoted when it holds a comma, quote or line end; quotes doubled.
    static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

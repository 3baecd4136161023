import Foundation
import ScriptoriumModel

/// The archive's index of every source, for people and downstream tools (`catalog.json`).
///
/// Written with sorted keys and sources sorted by digest, so the same archive state always gives
/// the same bytes. The originals under `sources/` are the truth; the catalog can be rebuilt from
/// them (`scriptorium rebuild`).
public struct Catalog: Codable, Sendable, Equatable {
    public static let currentFormat = 1

    public var format: Int
    public var sources: [CatalogEntry]

    public init(sources: [CatalogEntry] = []) {
        self.format = Catalog.currentFormat
        self.sources = sources
    }

    public subscript(digest: SourceDigest) -> CatalogEntry? {
        get { sources.first { $0.sha256 == digest } }
        set {
            sources.removeAll { $0.sha256 == digest }
            if let newValue { sources.append(newValue) }
            sources.sort { $0.sha256 < $1.sha256 }
        }
    }

    public func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain value types cannot fail.
        return Array(try! encoder.encode(self)) + [0x0A]
    }

    public static func decode(_ bytes: [UInt8], path: String) throws(ArchiveError) -> Catalog {
        let catalog: Catalog
        do {
            catalog = try JSONDecoder().decode(Catalog.self, from: Data(bytes))
        } catch {
            throw ArchiveError(problem: "the catalog is not readable JSON (\(error))", path: path, remedy: "restore it from a backup, or delete it and run `scriptorium rebuild` to regenerate it from the originals")
        }
        guard catalog.format == currentFormat else {
            throw ArchiveError(problem: "the catalog has format \(catalog.format) but this build reads format \(currentFormat)", path: path, remedy: "use the Scriptorium version that wrote this archive, or run `scriptorium rebuild`")
        }
        return catalog
    }
}

/// One source in the catalog.
public struct CatalogEntry: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable {
        case published, quarantined
    }

    public var sha256: SourceDigest
    /// Every file name these bytes arrived under, first one first.
    public var names: [String]
    public var size: Int
    /// When the bytes were first stored (UTC, ISO 8601). The only wall-clock time the archive keeps.
    public var received: String
    public var status: Status
    /// Archive-relative path of the original.
    public var original: String
    public var encoding: String?
    public var documents: [CatalogDocument]
    /// Archive-relative path of the cleaning report, for published sources.
    public var report: String?
    /// Why the source was quarantined, and where the full reason is.
    public var quarantine: CatalogQuarantine?

    public init(
        sha256: SourceDigest, names: [String], size: Int, received: String, status: Status, original: String,
        encoding: String?, documents: [CatalogDocument], report: String?, quarantine: CatalogQuarantine?
    ) {
        self.sha256 = sha256
        self.names = names
        self.size = size
        self.received = received
        self.status = status
        self.original = original
        self.encoding = encoding
        self.documents = documents
        self.report = report
        self.quarantine = quarantine
    }
}

public struct CatalogDocument: Codable, Sendable, Equatable {
    public var id: DocumentID
    public var title: String
    /// Archive-relative path of the TEI file.
    public var path: String

    public init(id: DocumentID, title: String, path: String) {
        self.id = id
        self.title = title
        self.path = path
    }
}

public struct CatalogQuarantine: Codable, Sendable, Equatable {
    /// The first line of the reason.
    public var reason: String
    /// Archive-relative path of the reason file.
    public var path: String

    public init(reason: String, path: String) {
        self.reason = reason
        self.path = path
    }
}

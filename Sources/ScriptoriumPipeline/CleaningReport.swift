import Foundation
import ScriptoriumModel

/// The per-source report of every decision, kept in the archive beside the TEI so an archivist
/// can see — and contest — what was removed, moved or repaired, and why.
struct CleaningReport: Encodable {
    struct Source: Encodable {
        var name: String
        var sha256: String
        var size: Int
    }

    struct Record: Encodable {
        var action: String
        var rule: String
        var lines: String
        var text: String
        var replacement: String?
        var detail: String?
    }

    var format = 1
    var source: Source
    var encoding: String
    var replacedByteSequences: Int
    var ruleSets: [String]
    var records: [Record]

    init(identity: SourceIdentity, published: PublishedSource, ruleSets: [RuleSetVersion]) {
        source = Source(name: identity.name, sha256: identity.digest.hex, size: identity.size)
        encoding = published.encoding.rawValue
        replacedByteSequences = published.replacements
        self.ruleSets = ruleSets.map(\.description)
        records = published.records.map {
            Record(action: $0.action.rawValue, rule: $0.rule, lines: $0.lines.description, text: $0.text, replacement: $0.replacement, detail: $0.detail)
        }
    }

    func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try! encoder.encode(self)) + [0x0A]
    }
}

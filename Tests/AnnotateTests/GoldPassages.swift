import Foundation
import ScriptoriumModel

/// One hand-annotated tag of the gold passages: where, what type, and its link or value.
struct GoldTag: Hashable {
    /// `per`, `place`, `org`, `date` or `time`.
    var type: String
    /// UTF-8 offsets into the paragraph's plain text.
    var range: Range<Int>
    /// The authority id for names ("" for an unknown name); the attributes for dates and times.
    var value: String
}

struct GoldParagraph {
    var text: String
    var heading: Bool
    var tags: [GoldTag]
}

struct GoldDocument {
    var name: String
    /// `domain` (the samples and FRUS) or the set named by `@set` (`news`).
    var set = "domain"
    var date: PartialDate?
    var paragraphs: [GoldParagraph]
}

/// Reads `Gold/passages.txt` (format in `Gold/README.md`).
enum GoldPassages {
    static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Gold/passages.txt")

    static func load() throws -> [GoldDocument] {
        let source = try String(contentsOf: url, encoding: .utf8)
        var documents: [GoldDocument] = []
        var set = "domain"
        for line in source.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) {
            if line.hasPrefix("@set ") {
                set = String(line.dropFirst(5))
            } else if line.hasPrefix("@doc ") {
                documents.append(GoldDocument(name: String(line.dropFirst(5)), set: set, date: nil, paragraphs: []))
            } else if line.hasPrefix("@date ") {
                let parts = line.dropFirst(6).split(separator: "-").compactMap { Int($0) }
                documents[documents.count - 1].date = PartialDate(year: parts[0], month: parts.count > 1 ? parts[1] : nil, day: parts.count > 2 ? parts[2] : nil)
            } else {
                let heading = line.hasPrefix("## ")
                documents[documents.count - 1].paragraphs.append(parse(heading ? String(line.dropFirst(3)) : line, heading: heading))
            }
        }
        return documents
    }

    /// Splits `{type=value|text}` markup into plain text and tags.
    static func parse(_ line: String, heading: Bool) -> GoldParagraph {
        var plain = ""
        var tags: [GoldTag] = []
        var rest = Substring(line)
        while let open = rest.firstIndex(of: "{"), let bar = rest[open...].firstIndex(of: "|"), let close = rest[bar...].firstIndex(of: "}") {
            plain += rest[..<open]
            let head = rest[rest.index(after: open)..<bar]
            let (type, value): (Substring, Substring)
            if let separator = head.firstIndex(where: { $0 == "=" || $0 == " " }) {
                type = head[..<separator]
                value = head[head.index(after: separator)...]
            } else {
                (type, value) = (head, "")
            }
            let start = plain.utf8.count
            plain += rest[rest.index(after: bar)..<close]
            tags.append(GoldTag(type: String(type), range: start..<plain.utf8.count, value: String(value)))
            rest = rest[rest.index(after: close)...]
        }
        plain += rest
        return GoldParagraph(text: plain, heading: heading, tags: tags)
    }
}

import ScriptoriumModel
import ScriptoriumText

/// The archivists' authority file: the persons, places and organisations Scriptorium links,
/// each with a stable id, a canonical name, variant spellings and, when known, a Wikidata id.
public struct Authority: Sendable {
    /// One entry as written in `authority.json`.
    public struct Entry: Sendable, Hashable, Codable {
        /// Stable id, used as `xml:id` in every document's `standOff`: an XML name such as `per-janos-kadar`.
        public var id: String
        /// The canonical form, in natural order (`János Kádár`).
        public var name: String
        /// Other forms the sources use: spellings, transliterations, misspellings, acronyms.
        public var variants: [String]?
        /// A Wikidata item (`Q…`), only when certain: a wrong identifier is worse than none.
        public var wikidata: String?
        /// For persons: whether the surname alone names this person (false for "George", "White").
        public var surname: Bool?
        /// Titles that, before a shared surname, mean this person ("Secretary" Dulles, "Director" Dulles).
        public var titles: [String]?
    }

    struct File: Codable {
        var format: Int
        var name: String
        var version: String
        var description: String?
        var persons: [Entry]
        var places: [Entry]
        var organisations: [Entry]
    }

    /// Every entry with its kind, in file order (earlier entries win an ambiguous surname).
    public let entries: [(kind: EntityKind, entry: Entry)]
    public let version: RuleSetVersion

    init(file: File, path: String) throws(AnnotationRuleError) {
        var seen = Set<String>()
        var entries: [(kind: EntityKind, entry: Entry)] = []
        for (kind, list) in [(EntityKind.person, file.persons), (.place, file.places), (.organisation, file.organisations)] {
            for entry in list {
                guard Self.isXMLName(entry.id) else {
                    throw AnnotationRuleError(file: path, entry: entry.id, problem: "the id is not an XML name", remedy: "use letters, digits, '-' and '.', starting with a letter, e.g. per-janos-kadar")
                }
                guard seen.insert(entry.id).inserted else {
                    throw AnnotationRuleError(file: path, entry: entry.id, problem: "the id is used twice", remedy: "give each entry its own id")
                }
                if let qid = entry.wikidata, !Self.isQID(qid) {
                    throw AnnotationRuleError(file: path, entry: entry.id, problem: "\"\(qid)\" is not a Wikidata item id", remedy: "write it as Q followed by digits, or leave it out")
                }
                guard !entry.name.comparisonKey.isEmpty else {
                    throw AnnotationRuleError(file: path, entry: entry.id, problem: "the name is empty", remedy: "give the canonical name")
                }
                entries.append((kind, entry))
            }
        }
        self.entries = entries
        self.version = RuleSetVersion(name: file.name, version: file.version)
    }

    static func isXMLName(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
        return id.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-._".unicodeScalars.contains($0) }
    }

    static func isQID(_ text: String) -> Bool {
        text.count >= 2 && text.first == "Q" && text.dropFirst().allSatisfy(\.isASCII) && text.dropFirst().allSatisfy(\.isNumber) && text.dropFirst().first != "0"
    }
}

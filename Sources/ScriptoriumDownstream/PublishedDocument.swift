import Foundation
import LibXML
import ScriptoriumArchive
import ScriptoriumModel

/// What downstream formats need of one published TEI file, read back from the file itself, so
/// exports always agree with what the archive publishes.
public struct PublishedDocument: Sendable, Hashable {
    public struct Mention: Sendable, Hashable {
        /// `persName`, `placeName` or `orgName`.
        public var type: String
        public var text: String
        /// The standOff entry id (without `#`), or nil for a name not in the authority file.
        public var ref: String?
        public var canonicalName: String?
    }

    public var id: String
    public var title: String
    /// `@when` (or `@notBefore`/`@from`) of `creation/date`, as written.
    public var date: String?
    public var language: String?
    public var sha256: String
    public var sourceName: String
    /// Archive-relative path of the TEI file.
    public var path: String
    /// The text's blocks (headings, paragraphs, items…) in order, white space folded.
    public var blocks: [String]
    public var mentions: [Mention]

    public var text: String { blocks.joined(separator: "\n\n") }

    /// Elements that run on inside a line; every other element of the text is a block.
    static let inline: Set<String> = [
        "persName", "placeName", "orgName", "name", "rs", "date", "time", "hi", "emph", "foreign", "supplied", "term", "ref",
        "ptr", "seg", "num", "abbr", "expan", "choice", "sic", "corr", "orig", "reg", "unclear", "gap", "add", "del", "title",
        "roleName", "forename", "surname", "geogName", "settlement", "country", "region", "idno", "q", "said", "mentioned",
        "soCalled", "gloss", "anchor", "pb", "lb", "milestone",
    ]

    /// Reads a TEI file the archive published, through libxml2 with the same safe settings as
    /// validation (the tree is copied out and libxml2's document freed at once).
    public static func read(path relative: String, in layout: ArchiveLayout) throws(ArchiveError) -> PublishedDocument {
        let absolute = layout.absolute(relative)
        let bytes = try DurableFile.read(absolute)
        let root: XMLTreeElement
        do {
            root = try ParsedXML.parseTree(bytes, name: absolute)
        } catch {
            let first = error.diagnostics.first.map { "line \($0.line): \($0.message)" } ?? "unknown error"
            throw ArchiveError(problem: "not readable TEI: \(first)", path: absolute, remedy: "run `scriptorium verify` and `scriptorium rebuild`")
        }
        let header = root.first("teiHeader")
        let title = header?.first(path: ["fileDesc", "titleStmt", "title"])?.stringValue ?? ""
        let date = header?.first(path: ["profileDesc", "creation", "date"])
        let dateValue = ["when", "notBefore", "from"].lazy.compactMap { date?.attribute($0) }.first
        var sha = "", sourceName = ""
        for idno in header?.first(path: ["fileDesc", "sourceDesc"])?.descendants(named: "idno") ?? [] {
            switch idno.attribute("type") {
            case "sha256": sha = idno.stringValue
            case "filename": sourceName = idno.stringValue
            default: break
            }
        }
        var canonical: [String: String] = [:]
        for entry in root.first("standOff")?.descendants() ?? [] {
            guard let id = entry.attribute("xml:id") else { continue }
            let names = entry.elements
            if let name = names.first(where: { $0.attribute("type") == "canonical" }) ?? names.first {
                canonical[id] = name.stringValue
            }
        }
        var blocks: [String] = []
        var mentions: [Mention] = []
        if let text = root.first("text") {
            var pieces = ""
            collect(.element(text), into: &pieces, mentions: &mentions, canonical: canonical)
            blocks = pieces.split(separator: "\n").map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }.filter { !$0.isEmpty }
        }
        return PublishedDocument(
            id: root.attribute("xml:id") ?? (relative as NSString).deletingPathExtension,
            title: title, date: dateValue, language: root.attribute("xml:lang"), sha256: sha,
            sourceName: sourceName, path: relative, blocks: blocks, mentions: mentions
        )
    }

    private static func collect(_ node: XMLTreeElement.Child, into text: inout String, mentions: inout [Mention], canonical: [String: String]) {
        guard case .element(let element) = node else {
            if case .text(let run) = node { text += run }
            return
        }
        let name = element.name
        let block = !inline.contains(name)
        if block { text += "\n" }
        if ["persName", "placeName", "orgName"].contains(name) {
            let ref = element.attribute("ref").map { $0.hasPrefix("#") ? String($0.dropFirst()) : $0 }
            mentions.append(Mention(type: name, text: element.stringValue, ref: ref, canonicalName: ref.flatMap { canonical[$0] }))
        }
        for child in element.children { collect(child, into: &text, mentions: &mentions, canonical: canonical) }
        if block { text += "\n" }
    }
}

import Foundation
import FoundationXML
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

    /// Reads a TEI file the archive published.
    public static func read(path relative: String, in layout: ArchiveLayout) throws(ArchiveError) -> PublishedDocument {
        let absolute = layout.absolute(relative)
        let bytes = try DurableFile.read(absolute)
        let document: XMLDocument
        do {
            document = try XMLDocument(data: Data(bytes), options: [.nodePreserveWhitespace])
        } catch {
            throw ArchiveError(problem: "not readable TEI: \(error)", path: absolute, remedy: "run `scriptorium verify` and `scriptorium rebuild`")
        }
        guard let root = document.rootElement() else {
            throw ArchiveError(problem: "empty TEI file", path: absolute, remedy: "run `scriptorium rebuild`")
        }
        func first(_ names: [String], in element: XMLElement?) -> XMLElement? {
            var current = element
            for name in names {
                current = current?.children?.compactMap { $0 as? XMLElement }.first { $0.localName == name }
            }
            return current
        }
        let header = first(["teiHeader"], in: root)
        let title = first(["fileDesc", "titleStmt", "title"], in: header)?.stringValue ?? ""
        let date = first(["profileDesc", "creation", "date"], in: header)
        let dateValue = ["when", "notBefore", "from"].lazy.compactMap { attribute($0, of: date) }.first
        var sha = "", sourceName = ""
        for idno in elements(named: "idno", below: first(["fileDesc", "sourceDesc"], in: header)) {
            switch attribute("type", of: idno) {
            case "sha256": sha = idno.stringValue ?? ""
            case "filename": sourceName = idno.stringValue ?? ""
            default: break
            }
        }
        var canonical: [String: String] = [:]
        if let standOff = first(["standOff"], in: root) {
            for entry in elements(named: nil, below: standOff) {
                guard let id = attribute("xml:id", of: entry) else { continue }
                let names = entry.children?.compactMap { $0 as? XMLElement } ?? []
                if let name = names.first(where: { attribute("type", of: $0) == "canonical" }) ?? names.first {
                    canonical[id] = name.stringValue
                }
            }
        }
        var blocks: [String] = []
        var mentions: [Mention] = []
        if let text = first(["text"], in: root) {
            var pieces = ""
            collect(text, into: &pieces, mentions: &mentions, canonical: canonical)
            blocks = pieces.split(separator: "\n").map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }.filter { !$0.isEmpty }
        }
        return PublishedDocument(
            id: attribute("xml:id", of: root) ?? (relative as NSString).deletingPathExtension,
            title: title, date: dateValue, language: attribute("xml:lang", of: root), sha256: sha,
            sourceName: sourceName, path: relative, blocks: blocks, mentions: mentions
        )
    }

    /// An attribute's value. FoundationXML's `attribute(forName:)` misses unprefixed attributes
    /// of elements in a namespace (all of TEI's), so the attributes are searched by name.
    static func attribute(_ name: String, of element: XMLElement?) -> String? {
        element?.attributes?.first { $0.name == name }?.stringValue
    }

    private static func elements(named name: String?, below element: XMLElement?) -> [XMLElement] {
        var found: [XMLElement] = []
        for child in element?.children ?? [] {
            guard let child = child as? XMLElement else { continue }
            if name == nil || child.localName == name { found.append(child) }
            found += elements(named: name, below: child)
        }
        return found
    }

    private static func collect(_ node: XMLNode, into text: inout String, mentions: inout [Mention], canonical: [String: String]) {
        guard let element = node as? XMLElement else {
            text += node.stringValue ?? ""
            return
        }
        let name = element.localName ?? ""
        let block = !inline.contains(name)
        if block { text += "\n" }
        if ["persName", "placeName", "orgName"].contains(name) {
            let ref = attribute("ref", of: element).map { $0.hasPrefix("#") ? String($0.dropFirst()) : $0 }
            mentions.append(Mention(type: name, text: element.stringValue ?? "", ref: ref, canonicalName: ref.flatMap { canonical[$0] }))
        }
        for child in element.children ?? [] { collect(child, into: &text, mentions: &mentions, canonical: canonical) }
        if block { text += "\n" }
    }
}

/// The three kinds of names historians search by, as TEI names their elements.
public enum EntityKind: String, Sendable, Hashable, Codable, CaseIterable {
    case person, place, organisation

    /// The inline TEI element for a mention of this kind.
    public var elementName: String {
        switch self {
        case .person: return "persName"
        case .place: return "placeName"
        case .organisation: return "orgName"
        }
    }
}

/// What a tagged name refers to: its kind and, when the authority file knows it, the entry id
/// shared by every document (nil for a name recognised only from evidence).
public struct NameTag: Sendable, Hashable {
    public var kind: EntityKind
    public var ref: String?

    public init(kind: EntityKind, ref: String?) {
        self.kind = kind
        self.ref = ref
    }
}

/// One entry of a document's `standOff`: an authority entry as this document uses it.
public struct StandOffEntry: Sendable, Hashable {
    /// The authority entry id, the same in every document (`@xml:id` here, `@ref` in the text).
    public var id: String
    public var kind: EntityKind
    /// The authority's canonical form.
    public var name: String
    /// The other forms this document writes, in order of first appearance.
    public var variants: [String]
    /// A Wikidata item id (`Q…`) when the authority file gives one.
    public var wikidata: String?

    public init(id: String, kind: EntityKind, name: String, variants: [String], wikidata: String?) {
        self.id = id
        self.kind = kind
        self.name = name
        self.variants = variants
        self.wikidata = wikidata
    }
}

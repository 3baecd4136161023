/// The role a cleaned line plays, as far as the cleaner can tell from its markup.
public enum LineKind: Hashable, Sendable, Codable {
    /// Ordinary text.
    case text
    /// A heading marked as such in the source (Markdown `#`), with its level.
    case heading(level: Int)
    /// A list item with its label (`1.`, `a)`), or `nil` for a bullet.
    case listItem(label: String?)
    /// An empty line: a paragraph boundary.
    case blank
}

/// A line the cleaner kept, with its markup debris removed.
public struct CleanLine: Hashable, Sendable, Codable {
    /// 1-based line number in the decoded source.
    public var number: Int
    public var text: String
    public var kind: LineKind
    /// The source ended this line with a hard line break inside a paragraph (Markdown's two
    /// trailing spaces), so the next line continues it.
    public var continues: Bool

    public init(number: Int, text: String, kind: LineKind, continues: Bool = false) {
        self.number = number
        self.text = text
        self.kind = kind
        self.continues = continues
    }
}

/// Names a versioned set of rules, so each output records what produced it.
public struct RuleSetVersion: Hashable, Sendable, Codable, CustomStringConvertible {
    public var name: String
    public var version: String

    public init(name: String, version: String) {
        self.name = name
        self.version = version
    }

    public var description: String { "\(name) \(version)" }
}

/// The cleaner's result: the document text, what moved to the header, and every decision.
public struct CleanedSource: Sendable {
    public var identity: SourceIdentity
    public var encoding: TextEncoding
    public var lines: [CleanLine]
    public var headerFields: [HeaderField]
    public var records: [CleaningRecord]
    public var ruleSets: [RuleSetVersion]

    public init(
        identity: SourceIdentity, encoding: TextEncoding, lines: [CleanLine], headerFields: [HeaderField],
        records: [CleaningRecord], ruleSets: [RuleSetVersion]
    ) {
        self.identity = identity
        self.encoding = encoding
        self.lines = lines
        self.headerFields = headerFields
        self.records = records
        self.ruleSets = ruleSets
    }
}

/// A run of text with its recognised expressions tagged: the annotator's inline content.
public struct InlineText: Sendable, Hashable {
    /// A piece of a run: plain text or a tagged expression over some of the text.
    public enum Segment: Sendable, Hashable {
        case text(String)
        /// A date or period, with the text as written and what it means.
        case date(String, DateValue)
        /// A time of day or span of hours (`7 p.m.`, `between 0400 and 0800`).
        case time(String, TimeValue)
        /// A name of a person, place or organisation, with what it refers to.
        case name(String, NameTag)
    }

    public var segments: [Segment]
    /// The passage's language (BCP 47) when it differs from its document's: `p/@xml:lang`.
    public var language: String?

    public init(segments: [Segment], language: String? = nil) {
        self.segments = segments
        self.language = language
    }

    public init(plain: String) {
        self.segments = plain.isEmpty ? [] : [.text(plain)]
    }

    /// The text with tags dropped; equals the segmenter's text it was made from.
    public var plainText: String {
        segments.map { segment in
            switch segment {
            case .text(let text), .date(let text, _), .time(let text, _), .name(let text, _): return text
            }
        }.joined()
    }
}

/// One document with its names, dates and other expressions tagged.
public struct AnnotatedDocument: Sendable, Hashable {
    public var metadata: DocumentMetadata
    public var body: DocumentBody<InlineText>
    /// The authority entries the text's names refer to, in order of first mention.
    public var standOff: [StandOffEntry]
    /// The document's main language as a BCP 47 code (`en`, `hu`), when it could be told.
    public var language: String?

    public init(metadata: DocumentMetadata, body: DocumentBody<InlineText>, standOff: [StandOffEntry] = [], language: String? = nil) {
        self.metadata = metadata
        self.body = body
        self.standOff = standOff
        self.language = language
    }
}

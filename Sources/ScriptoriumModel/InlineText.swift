/// A run of text with its recognised expressions tagged: the annotator's inline content.
public struct InlineText: Sendable, Hashable {
    /// A piece of a run: plain text or a tagged expression over some of the text.
    public enum Segment: Sendable, Hashable {
        case text(String)
        /// A date or period, with the text as written and what it means.
        case date(String, DateValue)
    }

    public var segments: [Segment]

    public init(segments: [Segment]) {
        self.segments = segments
    }

    public init(plain: String) {
        self.segments = plain.isEmpty ? [] : [.text(plain)]
    }

    /// The text with tags dropped; equals the segmenter's text it was made from.
    public var plainText: String {
        segments.map { segment in
            switch segment {
            case .text(let text), .date(let text, _): return text
            }
        }.joined()
    }
}

/// One document with its names, dates and other expressions tagged.
public struct AnnotatedDocument: Sendable, Hashable {
    public var metadata: DocumentMetadata
    public var body: DocumentBody<InlineText>

    public init(metadata: DocumentMetadata, body: DocumentBody<InlineText>) {
        self.metadata = metadata
        self.body = body
    }
}

/// The structure of a document's text: its heading as printed, marks and a letter's opening,
/// the blocks before any subheading, its sections, then a letter's closing, postscript and the
/// footnotes of the printed original.
///
/// Generic over the inline content, so the segmenter's plain text and the annotator's tagged
/// text are distinct types and a stage cannot receive the other's output.
public struct DocumentBody<Content: Sendable & Hashable>: Sendable, Hashable {
    /// Lines of the page before the document's title that the cleaner kept; the document
    /// proper (from its heading on) follows them as a division of its own.
    public var preamble: [Block<Content>]
    public var heading: Content?
    /// Classification and handling marks standing before the text.
    public var marks: [Content]
    /// An editor's introduction standing before a letter's salutation.
    public var headnote: [Run<Content>]
    public var opener: Opener<Content>?
    public var blocks: [Block<Content>]
    public var sections: [Section<Content>]
    public var closer: Closer<Content>?
    /// A postscript after the signature ("P.S. …").
    public var postscript: [Block<Content>]
    public var footnotes: [Footnote<Content>]

    public init(
        preamble: [Block<Content>] = [], heading: Content?, marks: [Content] = [], headnote: [Run<Content>] = [], opener: Opener<Content>? = nil, blocks: [Block<Content>],
        sections: [Section<Content>], closer: Closer<Content>? = nil, postscript: [Block<Content>] = [],
        footnotes: [Footnote<Content>] = []
    ) {
        self.preamble = preamble
        self.heading = heading
        self.marks = marks
        self.headnote = headnote
        self.opener = opener
        self.blocks = blocks
        self.sections = sections
        self.closer = closer
        self.postscript = postscript
        self.footnotes = footnotes
    }

    /// Applies `transform` to every piece of inline content, keeping the structure.
    public func map<Other>(_ transform: (Content) throws -> Other) rethrows -> DocumentBody<Other> {
        DocumentBody<Other>(
            preamble: try preamble.map { try $0.map(transform) },
            heading: try heading.map(transform),
            marks: try marks.map(transform),
            headnote: try headnote.map { try $0.map(transform) },
            opener: try opener?.map(transform),
            blocks: try blocks.map { try $0.map(transform) },
            sections: try sections.map { Section(heading: try transform($0.heading), blocks: try $0.blocks.map { try $0.map(transform) }) },
            closer: try closer?.map(transform),
            postscript: try postscript.map { try $0.map(transform) },
            footnotes: try footnotes.map { Footnote(number: $0.number, content: try $0.content.map(transform)) }
        )
    }

    /// Every piece of inline content in reading order.
    public var allContent: [Content] {
        var result: [Content] = preamble.flatMap(\.contents)
        result += heading.map { [$0] } ?? []
        result += marks
        result += headnote.flatMap(\.contents)
        result += opener?.contents ?? []
        result += blocks.flatMap(\.contents)
        for section in sections {
            result.append(section.heading)
            result += section.blocks.flatMap(\.contents)
        }
        result += closer?.contents ?? []
        result += postscript.flatMap(\.contents)
        result += footnotes.flatMap(\.content.contents)
        return result
    }
}

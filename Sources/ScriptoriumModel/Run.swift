/// A piece of a paragraph-level run: text, or something TEI marks within running text.
///
/// Page breaks and translators' insertions sit inside sentences ("inform them [Page 704]
/// regarding…"), so they are pieces of the run rather than blocks, and the text on either
/// side stays one paragraph.
public enum Phrase<Content: Sendable & Hashable>: Sendable, Hashable {
    case text(Content)
    /// A page or folio break of the printed original, with its number as printed (`pb/@n`).
    case pageBreak(String)
    /// Words a translator or editor added in brackets to make the sense clear: `[the problem]`.
    case supplied(Content)
    /// A word of the original language kept in brackets by a translator: `[u nas]`.
    case foreign(Content)
    /// Where a footnote is called, by its number (`ptr` to the note).
    case noteReference(String)
}

/// The inline content of one paragraph, list item or note, in reading order.
public struct Run<Content: Sendable & Hashable>: Sendable, Hashable {
    public var phrases: [Phrase<Content>]

    public init(_ phrases: [Phrase<Content>]) {
        self.phrases = phrases
    }

    /// A run of plain content only.
    public init(text: Content) {
        self.phrases = [.text(text)]
    }

    /// Applies `transform` to every piece of content, keeping breaks and references.
    public func map<Other>(_ transform: (Content) throws -> Other) rethrows -> Run<Other> {
        Run<Other>(try phrases.map { phrase in
            switch phrase {
            case .text(let content): return .text(try transform(content))
            case .supplied(let content): return .supplied(try transform(content))
            case .foreign(let content): return .foreign(try transform(content))
            case .pageBreak(let number): return .pageBreak(number)
            case .noteReference(let number): return .noteReference(number)
            }
        })
    }

    /// The content pieces in reading order.
    public var contents: [Content] {
        phrases.compactMap { phrase in
            switch phrase {
            case .text(let content), .supplied(let content), .foreign(let content): return content
            case .pageBreak, .noteReference: return nil
            }
        }
    }
}

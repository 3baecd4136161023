/// An item of a numbered or bulleted list.
public struct ListItem<Content: Sendable & Hashable>: Sendable, Hashable {
    /// The label as printed (`1`, `a`), or nil for a bullet.
    public var label: String?
    public var content: Content

    public init(label: String?, content: Content) {
        self.label = label
        self.content = content
    }
}

/// A block-level unit of a document's text.
public enum Block<Content: Sendable & Hashable>: Sendable, Hashable {
    case paragraph(Content)
    case list([ListItem<Content>])
}

/// A titled part of a document: a subheading and what follows it.
public struct Section<Content: Sendable & Hashable>: Sendable, Hashable {
    public var heading: Content
    public var blocks: [Block<Content>]

    public init(heading: Content, blocks: [Block<Content>]) {
        self.heading = heading
        self.blocks = blocks
    }
}

/// The structure of a document's text: its heading as printed, the blocks before any
/// subheading, then its sections.
///
/// Generic over the inline content, so the segmenter's plain text and the annotator's tagged
/// text are distinct types and a stage cannot receive the other's output.
public struct DocumentBody<Content: Sendable & Hashable>: Sendable, Hashable {
    public var heading: Content?
    public var blocks: [Block<Content>]
    public var sections: [Section<Content>]

    public init(heading: Content?, blocks: [Block<Content>], sections: [Section<Content>]) {
        self.heading = heading
        self.blocks = blocks
        self.sections = sections
    }

    /// Applies `transform` to every piece of inline content, keeping the structure.
    public func map<Other>(_ transform: (Content) throws -> Other) rethrows -> DocumentBody<Other> {
        func mapBlock(_ block: Block<Content>) throws -> Block<Other> {
            switch block {
            case .paragraph(let content): return .paragraph(try transform(content))
            case .list(let items): return .list(try items.map { ListItem(label: $0.label, content: try transform($0.content)) })
            }
        }
        return DocumentBody<Other>(
            heading: try heading.map(transform),
            blocks: try blocks.map(mapBlock),
            sections: try sections.map { Section(heading: try transform($0.heading), blocks: try $0.blocks.map(mapBlock)) }
        )
    }

    /// Every piece of inline content in reading order.
    public var allContent: [Content] {
        func contents(_ block: Block<Content>) -> [Content] {
            switch block {
            case .paragraph(let content): return [content]
            case .list(let items): return items.map(\.content)
            }
        }
        var result: [Content] = heading.map { [$0] } ?? []
        result += blocks.flatMap(contents)
        for section in sections {
            result.append(section.heading)
            result += section.blocks.flatMap(contents)
        }
        return result
    }
}

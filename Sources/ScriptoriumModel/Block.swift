/// An item of a numbered or bulleted list.
public struct ListItem<Content: Sendable & Hashable>: Sendable, Hashable {
    /// The label as printed (`1`, `a`, `(1)`), or nil for a bullet.
    public var label: String?
    public var content: Run<Content>

    public init(label: String?, content: Run<Content>) {
        self.label = label
        self.content = content
    }

    public func map<Other>(_ transform: (Content) throws -> Other) rethrows -> ListItem<Other> {
        ListItem<Other>(label: label, content: try content.map(transform))
    }
}

/// A list of items, possibly under a label of its own ("SUBJECT", "PARTICIPANTS").
public struct ItemList<Content: Sendable & Hashable>: Sendable, Hashable {
    /// The list's own heading as printed, when it has one.
    public var heading: Content?
    public var items: [ListItem<Content>]

    public init(heading: Content? = nil, items: [ListItem<Content>]) {
        self.heading = heading
        self.items = items
    }

    public func map<Other>(_ transform: (Content) throws -> Other) rethrows -> ItemList<Other> {
        ItemList<Other>(heading: try heading.map(transform), items: try items.map { try $0.map(transform) })
    }
}

/// A block-level unit of a document's text.
public enum Block<Content: Sendable & Hashable>: Sendable, Hashable {
    case paragraph(Run<Content>)
    case list(ItemList<Content>)
    /// A passage the document quotes at length, as one or more paragraphs (`quote`).
    case quotation([Run<Content>])
    /// A note in the text itself ("Note: we have information that…").
    case note(Run<Content>)
    /// A page break between paragraphs.
    case pageBreak(String)

    public func map<Other>(_ transform: (Content) throws -> Other) rethrows -> Block<Other> {
        switch self {
        case .paragraph(let run): return .paragraph(try run.map(transform))
        case .list(let list): return .list(try list.map(transform))
        case .quotation(let runs): return .quotation(try runs.map { try $0.map(transform) })
        case .note(let run): return .note(try run.map(transform))
        case .pageBreak(let number): return .pageBreak(number)
        }
    }

    /// The content pieces in reading order.
    public var contents: [Content] {
        switch self {
        case .paragraph(let run), .note(let run): return run.contents
        case .list(let list): return (list.heading.map { [$0] } ?? []) + list.items.flatMap(\.content.contents)
        case .quotation(let runs): return runs.flatMap(\.contents)
        case .pageBreak: return []
        }
    }
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

/// A footnote of the printed original, by its number.
public struct Footnote<Content: Sendable & Hashable>: Sendable, Hashable {
    public var number: String
    public var content: Run<Content>

    public init(number: String, content: Run<Content>) {
        self.number = number
        self.content = content
    }
}

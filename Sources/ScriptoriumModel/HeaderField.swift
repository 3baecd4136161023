/// A piece of metadata found in the source text and moved to the header.
public struct HeaderField: Hashable, Sendable, Codable {
    /// What the field says about the document.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// Rights, copyright and permission statements.
        case rights
        /// A bibliographic citation or archival reference.
        case citation
        /// A "Source:" line naming where the text comes from.
        case source
        /// A web address of the source.
        case url
        /// A "Last updated" date of the web page (never the document's own date).
        case lastUpdated = "last-updated"
        /// An archive's summary of the document.
        case summary
        /// A caption describing the document (archive pages use it as a summary).
        case caption
        /// The language the original was written in.
        case originalLanguage = "original-language"
        /// A note on what the page contains ("Translation - English").
        case contents
        /// A date line standing before the title.
        case dateLine = "date-line"
        /// Any other labelled field of an archive page ("Record ID: 123"), kept with its label.
        case other
    }

    public var kind: Kind
    /// The label as the source printed it ("Last updated"), when there was one.
    public var label: String?
    public var value: String
    public var lines: LineRange

    public init(kind: Kind, label: String? = nil, value: String, lines: LineRange) {
        self.kind = kind
        self.label = label
        self.value = value
        self.lines = lines
    }
}

/// One decision of the cleaner (or the segmenter) about the source text, kept so that nothing
/// disappears without a trace and an archivist can contest it.
public struct CleaningRecord: Hashable, Sendable, Codable {
    /// What happened to the text.
    public enum Action: String, Sendable, Codable {
        /// Left the document entirely (boilerplate).
        case removed
        /// Left the body and went to the document's header (rights, citations, source lines…).
        case movedToHeader = "moved-to-header"
        /// Changed in place (mojibake, control characters, markup debris).
        case repaired
    }

    public var action: Action
    /// The id of the rule or detector that decided, e.g. `skip-link` or `mojibake.macroman`.
    public var rule: String
    /// Where in the source.
    public var lines: LineRange
    /// The text as it was.
    public var text: String
    /// For repairs, the text after the change.
    public var replacement: String?
    /// The evidence behind a judgement that no single rule made (the block classifier's
    /// measurements: length, stop-word density, class), so an archivist can contest it.
    public var detail: String?

    public init(action: Action, rule: String, lines: LineRange, text: String, replacement: String? = nil, detail: String? = nil) {
        self.action = action
        self.rule = rule
        self.lines = lines
        self.text = text
        self.replacement = replacement
        self.detail = detail
    }
}

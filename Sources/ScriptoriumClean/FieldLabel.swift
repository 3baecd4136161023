import ScriptoriumModel

/// A labelled field of archive pages, as written in the fields file.
public struct FieldLabel: Sendable, Codable, Hashable {
    public var id: String
    public var kind: HeaderField.Kind
    /// The printed labels, in any language, without the colon.
    public var labels: [String]
}

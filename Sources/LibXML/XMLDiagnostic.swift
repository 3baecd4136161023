/// One problem libxml2 reported, located in the document it was reading.
///
/// libxml2's own messages are terse ("Did not expect element foo there"); the element path is
/// kept beside them so a reader can find the spot without counting lines.
public struct XMLDiagnostic: Sendable, Hashable {
    /// 1-based line, or 0 when libxml2 could not tell.
    public var line: Int
    /// 1-based column, or 0 when libxml2 does not report one (RELAX NG never does).
    public var column: Int
    /// The message with libxml2's trailing newline removed.
    public var message: String
    /// The XPath-like location of the offending node (`/TEI/teiHeader/...`), when known.
    public var elementPath: String?

    public init(line: Int, column: Int, message: String, elementPath: String? = nil) {
        self.line = line
        self.column = column
        self.message = message
        self.elementPath = elementPath
    }
}

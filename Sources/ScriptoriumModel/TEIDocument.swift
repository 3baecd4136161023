/// Serialised TEI that nobody has validated yet. It cannot be published: only the validator
/// turns it into a `ValidatedTEI`.
public struct TEIDraft: Sendable, Hashable {
    public var documentID: DocumentID
    public var source: SourceIdentity
    public var title: String
    /// UTF-8 XML, exactly the bytes that will be written.
    public var bytes: [UInt8]

    public init(documentID: DocumentID, source: SourceIdentity, title: String, bytes: [UInt8]) {
        self.documentID = documentID
        self.source = source
        self.title = title
        self.bytes = bytes
    }
}

/// TEI bytes that parsed and validated against the project schema: the only thing the archive
/// publishes.
///
/// Its initializer is `package`-visible and called by the validator alone, so unvalidated XML
/// cannot reach the archive through the public API.
public struct ValidatedTEI: Sendable, Hashable {
    public let documentID: DocumentID
    public let source: SourceIdentity
    public let title: String
    public let bytes: [UInt8]

    package init(validating draft: TEIDraft) {
        documentID = draft.documentID
        source = draft.source
        title = draft.title
        bytes = draft.bytes
    }
}

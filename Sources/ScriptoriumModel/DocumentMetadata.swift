/// Counts of the cleaner's decisions, for the header's summary of what was done to the text.
public struct CleaningSummary: Hashable, Sendable, Codable {
    public var removed: Int
    public var movedToHeader: Int
    public var repaired: Int

    public init(records: [CleaningRecord]) {
        removed = records.count { $0.action == .removed }
        movedToHeader = records.count { $0.action == .movedToHeader }
        repaired = records.count { $0.action == .repaired }
    }
}

/// What the header of one document says: identity, title, date, provenance.
public struct DocumentMetadata: Sendable, Hashable {
    public var id: DocumentID
    public var source: SourceIdentity
    /// 1-based position of the document in its source, and how many the source holds.
    public var position: Int
    public var documentCount: Int
    public var title: String
    /// The document's own date, never a page's "last updated" or copyright year.
    public var date: DateValue?
    /// The text the date was read from.
    public var dateText: String?
    /// Metadata the cleaner moved out of the text (shared by all documents of a source).
    public var headerFields: [HeaderField]
    public var encoding: TextEncoding
    public var ruleSets: [RuleSetVersion]
    public var cleaning: CleaningSummary
    /// Archive reference, correspondents, publication and the rest of what the source says.
    public var catalogue: DocumentDescription

    public init(
        id: DocumentID, source: SourceIdentity, position: Int, documentCount: Int, title: String,
        date: DateValue?, dateText: String?, headerFields: [HeaderField], encoding: TextEncoding,
        ruleSets: [RuleSetVersion], cleaning: CleaningSummary, catalogue: DocumentDescription = DocumentDescription()
    ) {
        self.id = id
        self.source = source
        self.position = position
        self.documentCount = documentCount
        self.title = title
        self.date = date
        self.dateText = dateText
        self.headerFields = headerFields
        self.encoding = encoding
        self.ruleSets = ruleSets
        self.cleaning = cleaning
        self.catalogue = catalogue
    }
}

/// One document as the segmenter found it: structure over plain text.
public struct SegmentedDocument: Sendable, Hashable {
    public var metadata: DocumentMetadata
    public var body: DocumentBody<String>

    public init(metadata: DocumentMetadata, body: DocumentBody<String>) {
        self.metadata = metadata
        self.body = body
    }
}

/// A source split into its documents, with every decision taken on the way.
public struct SegmentedSource: Sendable {
    public var identity: SourceIdentity
    public var documents: [SegmentedDocument]
    /// The cleaner's records followed by the segmenter's own.
    public var records: [CleaningRecord]

    public init(identity: SourceIdentity, documents: [SegmentedDocument], records: [CleaningRecord]) {
        self.identity = identity
        self.documents = documents
        self.records = records
    }
}

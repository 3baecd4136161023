/// Who sent a letter or telegram and to whom, as its heading or opening names them.
public struct Correspondence: Sendable, Hashable {
    public var sender: String?
    public var recipient: String?

    public init(sender: String?, recipient: String?) {
        self.sender = sender
        self.recipient = recipient
    }
}

/// A language named by the source, with its BCP 47 code when the name is known.
public struct LanguageName: Sendable, Hashable {
    /// The name as the source printed it ("Russian").
    public var name: String
    /// BCP 47 code (`ru`), or `und` for a name the table does not know.
    public var code: String

    public init(name: String, code: String) {
        self.name = name
        self.code = code
    }
}

/// What the source says about the document beyond its title and date: the facts a catalogue
/// record is built from (archive reference, classification, publication, translator, summary).
///
/// Every value is read from the source text; a value the source does not give stays nil.
public struct DocumentDescription: Sendable, Hashable {
    /// Where the document was written, from its dateline ("Washington").
    public var place: String?
    public var correspondence: Correspondence?
    /// The archive's reference, as the source note gives it up to its first full stop.
    public var archiveReference: String?
    /// Security classification ("Top Secret", "Confidential"), from the source note or the text.
    public var classification: [String]
    /// Who publishes the source (a digital archive, a documentary edition).
    public var publisher: String?
    /// Where the text was published before ("CWIHP Bulletin 10, pp. 145-147").
    public var publishedIn: String?
    public var translator: String?
    /// The language the original was written in, when the text is a translation.
    public var originalLanguage: LanguageName?
    /// The archive's summary of the document.
    public var summary: String?

    public init(
        place: String? = nil, correspondence: Correspondence? = nil, archiveReference: String? = nil,
        classification: [String] = [], publisher: String? = nil, publishedIn: String? = nil, translator: String? = nil,
        originalLanguage: LanguageName? = nil, summary: String? = nil
    ) {
        self.place = place
        self.correspondence = correspondence
        self.archiveReference = archiveReference
        self.classification = classification
        self.publisher = publisher
        self.publishedIn = publishedIn
        self.translator = translator
        self.originalLanguage = originalLanguage
        self.summary = summary
    }
}

import ScriptoriumModel
import ScriptoriumText

/// The segment stage: splits a cleaned source into its documents, finds each one's title and
/// date, and gives its text a structure of headings, paragraphs and lists.
///
/// Pure and deterministic. Everything it takes out of the text (a repeated title, a date line
/// that belongs to the header) is recorded like the cleaner's decisions.
public struct Segmenter: Sendable {
    /// This stage's logic has no data file yet; its version is recorded in every header.
    public static let version = RuleSetVersion(name: "scriptorium.segment", version: "1.1.0")

    private let dates = DateRecognizer()

    public init() {}

    public func segment(_ source: CleanedSource) -> SegmentedSource {
        var records = source.records
        var fields = source.headerFields
        var blocks = HeadingRecovery(dates: dates).recover(source.lines, records: source.records)
        let leadingDate = takeLeadingDateLines(&blocks, fields: &fields, records: &records)
        let parts = DocumentSplitter(blocks: blocks).split()
        var documents: [SegmentedDocument] = []
        for (offset, part) in parts.enumerated() {
            let position = offset + 1
            var builder = DocumentBuilder(blocks: part, dates: dates, fields: fields)
            let body = builder.build(records: &records)
            var date = builder.dateline?.date
            if date == nil, position == 1, let leadingDate { date = leadingDate }
            if date == nil { date = builder.dateFromTitle() }
            var catalogue = DocumentDescription(place: builder.dateline?.place, correspondence: CorrespondenceReader.read(builder.title))
            SourceFacts.read(fields, into: &catalogue)
            for mark in builder.marks where ClassificationMark.levels.contains(where: { mark.lowercased().hasPrefix($0.lowercased()) }) {
                if !catalogue.classification.contains(mark) { catalogue.classification.append(mark) }
            }
            let metadata = DocumentMetadata(
                id: DocumentID(source: source.identity.digest, position: position),
                source: source.identity,
                position: position,
                documentCount: parts.count,
                title: builder.title,
                date: date?.value,
                dateText: date?.text,
                headerFields: fields,
                encoding: source.encoding,
                ruleSets: source.ruleSets + [Self.version],
                cleaning: CleaningSummary(records: records),
                catalogue: catalogue
            )
            documents.append(SegmentedDocument(metadata: metadata, body: body))
        }
        records.sort { ($0.lines.first, $0.lines.last) < ($1.lines.first, $1.lines.last) }
        // The summary counts every decision on the source, including the segmenter's.
        let summary = CleaningSummary(records: records)
        for index in documents.indices { documents[index].metadata.cleaning = summary }
        return SegmentedSource(identity: source.identity, documents: documents, records: records)
    }

    /// Date-only lines before the first title ("November 1, 1956") are the document's date as
    /// the page shows it: they go to the header.
    private func takeLeadingDateLines(_ blocks: inout [TextBlock], fields: inout [HeaderField], records: inout [CleaningRecord]) -> DateMention? {
        var found: DateMention?
        while let first = blocks.first, let mention = dateOnly(first.text) {
            if found == nil { found = mention }
            fields.append(HeaderField(kind: .dateLine, value: first.text, lines: first.lines))
            records.append(CleaningRecord(action: .movedToHeader, rule: "segment.date-line", lines: first.lines, text: first.text))
            blocks.removeFirst()
        }
        return found
    }

    /// The date a line consists of, when it holds nothing else (a weekday or place may stand beside it).
    func dateOnly(_ text: String) -> DateMention? {
        guard text.count <= 60, let mention = dates.firstPointDate(in: text) else { return nil }
        let rest = text.utf8.count - mention.range.count
        let words = text.split(whereSeparator: { $0.isWhitespace || $0 == "," }).count
        let dateWords = mention.text.split(whereSeparator: { $0.isWhitespace || $0 == "," }).count
        return rest <= 16 && words - dateWords <= 1 ? mention : nil
    }
}

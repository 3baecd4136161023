import ScriptoriumModel
import ScriptoriumText

/// The annotate stage: tags what historians search by in the text of each document. Dates
/// and periods now; names of people, places and organisations build on the same inline model.
///
/// Pure and deterministic. It never changes the text: the plain text of its output equals its
/// input, so tagging can never lose or invent words.
public struct Annotator: Sendable {
    public static let version = RuleSetVersion(name: "scriptorium.annotate", version: "1.0.0")

    private let dates = DateRecognizer()

    public init() {}

    public func annotate(_ document: SegmentedDocument) -> AnnotatedDocument {
        let conventions = DateConventions(referenceYear: Self.referenceYear(of: document.metadata.date))
        var metadata = document.metadata
        metadata.ruleSets.append(Self.version)
        let body = document.body.map { tagDates(in: $0, conventions: conventions) }
        return AnnotatedDocument(metadata: metadata, body: body)
    }

    /// The year that completes "30 October": the document's own, never today's.
    static func referenceYear(of date: DateValue?) -> Int? {
        switch date {
        case .when(let point)?: return point.year
        case .within(let low, let high)? where low.year == high.year: return low.year
        case .range(let from, let to)? where from.year == to.year: return from.year
        default: return nil
        }
    }

    func tagDates(in text: String, conventions: DateConventions) -> InlineText {
        let mentions = dates.mentions(in: text, conventions: conventions)
        guard !mentions.isEmpty else { return InlineText(plain: text) }
        var segments: [InlineText.Segment] = []
        let utf8 = text.utf8
        var cursor = 0
        for mention in mentions {
            if mention.range.lowerBound > cursor {
                segments.append(.text(Self.slice(utf8, cursor, mention.range.lowerBound)))
            }
            segments.append(.date(mention.text, mention.value))
            cursor = mention.range.upperBound
        }
        if cursor < utf8.count {
            segments.append(.text(Self.slice(utf8, cursor, utf8.count)))
        }
        return InlineText(segments: segments)
    }

    private static func slice(_ utf8: String.UTF8View, _ start: Int, _ end: Int) -> String {
        let lower = utf8.index(utf8.startIndex, offsetBy: start)
        let upper = utf8.index(utf8.startIndex, offsetBy: end)
        return String(utf8[lower..<upper])!
    }
}

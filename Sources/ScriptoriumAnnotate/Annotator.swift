import ScriptoriumModel
import ScriptoriumText

/// The annotate stage: tags what historians search by in the text of each document — dates,
/// times, and the names of persons, places and organisations, linked to the authority file —
/// and tells the document's language.
///
/// Pure and deterministic. It never changes the text: the plain text of its output equals its
/// input, so tagging can never lose or invent words.
public struct Annotator: Sendable {
    public static let version = RuleSetVersion(name: "scriptorium.annotate", version: "2.0.0")

    private let dates = DateRecognizer()
    private let times = TimeRecognizer()
    private let names: EntityRecognizer?
    private let languages: LanguageDetector?
    public let rules: AnnotationRules?

    /// An annotator with the authority file, cues and language profiles of `rules`; without
    /// them it tags dates and times only.
    public init(rules: AnnotationRules? = nil) {
        self.rules = rules
        names = rules.map { EntityRecognizer(lexicon: EntityLexicon(authority: $0.authority), cues: $0.cues) }
        languages = rules.map { LanguageDetector(profiles: $0.languages) }
    }

    public func annotate(_ document: SegmentedDocument) -> AnnotatedDocument {
        let texts = document.body.allContent
        let conventions = DateConventions(
            referenceYear: Self.referenceYear(of: document.metadata.date),
            dayFirst: Self.writesDayFirst(texts.joined(separator: "\n"))
        )
        var metadata = document.metadata
        metadata.ruleSets.append(Self.version)
        metadata.ruleSets += rules?.versions ?? []
        var linker = names.map { DocumentLinker(authority: $0.lexicon.authority) }
        let headings = Set([document.body.heading].compactMap { $0 } + document.body.sections.map(\.heading))
        var found: [String: [Tagged]] = [:]
        for text in Set(texts) where found[text] == nil {
            found[text] = tags(in: text, heading: headings.contains(text), conventions: conventions)
        }
        for text in texts {
            for case .name(let candidate) in found[text] ?? [] { linker?.observe(candidate) }
        }
        let language = languages?.detect(texts.joined(separator: " "))
        let body = document.body.map { text in
            var tagged = inline(text, tagged: found[text] ?? [], linker: &linker)
            if !headings.contains(text) { tagged.language = passageLanguage(text, document: language) }
            return tagged
        }
        return AnnotatedDocument(metadata: metadata, body: body, standOff: linker?.standOff ?? [], language: language)
    }

    /// Tagged expressions of one text, before linking.
    enum Tagged: Sendable, Hashable {
        case date(DateMention)
        case time(TimeMention)
        case name(NameCandidate)

        var range: Range<Int> {
            switch self {
            case .date(let mention): return mention.range
            case .time(let mention): return mention.range
            case .name(let candidate): return candidate.range
            }
        }
    }

    func tags(in text: String, heading: Bool, conventions: DateConventions) -> [Tagged] {
        var tagged: [Tagged] = []
        let timeMentions = times.mentions(in: text)
        for mention in dates.mentions(in: text, conventions: conventions)
        where !timeMentions.contains(where: { $0.range.overlaps(mention.range) }) {
            tagged.append(.date(mention))
        }
        tagged += timeMentions.map { .time($0) }
        if let names {
            tagged += names.candidates(in: text, heading: heading, blocked: tagged.map(\.range)).map { .name($0) }
        }
        return tagged.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    private func inline(_ text: String, tagged: [Tagged], linker: inout DocumentLinker?) -> InlineText {
        guard !tagged.isEmpty else { return InlineText(plain: text) }
        var segments: [InlineText.Segment] = []
        let utf8 = Array(text.utf8)
        var cursor = 0
        for item in tagged {
            if item.range.lowerBound > cursor {
                segments.append(.text(Self.slice(utf8, cursor, item.range.lowerBound)))
            }
            let written = Self.slice(utf8, item.range.lowerBound, item.range.upperBound)
            switch item {
            case .date(let mention): segments.append(.date(written, mention.value))
            case .time(let mention): segments.append(.time(written, mention.value))
            case .name(let candidate):
                let ref = linker?.link(candidate, written: written)
                segments.append(.name(written, NameTag(kind: candidate.kind, ref: ref)))
            }
            cursor = item.range.upperBound
        }
        if cursor < utf8.count {
            segments.append(.text(Self.slice(utf8, cursor, utf8.count)))
        }
        return InlineText(segments: segments)
    }

    /// The language of a passage of a dozen words or more, when it is clearly not the document's.
    private func passageLanguage(_ text: String, document: String?) -> String? {
        guard let languages, text.split(separator: " ").count >= 12, let found = languages.detect(text), found != document else { return nil }
        return found
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

    /// Whether the source writes the day before the month, judged from its unambiguous dates:
    /// an American source ("November 4, 1956") reads 12/04/1956 as December 4.
    static func writesDayFirst(_ text: String) -> Bool {
        guard text.utf8.contains(UInt8(ascii: "/")) else { return true }  // only 12/04/1956 needs to know
        let spelled = DateRecognizer().mentions(in: text).map(\.text)
        let monthFirst = spelled.filter { $0.first?.isLetter == true && $0.contains(where: \.isNumber) && $0.contains(",") }.count
        let dayFirst = spelled.filter { $0.first?.isNumber == true && $0.contains(where: \.isLetter) }.count
        return monthFirst <= dayFirst
    }

    /// Tags start and end on character boundaries (they come from matches on the text), so
    /// decoding a slice of the bytes never repairs anything.
    static func slice(_ utf8: [UInt8], _ start: Int, _ end: Int) -> String {
        String(decoding: utf8[start..<end], as: UTF8.self)
    }
}

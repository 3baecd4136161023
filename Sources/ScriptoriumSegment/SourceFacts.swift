import Foundation
import ScriptoriumModel

/// Reads the catalogue facts of a document from the fields the cleaner moved to the header:
/// an archive's source note, a citation, a summary, the original language.
///
/// Values are copied from the source as printed; nothing is looked up or invented.
enum SourceFacts {
    private static let translator = try! NSRegularExpression(pattern: "(?:Translated by|Translation by|translated by)\\s+([^.;,]+(?:\\.[^.;,\\s][^.;,]*)?)")
    private static let publishedIn = try! NSRegularExpression(pattern: "(?:Published in|published in|Printed in)\\s+(.+?)(?:\\.\\s+(?=\\p{Lu})|\\.?$)")
    private static let publisher = try! NSRegularExpression(pattern: "(?:[A-Z][\\w.&-]*\\s){0,4}(?:Digital Archive|Archives?|Library|Museum|Documentation Center)\\b")
    /// Languages the original may be in, by the English names archives print.
    private static let languageCodes: [String: String] = [
        "russian": "ru", "english": "en", "german": "de", "french": "fr", "hungarian": "hu", "polish": "pl",
        "czech": "cs", "slovak": "sk", "romanian": "ro", "bulgarian": "bg", "serbian": "sr", "croatian": "hr",
        "serbo-croatian": "sh", "chinese": "zh", "japanese": "ja", "spanish": "es", "italian": "it", "ukrainian": "uk",
        "albanian": "sq", "korean": "ko", "vietnamese": "vi", "portuguese": "pt", "mongolian": "mn",
    ]

    static func read(_ fields: [HeaderField], into description: inout DocumentDescription) {
        for field in fields {
            switch field.kind {
            case .source:
                if description.archiveReference == nil, let reference = archiveReference(in: field.value) {
                    description.archiveReference = reference
                }
                if let level = ClassificationMark.level(inNote: field.value), !description.classification.contains(level) {
                    description.classification.append(level)
                }
                readCitation(field.value, publisher: false, into: &description)
            case .citation:
                readCitation(field.value, publisher: true, into: &description)
            case .summary:
                description.summary = description.summary ?? field.value
            case .caption:
                description.summary = description.summary ?? field.value
            case .originalLanguage:
                let name = field.value.trimmingCharacters(in: .whitespaces)
                description.originalLanguage = LanguageName(name: name, code: languageCodes[name.lowercased()] ?? "und")
            default:
                break
            }
        }
    }

    /// An archive's note names the repository and file first, up to its first full stop
    /// ("Department of State, Central Files, 764.00/12–2757. Confidential. Drafted by…").
    static func archiveReference(in note: String) -> String? {
        guard let stop = note.range(of: ". ") ?? (note.hasSuffix(".") ? note.index(before: note.endIndex)..<note.endIndex : nil) else { return nil }
        let reference = String(note[..<stop.lowerBound])
        guard reference.contains(","), reference.count <= 200 else { return nil }
        return reference
    }

    /// Translator and earlier publication from any citation; the publisher only from a
    /// citation line, since an archive's source note names the repository, not a publisher.
    private static func readCitation(_ text: String, publisher readsPublisher: Bool, into description: inout DocumentDescription) {
        if description.translator == nil, let name = firstGroup(translator, in: text) { description.translator = name }
        if description.publishedIn == nil, let place = firstGroup(publishedIn, in: text) {
            // A citation's web address may follow on the same line; it is not part of the publication.
            let beforeAddress = place.components(separatedBy: " http").first ?? place
            description.publishedIn = beforeAddress.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ".,;")))
        }
        if readsPublisher, description.publisher == nil, let match = publisher.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
           let range = Range(match.range, in: text)
        {
            description.publisher = String(text[range]).trimmingCharacters(in: .whitespaces)
        }
    }

    private static func firstGroup(_ expression: NSRegularExpression, in text: String) -> String? {
        guard let match = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range(at: 1), in: text)
        else { return nil }
        let value = text[range].trimmingCharacters(in: .whitespaces)
        return value.isEmpty ? nil : value
    }
}

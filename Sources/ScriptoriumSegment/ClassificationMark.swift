import Foundation

/// Security classification and handling marks, as stamped on a document or given in an
/// archive's source note ("Top Secret", "Confidential", "Not to be copied").
enum ClassificationMark {
    /// Classification levels, most specific first so "Top Secret" is not read as "Secret".
    static let levels = ["Top Secret", "Limited Official Use", "Official Use Only", "Strictly Confidential", "Confidential", "Secret", "Restricted", "Unclassified"]
    /// Handling marks that stand alone on a line like a classification.
    private static let handling = ["Not to be copied", "Eyes only", "Personal and confidential", "For official use only", "No distribution", "Sovershenno sekretno", "Streng geheim", "Ściśle tajne"]

    /// The whole line is a classification or handling mark.
    static func matches(_ text: String) -> Bool {
        let bare = text.trimmingCharacters(in: CharacterSet(charactersIn: " .;:!-–—")).lowercased()
        guard !bare.isEmpty, bare.count <= 40 else { return false }
        return (levels + handling).contains { bare == $0.lowercased() || bare.hasPrefix($0.lowercased() + ";") || bare.hasPrefix($0.lowercased() + ",") }
    }

    /// The classification a source note gives as a sentence of its own
    /// ("…, 764.00/11–456. Confidential; Niact." → "Confidential").
    static func level(inNote note: String) -> String? {
        for sentence in note.components(separatedBy: ". ").dropFirst() {
            let trimmed = sentence.trimmingCharacters(in: .whitespaces)
            if let level = levels.first(where: { trimmed.hasPrefix($0) && !trimmed.dropFirst($0.count).hasPrefix("ary") }) {
                return level
            }
        }
        return nil
    }
}

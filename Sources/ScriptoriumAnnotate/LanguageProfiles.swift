import ScriptoriumText

/// Stop-word profiles: the commonest short words of each language, the evidence for
/// `@xml:lang`. Data in `languages.json`, so a language is added without recompiling.
public struct LanguageProfiles: Sendable, Hashable, Codable {
    var format: Int
    var name: String
    var version: String
    var description: String?
    /// BCP 47 code → stop words.
    var profiles: [String: [String]]

    /// The language whose stop words make up the largest share of `text`, when the evidence is
    /// enough: at least `minimumHits` stop words, at least 5% of the words (a Chinese page with
    /// a few Latin menu words is no Polish), and twice the runner-up's count.
    public func detect(_ text: String, minimumHits: Int = 3) -> String? {
        LanguageDetector(profiles: self).detect(text, minimumHits: minimumHits)
    }
}

/// The profiles compiled once: each stop word with the languages it belongs to.
struct LanguageDetector: Sendable {
    private let languages: [String: [String]]

    init(profiles: LanguageProfiles) {
        var languages: [String: [String]] = [:]
        for (code, words) in profiles.profiles.sorted(by: { $0.key < $1.key }) {
            for word in Set(words) { languages[word, default: []].append(code) }
        }
        self.languages = languages
    }

    /// See `LanguageProfiles.detect(_:minimumHits:)`.
    func detect(_ text: String, minimumHits: Int = 3) -> String? {
        let words = text.lowercased().split { !$0.isLetter && $0 != "'" }
        var counts: [String: Int] = [:]
        for word in words {
            for code in languages[String(word)] ?? [] { counts[code, default: 0] += 1 }
        }
        let ranked = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        // Chinese and Japanese write words without spaces: count each ideograph as a word.
        let ideographs = text.unicodeScalars.count { $0.properties.isIdeographic }
        guard let best = ranked.first, best.value >= minimumHits, best.value * 20 >= words.count + ideographs else { return nil }
        if ranked.count > 1, ranked[1].value * 2 > best.value { return nil }
        return best.key
    }
}

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
        // Words and ideographs in one pass over the scalars; ASCII without Unicode tables.
        var counts: [String: Int] = [:]
        var wordCount = 0
        var ideographs = 0
        var word = String.UnicodeScalarView()
        func finish() {
            guard !word.isEmpty else { return }
            wordCount += 1
            for code in languages[String(word)] ?? [] { counts[code, default: 0] += 1 }
            word = String.UnicodeScalarView()
        }
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII {
                if ("a"..."z").contains(scalar) || scalar == "'" { word.append(scalar) } else { finish() }
            } else if scalar.properties.isIdeographic {
                finish()
                ideographs += 1
            } else if scalar.properties.isAlphabetic || scalar.properties.isDiacritic {
                word.append(scalar)
            } else {
                finish()
            }
        }
        finish()
        let ranked = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        // Chinese and Japanese write words without spaces: each ideograph counts as a word.
        guard let best = ranked.first, best.value >= minimumHits, best.value * 20 >= wordCount + ideographs else { return nil }
        if ranked.count > 1, ranked[1].value * 2 > best.value { return nil }
        return best.key
    }
}

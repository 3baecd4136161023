/// A word of running text, with where it is and what it looks like: the unit names are
/// matched on.
public struct WordToken: Sendable, Hashable {
    /// UTF-8 offsets into the text it was found in.
    public var range: Range<Int>
    /// The word as written.
    public var text: String
    /// Case, diacritics and hyphens ignored (`Kádár` and `KADAR` give `kadar`).
    public var key: String
    /// Starts with an upper-case letter.
    public var isCapitalised: Bool
    /// Two or more letters, all upper case (`KHRUSHCHEV`, `CPSU`).
    public var isUpperCase: Bool
    /// First word of its text or of a sentence, where every word is capitalised.
    public var isSentenceInitial: Bool
    /// What lies between the previous word and this one (`" "`, `". "`, `", "`).
    public var gapBefore: String
}

/// Splits text into words: runs of letters, runs of digits. Hyphens and apostrophes end a word, so
/// "Nagy's" gives "Nagy" and "s" and "Khrushchev-Bulganin" two names; the gap between words
/// keeps them, for matchers that care.
public enum WordTokenizer {
    public static func tokens(in text: String) -> [WordToken] {
        var tokens: [WordToken] = []
        let scalars = Array(text.unicodeScalars)
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var offset = 0
        for scalar in scalars {
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        // ASCII answered without Unicode property tables, which are slow on Linux.
        func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
            if scalar.isASCII { return Self.isASCIILetter(scalar) || Self.isASCIIDigit(scalar) }
            return scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar.properties.isDiacritic
        }
        func isDigit(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII ? Self.isASCIIDigit(scalar) : scalar.properties.numericType != nil
        }
        func isUpper(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII ? ("A"..."Z").contains(scalar) : scalar.properties.isUppercase
        }
        var index = 0
        var gapStart = 0
        var sentenceStart = true
        while index < scalars.count {
            guard isWordScalar(scalars[index]) else {
                if ".!?:;".unicodeScalars.contains(scalars[index]) { sentenceStart = true }
                index += 1
                continue
            }
            let start = index
            // Letters and digits are separate words: "Taylor3" is a name and a footnote number.
            let digits = isDigit(scalars[start])
            while index < scalars.count, isWordScalar(scalars[index]), isDigit(scalars[index]) == digits { index += 1 }
            let word = String(String.UnicodeScalarView(scalars[start..<index]))
            let letters = word.unicodeScalars.filter { !isDigit($0) }
            let gap = String(String.UnicodeScalarView(scalars[gapStart..<start]))
            let capitalised = isUpper(scalars[start])
            let previousAbbreviation = tokens.last.map { ($0.text.count == 1 && $0.isCapitalised) || Self.abbreviations.contains($0.key) } ?? false
            let initial = tokens.isEmpty || (sentenceStart && !(gap.hasPrefix(".") && previousAbbreviation))
            tokens.append(WordToken(
                range: offsets[start]..<offsets[index],
                text: word,
                key: word.comparisonKey,
                isCapitalised: capitalised,
                isUpperCase: letters.count >= 2 && letters.allSatisfy { isUpper($0) || $0.properties.isDiacritic },
                isSentenceInitial: initial,
                gapBefore: gap
            ))
            sentenceStart = false
            gapStart = index
        }
        return tokens
    }

    static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar)
    }

    /// Whether `key` is a word written with a full stop that does not end the sentence.
    public static func isAbbreviation(_ key: String) -> Bool { abbreviations.contains(key) }

    /// Words written with a full stop that does not end the sentence.
    static let abbreviations: Set<String> = ["mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "col", "adm", "lt", "capt", "prof", "no", "vs"]
}

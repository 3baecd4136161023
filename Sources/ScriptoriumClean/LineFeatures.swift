import ScriptoriumModel

/// What the block classifier measures on one line, in one pass over its characters (no
/// regular expressions: the classifier sees every line of every page).
struct LineFeatures: Sendable {
    /// Length in Unicode scalars, list marker excluded.
    var length = 0
    /// Words (runs of letters) in scripts written with spaces.
    var words = 0
    /// Letters of scripts written without spaces (Han, kana, Hangul), which form no words.
    var unspacedLetters = 0
    /// Decimal digits (a line of digits only is a paragraph number or a date, never nothing).
    var digits = 0
    /// For each word, the stop-word languages listing it.
    var stopWordMasks: [UInt64] = []
    /// The last visible character closes a sentence or a quotation.
    var endsSentence = false
    /// The first letter is upper-case (menu entries and headings usually are).
    var startsCapitalised = false
    /// A list item: a bullet (`•`, `□`, `○`…) or a Markdown list.
    var isListItem = false
    /// A heading the source marked (Markdown `#`).
    var isHeading = false
    /// An empty form field `[    ]` or a line that is only a bracketed image alt text or button.
    var isFormDebris = false
    /// Literal HTML (`<img src=…>`, `<div>`) that a dump printed from a `<noscript>` block.
    var isMarkup = false
    /// No letters at all but a date or time shape ("08.04.2015 12:46", "20:37").
    var isDateOrTime = false
    /// Pieces joined by `|`, `›`, `»` or ` > `: a breadcrumb or a menu flattened onto one line.
    var isSeparatedMenu = false

    /// Effective word count: spaced words plus one word per two unspaced letters.
    var weightWords: Double { Double(words) + Double(unspacedLetters) / 2 }

    /// Characters that end a sentence, a quotation or a bracket in the languages we see.
    private static let sentenceEnds: Set<Unicode.Scalar> = [".", "!", "?", "…", ":", ";", "\"", "'", "”", "“", "»", "«", ")", "’", "」", "。", "！", "？"]
    private static let bullets: Set<Unicode.Scalar> = ["•", "□", "○", "◦", "▪", "■", "●", "·", "►", "▸", "–"]

    init(text: String, kind: LineKind, stopWords: StopWords) {
        if case .listItem = kind { isListItem = true }
        if case .heading = kind { isHeading = true }
        var scalars = Substring(text).unicodeScalars[...]
        while let first = scalars.first, first.properties.isWhitespace { scalars = scalars.dropFirst() }
        if let first = scalars.first, Self.bullets.contains(first), scalars.dropFirst().first?.properties.isWhitespace ?? true {
            isListItem = true
            scalars = scalars.dropFirst()
            while let first = scalars.first, first.properties.isWhitespace { scalars = scalars.dropFirst() }
        }
        var word = String.UnicodeScalarView()
        var letters = 0, separators = 0, lastVisible: Unicode.Scalar?
        var previous: Unicode.Scalar = " "
        var openBracketSpaces = -1
        func endWord() {
            guard !word.isEmpty else { return }
            words += 1
            stopWordMasks.append(stopWords.mask(of: String(word).lowercased()))
            word = String.UnicodeScalarView()
        }
        for scalar in scalars {
            length += 1
            let value = scalar.value
            // ASCII answers without Unicode property lookups: most text of most pages is ASCII.
            let ascii = value < 0x80
            let isLetter = ascii ? (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) : scalar.properties.isAlphabetic
            if !ascii, Self.isUnspaced(value) {
                endWord()
                unspacedLetters += 1
                letters += 1
            } else if isLetter || (scalar == "'" || scalar == "’" || scalar == "-") && !word.isEmpty {
                if word.isEmpty && letters == 0 { startsCapitalised = ascii ? (0x41...0x5A).contains(value) : scalar.properties.isUppercase }
                if isLetter { letters += 1 }
                word.append(scalar)
            } else {
                endWord()
                if ascii ? (0x30...0x39).contains(value) : scalar.properties.numericType != nil { digits += 1 }
            }
            // `[` followed only by spaces up to `]` is an empty form field.
            switch scalar {
            case "[": openBracketSpaces = 0
            case " ", "\u{A0}": if openBracketSpaces >= 0 { openBracketSpaces += 1 }
            case "]": if openBracketSpaces >= 3 { isFormDebris = true }; openBracketSpaces = -1
            default: openBracketSpaces = -1
            }
            if scalar == "|" || scalar == "›" || scalar == "»" && previous == " " || scalar == ">" && previous == " " { separators += 1 }
            let whitespace = ascii ? value == 0x20 || value == 0x09 : scalar.properties.isWhitespace
            if !whitespace { lastVisible = scalar }
            previous = scalar
        }
        endWord()
        if let lastVisible { endsSentence = Self.sentenceEnds.contains(lastVisible) }
        let trimmed = String(String.UnicodeScalarView(scalars)).trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("["), trimmed.hasSuffix("]"), !trimmed.dropFirst().contains("[") { isFormDebris = true }
        if let first = trimmed.unicodeScalars.first, first == "<",
           let second = trimmed.unicodeScalars.dropFirst().first, second.properties.isAlphabetic || second == "/" || second == "!"
        {
            isMarkup = true
        }
        isDateOrTime = letters == 0 && (digits >= 3 || (digits >= 2 && trimmed.contains(":")))
        isSeparatedMenu = separators >= 1 && !trimmed.hasSuffix(".")
    }

    /// Han, kana, Hangul and CJK punctuation-free letters: scripts that do not separate words.
    private static func isUnspaced(_ value: UInt32) -> Bool {
        (0x3040...0x30FF).contains(value) || (0x3400...0x4DBF).contains(value) || (0x4E00...0x9FFF).contains(value)
            || (0xAC00...0xD7AF).contains(value) || (0xF900...0xFAFF).contains(value)
    }
}

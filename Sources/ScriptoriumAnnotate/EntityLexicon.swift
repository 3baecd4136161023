import ScriptoriumModel
import ScriptoriumText

/// The authority file compiled for matching: every written form of every entry as a sequence
/// of word keys, indexed by its first word.
struct EntityLexicon: Sendable {
    /// One way of writing a name: its word keys, which words must be capitalised, where a comma
    /// stands ("Stassen, Harold E."), and the entries it can mean.
    struct Form: Sendable {
        var keys: [String]
        var capitalised: [Bool]
        var commaBefore: [Bool]
        var entries: [Int]
        /// A surname written alone: needs context checks and may be ambiguous ("Dulles").
        var isSurnameOnly: Bool
    }

    let authority: Authority
    private(set) var forms: [Form] = []
    private var byFirstKey: [String: [Int]] = [:]
    /// Person surnames of seven letters or more, for catching misspellings.
    private(set) var longSurnames: [(key: String, form: Int)] = []

    static let nameSuffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv"]

    init(authority: Authority) {
        self.authority = authority
        var signatures: [String: Int] = [:]
        for (index, item) in authority.entries.enumerated() {
            var written = [item.entry.name] + (item.entry.variants ?? [])
            var surnameForm: String?
            if item.kind == .person {
                let words = WordTokenizer.tokens(in: item.entry.name).filter { !Self.nameSuffixes.contains($0.key) }
                if words.count >= 3 { written.append(words[0].text + " " + words[words.count - 1].text) }
                if words.count >= 2, let last = words.last {
                    written.append(last.text + ", " + words.dropLast().map(\.text).joined(separator: " "))
                    if item.entry.surname ?? true { surnameForm = last.text }
                }
            }
            for text in written { add(text, entry: index, surnameOnly: false, signatures: &signatures) }
            if let surnameForm { add(surnameForm, entry: index, surnameOnly: true, signatures: &signatures) }
        }
        for (index, form) in forms.enumerated() where form.isSurnameOnly && form.keys[0].count >= 7 {
            longSurnames.append((form.keys[0], index))
        }
    }

    private mutating func add(_ text: String, entry: Int, surnameOnly: Bool, signatures: inout [String: Int]) {
        let words = WordTokenizer.tokens(in: text)
        guard !words.isEmpty else { return }
        let commas = words.map { $0.gapBefore.contains(",") }
        let signature = zip(words.map(\.key), commas).map { ($1 ? "," : "") + $0 }.joined(separator: " ")
        if let existing = signatures[signature] {
            if !forms[existing].entries.contains(entry) { forms[existing].entries.append(entry) }
            forms[existing].isSurnameOnly = forms[existing].isSurnameOnly && surnameOnly
            return
        }
        signatures[signature] = forms.count
        byFirstKey[words[0].key, default: []].append(forms.count)
        forms.append(Form(keys: words.map(\.key), capitalised: words.map(\.isCapitalised), commaBefore: commas, entries: [entry], isSurnameOnly: surnameOnly))
    }

    /// The longest form starting at `tokens[start]`: its index and how many words it covers.
    func longestMatch(in tokens: [WordToken], at start: Int) -> (form: Int, length: Int)? {
        guard let candidates = byFirstKey[tokens[start].key] else { return nil }
        var best: (form: Int, length: Int)?
        for index in candidates {
            let form = forms[index]
            guard start + form.keys.count <= tokens.count, form.keys.count > (best?.length ?? 0) else { continue }
            var matches = true
            for offset in 0..<form.keys.count {
                let token = tokens[start + offset]
                if token.key != form.keys[offset] || (form.capitalised[offset] && !token.isCapitalised) {
                    matches = false
                    break
                }
                if offset > 0, !Self.gapJoins(token.gapBefore, after: tokens[start + offset - 1], comma: form.commaBefore[offset]) {
                    matches = false
                    break
                }
            }
            if matches { best = (index, form.keys.count) }
        }
        return best
    }

    /// A surname form one letter away from `token` (a misspelling such as "Krushchev").
    func nearSurname(_ token: WordToken) -> Int? {
        guard token.key.count >= 7 else { return nil }
        let matches = longSurnames.filter { $0.key.first == token.key.first && Self.withinOneEdit($0.key, token.key) }
        return matches.count == 1 ? matches[0].form : nil
    }

    /// Whether two words written with `gap` between them belong to one name: spaces, a hyphen,
    /// an apostrophe or editorial brackets; a full stop only after an initial or abbreviation.
    static func gapJoins(_ gap: String, after previous: WordToken, comma: Bool) -> Bool {
        guard !gap.contains("\n") else { return false }
        let marks = gap.unicodeScalars.filter { !$0.properties.isWhitespace && !"[]'’-".unicodeScalars.contains($0) }
        let text = String(String.UnicodeScalarView(marks))
        if comma { return text == "," }
        if text.isEmpty { return true }
        return text == "." && (previous.text.count == 1 || WordTokenizer.isAbbreviation(previous.key))
    }

    /// Levenshtein distance of at most one.
    static func withinOneEdit(_ a: String, _ b: String) -> Bool {
        let x = Array(a), y = Array(b)
        guard abs(x.count - y.count) <= 1, x != y else { return false }
        var i = 0, j = 0, edits = 0
        while i < x.count, j < y.count {
            if x[i] == y[j] { i += 1; j += 1; continue }
            edits += 1
            if edits > 1 { return false }
            if x.count > y.count { i += 1 } else if y.count > x.count { j += 1 } else { i += 1; j += 1 }
        }
        return edits + (x.count - i) + (y.count - j) <= 1
    }
}

/// Month names and abbreviations in the languages of the sources, mapped to month numbers.
///
/// Lower-case forms (French, Spanish, Italian, Polish genitives…) are only trusted next to a day
/// and a year, where they cannot be ordinary words ("mars", "May").
enum MonthNames {
    static let numbers: [String: Int] = {
        let lists: [[String]] = [
            // English
            ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"],
            // German
            ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"],
            // French
            ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
            // Spanish
            ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
            // Italian
            ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
            // Hungarian
            ["január", "február", "március", "április", "május", "június", "július", "augusztus", "szeptember", "október", "november", "december"],
        ]
        var table: [String: Int] = [:]
        for list in lists {
            for (index, name) in list.enumerated() { table[name] = index + 1 }
        }
        let abbreviated = ["jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12]
        table.merge(abbreviated) { current, _ in current }
        return table
    }()

    static let abbreviations: Set<String> = ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]

    /// A regular-expression alternation of every name, longest first so `Sept` beats `Sep`;
    /// only abbreviations may take a full stop, so "30 October." leaves the sentence's stop alone.
    static let alternation: String = pattern(capitalised: false)

    /// The capitalised forms only, for patterns where a lower-case word is likely not a month.
    static let capitalisedAlternation: String = pattern(capitalised: true)

    private static func pattern(capitalised: Bool) -> String {
        numbers.keys.sorted { ($0.count, $0) > ($1.count, $1) }.map { name in
            let written = capitalised ? name.prefix(1).uppercased() + name.dropFirst() : name
            return abbreviations.contains(name) ? written + "\\.?" : written
        }.joined(separator: "|")
    }

    static func number(of name: String) -> Int? {
        var key = name.lowercased()
        if key.hasSuffix(".") { key.removeLast() }
        return numbers[key]
    }
}

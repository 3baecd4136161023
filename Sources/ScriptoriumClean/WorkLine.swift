import ScriptoriumModel

/// A line while the cleaner works on it: its source text, its current text, and whether it is
/// still part of the document.
struct WorkLine {
    let number: Int
    /// The line as decoded, before any change: what records quote.
    let original: String
    var text: String
    var kind: LineKind
    var continues: Bool
    var kept = true
    /// A named line rule removed the line as boilerplate (not metadata moved to the header): evidence for the classifier that furniture is here.
    var removedByLineRule = false

    var isBlank: Bool { kind == .blank || text.isEmpty }

    var cleanLine: CleanLine {
        CleanLine(number: number, text: text, kind: isBlank ? .blank : kind, continues: continues)
    }
}

import ScriptoriumModel
import ScriptoriumText

/// Links one document's names to authority entries and collects its `standOff`.
///
/// A shared surname ("Dulles") goes to the person its title names ("Secretary Dulles"), else to
/// the one the document names in full ("Allen Dulles"), else to the first entry of the
/// authority file, which lists the likelier one first.
struct DocumentLinker {
    let authority: Authority
    private var namedInFull = Set<Int>()
    private var order: [Int] = []
    private var variants: [Int: [String]] = [:]

    init(authority: Authority) {
        self.authority = authority
    }

    /// Notes an unambiguous mention, before any linking, so that earlier surnames benefit too.
    mutating func observe(_ candidate: NameCandidate) {
        if candidate.entries.count == 1 { namedInFull.insert(candidate.entries[0]) }
    }

    /// The entry id for `candidate`, or nil for a name the authority does not know.
    mutating func link(_ candidate: NameCandidate, written: String) -> String? {
        guard let first = candidate.entries.first else { return nil }
        let titled = candidate.title.flatMap { title in
            candidate.entries.first { authority.entries[$0].entry.titles?.contains { $0.comparisonKey == title } ?? false }
        }
        let chosen = titled ?? candidate.entries.first { namedInFull.contains($0) } ?? first
        let entry = authority.entries[chosen].entry
        if variants[chosen] == nil {
            order.append(chosen)
            variants[chosen] = []
        }
        if written != entry.name, !(variants[chosen]?.contains(written) ?? false) {
            variants[chosen]?.append(written)
        }
        return entry.id
    }

    /// The entries linked so far, in order of first mention.
    var standOff: [StandOffEntry] {
        order.map { index in
            let item = authority.entries[index]
            return StandOffEntry(id: item.entry.id, kind: item.kind, name: item.entry.name, variants: variants[index] ?? [], wikidata: item.entry.wikidata)
        }
    }
}

/// The evidence that a word sequence is a name even when the authority file does not know it,
/// and the words that look like names but are not: data in `entity-cues.json`.
public struct EntityCues: Sendable, Hashable, Codable {
    var format: Int
    var name: String
    var version: String
    var description: String?
    /// Titles before a person's name, left outside the tag: "Mr", "comrade", "Prime Minister".
    var personTitles: [String]
    /// Military ranks, kept inside the tag as the name is cited: "Marshal Zhukov", "Admiral Radford".
    var ranks: [String]
    /// Last words of organisation names: "Party", "Council", "Committee".
    var organisationHeads: [String]
    /// First words of organisation names followed by "of …": "Ministry", "Embassy".
    var organisationOpeners: [String]
    /// Words before an acronym that make it an organisation: "CC" in "CC CPSU".
    var acronymPrefixes: [String]
    /// Words that end a run of capitalised words: "The" in "U.S. The Council".
    var functionWords: [String]
    /// Capitalised words that never start or continue an unknown name: function words at the
    /// start of a sentence, demonyms, months, salutations.
    var notNameWords: [String]
    /// Whole strings never tagged: classification marks, list heads, salutations.
    var notEntities: [String]
}

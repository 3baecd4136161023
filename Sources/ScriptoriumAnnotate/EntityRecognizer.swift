import Foundation
import ScriptoriumModel
import ScriptoriumText

/// A name found in a text, before it is linked: where, what kind, and which authority entries
/// it may mean (none for a name known only from evidence; several for a shared surname).
struct NameCandidate: Sendable, Hashable {
    var range: Range<Int>
    var kind: EntityKind
    var entries: [Int]
    /// From the authority file (as opposed to evidence such as a title).
    var fromAuthority: Bool
    /// The word just before, when it is a title: picks between persons sharing a surname.
    var title: String? = nil
}

/// Finds names of persons, places and organisations in one document's texts.
///
/// Two sources of evidence: the authority file's forms (linked), and the shapes of names it
/// does not know (a title before a capitalised word, "Ministry of …", "… Party", "CC CPSU"),
/// tagged without a link. Words that only look like names (demonyms, salutations,
/// classification marks, capitalised words of headings) are left alone.
struct EntityRecognizer: Sendable {
    let lexicon: EntityLexicon
    private let titles: [[String]]
    private let ranks: [[String]]
    private let organisationHeads: Set<String>
    private let organisationOpeners: Set<String>
    private let acronymPrefixes: Set<String>
    private let notNameWords: Set<String>
    private let functionWords: Set<String>
    /// Every word of every title and rank: never part of an unknown name ("Deputy Director").
    private let titleWords: Set<String>
    private let notEntities: Set<String>
    static let connectors: Set<String> = ["of", "the", "for", "and", "on", "in"]

    init(lexicon: EntityLexicon, cues: EntityCues) {
        self.lexicon = lexicon
        func keys(_ phrase: String) -> [String] { WordTokenizer.tokens(in: phrase).map(\.key) }
        titles = cues.personTitles.map(keys).filter { !$0.isEmpty }.sorted { $0.count > $1.count }
        ranks = cues.ranks.map(keys).filter { !$0.isEmpty }.sorted { $0.count > $1.count }
        organisationHeads = Set(cues.organisationHeads.map(\.comparisonKey))
        organisationOpeners = Set(cues.organisationOpeners.map(\.comparisonKey))
        acronymPrefixes = Set(cues.acronymPrefixes.map(\.comparisonKey))
        notNameWords = Set(cues.notNameWords.map(\.comparisonKey))
        functionWords = Set(cues.functionWords.map(\.comparisonKey))
        titleWords = Set((titles + ranks).flatMap { $0 })
        notEntities = Set(cues.notEntities.map(\.comparisonKey))
    }

    /// Candidates in `text`, left to right, not overlapping each other or `blocked` (dates, times).
    /// `heading` marks a heading, where capitals say nothing and only the authority is trusted.
    func candidates(in text: String, heading: Bool, blocked: [Range<Int>]) -> [NameCandidate] {
        let tokens = WordTokenizer.tokens(in: text)
        guard !tokens.isEmpty else { return [] }
        let bytes = Array(text.utf8)
        let titleCase = heading || Self.isTitleCase(tokens, text: text)
        // Words inside dates and times: one sweep over both sorted lists.
        var dates = [Bool](repeating: false, count: tokens.count)
        let sortedBlocked = blocked.sorted { $0.lowerBound < $1.lowerBound }
        var next = 0
        for (index, token) in tokens.enumerated() {
            while next < sortedBlocked.count, sortedBlocked[next].upperBound <= token.range.lowerBound { next += 1 }
            if next < sortedBlocked.count, sortedBlocked[next].overlaps(token.range) { dates[index] = true }
        }
        var covered = dates
        var linked: [(name: NameCandidate, tokens: Range<Int>)] = []
        var index = 0
        while index < tokens.count {
            guard !covered[index], tokens[index].isCapitalised,
                  let candidate = authorityMatch(tokens, at: index, titleCase: titleCase, covered: covered, bytes: bytes)
            else {
                index += 1
                continue
            }
            linked.append(candidate)
            for position in candidate.tokens { covered[position] = true }
            index = candidate.tokens.upperBound
        }
        var found: [NameCandidate] = []
        if !titleCase {
            // An organisation's name may contain a known place or organisation ("Embassy of the
            // Soviet Union", "UN Credentials Committee"): the whole name wins over its parts.
            var linkedAt = [Int?](repeating: nil, count: tokens.count)
            for (number, item) in linked.enumerated() {
                for position in item.tokens { linkedAt[position] = number }
            }
            var swallowed = Set<Int>()
            for organisation in shapes(tokens, covered: dates, kinds: [.organisation]) {
                let inside = Set(organisation.tokens.compactMap { linkedAt[$0] })
                let swallows = inside.allSatisfy {
                    let part = linked[$0]
                    return part.name.kind != .person && organisation.tokens.contains(part.tokens.lowerBound)
                        && organisation.tokens.contains(part.tokens.upperBound - 1) && organisation.tokens.count > part.tokens.count
                }
                guard swallows else { continue }
                swallowed.formUnion(inside)
                for position in organisation.tokens { covered[position] = true }
                found.append(organisation.name)
            }
            linked = linked.enumerated().filter { !swallowed.contains($0.offset) }.map(\.element)
            found += shapes(tokens, covered: covered, kinds: [.person]).map(\.name)
        }
        found += linked.map(\.name)
        return found
            .filter { !notEntities.contains(Self.slice(bytes, $0.range).comparisonKey) }
            .sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    // MARK: Authority

    private func authorityMatch(_ tokens: [WordToken], at index: Int, titleCase: Bool, covered: [Bool], bytes: [UInt8]) -> (name: NameCandidate, tokens: Range<Int>)? {
        var formIndex: Int
        var length: Int
        if let match = lexicon.longestMatch(in: tokens, at: index) {
            (formIndex, length) = match
        } else if !notNameWords.contains(tokens[index].key), let near = lexicon.nearSurname(tokens[index]) {
            (formIndex, length) = (near, 1)
        } else {
            return nil
        }
        let span = index..<(index + length)
        guard !span.contains(where: { covered[$0] }) else { return nil }
        let form = lexicon.forms[formIndex]
        let kind = lexicon.authority.entries[form.entries[0]].kind
        var start = index
        if kind == .organisation, span.allSatisfy({ tokens[$0].isUpperCase }), span.upperBound < tokens.count,
           tokens[span.upperBound].key.first?.isNumber == true, tokens[span.upperBound].gapBefore == " " {
            return nil  // "NSC 5524/1" names a paper, not the council
        }
        if kind == .place, !titleCase, !standsAlone(tokens, span: span) { return nil }
        if kind == .person {
            if form.isSurnameOnly, !titleCase, !standsAlone(tokens, span: span) { return nil }
            // A rank stays inside the tag, unless it ends a civil title ("Secretary General").
            let civil = phrase(endingBefore: index, in: tokens, from: titles)
            if let rank = phrase(endingBefore: index, in: tokens, from: ranks, capitalised: true),
               !(rank.lowerBound..<index).contains(where: { covered[$0] }), (civil?.lowerBound ?? index) >= rank.lowerBound {
                start = rank.lowerBound
            }
        }
        var title: String?
        if let range = phrase(endingBefore: index, in: tokens, from: titles) {
            title = range.map { tokens[$0].key }.joined(separator: " ")
        }
        var lower = tokens[start].range.lowerBound
        var upper = tokens[span.upperBound - 1].range.upperBound
        // An abbreviation keeps its last full stop: "U.S.", "U.K.".
        let last = tokens[span.upperBound - 1]
        if span.count > 1, last.text.count == 1, last.isCapitalised, upper < bytes.count, bytes[upper] == UInt8(ascii: ".") {
            upper += 1
        }
        if lower > 0, bytes[lower - 1] == UInt8(ascii: "["), bytes[lower..<upper].contains(UInt8(ascii: "]")) { lower -= 1 }
        return (NameCandidate(range: lower..<upper, kind: kind, entries: form.entries, fromAuthority: true, title: title), start..<span.upperBound)
    }

    /// A surname or place name is that name only when it is not part of a longer capitalised
    /// name: not followed by a capitalised word ("Wilson Center", "New York Times") nor
    /// preceded by one mid-sentence ("Woodrow Wilson", "Yahoo Japan"); titles, demonyms and
    /// other known names excepted.
    private func standsAlone(_ tokens: [WordToken], span: Range<Int>) -> Bool {
        let last = span.upperBound - 1
        if last + 1 < tokens.count {
            let next = tokens[last + 1]
            if next.isCapitalised, EntityLexicon.gapJoins(next.gapBefore, after: tokens[last], comma: false),
               !next.gapBefore.contains("'"), !next.gapBefore.contains("’"),
               lexicon.longestMatch(in: tokens, at: last + 1) == nil {
                return false
            }
        }
        if span.lowerBound > 0 {
            let previous = tokens[span.lowerBound - 1]
            let joined = EntityLexicon.gapJoins(tokens[span.lowerBound].gapBefore, after: previous, comma: false)
            if joined, previous.isCapitalised, !previous.isSentenceInitial, !isTitleWord(previous.key),
               !notNameWords.contains(previous.key), !functionWords.contains(previous.key),
               lexicon.longestMatch(in: tokens, at: span.lowerBound - 1) == nil {
                return false
            }
        }
        return true
    }

    private func isTitleWord(_ key: String) -> Bool {
        titles.contains { $0.last == key } || ranks.contains { $0.last == key }
    }

    /// The longest of `phrases` that ends just before `tokens[index]`, as a token range.
    private func phrase(endingBefore index: Int, in tokens: [WordToken], from phrases: [[String]], capitalised: Bool = false) -> Range<Int>? {
        for phrase in phrases where phrase.count <= index {
            let start = index - phrase.count
            let fits = phrase.indices.allSatisfy { tokens[start + $0].key == phrase[$0] && (!capitalised || tokens[start + $0].isCapitalised) }
                && (start + 1...index).allSatisfy { EntityLexicon.gapJoins(tokens[$0].gapBefore, after: tokens[$0 - 1], comma: false) }
            if fits { return start..<index }
        }
        return nil
    }

    // MARK: Evidence

    /// Names of `kinds` shown by their shape, over the words not yet `covered`, left to right.
    private func shapes(_ tokens: [WordToken], covered: [Bool], kinds: Set<EntityKind>) -> [(name: NameCandidate, tokens: Range<Int>)] {
        var found: [(name: NameCandidate, tokens: Range<Int>)] = []
        var covered = covered
        var index = 0
        while index < tokens.count {
            let match = covered[index] ? nil
                : (kinds.contains(.organisation) ? organisationShape(tokens, at: index, covered: covered) : nil)
                    ?? (kinds.contains(.person) ? titledPerson(tokens, at: index, covered: covered) : nil)
            guard let match else {
                index += 1
                continue
            }
            let range = tokens[match.tokens.lowerBound].range.lowerBound..<tokens[match.tokens.upperBound - 1].range.upperBound
            found.append((NameCandidate(range: range, kind: match.kind, entries: [], fromAuthority: false), match.tokens))
            for position in match.tokens { covered[position] = true }
            index = match.tokens.upperBound
        }
        return found
    }

    private func usableCapital(_ tokens: [WordToken], _ index: Int, covered: [Bool]) -> Bool {
        index < tokens.count && !covered[index] && tokens[index].isCapitalised && !notNameWords.contains(tokens[index].key)
            && !titleWords.contains(tokens[index].key) && !functionWords.contains(tokens[index].key)
            && tokens[index].key.first.map { !$0.isNumber } == true
    }

    private func joins(_ tokens: [WordToken], _ index: Int) -> Bool {
        index > 0 && index < tokens.count && EntityLexicon.gapJoins(tokens[index].gapBefore, after: tokens[index - 1], comma: false)
    }

    /// "Mr Zorin", "Ambassador Kiselev", "Marshal Konev": a title, then one to three capitalised
    /// words that are not otherwise names. A rank stays inside the tag; other titles do not.
    private func titledPerson(_ tokens: [WordToken], at index: Int, covered: [Bool]) -> (kind: EntityKind, tokens: Range<Int>)? {
        guard usableCapital(tokens, index, covered: covered), index > 0, !tokens[index].isUpperCase, tokens[index].key.count >= 2,
              !organisationHeads.contains(tokens[index].key), joins(tokens, index) else { return nil }
        let rank = phrase(endingBefore: index, in: tokens, from: ranks, capitalised: true)
        guard rank != nil || phrase(endingBefore: index, in: tokens, from: titles) != nil else { return nil }
        var end = index + 1
        while end < index + 3, usableCapital(tokens, end, covered: covered), joins(tokens, end),
              !organisationHeads.contains(tokens[end].key), !tokens[end].isUpperCase {
            end += 1
        }
        return (.person, (rank?.lowerBound ?? index)..<end)
    }

    /// "Ministry of Foreign Affairs", "Hungarian Workers' Party", "Council of Ministers",
    /// "CC UCY": capitalised words ending in an organisation word, or opening with one and
    /// continuing with "of …"; an acronym after a prefix such as "CC".
    private func organisationShape(_ tokens: [WordToken], at index: Int, covered: [Bool]) -> (kind: EntityKind, tokens: Range<Int>)? {
        guard index < tokens.count, !covered[index], tokens[index].isCapitalised else { return nil }
        if acronymPrefixes.contains(tokens[index].key), index + 1 < tokens.count, tokens[index + 1].isUpperCase,
           !covered[index + 1], joins(tokens, index + 1) {
            return (.organisation, index..<(index + 2))
        }
        let first = tokens[index].key
        guard !functionWords.contains(first), !titleWords.contains(first) || organisationHeads.contains(first) else { return nil }
        // A sentence's first word is capitalised anyway: it opens a name only if it is a word names use.
        if tokens[index].isSentenceInitial, !organisationHeads.contains(first), !organisationOpeners.contains(first), !notNameWords.contains(first) {
            return nil
        }
        var end = index
        var sawHead = false
        while end < tokens.count, !covered[end], tokens[end].isCapitalised, !functionWords.contains(tokens[end].key),
              end == index || joins(tokens, end) {
            sawHead = organisationHeads.contains(tokens[end].key)
            end += 1
        }
        let run = end - index
        let opens = organisationOpeners.contains(tokens[index].key) || (run == 1 && organisationHeads.contains(tokens[index].key))
        var extended = end
        while extended + 1 < tokens.count, tokens[extended].key == "of", joins(tokens, extended) {
            var next = extended + 1
            if tokens[next].key == "the", joins(tokens, next) { next += 1 }
            var last = next
            while last < tokens.count, !covered[last], tokens[last].isCapitalised, !functionWords.contains(tokens[last].key),
                  tokens[last].key.count >= 2, joins(tokens, last) {
                last += 1
            }
            guard last > next else { break }
            extended = last
        }
        if (sawHead && run >= 2) || (opens && extended > end) || (sawHead && extended > end) {
            return (.organisation, index..<max(end, extended))
        }
        return nil
    }

    // MARK: Helpers

    /// A heading-like line: most of its longer words capitalised and no full stop at its end
    /// ("Appeal to the West"); a sentence dense with names still ends like a sentence.
    static func isTitleCase(_ tokens: [WordToken], text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let last = trimmed.last, ".;:!?,\"”)".contains(last) { return false }
        let words = tokens.filter { $0.key.count >= 4 && $0.key.first?.isLetter == true }
        guard words.count >= 2 else { return tokens.allSatisfy(\.isCapitalised) && tokens.count <= 3 }
        return Double(words.filter(\.isCapitalised).count) >= 0.7 * Double(words.count)
    }

    static func slice(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}

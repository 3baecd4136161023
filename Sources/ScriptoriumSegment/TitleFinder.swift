import Foundation
import ScriptoriumText

/// Finds the block that is a document's own title on a page that may still carry menus,
/// section labels, bylines and captions above it.
///
/// The title of a page stands shortly before its running text begins, so the finder looks for
/// the first stretch of prose and weighs the title-like blocks before it: their length, their
/// distance from the prose, a Markdown heading or a document number ("280. Telegram…"), and
/// whether the page repeats them. Date lines, bylines, photo credits, salutations and
/// classification marks are not titles.
struct TitleFinder {
    let blocks: [TextBlock]
    let dates: DateRecognizer

    /// How many blocks before the prose are considered.
    private static let window = 40
    /// How many blocks of the text the title's words are looked for in, and what a full match is worth.
    private static let overlapBlocks = 12
    private static let overlapWeight = 1.5

    /// Lower-cased words of four letters or more: the ones that carry a topic.
    static func contentWords(of text: String) -> Set<String> {
        Set(text.lowercased().split { !$0.isLetter }.filter { $0.count >= 4 }.map(String.init))
    }

    /// The most a candidate loses for its distance from the prose: a memorandum's lists of
    /// participants may stand long between its heading and its first paragraph.
    private static let maximumDistancePenalty = 3.0
    /// Prose blocks this close together mark the start of the running text.
    private static let proseGap = 4
    /// A list item this long is a numbered paragraph of running text.
    private static let longListItem = 100
    /// A single prose block this long marks it on its own.
    private static let longProse = 200

    private static let credit = try! NSRegularExpression(
        pattern: "©|\\b(?:Foto|Photo|Bild|Bildquelle|Image|Getty|Credits?|Caption)\\b|\\[|\\]|→|←|\\||›|>",
        options: [.caseInsensitive])
    /// Words of a page's controls in the languages of the dev sets: a line holding one is a
    /// button or menu, not a headline.
    private static let control = try! NSRegularExpression(
        pattern: "\\b(?:share|teilen|close|schließen|menu|menü|navigation|print|drucken|jump to|skip to|log ?in|anmelden|search|suche|subscribe|abonnieren|newsletter|cookies?|play|read more|weiterlesen|mehr lesen)\\b|\\.(?:png|jpe?g|gif|svg|webp)\\b",
        options: [.caseInsensitive])
    private static let bylineWord = try! NSRegularExpression(pattern: "\\b(?:von|by|par|por|di|door|av)\\s+\\p{Lu}\\p{Ll}")
    private static let byline = try! NSRegularExpression(
        pattern: "^(?:by|von|par|por|autor|author|written by|posted by)\\b", options: [.caseInsensitive])

    /// The index of the title block, or nil when no block qualifies.
    func titleIndex() -> Int? {
        choose()?.index
    }

    /// The title block and its score; a score below zero is a weak guess.
    func choose() -> (index: Int, score: Double)? {
        guard !blocks.isEmpty else { return nil }
        // The first numbered heading standing alone is the document's number and title; later
        // ones ("2. Radio Free Europe", "516. Re Hungary.") are its parts.
        let documentNumber = blocks.firstIndex(where: \.isLoneNumberedItem)
        let anchor = proseStart(after: documentNumber) ?? blocks.count
        let lowered = blocks.map { $0.text.lowercased() }
        var best: (score: Double, index: Int)?
        let window = max(0, anchor - Self.window)..<anchor
        let textWords = Self.contentWords(of: blocks[anchor...].prefix(Self.overlapBlocks).map(\.text).joined(separator: " "))
        for index in window {
            let block = blocks[index]
            guard isCandidate(block), index + 1 >= blocks.count || !Salutation.isOpening(blocks[index + 1].text) else { continue }
            var score = baseScore(block)
            // A headline names what the text is about: its words come back in the text.
            let words = Self.contentWords(of: block.text)
            if !words.isEmpty { score += Self.overlapWeight * Double(words.filter(textWords.contains).count) / Double(words.count) }
            if index == documentNumber, block.text.first?.isUppercase == true, block.wordCount >= 2 { score += 4 }
            score -= min(Self.maximumDistancePenalty, 0.15 * Double(anchor - index))
            if block.wordCount >= 3 {
                let mine = lowered[index]
                // Printed again inside a longer line (a breadcrumb, a share line), or as it is
                // before the text begins. A line printed again after the text (a site's name
                // in its header and footer) earns nothing.
                if lowered.indices.contains(where: { $0 != index && lowered[$0] != mine && lowered[$0].contains(mine) && !blocks[$0].isTitleLike })
                    || window.contains(where: { $0 != index && lowered[$0] == mine })
                {
                    score += 1.5
                }
            }
            if best == nil || score > best!.score { best = (score, index) }
        }
        guard let (score, chosen) = best else { return nil }
        // A title printed twice is the document's from its first printing on.
        return (window.first { lowered[$0] == lowered[chosen] } ?? chosen, score)
    }

    /// The first block of running prose: one followed closely by more prose, or a long one.
    func proseStart(after heading: Int? = nil) -> Int? {
        // Numbered paragraphs of a memorandum are prose; a menu's items are short.
        let prose = blocks.indices.filter { $0 != heading && blocks[$0].isProse && (!blocks[$0].isListItem || blocks[$0].text.count >= Self.longListItem) }
        for index in prose {
            if blocks[index].text.count >= Self.longProse || prose.contains(where: { $0 > index && $0 <= index + Self.proseGap }) {
                return index
            }
        }
        return prose.first
    }

    private func isCandidate(_ block: TextBlock) -> Bool {
        if Salutation.isOpening(block.text) || ClassificationMark.matches(block.text) { return false }
        if case .listItem(let label) = block.kind {
            return block.isLoneNumberedItem && label != nil && block.wordCount <= 40
        }
        return block.isTitleLike || block.isQuestionTitle
    }

    private func baseScore(_ block: TextBlock) -> Double {
        let words = block.wordCount
        let text = block.text
        let whole = NSRange(text.startIndex..., in: text)
        var score = 0.0
        if words < 2 { score -= block.isMarkedHeading ? 1 : 3 } else if words < 3 { score -= 1 }
        if (4...20).contains(words) { score += 1 }
        if block.isMarkedHeading { score += 2 }
        if isDateLine(text) { score -= 3 }
        if Self.byline.firstMatch(in: text, range: whole) != nil { score -= 4 }
        if Self.credit.firstMatch(in: text, range: whole) != nil { score -= 2 }
        if text.count > 3, text == text.uppercased(), text != text.lowercased() { score -= 1 }
        if Self.control.firstMatch(in: text, range: whole) != nil { score -= 2 }
        // A bullet the cleaner did not know ("□ mehr Recht", "● news"): a menu entry.
        if let first = text.unicodeScalars.first, !CharacterSet.alphanumerics.contains(first), !"\"“„«»‚‘'¿¡(".unicodeScalars.contains(first) { score -= 2 }
        // "Veröffentlicht am 10. Februar 2019 von Heiko": a date with an author is a byline.
        if dates.firstPointDate(in: text) != nil, Self.bylineWord.firstMatch(in: text, range: whole) != nil { score -= 3 }
        if Self.isDoubled(text) { score -= 2 }
        return score
    }

    /// An image's text printed twice ("Klitschko gegen FuryKlitschko gegen Fury"), perhaps
    /// with a short word after it ("Yücels Buch Yücels Buch Video").
    private static func isDoubled(_ text: String) -> Bool {
        let characters = Array(text)
        guard characters.count >= 12 else { return false }
        for length in 6...(characters.count / 2) where characters.count - 2 * length <= 8 {
            if characters[0..<length] == characters[length..<(2 * length)] { return true }
        }
        return false
    }

    /// A line that is mostly a date or time ("19.10.2019 11:36 telebasel").
    private func isDateLine(_ text: String) -> Bool {
        if text.split(separator: " ").count <= 6, text.range(of: "\\d{1,2}:\\d{2}", options: .regularExpression) != nil { return true }
        guard let mention = dates.firstPointDate(in: text) else { return false }
        let rest = text.utf8.count - mention.range.count
        return rest <= 24 && text.split(separator: " ").count - mention.text.split(separator: " ").count <= 1
    }
}

extension TextBlock {
    /// A numbered list item standing alone, as a document number stands before a heading
    /// ("280. Telegram From…").
    var isLoneNumberedItem: Bool {
        guard case .listItem(let label?) = kind, label.allSatisfy(\.isNumber) else { return false }
        return !isListContinuation
    }

    /// A short question or exclamation can be a title ("Plant Tesla eine zweite Fabrik in China?").
    var isQuestionTitle: Bool {
        guard let last = text.last, "?!".contains(last), text.first?.isLowercase != true else { return false }
        return wordCount <= 20 && !isListItem
    }
}

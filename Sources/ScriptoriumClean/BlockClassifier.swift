import ScriptoriumModel

/// Tells the main text of a flattened web page from its furniture by general evidence, in the
/// manner of jusText but for text rather than HTML: so that boilerplate no rule names still goes,
/// while the short real lines of a document (heading, dateline, salutation, signature) stay.
///
/// 1. Each line is measured (`LineFeatures`) and some are page furniture by shape alone: literal
///    markup, empty form fields, date-or-time lines, flattened menus and breadcrumbs, lines the
///    page template prints twice, one-word menu entries.
/// 2. The others are classed by length and stop-word density in the page's language: good
///    (prose), near good, short (undecided), bad.
/// 3. The main text is the run of lines with the highest total weight (prose adds, furniture
///    and lines removed by named rules subtract), plus a few context lines at either end; the
///    rest of the page is removed. Within the main text only furniture by shape goes.
///
/// When a source holds no prose line at all (a short letter, a list), the main-text step is
/// skipped: only furniture by shape is removed, never the document.
struct BlockClassifier: Sendable {
    let settings: ClassifierSettings
    let stopWords: StopWords

    /// Why a line goes; `rule` is the id recorded, `detail` the measurements behind it.
    struct Removal: Sendable, Equatable {
        var rule: String
        var detail: String
    }

    /// The furniture name of lines the page prints more than once.
    static let templateRepeat = "template-repeat"

    enum LineClass: String, Sendable {
        case good, nearGood = "near-good", short, bad
    }

    /// One line the classifier judges: a kept line, or a line a named rule removed (which counts
    /// as evidence of furniture but is not judged again).
    struct Item {
        var index: Int
        var byRule: Bool
        var features: LineFeatures
        var furniture: String?
        var lineClass: LineClass = .bad
        var density: Double = 0
    }

    /// For each line index that should go, the reason. `removedByRule` marks lines that named
    /// rules already took out.
    func judge(_ lines: [WorkLine], removedByRule: Set<Int>) -> [Int: Removal] {
        var items: [Item] = []
        for (index, line) in lines.enumerated() where !line.isBlank {
            let byRule = removedByRule.contains(index)
            guard line.kept || byRule else { continue }
            items.append(Item(index: index, byRule: byRule, features: LineFeatures(text: line.text, kind: line.kind, stopWords: stopWords)))
        }
        let language = pageLanguage(items)
        var repeats: [String: Int] = [:]
        for item in items where !item.byRule { repeats[lines[item.index].text, default: 0] += 1 }
        for position in items.indices where !items[position].byRule {
            let text = lines[items[position].index].text
            items[position].furniture = furniture(items[position].features, repeated: repeats[text, default: 0] > 1)
            classify(&items[position], language: language)
        }

        var removals: [Int: Removal] = [:]
        for item in items where !item.byRule {
            if let furniture = item.furniture {
                removals[item.index] = Removal(rule: "classifier.\(furniture)", detail: describe(item, language: language))
            }
        }
        let runs = mainText(items)
        guard !runs.isEmpty else { return removals }
        var keep = Set<Int>()
        for run in runs {
            for position in run where !items[position].byRule && items[position].furniture == nil {
                if let reason = insideRemoval(items, at: position, in: run) {
                    removals[items[position].index] = Removal(rule: "classifier.\(reason)", detail: describe(items[position], language: language))
                } else {
                    keep.insert(items[position].index)
                }
            }
            // Context: a heading or dateline just before the text, a closing line just after.
            var position = run.lowerBound - 1, added = 0
            while position >= 0, added < settings.leadingContextLines {
                let item = items[position]
                let numbered = isNumberedHeading(item, lines)
                guard canBeContext(item) || numbered else { break }
                keep.insert(item.index)
                added += 1
                position -= 1
                // A numbered heading opens the document ("280. Telegram From…"): what stands above
                // it belongs to the page. Short numbered lines ("516. Re Hungary.") do not stop the walk.
                if numbered && item.features.words > settings.menuItemMaximumWords { break }
            }
            position = run.upperBound + 1
            added = 0
            // After the text only a closing sentence or a short line (a valediction, a signature) joins it.
            while position < items.count, added < settings.trailingContextLines, canBeContext(items[position]),
                  items[position].features.endsSentence || items[position].features.words <= settings.menuItemMaximumWords + 1
            {
                keep.insert(items[position].index)
                added += 1
                position += 1
            }
        }
        // A line the template prints twice is kept once at most (a title in the breadcrumb and as
        // heading): the later copies go, so cleaning the result finds no repeat to judge.
        var keptRepeats = Set<String>()
        for item in items where item.furniture == Self.templateRepeat && keep.contains(item.index) {
            if !keptRepeats.insert(lines[item.index].text).inserted { keep.remove(item.index) }
        }
        for item in items where !item.byRule {
            if keep.contains(item.index) {
                removals[item.index] = nil
            } else if removals[item.index] == nil {
                removals[item.index] = Removal(rule: "classifier.outside-main-text", detail: describe(item, language: language))
            }
        }
        return removals
    }

    /// Inside the main text, jusText's context rule: a long line that does not read as prose
    /// goes, and so does a short line (or a short list item) whose nearest judged neighbours on
    /// both sides are not prose; between prose, short lines (headings, list items) stay.
    private func insideRemoval(_ items: [Item], at position: Int, in region: ClosedRange<Int>) -> String? {
        let item = items[position]
        switch contextClass(item) {
        case .good, .nearGood: return nil
        case .bad: return "not-prose"
        case .short:
            func neighbour(_ step: Int) -> LineClass {
                var next = position + step
                while region.contains(next) {
                    let judged = contextClass(items[next])
                    if judged != .short { return judged }
                    next += step
                }
                return .bad
            }
            return neighbour(-1) == .bad && neighbour(1) == .bad ? "short-among-furniture" : nil
        }
    }

    /// The class a line has for its neighbours: rule removals and furniture count as bad, and a
    /// short list item is undecided like any short line.
    private func contextClass(_ item: Item) -> LineClass {
        // A line printed twice inside the main text may be a real repetition (a recipe's list,
        // a quoted heading): its neighbours decide.
        if item.furniture == Self.templateRepeat { return .short }
        if item.byRule || item.furniture != nil { return .bad }
        if item.lineClass == .bad, item.features.isListItem || item.features.isHeading || item.features.length < settings.shortLength { return .short }
        return item.lineClass
    }

    /// A numbered line in title case right above the text — an edition's document number and
    /// heading, a telegram's serial number — is a heading, not a menu entry.
    private func isNumberedHeading(_ item: Item, _ lines: [WorkLine]) -> Bool {
        guard !item.byRule, item.furniture == nil, case .listItem(let label?) = lines[item.index].kind,
              label.allSatisfy(\.isNumber), lines[item.index].text.first?.isUppercase == true
        else { return false }
        return true
    }

    /// A line next to the main text may join it unless it is a rule's removal, furniture other
    /// than a repeat (a title is often printed twice: in the breadcrumb and as heading), or a
    /// list item that is not a sentence (a menu entry).
    private func canBeContext(_ item: Item) -> Bool {
        let features = item.features
        let sentenceItem = features.endsSentence && features.words > settings.menuItemMaximumWords
        // A long line that does not read as prose is no context: a later cleaning, seeing it next to
        // the text, would judge it inside the text and remove it (cleaning must be idempotent).
        return !item.byRule && contextClass(item) != .bad && (!features.isListItem || sentenceItem) && (item.furniture ?? Self.templateRepeat) == Self.templateRepeat
    }

    /// The language whose stop words make up the largest share of the page's words, if enough.
    private func pageLanguage(_ items: [Item]) -> Int? {
        var counts = [Int](repeating: 0, count: stopWords.languages.count)
        var total = 0
        for item in items where !item.byRule {
            total += item.features.words
            for mask in item.features.stopWordMasks where mask != 0 {
                for bit in counts.indices where mask & (1 << UInt64(bit)) != 0 { counts[bit] += 1 }
            }
        }
        guard total > 0, let best = counts.indices.max(by: { (counts[$0], $1) < (counts[$1], $0) }) else { return nil }
        return Double(counts[best]) / Double(total) >= settings.languageMinimumShare ? best : nil
    }

    /// Page furniture recognisable by shape alone, wherever it stands.
    private func furniture(_ features: LineFeatures, repeated: Bool) -> String? {
        if features.isMarkup { return "markup" }
        if features.isFormDebris { return "form-debris" }
        if features.isDateOrTime { return "date-or-time" }
        if features.words == 0, features.unspacedLetters == 0, features.digits == 0 { return "no-words" }
        if features.isSeparatedMenu, features.length <= settings.templateMaximumLength { return "separated-menu" }
        if repeated, features.length <= settings.templateMaximumLength { return Self.templateRepeat }
        if features.isListItem, features.words <= settings.menuItemMaximumWords, features.unspacedLetters == 0, features.digits == 0,
           !features.endsSentence, features.startsCapitalised
        {
            return "menu-item"
        }
        return nil
    }

    private func classify(_ item: inout Item, language: Int?) {
        let features = item.features
        if item.furniture != nil {
            item.lineClass = .bad
            return
        }
        if let language, features.words > 0 {
            let bit = UInt64(1) << UInt64(language)
            let hits = features.stopWordMasks.reduce(0) { $0 + ($1 & bit != 0 ? 1 : 0) }
            item.density = Double(hits) / Double(features.words)
        }
        if features.isHeading {
            // A heading the source marked is never prose on its own: its neighbours decide.
            item.lineClass = .short
        } else if features.isListItem, features.length < settings.shortLength || !features.endsSentence && features.length < settings.goodLength {
            // Teaser and menu lists: items that are neither sentences nor long prose.
            item.lineClass = .bad
        } else if features.length < settings.shortLength && features.unspacedLetters < settings.unspacedGoodLength {
            item.lineClass = .short
        } else if language != nil, features.unspacedLetters < settings.unspacedGoodLength {
            if item.density >= settings.stopWordsHigh && features.length >= settings.goodLength {
                item.lineClass = .good
            } else if item.density >= settings.stopWordsLow {
                item.lineClass = .nearGood
            } else {
                item.lineClass = .bad
            }
        } else {
            // No stop-word evidence (an unlisted language or an unspaced script): judge by shape.
            let long = features.unspacedLetters >= settings.unspacedGoodLength || features.length >= settings.goodLength
            item.lineClass = features.endsSentence ? (long ? .good : .nearGood) : .bad
        }
    }

    private func weight(_ item: Item) -> Double {
        let w = settings.weights
        if item.byRule { return w.rule }
        let words = item.features.weightWords
        switch item.lineClass {
        case .good: return w.goodPerWord * words
        case .nearGood: return w.nearGoodPerWord * words
        case .short: return w.short
        case .bad: return min(w.badMinimum, w.badPerWord * words)
        }
    }

    /// The runs of items that make up the main text: the run with the highest total weight
    /// (Kadane), and beside it any run at least `secondaryRunShare` as heavy (an article split by
    /// an advertisement block). Empty when no line reads as good prose (near-good prose on a
    /// large page): a small page without one is too small to tell furniture from document by position.
    private func mainText(_ items: [Item]) -> [ClosedRange<Int>] {
        let prose = items.contains { !$0.byRule && $0.lineClass == .good }
            || items.count >= settings.largePageLines && items.contains { !$0.byRule && $0.lineClass == .nearGood }
        guard prose, let (main, weight) = heaviestRun(items, in: items.indices) else { return [] }
        var runs = [main]
        var pending = [items.indices.lowerBound..<main.lowerBound, (main.upperBound + 1)..<items.indices.upperBound]
        while let part = pending.popLast() {
            guard let (run, runWeight) = heaviestRun(items, in: part), runWeight >= settings.secondaryRunShare * weight else { continue }
            runs.append(run)
            pending.append(part.lowerBound..<run.lowerBound)
            pending.append((run.upperBound + 1)..<part.upperBound)
        }
        return runs.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// Kadane's maximum-weight run within `part`, with its weight.
    private func heaviestRun(_ items: [Item], in part: Range<Int>) -> (ClosedRange<Int>, Double)? {
        var best = 0.0, bestRange: ClosedRange<Int>?
        var current = 0.0, start = part.lowerBound
        for position in part {
            if current <= 0 {
                current = 0
                start = position
            }
            current += weight(items[position])
            if current > best {
                best = current
                bestRange = start...position
            }
        }
        return bestRange.map { ($0, best) }
    }

    private func describe(_ item: Item, language: Int?) -> String {
        let features = item.features
        var parts = ["class \(item.lineClass.rawValue)", "\(features.length) characters", "\(features.words) words"]
        if let language {
            parts.append("stop words \(Int((item.density * 100).rounded()))% (\(stopWords.languages[language]))")
        } else {
            parts.append("page language unknown")
        }
        if features.isListItem { parts.append("list item") }
        if features.endsSentence { parts.append("ends a sentence") }
        return parts.joined(separator: ", ")
    }
}

/// Finds where one document ends and the next begins on a page that holds several.
///
/// A block starts a new document when it is dressed like the first document's title (see
/// `TitleShape`), is not that title repeated, and running prose stands both before it (since the
/// last start) and right after it. A single document is never split: without a distinctive
/// title shape there is no split at all.
struct DocumentSplitter {
    let blocks: [TextBlock]

    /// How many blocks after a candidate title may pass before its prose must begin.
    private static let proseWindow = 3

    func split() -> [[TextBlock]] {
        guard let first = blocks.first else { return [] }
        guard first.isTitleLike else { return [blocks] }
        let shape = TitleShape(first)
        var starts = [0]
        for index in blocks.indices.dropFirst() {
            let candidate = blocks[index]
            guard candidate.isTitleLike, shape.matches(TitleShape(candidate)) else { continue }
            let current = blocks[starts[starts.count - 1]]
            guard !candidate.repeats(title: current.text) else { continue }
            let proseBefore = blocks[(starts[starts.count - 1] + 1)..<index].contains(where: \.isProse)
            let proseAfter = blocks[(index + 1)..<min(blocks.count, index + 1 + Self.proseWindow)].contains(where: \.isProse)
            if proseBefore && proseAfter { starts.append(index) }
        }
        return starts.indices.map { position in
            let end = position + 1 < starts.count ? starts[position + 1] : blocks.count
            return Array(blocks[starts[position]..<end])
        }
    }
}

extension TextBlock {
    /// Short, unpunctuated at the end, not a list item: could be a title or heading.
    var isTitleLike: Bool {
        if isListItem { return false }
        if isMarkedHeading { return true }
        return wordCount <= 30 && text.count <= 250 && !endsLikeSentence && text.first?.isLowercase != true
    }

    /// The same words as `title`, or most of them (a shortened repetition of the title).
    func repeats(title: String) -> Bool {
        let mine = text.comparisonKey, theirs = title.comparisonKey
        guard !mine.isEmpty, !theirs.isEmpty else { return false }
        if mine == theirs { return true }
        if theirs.contains(mine) { return mine.count * 2 >= theirs.count }
        if mine.contains(theirs) { return mine.count * 5 <= theirs.count * 6 }
        return false
    }
}

import Foundation

/// The block classifier's thresholds and weights, read from `Rules/classifier.json` so they
/// can be tuned (and their version recorded in every header) without recompiling.
public struct ClassifierSettings: Sendable, Codable, Hashable {
    /// How much each class of line counts towards being part of the main text.
    public struct Weights: Sendable, Codable, Hashable {
        /// Per word of a line that reads like prose.
        public var goodPerWord: Double
        /// Per word of a line that is prose-like but weaker.
        public var nearGoodPerWord: Double
        /// For a short line (heading, dateline, menu entry: undecided on its own).
        public var short: Double
        /// At least this much for a line that does not read like prose…
        public var badMinimum: Double
        /// …or this much per word when that is more.
        public var badPerWord: Double
        /// For a line a named rule removed: teaser and comment headings end the main text.
        public var rule: Double
    }

    public var format: Int
    public var name: String
    public var version: String
    public var description: String?
    /// Lines shorter than this are "short": judged by their neighbours, not by themselves.
    public var shortLength: Int
    /// Lines at least this long with enough stop words are "good".
    public var goodLength: Int
    /// Stop-word density from which a line is "near good".
    public var stopWordsLow: Double
    /// Stop-word density from which a long line is "good".
    public var stopWordsHigh: Double
    /// In scripts written without spaces (Chinese, Japanese) a line of this many characters
    /// that ends like a sentence counts as prose.
    public var unspacedGoodLength: Int
    /// The page's language is the one whose stop words make up the largest share of its words,
    /// if that share reaches this; otherwise the classifier judges by shape alone.
    public var languageMinimumShare: Double
    /// A list item of at most this many capitalised words with no sentence end is a menu entry.
    public var menuItemMaximumWords: Int
    /// Lines up to this length printed more than once on a page are page template.
    public var templateMaximumLength: Int
    /// A page of at least this many judged lines is a web page even without a long prose
    /// line: near-good lines then suffice to look for its main text.
    public var largePageLines: Int
    /// A run of prose at least this share as heavy as the main run also belongs to the main
    /// text (an article interrupted by an advertisement or a gallery); 1 or more disables this.
    public var secondaryRunShare: Double
    /// Lines just before the main text kept with it (a heading, a dateline, a salutation).
    public var leadingContextLines: Int
    /// Lines just after the main text kept with it (a signature, a closing sentence).
    public var trailingContextLines: Int
    public var weights: Weights
}

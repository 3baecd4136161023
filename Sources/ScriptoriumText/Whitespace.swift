extension StringProtocol {
    /// The text without leading and trailing white space (spaces, tabs, no-break spaces, line
    /// ends): Foundation's `trimmingCharacters(in:)` goes through NSString, which costs more
    /// than the rest of a line's cleaning.
    public var trimmedWhitespace: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = lastIndex(where: { !$0.isWhitespace })!
        return String(self[first...last])
    }
}

/// What happened to one input of a command, as printed one line per input.
public struct InputResult: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable {
        /// Every document validated and was written; paths are the TEI files.
        case published(paths: [String])
        /// Kept, but not published; the reason file says why.
        case quarantined(reason: String, reasonPath: String)
        /// Could not be processed at all (unreadable, or the archive refused a write); the input
        /// was left untouched.
        case failed(message: String)
    }

    /// The input as the user named it (a path, or the catalog's name on rebuild).
    public var input: String
    public var outcome: Outcome

    public init(input: String, outcome: Outcome) {
        self.input = input
        self.outcome = outcome
    }

    /// `published INPUT -> A.xml B.xml`, `quarantined INPUT: reason -> REASONFILE`, `failed INPUT: message`.
    public var line: String {
        switch outcome {
        case .published(let paths): return "published \(input) -> \(paths.joined(separator: " "))"
        case .quarantined(let reason, let path): return "quarantined \(input): \(reason) -> \(path)"
        case .failed(let message): return "failed \(input): \(message)"
        }
    }
}

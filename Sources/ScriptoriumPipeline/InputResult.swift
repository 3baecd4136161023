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
    /// Control characters in file names are shown escaped (`\n`, `\u{7}`), so one input is
    /// always one line.
    public var line: String {
        let name = Self.printable(input)
        switch outcome {
        case .published(let paths): return "published \(name) -> \(paths.map(Self.printable).joined(separator: " "))"
        case .quarantined(let reason, let path): return "quarantined \(name): \(Self.printable(reason)) -> \(Self.printable(path))"
        case .failed(let message): return "failed \(name): \(Self.printable(message))"
        }
    }

    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == "\\" }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case "\\": result += "\\\\"
            default:
                if scalar.properties.generalCategory == .control {
                    result += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}

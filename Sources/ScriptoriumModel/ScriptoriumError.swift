/// The stages of the pipeline, named in error messages and reports.
public enum PipelineStage: String, Sendable, Codable, CaseIterable {
    case ingest, clean, segment, annotate, export, validate, archive
}

/// Where a problem is: a file and, when it applies, a line and column.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, leaving out what is unknown.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let line, line > 0, let column { text += ":\(column)" }
        return text
    }
}

/// The contract every stage's error type keeps: what was wrong, where, and what to do about it.
///
/// Each stage has its own conforming type, so a `catch` names the stage it expects; the
/// pipeline renders any of them into a quarantine reason a person can act on.
public protocol ScriptoriumError: Error, Sendable, CustomStringConvertible {
    var stage: PipelineStage { get }
    /// One sentence: what was wrong.
    var problem: String { get }
    var location: SourceLocation? { get }
    /// One sentence: what a person can do.
    var remedy: String { get }
    /// Further lines (validator messages, for example).
    var details: [String] { get }
}

extension ScriptoriumError {
    public var details: [String] { [] }

    /// `[stage] location: problem` then the details, then `what to do: remedy`.
    public var description: String {
        var lines = ["[\(stage.rawValue)] " + (location.map { "\($0): " } ?? "") + problem]
        lines += details.map { "  " + $0 }
        lines.append("what to do: " + remedy)
        return lines.joined(separator: "\n")
    }
}

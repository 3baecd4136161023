import ScriptoriumModel

/// Why a TEI document cannot be published, or why the schema itself could not be used.
public enum ValidationError: ScriptoriumError, Equatable {
    /// The schema file is missing or does not compile.
    case schemaUnusable(path: String, reason: String)
    /// The document is not well-formed XML.
    case notWellFormed(file: String, problems: [ValidationProblem])
    /// The document is well-formed but does not match the schema.
    case invalid(file: String, problems: [ValidationProblem])

    public var stage: PipelineStage { .validate }

    public var problem: String {
        switch self {
        case .schemaUnusable(_, let reason): return "the schema cannot be used: \(reason)"
        case .notWellFormed(_, let problems): return "not well-formed XML (\(problems.count) problem\(problems.count == 1 ? "" : "s"))"
        case .invalid(_, let problems): return "does not match the schema (\(problems.count) problem\(problems.count == 1 ? "" : "s"))"
        }
    }

    public var location: SourceLocation? {
        switch self {
        case .schemaUnusable(let path, _): return SourceLocation(file: path)
        case .notWellFormed(let file, let problems), .invalid(let file, let problems):
            return SourceLocation(file: file, line: problems.first?.line, column: problems.first?.column)
        }
    }

    public var remedy: String {
        switch self {
        case .schemaUnusable: return "check the path given with --schema (default Schemas/scriptorium.rng) and that the file is RELAX NG XML"
        case .notWellFormed, .invalid:
            return "this is a defect of the TEI writer, not of the source: report it with the source's SHA-256; the original is kept"
        }
    }

    public var details: [String] {
        switch self {
        case .schemaUnusable: return []
        case .notWellFormed(let file, let problems), .invalid(let file, let problems):
            return problems.map { $0.formatted(file: file) }
        }
    }

    /// The problems, each as `file:line:column: message`.
    public var problems: [ValidationProblem] {
        switch self {
        case .schemaUnusable: return []
        case .notWellFormed(_, let problems), .invalid(_, let problems): return problems
        }
    }
}

/// One validator message with its position.
public struct ValidationProblem: Sendable, Hashable {
    public var line: Int
    public var column: Int
    public var message: String
    /// Where in the element tree, when libxml2 knows.
    public var elementPath: String?

    public init(line: Int, column: Int, message: String, elementPath: String?) {
        self.line = line
        self.column = column
        self.message = message
        self.elementPath = elementPath
    }

    /// `file:line:column: message (at /path)`, the format editors and CI logs link to.
    public func formatted(file: String) -> String {
        "\(file):\(line):\(column): \(message)" + (elementPath.map { " (at \($0))" } ?? "")
    }
}

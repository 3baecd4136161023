import LibXML
import ScriptoriumModel

/// The validate stage: parses TEI bytes safely and checks them against a compiled RELAX NG
/// schema. The only way to obtain a `ValidatedTEI`.
///
/// Compile once, validate many: one validator per process, shared by every thread (each call
/// gets its own validation context and its own parsed document).
public struct TEIValidator: Sendable {
    private let schema: RelaxNGSchema
    /// The schema file this validator checks against.
    public let schemaPath: String

    /// Compiles the schema at `schemaPath`.
    public init(schemaPath: String) throws(ValidationError) {
        do {
            schema = try RelaxNGSchema(path: schemaPath)
        } catch {
            throw .schemaUnusable(path: schemaPath, reason: error.description)
        }
        self.schemaPath = schemaPath
    }

    /// Checks a draft; valid drafts become publishable.
    public func validate(_ draft: TEIDraft) throws(ValidationError) -> ValidatedTEI {
        try check(draft.bytes, name: draft.documentID.value + ".xml")
        return ValidatedTEI(validating: draft)
    }

    /// Checks any XML bytes (a file on disk, say) and reports every problem.
    public func check(_ bytes: [UInt8], name: String) throws(ValidationError) {
        let document: ParsedXML
        do {
            document = try ParsedXML.parse(bytes, name: name)
        } catch {
            throw .notWellFormed(file: name, problems: error.diagnostics.map(Self.problem))
        }
        let diagnostics = schema.validate(document)
        guard diagnostics.isEmpty else {
            throw .invalid(file: name, problems: diagnostics.map(Self.problem))
        }
    }

    private static func problem(_ diagnostic: XMLDiagnostic) -> ValidationProblem {
        ValidationProblem(line: diagnostic.line, column: diagnostic.column, message: diagnostic.message, elementPath: diagnostic.elementPath)
    }
}

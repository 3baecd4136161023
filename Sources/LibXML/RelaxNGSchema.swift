import CLibXML2

/// A compiled RELAX NG schema, shared by every thread of the process.
///
/// Compiling is the expensive part (tei_all.rng takes 16–20 s); validating is cheap. libxml2
/// allows one compiled schema to be used from many threads as long as each validation has its
/// own validation context, which `validate(_:)` creates, hence `@unchecked Sendable`. The
/// schema is immutable after `init`.
public final class RelaxNGSchema: @unchecked Sendable {
    private let pointer: xmlRelaxNGPtr

    /// Why a schema could not be compiled.
    public struct CompileFailure: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var diagnostics: [XMLDiagnostic]
        public var description: String {
            let details = diagnostics.map { "\($0.line): \($0.message)" }.joined(separator: "; ")
            return "cannot compile RELAX NG schema \(path): \(details.isEmpty ? "unknown error" : details)"
        }
    }

    /// Compiles the schema at `path` (RELAX NG XML syntax). Relative `include`s resolve against it.
    public init(path: String) throws(CompileFailure) {
        LibXMLRuntime.ensureInitialized()
        let sink = DiagnosticSink()
        guard let parserContext = xmlRelaxNGNewParserCtxt(path) else {
            throw CompileFailure(path: path, diagnostics: [XMLDiagnostic(line: 0, column: 0, message: "out of memory")])
        }
        defer { xmlRelaxNGFreeParserCtxt(parserContext) }
        xmlRelaxNGSetParserStructuredErrors(parserContext, DiagnosticSink.callback, sink.context)
        LibXMLRuntime.compilation.lock()
        // Reading the schema file itself also reports through the thread's handler.
        xmlSetStructuredErrorFunc(sink.context, DiagnosticSink.callback)
        let compiled = withExtendedLifetime(sink) { xmlRelaxNGParse(parserContext) }
        xmlSetStructuredErrorFunc(nil, nil)
        LibXMLRuntime.compilation.unlock()
        guard let compiled else {
            throw CompileFailure(path: path, diagnostics: sink.diagnostics)
        }
        self.pointer = compiled
    }

    deinit {
        xmlRelaxNGFree(pointer)
    }

    /// Validates one document; an empty result means it is valid.
    ///
    /// Must not be called for the same `document` from two threads at once (libxml2 writes into
    /// the nodes); different documents may be validated concurrently.
    public func validate(_ document: ParsedXML) -> [XMLDiagnostic] {
        let sink = DiagnosticSink()
        guard let context = xmlRelaxNGNewValidCtxt(pointer) else {
            return [XMLDiagnostic(line: 0, column: 0, message: "out of memory creating a validation context")]
        }
        defer { xmlRelaxNGFreeValidCtxt(context) }
        xmlRelaxNGSetValidStructuredErrors(context, DiagnosticSink.callback, sink.context)
        let result = withExtendedLifetime(sink) { xmlRelaxNGValidateDoc(context, document.pointer) }
        if result == 0 { return [] }
        if sink.diagnostics.isEmpty {
            return [XMLDiagnostic(line: 0, column: 0, message: "document does not match the schema")]
        }
        return sink.diagnostics
    }
}

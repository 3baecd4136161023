import CLibXML2

/// A parsed XML document owned by exactly one thread at a time.
///
/// Not `Sendable`: libxml2 writes into the nodes while validating, so a document must never be
/// shared. Parse, validate and drop it in one place.
public final class ParsedXML {
    let pointer: xmlDocPtr

    init(pointer: xmlDocPtr) {
        self.pointer = pointer
    }

    deinit {
        xmlFreeDoc(pointer)
    }

    /// The local name of the root element.
    public var rootElementName: String? {
        guard let root = xmlDocGetRootElement(pointer), let name = root.pointee.name else { return nil }
        return String(cString: name)
    }

    /// Why a parse failed: every error libxml2 reported, in order.
    public struct Failure: Error, Sendable {
        public var diagnostics: [XMLDiagnostic]
    }

    /// Parses untrusted bytes safely: no network, no entity substitution, no DTD loading, no
    /// XInclude, and no DOCTYPE at all; line numbers beyond 65,535 kept.
    ///
    /// - Parameter name: the name shown in libxml2's messages (a file path, usually).
    public static func parse(_ bytes: [UInt8], name: String) throws(Failure) -> ParsedXML {
        LibXMLRuntime.ensureInitialized()
        let sink = DiagnosticSink()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue)
        // The structured handler is per OS thread; nothing between set and reset may suspend.
        xmlSetStructuredErrorFunc(sink.context, DiagnosticSink.callback)
        let document: xmlDocPtr? = withExtendedLifetime(sink) {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.flatMap { base in
                    base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                        xmlReadMemory(chars, Int32(buffer.count), name, "UTF-8", options)
                    }
                }
            }
        }
        xmlSetStructuredErrorFunc(nil, nil)
        guard let document else {
            let diagnostics = sink.diagnostics.isEmpty
                ? [XMLDiagnostic(line: 0, column: 0, message: bytes.isEmpty ? "document is empty" : "document could not be parsed")]
                : sink.diagnostics
            throw Failure(diagnostics: diagnostics)
        }
        if document.pointee.intSubset != nil || document.pointee.extSubset != nil {
            // TEI needs no DTD, and a DOCTYPE is how XXE and billion-laughs attacks arrive:
            // refuse it outright rather than trust every entity setting to be right.
            xmlFreeDoc(document)
            throw Failure(diagnostics: [XMLDiagnostic(line: 1, column: 0, message: "DOCTYPE declarations are not accepted (entities could leak files or expand without bound)")])
        }
        if !sink.diagnostics.isEmpty, sink.diagnostics.contains(where: { !$0.message.isEmpty }) {
            // libxml2 recovered from something (it only does so for warnings with these options);
            // a document we publish must be clean, so treat any report as a failure.
            xmlFreeDoc(document)
            throw Failure(diagnostics: sink.diagnostics)
        }
        return ParsedXML(pointer: document)
    }
}

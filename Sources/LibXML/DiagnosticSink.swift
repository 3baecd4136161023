import CLibXML2

/// Collects libxml2's structured errors for one operation on one thread.
///
/// Handed to libxml2 as an opaque context pointer; the caller keeps it alive for the call.
final class DiagnosticSink {
    private(set) var diagnostics: [XMLDiagnostic] = []

    var context: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    func record(_ error: UnsafePointer<xmlError>) {
        let raw = error.pointee
        var message = raw.message.map { String(cString: $0) } ?? "unknown libxml2 error"
        while message.last?.isNewline == true { message.removeLast() }
        var line = Int(raw.line)
        var path: String?
        if let nodeRaw = raw.node {
            let node = nodeRaw.assumingMemoryBound(to: xmlNode.self)
            if line == 0 { line = Int(xmlGetLineNo(node)) }
            if let cPath = xmlGetNodePath(node) {
                path = String(cString: cPath)
                scriptorium_xml_free(cPath)
            }
        }
        diagnostics.append(
            XMLDiagnostic(line: max(line, 0), column: Int(scriptorium_error_column(error)), message: message, elementPath: path)
        )
    }

    /// The C callback: non-capturing, so it converts to `xmlStructuredErrorFunc`. Its parameter
    /// types are left to inference so the same source compiles against libxml2 2.9 (`xmlErrorPtr`)
    /// and 2.12+ (`const xmlError *`).
    static let callback: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let sink = Unmanaged<DiagnosticSink>.fromOpaque(context).takeUnretainedValue()
        sink.record(UnsafePointer(error))
    }
}

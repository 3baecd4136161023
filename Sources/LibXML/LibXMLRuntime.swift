import CLibXML2

/// libxml2's process-wide set-up, done once on first use.
///
/// `xmlInitParser` must run before any thread parses, and never `xmlCleanupParser` in a long-lived
/// process: the first touch of any wrapper type goes through `ensureInitialized()`.
enum LibXMLRuntime {
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    static func ensureInitialized() {
        _ = initialized
    }

    /// `LIBXML_DOTTED_VERSION`, for provenance records.
    static let version = LIBXML_DOTTED_VERSION
}

/// The version of the libxml2 headers this build was compiled against.
public let libxmlVersion: String = LibXMLRuntime.version

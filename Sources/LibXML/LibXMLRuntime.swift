import CLibXML2
import Foundation

/// libxml2's process-wide set-up, done once on first use.
///
/// `xmlInitParser` must run before any thread parses, and never `xmlCleanupParser` in a long-lived
/// process: the first touch of any wrapper type goes through `ensureInitialized()`.
enum LibXMLRuntime {
    private static let initialized: Bool = {
        xmlInitParser()
        // The XML Schema datatype library (used by RELAX NG's datatypes) initialises itself on
        // first use without a lock: two schemas compiled at once on two threads can see it half
        // built ("Error type 'ID' is not exported"). Initialise it here, once.
        _ = xmlRelaxNGInitTypes()
        return true
    }()

    /// Serialises schema compilation: libxml2 compiles with process-wide state. Validation
    /// needs no lock (a context per call).
    static let compilation = NSLock()

    static func ensureInitialized() {
        _ = initialized
    }

    /// `LIBXML_DOTTED_VERSION`, for provenance records.
    static let version = LIBXML_DOTTED_VERSION
}

/// The version of the libxml2 headers this build was compiled against.
public let libxmlVersion: String = LibXMLRuntime.version

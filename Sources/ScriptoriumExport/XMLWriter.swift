/// Builds XML as text with its own escaping, so nothing a source contains can become markup.
///
/// libxml2's tree API parses content given to it as markup and serialises control characters
/// raw; writing the bytes ourselves and validating exactly those bytes avoids both.
struct XMLWriter {
    private(set) var output = ""
    private var depth = 0
    private var openElements: [String] = []

    init() {
        output.reserveCapacity(16 * 1024)
        output += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    }

    /// Opens an element on its own line.
    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        indent()
        output += "<" + name + Self.attributes(attributes) + ">\n"
        openElements.append(name)
        depth += 1
    }

    mutating func close() {
        depth -= 1
        indent()
        output += "</" + openElements.removeLast() + ">\n"
    }

    /// An element whose content is text only, on one line.
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], text: String) {
        indent()
        output += "<" + name + Self.attributes(attributes) + ">" + Self.escapeText(text) + "</" + name + ">\n"
    }

    /// An empty element.
    mutating func empty(_ name: String, _ attributes: [(String, String)] = []) {
        indent()
        output += "<" + name + Self.attributes(attributes) + "/>\n"
    }

    /// An element with mixed content, built by `content` as a string of already-escaped markup.
    mutating func mixed(_ name: String, _ attributes: [(String, String)] = [], markup: String) {
        indent()
        output += "<" + name + Self.attributes(attributes) + ">" + markup + "</" + name + ">\n"
    }

    private mutating func indent() {
        output += String(repeating: "  ", count: depth)
    }

    static func attributes(_ attributes: [(String, String)]) -> String {
        attributes.map { " " + $0.0 + "=\"" + escapeAttribute($0.1) + "\"" }.joined()
    }

    /// Escapes character data: `& < >` always (so `]]>` can never occur), and characters XML 1.0
    /// forbids replaced by U+FFFD.
    static func escapeText(_ text: String) -> String {
        escape(text, inAttribute: false)
    }

    /// Escapes an attribute value: as text, plus `"` and the white-space characters that
    /// attribute normalisation would otherwise turn into spaces.
    static func escapeAttribute(_ text: String) -> String {
        escape(text, inAttribute: true)
    }

    private static func escape(_ text: String, inAttribute: Bool) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x26: result.append(contentsOf: "&amp;".unicodeScalars)
            case 0x3C: result.append(contentsOf: "&lt;".unicodeScalars)
            case 0x3E: result.append(contentsOf: "&gt;".unicodeScalars)
            case 0x22 where inAttribute: result.append(contentsOf: "&quot;".unicodeScalars)
            case 0x09 where inAttribute: result.append(contentsOf: "&#9;".unicodeScalars)
            case 0x0A where inAttribute: result.append(contentsOf: "&#10;".unicodeScalars)
            case 0x0D: result.append(contentsOf: "&#13;".unicodeScalars)
            case 0x09, 0x0A: result.append(scalar)
            case 0x00...0x1F, 0xFFFE, 0xFFFF: result.append("\u{FFFD}")
            default: result.append(scalar)
            }
        }
        return String(result)
    }
}

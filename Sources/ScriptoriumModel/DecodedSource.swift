/// How a source's bytes were turned into text.
public enum TextEncoding: String, Sendable, Codable, CaseIterable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 (BOM)"
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"
    case windows1252 = "windows-1252"
    /// UTF-8 with byte sequences that are not UTF-8 read as Windows-1252 (a pasted-together file).
    case utf8MixedWithWindows1252 = "UTF-8+windows-1252"
}

/// A source's text after decoding, with line ends normalised to LF: the input of the cleaner.
public struct DecodedSource: Sendable {
    public var identity: SourceIdentity
    public var text: String
    public var encoding: TextEncoding
    /// Byte sequences that could not be decoded and were replaced by U+FFFD.
    public var replacements: Int

    public init(identity: SourceIdentity, text: String, encoding: TextEncoding, replacements: Int) {
        self.identity = identity
        self.text = text
        self.encoding = encoding
        self.replacements = replacements
    }
}

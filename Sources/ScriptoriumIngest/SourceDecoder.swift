import ScriptoriumModel

/// Turns a source's bytes into text: the ingest stage's pure half.
///
/// Order that works on real inboxes: byte-order marks, then strict UTF-8, then UTF-16 told by
/// its NUL-byte pattern, then Windows-1252 (which decodes any byte). Line ends become LF, so
/// every later line number means the same thing.
public struct SourceDecoder: Sendable {
    public init() {}

    /// Decodes `source`, or says why it is not text.
    public func decode(_ source: RawSource) throws(IngestError) -> DecodedSource {
        let bytes = source.bytes
        let name = source.identity.name
        if let kind = BinarySignature.kind(of: bytes) {
            throw .binary(name: name, evidence: "it starts like \(kind)")
        }
        var (text, encoding, replacements) = decodeText(bytes)
        if text.unicodeScalars.contains(where: { $0.value == 0 }) {
            throw .binary(name: name, evidence: "it contains NUL bytes outside a UTF-16 text")
        }
        text = Self.normaliseLineEnds(text)
        if text.allSatisfy({ $0.isWhitespace }) {
            throw .empty(name: name)
        }
        let controls = text.unicodeScalars.count { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }
        if controls * 10 > text.unicodeScalars.count {
            throw .binary(name: name, evidence: "\(controls) of its \(text.unicodeScalars.count) characters are control characters")
        }
        return DecodedSource(identity: source.identity, text: text, encoding: encoding, replacements: replacements)
    }

    private func decodeText(_ bytes: [UInt8]) -> (String, TextEncoding, Int) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = bytes.dropFirst(3)
            if let text = String(validating: body, as: UTF8.self) { return (text, .utf8WithBOM, 0) }
            return lenientUTF8(body, encoding: .utf8WithBOM)
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return utf16(bytes.dropFirst(2), littleEndian: true) }
        if bytes.starts(with: [0xFE, 0xFF]) { return utf16(bytes.dropFirst(2), littleEndian: false) }
        // NUL is valid UTF-8, so UTF-16 without a BOM must be recognised first.
        if bytes.contains(0), let littleEndian = Self.utf16ByteOrder(bytes) { return utf16(bytes[...], littleEndian: littleEndian) }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8, 0) }
        return Self.decodeMixed(bytes)
    }

    /// Decodes valid UTF-8 sequences as UTF-8 and every other byte as Windows-1252: right for a
    /// Windows-1252 file and for a UTF-8 file with pasted-in Windows-1252 passages alike, where
    /// decoding the whole file as Windows-1252 would garble every correct accented letter.
    static func decodeMixed(_ bytes: [UInt8]) -> (String, TextEncoding, Int) {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        var multiByte = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                scalars.append(Unicode.Scalar(byte))
                index += 1
                continue
            }
            let length: Int
            switch byte {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            if length > 0, index + length <= bytes.count,
               let decoded = String(validating: bytes[index..<(index + length)], as: UTF8.self)
            {
                scalars.append(contentsOf: decoded.unicodeScalars)
                multiByte += 1
                index += length
            } else {
                scalars.append(Windows1252.scalar(for: byte))
                index += 1
            }
        }
        return (String(scalars), multiByte > 0 ? .utf8MixedWithWindows1252 : .windows1252, 0)
    }

    /// UTF-8 with invalid sequences replaced by U+FFFD, counting only the replacements made
    /// (not U+FFFD characters the source already held).
    private func lenientUTF8(_ bytes: ArraySlice<UInt8>, encoding: TextEncoding) -> (String, TextEncoding, Int) {
        let text = String(decoding: bytes, as: UTF8.self)
        let replaced = text.unicodeScalars.count { $0 == "\u{FFFD}" } - Self.countEncodedReplacementCharacters(bytes)
        return (text, encoding, max(0, replaced))
    }

    private func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> (String, TextEncoding, Int) {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(littleEndian ? (b << 8 | a) : (a << 8 | b))
            index += 2
        }
        var replacements = bytes.count % 2  // a dangling odd byte
        var scalars = String.UnicodeScalarView()
        var decoder = UTF16()
        var iterator = units.makeIterator()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: break loop
            case .error:
                replacements += 1
                scalars.append("\u{FFFD}")
            }
        }
        if replacements > 0, bytes.count % 2 == 1 { scalars.append("\u{FFFD}") }
        return (String(scalars), littleEndian ? .utf16LittleEndian : .utf16BigEndian, replacements)
    }

    /// Guesses UTF-16 without a BOM from where the NUL bytes fall: mostly-ASCII UTF-16 text has a
    /// NUL in every other byte.
    static func utf16ByteOrder(_ bytes: [UInt8]) -> Bool? {
        guard bytes.count >= 4, bytes.count % 2 == 0 else { return nil }
        let sample = bytes.prefix(4096)
        var evenNUL = 0, oddNUL = 0
        for (offset, byte) in sample.enumerated() where byte == 0 {
            if offset % 2 == 0 { evenNUL += 1 } else { oddNUL += 1 }
        }
        let pairs = sample.count / 2
        if oddNUL * 10 >= pairs * 6 && evenNUL * 10 <= pairs { return true }
        if evenNUL * 10 >= pairs * 6 && oddNUL * 10 <= pairs { return false }
        return nil
    }

    static func countEncodedReplacementCharacters(_ bytes: ArraySlice<UInt8>) -> Int {
        var count = 0
        var index = bytes.startIndex
        while index + 2 < bytes.endIndex {
            if bytes[index] == 0xEF && bytes[index + 1] == 0xBF && bytes[index + 2] == 0xBD { count += 1; index += 3 } else { index += 1 }
        }
        return count
    }

    /// CRLF and lone CR become LF.
    static func normaliseLineEnds(_ text: String) -> String {
        guard text.utf8.contains(13) else { return text }
        var result = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                result.append("\n")
                previousWasCR = true
                continue
            }
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            result.append(scalar)
        }
        return String(result)
    }
}

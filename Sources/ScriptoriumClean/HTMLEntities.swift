/// Decodes the HTML character references scrapers leave in text (`&amp;`, `&nbsp;`, `&#8217;`,
/// `&#x201C;`), also when they were escaped twice (`&amp;quot;`).
///
/// Archival-safe: only a complete reference with its `;` is decoded, and only a name from the
/// table below, so "AT&T" or "R&D;" stay as written. Numeric references to characters XML
/// forbids are decoded too and then removed, with a record, by the character repair after this.
struct HTMLEntities: Sendable {
    /// Passes over a line: each undoes one level of escaping.
    static let maximumPasses = 3

    /// The names worth knowing: markup, spacing, punctuation and the letters of the languages we see.
    static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "shy": "\u{AD}",
        "ndash": "–", "mdash": "—", "lsquo": "‘", "rsquo": "’", "sbquo": "‚", "ldquo": "“", "rdquo": "”", "bdquo": "„",
        "laquo": "«", "raquo": "»", "lsaquo": "‹", "rsaquo": "›", "hellip": "…", "bull": "•", "middot": "·",
        "euro": "€", "pound": "£", "yen": "¥", "cent": "¢", "copy": "©", "reg": "®", "trade": "™", "deg": "°",
        "sect": "§", "para": "¶", "times": "×", "divide": "÷", "plusmn": "±", "frac12": "½", "frac14": "¼", "frac34": "¾",
        "iexcl": "¡", "iquest": "¿", "ordm": "º", "ordf": "ª", "acute": "´", "uml": "¨", "thinsp": "\u{2009}",
        "ensp": "\u{2002}", "emsp": "\u{2003}", "zwj": "\u{200D}", "zwnj": "\u{200C}",
        "auml": "ä", "ouml": "ö", "uuml": "ü", "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü", "szlig": "ß",
        "aacute": "á", "eacute": "é", "iacute": "í", "oacute": "ó", "uacute": "ú", "yacute": "ý",
        "Aacute": "Á", "Eacute": "É", "Iacute": "Í", "Oacute": "Ó", "Uacute": "Ú",
        "agrave": "à", "egrave": "è", "igrave": "ì", "ograve": "ò", "ugrave": "ù", "Agrave": "À", "Egrave": "È",
        "acirc": "â", "ecirc": "ê", "icirc": "î", "ocirc": "ô", "ucirc": "û", "Acirc": "Â", "Ecirc": "Ê",
        "atilde": "ã", "otilde": "õ", "ntilde": "ñ", "Ntilde": "Ñ", "Atilde": "Ã", "Otilde": "Õ",
        "ccedil": "ç", "Ccedil": "Ç", "euml": "ë", "iuml": "ï", "yuml": "ÿ", "aring": "å", "Aring": "Å",
        "aelig": "æ", "AElig": "Æ", "oslash": "ø", "Oslash": "Ø", "oelig": "œ", "OElig": "Œ",
    ]

    /// The line with its references decoded, or nil when it holds none.
    func decode(_ line: String) -> String? {
        guard line.utf8.contains(UInt8(ascii: "&")) else { return nil }
        var current = line
        var changed = false
        for _ in 0..<Self.maximumPasses {
            guard let next = decodeOnce(current) else { break }
            current = next
            changed = true
        }
        return changed ? current : nil
    }

    private func decodeOnce(_ line: String) -> String? {
        let scalars = Array(line.unicodeScalars)
        var output = String.UnicodeScalarView()
        var changed = false
        var index = 0
        while index < scalars.count {
            if scalars[index] == "&", let (scalar, length) = reference(scalars, at: index) {
                output.append(scalar)
                index += length
                changed = true
            } else {
                output.append(scalars[index])
                index += 1
            }
        }
        return changed ? String(output) : nil
    }

    /// The character a reference starting at `start` (an `&`) stands for, and its length.
    private func reference(_ scalars: [Unicode.Scalar], at start: Int) -> (Unicode.Scalar, Int)? {
        var end = start + 1
        while end < scalars.count, end - start <= 10, scalars[end] != ";" {
            let scalar = scalars[end]
            guard scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "#" else { return nil }
            end += 1
        }
        guard end < scalars.count, scalars[end] == ";", end > start + 1 else { return nil }
        let body = String(String.UnicodeScalarView(scalars[(start + 1)..<end]))
        let length = end - start + 1
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, value > 0, let scalar = Unicode.Scalar(value) else { return nil }
            return (scalar, length)
        }
        return Self.named[body].map { ($0, length) }
    }
}

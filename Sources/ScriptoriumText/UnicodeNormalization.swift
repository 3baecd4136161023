/// Unicode normalisation that stays linear on large texts.
///
/// Foundation's `precomposedStringWithCanonicalMapping` is correct but superlinear (a 4 MB
/// document takes ~50 s); the standard library's NFC iterator gives the same result in linear
/// time but is underscored API, so it is wrapped here, in one place, and tested.
public enum UnicodeNormalization {
    /// The text in Normalization Form C.
    public static func nfc(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }  // ASCII is always NFC
        return String(decoding: text._nfcCodeUnits, as: UTF8.self)
    }
}

extension String {
    /// A form for comparing what a reader would call "the same words": case, the diacritics of
    /// Latin letters, punctuation and spacing ignored (`Kádár,` and `KADAR` give `kadar`).
    public var comparisonKey: String {
        var result = ""
        var pendingSpace = false
        for scalar in UnicodeNormalization.nfc(self).lowercased().unicodeScalars {
            // ASCII without the Unicode property tables (slow on Linux); `^` and `` ` `` are diacritics.
            if scalar.isASCII, scalar != "^", scalar != "`" {
                if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                    if pendingSpace && !result.isEmpty { result.append(" ") }
                    pendingSpace = false
                    result.unicodeScalars.append(scalar)
                } else {
                    pendingSpace = true
                }
                continue
            }
            let base = LatinBaseLetters.table[scalar.value] ?? scalar
            if base.properties.isAlphabetic || base.properties.numericType != nil {
                if pendingSpace && !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(base)
            } else if !base.properties.isDiacritic {
                pendingSpace = true
            }
        }
        return result
    }
}

/// Base letters of the precomposed lower-case Latin letters met in European sources.
enum LatinBaseLetters {
    static let table: [UInt32: Unicode.Scalar] = {
        let groups: [(Unicode.Scalar, String)] = [
            ("a", "àáâãäåāăą"), ("c", "çćĉċč"), ("d", "ďđ"), ("e", "èéêëēĕėęě"), ("g", "ĝğġģ"), ("h", "ĥħ"),
            ("i", "ìíîïĩīĭįı"), ("j", "ĵ"), ("k", "ķ"), ("l", "ĺļľŀł"), ("n", "ñńņňŉ"), ("o", "òóôõöøōŏő"),
            ("r", "ŕŗř"), ("s", "śŝşšș"), ("t", "ţťŧț"), ("u", "ùúûüũūŭůűų"), ("w", "ŵ"), ("y", "ýÿŷ"), ("z", "źżž"),
        ]
        var table: [UInt32: Unicode.Scalar] = [:]
        for (base, letters) in groups {
            for scalar in letters.unicodeScalars { table[scalar.value] = base }
        }
        return table
    }()
}

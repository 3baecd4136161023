import ScriptoriumText

/// Removes what XML 1.0 forbids or what only looks like text: control characters, U+FFFE/U+FFFF,
/// zero-width spaces, stray byte-order marks and soft hyphens; then normalises to NFC.
///
/// Zero-width joiners and non-joiners stay: in Persian, Indic scripts and emoji they change
/// the text.
struct CharacterRepair: Sendable {
    enum Change: String, Sendable {
        case controlCharacters = "characters.control"
        case invisibleCharacters = "characters.invisible"
        case softHyphens = "characters.soft-hyphen"
        case normalisation = "characters.nfc"
    }

    func repair(_ line: String) -> (text: String, changes: [Change])? {
        var changes: [Change] = []
        var scalars = String.UnicodeScalarView()
        var removedControl = false, removedInvisible = false, removedSoftHyphen = false
        for scalar in line.unicodeScalars {
            switch scalar.value {
            case 0x00...0x08, 0x0B...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF:
                removedControl = true
            case 0x200B, 0x2060, 0xFEFF:
                removedInvisible = true
            case 0xAD:
                removedSoftHyphen = true
            default:
                scalars.append(scalar)
            }
        }
        if removedControl { changes.append(.controlCharacters) }
        if removedInvisible { changes.append(.invisibleCharacters) }
        if removedSoftHyphen { changes.append(.softHyphens) }
        var text = String(scalars)
        let normalised = UnicodeNormalization.nfc(text)
        if normalised.unicodeScalars.elementsEqual(text.unicodeScalars) == false {
            changes.append(.normalisation)
            text = normalised
        }
        if changes.isEmpty { return nil }
        return (text, changes)
    }
}

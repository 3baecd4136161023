import ScriptoriumModel

/// Repairs UTF-8 text that was once decoded as Windows-1252, Latin-1 or MacRoman
/// (`Hammarskj√∂ld` → `Hammarskjöld`, `Ã©` → `é`), also when it happened twice.
///
/// Archival-safe: only runs of non-ASCII characters are considered (every byte of a multi-byte
/// UTF-8 sequence is ≥ 0x80, so its misreading never contains ASCII); a run is re-encoded and
/// only the sequences that form valid UTF-8 are replaced; and a two-character sequence is only
/// trusted when its lead byte belongs to the European alphabets (see `plausible`).
struct MojibakeRepair: Sendable {
    /// Passes over the text: mojibake applied twice needs two.
    static let maximumPasses = 3

    /// The repaired line and the encoding whose misreading was undone, or nil when nothing changed.
    func repair(_ line: String) -> (text: String, encodings: [LegacyEncoding])? {
        guard line.unicodeScalars.contains(where: { $0.value >= 0x80 }) else { return nil }
        var current = line
        var used: [LegacyEncoding] = []
        for _ in 0..<Self.maximumPasses {
            var changed = false
            for encoding in LegacyEncoding.allCases {
                if let repaired = repairOnce(current, encoding: encoding) {
                    current = repaired
                    used.append(encoding)
                    changed = true
                    break
                }
            }
            if !changed { break }
        }
        return used.isEmpty ? nil : (current, used)
    }

    private func repairOnce(_ line: String, encoding: LegacyEncoding) -> String? {
        let scalars = Array(line.unicodeScalars)
        var output = String.UnicodeScalarView()
        var changed = false
        var index = 0
        while index < scalars.count {
            guard scalars[index].value >= 0x80 else {
                output.append(scalars[index])
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, scalars[end].value >= 0x80 { end += 1 }
            let run = scalars[index..<end]
            if let repaired = repairRun(run, encoding: encoding) {
                output.append(contentsOf: repaired)
                changed = true
            } else {
                output.append(contentsOf: run)
            }
            index = end
        }
        return changed ? String(output) : nil
    }

    /// Replaces, inside one run of non-ASCII characters, each subsequence whose bytes in
    /// `encoding` are a plausible UTF-8 character.
    private func repairRun(_ run: ArraySlice<Unicode.Scalar>, encoding: LegacyEncoding) -> [Unicode.Scalar]? {
        let encoder = encoding.encoder
        let scalars = Array(run)
        var output: [Unicode.Scalar] = []
        var changed = false
        var index = 0
        while index < scalars.count {
            if let lead = encoder[scalars[index].value], let length = Self.sequenceLength(lead), index + length <= scalars.count {
                var bytes = [lead]
                for offset in 1..<length {
                    guard let byte = encoder[scalars[index + offset].value], byte & 0xC0 == 0x80 else { break }
                    bytes.append(byte)
                }
                if bytes.count == length, let decoded = String(validating: bytes, as: UTF8.self)?.unicodeScalars.first,
                   plausible(decoded, from: scalars[index..<(index + length)], encoding: encoding, lead: lead)
                {
                    output.append(decoded)
                    changed = true
                    index += length
                    continue
                }
            }
            output.append(scalars[index])
            index += 1
        }
        return changed ? output : nil
    }

    private static func sequenceLength(_ lead: UInt8) -> Int? {
        switch lead {
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return nil
        }
    }

    private func plausible(_ decoded: Unicode.Scalar, from original: ArraySlice<Unicode.Scalar>, encoding: LegacyEncoding, lead: UInt8) -> Bool {
        let category = decoded.properties.generalCategory
        guard ![.control, .privateUse, .unassigned, .surrogate, .format].contains(category) else { return false }
        // Three or four misread bytes in a row that decode to a real character are never accidental.
        if original.count >= 3 { return true }
        // Two characters could be ordinary text («Äpfel», CAFÉ”). Trust only the lead bytes of
        // the alphabets met in European sources — Latin-1 and Latin Extended-A (C2–C5) and, for
        // Windows-1252, Cyrillic (D0–D1) — whose misreadings are never written on purpose.
        switch encoding {
        case .windows1252: return (0xC2...0xC5).contains(lead) || lead == 0xD0 || lead == 0xD1
        case .macRoman: return (0xC2...0xC5).contains(lead)
        }
    }
}

/// Recognises common non-text files by their first bytes, so a PDF named `.txt` is quarantined
/// with a reason that names it.
enum BinarySignature {
    private static let signatures: [(prefix: [UInt8], kind: String)] = [
        (Array("%PDF-".utf8), "a PDF document"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        (Array("GIF87a".utf8), "a GIF image"),
        (Array("GIF89a".utf8), "a GIF image"),
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (or an Office document)"),
        ([0x1F, 0x8B], "a gzip archive"),
        (Array("BZh".utf8), "a bzip2 archive"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "an xz archive"),
        ([0x7F, 0x45, 0x4C, 0x46], "an ELF executable"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "an old Microsoft Office document"),
        (Array("RIFF".utf8), "a RIFF media file"),
        ([0x49, 0x44, 0x33], "an MP3 audio file"),
    ]

    static func kind(of bytes: [UInt8]) -> String? {
        signatures.first { bytes.starts(with: $0.prefix) }?.kind
    }
}

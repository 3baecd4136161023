import Foundation
import ScriptoriumIngest
import ScriptoriumModel
import TestSupport
import Testing

@Suite struct SourceDecoderTests {
    let decoder = SourceDecoder()

    func decode(_ bytes: [UInt8]) throws -> DecodedSource {
        try decoder.decode(RawSource(name: "t.txt", bytes: bytes))
    }

    @Test func utf8WithAndWithoutBOM() throws {
        let text = "Kádár – “neutrality”"
        #expect(try decode(Array(text.utf8)).text == text)
        let withBOM = try decode([0xEF, 0xBB, 0xBF] + Array(text.utf8))
        #expect(withBOM.text == text)
        #expect(withBOM.encoding == .utf8WithBOM)
    }

    @Test func utf16WithBOMBothOrders() throws {
        let text = "Hammarskjöld, 1956"
        let little: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { unit -> [UInt8] in [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        #expect(try decode(little).text == text)
        #expect(try decode(little).encoding == .utf16LittleEndian)
        #expect(try decode(big).text == text)
        #expect(try decode(big).encoding == .utf16BigEndian)
    }

    @Test func utf16WithoutBOMByNULPattern() throws {
        let text = "Budapest, November 1956"
        let little: [UInt8] = text.utf16.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(try decode(little).text == text)
    }

    @Test func windows1252Fallback() throws {
        // "Gerő said “no”" cannot be CP1252 (ő); use a Latin-1 text with CP1252 quotes.
        let bytes: [UInt8] = [0x93] + Array("Caf".utf8) + [0xE9, 0x94]
        let decoded = try decode(bytes)
        #expect(decoded.text == "“Café”")
        #expect(decoded.encoding == .windows1252)
    }

    @Test func mixedUTF8AndWindows1252DecodeEachAsItIs() throws {
        // A UTF-8 letter ("Kádár") and a pasted Windows-1252 passage (0x93 … 0x94 quotes, 0xE9).
        let bytes = Array("Kádár said ".utf8) + [0x93] + Array("caf".utf8) + [0xE9, 0x94]
        let decoded = try decode(bytes)
        #expect(decoded.text == "Kádár said “café”")
        #expect(decoded.encoding == .utf8MixedWithWindows1252)
    }

    @Test func loneSurrogatesInUTF16AreReplacedAndCounted() throws {
        // "Hi", a lone high surrogate (D800), then "!".
        let bytes: [UInt8] = [0xFF, 0xFE, 0x48, 0x00, 0x69, 0x00, 0x00, 0xD8, 0x21, 0x00]
        let decoded = try decode(bytes)
        #expect(decoded.text == "Hi\u{FFFD}!")
        #expect(decoded.replacements == 1)
    }

    @Test func lineEndsNormalised() throws {
        #expect(try decode(Array("a\r\nb\rc\n".utf8)).text == "a\nb\nc\n")
    }

    @Test func emptyAndWhiteSpaceOnlyAreErrors() {
        #expect(throws: IngestError.empty(name: "t.txt")) { try decode([]) }
        #expect(throws: IngestError.empty(name: "t.txt")) { try decode(Array(" \n\n\t ".utf8)) }
    }

    @Test func binaryIsRecognised() {
        #expect(throws: IngestError.self) { try decode(Array("%PDF-1.7\n".utf8) + [0, 1, 2]) }
        #expect(throws: IngestError.self) { try decode([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]) }
        #expect(throws: IngestError.self) { try decode([0x41, 0x00, 0x00, 0x00, 0x42, 0x07, 0x00, 0x01, 0x02]) }
    }

    @Test func samplesDecodeAsUTF8() throws {
        for name in Fixtures.sampleNames() {
            let decoded = try decoder.decode(Fixtures.sample(name))
            #expect(decoded.encoding == .utf8)
            #expect(decoded.replacements == 0)
        }
    }
}

@Suite struct SourceFileReaderTests {
    @Test func readsExactBytesAndName() throws {
        let folder = Fixtures.temporaryFolder()
        let path = folder.appendingPathComponent("letter one.txt").path
        let bytes: [UInt8] = Array("x\r\ny".utf8) + [0xFF]
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let raw = try SourceFileReader().read(path: path)
        #expect(raw.bytes == bytes)
        #expect(raw.identity.name == "letter one.txt")
        #expect(raw.identity.digest == SourceDigest(of: bytes))
    }

    @Test func refusesFoldersAndOversizedFilesWithoutReading() throws {
        let folder = Fixtures.temporaryFolder()
        #expect(throws: IngestError.notRegularFile(path: folder.path, kind: "a folder")) {
            try SourceFileReader().read(path: folder.path)
        }
        let path = folder.appendingPathComponent("big.txt").path
        try Data(repeating: 65, count: 2_000).write(to: URL(fileURLWithPath: path))
        #expect(throws: IngestError.tooLarge(path: path, size: 2_000, limit: 1_000)) {
            try SourceFileReader(sizeLimit: 1_000).read(path: path)
        }
    }

    @Test func missingFileIsUnreadable() {
        #expect(throws: IngestError.self) { try SourceFileReader().read(path: "/nonexistent/file.txt") }
    }
}

import Foundation
import ScriptoriumModel
import Testing

@Suite struct SourceDigestTests {
    @Test func knownVector() {
        // FIPS 180-2 test vector.
        #expect(SourceDigest(of: Array("abc".utf8)).hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func incrementalEqualsOneShot() {
        let bytes = Array(repeating: UInt8(7), count: 100_000)
        var hasher = SourceHasher()
        hasher.update(Array(bytes[..<33_333]))
        hasher.update(Array(bytes[33_333...]))
        #expect(hasher.finalize() == SourceDigest(of: bytes))
    }

    @Test func parsesOnlyDigests() {
        #expect(SourceDigest(hex: String(repeating: "A", count: 64))?.hex == String(repeating: "a", count: 64))
        #expect(SourceDigest(hex: "abc") == nil)
        #expect(SourceDigest(hex: String(repeating: "g", count: 64)) == nil)
    }
}

@Suite struct PartialDateTests {
    @Test func isoAtItsPrecision() {
        #expect(PartialDate(year: 1956)?.iso == "1956")
        #expect(PartialDate(year: 1956, month: 11)?.iso == "1956-11")
        #expect(PartialDate(year: 1956, month: 11, day: 4)?.iso == "1956-11-04")
        #expect(PartialDate(year: 956)?.iso == "0956")
    }

    @Test func rejectsImpossibleDates() {
        #expect(PartialDate(year: 1956, month: 13) == nil)
        #expect(PartialDate(year: 1956, month: 4, day: 31) == nil)
        #expect(PartialDate(year: 1957, month: 2, day: 29) == nil)
        #expect(PartialDate(year: 1956, month: 2, day: 29) != nil)
        #expect(PartialDate(year: 1956, day: 3) == nil)
    }

    @Test func datingAttributes() {
        #expect(DateValue.monthDay(month: 11, day: 4).attributes.map(\.value) == ["--11-04"])
        let sixties = DateValue.within(notBefore: PartialDate(year: 1960)!, notAfter: PartialDate(year: 1969)!)
        #expect(sixties.attributes.map(\.name) == ["notBefore", "notAfter"])
    }
}

@Suite struct DocumentIDTests {
    @Test func stableAndValidAsXMLID() {
        let digest = SourceDigest(of: Array("x".utf8))
        let id = DocumentID(source: digest, position: 3)
        #expect(id == DocumentID(source: digest, position: 3))
        #expect(id.value == "d" + digest.hex.prefix(16) + "-3")
        // An NCName: starts with a letter, then letters, digits, '-'.
        #expect(id.value.first!.isLetter)
        #expect(id.value.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" })
    }
}

@Suite struct InlineTextTests {
    @Test func plainTextIsTheTaggedText() {
        let date = PartialDate(year: 1956, month: 11, day: 4)!
        let text = InlineText(segments: [.text("On "), .date("4 November 1956", .when(date)), .text(", tanks.")])
        #expect(text.plainText == "On 4 November 1956, tanks.")
    }
}

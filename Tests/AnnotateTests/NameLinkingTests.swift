import Foundation
import Testing
import ScriptoriumModel
import TestSupport
@testable import ScriptoriumAnnotate

/// Names: variants link to one entry, titles stay outside, false friends stay untagged.
struct NameLinkingTests {
    static let annotator = Annotator(rules: try! AnnotationRules.load(from: Fixtures.rulesFolder))

    /// The names tagged in `paragraphs` (one document), as (text, kind, ref).
    static func names(_ paragraphs: [String], date: DateValue? = nil) -> [(text: String, kind: EntityKind, ref: String?)] {
        annotate(paragraphs, date: date).body.allContent.flatMap { inline in
            inline.segments.compactMap { segment -> (text: String, kind: EntityKind, ref: String?)? in
                if case .name(let text, let tag) = segment { return (text, tag.kind, tag.ref) }
                return nil
            }
        }
    }

    static func annotate(_ paragraphs: [String], date: DateValue? = nil) -> AnnotatedDocument {
        var document = EntityEvaluationTests.document(GoldDocument(name: "t", date: nil, paragraphs: []))
        document.body = DocumentBody(heading: nil, blocks: paragraphs.map { .paragraph(Run(text: $0)) }, sections: [])
        document.metadata.date = date
        return annotator.annotate(document)
    }

    @Test func variantsOfOnePersonShareOneRef() {
        let found = Self.names(["János Kádár spoke. Later Kadar and KADAR and Kádár agreed with comrade Kadar."])
        #expect(found.map(\.text) == ["János Kádár", "Kadar", "KADAR", "Kádár", "Kadar"])
        #expect(Set(found.map(\.ref)) == ["per-janos-kadar"])
    }

    @Test func titlesStayOutsideRanksInside() {
        let found = Self.names(["Prime Minister Imre Nagy met Mr Nagy, Marshal Zhukov and Admiral Radford."])
        #expect(found.map(\.text) == ["Imre Nagy", "Nagy", "Marshal Zhukov", "Admiral Radford"])
        #expect(found[0].ref == found[1].ref)
    }

    @Test func upperCaseAndMisspeltFormsLink() {
        let found = Self.names(["To comrade KHRUSHCHEV about Imré Nagy and Molotow."])
        #expect(found.map(\.ref) == ["per-nikita-sergeyevich-khrushchev", "per-imre-nagy", "per-vyacheslav-mikhailovich-molotov"])
    }

    @Test func sharedSurnameFollowsTitleOrFullName() {
        let withAllen = Self.names(["Allen Dulles briefed the Council.", "Dulles said the Soviets would wait."])
        #expect(withAllen.filter { $0.text.hasSuffix("Dulles") }.map(\.ref) == ["per-allen-w-dulles", "per-allen-w-dulles"])
        let secretary = Self.names(["Allen Dulles briefed the Council.", "Secretary Dulles said the Soviets would wait."])
        #expect(secretary.last?.ref == "per-john-foster-dulles")
    }

    @Test func surnameInsideAnotherNameIsNotThePerson() {
        let found = Self.names(["Published by the Wilson Center Digital Archive and quoted by Woodrow Wilson."])
        #expect(!found.contains { $0.ref == "per-charles-e-wilson" })
    }

    @Test func falseFriendsAreNotNames() {
        let found = Self.names([
            "Top Secret", "Your Excellency,", "Dear comrades!",
            "Soviet troops and the Hungarian people met Yugoslav and Polish workers.",
            "Requested Embassy approach Foreign Office.",
        ])
        #expect(found.allSatisfy { $0.text == "Foreign Office" })
    }

    @Test func unknownNamesFromEvidenceCarryNoRef() {
        let found = Self.names(["Ambassador Kiselev called on the Ministry of Foreign Affairs and the Hungarian Workers Council; CC XYZ replied."])
        #expect(found.map(\.text) == ["Kiselev", "Ministry of Foreign Affairs", "Hungarian Workers Council", "CC XYZ"])
        #expect(found.map(\.kind) == [.person, .organisation, .organisation, .organisation])
        #expect(found.allSatisfy { $0.ref == nil })
    }

    @Test func headingsTrustOnlyTheAuthority() {
        var document = EntityEvaluationTests.document(GoldDocument(name: "t", date: nil, paragraphs: []))
        document.body = DocumentBody(heading: "Ambassador Reports On Central Committee Meeting In Budapest", blocks: [.paragraph(Run(text: "Text."))], sections: [])
        let heading = Self.annotator.annotate(document).body.heading
        let tagged = heading?.segments.compactMap { if case .name(let text, _) = $0 { return text } else { return nil } }
        #expect(tagged == ["Budapest"])
    }

    @Test func standOffListsEachEntryOnceWithVariantsSeen() {
        let document = Self.annotate(["Imre Nagy and Nagy went to Budapest.", "NAGY returned to Budapest."])
        let nagy = document.standOff.first { $0.id == "per-imre-nagy" }
        #expect(nagy?.variants == ["Nagy", "NAGY"])
        #expect(nagy?.name == "Imre Nagy")
        #expect(document.standOff.map(\.id) == ["per-imre-nagy", "pl-budapest"])
        #expect(document.standOff.last?.wikidata == "Q1781")
    }

    @Test func taggingNeverChangesTheText() throws {
        for name in Fixtures.sampleNames() {
            let text = String(decoding: Fixtures.sampleBytes(name), as: UTF8.self)
            let paragraphs = text.components(separatedBy: "\n").filter { !$0.isEmpty }
            let document = Self.annotate(paragraphs)
            #expect(document.body.allContent.map(\.plainText) == paragraphs)
        }
    }
}

/// A long paragraph full of names is annotated completely and without changing its text. (How
/// the time grows with length is measured by `scriptorium bench`, not asserted here: timings
/// depend on the machine, and under a sanitizer they grow tenfold.)
struct AnnotationScaleTests {
    @Test func aLongParagraphFullOfNamesIsTaggedThroughout() {
        let sentence = "On 4 November 1956 at 7 p.m. Imre Nagy told Ambassador Kiselev in Budapest that the Ministry of Foreign Affairs and the UN would act. "
        let paragraph = String(repeating: sentence, count: 4000)
        let document = NameLinkingTests.annotate([paragraph])
        let content = document.body.allContent.first
        #expect(content?.plainText == paragraph)
        let nagy = content?.segments.filter { segment in
            if case .name(let text, _) = segment { return text == "Imre Nagy" }
            return false
        }.count
        #expect(nagy == 4000)
    }
}

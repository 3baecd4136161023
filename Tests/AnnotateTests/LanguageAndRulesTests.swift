import Foundation
import Testing
import TestSupport
@testable import ScriptoriumAnnotate

/// `@xml:lang` from stop-word profiles, and the data files' checks.
struct LanguageAndRulesTests {
    static let rules = try! AnnotationRules.load(from: Fixtures.rulesFolder)

    @Test(arguments: [
        ("en", "The government of the country has decided that it will not be able to accept the proposal."),
        ("de", "Die Regierung hat beschlossen, dass sie den Vorschlag nicht annehmen wird, und das ist auch gut so."),
        ("fr", "Le gouvernement a décidé que la proposition ne sera pas acceptée par les ministres et il est clair."),
        ("es", "El gobierno ha decidido que no puede aceptar la propuesta de los ministros y que es para el pueblo."),
        ("it", "Il governo ha deciso che non è possibile accettare la proposta dei ministri e della commissione per il paese."),
        ("pl", "Rząd zdecydował, że nie jest w stanie przyjąć propozycji i że to jest dla nas ważne, ale także trudne."),
        ("ro", "Guvernul a hotărât că nu este în măsură să accepte propunerea și că aceasta este pentru noi o problemă care se pune."),
        ("ru", "Правительство решило, что оно не может принять это предложение, и что для нас это также было бы трудно."),
        ("hu", "A kormány úgy döntött, hogy nem fogadja el a javaslatot, és az is világos, hogy ez már nem volt kérdés."),
    ])
    func detectsTheLanguage(expected: String, text: String) {
        #expect(Self.rules.languages.detect(text) == expected)
    }

    @Test func tooLittleEvidenceGivesNoLanguage() {
        #expect(Self.rules.languages.detect("Budapest, 1956") == nil)
    }

    @Test func refusesDuplicateIdsAndMalformedWikidataIds() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for file in [AnnotationRules.cuesFileName, AnnotationRules.languagesFileName] {
            try FileManager.default.copyItem(at: Fixtures.rulesFolder.appendingPathComponent(file), to: folder.appendingPathComponent(file))
        }
        let authority = folder.appendingPathComponent(AnnotationRules.authorityFileName)
        let entry = #"{"id": "per-x", "name": "X Y"}"#
        try Data(#"{"format": 1, "name": "a", "version": "1", "persons": [\#(entry), \#(entry)], "places": [], "organisations": []}"#.utf8).write(to: authority)
        #expect(throws: AnnotationRuleError.self) { try AnnotationRules.load(from: folder) }
        try Data(#"{"format": 1, "name": "a", "version": "1", "persons": [{"id": "per-x", "name": "X", "wikidata": "Q01"}], "places": [], "organisations": []}"#.utf8).write(to: authority)
        #expect(throws: AnnotationRuleError.self) { try AnnotationRules.load(from: folder) }
        try Data(#"{"format": 1, "name": "a", "version": "1", "persons": [{"id": "per-x", "name": "X", "wikidata": "Q42"}], "places": [], "organisations": []}"#.utf8).write(to: authority)
        #expect(try AnnotationRules.load(from: folder).authority.entries.count == 1)
    }

    @Test func everyShippedEntryHasAValidIdAndWikidataIdsAreUnique() {
        let entries = Self.rules.authority.entries
        let qids = entries.compactMap(\.entry.wikidata)
        #expect(Set(qids).count == qids.count)
        #expect(entries.count > 200)
    }
}

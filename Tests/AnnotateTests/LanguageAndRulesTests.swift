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

/// Pages in a script without a profile are not given a language by a few stray Latin words.
struct LanguageEvidenceTests {
    @Test func fewLatinWordsInAChinesePageGiveNoLanguage() {
        let text = "首页 新闻 图片 评论 共青团 娱乐 时尚 财经 军事 体育 创业就业 高校 旅游 发现 视频 游戏 汽车 青春励志 中国青年网 a i w z o SUBMIT 海外留学生看两会 出国前后关注点大不同 发稿时间 来源 人民日报海外版中国青年网"
        #expect(LanguageAndRulesTests.rules.languages.detect(text) == nil)
    }

    @Test func portugueseIsNotSpanish() {
        let text = "O governo decidiu que não é possível aceitar a proposta dos ministros e que isso também foi para o povo uma questão."
        #expect(LanguageAndRulesTests.rules.languages.detect(text) == "pt")
    }
}

/// A passage in another language than its document says so.
struct PassageLanguageTests {
    @Test func aGermanPassageInAnEnglishDocumentIsMarked() {
        let document = NameLinkingTests.annotate([
            "The government of the country has decided that it will not be able to accept the proposal of the ministers.",
            "It was said that the delegation would leave for the conference in the morning and return by the evening.",
            "Die Regierung hat beschlossen, dass sie den Vorschlag nicht annehmen wird, und das ist auch gut so für uns.",
        ])
        #expect(document.language == "en")
        #expect(document.body.allContent.map(\.language) == [nil, nil, "de"])
    }
}

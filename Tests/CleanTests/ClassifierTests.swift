import Foundation
import ScriptoriumClean
import ScriptoriumModel
import TestSupport
import Testing

/// A page in the shape w3m gives: a menu, a breadcrumb, a form, the article, teasers, a footer.
let germanPage = """
    Direkt zum Inhalt
    [                    ]Suchen

      • Startseite
      • Politik
      • Wirtschaft
      • Kultur

    Startseite > Politik > Haushalt

    08.04.2015 12:46

    Der Stadtrat beschließt den neuen Haushalt

    Der Stadtrat hat am Dienstagabend nach einer langen Debatte den Haushalt für das kommende Jahr beschlossen, der vor allem mehr Geld für die Schulen und die Sanierung der Brücken vorsieht, die seit Jahren auf eine Reparatur warten und im Winter zum Teil gesperrt werden mussten.

    Die Opposition kritisierte, dass die Stadt damit erneut neue Schulden aufnehme, und forderte, die geplanten Ausgaben für das neue Rathaus zu verschieben, bis die Finanzlage sich gebessert habe.

    Der Kämmerer verteidigte den Plan und sagte, dass die Investitionen in die Schulen nicht länger aufgeschoben werden könnten, weil viele Gebäude dringend saniert werden müssten.

    Lesen Sie auch

      • Neue Radwege für die Innenstadt
      • Bürgermeister im Interview

    Teilen

    Startseite > Politik > Haushalt
    """

@Suite struct BlockClassifierTests {
    @Test func mainTextKeptFurnitureAroundItRemovedWithReasons() throws {
        let cleaned = try clean(germanPage)
        let kept = keptText(cleaned)
        #expect(kept.contains { $0.hasPrefix("Der Stadtrat hat am Dienstagabend") })
        #expect(kept.contains { $0.hasPrefix("Der Kämmerer verteidigte") })
        for furniture in ["Startseite", "Politik", "Startseite > Politik > Haushalt", "08.04.2015 12:46", "Lesen Sie auch", "Neue Radwege für die Innenstadt", "Teilen"] {
            #expect(!kept.contains(furniture), "kept \(furniture)")
        }
        let reasons = Dictionary(cleaned.records.filter { $0.action == .removed }.map { ($0.text.trimmingCharacters(in: .whitespaces), $0.rule) }, uniquingKeysWith: { first, _ in first })
        #expect(reasons["[                    ]Suchen"] == "classifier.form-debris")
        #expect(reasons["08.04.2015 12:46"] == "classifier.date-or-time")
        #expect(reasons["Startseite > Politik > Haushalt"] == "classifier.separated-menu")
        #expect(reasons["• Politik"] == "classifier.menu-item")
        #expect(reasons["Lesen Sie auch"] == "related-teaser-heading")
    }

    @Test func headingJustBeforeTheMainTextStays() throws {
        #expect(keptText(try clean(germanPage)).contains("Der Stadtrat beschließt den neuen Haushalt"))
    }

    @Test func classifierRecordsCarryItsMeasurements() throws {
        let cleaned = try clean(germanPage)
        let record = try #require(cleaned.records.first { $0.rule == "classifier.outside-main-text" || $0.rule == "classifier.menu-item" })
        #expect(record.detail?.contains("stop words") == true)
        #expect(record.detail?.contains("(de)") == true)
    }

    @Test func letterWithoutProseIsLeftToTheRules() throws {
        // No line reads as long prose: the classifier must not guess where the document is.
        let letter = "Dear Sir,\n\nI agree with your proposal.\n\nYours sincerely,\n\nJohn Foster Dulles\n"
        #expect(keptText(try clean(letter)) == ["Dear Sir,", "I agree with your proposal.", "Yours sincerely,", "John Foster Dulles"])
    }

    @Test func salutationAndSignatureAroundALetterStay() throws {
        let letter = """
            Washington, October 24, 1956.

            Dear Mr. Secretary:

            I have the honor to inform you that the Government of the United States has taken note of the statement made by the Soviet Government on October 30 and that it will study it with the care that it deserves.

            Sincerely yours,

            Philip H. Trezise
            """
        let kept = keptText(try clean(letter))
        #expect(kept.contains("Washington, October 24, 1956."))
        #expect(kept.contains("Dear Mr. Secretary:"))
        #expect(kept.contains("Sincerely yours,"))
        #expect(kept.contains("Philip H. Trezise"))
    }

    @Test func literalMarkupFromNoscriptRemoved() throws {
        let cleaned = try clean("<img src=\"https://example.org/pixel.gif\" width=\"1\">\n\nThe text.\n")
        #expect(cleaned.records.contains { $0.rule == "classifier.markup" })
        #expect(keptText(cleaned) == ["The text."])
    }

    @Test func chineseProseIsJudgedByShapeWithoutStopWords() throws {
        let page = "首页\n\n新闻\n\n但是，随着年龄和阅历的增长，学子对两会的关注点在出国前后发生了很大的变化。\n\n无独有偶，英国剑桥大学的李博灏也有着类似的经历，他说这让他重新认识了国家的发展。\n\n  • 关于我们\n"
        let kept = keptText(try clean(page))
        #expect(kept.contains { $0.hasPrefix("但是") })
        #expect(!kept.contains("关于我们"))
    }
}

@Suite struct CleanerRecordTests {
    @Test func everyLineOfADevStylePageIsKeptOrRecorded() throws {
        let cleaned = try clean(germanPage)
        let kept = Set(cleaned.lines.map(\.number))
        let recorded = Set(cleaned.records.filter { $0.action != .repaired }.flatMap { Array($0.lines.first...$0.lines.last) })
        for (offset, line) in germanPage.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            #expect(kept.contains(offset + 1) || recorded.contains(offset + 1), "line \(offset + 1) vanished: \(line)")
        }
    }

    @Test func cleaningCleanedTextChangesNothing() throws {
        let texts = [germanPage] + Fixtures.sampleNames().map { String(decoding: Fixtures.sampleBytes($0), as: UTF8.self) }
        for text in texts {
            let once = try clean(text)
            let twice = try clean(rendered(once))
            #expect(keptText(once) == keptText(twice))
            #expect(twice.records.allSatisfy { $0.action == .repaired }, "cleaning cleaned text removed: \(twice.records.filter { $0.action != .repaired }.map(\.text))")
        }
    }

    @Test func explanationGivesEveryLineAFateFromTheRecords() throws {
        let cleaned = try clean(germanPage)
        let explanation = CleaningExplanation(text: germanPage, cleaned: cleaned)
        #expect(explanation.lines.count == germanPage.split(separator: "\n", omittingEmptySubsequences: false).count)
        let byText = Dictionary(explanation.lines.map { ($0.text.trimmingCharacters(in: .whitespaces), $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byText["Direkt zum Inhalt"]?.fate == .removed)
        #expect(byText["Direkt zum Inhalt"]?.reasons == ["skip-link"])
        #expect(byText["Teilen"]?.fate == .removed)
        #expect(byText["Der Stadtrat beschließt den neuen Haushalt"]?.fate == .kept)
        #expect(explanation.rendered().contains("classifier.date-or-time (class bad"))
    }
}

@Suite struct NamedRuleClassTests {
    @Test(arguments: [
        ("Das könnte Sie auch interessieren", "related-teaser-heading"),
        ("Beitrag teilen", "share-links"),
        ("Jetzt zum kostenlosen Newsletter anmelden", "newsletter-signup"),
        ("Leave a Reply", "comment-section"),
        ("Sie sind aktuell nicht eingeloggt.", "login-prompt"),
        ("Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.", "cookie-consent"),
        ("Anzeige", "advertisement-label"),
        ("« Vorige | Nächste »", "previous-next"),
        ("Media captionDrone footage shows mass burials", "image-credit"),
        ("Nach oben", "back-to-top"),
    ])
    func ruleClassRemovesItsBoilerplate(line: String, rule: String) throws {
        let cleaned = try clean("The minister spoke.\n\n\(line)\n")
        #expect(keptText(cleaned) == ["The minister spoke."])
        #expect(cleaned.records.contains { $0.rule == rule && $0.action == .removed })
    }

    @Test func everyRuleHasDescriptionLanguageAndExamples() throws {
        let rules = try CleaningRules.load(from: Fixtures.rulesFolder)
        for rule in rules.rules {
            #expect(!rule.description.isEmpty, "\(rule.id)")
            #expect(!rule.language.isEmpty, "\(rule.id)")
            #expect(!rule.examples.match.isEmpty && !rule.examples.keep.isEmpty, "\(rule.id) needs examples both ways")
        }
    }
}

@Suite struct HTMLEntityTests {
    @Test func namedNumericAndDoubleEscapedReferencesDecoded() throws {
        let cleaned = try clean("Gr&uuml;&szlig;e &amp; Dank &#8211; &#x201E;Budapest&#8220; &amp;quot;1956&amp;quot;\n")
        #expect(keptText(cleaned) == ["Grüße & Dank – „Budapest“ \"1956\""])
        #expect(cleaned.records.contains { $0.rule == "characters.html-entity" && $0.action == .repaired })
    }

    @Test func ampersandsThatAreNotReferencesStay() throws {
        for text in ["AT&T and R&D;", "Smith & Sons", "&unknown; entity", "Q&A"] {
            #expect(keptText(try clean(text + "\n")) == [text])
        }
    }

    @Test func referencesToForbiddenCharactersAreRemovedWithARecord() throws {
        let cleaned = try clean("Buda&#8203;pest&#7;\n")
        #expect(keptText(cleaned) == ["Budapest"])
        #expect(cleaned.records.contains { $0.rule.contains("characters.") && $0.rule != "characters.html-entity" })
    }
}

/// The cleaner's output written back as text with its structure (headings, list items), as a
/// person would re-submit it: the input of the idempotence check.
func rendered(_ cleaned: CleanedSource) -> String {
    cleaned.lines.filter { $0.kind != .blank }.map { line in
        switch line.kind {
        case .heading(let level): return String(repeating: "#", count: level) + " " + line.text
        case .listItem(let label?): return "- \(label). " + line.text
        case .listItem(nil): return "- " + line.text
        case .text, .blank: return line.text
        }
    }.joined(separator: "\n\n") + "\n"
}

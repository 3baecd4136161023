import Foundation
import ScriptoriumClean
import ScriptoriumIngest
import ScriptoriumModel
import ScriptoriumSegment
import TestSupport
import Testing

func segment(_ raw: RawSource) throws -> SegmentedSource {
    let rules = try CleaningRules.load(from: Fixtures.rulesFolder)
    return Segmenter().segment(Cleaner(rules: rules).clean(try SourceDecoder().decode(raw)))
}

func segment(text: String) throws -> SegmentedSource {
    try segment(RawSource(name: "t.txt", bytes: Array(text.utf8)))
}

@Suite struct SampleSegmentationTests {
    @Test func bbcPageHoldsThreeArticles() throws {
        let source = try segment(Fixtures.sample("003_a739058c7e7fc698.txt"))
        // A date before a title is the document's date, not part of its title; the page's
        // no-break space becomes a plain space.
        #expect(source.documents.map(\.metadata.title) == [
            "Soviet troops overrun Hungary",
            "Hungarians rise up against Soviet rule",
            "Fighting spreads in Hungary revolution",
        ])
        #expect(source.documents[0].body.heading == "1956 November 4th Soviet troops overrun\u{A0}Hungary")
        #expect(source.documents.map(\.metadata.position) == [1, 2, 3])
        #expect(source.documents.allSatisfy { $0.metadata.documentCount == 3 })
        #expect(Set(source.documents.map(\.metadata.id)).count == 3)
    }

    @Test(arguments: [
        ("000_08e9c624ea62eb75.txt", "Imre Nagy appeals for UN help in Hungary (1956)", "1956-11-02"),
        ("001_4e3b77507a4cdb14.txt", "Resolution 1004 (ES-II) adopted by the United Nations General Assembly (4 November 1956)", "1956-11-04"),
        ("002_5238fb1e544311fe.txt", "Andropov Report, 1 November 1956", "1956-11-01"),
        ("004_a7d14ad515522e94.txt", "Letter of the CC UCY to the CC CPSU with an exposition of the views of the leadership of the UCY on the events in Hungary", "1956-11-08"),
    ])
    func singleDocumentsAreNotSplitAndHaveTitleAndDate(name: String, title: String, date: String) throws {
        let source = try segment(Fixtures.sample(name))
        #expect(source.documents.count == 1)
        #expect(source.documents.first?.metadata.title == title)
        #expect(source.documents.first?.metadata.date?.pointDate?.iso == date)
    }

    @Test func dateNeverComesFromLastUpdated() throws {
        let source = try segment(Fixtures.sample("001_4e3b77507a4cdb14.txt"))
        #expect(source.documents.first?.metadata.headerFields.contains { $0.kind == .lastUpdated && $0.value == "12/04/2023" } == true)
        #expect(source.documents.first?.metadata.date?.pointDate?.year == 1956)
    }

    @Test func repeatedTitleLineIsRemovedAndRecorded() throws {
        let source = try segment(Fixtures.sample("002_5238fb1e544311fe.txt"))
        let body = source.documents[0].body
        #expect(body.heading == "Andropov Report, 1 November 1956")
        #expect(!body.blocks.contains(.paragraph(Run(text: "Andropov Report, 1 November 1956"))))
        #expect(source.records.contains { $0.rule == "repeated-line" || $0.rule == "segment.repeated-title" })
    }
}

@Suite struct StructureTests {
    @Test func subheadingBetweenParagraphsStartsASection() throws {
        let text = """
            Soviet troops overrun Hungary

            The Soviet air force has bombed part of the Hungarian capital, Budapest, in a dawn offensive.

            Appeal to the West

            News of the attack came at 0515 local time on Radio Budapest in an urgent appeal for help.
            """
        let document = try segment(text: text).documents[0]
        #expect(document.body.sections.map(\.heading) == ["Appeal to the West"])
        #expect(document.body.blocks.count == 1)
    }

    @Test func numberedClausesBecomeAList() throws {
        let text = """
            Resolution of the Assembly

            The General Assembly,

            - 1. Calls upon the Government to desist forthwith;
            - 2. Requests the Secretary-General to investigate the situation;
            """
        let document = try segment(text: text).documents[0]
        guard case .list(let list)? = document.body.blocks.last else {
            Issue.record("no list in \(document.body.blocks)")
            return
        }
        #expect(list.items.map(\.label) == ["1", "2"])
    }

    @Test func paragraphSplitByAPageBreakIsRejoined() throws {
        let text = """
            A title

            On the basis of this conversation at Brioni, we took some measures in Budapest on

            the afternoon of Saturday, 3 November of this year.
            """
        let document = try segment(text: text).documents[0]
        #expect(document.body.blocks == [.paragraph(Run(text: "On the basis of this conversation at Brioni, we took some measures in Budapest on the afternoon of Saturday, 3 November of this year."))])
    }

    @Test func aPageWithoutATitleGetsOneFromItsFirstSentence() throws {
        let document = try segment(text: "the crowd marched on the broadcasting station and the police opened fire on them after an hour of waiting.\n").documents[0]
        #expect(document.metadata.title == "the crowd marched on the broadcasting station and the police opened fire …")
    }

    @Test func nothingLeftMeansNoDocument() throws {
        #expect(try segment(text: "Skip to content\n\n© 2024 Example Press. All rights reserved.\n").documents.isEmpty)
    }
}

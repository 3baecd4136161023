import ScriptoriumModel
import ScriptoriumText
import Testing
@testable import ScriptoriumSegment
import TestSupport

@Suite struct LetterFrameTests {
    let dates = DateRecognizer()

    @Test func openerAndCloserOfALetter() {
        // Sample 004, shortened.
        let text = """
            8 November 1956, Brioni

            To the first secretary of the CC CPSU,
            comrade KHRUSHCHEV

            Dear comrades!

            We received your letter in which you stated the point of view of the Presidium of the CC CPSU on the issue of Imre Nagy.

            With a comradely greeting

            On behalf of the Central Committee of the Union of Communists of Yugoslavia  
            (I.B. Tito)
            """
        let frame = LetterFrame(blocks: Snippet.blocks(text)[...], isCorrespondence: false, dates: dates)
        #expect(frame.opener.dateline == "8 November 1956, Brioni")
        #expect(frame.dateline?.place == "Brioni")
        #expect(frame.opener.address == ["To the first secretary of the CC CPSU,", "comrade KHRUSHCHEV"])
        #expect(frame.opener.salute == "Dear comrades!")
        #expect(frame.closer?.salute == "With a comradely greeting")
        #expect(frame.closer?.signed.first?.hasSuffix("(I.B. Tito)") == true)
        #expect(frame.text.count == 1)
    }

    @Test func telegramSignatureAndClassificationMarks() {
        let text = """
            Top Secret

            Washington, December 27, 1957—6:47 p.m.

            Text of draft US communication will be sent you separately and we would hope Asian and African states might join.

            Dulles
            """
        let frame = LetterFrame(blocks: Snippet.blocks(text)[...], isCorrespondence: true, dates: dates)
        #expect(frame.marks == ["Top Secret"])
        #expect(frame.dateline?.date.value.pointDate?.iso == "1957-12-27")
        #expect(frame.dateline?.place == "Washington")
        #expect(frame.closer?.signed == ["Dulles"])
    }

    @Test func headnoteBeforeALateSalutation() {
        // Sample 000: an editor's introduction, then the letter.
        let text = """
            On November 2nd 1956, as Soviet troops poured into Hungary, Hungarian prime minister Imre Nagy sent the following note to the Secretary-General:

            Your Excellency,

            I have the honour to bring to the attention of Your Excellency the following additional information about the situation in Hungary.
            """
        let frame = LetterFrame(blocks: Snippet.blocks(text)[...], isCorrespondence: false, dates: dates)
        #expect(frame.headnote.count == 1)
        #expect(frame.opener.salute == "Your Excellency,")
        #expect(frame.closer == nil)
    }

    @Test func postscriptAfterTheSignature() {
        let text = """
            Dear Mr. Dulles,

            We have received the report on the situation in Budapest and thank you for the information it contains.

            Sincerely yours,

            Herbert Hoover Jr.

            P.S. The copies of the telegrams will follow by the next pouch to Washington.
            """
        let frame = LetterFrame(blocks: Snippet.blocks(text)[...], isCorrespondence: false, dates: dates)
        #expect(frame.opener.salute == "Dear Mr. Dulles,")
        #expect(frame.closer == Closer(salute: "Sincerely yours,", signed: ["Herbert Hoover Jr."]))
        #expect(frame.postscript.map(\.text) == ["P.S. The copies of the telegrams will follow by the next pouch to Washington."])
        #expect(frame.text.count == 1)
    }

    @Test func newsArticleHasNoLetterFrame() {
        let text = """
            The Soviet air force has bombed part of the Hungarian capital, Budapest, and Russian troops have poured into the city.

            Reports that Mr Nagy and other members of his cabinet were captured in the attack have not been confirmed.
            """
        let frame = LetterFrame(blocks: Snippet.blocks(text)[...], isCorrespondence: false, dates: dates)
        #expect(frame.opener.isEmpty)
        #expect(frame.closer == nil)
        #expect(frame.text.count == 2)
    }
}

@Suite struct SalutationAndMarkTests {
    @Test(arguments: ["Dear comrades!", "Your Excellency,", "Mr. President,", "Sir:"])
    func openings(_ text: String) { #expect(Salutation.isOpening(text)) }

    @Test(arguments: ["With a comradely greeting", "Sincerely yours,", "Yours faithfully,", "Best regards"])
    func closings(_ text: String) { #expect(Salutation.isClosing(text)) }

    @Test(arguments: ["Dear comrades, we write to you today about a matter of the greatest importance to us all.", "Yours is the decision."])
    func notSalutations(_ text: String) {
        #expect(!Salutation.isOpening(text) && !Salutation.isClosing(text))
    }

    @Test(arguments: ["Top Secret", "Not to be copied", "CONFIDENTIAL", "Secret."])
    func marks(_ text: String) { #expect(ClassificationMark.matches(text)) }

    @Test func secretaryIsNoMark() {
        #expect(!ClassificationMark.matches("Secretary of State"))
        #expect(ClassificationMark.level(inNote: "Department of State, Central Files, 764.00/11–456. Confidential; Niact; No Distribution.") == "Confidential")
        #expect(ClassificationMark.level(inNote: "Department of State, Central Files, 764.00/12–2757. Drafted by Secretary Dulles.") == nil)
    }
}

@Suite struct DatelineTests {
    @Test func placeAndTime() throws {
        let dateline = try #require(Dateline("Paris, November 4, 1956—5 p.m.", dates: DateRecognizer()))
        #expect(dateline.date.value.pointDate?.iso == "1956-11-04")
        #expect(dateline.place == "Paris")
    }

    @Test func sentenceIsNoDateline() {
        #expect(Dateline("On November 2, Zoltan Szanto spoke with our representative in Budapest about the embassy.", dates: DateRecognizer()) == nil)
        #expect(Dateline("Washington, July 1956", dates: DateRecognizer()) == nil)
    }
}

import Testing
import ScriptoriumModel
import ScriptoriumText
@testable import ScriptoriumAnnotate

/// Dates and times at their real precision, completed from the document, never from today.
struct DateAndTimeTests {
    static func tagged(_ text: String, date: DateValue? = nil) -> [String] {
        NameLinkingTests.annotate([text], date: date).body.allContent.flatMap { inline in
            inline.segments.compactMap { segment -> String? in
                switch segment {
                case .date(let text, let value): return text + " " + value.attributes.map { "\($0.name)=\($0.value)" }.joined(separator: ",")
                case .time(let text, let value): return text + " " + value.attributes.map { "\($0.name)=\($0.value)" }.joined(separator: ",")
                default: return nil
                }
            }
        }
    }

    @Test func timesOfDay() {
        #expect(Self.tagged("at 7 p.m. and 6:47 p.m., then at 0515 local time") == [
            "7 p.m. when=19:00:00", "6:47 p.m. when=18:47:00", "0515 local time when=05:15:00",
        ])
        #expect(Self.tagged("between 0400 and 0800 local time") == ["between 0400 and 0800 local time from=04:00:00,to=08:00:00"])
        #expect(Self.tagged("in 1956 and 1200 tanks").allSatisfy { !$0.contains("time") && !$0.contains(":") })
    }

    @Test func rangesDecadesAndPrecision() {
        #expect(Self.tagged("Session 4-10 November 1956") == ["4-10 November 1956 from=1956-11-04,to=1956-11-10"])
        #expect(Self.tagged("on October 23-25, 1956") == ["October 23-25, 1956 from=1956-10-23,to=1956-10-25"])
        #expect(Self.tagged("Volume XXV, 1955–1957") == ["1955–1957 from=1955,to=1957"])
        #expect(Self.tagged("in the 1960s") == ["1960s notBefore=1960,notAfter=1969"])
        #expect(Self.tagged("in June 1958") == ["June 1958 when=1958-06"])
    }

    @Test func missingYearComesFromTheDocumentNeverToday() {
        let year = DateValue.when(PartialDate(year: 1956, month: 11, day: 4)!)
        #expect(Self.tagged("Tuesday (23 October) and 30 October", date: year) == ["23 October when=1956-10-23", "30 October when=1956-10-30"])
        #expect(Self.tagged("on 30 October") == ["30 October when=--10-30"])
    }

    @Test func dayMonthOrderFromTheSourcesConventions() {
        #expect(Self.tagged("Received 12/04/1956 after 4 November 1956.") .first == "12/04/1956 when=1956-04-12")
        #expect(Self.tagged("Received 12/04/1956; see November 4, 1956 and December 2, 1956.").first == "12/04/1956 when=1956-12-04")
    }
}

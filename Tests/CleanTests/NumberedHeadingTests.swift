import Foundation
import ScriptoriumModel
import TestSupport
import Testing

/// An edition's numbered heading, its dateline and a serial line right above the text belong to
/// the document, not to the page's menus (FRUS document 280, public domain, in the structure
/// fixtures).
@Suite struct NumberedHeadingTests {
    @Test func numberedHeadingAndDatelineAboveTheTextStay() throws {
        let path = Fixtures.goldenFolder.appendingPathComponent("structures/frus-d280.txt").path
        let page = String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
        let cleaned = try clean(page, name: "frus-d280.txt")
        let kept = keptText(cleaned)
        #expect(kept.contains("Telegram From the Department of State to the Mission at the United Nations1"))
        #expect(kept.contains("Washington, December 27, 1957—6:47 p.m."))
        #expect(kept.contains("Re Hungary."))
        // The volume title above the heading is the site's, and goes.
        #expect(!kept.contains("Foreign Relations of the United States, 1955–1957, Eastern Europe, Volume XXV"))
        #expect(!kept.contains("Office of the Historian"))
    }
}

import Testing
@testable import ScriptoriumSegment
import TestSupport

@Suite struct FootnoteFinderTests {
    @Test func findsNotesCalledInOrder() throws {
        let blocks = Snippet.blocks(Snippet.telegram)
        let result = try #require(FootnoteFinder(blocks: blocks).find())
        // "1. Source:" went to the header; notes 2 to 5 are left, each called in the text.
        #expect(result.blocks.count == 4)
        let numbers = result.calls.values.flatMap { $0.map(\.number) }.sorted()
        #expect(numbers == ["2", "3", "4", "5"])
    }

    @Test func resolutionClausesAreNoFootnotes() {
        // Sample 001: numbered operative clauses, never called from the text.
        let text = """
            Taking note of the radio appeal of Prime Minister Imré Nagy of 4 November 1956,

            - 1. *Calls upon* the Government of the Union of Soviet Socialist Republics to desist forthwith;
            - 2. *Calls upon* the Union of Soviet Socialist Republics to cease the introduction of additional armed forces;
            """
        #expect(FootnoteFinder(blocks: Snippet.blocks(text)).find() == nil)
    }
}

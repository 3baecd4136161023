import Foundation
import ScriptoriumClean
import ScriptoriumIngest
import ScriptoriumModel
@testable import ScriptoriumSegment
import TestSupport

/// Runs real text through the real cleaner, so detectors are tested on the blocks they see in
/// production rather than on hand-made ones.
enum Snippet {
    static let cleaner: Cleaner = {
        // The repository's rules are part of the test: failing to load them is a test failure.
        do { return Cleaner(rules: try CleaningRules.load(from: Fixtures.rulesFolder)) } catch { fatalError("rules: \(error)") }
    }()

    static func cleaned(_ text: String, name: String = "snippet.txt") -> CleanedSource {
        let raw = RawSource(name: name, bytes: Array(text.utf8))
        do { return cleaner.clean(try SourceDecoder().decode(raw)) } catch { fatalError("decode: \(error)") }
    }

    static func blocks(_ text: String) -> [TextBlock] {
        TextBlock.blocks(from: cleaned(text).lines)
    }

    static func segmented(_ text: String) -> SegmentedSource {
        Segmenter().segment(cleaned(text))
    }

    /// The plain text of a run, with page breaks as `|pb N|` and calls as `|fn N|`.
    static func plain(_ run: Run<String>) -> String {
        run.phrases.map { phrase in
            switch phrase {
            case .text(let text): return text
            case .supplied(let text): return "<supplied>\(text)</supplied>"
            case .foreign(let text): return "<foreign>\(text)</foreign>"
            case .pageBreak(let number): return "|pb \(number)|"
            case .noteReference(let number): return "|fn \(number)|"
            }
        }.joined()
    }

    /// A FRUS page as the dev set's scraper saw it (d280, shortened), shared by several tests.
    static let telegram = """
        Office of the Historian
        Search
        Home › Historical Documents › Foreign Relations of the United States, 1955–1957, Eastern Europe, Volume XXV › Document 280
        Foreign Relations of the United States, 1955–1957, Eastern Europe, Volume XXV

        280. Telegram From the Department of State to the Mission at the United Nations1

        Washington, December 27, 1957—6:47 p.m.

        516. Re Hungary.

        1.
        Dept believes important find additional means of focusing attention on current situation in Hungary, particularly because of likelihood new trials and executions may be announced at any time.2 In these circumstances we have been considering possible steps that will produce further publicity.
        2.
        Without placing US in forefront of campaign, our idea would be to stimulate as many UN members as possible to communicate their official concern to the Hungarian UN representative and express their hope that he will, pursuant to his own commitment, inform them [Page 704] regarding true facts of trials, etc.
        3.
        Text of draft US communication will be sent you separately.3
        Dulles
          1. Source: Department of State, Central Files, 764.00/12–2757. Confidential. Drafted by Elizabeth A. Brown (IO/UNP).
          2. The Legation in Budapest received reliable reports that former Nagy government officials were being secretly tried.
          3. Reference is to a draft of a letter from Acting Representative at the United Nations, Ambassador James J. Wadsworth.

        Previous
        Next
        Office of the Historian
        """
}

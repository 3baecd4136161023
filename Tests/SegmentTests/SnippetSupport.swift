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

    /// A FRUS page as the dev set's scraper saw it (d280, whole), shared by several tests.
    static var telegram: String {
        String(decoding: FileManager.default.contents(atPath: Fixtures.goldenFolder.appendingPathComponent("structures/frus-d280.txt").path) ?? Data(), as: UTF8.self)
    }
}

import Foundation
import ScriptoriumModel
import ScriptoriumPipeline
import Testing
import TestSupport

/// What must stay true of the samples whatever the rules: the BBC page is three documents,
/// every document has a title of its own, the repaired name survives, rebuilds are identical.
@Suite struct SampleShapeTests {
    static func pipeline() throws -> Pipeline {
        try Pipeline(resources: Resources(rulesFolder: Fixtures.rulesFolder, schemaPath: Fixtures.schemaPath))
    }

    static func published(_ name: String) throws -> [ValidatedTEI] {
        guard case .published(let source) = try pipeline().process(Fixtures.sample(name)) else {
            Issue.record("\(name) was quarantined")
            return []
        }
        return source.documents
    }

    @Test func samplesKeepTheirShape() throws {
        let bbc = try Self.published("003_a739058c7e7fc698.txt")
        #expect(bbc.count == 3)
        for name in Fixtures.sampleNames() {
            for document in try Self.published(name) {
                #expect(!document.title.isEmpty && document.title != "Untitled document", "\(name) has no title")
            }
        }
        let letter = try #require(try Self.published("000_08e9c624ea62eb75.txt").first)
        #expect(String(decoding: letter.bytes, as: UTF8.self).contains("Hammarskjöld"))
    }

    @Test func rebuildIsByteIdentical() throws {
        for name in Fixtures.sampleNames() {
            #expect(try Self.published(name).map(\.bytes) == Self.published(name).map(\.bytes))
        }
    }
}

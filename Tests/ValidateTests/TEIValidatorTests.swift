import Foundation
import LibXML
import ScriptoriumModel
import ScriptoriumValidate
import TestSupport
import Testing

let validTEI = Fixtures.validTEI

func lineNumber(of needle: String, in text: String) -> Int {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    return (lines.firstIndex { $0.contains(needle) } ?? -1) + 1
}

@Suite struct TEIValidatorTests {
    let validator: TEIValidator

    init() throws {
        validator = try TEIValidator(schemaPath: Fixtures.schemaPath)
    }

    @Test func validDocumentPasses() throws {
        try validator.check(Array(validTEI.utf8), name: "valid.xml")
    }

    @Test func missingElementReportedAtTheRightLine() {
        let dropped = ["publicationStmt>", "<publisher>", "<idno type=\"document\">"]
        let broken = validTEI.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { line in !dropped.contains { line.contains($0) } }
            .joined(separator: "\n")
        do {
            try validator.check(Array(broken.utf8), name: "broken.xml")
            Issue.record("a TEI file without publicationStmt validated")
        } catch {
            guard case .invalid(let file, let problems) = error else {
                Issue.record("expected a schema error, got \(error)")
                return
            }
            #expect(file == "broken.xml")
            #expect(problems.contains { $0.line == lineNumber(of: "<sourceDesc>", in: broken) })
            #expect(error.details.allSatisfy { $0.hasPrefix("broken.xml:") })
        }
    }

    @Test func badDateValueReportedAtItsLine() {
        let broken = validTEI.replacingOccurrences(of: "<p>Today, on <date when=\"1956-11-01\">", with: "<p>Today, on <date when=\"1956-13-45\">")
        #expect(throws: ValidationError.self) { try validator.check(Array(broken.utf8), name: "b.xml") }
        do {
            try validator.check(Array(broken.utf8), name: "b.xml")
        } catch {
            #expect(error.problems.first?.line == lineNumber(of: "1956-13-45", in: broken))
        }
    }

    @Test func notWellFormedReportedWithLineAndColumn() {
        let broken = validTEI.replacingOccurrences(of: "I received an invitation.", with: "AT&T <ok> received")
        do {
            try validator.check(Array(broken.utf8), name: "nwf.xml")
            Issue.record("not well-formed XML validated")
        } catch {
            guard case .notWellFormed(_, let problems) = error else {
                Issue.record("expected a well-formedness error, got \(error)")
                return
            }
            #expect(problems.first?.line == lineNumber(of: "AT&T", in: broken))
            #expect((problems.first?.column ?? 0) > 0)
        }
    }

    @Test func externalEntitiesAreNeverLoaded() throws {
        let secret = Fixtures.temporaryFolder().appendingPathComponent("secret.txt")
        try "TOP-SECRET-CONTENT".write(to: secret, atomically: true, encoding: .utf8)
        let xxe = validTEI
            .replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", with: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE TEI [<!ENTITY x SYSTEM \"file://\(secret.path)\">]>\n")
            .replacingOccurrences(of: "I received an invitation.", with: "&x;")
        do {
            try validator.check(Array(xxe.utf8), name: "xxe.xml")
            Issue.record("a document with an external entity was accepted")
        } catch {
            guard case .notWellFormed = error else {
                Issue.record("expected the DOCTYPE to be refused, got \(error)")
                return
            }
            #expect(error.details.joined().contains("DOCTYPE"))
            #expect(!error.details.joined().contains("TOP-SECRET-CONTENT"))
        }
    }

    @Test func billionLaughsIsRefused() {
        var entities = "<!ENTITY l0 \"ha\">"
        for level in 1...10 {
            entities += "<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">"
        }
        let bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE TEI [\(entities)]>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">&l10;</TEI>\n"
        do {
            try validator.check(Array(bomb.utf8), name: "bomb.xml")
            Issue.record("a billion-laughs document was accepted")
        } catch {
            // Refused as not well-formed: libxml2 stops the entity expansion, and a DOCTYPE is never accepted.
            guard case .notWellFormed = error else {
                Issue.record("expected the bomb to be refused while parsing, got \(error)")
                return
            }
            let details = error.details.joined()
            #expect(details.contains("DOCTYPE") || details.contains("entity"))
        }
    }

    @Test func unusableSchemaIsATypedError() {
        #expect(throws: ValidationError.self) { try TEIValidator(schemaPath: "/nonexistent/schema.rng") }
    }

    @Test func sharedSchemaValidatesFromManyThreads() async throws {
        let validator = self.validator
        let bytes = Array(validTEI.utf8)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    for _ in 0..<50 { try validator.check(bytes, name: "valid.xml") }
                }
            }
            try await group.waitForAll()
        }
    }
}

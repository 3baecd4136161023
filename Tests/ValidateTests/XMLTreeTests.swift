import LibXML
import Testing

/// The tree readers walk instead of FoundationXML (which never frees a parsed document on Linux).
@Suite struct XMLTreeTests {
    let tei = """
        <?xml version="1.0" encoding="UTF-8"?>
        <TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="d1-1" xml:lang="de">
          <teiHeader><fileDesc><titleStmt><title>Aufstand in <placeName ref="#pl-budapest">Budapest</placeName></title></titleStmt></fileDesc></teiHeader>
          <text><body><p>Imre <![CDATA[Nagy & Co]]> sprach.<!-- a comment --> Ende</p></body></text>
        </TEI>
        """

    @Test func namesNamespacesAndQualifiedAttributes() throws {
        let root = try ParsedXML.parseTree(Array(tei.utf8), name: "t.xml")
        #expect(root.name == "TEI")
        #expect(root.namespace == "http://www.tei-c.org/ns/1.0")
        #expect(root.attribute("xml:id") == "d1-1")
        #expect(root.attribute("xml:lang") == "de")
        #expect(root.attribute("id") == nil)
        let title = try #require(root.first(path: ["teiHeader", "fileDesc", "titleStmt", "title"]))
        #expect(title.stringValue == "Aufstand in Budapest")
        #expect(title.first("placeName")?.attribute("ref") == "#pl-budapest")
    }

    @Test func textAndCDATARunsMergeAndCommentsAreLeftOut() throws {
        let root = try ParsedXML.parseTree(Array(tei.utf8), name: "t.xml")
        let paragraph = try #require(root.descendants(named: "p").first)
        #expect(paragraph.children == [.text("Imre Nagy & Co sprach. Ende")])
        #expect(root.descendants().map(\.name) == ["teiHeader", "fileDesc", "titleStmt", "title", "placeName", "text", "body", "p"])
    }

    @Test func unsafeOrBrokenInputIsRefused() {
        let doctype = "<!DOCTYPE TEI [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><TEI>&x;</TEI>"
        #expect(throws: ParsedXML.Failure.self) { try ParsedXML.parseTree(Array(doctype.utf8), name: "xxe.xml") }
        #expect(throws: ParsedXML.Failure.self) { try ParsedXML.parseTree(Array("<TEI><p></TEI>".utf8), name: "broken.xml") }
    }
}

import Foundation
import LibXML
import ScriptoriumExport
import ScriptoriumModel
import ScriptoriumPipeline

/// libFuzzer harness over the whole pipeline (ingest, clean, segment, annotate, export,
/// validate) and over the TEI writer on its own.
///
/// Build and run (see README "Fuzzing"):
///     swift build --scratch-path .build-fuzz --product FuzzPipeline -Xswiftc -DFUZZING \
///         -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
///     .build-fuzz/debug/FuzzPipeline Fuzz/corpus -max_total_time=60
///
/// A crash, a hang, or a published document that is not well-formed and valid is a finding;
/// each finding becomes a regression test in `Tests/PropertyTests`.
enum FuzzHarness {
    static let pipeline: Pipeline = {
        do {
            return try Pipeline(resources: Resources.locate())
        } catch {
            FileHandle.standardError.write(Data("FuzzPipeline: \(error)\n".utf8))
            exit(2)
        }
    }()

    static let writer = TEIWriter(application: ApplicationInfo(ident: "scriptorium", version: "0.1.0", label: "Scriptorium"))

    static func run(_ bytes: [UInt8]) {
        // The whole pipeline on the bytes as a file.
        switch pipeline.process(RawSource(name: "fuzz.txt", bytes: bytes)) {
        case .published(let published):
            for document in published.documents { checkWellFormedAndValid(document.bytes, what: "published document") }
        case .quarantined(let reason):
            guard reason.rejected.isEmpty else {
                fatalError("the pipeline produced invalid TEI: \(reason.text)")
            }
        }
        // The writer alone, with the bytes as (lossily decoded) title and text.
        let text = String(decoding: bytes, as: UTF8.self)
        let digest = SourceDigest(of: bytes)
        let metadata = DocumentMetadata(
            id: DocumentID(source: digest, position: 1), source: SourceIdentity(name: text, digest: digest, size: bytes.count),
            position: 1, documentCount: 1, title: text.isEmpty ? "x" : text, date: nil, dateText: nil,
            headerFields: [HeaderField(kind: .other, label: text, value: text.isEmpty ? "x" : text, lines: LineRange(line: 1))],
            encoding: .utf8, ruleSets: [], cleaning: CleaningSummary(records: [])
        )
        let body = DocumentBody(heading: nil, blocks: [Block.paragraph(Run(text: InlineText(plain: text.isEmpty ? "x" : text)))], sections: [])
        let draft = writer.render(AnnotatedDocument(metadata: metadata, body: body))
        // Only well-formedness is promised here: the schema requires non-blank text, which raw
        // fuzz bytes need not have.
        do {
            _ = try ParsedXML.parse(draft.bytes, name: "writer.xml")
        } catch {
            fatalError("the TEI writer produced XML that is not well-formed: \(error.diagnostics)")
        }
    }

    static func checkWellFormedAndValid(_ bytes: [UInt8], what: String) {
        do {
            try pipeline.validator.check(bytes, name: "fuzz.xml")
        } catch {
            fatalError("\(what) is not valid: \(error)")
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzHarness.run(bytes)
    return 0
}

import Foundation
import ScriptoriumModel

/// Paths and helpers shared by every test target: the repository's own samples, rules and
/// schema, the shared TEI schemas, and temporary folders that clean up after themselves.
public enum Fixtures {
    /// The repository root, found from this file's location.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // TestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    public static var samplesFolder: URL { repositoryRoot.appendingPathComponent("Samples") }
    public static var rulesFolder: URL { repositoryRoot.appendingPathComponent("Rules") }
    public static var schemaPath: String { repositoryRoot.appendingPathComponent("Schemas/scriptorium.rng").path }
    public static var goldenFolder: URL { repositoryRoot.appendingPathComponent("Tests/Golden") }

    /// `../shared` beside the repository, when present (CI and developers' machines have it).
    public static var sharedFolder: URL { repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared") }
    public static var teiAllSchemaPath: String { sharedFolder.appendingPathComponent("schemas/tei_all.rng").path }

    /// The bundled sample file names, sorted.
    public static func sampleNames() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: samplesFolder.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted()
    }

    public static func sampleBytes(_ name: String) -> [UInt8] {
        [UInt8](FileManager.default.contents(atPath: samplesFolder.appendingPathComponent(name).path) ?? Data())
    }

    public static func sample(_ name: String) -> RawSource {
        RawSource(name: name, bytes: sampleBytes(name))
    }

    /// A fresh empty folder under the system's temporary folder.
    public static func temporaryFolder(_ label: String = "scriptorium-test") -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every regular file below `folder`, relative paths sorted, with their bytes.
    public static func snapshot(of folder: URL) -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return result }
        while let relative = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            let path = folder.appendingPathComponent(relative).path
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
                result[relative] = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
            }
        }
        return result
    }
}

extension Fixtures {
    /// The `scriptorium` executable of the same build as the running tests (`swift build`
    /// puts it beside the test bundle).
    public static var executablePath: String {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0])
        var folder = testBinary.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("scriptorium").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return repositoryRoot.appendingPathComponent(".build/debug/scriptorium").path
    }

    /// Result of running the CLI.
    public struct CommandResult: Sendable {
        public var status: Int32
        public var standardOutput: String
        public var standardError: String
    }

    /// Runs `scriptorium` with `arguments` in `folder`, waiting for it to finish.
    public static func runScriptorium(_ arguments: [String], in folder: URL? = nil) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executablePath)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        var environment = ProcessInfo.processInfo.environment
        environment["SCRIPTORIUM_HOME"] = repositoryRoot.path
        process.environment = environment
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(
            status: process.terminationStatus,
            standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self)
        )
    }
}

extension Fixtures {
    /// A small document valid against Schemas/scriptorium.rng, one element per line so tests can
    /// name lines.
    public static let validTEI = """
    <?xml version="1.0" encoding="UTF-8"?>
    <TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="d0123456789abcdef-1">
      <teiHeader>
        <fileDesc>
          <titleStmt>
            <title>Andropov Report</title>
          </titleStmt>
          <publicationStmt>
            <publisher>Scriptorium</publisher>
            <idno type="document">d0123456789abcdef-1</idno>
          </publicationStmt>
          <sourceDesc>
            <bibl type="source">
              <idno type="filename">a.txt</idno>
              <idno type="sha256">0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef</idno>
              <extent>10 bytes, UTF-8</extent>
              <biblScope unit="document" from="1" to="1">document 1 of 1</biblScope>
            </bibl>
          </sourceDesc>
        </fileDesc>
        <encodingDesc>
          <appInfo>
            <application ident="scriptorium" version="0.1.0">
              <label>Scriptorium</label>
            </application>
          </appInfo>
          <editorialDecl>
            <p>Cleaned.</p>
          </editorialDecl>
        </encodingDesc>
        <profileDesc>
          <creation>
            <date when="1956-11-01">November 1, 1956</date>
          </creation>
        </profileDesc>
      </teiHeader>
      <text>
        <body>
          <p>Today, on <date when="1956-11-01">November 1</date>, I received an invitation.</p>
        </body>
      </text>
    </TEI>

    """
}

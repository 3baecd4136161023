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

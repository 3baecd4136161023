import Foundation

/// Finds the data files the pipeline needs at run time: the rule folder and the TEI schema.
///
/// Looked up, in order: explicit paths; `$SCRIPTORIUM_HOME`; the folders above the running
/// executable (a checkout's `.build/release/scriptorium` finds the checkout's `Rules/` and
/// `Schemas/`); the current folder. Rules are data that archivists edit, so they are read from
/// disk on every start, never compiled in.
public struct Resources: Sendable, Hashable {
    public var rulesFolder: URL
    public var schemaPath: String

    public static let schemaRelativePath = "Schemas/scriptorium.rng"
    public static let rulesRelativePath = "Rules"

    public init(rulesFolder: URL, schemaPath: String) {
        self.rulesFolder = rulesFolder
        self.schemaPath = schemaPath
    }

    /// Finds both resources, preferring `rules` and `schema` when given.
    public static func locate(rules: String? = nil, schema: String? = nil) throws(ResourceError) -> Resources {
        let home = candidates().first { root in
            FileManager.default.fileExists(atPath: root + "/" + schemaRelativePath)
                && FileManager.default.fileExists(atPath: root + "/" + rulesRelativePath)
        }
        let rulesPath = rules ?? home.map { $0 + "/" + rulesRelativePath }
        let schemaPath = schema ?? home.map { $0 + "/" + schemaRelativePath }
        guard let rulesPath, let schemaPath else {
            throw ResourceError(searched: candidates())
        }
        return Resources(rulesFolder: URL(fileURLWithPath: rulesPath), schemaPath: schemaPath)
    }

    static func candidates() -> [String] {
        var roots: [String] = []
        if let home = ProcessInfo.processInfo.environment["SCRIPTORIUM_HOME"], !home.isEmpty { roots.append(home) }
        if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            var folder = (executable as NSString).deletingLastPathComponent
            for _ in 0..<5 {
                roots.append(folder)
                let parent = (folder as NSString).deletingLastPathComponent
                if parent == folder { break }
                folder = parent
            }
        }
        roots.append(FileManager.default.currentDirectoryPath)
        return roots
    }
}

/// The rules or schema were not found anywhere.
public struct ResourceError: Error, CustomStringConvertible {
    public var searched: [String]
    public var description: String {
        "cannot find Scriptorium's \(Resources.rulesRelativePath)/ and \(Resources.schemaRelativePath) in: "
            + searched.joined(separator: ", ")
            + "\nwhat to do: run from the repository, set SCRIPTORIUM_HOME to the folder holding them, or pass --rules and --schema"
    }
}

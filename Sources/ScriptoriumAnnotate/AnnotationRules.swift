import Foundation
import ScriptoriumModel

/// Everything the annotator's behaviour depends on that an archivist may edit: the authority
/// file, the name cues and the language profiles, read from `Rules/` on every start.
public struct AnnotationRules: Sendable {
    public static let supportedFormat = 1
    public static let authorityFileName = "authority.json"
    public static let cuesFileName = "entity-cues.json"
    public static let languagesFileName = "languages.json"

    public let authority: Authority
    public let cues: EntityCues
    public let languages: LanguageProfiles

    /// Which data files (name and version) these are, for the TEI header.
    public var versions: [RuleSetVersion] {
        [authority.version, RuleSetVersion(name: cues.name, version: cues.version), RuleSetVersion(name: languages.name, version: languages.version)]
    }

    /// Reads the three files from `directory`.
    public static func load(from directory: URL) throws(AnnotationRuleError) -> AnnotationRules {
        let authorityURL = directory.appendingPathComponent(authorityFileName)
        let authorityFile: Authority.File = try decode(authorityURL)
        try checkFormat(authorityFile.format, file: authorityURL.path)
        let authority = try Authority(file: authorityFile, path: authorityURL.path)
        let cuesURL = directory.appendingPathComponent(cuesFileName)
        let cues: EntityCues = try decode(cuesURL)
        try checkFormat(cues.format, file: cuesURL.path)
        let languagesURL = directory.appendingPathComponent(languagesFileName)
        let languages: LanguageProfiles = try decode(languagesURL)
        try checkFormat(languages.format, file: languagesURL.path)
        return AnnotationRules(authority: authority, cues: cues, languages: languages)
    }

    static func decode<T: Decodable>(_ url: URL) throws(AnnotationRuleError) -> T {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw AnnotationRuleError(file: url.path, problem: "the file cannot be read", remedy: "restore it from the repository's Rules/ folder or pass --rules")
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw AnnotationRuleError(file: url.path, problem: "not valid for this format: \(error)", remedy: "fix the JSON (compare with the repository's copy) and run again")
        }
    }

    static func checkFormat(_ format: Int, file: String) throws(AnnotationRuleError) {
        guard format == supportedFormat else {
            throw AnnotationRuleError(file: file, problem: "format \(format) is not the supported format \(supportedFormat)", remedy: "use a rule file written for this version of Scriptorium")
        }
    }
}

import Foundation
import ScriptoriumModel

/// Everything the cleaner's behaviour depends on that an archivist may tune: the boilerplate
/// rules, the field labels, the block classifier's thresholds and the stop-word lists, read
/// from versioned data files.
public struct CleaningRules: Sendable {
    /// The rule-file format this build reads. A file of another format is refused, naming both.
    public static let supportedFormat = 1
    public static let boilerplateFileName = "boilerplate.json"
    public static let fieldsFileName = "fields.json"
    public static let classifierFileName = "classifier.json"

    let lineRules: [CompiledLineRule]
    let inlineRules: [CompiledLineRule]
    let fields: [FieldLabel]
    /// Label (comparison key) → field, for lookup.
    let fieldsByLabel: [String: FieldLabel]
    /// The block classifier's thresholds.
    public let classifier: ClassifierSettings
    /// Stop words per language, the classifier's evidence of prose.
    public let stopWords: StopWords
    /// Which rule files (name and version) these are, for the TEI header.
    public let versions: [RuleSetVersion]

    /// Every rule in file order, for `check-rules` and reports.
    public var rules: [LineRule] { (lineRules + inlineRules).map(\.rule) }

    struct BoilerplateFile: Codable {
        var format: Int
        var name: String
        var version: String
        var description: String?
        var rules: [LineRule]
    }

    struct FieldsFile: Codable {
        var format: Int
        var name: String
        var version: String
        var description: String?
        var fields: [FieldLabel]
    }

    /// Reads `boilerplate.json`, `fields.json`, `classifier.json` and `stopwords/` from `directory`.
    public static func load(from directory: URL) throws(RuleError) -> CleaningRules {
        let boilerplateURL = directory.appendingPathComponent(boilerplateFileName)
        let fieldsURL = directory.appendingPathComponent(fieldsFileName)
        let classifierURL = directory.appendingPathComponent(classifierFileName)
        let boilerplate: BoilerplateFile = try decode(boilerplateURL)
        let fields: FieldsFile = try decode(fieldsURL)
        let classifier: ClassifierSettings = try decode(classifierURL)
        try checkFormat(boilerplate.format, file: boilerplateURL.path)
        try checkFormat(fields.format, file: fieldsURL.path)
        try checkFormat(classifier.format, file: classifierURL.path)
        let stopWords = try StopWords.load(from: directory.appendingPathComponent(StopWords.folderName))
        return try CleaningRules(
            boilerplate: boilerplate, boilerplateFile: boilerplateURL.path, fields: fields, fieldsFile: fieldsURL.path,
            classifier: classifier, stopWords: stopWords
        )
    }

    init(
        boilerplate: BoilerplateFile, boilerplateFile: String, fields: FieldsFile, fieldsFile: String,
        classifier: ClassifierSettings, stopWords: StopWords
    ) throws(RuleError) {
        var seen = Set<String>()
        var lineRules: [CompiledLineRule] = []
        var inlineRules: [CompiledLineRule] = []
        for rule in boilerplate.rules {
            guard seen.insert(rule.id).inserted else {
                throw RuleError(file: boilerplateFile, ruleID: rule.id, problem: "the id is used twice", remedy: "give each rule its own id")
            }
            let compiled = try CompiledLineRule(rule: rule, file: boilerplateFile)
            switch rule.scope {
            case .line: lineRules.append(compiled)
            case .inline: inlineRules.append(compiled)
            }
        }
        var byLabel: [String: FieldLabel] = [:]
        for field in fields.fields {
            for label in field.labels {
                let key = label.comparisonKeyForLabels
                if let other = byLabel[key] {
                    throw RuleError(file: fieldsFile, ruleID: field.id, problem: "label \"\(label)\" is also a label of \"\(other.id)\"", remedy: "keep each label in one field only")
                }
                byLabel[key] = field
            }
        }
        self.lineRules = lineRules
        self.inlineRules = inlineRules
        self.fields = fields.fields
        self.fieldsByLabel = byLabel
        self.classifier = classifier
        self.stopWords = stopWords
        self.versions = [
            RuleSetVersion(name: boilerplate.name, version: boilerplate.version),
            RuleSetVersion(name: fields.name, version: fields.version),
            RuleSetVersion(name: classifier.name, version: classifier.version),
        ]
    }

    private static func decode<T: Decodable>(_ url: URL) throws(RuleError) -> T {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw RuleError(file: url.path, problem: "cannot read the rule file", remedy: "check that the rules folder holds \(url.lastPathComponent) (see --rules)")
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw RuleError(file: url.path, problem: "not a valid rule file: \(Self.describe(error))", remedy: "fix the JSON; compare with the file shipped in Rules/")
        }
    }

    private static func checkFormat(_ format: Int, file: String) throws(RuleError) {
        guard format == supportedFormat else {
            throw RuleError(file: file, problem: "the file has format \(format) but this build reads format \(supportedFormat)", remedy: "use rule files written for this version of Scriptorium")
        }
    }

    private static func describe(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, let context)?:
            return "missing \"\(key.stringValue)\" at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?, .dataCorrupted(let context)?:
            return "\(context.debugDescription) at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default:
            return "\(error)"
        }
    }

    /// A rule example that did not behave as its file says.
    public struct ExampleFailure: Sendable, Hashable, CustomStringConvertible {
        public var ruleID: String
        public var example: String
        public var expectedMatch: Bool
        public var description: String {
            "rule \"\(ruleID)\": expected to \(expectedMatch ? "match" : "leave alone") \"\(example)\""
        }
    }

    /// Runs every rule's examples; an empty result means every rule does what its file says.
    public func checkExamples() -> [ExampleFailure] {
        var failures: [ExampleFailure] = []
        for compiled in lineRules + inlineRules {
            let rule = compiled.rule
            func applies(_ text: String) -> Bool {
                rule.scope == .line ? compiled.matches(line: text) : compiled.removingMatches(from: text) != nil
            }
            for example in rule.examples.match where !applies(example) {
                failures.append(ExampleFailure(ruleID: rule.id, example: example, expectedMatch: true))
            }
            for example in rule.examples.keep where applies(example) {
                failures.append(ExampleFailure(ruleID: rule.id, example: example, expectedMatch: false))
            }
        }
        return failures
    }

    /// The length in characters of the longest field label.
    var longestLabel: Int { fields.lazy.flatMap(\.labels).map(\.count).max() ?? 0 }

    /// The field whose label `text` is (with or without a trailing colon).
    func field(labelled text: String) -> FieldLabel? {
        fieldsByLabel[text.comparisonKeyForLabels]
    }
}

extension String {
    /// Labels compare case-insensitively with white space folded.
    var comparisonKeyForLabels: String {
        lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

import ScriptoriumModel

/// Why a rule file could not be used. Rules are data that archivists edit, so every message
/// names the file and the rule.
public struct RuleError: ScriptoriumError, Equatable {
    public var file: String
    public var ruleID: String?
    public var problem: String
    public var remedy: String

    public var stage: PipelineStage { .clean }
    public var location: SourceLocation? { SourceLocation(file: file) }

    public init(file: String, ruleID: String? = nil, problem: String, remedy: String) {
        self.file = file
        self.ruleID = ruleID
        self.problem = (ruleID.map { "rule \"\($0)\": " } ?? "") + problem
        self.remedy = remedy
    }
}

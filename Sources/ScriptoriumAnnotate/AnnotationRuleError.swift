import ScriptoriumModel

/// Why an annotation data file (authority, cues, language profiles) could not be used. The
/// files are data archivists edit, so the message names the file and, when it applies, the entry.
public struct AnnotationRuleError: ScriptoriumError, Equatable {
    public var file: String
    public var problem: String
    public var remedy: String

    public var stage: PipelineStage { .annotate }
    public var location: SourceLocation? { SourceLocation(file: file) }

    public init(file: String, entry: String? = nil, problem: String, remedy: String) {
        self.file = file
        self.problem = (entry.map { "entry \"\($0)\": " } ?? "") + problem
        self.remedy = remedy
    }
}

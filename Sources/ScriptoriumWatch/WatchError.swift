import ScriptoriumModel

/// Why the watcher cannot start or could not do one of its own jobs (watching a folder,
/// claiming a file). Starting failures stop the daemon; the others are logged and retried.
public struct WatchError: ScriptoriumError, Equatable {
    public var problem: String
    public var path: String
    public var remedy: String

    public var stage: PipelineStage { .ingest }
    public var location: SourceLocation? { path.isEmpty ? nil : SourceLocation(file: path) }

    public init(problem: String, path: String, remedy: String) {
        self.problem = problem
        self.path = path
        self.remedy = remedy
    }
}

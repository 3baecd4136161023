import ScriptoriumModel

/// Why the archive could not be read or written. These stop a command (or, in the daemon, the
/// one source): a disk that refuses writes must never look like a processed document.
public struct ArchiveError: ScriptoriumError, Equatable {
    public var problem: String
    public var path: String
    public var remedy: String

    public var stage: PipelineStage { .archive }
    public var location: SourceLocation? { SourceLocation(file: path) }

    public init(problem: String, path: String, remedy: String) {
        self.problem = problem
        self.path = path
        self.remedy = remedy
    }

    static func system(_ action: String, path: String, errno code: Int32) -> ArchiveError {
        let reason = String(cString: strerror(code))
        let remedy: String
        switch code {
        case ENOSPC, EDQUOT: remedy = "free disk space on the archive's file system and run the command again; nothing was removed from the inbox"
        case EACCES, EPERM, EROFS: remedy = "give this user write access to the archive folder"
        default: remedy = "check the archive folder and run the command again"
        }
        return ArchiveError(problem: "cannot \(action): \(reason)", path: path, remedy: remedy)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

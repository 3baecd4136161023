import ScriptoriumModel

/// Why a source could not be read or decoded as text.
public enum IngestError: ScriptoriumError, Equatable {
    /// The file could not be opened or read.
    case unreadable(path: String, reason: String)
    /// The file is larger than the configured limit; it was not read into memory.
    case tooLarge(path: String, size: Int, limit: Int)
    /// Not a regular file (a folder, FIFO, device, or a link leading outside).
    case notRegularFile(path: String, kind: String)
    /// The file grew, shrank or was rewritten while it was being read.
    case changedWhileReading(path: String)
    /// The file holds no bytes, or nothing but white space.
    case empty(name: String)
    /// The bytes are not text (an image, a PDF, an archive...).
    case binary(name: String, evidence: String)

    public var stage: PipelineStage { .ingest }

    public var problem: String {
        switch self {
        case .unreadable(_, let reason): return "cannot read the file: \(reason)"
        case .tooLarge(_, let size, let limit): return "the file is \(size) bytes, over the limit of \(limit) bytes"
        case .notRegularFile(_, let kind): return "not a regular file but \(kind)"
        case .changedWhileReading: return "the file changed while it was being read"
        case .empty: return "the file is empty (no text at all)"
        case .binary(_, let evidence): return "the file is not text: \(evidence)"
        }
    }

    public var location: SourceLocation? {
        switch self {
        case .unreadable(let path, _), .tooLarge(let path, _, _), .notRegularFile(let path, _), .changedWhileReading(let path):
            return SourceLocation(file: path)
        case .empty(let name), .binary(let name, _): return SourceLocation(file: name)
        }
    }

    public var remedy: String {
        switch self {
        case .unreadable: return "check the file's permissions and that it still exists, then drop it again"
        case .tooLarge: return "split the file into smaller documents, or raise the size limit for this run"
        case .notRegularFile: return "put the text itself (a regular file) into the inbox"
        case .changedWhileReading: return "let the writer finish (write under a temporary name, then rename into the inbox); it is read again on the next run"
        case .empty: return "check the scraper's output; drop the file again once it holds the document's text"
        case .binary: return "convert the document to plain text (UTF-8) before dropping it into the inbox"
        }
    }
}

/// What a look at an inbox file showed: enough to tell whether it changed since the last look.
///
/// The change time (`ctime`) is in it because writers cannot set it: a copy that preserves the
/// modification time (`cp -p`, `rsync -t`) still moves `ctime` with every write.
public struct FileSnapshot: Sendable, Hashable {
    public var size: Int
    public var modified: Int64
    public var changed: Int64
    public var inode: UInt64

    public init(size: Int, modified: Int64, changed: Int64, inode: UInt64) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
    }
}

/// One observation of a regular file in the inbox.
public struct FileObservation: Sendable, Hashable {
    public var snapshot: FileSnapshot
    /// Some process still has the file open for writing (known from a refused read lease);
    /// false when nobody has, or when the file system cannot tell.
    public var beingWritten: Bool

    public init(snapshot: FileSnapshot, beingWritten: Bool = false) {
        self.snapshot = snapshot
        self.beingWritten = beingWritten
    }
}
